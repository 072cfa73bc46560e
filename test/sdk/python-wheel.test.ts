// The Python SDK's release artifact: scripts/dist-python.sh builds pulumi_ovirt-<version>-py3-none-any.whl
// from sdk/python; it must carry every module, the plugin manifest and the schema's version, and
// install and import on its own.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers.ts";

const schema = JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as { version: string };
const WHEEL = `pulumi_ovirt-${schema.version}-py3-none-any.whl`;

const probe = spawnSync("bash", ["-c", 'source "$1/scripts/lib/pulumi-python.sh" && pulumi_python_venv_complete && printf %s "$PULUMI_OVIRT_PY_VENV"', "probe", REPO_ROOT], {
  encoding: "utf8",
  timeout: 30_000,
});
const venv = probe.status === 0 ? probe.stdout : undefined;
if (!venv) console.warn("\n!!! SKIPPING the Python wheel check: the Python virtualenv is not set up (run bash scripts/setup/pulumi-python.sh)\n");

const work = mkdtempSync(join(tmpdir(), "pulumi-ovirt-wheel-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pythonFilesUnder(dir: string, root: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === "__pycache__") return [];
    return statSync(path).isDirectory() ? pythonFilesUnder(path, root) : [relative(root, path)];
  });
}

/** Runs Python code with the venv's interpreter; returns its stdout. */
function python(code: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(join(venv ?? "", "bin/python"), ["-c", code, ...args], {
    encoding: "utf8",
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", ...env },
    timeout: 60_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe.skipIf(!venv)("scripts/dist-python.sh", () => {
  const out = join(work, "dist");

  it(`writes ${WHEEL} with every module of sdk/python, its plugin manifest and the schema's metadata`, () => {
    const built = spawnSync("bash", [join(REPO_ROOT, "scripts/dist-python.sh"), out], { encoding: "utf8", timeout: 120_000 });
    expect(built.status, built.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([WHEEL]);

    const listing = JSON.parse(
      python("import json, sys, zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))", [join(out, WHEEL)]),
    ) as string[];
    const sources = join(REPO_ROOT, "sdk/python");
    for (const file of pythonFilesUnder(join(sources, "pulumi_ovirt"), sources).filter((f) => !f.endsWith("README.md"))) {
      expect(listing, file).toContain(file);
    }
    const metadata = python(
      "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read(next(n for n in z.namelist() if n.endswith('/METADATA'))).decode())",
      [join(out, WHEEL)],
    );
    expect(metadata).toContain("Name: pulumi_ovirt\n");
    expect(metadata).toContain(`Version: ${schema.version}\n`);
    expect(metadata).toContain("Requires-Python: >=3.10\n");
    expect(metadata).toContain("Requires-Dist: pulumi<4.0.0,>=3.259.0\n");
  }, 120_000);

  it("refuses a release version other than the schema's, and writes nothing", () => {
    const elsewhere = join(work, "other-version");
    const built = spawnSync("bash", [join(REPO_ROOT, "scripts/dist-python.sh"), elsewhere], {
      encoding: "utf8",
      env: { ...process.env, DIST_VERSION: "9.9.9" },
      timeout: 120_000,
    });
    expect(built.status).not.toBe(0);
    expect(built.stderr).toContain(`the release is 9.9.9 but schema.json (and so sdk/python) says ${schema.version}`);
    expect(() => readdirSync(elsewhere)).toThrow();
  }, 120_000);

  it("installs on its own and imports, with the plugin manifest Pulumi reads", () => {
    const target = join(work, "site");
    python("import subprocess, sys; subprocess.run([sys.executable, '-m', 'pip', 'install', '--quiet', '--no-deps', '--no-index', '--target', sys.argv[2], sys.argv[1]], check=True)", [
      join(out, WHEEL),
      target,
    ]);
    const report = JSON.parse(
      python(
        "import json, importlib.resources, pulumi_ovirt as o; print(json.dumps({'file': o.__file__, 'vm': o.Vm.__name__, 'plugin': json.loads(importlib.resources.files(o).joinpath('pulumi-plugin.json').read_text())}))",
        [],
        { PYTHONPATH: target },
      ),
    ) as { file: string; vm: string; plugin: Record<string, unknown> };
    expect(report.file.startsWith(target)).toBe(true);
    expect(report.vm).toBe("Vm");
    expect(report.plugin).toEqual({ resource: true, name: "ovirt", version: schema.version });
  }, 120_000);
});
