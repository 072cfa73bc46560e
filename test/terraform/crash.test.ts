// A crash in the middle of a Terraform create, with the real OpenTofu CLI: `kill -9` of the provider
// plugin, or of tofu itself, right after the engine accepted the VM and before the state was saved.
// The next `tofu apply` adopts the VM by its creation marker (no duplicate, no orphan), while a
// same-named VM made by hand is a plan error on `name`, never adopted.

import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandLine, descendants, killPids } from "../e2e/chaos.ts";
import { engineApi, removeWorkDir, run, startEmulator, type Emulator } from "../e2e/harness.ts";
import { devOverridesConfig, probeTofu, providerBlock, stateValues, workspace, type Workspace } from "./harness.ts";

const probe = probeTofu("tofu-crash-");
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/terraform/crash (kill -9 mid-create with real OpenTofu): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 240_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A desk that is started on create, so the provider is still waiting for "up" when the kill comes. */
function desk(emulator: Emulator, name: string): string {
  return `${providerBlock(emulator)}
resource "ovirt_vm" "desk" {
  name      = "${name}"
  memory_mb = 512
  running   = true
}
`;
}

describe.skipIf(!probe.tofu)("kill -9 in the middle of a tofu apply's create", () => {
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;

  async function vmsNamed(name: string): Promise<{ id: string; comment?: string }[]> {
    const { json } = await engineApi(emulator, "GET", `/vms?search=${encodeURIComponent(`name=${name}`)}`);
    return ((json.vm ?? []) as { id: string; name: string; comment?: string }[]).filter((vm) => vm.name === name);
  }

  /** Runs `tofu apply` and kills (-9) the plugin or tofu as soon as the engine has the VM. */
  async function applyAndKill(ws: Workspace, name: string, target: "plugin" | "tofu"): Promise<{ killed: boolean; code: number | null }> {
    let tofu: ChildProcess | undefined;
    const applying = run(probe.tofu!, ["apply", "-auto-approve", "-input=false", "-no-color"], { cwd: ws.dir, env: ws.env, timeoutMs: STEP_TIMEOUT, onStart: (c) => (tofu = c) });
    let killed = false;
    for (let i = 0; i < 600 && !killed; i++) {
      await sleep(25);
      if ((await vmsNamed(name)).length === 0 || tofu?.pid === undefined) continue;
      const tree = descendants(tofu.pid);
      const plugin = tree.filter((pid) => /provider\/terraform\/main\.ts|terraform-provider-ovirt/.test(commandLine(pid)));
      if (target === "plugin") {
        killPids(plugin);
      } else {
        // tofu first, then what it started (the plugin would linger otherwise).
        killPids([tofu.pid]);
        killPids(tree);
      }
      killed = target === "tofu" || plugin.length > 0;
    }
    const result = await applying;
    return { killed, code: result.code };
  }

  beforeAll(async () => {
    // Slow asynchronous steps: the VM stays powering up for seconds after the engine accepted it.
    emulator = await startEmulator(join(probe.workDir, "engine"), password, ["--delay-ms", "2000"]);
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  for (const target of ["plugin", "tofu"] as const) {
    it(`after a kill -9 of the ${target} right after the engine accepted the VM, the next apply adopts it: one VM, in the state`, async () => {
      const name = `tf-crash-${target}`;
      const ws = workspace(probe.tofu!, join(probe.workDir, target), emulator, devOverridesConfig(join(probe.workDir, `${target}.tfrc`)));
      ws.write(desk(emulator, name));
      const interrupted = await applyAndKill(ws, name, target);
      expect(interrupted.killed).toBe(true);
      expect(interrupted.code).not.toBe(0);
      const [made, ...others] = await vmsNamed(name);
      expect(others).toEqual([]);
      // The marker ties the VM to this configuration (its directory), type and name.
      expect(made!.comment).toBe(`terraform-ovirt: ${realpathSync(ws.dir)}/ovirt_vm/${name}`);
      // Not saved in the state by the interrupted run.
      expect((await stateValues(ws).catch(() => ({}) as Record<string, unknown>))["ovirt_vm.desk"]).toBeUndefined();

      const output = await ws.ok(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
      expect(output).toContain("1 added");
      expect((await stateValues(ws))["ovirt_vm.desk"]).toMatchObject({ id: made!.id, name, status: "up" });
      expect((await vmsNamed(name)).map((vm) => vm.id)).toEqual([made!.id]);
      expect((await ws.tofu(["plan", "-detailed-exitcode", "-input=false", "-no-color"], STEP_TIMEOUT)).code).toBe(0);
      await ws.ok(["destroy", "-auto-approve", "-input=false"], STEP_TIMEOUT);
      expect(await vmsNamed(name)).toEqual([]);
    }, STEP_TIMEOUT * 3);
  }

  it("Ctrl-C during a create's wait: the VM the engine made is kept in the state, tainted, with the error; the next apply replaces it", async () => {
    const name = "tf-crash-interrupt";
    const ws = workspace(probe.tofu!, join(probe.workDir, "interrupt"), emulator, devOverridesConfig(join(probe.workDir, "interrupt.tfrc")));
    ws.write(desk(emulator, name));
    let tofu: ChildProcess | undefined;
    const applying = run(probe.tofu!, ["apply", "-auto-approve", "-input=false", "-no-color"], { cwd: ws.dir, env: ws.env, timeoutMs: STEP_TIMEOUT, onStart: (c) => (tofu = c) });
    for (let i = 0; i < 600 && (await vmsNamed(name)).length === 0; i++) await sleep(25);
    // Ctrl-C: tofu calls StopProvider, and the provider gives up the wait for "up".
    tofu!.kill("SIGINT");
    const result = await applying;
    expect(result.code).toBe(1);
    expect((result.stdout + result.stderr).replace(/\s+/g, " ")).toMatch(/was created \(id [0-9a-f-]+\) but is not ready/);
    const [made, ...others] = await vmsNamed(name);
    expect(others).toEqual([]);
    const shown = await ws.ok(["state", "show", "ovirt_vm.desk"]);
    expect(shown).toContain("(tainted)");
    expect(shown).toContain(made!.id);

    // Terraform replaces a tainted resource: the half-made VM is removed, a new one made.
    const output = await ws.ok(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    expect(output).toContain("1 added, 0 changed, 1 destroyed");
    const after = await vmsNamed(name);
    expect(after).toHaveLength(1);
    expect((await stateValues(ws))["ovirt_vm.desk"]).toMatchObject({ id: after[0]!.id, status: "up" });
    await ws.ok(["destroy", "-auto-approve", "-input=false"], STEP_TIMEOUT);
  }, STEP_TIMEOUT * 3);

  it("a same-named VM made by hand is a plan error on name naming it, and is left alone", async () => {
    const name = "tf-crash-handmade";
    const created = await engineApi(emulator, "POST", "/vms", { name, cluster: { name: "Default" }, template: { name: "Blank" } });
    expect(created.status).toBe(201);
    const holder = String(created.json.id);
    const ws = workspace(probe.tofu!, join(probe.workDir, "handmade"), emulator, devOverridesConfig(join(probe.workDir, "handmade.tfrc")));
    ws.write(desk(emulator, name));
    const result = await ws.tofu(["apply", "-auto-approve", "-input=false", "-no-color"], STEP_TIMEOUT);
    expect(result.code).toBe(1);
    const text = (result.stdout + result.stderr).replace(/\s+/g, " ");
    expect(text).toContain("Invalid value for name");
    expect(text).toContain(`already has a VM named "${name}" (id ${holder}), which this resource did not`);
    expect(text).toContain(`terraform import ovirt_vm.<name> ${holder}`);
    expect((await vmsNamed(name)).map((vm) => vm.id)).toEqual([holder]);
    expect((await stateValues(ws).catch(() => ({}) as Record<string, unknown>))["ovirt_vm.desk"]).toBeUndefined();
  }, STEP_TIMEOUT);
});
