// Issue 24 in the emulator: firmware, TPM, OS, time zone, video type, high availability, boot order,
// the CD-ROM with ISO files from a storage domain, delete protection and stateless runs, each
// accepted, stored, returned and validated as the engine does (cited per test).
import { describe, expect, it } from "vitest";
import { at, blankVm, createVm, type Emu, emulatorPerSuite, request, waitUntil } from "./helpers.ts";

const vmId = (a: { body: Record<string, unknown> }): string => String(at(a.body, "vm.@id"));
const CDROM = "00000000-0000-0000-0000-000000000000";

describe("emulator: Windows 11 VM settings", () => {
  let emu: Emu;
  emulatorPerSuite({ asyncDelayMs: 0 }, (started) => {
    emu = started;
  });

  async function isoDisk(name: string): Promise<string> {
    const sds = await request(emu, "GET", "/storagedomains?search=name%3Ddata");
    const sd = at(sds.body, "storage_domains.storage_domain.@id");
    const a = await request(emu, "POST", "/disks", {
      body: `<disk><alias>${name}</alias><content_type>iso</content_type><format>raw</format><sparse>false</sparse>` +
        `<provisioned_size>4194304</provisioned_size><storage_domains><storage_domain id="${String(sd)}"/></storage_domains></disk>`,
    });
    expect(a.status).toBe(201);
    expect(at(a.body, "disk.content_type")).toBe("iso");
    return String(at(a.body, "disk.@id"));
  }

  it("stores and returns os, bios, TPM (with all_content), time zone, video type, HA, topology, memory policy and boot order", async () => {
    const a = await createVm(emu, blankVm("win11-gold",
      "<bios><type>q35_secure_boot</type></bios><tpm_enabled>true</tpm_enabled><time_zone><name>W. Europe Standard Time</name></time_zone>" +
      "<display><type>spice</type><video_type>qxl</video_type><keyboard_layout>de</keyboard_layout></display>" +
      "<high_availability><enabled>true</enabled><priority>50</priority></high_availability><delete_protected>true</delete_protected>" +
      "<cpu><topology><sockets>2</sockets><cores>2</cores><threads>1</threads></topology></cpu><memory>4294967296</memory>" +
      "<memory_policy><guaranteed>2147483648</guaranteed><max>8589934592</max><ballooning>false</ballooning></memory_policy>" +
      "<os><type>windows_11</type><boot><devices><device>cdrom</device><device>hd</device></devices></boot></os>"));
    expect(a.status, a.text).toBe(201);
    const full = (await request(emu, "GET", `/vms/${vmId(a)}?all_content=true`)).body;
    expect(at(full, "vm.os.type")).toBe("windows_11");
    expect(at(full, "vm.os.boot.devices.device")).toEqual(["cdrom", "hd"]);
    expect(at(full, "vm.bios.type")).toBe("q35_secure_boot");
    expect(at(full, "vm.tpm_enabled")).toBe("true");
    expect(at(full, "vm.time_zone.name")).toBe("W. Europe Standard Time");
    expect(at(full, "vm.time_zone.utc_offset")).toBe("+01:00");
    expect(at(full, "vm.display.video_type")).toBe("qxl");
    expect(at(full, "vm.display.keyboard_layout")).toBe("de");
    expect(at(full, "vm.high_availability.enabled")).toBe("true");
    expect(at(full, "vm.high_availability.priority")).toBe("50");
    expect(at(full, "vm.delete_protected")).toBe("true");
    expect(at(full, "vm.cpu.topology.sockets")).toBe("2");
    expect(at(full, "vm.memory_policy.guaranteed")).toBe(String(2 * 1024 ** 3));
    expect(at(full, "vm.memory_policy.ballooning")).toBe("false");
    // tpm_enabled is a device field: only with all_content, like the sound card (BackendVmResource.doPopulate).
    expect(at((await request(emu, "GET", `/vms/${vmId(a)}`)).body, "vm.tpm_enabled")).toBeUndefined();
  });

  it("refuses what AddVmCommand/UpdateVmCommand refuse, with 400 and the reason", async () => {
    const cases: [string, RegExp][] = [
      ["<bios><type>q35_sea_bios</type></bios><tpm_enabled>true</tpm_enabled>", /TPM device is not supported/],
      ["<os><type>windows_11</type></os><bios><type>q35_secure_boot</type></bios>", /requires a TPM device/],
      ["<os><type>windows_10x64</type></os><time_zone><name>Europe/Berlin</name></time_zone>", /Invalid time zone for given OS type/],
      ["<os><type>rhel_9x64</type></os><time_zone><name>W. Europe Standard Time</name></time_zone>", /Invalid time zone for given OS type/],
      ["<display><type>spice</type><video_type>vga</video_type></display>", /display type is not supported/],
      ["<display><type>vnc</type><keyboard_layout>klingon</keyboard_layout></display>", /keyboard layout/],
      ["<stateless>true</stateless><high_availability><enabled>true</enabled></high_availability>", /highly available VM cannot be stateless/],
    ];
    for (const [extra, reason] of cases) {
      const a = await createVm(emu, blankVm(`bad-${Math.random().toString(36).slice(2, 8)}`, extra));
      expect([extra, a.status]).toEqual([extra, 400]);
      expect(String(at(a.body, "fault.detail"))).toMatch(reason);
    }
    const enumFault = await createVm(emu, blankVm("bad-bios", "<bios><type>uefi</type></bios>"));
    expect(enumFault.status).toBe(400);
    expect(String(at(enumFault.body, "fault.detail"))).toContain("BiosType");
    const bootFault = await createVm(emu, blankVm("bad-boot", "<os><boot><devices><device>floppy</device></devices></boot></os>"));
    expect(bootFault.status).toBe(400);
  });

  it("takes the same fields in JSON, and a template made from the VM keeps them", async () => {
    const created = await request(emu, "POST", "/vms", {
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        name: "json-win11", cluster: { name: "Default" }, template: { name: "Blank" },
        os: { type: "windows_11", boot: { devices: { device: ["cdrom", "hd"] } } },
        bios: { type: "q35_secure_boot" }, tpm_enabled: true, time_zone: { name: "Tokyo Standard Time" },
        high_availability: { enabled: true, priority: 1 },
      }),
    });
    expect(created.status, created.text).toBe(201);
    const vm = created.body as Record<string, unknown>;
    expect(at(vm, "os.boot.devices.device")).toEqual(["cdrom", "hd"]);
    expect(at(vm, "time_zone.utc_offset")).toBe("+09:00");
    const template = await request(emu, "POST", "/templates", {
      body: `<template><name>win11-tpl</name><vm id="${String(vm.id)}"/></template>`,
    });
    expect(template.status, template.text).toBeLessThan(300);
    const id = String(at(template.body, "template.@id"));
    const read = (await waitUntil(emu, `/templates/${id}?all_content=true`, (a) => at(a.body, "template.status") === "ok")).body;
    expect(at(read, "template.bios.type")).toBe("q35_secure_boot");
    expect(at(read, "template.tpm_enabled")).toBe("true");
    expect(at(read, "template.time_zone.name")).toBe("Tokyo Standard Time");
    expect(at(read, "template.os.boot.devices.device")).toEqual(["cdrom", "hd"]);
  });

  it("VNC takes any video type; display.type alone lets the engine pick the video again", async () => {
    const a = await createVm(emu, blankVm("vnc-bochs", "<display><type>vnc</type><video_type>bochs</video_type></display>"));
    expect(at(a.body, "vm.display.video_type")).toBe("bochs");
    const back = await request(emu, "PUT", `/vms/${vmId(a)}`, { body: "<vm><display><type>spice</type></display></vm>" });
    expect(back.status, back.text).toBe(200);
    expect(at(back.body, "vm.display.video_type")).toBe("qxl");
  });

  it("a delete-protected VM is refused with the engine's text until protection is off", async () => {
    const a = await createVm(emu, blankVm("protected", "<delete_protected>true</delete_protected>"));
    const refused = await request(emu, "DELETE", `/vms/${vmId(a)}`);
    expect(refused.status).toBe(409);
    expect(String(at(refused.body, "fault.detail"))).toContain(
      "Cannot remove VM. Delete protection is enabled. In order to delete, disable Delete protection first.");
    await request(emu, "PUT", `/vms/${vmId(a)}`, { body: "<vm><delete_protected>false</delete_protected></vm>" });
    expect((await request(emu, "DELETE", `/vms/${vmId(a)}`)).status).toBe(200);
  });

  // A pool's nested <vm> is the VmStatic its VMs are made with (CommonVmPoolCommand.buildAddVmParameters);
  // RemoveVmPoolCommand detaches each VM (RemoveVmFromPool) and removes it (RemoveVm), which refuses a
  // protected one: that VM stays, out of the pool, and so does the pool.
  it("a pool's VMs take delete protection and HA from its <vm>; removing the pool leaves the protected VMs and the pool", async () => {
    const source = vmId(await createVm(emu, blankVm("pool-src")));
    const tpl = await request(emu, "POST", "/templates", { body: `<template><name>protected-tpl</name><vm id="${source}"/></template>` });
    const tplId = String(at(tpl.body, "template.@id"));
    await waitUntil(emu, `/templates/${tplId}`, (a) => at(a.body, "template.status") === "ok");
    const made = await request(emu, "POST", "/vmpools", {
      body: `<vm_pool><name>kept</name><cluster><name>Default</name></cluster><template id="${tplId}"/><size>2</size><stateful>true</stateful>` +
        "<vm><delete_protected>true</delete_protected><high_availability><enabled>true</enabled><priority>50</priority></high_availability></vm></vm_pool>",
      headers: { Expect: "201-created" },
    });
    expect(made.status, made.text).toBe(201);
    const poolId = String(at(made.body, "vm_pool.@id"));
    expect(at(made.body, "vm_pool.vm.delete_protected")).toBe("true");
    expect(at(made.body, "vm_pool.vm.high_availability.priority")).toBe("50");
    const members = async () => [at((await request(emu, "GET", `/vms?search=${encodeURIComponent("pool=kept")}`)).body, "vms.vm")].flat().filter(Boolean) as Record<string, unknown>[];
    const [first, second] = await members();
    // UpdateVm takes delete protection off one VM at once (an @EditableVmField of any status).
    const off = await request(emu, "PUT", `/vms/${String(first!["@id"])}`, { body: "<vm><delete_protected>false</delete_protected></vm>" });
    expect(off.status, off.text).toBe(200);
    expect(at(off.body, "vm.delete_protected")).toBe("false");

    expect((await request(emu, "DELETE", `/vmpools/${poolId}`)).status).toBe(200);
    expect((await request(emu, "GET", `/vms/${String(first!["@id"])}`)).status).toBe(404);
    const kept = await request(emu, "GET", `/vms/${String(second!["@id"])}`);
    expect(kept.status).toBe(200);
    expect(at(kept.body, "vm.vm_pool")).toBeUndefined();
    expect((await request(emu, "GET", `/vmpools/${poolId}`)).status).toBe(200);
    expect(await members()).toEqual([]);
  });

  it("a template without graphics consoles is headless, and so are the pool VMs made from it", async () => {
    const source = vmId(await createVm(emu, blankVm("headless-src")));
    const tpl = await request(emu, "POST", "/templates", { body: `<template><name>headless-tpl</name><vm id="${source}"/></template>` });
    const tplId = String(at(tpl.body, "template.@id"));
    await waitUntil(emu, `/templates/${tplId}`, (a) => at(a.body, "template.status") === "ok");
    const consoles = [at((await request(emu, "GET", `/templates/${tplId}/graphicsconsoles`)).body, "graphics_consoles.graphics_console")].flat() as Record<string, unknown>[];
    expect(consoles.length).toBeGreaterThan(0);
    for (const c of consoles) expect((await request(emu, "DELETE", `/templates/${tplId}/graphicsconsoles/${String(c["@id"])}`)).status).toBe(200);
    expect(at((await request(emu, "GET", `/templates/${tplId}`)).body, "template.display")).toBeUndefined();
    const pool = await request(emu, "POST", "/vmpools", {
      body: `<vm_pool><name>dark</name><cluster><name>Default</name></cluster><template id="${tplId}"/><size>1</size></vm_pool>`,
      headers: { Expect: "201-created" },
    });
    expect(pool.status, pool.text).toBe(201);
    expect(at(pool.body, "vm_pool.vm")).toBeDefined();
    expect(at(pool.body, "vm_pool.vm.display")).toBeUndefined();
  });

  it("lists a data domain's ISO disks as files, and a CD-ROM takes one by id or name", async () => {
    const iso = await isoDisk("virtio-win.iso");
    const sds = await request(emu, "GET", "/storagedomains?search=name%3Ddata");
    const sd = String(at(sds.body, "storage_domains.storage_domain.@id"));
    const files = await request(emu, "GET", `/storagedomains/${sd}/files`);
    expect(files.status).toBe(200);
    const listed = [at(files.body, "files.file")].flat() as Record<string, unknown>[];
    expect(listed.some((f) => f["@id"] === iso && f.name === "virtio-win.iso" && f.type === "iso")).toBe(true);
    expect(at((await request(emu, "GET", `/storagedomains/${sd}/files/${iso}`)).body, "file.name")).toBe("virtio-win.iso");
    expect((await request(emu, "GET", `/storagedomains/${sd}/files/nope`)).status).toBe(404);

    const vm = vmId(await createVm(emu, blankVm("cd-down")));
    const empty = await request(emu, "GET", `/vms/${vm}/cdroms`);
    expect(at(empty.body, "cdroms.cdrom.@id")).toBe(CDROM);
    expect(at(empty.body, "cdroms.cdrom.file")).toBeUndefined();
    const put = await request(emu, "PUT", `/vms/${vm}/cdroms/${CDROM}`, { body: `<cdrom><file id="virtio-win.iso"/></cdrom>` });
    expect(put.status, put.text).toBe(200);
    expect(at(put.body, "cdrom.file.@id")).toBe(iso);
    const unknown = await request(emu, "PUT", `/vms/${vm}/cdroms/${CDROM}`, { body: `<cdrom><file id="missing.iso"/></cdrom>` });
    expect(unknown.status).toBe(400);
    expect((await request(emu, "GET", `/vms/${vm}/cdroms/not-the-cdrom`)).status).toBe(404);
  });

  it("on a running VM: current=true swaps the medium now; without it the change waits for the next run", async () => {
    const first = await isoDisk("drivers.iso");
    const second = await isoDisk("tools.iso");
    const vm = vmId(await createVm(emu, blankVm("cd-running")));
    await request(emu, "PUT", `/vms/${vm}/cdroms/${CDROM}`, { body: `<cdrom><file id="${first}"/></cdrom>` });
    expect((await request(emu, "PUT", `/vms/${vm}/cdroms/${CDROM}?current=true`, { body: `<cdrom><file id="${second}"/></cdrom>` })).status).toBe(409);
    expect((await request(emu, "POST", `/vms/${vm}/start`, { body: "<action/>" })).status).toBe(200);
    await waitUntil(emu, `/vms/${vm}`, (a) => at(a.body, "vm.status") === "up");
    // The running VM started with the configured medium.
    expect(at((await request(emu, "GET", `/vms/${vm}/cdroms/${CDROM}?current=true`)).body, "cdrom.file.@id")).toBe(first);

    const swapped = await request(emu, "PUT", `/vms/${vm}/cdroms/${CDROM}?current=true`, { body: `<cdrom><file id="${second}"/></cdrom>` });
    expect(at(swapped.body, "cdrom.file.@id")).toBe(second);
    expect(at((await request(emu, "GET", `/vms/${vm}/cdroms/${CDROM}`)).body, "cdrom.file.@id")).toBe(first);
    expect(at((await request(emu, "GET", `/vms/${vm}`)).body, "vm.next_run_configuration_exists")).toBe("false");

    await request(emu, "PUT", `/vms/${vm}/cdroms/${CDROM}`, { body: `<cdrom><file id=""/></cdrom>` });
    expect(at((await request(emu, "GET", `/vms/${vm}`)).body, "vm.next_run_configuration_exists")).toBe("true");
    expect(at((await request(emu, "GET", `/vms/${vm}/cdroms/${CDROM}?current=true`)).body, "cdrom.file.@id")).toBe(second);
  });

  it("boot order, BIOS type and TPM changes on a running VM go to the next run; HA and delete protection apply at once", async () => {
    const vm = vmId(await createVm(emu, blankVm("running-edits")));
    await request(emu, "POST", `/vms/${vm}/start`, { body: "<action/>" });
    await waitUntil(emu, `/vms/${vm}`, (a) => at(a.body, "vm.status") === "up");
    const put = await request(emu, "PUT", `/vms/${vm}`, {
      body: "<vm><os><boot><devices><device>network</device></devices></boot></os><bios><type>q35_ovmf</type></bios><tpm_enabled>true</tpm_enabled>" +
        "<high_availability><enabled>true</enabled><priority>100</priority></high_availability><delete_protected>true</delete_protected></vm>",
    });
    expect(put.status, put.text).toBe(200);
    expect(at(put.body, "vm.os.boot.devices.device")).toBe("hd");
    expect(at(put.body, "vm.bios.type")).toBe("cluster_default");
    expect(at(put.body, "vm.high_availability.priority")).toBe("100");
    expect(at(put.body, "vm.delete_protected")).toBe("true");
    const next = (await request(emu, "GET", `/vms/${vm}?next_run=true&all_content=true`)).body;
    expect(at(next, "vm.os.boot.devices.device")).toBe("network");
    expect(at(next, "vm.bios.type")).toBe("q35_ovmf");
    expect(at(next, "vm.tpm_enabled")).toBe("true");
  });

  // RunVmCommand snapshots a stateless VM's disks; RestoreStatelessVm puts them back when it stops.
  it("a stateless run: a disk extended while it runs is back to its size at start when the VM stops", async () => {
    const vm = vmId(await createVm(emu, blankVm("kiosk", "<stateless>true</stateless>")));
    const sds = await request(emu, "GET", "/storagedomains?search=name%3Ddata");
    const sd = String(at(sds.body, "storage_domains.storage_domain.@id"));
    const attached = await request(emu, "POST", `/vms/${vm}/diskattachments`, {
      body: `<disk_attachment><bootable>true</bootable><interface>virtio_scsi</interface><active>true</active><disk><alias>kiosk-os</alias>` +
        `<format>cow</format><provisioned_size>1073741824</provisioned_size><storage_domains><storage_domain id="${sd}"/></storage_domains></disk></disk_attachment>`,
    });
    expect(attached.status, attached.text).toBe(201);
    const diskId = String(at(attached.body, "disk_attachment.@id"));
    await waitUntil(emu, `/disks/${diskId}`, (a) => at(a.body, "disk.status") === "ok");
    const size = (a: { body: Record<string, unknown> }): unknown => at(a.body, "disk.provisioned_size");
    const before = size(await request(emu, "GET", `/disks/${diskId}`));
    await request(emu, "POST", `/vms/${vm}/start`, { body: "<action/>" });
    await waitUntil(emu, `/vms/${vm}`, (a) => at(a.body, "vm.status") === "up");
    const grown = await request(emu, "PUT", `/disks/${diskId}`, { body: `<disk><provisioned_size>${2 * 1024 ** 3}</provisioned_size></disk>` });
    expect(grown.status, grown.text).toBe(200);
    await waitUntil(emu, `/disks/${diskId}`, (a) => at(a.body, "disk.status") === "ok");
    expect(size(await request(emu, "GET", `/disks/${diskId}`))).toBe(String(2 * 1024 ** 3));
    await request(emu, "POST", `/vms/${vm}/stop`, { body: "<action/>" });
    await waitUntil(emu, `/vms/${vm}`, (a) => at(a.body, "vm.status") === "down");
    expect(size(await request(emu, "GET", `/disks/${diskId}`))).toBe(before);
  });
});
