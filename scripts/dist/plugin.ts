// The provider plugin as `pulumi plugin install resource ovirt <version> --file <tarball>` takes
// it: a tarball whose root holds one file, the self-contained executable pulumi-resource-ovirt
// (scripts/dist/sea.ts: the provider bundled from provider/main.ts with its npm dependencies and
// schema.json, inside the Node runtime). It needs no Node on the user's machine.
//
// The build starts a copy of it outside the repository, with no node on PATH, before packing it.
// The unpacked plugin also stays in <out>/plugin, with <out>/plugin.inputs listing the repository
// files it was built from: provider/bin/pulumi-resource-ovirt runs that executable while none of
// them has changed since.

import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { connectProvider } from "../../test/provider/harness.ts";
import { writeTarball, type ArtifactStep } from "./artifacts.ts";
import { buildExecutable, isBuildPlatform, releasePlatforms } from "./sea.ts";

/** The executable's name, which Pulumi looks for in the plugin directory. */
export const PLUGIN_EXECUTABLE = "pulumi-resource-ovirt";

export const pluginStep: ArtifactStep = {
  name: "provider plugin",
  async build(ctx) {
    const artifacts: string[] = [];
    for (const platform of releasePlatforms()) {
      // The build machine's plugin stays in <out>/plugin for provider/bin; others in the scratch dir.
      const pluginDir = isBuildPlatform(platform) ? join(ctx.outDir, "plugin") : join(ctx.workDir, `plugin-${platform.os}-${platform.arch}`);
      mkdirSync(pluginDir, { recursive: true });
      const inputs = await buildExecutable(ctx, { name: PLUGIN_EXECUTABLE, entry: "provider/main.ts" }, join(pluginDir, PLUGIN_EXECUTABLE), platform);
      if (isBuildPlatform(platform)) {
        writeFileSync(join(ctx.outDir, "plugin.inputs"), `${inputs.join("\n")}\n`);
        await smokeStart(pluginDir, ctx.workDir);
      }
      const tarball = `pulumi-resource-ovirt-v${ctx.version}-${platform.os}-${platform.arch}.tar.gz`;
      await writeTarball(pluginDir, [PLUGIN_EXECUTABLE], join(ctx.outDir, tarball));
      artifacts.push(tarball);
    }
    return { artifacts };
  },
};

/**
 * Starts a copy of the plugin outside the repository, where no node_modules can stand in for
 * something the bundle left out, with no node on PATH, waits for its port line and sends it a
 * Check (which loads the resources): an executable that cannot start fails the build instead of a
 * user's `pulumi up`.
 */
async function smokeStart(pluginDir: string, workDir: string): Promise<void> {
  const copy = join(workDir, "plugin-smoke");
  mkdirSync(copy, { recursive: true });
  copyFileSync(join(pluginDir, PLUGIN_EXECUTABLE), join(copy, PLUGIN_EXECUTABLE));
  const env = { PATH: "/nonexistent", HOME: workDir };
  const child = spawn(join(copy, PLUGIN_EXECUTABLE), ["127.0.0.1:1"], { cwd: copy, env, stdio: ["ignore", "pipe", "pipe"] });
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
    throw new Error(`the plugin executable does not start outside the repository: ${(err as Error).message}\n${stderr}`, { cause: err });
  } finally {
    child.kill("SIGKILL");
  }
}
