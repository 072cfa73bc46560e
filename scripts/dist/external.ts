// Artifacts built by other front ends' own scripts: `scripts/dist-<name>.sh <dir>` is run when it
// exists, with DIST_VERSION in its environment and an empty directory of its own, and whatever
// files it leaves there are its artifacts. A missing script is a skip, named in the summary; a
// failing one fails the build.

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { runCommand, type ArtifactStep } from "./artifacts.ts";

export function scriptStep(name: string, script: string): ArtifactStep {
  return {
    name,
    async build(ctx) {
      const path = join(ctx.repoRoot, script);
      if (!existsSync(path)) return { skipped: `${script} does not exist` };
      // Its own directory (inside the output one, so a rename moves the files), as the other
      // steps write into the output directory at the same time.
      const ownDir = join(ctx.outDir, `.${name.replace(/\W+/g, "-")}`);
      mkdirSync(ownDir);
      await runCommand("bash", [path, ownDir], { cwd: ctx.repoRoot, env: { ...process.env, DIST_VERSION: ctx.version } });
      const added = readdirSync(ownDir).filter((file) => statSync(join(ownDir, file)).isFile());
      if (added.length === 0) throw new Error(`${script} succeeded but wrote no file into the directory it was given`);
      for (const file of added) {
        if (existsSync(join(ctx.outDir, file))) throw new Error(`${script} wrote ${file}, which another step built too`);
        renameSync(join(ownDir, file), join(ctx.outDir, file));
      }
      rmSync(ownDir, { recursive: true, force: true });
      return { artifacts: added.sort() };
    },
  };
}
