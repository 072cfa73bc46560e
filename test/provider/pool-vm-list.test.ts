// A pool's desktop list in one plugin process, after the provider's own writes. Reads, invokes,
// diffs and deletes may be served from the process's VM list (provider/engine/snapshot.ts); a
// desktop the provider has written since (its consoles removed for a headless pool, its delete
// protection) must still count as the pool's, read again from the engine. It used to be left out,
// so a read in the same process after a create saw a pool with no desktops.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineRequest, type Emulator } from "./engine-access.ts";
import type { startPlugin} from "./harness.ts";
import { type Props } from "./harness.ts";
import { startPluginOnEmulator, type PluginOnEmulator } from "./on-emulator.ts";

const VM = "ovirt:index:Vm";
const TEMPLATE = "ovirt:index:Template";
const POOL = "ovirt:index:Pool";
const PASSWORD = "Pool-Vm-List-Pa55";

describe("a pool's desktops after the provider's own writes, in one plugin process", () => {
  let emulator: Emulator;
  let plugin: Awaited<ReturnType<typeof startPlugin>>;
  let stack: PluginOnEmulator | undefined;
  const suffix = Date.now().toString(36);
  const name = (base: string) => `${base}-${suffix}`;

  beforeAll(async () => {
    stack = await startPluginOnEmulator("pool-vm-list", PASSWORD);
    ({ emulator, plugin } = stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function checked(token: string, news: Props): Promise<Props> {
    const { inputs, failures } = await plugin.client.check(token, news);
    expect(failures).toEqual([]);
    return inputs;
  }

  it("a read, a getPool and a delete after a headless pool's create see and handle every desktop", async () => {
    const source = await plugin.client.create(VM, await checked(VM, { name: name("src"), cluster: "Default", template: "Blank", running: false }));
    await plugin.client.create(TEMPLATE, await checked(TEMPLATE, { name: name("tpl"), sourceVm: source.id }));
    // Headless: the provider removes the template's consoles from each desktop, a write of each.
    const inputs = await checked(POOL, { name: name("pool"), cluster: "Default", template: name("tpl"), size: 3, headless: true });
    const pool = await plugin.client.create(POOL, inputs);
    const desktops = [...(pool.outputs.vmNames as string[])].sort();
    expect(desktops).toHaveLength(3);

    const read = await plugin.client.read(POOL, pool.id, { properties: pool.outputs, inputs });
    expect(read.outputs.vmNames).toEqual(desktops);
    expect((read.outputs.vmTemplateVersions as Props[]).map((v) => v.vmName).sort()).toEqual(desktops);
    const found = await plugin.client.invoke("ovirt:index:getPool", { name: name("pool") });
    expect(found.failures).toEqual([]);
    expect([...(found.outputs.vmNames as string[])].sort()).toEqual(desktops);
    const plan = await plugin.client.diff(POOL, pool.id, read.outputs, inputs, { oldInputs: read.inputs });
    expect(plan.changes).toBe("none");

    await plugin.client.delete(POOL, pool.id, pool.outputs);
    for (const vmName of desktops) {
      const left = await engineRequest(emulator, { name: "admin@internal", password: PASSWORD }, "GET", `/vms?search=${encodeURIComponent(`name=${vmName}`)}`);
      expect(left.body, vmName).not.toContain("<vm ");
    }
  });
});
