// The committed TypeScript SDK (sdk/nodejs) must be exactly what `pulumi package gen-sdk` makes
// from schema.json today. When it is not: `bash scripts/gen-sdk.sh`, then commit sdk/nodejs.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, SDK_DIR, withPulumiLib } from "./helpers.ts";

const REGENERATE = "run `bash scripts/gen-sdk.sh` and commit sdk/nodejs";

interface SchemaLike {
  name: string;
  version: string;
  resources: Record<string, { inputProperties?: Record<string, unknown> }>;
  functions?: Record<string, unknown>;
}
const schema = JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as SchemaLike;

/** Every file under dir, relative to it, without build output or installed packages. */
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === "node_modules" || (dir === root && entry.startsWith("bin"))) return [];
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}

const cliAvailable = withPulumiLib("pulumi_cli_available", 30_000).status === 0;
if (!cliAvailable) {
  console.warn(
    "\n!!! SKIPPING the SDK regeneration check: the Pulumi CLI is not set up (bash scripts/setup/pulumi-cli.sh needs Go); only the structural checks run\n",
  );
}

describe("the committed SDK against schema.json", () => {
  it.skipIf(!cliAvailable)("is byte for byte what pulumi package gen-sdk generates now", () => {
    const out = mkdtempSync(join(tmpdir(), "pulumi-ovirt-sdk-"));
    try {
      const { status, output } = withPulumiLib(`bash "$1/scripts/gen-sdk.sh" --out ${JSON.stringify(out)}`);
      expect(status, output).toBe(0);
      const generated = filesUnder(out).sort();
      const committed = filesUnder(SDK_DIR).sort();
      expect(committed, `files differ from a fresh generation; ${REGENERATE}`).toEqual(generated);
      const stale = generated.filter((file) => readFileSync(join(out, file), "utf8") !== readFileSync(join(SDK_DIR, file), "utf8"));
      expect(stale, `these SDK files are stale against schema.json; ${REGENERATE}`).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  // Structural checks that need no CLI, so a stale SDK is caught even where Go is missing.
  it("has the schema's package name, version and plugin", () => {
    const pkg = JSON.parse(readFileSync(join(SDK_DIR, "package.json"), "utf8")) as {
      name: string;
      version: string;
      pulumi: { resource: boolean; name: string; version: string };
    };
    expect(pkg.name).toBe("pulumi-ovirt");
    expect(pkg.version).toBe(schema.version);
    expect(pkg.pulumi).toEqual({ resource: true, name: schema.name, version: schema.version });
  });

  it("has a class for every resource, with every input property, and every function", () => {
    const sources = filesUnder(SDK_DIR)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(join(SDK_DIR, f), "utf8"))
      .join("\n");
    for (const [token, resource] of Object.entries(schema.resources)) {
      const className = token.split(":")[2] ?? "";
      expect(sources, `${token}; ${REGENERATE}`).toContain(`public static readonly __pulumiType = '${token}';`);
      for (const property of Object.keys(resource.inputProperties ?? {})) {
        expect(sources, `${className}Args.${property}; ${REGENERATE}`).toMatch(
          new RegExp(`export interface ${className}Args \\{[^}]*\\b${property}\\??:`, "s"),
        );
      }
    }
    for (const token of Object.keys(schema.functions ?? {})) {
      expect(sources, `${token}; ${REGENERATE}`).toContain(`pulumi.runtime.invoke("${token}"`);
    }
  });
});
