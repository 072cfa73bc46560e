// The real Pulumi CLI with our Python language host (tools/pulumi-cli/language-python): which Python
// a program gets, how its configuration and secrets reach it, and how its failures reach the user.
// No engine needed.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { probePulumiCli, removeWorkDir, run, type RunResult } from "./harness.ts";
import { probePython, writePythonProgram } from "./python-harness.ts";

const cli = probePulumiCli();
const python = probePython(cli);
if (!python.venv) {
  console.warn(`\n!!! SKIPPING test/e2e/language-host-python (the Python language host with the real CLI): ${python.missing}\n`);
}
afterAll(() => removeWorkDir(cli.workDir));

const STEP_TIMEOUT = 120_000;

describe.skipIf(!python.venv)("the Python language host with the real CLI", () => {
  const venv = python.venv ?? "";
  const env: NodeJS.ProcessEnv = { ...cli.env };
  // python3 from PATH is the venv's, as after `source venv/bin/activate`.
  const activated: NodeJS.ProcessEnv = { PATH: `${join(venv, "bin")}:${env["PATH"] ?? ""}` };

  const pulumiIn = (dir: string, args: string[], input?: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> =>
    run("pulumi", [...args, "--non-interactive"], { cwd: dir, env: { ...env, ...extraEnv }, input, timeoutMs: STEP_TIMEOUT });
  const okIn = async (dir: string, args: string[], input?: string, extraEnv?: NodeJS.ProcessEnv): Promise<string> => {
    const result = await pulumiIn(dir, args, input, extraEnv);
    expect(result.code, `pulumi ${args.join(" ")}:\n${result.stdout}\n${result.stderr}`).toBe(0);
    return result.stdout;
  };
  /** A fresh program with a stack named e2e. */
  const program = async (
    name: string,
    files: Record<string, string>,
    opts: { virtualenv?: string } = { virtualenv: venv },
  ): Promise<string> => {
    const dir = join(cli.workDir, name);
    writePythonProgram(dir, name, files, opts);
    await okIn(dir, ["stack", "init", "e2e"]);
    return dir;
  };

  it("runs a program in the virtualenv named in Pulumi.yaml, with no stack configuration at all", async () => {
    const dir = await program("py-empty-config", {
      "__main__.py": [
        "import sys",
        "import pulumi",
        'pulumi.export("python", sys.executable)',
        'pulumi.export("unset", pulumi.Config().get("anything") is None)',
        "",
      ].join("\n"),
    });
    await okIn(dir, ["up", "--yes", "--skip-preview"]);
    const outputs = JSON.parse(await okIn(dir, ["stack", "output", "--json"])) as Record<string, unknown>;
    expect(outputs).toEqual({ python: join(venv, "bin/python"), unset: true });
  }, STEP_TIMEOUT);

  it("runs python3 from PATH without a virtualenv option, with the stack's config; a secret stays secret", async () => {
    const dir = await program(
      "py-config",
      {
        "__main__.py": [
          "import pulumi",
          "config = pulumi.Config()",
          'pulumi.export("greeting", f"hello {config.require(\'who\')}")',
          'pulumi.export("size", config.require_int("size") * 2)',
          'pulumi.export("token", config.require_secret("token"))',
          "",
        ].join("\n"),
      },
      {},
    );
    await okIn(dir, ["config", "set", "who", "ovirt"]);
    await okIn(dir, ["config", "set", "size", "21"]);
    await okIn(dir, ["config", "set", "--secret", "token"], "t0ken-value");
    await okIn(dir, ["up", "--yes", "--skip-preview"], undefined, activated);
    expect(JSON.parse(await okIn(dir, ["stack", "output", "--json"]))).toEqual({ greeting: "hello ovirt", size: 42, token: "[secret]" });
    expect(await okIn(dir, ["stack", "export"])).not.toContain("t0ken-value");
    expect(JSON.parse(await okIn(dir, ["stack", "output", "--json", "--show-secrets"]))).toMatchObject({ token: "t0ken-value" });
  }, STEP_TIMEOUT);

  it("shows a failing program's traceback through its own modules, and adds no message of its own", async () => {
    const dir = await program("py-failure", {
      "__main__.py": "import sizing\n\nsizing.check(5)\n",
      "sizing.py": 'def check(size):\n    raise ValueError(f"poolSize {size} is more than this lab has")\n',
    });
    const preview = await pulumiIn(dir, ["preview"]);
    expect(preview.code).not.toBe(0);
    const shown = preview.stdout + preview.stderr;
    expect(shown).toContain("Traceback (most recent call last)");
    expect(shown).toContain(`File "${join(dir, "__main__.py")}", line 3, in <module>`);
    expect(shown).toContain(`File "${join(dir, "sizing.py")}", line 2, in check`);
    expect(shown).toContain("ValueError: poolSize 5 is more than this lab has");
    // The runner's own frames are left out, and a reported error is not repeated as an exit code.
    expect(shown).not.toContain("runpy");
    expect(shown).not.toContain("exited with code");
  }, STEP_TIMEOUT);

  it("shows a pulumi.RunError as its message alone", async () => {
    const dir = await program("py-run-error", {
      "__main__.py": 'import pulumi\n\nraise pulumi.RunError("set vdi:cluster first: pulumi config set vdi:cluster Default")\n',
    });
    const preview = await pulumiIn(dir, ["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.stdout).toContain("error: set vdi:cluster first: pulumi config set vdi:cluster Default");
    expect(preview.stdout + preview.stderr).not.toContain("Traceback");
  }, STEP_TIMEOUT);

  it("names the virtualenv and how to create it when it does not exist", async () => {
    const dir = await program("py-no-venv", { "__main__.py": "import pulumi\n" }, { virtualenv: "venv" });
    const preview = await pulumiIn(dir, ["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.stdout + preview.stderr).toContain(`the virtualenv ${join(dir, "venv")} (runtime.options.virtualenv in Pulumi.yaml) has no bin/python`);
    expect(preview.stdout + preview.stderr).toContain("python3 -m venv");
  }, STEP_TIMEOUT);

  it("pulumi about reports the virtualenv's Python and the installed pulumi_ovirt", async () => {
    const dir = await program("py-about", { "__main__.py": "import pulumi\n" });
    const about = JSON.parse(await okIn(dir, ["about", "--json"])) as {
      runtime?: { language: string; executable: string };
      dependencies?: { name: string; version: string }[];
    };
    expect(about.runtime).toMatchObject({ language: "python", executable: join(venv, "bin/python") });
    const versions = Object.fromEntries((about.dependencies ?? []).map((d) => [d.name, d.version]));
    expect(versions).toMatchObject({ pulumi: "3.259.0", pulumi_ovirt: "0.1.0" });
  }, STEP_TIMEOUT);
});
