// End to end in Go: examples/vdi-pool-go through the real Pulumi CLI and our Go language host
// (which builds the program with the machine's `go`), against the engine emulator.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineApi, engineInventory, initStack, probePulumiCli, removeWorkDir, run, startEmulator, type Emulator, type RunResult } from "./harness.ts";
import { errorsIn, opsByName, parseEvents, type EngineEvents } from "./events.ts";
import { GO_MODULE, copyGoExample, probeGo, writeGoProgram } from "./go-harness.ts";

const cli = probePulumiCli();
const golang = probeGo(cli);
if (!golang.ready) console.warn(`\n!!! SKIPPING test/e2e/vdi-pool-go (a Go program through the real Pulumi CLI): ${golang.missing}\n`);
afterAll(() => removeWorkDir(cli.workDir));

// The first `go build` of a program compiles the Pulumi Go SDK (minutes on a cold, shared machine).
const FIRST_BUILD_TIMEOUT = 600_000;
const STEP_TIMEOUT = 180_000;
const SMARTCARD_XML = '<smartcard mode="passthrough" type="spicevmc"/>';
const RESOURCES = ["golden", "desktop-template", "desktops", "desktops-console"];
const schemaGoImport = (JSON.parse(readFileSync(join(import.meta.dirname, "../../schema.json"), "utf8")) as {
  language?: { go?: { importBasePath?: string } };
}).language?.go?.importBasePath;

describe.skipIf(!golang.ready)("examples/vdi-pool-go with the real CLI against the emulator", () => {
  const env: NodeJS.ProcessEnv = { ...cli.env };
  const dir = join(cli.workDir, "vdi-pool-go");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let seeded: Awaited<ReturnType<typeof engineInventory>>;

  const pulumiIn = (cwd: string, args: string[], input?: string, timeoutMs = STEP_TIMEOUT): Promise<RunResult> =>
    // Streaming JSON, so `preview --json` prints the engine events that events.ts reads.
    run("pulumi", [...args, "--non-interactive"], { cwd, env: { ...env, PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" }, input, timeoutMs });
  const okIn = async (cwd: string, args: string[], input?: string, timeoutMs?: number): Promise<string> => {
    const result = await pulumiIn(cwd, args, input, timeoutMs);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    return result.stdout;
  };
  const ok = (args: string[], input?: string, timeoutMs?: number) => okIn(dir, args, input, timeoutMs);
  const events = async (args: string[], timeoutMs?: number): Promise<EngineEvents> => {
    const parsed = parseEvents(await ok([...args, "--json"], undefined, timeoutMs));
    expect(parsed.summary?.result, errorsIn(parsed)).toBe("succeeded");
    return parsed;
  };
  const outputs = async (): Promise<Record<string, unknown>> => JSON.parse(await ok(["stack", "output", "--json"])) as Record<string, unknown>;

  beforeAll(async () => {
    emulator = await startEmulator(join(cli.workDir, "engine-go"), password);
    seeded = await engineInventory(emulator);
    copyGoExample(dir);
    await initStack((args, input) => ok(args, input), emulator);
    await ok(["config", "set", "vdi-pool-go:namePrefix", "go"]);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("preview builds the program, runs its lookups, plans every create with the domain XML, touching nothing", async () => {
    const plan = await events(["preview"], FIRST_BUILD_TIMEOUT);
    const ops = opsByName(plan.steps);
    for (const name of RESOURCES) expect(ops[name], name).toEqual(["create"]);
    const stack = plan.outputs.filter((o) => o.type === "pulumi:pulumi:Stack").at(-1);
    expect(String(stack?.new?.outputs?.["desktopDomainXml"])).toContain(SMARTCARD_XML);
    // GetCluster and LookupTemplate answered from the engine, in Go.
    expect(stack?.new?.outputs?.["clusterId"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(stack?.new?.outputs?.["blankTemplateConsole"]).toBe("Spice");
    expect(await engineInventory(emulator)).toEqual(seeded);
  }, FIRST_BUILD_TIMEOUT);

  it("up creates the golden VM, the template, the pool and its console policy", async () => {
    const result = await events(["up", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ create: 5 });
    const out = await outputs();
    expect(out["consoleDescription"]).toBe("Spice with Smartcard");
    expect(out["poolVmNames"]).toEqual(["go-desk-1", "go-desk-2"]);
    const inventory = await engineInventory(emulator);
    expect(inventory.templates).toContain("go-template");
    expect(inventory.vms).toEqual(expect.arrayContaining(["go-golden", "go-desk-1", "go-desk-2"]));
  }, STEP_TIMEOUT);

  it("a second preview plans no change", async () => {
    expect((await events(["preview"])).summary?.resourceChanges).toEqual({ same: 5 });
  }, STEP_TIMEOUT);

  it("switching the consoles' smartcard off updates only the console policy, in place", async () => {
    await ok(["config", "set", "vdi-pool-go:consoleSmartcard", "false"]);
    const plan = await events(["preview"]);
    const ops = opsByName(plan.steps);
    expect(ops["desktops-console"]).toEqual(["update"]);
    for (const name of ["golden", "desktop-template", "desktops"]) expect(ops[name], name).toEqual(["same"]);
    const applied = await events(["up", "--yes", "--skip-preview"]);
    expect(applied.summary?.resourceChanges).toEqual({ update: 1, same: 4 });
    expect((await outputs())["consoleDescription"]).toBe("Spice");
  }, STEP_TIMEOUT);

  it("a pool size of 0 is refused before the engine is asked, naming `size`", async () => {
    await ok(["config", "set", "vdi-pool-go:poolSize", "0"]);
    try {
      const preview = await pulumiIn(dir, ["preview"]);
      expect(preview.code).not.toBe(0);
      expect(preview.stdout + preview.stderr).toMatch(/size/);
      expect(preview.stdout + preview.stderr).toContain("the engine cannot create a pool with 0 VMs");
      // pulumi.Run reported it and exited 32: the host adds no exit-code message of its own.
      expect(preview.stdout + preview.stderr).not.toContain("non-zero exit code");
    } finally {
      await ok(["config", "rm", "vdi-pool-go:poolSize"]);
    }
    expect((await events(["preview"])).summary?.resourceChanges).toEqual({ same: 5 });
  }, STEP_TIMEOUT);

  it("keeps the provider password, a secret of the stack's config, encrypted in the state", async () => {
    const onDisk = readFileSync(join(cli.workDir, "state/.pulumi/stacks/vdi-pool-go/e2e.json"), "utf8");
    const exported = await ok(["stack", "export"]);
    for (const text of [onDisk, exported]) expect(text).not.toContain(password);
    expect(await ok(["stack", "export", "--show-secrets"])).toContain(password);
  }, STEP_TIMEOUT);

  it("pulumi import of a VM made outside Pulumi writes Go that builds and that a later up leaves alone", async () => {
    const created = await engineApi(emulator, "POST", "/vms", {
      name: "go-handmade", cluster: { name: "Default" }, template: { name: "Blank" },
      memory: 2 * 1024 ** 3, display: { type: "spice", smartcard_enabled: true },
    });
    expect(created.status).toBe(201);
    const importDir = join(cli.workDir, "go-import");
    const emptyProgram = 'package main\n\nimport "github.com/pulumi/pulumi/sdk/v3/go/pulumi"\n\nfunc main() {\n\tpulumi.Run(func(ctx *pulumi.Context) error { return nil })\n}\n';
    writeGoProgram(importDir, "go-import", { "main.go": emptyProgram }, { withPlugin: true });
    await initStack((args, input) => okIn(importDir, args, input), emulator);

    await okIn(importDir, ["import", "ovirt:index:Vm", "handmade", String(created.json["id"]), "--yes", "--protect=false", "--out", "generated.go.txt"]);
    const code = readFileSync(join(importDir, "generated.go.txt"), "utf8");
    expect(code).toContain("ovirt.NewVm(ctx, \"handmade\", &ovirt.VmArgs{");
    expect(code).toContain('Name:');
    expect(code).toContain('pulumi.String("go-handmade")');

    // The import path comes from the schema the plugin serves. Until schema.json carries
    // `language.go` (scripts/go-sdk-language.json has it for gen-sdk), Pulumi derives one from the
    // schema's repository URL, which no module has: then the program is pointed at the real one.
    const served = schemaGoImport ?? "example.invalid/pulumi-ovirt/sdk/go/ovirt";
    expect(code).toContain(`"${served}"`);
    // The generated program, with the SDK's import path, is the program now.
    writeFileSync(join(importDir, "main.go"), code.replace(`"${served}"`, `"${GO_MODULE}/ovirt"`));
    const result = parseEvents(await okIn(importDir, ["up", "--yes", "--skip-preview", "--json"], undefined, FIRST_BUILD_TIMEOUT));
    expect(result.summary?.resourceChanges, errorsIn(result)).toEqual({ same: 2 });
    await okIn(importDir, ["destroy", "--yes", "--skip-preview"]);
    expect((await engineInventory(emulator)).vms).not.toContain("go-handmade");
  }, FIRST_BUILD_TIMEOUT);

  it("destroy leaves the engine with only its seeded objects", async () => {
    const result = await events(["destroy", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ delete: 5 });
    expect(await engineInventory(emulator)).toEqual(seeded);
  }, STEP_TIMEOUT);
});
