// Disks, NICs and cloneFromTemplate of ovirt:index:Vm (and a template's disks) through the real
// plugin process over gRPC, against the engine emulator: create, grow, add, change in place,
// drift, import, destroy leaving nothing, and every check failure.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineRequest, logged, type Emulator } from "./engine-access.ts";
import type { startPlugin} from "./harness.ts";
import { type Props } from "./harness.ts";
import { startPluginOnEmulator, type PluginOnEmulator } from "./on-emulator.ts";

const VM = "ovirt:index:Vm";
const TEMPLATE = "ovirt:index:Template";
const PASSWORD = "Devices-Secret-Pa55";
const GIB = 1024 ** 3;


/** A direct call to the emulator, standing in for someone working outside Pulumi. */
const engineCall = (emulator: Emulator, method: string, path: string, body?: string) =>
  engineRequest(emulator, { name: "admin@internal", password: PASSWORD }, method, path, body);

/** Ids of the elements `<tag id="...">` in an engine answer. */
const idsOf = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag} [^>]*id="([^"]+)"`, "g"))].map((m) => m[1]);

describe("Vm disks and NICs over gRPC against the emulator", () => {
  let emulator: Emulator;
  let plugin: Awaited<ReturnType<typeof startPlugin>>;
  let stack: PluginOnEmulator | undefined;
  const suffix = Date.now().toString(36);
  const name = (base: string) => `${base}-${suffix}`;

  beforeAll(async () => {
    stack = await startPluginOnEmulator("devices", PASSWORD, { args: ["-v=2"] });
    ({ emulator, plugin } = stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function checked(news: Props, olds: Props = {}) {
    const { inputs, failures } = await plugin.client.check(VM, news, olds);
    expect(failures).toEqual([]);
    return inputs;
  }

  const disk = { name: "system", sizeGb: 2, storageDomain: "data", bootable: true };
  const nic = { name: "nic1", network: "ovirtmgmt" };

  it("check: bad disks and NICs fail naming the full path and the fix", async () => {
    const cases: [Props, Props, string, RegExp][] = [
      [{ disks: [disk, { name: "d2", sizeGb: "big" }] }, {}, "disks[1].sizeGb", /a whole number/],
      [{ nics: [{ name: "n", network: "ovirtmgmt", interface: "tulip" }] }, {}, "nics[0].interface", /"virtio", "e1000", "rtl8139"/],
      [{ disks: [{ ...disk, color: "red" }] }, {}, "disks[0].color", /not a property of `disks\[0\]`.*sizeGb/],
      [{ disks: [{ name: "x" }] }, {}, "disks[0].sizeGb", /required/],
      [{ disks: [disk, { ...disk, bootable: false }] }, {}, "disks[1].name", /unique/],
      [{ disks: [disk, { name: "d2", sizeGb: 1, bootable: true }] }, {}, "disks[1].bootable", /at most one/],
      [{ nics: [nic, { ...nic }] }, {}, "nics[1].name", /unique/],
      [{ nics: [{ name: "n", network: "ovirtmgmt", vnicProfile: "ovirtmgmt" }] }, {}, "nics[0].vnicProfile", /only one/],
      [{ nics: [{ name: "n" }] }, {}, "nics[0].network", /needs a `network`/],
      [{ disks: [{ ...disk, sizeGb: 1 }] }, { disks: [{ ...disk, sizeGb: 3, diskId: "x" }] }, "disks[0].sizeGb", /is 3 GiB and a disk never shrinks; set 3 or more/],
      [{ disks: [{ ...disk, storageDomain: "nowhere" }] }, {}, "disks[0].storageDomain", /storage domain "nowhere" not found/],
      [{ nics: [{ name: "n", network: "nonet" }] }, {}, "nics[0].network", /network "nonet" not found/],
      [{ nics: [{ name: "n", vnicProfile: "noprofile" }] }, {}, "nics[0].vnicProfile", /vNIC profile "noprofile" not found/],
    ];
    for (const [extra, olds, property, reason] of cases) {
      const { failures } = await plugin.client.check(VM, { name: name("bad"), ...extra }, olds);
      expect(failures.map((f) => f.property), JSON.stringify(extra)).toEqual([property]);
      expect(failures[0]!.reason).toMatch(reason);
    }
  });

  it("a VM with a disk and a NIC: create, no-op diff, grow, add NIC, drift, import, template outputs, destroy leaves nothing", async () => {
    const inputs = await checked({ name: name("golden"), disks: [disk], nics: [nic] });
    const { id, outputs } = await plugin.client.create(VM, inputs);
    expect(outputs.disks).toEqual([{ ...disk, interface: "virtio_scsi", format: "cow", sparse: true, diskId: expect.any(String) }]);
    expect(outputs.nics).toEqual([{ ...nic, interface: "virtio", nicId: expect.any(String), macAddress: expect.stringMatching(/^00:1a:4a/) }]);
    const diskId = (outputs.disks as Props[])[0]!.diskId as string;
    // The domain XML shows the disk by its engine id (image path and serial) and the NIC with the MAC the engine gave it.
    const macAddress = (outputs.nics as Props[])[0]!.macAddress as string;
    expect(outputs.domainXml).toContain(`<source file="/rhev/data-center/mnt/data/data/images/${diskId}/${diskId}"/>`);
    expect(outputs.domainXml).toContain(`<serial>${diskId}</serial>`);
    expect(outputs.domainXml).toContain('<target dev="sda" bus="scsi"/>');
    expect(outputs.domainXml).toContain(`<mac address="${macAddress.toLowerCase()}"/>`);
    expect(outputs.domainXml).toContain('<source bridge="ovirtmgmt"/>');
    const attachment = await engineCall(emulator, "GET", `/disks/${diskId}`);
    expect(attachment.body).toContain(`<provisioned_size>${2 * GIB}</provisioned_size>`);

    const same = await plugin.client.diff(VM, id, outputs, await checked({ name: name("golden"), disks: [disk], nics: [nic] }, outputs), { oldInputs: inputs });
    expect(same.changes).toBe("none");

    // Grow the disk in place, add a NIC, change nic1's model: one update, no replace.
    const nic2 = { name: "nic2", vnicProfile: "ovirtmgmt", interface: "e1000" };
    const grown = await checked({ name: name("golden"), disks: [{ ...disk, sizeGb: 4 }], nics: [{ ...nic, interface: "rtl8139" }, nic2] }, outputs);
    const plan = await plugin.client.diff(VM, id, outputs, grown, { oldInputs: inputs });
    expect(plan).toMatchObject({ changes: "some", replaces: [] });
    expect(plan.detailedDiff).toMatchObject({ "disks[0].sizeGb": "update", "nics[0].interface": "update", "nics[1]": "add" });
    const updated = await plugin.client.update(VM, id, outputs, grown, { oldInputs: inputs });
    expect((updated.disks as Props[])[0]).toMatchObject({ sizeGb: 4, diskId });
    expect((updated.nics as Props[]).map((n) => [n.name, n.interface, n.network ?? n.vnicProfile])).toEqual([["nic1", "rtl8139", "ovirtmgmt"], ["nic2", "e1000", "ovirtmgmt"]]);
    expect((await engineCall(emulator, "GET", `/disks/${diskId}`)).body).toContain(`<provisioned_size>${4 * GIB}</provisioned_size>`);

    // A format change replaces the VM (the engine cannot convert an attached image).
    const reformat = await plugin.client.diff(VM, id, updated, await checked({ ...grown, disks: [{ ...disk, sizeGb: 4, format: "raw" }] }, updated), { oldInputs: grown });
    expect(reformat).toMatchObject({ replaces: ["disks"], deleteBeforeReplace: true, detailedDiff: { "disks[0].format": "update-replace" } });

    // Out of band: the disk grows to 6 GiB and nic2 is removed; refresh reports both.
    const nic2Id = (updated.nics as Props[])[1]!.nicId as string;
    expect((await engineCall(emulator, "PUT", `/vms/${id}/diskattachments/${diskId}`, `<disk_attachment><disk><provisioned_size>${6 * GIB}</provisioned_size></disk></disk_attachment>`)).status).toBe(200);
    expect((await engineCall(emulator, "DELETE", `/vms/${id}/nics/${nic2Id}`)).status).toBe(200);
    const refreshed = await plugin.client.read(VM, id, { properties: updated, inputs: grown });
    expect((refreshed.inputs.disks as Props[])[0]).toMatchObject({ name: "system", sizeGb: 6, storageDomain: "data" });
    expect((refreshed.inputs.nics as Props[]).map((n) => n.name)).toEqual(["nic1"]);
    await logged(plugin, /changed in the engine since the last read: .*disks.*nics/);

    // Import by id: the inputs check cleanly and a program with those devices plans no change.
    const imported = await plugin.client.read(VM, id);
    const program = await checked({ name: name("golden"), disks: [{ ...disk, sizeGb: 6 }], nics: [{ ...nic, interface: "rtl8139" }] });
    expect(imported.inputs.disks).toEqual(program.disks);
    expect(imported.inputs.nics).toEqual(program.nics);
    const importedChecked = await checked(imported.inputs);
    expect((await plugin.client.diff(VM, id, imported.outputs, program, { oldInputs: importedChecked })).changes).toBe("none");

    // A template from the VM lists its disk and its NIC, as the engine copied them.
    const tplInputs = (await plugin.client.check(TEMPLATE, { name: name("tpl"), sourceVm: id })).inputs;
    const template = await plugin.client.create(TEMPLATE, tplInputs);
    expect((template.outputs.disks as Props[]).map((d) => [d.name, d.sizeGb, d.bootable])).toEqual([["system", 6, true]]);
    expect((template.outputs.nics as Props[]).map((n) => [n.name, n.interface, n.vnicProfile])).toEqual([["nic1", "rtl8139", "ovirtmgmt"]]);

    // A thin VM from the template keeps the template's disk without listing it, and adds its own.
    const fromTemplate = await checked({ name: name("thin"), template: name("tpl"), disks: [{ name: "scratch", sizeGb: 1 }], nics: [nic] });
    const thin = await plugin.client.create(VM, fromTemplate);
    expect((thin.outputs.disks as Props[]).map((d) => d.name)).toEqual(["scratch"]);
    // The template's NIC is the one the entry names: it is changed in place, not doubled.
    expect((thin.outputs.nics as Props[]).map((n) => [n.name, n.interface])).toEqual([["nic1", "virtio"]]);
    const thinDisks = idsOf((await engineCall(emulator, "GET", `/vms/${thin.id}/diskattachments`)).body, "disk_attachment");
    expect(thinDisks).toHaveLength(2);
    const thinRead = await plugin.client.read(VM, thin.id, { properties: thin.outputs, inputs: fromTemplate });
    expect(thinRead.inputs.disks).toEqual(fromTemplate.disks);
    // Taking the disk off the list detaches and removes it.
    const noScratch = await checked({ ...fromTemplate, disks: [] }, thin.outputs);
    const dropped = await plugin.client.update(VM, thin.id, thin.outputs, noScratch, { oldInputs: fromTemplate });
    expect(dropped.disks).toEqual([]);
    const scratchId = (thin.outputs.disks as Props[])[0]!.diskId as string;
    expect((await engineCall(emulator, "GET", `/disks/${scratchId}`)).status).toBe(404);

    // A clone: independent copies, template kept in state.
    const cloneInputs = await checked({ name: name("clone"), template: name("tpl"), cloneFromTemplate: true });
    const cloned = await plugin.client.create(VM, cloneInputs);
    expect(cloned.outputs).toMatchObject({ template: name("tpl"), cloneFromTemplate: true });
    const cloneRead = await plugin.client.read(VM, cloned.id, { properties: cloned.outputs, inputs: cloneInputs });
    expect(cloneRead.inputs).toMatchObject({ template: name("tpl"), cloneFromTemplate: true });

    // Destroy: no disk and no NIC of these VMs remains.
    const vmDisks = async (vmId: string) => idsOf((await engineCall(emulator, "GET", `/vms/${vmId}/diskattachments`)).body, "disk_attachment");
    const ownDisks = [...(await vmDisks(thin.id)), ...(await vmDisks(cloned.id))];
    await plugin.client.delete(VM, thin.id, dropped);
    await plugin.client.delete(VM, cloned.id, cloneRead.outputs);
    await plugin.client.delete(TEMPLATE, template.id, template.outputs);
    const goldenNics = idsOf((await engineCall(emulator, "GET", `/vms/${id}/nics`)).body, "nic");
    await plugin.client.delete(VM, id, refreshed.outputs);
    for (const d of [diskId, ...ownDisks]) expect((await engineCall(emulator, "GET", `/disks/${d}`)).status, d).toBe(404);
    const allNics = (await engineCall(emulator, "GET", "/vms")).body;
    for (const n of goldenNics) expect(allNics).not.toContain(n);
    const leftDisks = (await engineCall(emulator, "GET", "/disks")).body;
    expect(leftDisks).not.toMatch(/<alias>(system|scratch)<\/alias>/);
  });
  it("a VM that never listed disks or NICs manages none: a disk attached by hand survives refresh and update", async () => {
    const inputs = await checked({ name: name("bare") });
    const { id, outputs } = await plugin.client.create(VM, inputs);
    const domainId = idsOf((await engineCall(emulator, "GET", "/storagedomains")).body, "storage_domain")[0];
    const attach = await engineCall(emulator, "POST", `/vms/${id}/diskattachments`,
      `<disk_attachment><interface>virtio_scsi</interface><active>true</active><bootable>false</bootable><disk><alias>handmade</alias>` +
      `<provisioned_size>${GIB}</provisioned_size><format>cow</format><storage_domains><storage_domain id="${domainId}"/></storage_domains></disk></disk_attachment>`);
    expect(attach.status).toBe(201);
    const refreshed = await plugin.client.read(VM, id, { properties: outputs, inputs });
    expect(refreshed.inputs.disks).toBeUndefined();
    expect(refreshed.inputs.nics).toBeUndefined();
    const bigger = await checked({ name: name("bare"), memoryMb: 2048 }, refreshed.outputs);
    const plan = await plugin.client.diff(VM, id, refreshed.outputs, bigger, { oldInputs: refreshed.inputs });
    expect(Object.keys(plan.detailedDiff ?? {})).not.toContain("disks");
    const updated = await plugin.client.update(VM, id, refreshed.outputs, bigger, { oldInputs: refreshed.inputs });
    expect((await engineCall(emulator, "GET", `/vms/${id}/diskattachments`)).body).toContain("disk_attachment");
    await plugin.client.delete(VM, id, updated);
  });
});
