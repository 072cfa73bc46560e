// High availability with stateless runs, through the real plugin over gRPC against the emulator.
// The engine takes the pair at AddVm/UpdateVm and refuses only the run: RunVmValidator.
// validateStatelessVm answers VM_CANNOT_RUN_STATELESS_HA for a stateless run of a highly available
// VM, and a desktop of a pool that is not stateful is always run stateless
// (AttachUserToVmFromPoolAndRunCommand: runAsStateless = !pool.stateful).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineRequest, type Emulator } from "./engine-access.ts";
import type { startPlugin} from "./harness.ts";
import { UNKNOWN, type Props } from "./harness.ts";
import { startPluginOnEmulator, type PluginOnEmulator } from "./on-emulator.ts";

const VM = "ovirt:index:Vm";
const POOL = "ovirt:index:Pool";
const PASSWORD = "Stateless-Ha-Pa55";
const HA = { enabled: true, priority: 10 };

describe("high availability with stateless runs (RunVmValidator)", () => {
  let emulator: Emulator;
  let plugin: Awaited<ReturnType<typeof startPlugin>>;
  let stack: PluginOnEmulator | undefined;
  const suffix = Date.now().toString(36);
  const name = (base: string) => `${base}-${suffix}`;

  beforeAll(async () => {
    stack = await startPluginOnEmulator("stateless-ha", PASSWORD);
    ({ emulator, plugin } = stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const vm = (extra: Props): Props => ({ name: name("kiosk"), cluster: "Default", template: "Blank", ...extra });
  const pool = (extra: Props): Props => ({ name: name("kiosks"), cluster: "Default", template: "tpl", size: 1, ...extra });

  it("a stateless, highly available Vm that is running fails the check naming highAvailability and the fix", async () => {
    const { failures } = await plugin.client.check(VM, vm({ stateless: true, highAvailability: HA, running: true }));
    expect(failures.map((f) => f.property)).toEqual(["highAvailability"]);
    expect(failures[0]!.reason).toMatch(/RunVmValidator/);
    expect(failures[0]!.reason).toMatch(/`stateless: false`/);
  });

  it("passes what the engine can run: stopped, not stateless, not HA, or not yet known", async () => {
    for (const extra of [
      { stateless: true, highAvailability: HA, running: false },
      { stateless: true, highAvailability: HA },
      { stateless: false, highAvailability: HA, running: true },
      { stateless: true, highAvailability: { enabled: false }, running: true },
      { stateless: UNKNOWN, highAvailability: HA, running: true },
      { stateless: true, highAvailability: HA, running: UNKNOWN },
    ]) {
      const { failures } = await plugin.client.check(VM, vm(extra));
      expect(failures, JSON.stringify(extra)).toEqual([]);
    }
  });

  it("a highly available pool that is not stateful fails the check; a stateful one passes", async () => {
    for (const extra of [{ highAvailability: HA }, { highAvailability: HA, stateful: false }]) {
      const { failures } = await plugin.client.check(POOL, pool(extra));
      expect(failures.map((f) => f.property), JSON.stringify(extra)).toEqual(["highAvailability"]);
      expect(failures[0]!.reason).toMatch(/`stateful: true`/);
      expect(failures[0]!.reason).toMatch(/AttachUserToVmFromPoolAndRun/);
    }
    for (const extra of [{ highAvailability: HA, stateful: true }, { highAvailability: HA, stateful: UNKNOWN }, {}]) {
      const { failures } = await plugin.client.check(POOL, pool(extra));
      expect(failures, JSON.stringify(extra)).toEqual([]);
    }
  });

  // AddVm takes the pair (the emulator refused it before); the engine refuses only the run.
  it("creates a stopped stateless HA Vm, and the engine refuses to start it with the engine's message", async () => {
    const checked = await plugin.client.check(VM, vm({ stateless: true, highAvailability: HA, running: false }));
    expect(checked.failures).toEqual([]);
    const created = await plugin.client.create(VM, checked.inputs);
    expect(created.outputs).toMatchObject({ stateless: true, highAvailability: HA, status: "down" });
    const start = await engineRequest(emulator, { name: "admin@internal", password: PASSWORD }, "POST", `/vms/${created.id}/start`, "<action/>");
    expect(start.status).toBe(409);
    expect(start.body).toContain("Highly Available Virtual servers can not be run as stateless");
    await plugin.client.delete(VM, created.id, created.outputs);
  });
});
