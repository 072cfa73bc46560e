// The example programs type-check against the generated SDK's declarations, as a user's editor
// or `tsc` would see them (strict, nodenext, type-only imports).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, withPulumiLib } from "./helpers.ts";

describe("examples type-check against the SDK", () => {
  for (const example of ["vdi-pool", "vdi-golden", "win11-golden", "single-vm"]) {
    it(`examples/${example}`, () => {
      const dir = join(REPO_ROOT, "examples", example);
      // The program's node_modules/pulumi-ovirt link to the built SDK (no registry needed).
      const link = withPulumiLib(`pulumi_link_program_deps ${JSON.stringify(dir)}`);
      expect(link.status, link.output).toBe(0);
      const tsc = spawnSync(join(REPO_ROOT, "node_modules/.bin/tsc"), ["-p", join(dir, "tsconfig.json")], {
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
    });
  }
});
