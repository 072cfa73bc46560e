// The provider plugin as `pulumi plugin install resource ovirt <version> --file <tarball>` takes
// it: a tarball whose root holds the executable pulumi-resource-ovirt (a small Node.js launcher)
// and pulumi-resource-ovirt.mjs, the provider bundled by esbuild from provider/main.ts with its npm
// dependencies and schema.json inside, plus chunks/: what main.ts imports dynamically (the
// resources, the engine client, their validators) is split off, so a start reads and compiles only
// what it needs before printing its port. It needs nothing but a Node.js 22+ on PATH.
//
// The build starts the bundle once, from a copy outside the repository, before packing it.
// The unpacked plugin also stays in <out>/plugin, with <out>/plugin.inputs listing the repository
// files it was built from: provider/bin/pulumi-resource-ovirt runs that bundle while none of them
// has changed since.

import { spawn } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { connectProvider } from "../../test/provider/harness.ts";
import { NODE_BUNDLE_OPTIONS, writeTarball, type ArtifactStep } from "./artifacts.ts";

export const PLUGIN_BUNDLE = "pulumi-resource-ovirt.mjs";
export const PLUGIN_LAUNCHER = "pulumi-resource-ovirt";
const CHUNKS = "chunks";

export const pluginStep: ArtifactStep = {
  name: "provider plugin",
  async build(ctx) {
    const pluginDir = join(ctx.outDir, "plugin");
    mkdirSync(pluginDir, { recursive: true });
    const result = await build({
      ...NODE_BUNDLE_OPTIONS,
      absWorkingDir: ctx.repoRoot,
      entryPoints: { [PLUGIN_BUNDLE.replace(/\.mjs$/, "")]: "provider/main.ts" },
      outdir: pluginDir,
      outExtension: { ".js": ".mjs" },
      splitting: true,
      chunkNames: `${CHUNKS}/[name]-[hash]`,
      format: "esm",
      // npm packages written as CommonJS call require() for Node's built-in modules; an ES module
      // has no require, so the bundle makes one.
      banner: { js: 'import { createRequire as __ovirtCreateRequire } from "node:module"; const require = __ovirtCreateRequire(import.meta.url);' },
      define: { OVIRT_EMBEDDED_SCHEMA_TEXT: JSON.stringify(readFileSync(join(ctx.repoRoot, "schema.json"), "utf8")) },
    });
    const chunks = readdirSync(join(pluginDir, CHUNKS)).sort().map((file) => `${CHUNKS}/${file}`);
    copyFileSync(join(import.meta.dirname, "plugin-launcher.js"), join(pluginDir, PLUGIN_LAUNCHER));
    chmodSync(join(pluginDir, PLUGIN_LAUNCHER), 0o755);

    // schema.json is embedded, not imported, so it is listed by hand; package-lock.json stands
    // for every file under node_modules.
    const sources = Object.keys(result.metafile.inputs).filter((file) => !file.includes("node_modules/"));
    const inputs = [...new Set([...sources, "schema.json", "package-lock.json", relative(ctx.repoRoot, join(import.meta.dirname, "plugin-launcher.js"))])].sort();
    writeFileSync(join(ctx.outDir, "plugin.inputs"), `${inputs.join("\n")}\n`);

    const files = [PLUGIN_LAUNCHER, PLUGIN_BUNDLE, ...chunks];
    await smokeStart(pluginDir, files, ctx.workDir);

    const tarball = `pulumi-resource-ovirt-v${ctx.version}-linux-amd64.tar.gz`;
    await writeTarball(pluginDir, files, join(ctx.outDir, tarball));
    return { artifacts: [tarball] };
  },
};

/**
 * Starts a copy of the plugin outside the repository, where no node_modules can stand in for
 * something the bundle left out, waits for its port line and sends it a Check (which loads the
 * split-off chunks): a bundle that cannot load fails the build instead of a user's `pulumi up`.
 */
async function smokeStart(pluginDir: string, files: string[], workDir: string): Promise<void> {
  const copy = join(workDir, "plugin-smoke");
  mkdirSync(join(copy, CHUNKS), { recursive: true });
  for (const file of files) copyFileSync(join(pluginDir, file), join(copy, file));
  const child = spawn(process.execPath, [join(copy, PLUGIN_LAUNCHER), "127.0.0.1:1"], { cwd: copy, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  try {
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("printed no port within 20 s")), 20_000);
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        const line = /^(\d+)\n/.exec(stdout);
        if (line) {
          clearTimeout(timer);
          resolve(line[1]!);
        }
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with code ${code} before printing its port`));
      });
    });
    const client = connectProvider(`127.0.0.1:${port}`);
    try {
      const checked = await client.check("ovirt:index:Vm", { name: "smoke", cluster: "Default", template: "Blank" });
      if (checked.inputs.name !== "smoke") throw new Error(`a Check answered ${JSON.stringify(checked)}`);
    } finally {
      client.close();
    }
  } catch (err) {
    throw new Error(`the bundled plugin does not start outside the repository: ${(err as Error).message}\n${stderr}`, { cause: err });
  } finally {
    child.kill("SIGKILL");
  }
}
