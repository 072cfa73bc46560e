// provider/engine/index.ts is the engine layer's only door (eslint.config.js): code outside the
// layer that imports one of its inner modules fails the lint, by either path spelling.

import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const REPO_ROOT = join(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: REPO_ROOT });

async function doorErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(REPO_ROOT, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the engine layer's one door", () => {
  it("refuses an inner module from a resource, a front end and a test outside test/engine", async () => {
    expect(await doorErrors("provider/resources/probe.ts", 'import type { EngineClient } from "../engine/client.ts";\nexport type A = EngineClient;\n'))
      .toEqual([expect.stringContaining("provider/engine/index.ts only")]);
    expect(await doorErrors("provider/registry-probe.ts", 'import { createEngineClient } from "./engine/client.ts";\nexport const a = createEngineClient;\n'))
      .toHaveLength(1);
    expect(await doorErrors("test/provider/probe.ts", 'import { searchTerm } from "../../provider/engine/lookups.ts";\nexport const a = searchTerm;\n'))
      .toHaveLength(1);
  });

  it("lets index.ts in from anywhere, and the layer and its own tests reach inside", async () => {
    expect(await doorErrors("provider/resources/probe.ts", 'import type { EngineClient } from "../engine/index.ts";\nexport type A = EngineClient;\n')).toEqual([]);
    expect(await doorErrors("provider/engine/collections/probe.ts", 'import { seg } from "../lookups.ts";\nexport const a = seg;\n')).toEqual([]);
    expect(await doorErrors("test/engine/probe.ts", 'import { parseXml } from "../../provider/engine/xml.ts";\nexport const a = parseXml;\n')).toEqual([]);
  });
});
