// The Python side of the end-to-end harness: the virtualenv of scripts/setup/pulumi-python.sh (the
// Pulumi Python SDK and the generated pulumi_ovirt) and our Python language host beside the CLI.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, type CliProbe } from "./harness.ts";

export interface PythonProbe {
  /** The virtualenv's directory; undefined when the Python suites cannot run. */
  venv?: string;
  missing?: string;
}

/**
 * Checks, at collection time, that the Python language host is on the CLI's PATH and that the
 * virtualenv is complete; a stale pulumi_ovirt in it is reinstalled from sdk/python (offline).
 */
export function probePython(cli: CliProbe): PythonProbe {
  if (!cli.env) return { missing: cli.missing };
  const script = [
    'source "$1/scripts/lib/pulumi-python.sh" >/dev/null',
    'command -v pulumi-language-python >/dev/null || { echo "pulumi-language-python is not beside the CLI (run bash scripts/setup/pulumi-cli.sh)"; exit 2; }',
    'pulumi_python_venv_complete || { echo "the Python virtualenv is not set up (run bash scripts/setup/pulumi-python.sh)"; exit 2; }',
    'pulumi_python_refresh_sdk >&2 || { echo "sdk/python could not be installed into $PULUMI_OVIRT_PY_VENV"; exit 2; }',
    'printf "%s" "$PULUMI_OVIRT_PY_VENV"',
  ].join("\n");
  const result = spawnSync("bash", ["-c", script, "probe", REPO_ROOT], { env: cli.env, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) return { missing: result.stdout.trim() || result.stderr.trim() || "the Python probe failed" };
  return { venv: result.stdout };
}

/** A Pulumi.yaml for a Python program; `virtualenv` unset means python3 from PATH. */
function pythonProjectFile(name: string, opts: { virtualenv?: string; withPlugin?: boolean } = {}): string {
  const lines = [`name: ${name}`, "runtime:", "  name: python"];
  if (opts.virtualenv) lines.push("  options:", `    virtualenv: ${opts.virtualenv}`);
  if (opts.withPlugin) lines.push("plugins:", "  providers:", "    - name: ovirt", `      path: ${join(REPO_ROOT, "provider/bin")}`);
  return lines.join("\n") + "\n";
}

/** Writes a throwaway Python program (Pulumi.yaml and __main__.py, plus extra modules) into dir. */
export function writePythonProgram(
  dir: string,
  name: string,
  files: Record<string, string>,
  opts: { virtualenv?: string; withPlugin?: boolean } = {},
): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "Pulumi.yaml"), pythonProjectFile(name, opts));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
}

/**
 * Copies a Python example into dir as a user would check it out, with its `virtualenv` pointed at
 * the project's venv (kept in the cache, not beside the program) and its plugin path made absolute.
 */
export function copyPythonExample(name: string, dir: string, venv: string): void {
  const source = join(REPO_ROOT, "examples", name);
  mkdirSync(dir, { recursive: true });
  for (const file of ["__main__.py", "requirements.txt"]) cpSync(join(source, file), join(dir, file));
  let project = readFileSync(join(source, "Pulumi.yaml"), "utf8");
  for (const [setting, value] of [
    ["virtualenv: venv", `virtualenv: ${venv}`],
    ["path: ../../provider/bin", `path: ${join(REPO_ROOT, "provider/bin")}`],
  ] as const) {
    if (!project.includes(setting)) throw new Error(`examples/${name}/Pulumi.yaml no longer says "${setting}"`);
    project = project.replace(setting, value);
  }
  writeFileSync(join(dir, "Pulumi.yaml"), project);
}
