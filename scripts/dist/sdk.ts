// The Node.js SDK as users install it: `npm pack` of the compiled package (sdk/nodejs/bin: the
// JavaScript, the .d.ts files and package.json), which scripts/gen-sdk.sh --build-only compiles
// from the committed sources when it is missing or older than they are.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runCommand, type ArtifactStep } from "./artifacts.ts";

export const sdkStep: ArtifactStep = {
  name: "Node.js SDK",
  async build(ctx) {
    await runCommand("bash", ["-c", 'source scripts/lib/pulumi.sh >/dev/null && pulumi_ensure_sdk_built'], { cwd: ctx.repoRoot });
    const built = join(ctx.repoRoot, "sdk/nodejs/bin");
    const manifest = JSON.parse(readFileSync(join(built, "package.json"), "utf8")) as { name: string; version: string };
    if (manifest.version !== ctx.version) {
      throw new Error(`sdk/nodejs/package.json has version ${manifest.version} but schema.json ${ctx.version}: run ./scripts/gen-sdk.sh`);
    }
    const out = await runCommand("npm", ["pack", built, "--pack-destination", ctx.outDir, "--json", "--loglevel=error"], { cwd: ctx.workDir });
    const [packed] = JSON.parse(out) as { filename: string }[];
    if (!packed || !existsSync(join(ctx.outDir, packed.filename))) throw new Error(`npm pack reported no file: ${out}`);
    return { artifacts: [packed.filename] };
  },
};
