// Collection snapshots through real plugin processes over gRPC, against the engine emulator. Each
// plugin process stands for one Pulumi command (or one refresh pass): a refresh reads VMs, their
// disks and NICs from one list per kind; the snapshot never hides an edit made between commands,
// a VM created in the process, or the state an update acts on; and a VM is gone only on the
// engine's own 404.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineRequest, startEmulator, type Emulator } from "./engine-access.ts";
import { secret, startPlugin, type PluginProcess, type Props } from "./harness.ts";

const VM = "ovirt:index:Vm";
const PASSWORD = "Snapshots-Secret-Pa55";
const MIB = 1024 ** 2;

/** A direct call to the emulator, standing in for someone working outside Pulumi. */
const engineCall = (emulator: Emulator, method: string, path: string, body?: string) =>
  engineRequest(emulator, { name: "admin@internal", password: PASSWORD }, method, path, body);

const statusOf = async (emulator: Emulator, id: string) => /<status>([^<]+)<\/status>/.exec((await engineCall(emulator, "GET", `/vms/${id}`)).body)?.[1];

async function untilStatus(emulator: Emulator, id: string, wanted: string): Promise<void> {
  for (let i = 0; i < 500 && (await statusOf(emulator, id)) !== wanted; i++) await new Promise((r) => setTimeout(r, 10));
  expect(await statusOf(emulator, id)).toBe(wanted);
}

describe("collection snapshots in plugin processes against the emulator", () => {
  let emulator: Emulator;
  let dataDir: string;
  const plugins: PluginProcess[] = [];
  const suffix = Date.now().toString(36);
  const name = (base: string) => `${base}-${suffix}`;
  const vms: { id: string; inputs: Props; outputs: Props }[] = [];

  /** A new plugin process, configured: the next Pulumi command. */
  async function nextCommand(): Promise<PluginProcess> {
    const plugin = await startPlugin({ env: { OVIRT_URL: undefined, OVIRT_PASSWORD: undefined } });
    plugins.push(plugin);
    await plugin.client.configure({ url: emulator.apiUrl, username: "admin@internal", password: secret(PASSWORD), caFile: emulator.caFile });
    return plugin;
  }

  async function createVm(plugin: PluginProcess, base: string): Promise<{ id: string; inputs: Props; outputs: Props }> {
    const { inputs, failures } = await plugin.client.check(VM, {
      name: name(base), memoryMb: 512,
      disks: [{ name: "system", sizeGb: 1, storageDomain: "data", bootable: true }],
      nics: [{ name: "nic1", network: "ovirtmgmt" }],
    });
    expect(failures).toEqual([]);
    const { id, outputs } = await plugin.client.create(VM, inputs);
    return { id, inputs, outputs };
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ovirt-snapshots-"));
    emulator = await startEmulator({ port: 0, dataDir, adminPassword: PASSWORD, asyncDelayMs: 0 });
    const up = await nextCommand();
    for (const base of ["a", "b", "c", "d", "e"]) vms.push(await createVm(up, base));
  });
  afterAll(async () => {
    for (const plugin of plugins) await plugin.stop();
    await emulator?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("a refresh pass reads every VM with its disks and NICs from one VM list: no per-VM GET", async () => {
    const refresh = await nextCommand();
    emulator.resetStats();
    for (const vm of vms) {
      const read = await refresh.client.read(VM, vm.id, { properties: vm.outputs, inputs: vm.inputs });
      expect(read.id).toBe(vm.id);
      expect((read.inputs.disks as Props[]).map((d) => [d.name, d.sizeGb])).toEqual([["system", 1]]);
      expect((read.inputs.nics as Props[]).map((n) => [n.name, n.network])).toEqual([["nic1", "ovirtmgmt"]]);
    }
    const { requests } = emulator.stats();
    expect(requests["GET /ovirt-engine/api/vms"]).toBe(1);
    const perVm = Object.entries(requests).filter(([route]) => /^GET \/ovirt-engine\/api\/(vms|disks)\/\{/.test(route));
    expect(perVm).toEqual([]);
  });

  it("an edit made outside Pulumi between two commands is seen by the next command", async () => {
    const [vm] = vms;
    const first = await nextCommand();
    expect((await first.client.read(VM, vm!.id, { properties: vm!.outputs, inputs: vm!.inputs })).outputs.memoryMb).toBe(512);
    const edit = await engineCall(emulator, "PUT", `/vms/${vm!.id}`, `<vm><memory>${768 * MIB}</memory></vm>`);
    expect(edit.status).toBe(200);
    const second = await nextCommand();
    const read = await second.client.read(VM, vm!.id, { properties: vm!.outputs, inputs: vm!.inputs });
    expect(read.outputs.memoryMb).toBe(768);
    // Within the first command the list it took answers: the second saw the edit because it is a new process.
    expect((await first.client.read(VM, vm!.id, { properties: vm!.outputs, inputs: vm!.inputs })).outputs.memoryMb).toBe(512);
  });

  it("a VM created in this process is seen right after, by id and by name, with its disk and NIC", async () => {
    const plugin = await nextCommand();
    await plugin.client.read(VM, vms[1]!.id, { properties: vms[1]!.outputs, inputs: vms[1]!.inputs }); // takes the list
    const created = await createVm(plugin, "late");
    const read = await plugin.client.read(VM, created.id, { properties: created.outputs, inputs: created.inputs });
    expect(read.id).toBe(created.id);
    expect((read.inputs.disks as Props[]).map((d) => d.name)).toEqual(["system"]);
    expect((read.inputs.nics as Props[]).map((n) => n.name)).toEqual(["nic1"]);
    const found = await plugin.client.invoke("ovirt:index:getVm", { name: name("late") });
    expect(found.failures).toEqual([]);
    expect(found.outputs.id).toBe(created.id);
    await plugin.client.delete(VM, created.id, read.outputs);
  });

  it("an update acts on the engine's current state, not on the list taken earlier in the process", async () => {
    const vm = vms[2]!;
    const plugin = await nextCommand();
    const before = await plugin.client.read(VM, vm.id, { properties: vm.outputs, inputs: vm.inputs });
    expect(before.outputs.status).toBe("down");
    // Someone starts the VM in the console after the list was taken.
    expect((await engineCall(emulator, "POST", `/vms/${vm.id}/start`, "<action/>")).status).toBe(200);
    await untilStatus(emulator, vm.id, "up");
    // The program says running: false; the update must see that the VM now runs, and stop it.
    const news = { ...vm.inputs, running: false, memoryMb: 1024 };
    const outputs = await plugin.client.update(VM, vm.id, before.outputs, news, { oldInputs: { ...vm.inputs, running: false } });
    expect(await statusOf(emulator, vm.id)).toBe("down");
    expect(outputs).toMatchObject({ status: "down", memoryMb: 1024 });
  });

  it("a delete whose list says down, of a VM started since, stops the VM and removes it", async () => {
    const created = await createVm(await nextCommand(), "started");
    const destroy = await nextCommand();
    const listed = await destroy.client.read(VM, created.id, { properties: created.outputs, inputs: created.inputs });
    expect(listed.outputs.status).toBe("down");
    expect((await engineCall(emulator, "POST", `/vms/${created.id}/start`, "<action/>")).status).toBe(200);
    await untilStatus(emulator, created.id, "up");
    await destroy.client.delete(VM, created.id, listed.outputs, { oldInputs: created.inputs });
    expect((await engineCall(emulator, "GET", `/vms/${created.id}`)).status).toBe(404);
  });

  it("a VM missing from the list is gone only when the engine answers 404 for it", async () => {
    const [gone, kept] = [vms[3]!, vms[4]!];
    expect((await engineCall(emulator, "DELETE", `/vms/${gone.id}`)).status).toBe(200);
    const refresh = await nextCommand();
    emulator.resetStats();
    expect((await refresh.client.read(VM, kept.id, { properties: kept.outputs, inputs: kept.inputs })).id).toBe(kept.id);
    expect((await refresh.client.read(VM, gone.id, { properties: gone.outputs, inputs: gone.inputs })).id).toBe("");
    // The list lacked it, so the engine was asked for that one VM, and said 404.
    expect(emulator.stats().requests).toMatchObject({ "GET /ovirt-engine/api/vms": 1, "GET /ovirt-engine/api/vms/{id}": 1 });
  });
});
