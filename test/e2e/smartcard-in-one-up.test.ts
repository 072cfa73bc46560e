// End to end: one `pulumi up` that gives a VM its smartcard and asks its ConsolePolicy to keep the
// smartcard in the session. At preview the engine still has the VM without one; the provider
// checks the policy against what the same run plans for the VM, so the preview passes, and the up
// applies both. (A policy over a VM that keeps no smartcard still fails its check: lifecycle tests.)
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineApi, ensureSdkBuilt, initStack, probePulumiCli, removeWorkDir, run, startEmulator, writeProgram, type Emulator } from "./harness.ts";

const probe = probePulumiCli();
if (probe.missing) console.warn(`\n!!! SKIPPING test/e2e/smartcard-in-one-up: ${probe.missing}\n`);

afterAll(() => removeWorkDir(probe.workDir));

const VM_NAME = `e2e-card-${randomBytes(4).toString("hex")}`;

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const config = new pulumi.Config();
const card = config.requireBoolean("card");
const vm = new ovirt.Vm("desk", { name: config.require("name"), smartcardEnabled: card, usbEnabled: true });
const policy = new ovirt.ConsolePolicy("console", {
    vmId: vm.vmId,
    disconnectAction: "lock_screen",
    ...(card ? { smartcardEnabled: true } : {}),
});
export const effectiveSmartcard = policy.effectiveSmartcard;
export const consoleDescription = policy.consoleDescription;
`;

describe.skipIf(probe.missing !== undefined)("a smartcard and the policy that keeps it, in one up", () => {
  const env: NodeJS.ProcessEnv = { ...probe.env };
  const programDir = join(probe.workDir, "program");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator | undefined;

  const pulumi = async (args: string[], input?: string) =>
    run("pulumi", [...args, "--non-interactive"], { cwd: programDir, env, input, timeoutMs: 120_000 });
  const ok = async (args: string[], input?: string): Promise<string> => {
    const result = await pulumi(args, input);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    return result.stdout;
  };

  beforeAll(async () => {
    ensureSdkBuilt(env);
    emulator = await startEmulator(join(probe.workDir, "engine"), password);
    writeProgram(programDir, "smartcard-in-one-up", PROGRAM);
    await initStack(ok, emulator);
    await ok(["config", "set", "name", VM_NAME]);
    await ok(["config", "set", "card", "false"]);
    await ok(["up", "--yes", "--skip-preview"]);
  }, 180_000);

  afterAll(async () => {
    await pulumi(["destroy", "--yes", "--skip-preview"]).catch(() => undefined);
    await emulator?.stop();
  }, 120_000);

  it("preview passes and up applies the VM's smartcard and the policy together", async () => {
    await ok(["config", "set", "card", "true"]);
    const preview = await ok(["preview", "--diff"]);
    expect(preview).toMatch(/~ ovirt:index:Vm/);
    expect(preview).toMatch(/~ ovirt:index:ConsolePolicy/);

    await ok(["up", "--yes"]);
    const outputs = JSON.parse(await ok(["stack", "output", "--json"])) as Record<string, unknown>;
    expect(outputs).toMatchObject({ effectiveSmartcard: true, consoleDescription: "Spice with Smartcard" });
    const found = await engineApi(emulator!, "GET", `/vms?search=${encodeURIComponent(`name=${VM_NAME}`)}`);
    const vm = (found.json.vm as { display?: { smartcard_enabled?: string | boolean } }[])[0];
    expect(String(vm?.display?.smartcard_enabled)).toBe("true");
  }, 180_000);
});
