// The committed Python SDK (sdk/python) must be exactly what `pulumi package gen-sdk --language
// python` makes from schema.json today. When it is not: `bash scripts/gen-sdk.sh`, then commit
// sdk/python. (test/sdk/python/ checks, with pytest, that its classes match the schema.)
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, withPulumiLib } from "./helpers.ts";

const PYTHON_SDK = join(REPO_ROOT, "sdk/python");
const REGENERATE = "run `bash scripts/gen-sdk.sh` and commit sdk/python";
const schema = JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as { version: string };

/** Every file under dir, relative to it, without bytecode or build output. */
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === "__pycache__" || entry === "build" || entry.endsWith(".egg-info")) return [];
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}

const hostAvailable = withPulumiLib("pulumi_cli_available && command -v pulumi-language-python >/dev/null", 30_000).status === 0;
if (!hostAvailable) {
  console.warn(
    "\n!!! SKIPPING the Python SDK regeneration check: the Pulumi CLI or its Python language host is not set up (bash scripts/setup/pulumi-cli.sh needs Go); only the structural checks run\n",
  );
}

describe("the committed Python SDK against schema.json", () => {
  it.skipIf(!hostAvailable)("is byte for byte what pulumi package gen-sdk --language python generates now", () => {
    const out = mkdtempSync(join(tmpdir(), "pulumi-ovirt-sdk-python-"));
    try {
      const { status, output } = withPulumiLib(`bash "$1/scripts/gen-sdk.sh" --out ${JSON.stringify(out)} --language python`);
      expect(status, output).toBe(0);
      const generated = filesUnder(out).sort();
      expect(filesUnder(PYTHON_SDK).sort(), `files differ from a fresh generation; ${REGENERATE}`).toEqual(generated);
      const stale = generated.filter((file) => readFileSync(join(out, file), "utf8") !== readFileSync(join(PYTHON_SDK, file), "utf8"));
      expect(stale, `these SDK files are stale against schema.json; ${REGENERATE}`).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  // Needs no CLI, so a forgotten regeneration after a version bump is caught even without Go.
  it("carries the schema's version and package name, and the Pulumi SDK it was built against", () => {
    const pyproject = readFileSync(join(PYTHON_SDK, "pyproject.toml"), "utf8");
    expect(pyproject, REGENERATE).toContain('name = "pulumi_ovirt"');
    expect(pyproject, REGENERATE).toContain(`version = "${schema.version}"`);
    expect(pyproject, REGENERATE).toContain('"pulumi>=3.259.0,<4.0.0"');
    const plugin = JSON.parse(readFileSync(join(PYTHON_SDK, "pulumi_ovirt/pulumi-plugin.json"), "utf8")) as Record<string, unknown>;
    expect(plugin, REGENERATE).toMatchObject({ resource: true, name: "ovirt", version: schema.version });
  });
});
