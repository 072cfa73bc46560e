// The real Pulumi CLI with our Go language host (tools/pulumi-cli/language-go): how a program is
// built, which settings reach it, and how its failures reach the user. No engine needed.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { probePulumiCli, removeWorkDir, run, type RunResult } from "./harness.ts";
import { probeGo, writeGoProgram } from "./go-harness.ts";

const cli = probePulumiCli();
const golang = probeGo(cli);
if (!golang.ready) console.warn(`\n!!! SKIPPING test/e2e/language-host-go (the Go language host with the real CLI): ${golang.missing}\n`);
afterAll(() => removeWorkDir(cli.workDir));

// The first build compiles the Pulumi Go SDK; later ones reuse Go's build cache.
const STEP_TIMEOUT = 600_000;

const program = (body: string, imports: string[] = []): string =>
  [
    "package main",
    "",
    "import (",
    ...[...imports, "github.com/pulumi/pulumi/sdk/v3/go/pulumi"].map((i) => `\t"${i}"`),
    ")",
    "",
    "func main() {",
    "\tpulumi.Run(func(ctx *pulumi.Context) error {",
    body,
    "\t\treturn nil",
    "\t})",
    "}",
    "",
  ].join("\n");

describe.skipIf(!golang.ready)("the Go language host with the real CLI", () => {
  const env: NodeJS.ProcessEnv = { ...cli.env };
  const pulumiIn = (dir: string, args: string[], input?: string): Promise<RunResult> =>
    run("pulumi", [...args, "--non-interactive"], { cwd: dir, env, input, timeoutMs: STEP_TIMEOUT });
  const okIn = async (dir: string, args: string[], input?: string): Promise<string> => {
    const result = await pulumiIn(dir, args, input);
    expect(result.code, `pulumi ${args.join(" ")}:\n${result.stdout}\n${result.stderr}`).toBe(0);
    return result.stdout;
  };
  const newProgram = async (name: string, mainGo: string, opts: { withPlugin?: boolean } = {}): Promise<string> => {
    const dir = join(cli.workDir, name);
    writeGoProgram(dir, name, { "main.go": mainGo }, opts);
    await okIn(dir, ["stack", "init", "e2e"]);
    return dir;
  };

  it("builds and runs a program with the stack's name, config and secrets; a secret stays secret", async () => {
    const dir = await newProgram("go-config", program([
      "\t\tcfg := config.New(ctx, \"\")",
      "\t\tctx.Export(\"greeting\", pulumi.String(\"hello \"+cfg.Require(\"who\")))",
      "\t\tctx.Export(\"size\", pulumi.Int(cfg.RequireInt(\"size\")*2))",
      "\t\tctx.Export(\"token\", cfg.RequireSecret(\"token\"))",
      "\t\tctx.Export(\"where\", pulumi.String(ctx.Project()+\"/\"+ctx.Stack()))",
      "\t\tctx.Export(\"dryRun\", pulumi.Bool(ctx.DryRun()))",
    ].join("\n"), ["github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"]));
    await okIn(dir, ["config", "set", "who", "ovirt"]);
    await okIn(dir, ["config", "set", "size", "21"]);
    await okIn(dir, ["config", "set", "--secret", "token"], "t0ken-value");
    await okIn(dir, ["up", "--yes", "--skip-preview"]);
    expect(JSON.parse(await okIn(dir, ["stack", "output", "--json"]))).toEqual({
      greeting: "hello ovirt", size: 42, token: "[secret]", where: "go-config/e2e", dryRun: false,
    });
    expect(await okIn(dir, ["stack", "export"])).not.toContain("t0ken-value");
    expect(JSON.parse(await okIn(dir, ["stack", "output", "--json", "--show-secrets"]))).toMatchObject({ token: "t0ken-value" });
  }, STEP_TIMEOUT);

  it("shows a compile error with its file and line, as `go build` printed it", async () => {
    const dir = await newProgram("go-compile-error", program("\t\tundefinedThing()"));
    const preview = await pulumiIn(dir, ["preview"]);
    expect(preview.code).not.toBe(0);
    const shown = preview.stdout + preview.stderr;
    expect(shown).toMatch(/main\.go:9:\d+: undefined: undefinedThing/);
    expect(shown).toContain("unable to run `go build`");
  }, STEP_TIMEOUT);

  it("shows an error the program returns as its message alone, as pulumi.Run reported it (exit 32: bail)", async () => {
    const dir = await newProgram("go-run-error", program('\t\treturn errors.New("set vdi:cluster first: pulumi config set vdi:cluster Default")', ["errors"]));
    const preview = await pulumiIn(dir, ["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.stdout).toContain("set vdi:cluster first: pulumi config set vdi:cluster Default");
    expect(preview.stdout + preview.stderr).not.toContain("non-zero exit code");
  }, STEP_TIMEOUT);

  it("reports any other exit code as upstream's host does", async () => {
    const dir = await newProgram("go-exit-code", program("\t\tos.Exit(3)", ["os"]));
    const preview = await pulumiIn(dir, ["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.stdout + preview.stderr).toContain("program exited with non-zero exit code: 3");
  }, STEP_TIMEOUT);

  it("pulumi about reports Go, the program's modules, and the ovirt plugin its SDK package names", async () => {
    const dir = await newProgram("go-about", program('\t\t_ = ovirt.VmTypeDesktop', ["github.com/ovirt-vdi/pulumi-ovirt/sdk/go/ovirt"]));
    const about = JSON.parse(await okIn(dir, ["about", "--json"])) as {
      runtime?: { language: string; executable: string; version: string };
      dependencies?: { name: string; version: string }[];
      plugins?: { name: string; version: string }[];
    };
    expect(about.runtime).toMatchObject({ language: "go" });
    expect(about.runtime?.executable).toMatch(/\/go$/);
    const versions = Object.fromEntries((about.dependencies ?? []).map((d) => [d.name, d.version]));
    expect(versions).toMatchObject({ "github.com/pulumi/pulumi/sdk/v3": "v3.259.0", "github.com/ovirt-vdi/pulumi-ovirt/sdk/go": "(devel)" });
    expect(about.plugins?.map((p) => p.name)).toContain("ovirt");
  }, STEP_TIMEOUT);
});
