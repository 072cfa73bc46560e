// End to end with the real Pulumi CLI against the emulator: the lookup functions from a
// TypeScript program (promise and output forms), with the provider's settings from OVIRT_*
// variables only (the stack has no config), a lookup that matches nothing, and the provider's
// per-request log at OVIRT_PROVIDER_VERBOSITY=1, which the CLI shows with --debug.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSdkBuilt, probePulumiCli, removeWorkDir, run, startEmulator, writeProgram, type Emulator } from "./harness.ts";

const probe = probePulumiCli();
if (probe.missing) console.warn(`\n!!! SKIPPING test/e2e/lookups: ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 120_000;
const VM_NAME = `e2e-look-${randomBytes(3).toString("hex")}`;

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const config = new pulumi.Config();
const cluster = await ovirt.getCluster({ name: "Default" });
const blank = ovirt.getTemplateOutput({ name: "Blank" });
const vm = new ovirt.Vm("desk", { name: config.get("vmName") ?? "${VM_NAME}", cluster: cluster.id, template: blank.id, smartcardEnabled: true });
// The output form waits for the VM: at preview its name is known, its id not yet.
const found = ovirt.getVmOutput({ name: vm.name }, { dependsOn: [vm] });
export const clusterId = cluster.id;
export const templateName = blank.name;
export const foundId = found.id;
export const foundConsole = found.consoleDescription;
export const vmId = vm.vmId;
const missing = config.get("missingPool");
export const missingPool = missing ? ovirt.getPoolOutput({ name: missing }).id : "none";
`;

describe.skipIf(probe.missing !== undefined)("lookups with the real CLI, settings from OVIRT_* only", () => {
  const dir = join(probe.workDir, "lookups");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;

  const pulumi = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    run("pulumi", [...args, "--non-interactive"], { cwd: dir, env: { ...env, ...extraEnv }, timeoutMs: STEP_TIMEOUT });
  const ok = async (args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<string> => {
    const result = await pulumi(args, extraEnv);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    return result.stdout;
  };

  beforeAll(async () => {
    ensureSdkBuilt({ ...probe.env });
    emulator = await startEmulator(join(probe.workDir, "engine"), password);
    env = {
      ...probe.env,
      OVIRT_URL: emulator.apiUrl,
      OVIRT_USERNAME: "admin@internal",
      OVIRT_PASSWORD: password,
      OVIRT_CAFILE: emulator.caFile,
    };
    delete env.OVIRT_PROVIDER_VERBOSITY;
    writeProgram(dir, "lookups", PROGRAM);
    // No `pulumi config set` at all: the stack has no config.
    await ok(["stack", "init", "e2e"]);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await pulumi(["destroy", "--yes", "--skip-preview"]).catch(() => undefined);
    await emulator?.stop();
  }, STEP_TIMEOUT);

  it("up reads the cluster and the template, makes the VM, and finds it again by name", async () => {
    await ok(["up", "--yes", "--skip-preview"]);
    const outputs = JSON.parse(await ok(["stack", "output", "--json"])) as Record<string, unknown>;
    expect(outputs).toMatchObject({ templateName: "Blank", foundConsole: "Spice with Smartcard", missingPool: "none" });
    expect(outputs["clusterId"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(outputs["foundId"]).toBe(outputs["vmId"]);
  }, STEP_TIMEOUT);

  it("a lookup that matches nothing fails the preview, naming the property", async () => {
    await ok(["config", "set", "missingPool", "no-such-pool"]);
    const preview = await pulumi(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.stdout + preview.stderr).toMatch(/Invoke of 'ovirt:index:getPool' failed: the engine has no pool named "no-such-pool" .* \(name\)/);
    await ok(["config", "rm", "missingPool"]);
  }, STEP_TIMEOUT);

  it("OVIRT_PROVIDER_VERBOSITY=1 logs one line per engine request, shown by --debug; by default there are none", async () => {
    const requestLine = /\[ovirt\] info: GET \/ovirt-engine\/api\/clusters\?search=\S* 200 \d+ms/;
    const quiet = await ok(["preview", "--debug"]);
    expect(quiet).not.toMatch(requestLine);
    const verbose = await ok(["preview", "--debug"], { OVIRT_PROVIDER_VERBOSITY: "1" });
    expect(verbose).toMatch(requestLine);
    // The same through the CLI's own verbosity, which it passes to plugins with --logflow.
    const flowed = await ok(["preview", "--debug", "--logflow", "-v=1"]);
    expect(flowed).toMatch(requestLine);
    expect(verbose + flowed).not.toContain(password);
  }, STEP_TIMEOUT);
});
