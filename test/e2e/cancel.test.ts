// End to end: a Ctrl-C during `pulumi up` while the engine is still starting a VM. The real CLI
// cancels, the plugin gives up its wait at once (Pulumi's Cancel), and the VM the engine already
// made is recorded in the stack with the reason, so nothing is orphaned, and the next up carries on
// with it. The emulator's start takes two minutes here: without the cancel, the up could not end
// within the test's timeout.
import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyExample, engineApi, ensureSdkBuilt, initStack, probePulumiCli, removeWorkDir, run, startEmulator, type Emulator } from "./harness.ts";

const probe = probePulumiCli();
if (probe.missing) console.warn(`\n!!! SKIPPING test/e2e/cancel (Ctrl-C during pulumi up): ${probe.missing}\n`);

afterAll(() => removeWorkDir(probe.workDir));

const VM_NAME = `e2e-cancel-${randomBytes(4).toString("hex")}`;
const STARTING = ["wait_for_launch", "powering_up"];

describe.skipIf(probe.missing !== undefined)("Ctrl-C during pulumi up", () => {
  const env: NodeJS.ProcessEnv = { ...probe.env };
  const programDir = join(probe.workDir, "single-vm");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator | undefined;

  const ok = async (args: string[], input?: string): Promise<string> => {
    const result = await run("pulumi", [...args, "--non-interactive"], { cwd: programDir, env, input, timeoutMs: 60_000 });
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    return result.stdout;
  };

  beforeAll(async () => {
    ensureSdkBuilt(env);
    // Every asynchronous step of this engine takes two minutes.
    emulator = await startEmulator(join(probe.workDir, "engine"), password, ["--delay-ms", "120000"]);
    copyExample("single-vm", programDir);
    await initStack(ok, emulator);
    await ok(["config", "set", "single-vm:name", VM_NAME]);
    await ok(["config", "set", "single-vm:running", "true"]);
  }, 120_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("ends the up at once and keeps the VM the engine made in the stack", async () => {
    let up: ChildProcess | undefined;
    const upDone = run("pulumi", ["up", "--yes", "--skip-preview", "--non-interactive"], {
      cwd: programDir, env, timeoutMs: 50_000, onStart: (child) => (up = child),
    });

    // The VM exists and the engine is starting it: this is where a user loses patience.
    let vm: { id?: string; status?: string } | undefined;
    for (let i = 0; i < 300 && !STARTING.includes(vm?.status ?? ""); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const found = await engineApi(emulator!, "GET", `/vms?search=${encodeURIComponent(`name=${VM_NAME}`)}`);
      vm = (found.json.vm as { id: string; status: string }[] | undefined)?.[0];
    }
    expect(STARTING).toContain(vm?.status);
    up!.kill("SIGINT");

    const result = await upDone;
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(new RegExp(`cancelled after \\d+m?s while waiting for VM ${VM_NAME} \\(id ${vm!.id}\\) to become up`));

    const state = JSON.parse(await ok(["stack", "export"])) as {
      deployment: { resources: { type: string; id?: string; initErrors?: string[] }[] };
    };
    const recorded = state.deployment.resources.find((r) => r.type === "ovirt:index:Vm");
    expect(recorded?.id).toBe(vm!.id);
    expect(recorded?.initErrors?.join(" ")).toMatch(/cancelled/);

    // The next up carries on with the same VM: nothing is created twice.
    await ok(["up", "--yes", "--skip-preview"]);
    const after = JSON.parse(await ok(["stack", "export"])) as typeof state;
    const again = after.deployment.resources.filter((r) => r.type === "ovirt:index:Vm");
    expect(again.map((r) => r.id)).toEqual([vm!.id]);
    expect(again[0]?.initErrors ?? []).toEqual([]);
    const sameName = await engineApi(emulator!, "GET", `/vms?search=${encodeURIComponent(`name=${VM_NAME}`)}`);
    expect((sameName.json.vm as unknown[]).length).toBe(1);
  }, 90_000);
});
