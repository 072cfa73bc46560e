// docs/ is generated from schema.json by scripts/gen-docs.ts. These checks fail when the committed
// pages are stale, when a schema property has no description, or when a resource or function has
// no example in each of the five languages.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../../scripts/docs/examples.ts";
import { LANGUAGES } from "../../scripts/docs/render.ts";
import { extractExamples } from "./extract.ts";

const REPO_ROOT = resolve(import.meta.dirname, "../..");
const DOCS = join(REPO_ROOT, "docs");
const REGENERATE = "run `node scripts/gen-docs.ts` and commit docs/";

interface Property { description?: string }
const schema = JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as {
  config?: { variables?: Record<string, Property> };
  types: Record<string, { description?: string; properties?: Record<string, Property> }>;
  resources: Record<string, { description?: string; properties: Record<string, Property>; inputProperties: Record<string, Property> }>;
  functions: Record<string, { description?: string; inputs: { properties: Record<string, Property> }; outputs: { properties: Record<string, Property> } }>;
};

function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}

describe("the generated docs", () => {
  it("are exactly what scripts/gen-docs.ts makes from schema.json today", () => {
    const out = mkdtempSync(join(tmpdir(), "pulumi-ovirt-docs-"));
    try {
      const result = spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", join(REPO_ROOT, "scripts/gen-docs.ts"), "--out", out], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.status, result.stderr).toBe(0);
      const generated = filesUnder(out).sort();
      expect(filesUnder(DOCS).sort(), `docs/ has other files than the generator makes; ${REGENERATE}`).toEqual(generated);
      const stale = generated.filter((f) => readFileSync(join(out, f), "utf8") !== readFileSync(join(DOCS, f), "utf8"));
      expect(stale, `stale pages; ${REGENERATE}`).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("have a page for every resource, data source and function in both layouts", () => {
    const files = new Set(filesUnder(DOCS));
    for (const page of ["index.md", "_index.md", "installation-configuration.md", "resources/vm.md", "resources/console_policy.md",
      "data-sources/cluster.md", "data-sources/domain_xml.md", "functions/preview_domain_xml.md", "api/vm.md", "api/get-cluster.md"]) {
      expect(files.has(page), `${page}; ${REGENERATE}`).toBe(true);
    }
    const apiPages = [...files].filter((f) => f.startsWith("api/"));
    expect(apiPages.length, REGENERATE).toBe(Object.keys(schema.resources).length + Object.keys(schema.functions).length);
    const tfPages = [...files].filter((f) => f.startsWith("resources/") || f.startsWith("data-sources/"));
    expect(tfPages.length, REGENERATE).toBe(Object.keys(schema.resources).length + Object.keys(schema.functions).length);
  });

  it("document every property: schema.json gives each one a description", () => {
    const missing: string[] = [];
    const check = (where: string, props: Record<string, Property> | undefined) => {
      for (const [name, spec] of Object.entries(props ?? {})) if (!spec.description?.trim()) missing.push(`${where}.${name}`);
    };
    check("config", schema.config?.variables);
    for (const [token, r] of Object.entries(schema.resources)) {
      if (!r.description?.trim()) missing.push(token);
      check(`${token} input`, r.inputProperties);
      check(`${token} output`, r.properties);
    }
    for (const [token, f] of Object.entries(schema.functions)) {
      if (!f.description?.trim()) missing.push(token);
      check(`${token} argument`, f.inputs.properties);
      check(`${token} result`, f.outputs.properties);
    }
    for (const [token, t] of Object.entries(schema.types)) check(token, t.properties);
    expect(missing, "give these a description in schema.json, then regenerate the docs").toEqual([]);
  });

  it("have an example of every resource and function in TypeScript, Python, Go, YAML and HCL", () => {
    const tokens = [...Object.keys(schema.resources), ...Object.keys(schema.functions)];
    expect(Object.keys(EXAMPLES).sort(), "add an example to scripts/docs/examples.ts").toEqual(expect.arrayContaining(tokens.sort()));
    const found = new Set(extractExamples(DOCS).map((e) => `${e.token} ${e.language}`));
    const missing = tokens.flatMap((t) => LANGUAGES.filter((l) => !found.has(`${t} ${l}`)).map((l) => `${t} ${l}`));
    expect(missing, REGENERATE).toEqual([]);
  });
});
