// Artifacts built by other front ends' own scripts: `scripts/dist-<name>.sh <out-dir>` is run when
// it exists (DIST_VERSION in its environment), and whatever new files it leaves in <out-dir> are
// its artifacts. A missing script is a skip, named in the summary; a failing one fails the build.

import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { runCommand, type ArtifactStep } from "./artifacts.ts";

export function scriptStep(name: string, script: string): ArtifactStep {
  return {
    name,
    async build(ctx) {
      const path = join(ctx.repoRoot, script);
      if (!existsSync(path)) return { skipped: `${script} does not exist` };
      const before = new Set(readdirSync(ctx.outDir));
      await runCommand("bash", [path, ctx.outDir], { cwd: ctx.repoRoot, env: { ...process.env, DIST_VERSION: ctx.version } });
      const added = readdirSync(ctx.outDir).filter((file) => !before.has(file) && statSync(join(ctx.outDir, file)).isFile());
      if (added.length === 0) throw new Error(`${script} succeeded but wrote no file into ${ctx.outDir}`);
      return { artifacts: added.sort() };
    },
  };
}
