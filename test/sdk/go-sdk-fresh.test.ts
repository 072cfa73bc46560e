// The committed Go SDK (sdk/go) must be exactly what `pulumi package gen-sdk --language go` makes
// from schema.json today (with the Go settings of scripts/go-sdk-language.json while schema.json
// has none), and it must build. When it is not: `bash scripts/gen-sdk.sh`, then commit sdk/go.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, withPulumiLib } from "./helpers.ts";

const GO_SDK = join(REPO_ROOT, "sdk/go");
const REGENERATE = "run `bash scripts/gen-sdk.sh` and commit sdk/go";
// Kept by hand beside the generated files (see sdk/go/README.md).
const HAND_KEPT = new Set(["go.mod", "go.sum", "README.md"]);
const schema = JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as {
  version: string;
  resources: Record<string, unknown>;
  functions: Record<string, unknown>;
};

function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}

const hostAvailable = withPulumiLib("pulumi_cli_available && command -v pulumi-language-go >/dev/null", 30_000).status === 0;
const goAvailable = spawnSync("go", ["version"], { encoding: "utf8" }).status === 0;
if (!hostAvailable) {
  console.warn("\n!!! SKIPPING the Go SDK regeneration check: the Pulumi CLI or its Go language host is not set up (bash scripts/setup/pulumi-cli.sh needs Go); only the structural checks run\n");
}
if (!goAvailable) console.warn("\n!!! SKIPPING the Go SDK build check: Go is not installed\n");

describe("the committed Go SDK against schema.json", () => {
  it.skipIf(!hostAvailable)("is byte for byte what pulumi package gen-sdk --language go generates now", () => {
    const out = mkdtempSync(join(tmpdir(), "pulumi-ovirt-sdk-go-"));
    try {
      const { status, output } = withPulumiLib(`bash "$1/scripts/gen-sdk.sh" --out ${JSON.stringify(out)} --language go`);
      expect(status, output).toBe(0);
      const generated = filesUnder(out).sort();
      const committed = filesUnder(GO_SDK).filter((f) => !HAND_KEPT.has(f)).sort();
      expect(committed, `files differ from a fresh generation; ${REGENERATE}`).toEqual(generated);
      const stale = generated.filter((file) => readFileSync(join(out, file), "utf8") !== readFileSync(join(GO_SDK, file), "utf8"));
      expect(stale, `these SDK files are stale against schema.json; ${REGENERATE}`).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.skipIf(!goAvailable)("builds with its go.mod and go.sum (go vet)", () => {
    const result = spawnSync("go", ["vet", "./..."], { cwd: GO_SDK, encoding: "utf8", timeout: 600_000, env: { ...process.env, GOFLAGS: "-mod=readonly" } });
    expect(result.status, result.stderr).toBe(0);
  }, 600_000);

  // Needs no CLI: a forgotten regeneration after a version bump or a new resource is caught anyway.
  it("has the module path, the Pulumi SDK release, the schema's version and every resource and function", () => {
    expect(readFileSync(join(GO_SDK, "go.mod"), "utf8")).toMatch(/^module github\.com\/ovirt-vdi\/pulumi-ovirt\/sdk\/go\n[\s\S]*github\.com\/pulumi\/pulumi\/sdk\/v3 v3\.259\.0\n/);
    const plugin = JSON.parse(readFileSync(join(GO_SDK, "ovirt/pulumi-plugin.json"), "utf8")) as Record<string, unknown>;
    expect(plugin, REGENERATE).toEqual({ resource: true, name: "ovirt", version: schema.version });
    const sources = filesUnder(GO_SDK).filter((f) => f.endsWith(".go")).map((f) => readFileSync(join(GO_SDK, f), "utf8")).join("\n");
    for (const token of Object.keys(schema.resources)) {
      const name = token.split(":")[2] ?? "";
      expect(sources, `${token}; ${REGENERATE}`).toContain(`func New${name}(ctx *pulumi.Context,`);
      expect(sources, `${token}; ${REGENERATE}`).toContain(`ctx.RegisterResource("${token}"`);
    }
    for (const token of Object.keys(schema.functions)) expect(sources, `${token}; ${REGENERATE}`).toContain(`ctx.Invoke("${token}"`);
  });
});
