// `ovirt-console` for the release (issue 25): ovirt-console-<version>.tar.gz with the command
// bundled by esbuild from console/main.ts (the engine client and axios inside) as ovirt-console.mjs,
// and ovirt-console, a small sh launcher that runs it on the `node` on PATH (22 or newer).
// Unpack it anywhere and run ./ovirt-console, or link the launcher into a directory on PATH.
//
// The build runs the bundle once from a copy outside the repository (--help, and a run without a
// login), so a bundle that cannot load fails the build instead of a user's first console.

import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { NODE_BUNDLE_OPTIONS, writeTarball, type ArtifactStep } from "./artifacts.ts";

const BUNDLE = "ovirt-console.mjs";
const LAUNCHER = "ovirt-console";

const LAUNCHER_TEXT = `#!/bin/sh
# Runs ovirt-console (the .mjs beside this file, also through a symlink) on the node on PATH.
self="$(readlink -f "$0" 2>/dev/null || echo "$0")"
command -v node >/dev/null 2>&1 || { echo "ovirt-console: needs Node.js 22 or newer on PATH" >&2; exit 1; }
exec node "$(dirname "$self")/${BUNDLE}" "$@"
`;

function smokeRun(dir: string): void {
  const help = spawnSync(join(dir, LAUNCHER), ["--help"], { cwd: dir, encoding: "utf8", env: { PATH: process.env.PATH } });
  if (help.status !== 0 || !help.stdout.includes("usage: ovirt-console")) {
    throw new Error(`the bundled ovirt-console does not start (exit ${help.status}): ${help.stderr}`);
  }
  const noLogin = spawnSync(join(dir, LAUNCHER), ["desk", "--print"], { cwd: dir, encoding: "utf8", env: { PATH: process.env.PATH } });
  if (noLogin.status !== 1 || !noLogin.stderr.includes("no engine login")) {
    throw new Error(`the bundled ovirt-console cannot reach its login code (exit ${noLogin.status}): ${noLogin.stderr}`);
  }
}

export const consoleStep: ArtifactStep = {
  name: "ovirt-console",
  async build(ctx) {
    const dir = join(ctx.workDir, "ovirt-console");
    mkdirSync(dir, { recursive: true });
    await build({
      ...NODE_BUNDLE_OPTIONS,
      absWorkingDir: ctx.repoRoot,
      entryPoints: ["console/main.ts"],
      outfile: join(dir, BUNDLE),
      format: "esm",
      // CommonJS packages (axios's dependencies) call require(); an ES module has none, so it gets one.
      banner: { js: 'import { createRequire as __ovirtCreateRequire } from "node:module"; const require = __ovirtCreateRequire(import.meta.url);' },
    });
    writeFileSync(join(dir, LAUNCHER), LAUNCHER_TEXT);
    chmodSync(join(dir, LAUNCHER), 0o755);
    const copy = join(ctx.workDir, "ovirt-console-smoke");
    mkdirSync(copy, { recursive: true });
    for (const file of [LAUNCHER, BUNDLE]) copyFileSync(join(dir, file), join(copy, file));
    chmodSync(join(copy, LAUNCHER), 0o755);
    smokeRun(copy);
    const tarball = `ovirt-console-${ctx.version}.tar.gz`;
    await writeTarball(dir, [LAUNCHER, BUNDLE], join(ctx.outDir, tarball));
    return { artifacts: [tarball] };
  },
};
