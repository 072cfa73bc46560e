import { describe, expect, it } from "vitest";
import { deviceLetters, renderDomainXml, shapeProblems } from "../../domainxml/index.ts";
import type { DiskSettings, DomainSettings, NicSettings } from "../../domainxml/index.ts";
import { devicesOf, parseXml } from "./parse.ts";
import type { Loose } from "./parse.ts";
import { desktopSettings } from "./settings.ts";

function disk(name: string, overrides: Partial<DiskSettings> = {}): DiskSettings {
  return { name, interface: "virtio_scsi", format: "cow", bootable: false, ...overrides };
}

function nic(name: string, overrides: Partial<NicSettings> = {}): NicSettings {
  return { name, network: "ovirtmgmt", interface: "virtio", ...overrides };
}

function render(overrides: Partial<DomainSettings>): Loose {
  return devicesOf(renderDomainXml(desktopSettings(false, overrides)));
}

describe("renderDomainXml: disks", () => {
  it("maps each interface to its bus and letters targets in order, SCSI and SATA sharing the sd names", () => {
    const devices = render({
      disks: [disk("a"), disk("b", { interface: "virtio" }), disk("c", { interface: "sata" }), disk("d", { interface: "virtio" }), disk("e")],
    });
    expect(devices.disk.map((d: Loose) => [d.target["@dev"], d.target["@bus"]])).toEqual([
      ["sda", "scsi"], ["vda", "virtio"], ["sdb", "sata"], ["vdb", "virtio"], ["sdc", "scsi"],
    ]);
  });

  it("counts past z as libvirt does", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(deviceLetters)).toEqual(["a", "z", "aa", "ab", "az", "ba", "zz", "aaa"]);
    const devices = render({ disks: Array.from({ length: 28 }, (_, i) => disk(`d${i}`, { interface: "virtio" })) });
    expect(devices.disk.at(-1).target["@dev"]).toBe("vdab");
  });

  it("writes qcow2 for cow and raw for raw, through QEMU", () => {
    const devices = render({ disks: [disk("a", { format: "cow" }), disk("b", { format: "raw" })] });
    expect(devices.disk.map((d: Loose) => [d.driver["@name"], d.driver["@type"]])).toEqual([["qemu", "qcow2"], ["qemu", "raw"]]);
    expect(devices.disk.map((d: Loose) => [d["@type"], d["@device"]])).toEqual([["file", "disk"], ["file", "disk"]]);
  });

  it("adds one virtio-scsi controller only when a disk is on SCSI", () => {
    const scsiControllers = (devices: Loose) => devices.controller.filter((c: Loose) => c["@type"] === "scsi");
    expect(scsiControllers(render({ disks: [disk("a"), disk("b")] }))).toEqual([{ "@type": "scsi", "@index": "0", "@model": "virtio-scsi" }]);
    expect(scsiControllers(render({ disks: [disk("a", { interface: "sata" }), disk("b", { interface: "virtio" })] }))).toEqual([]);
  });

  it("puts the image under a VDSM-shaped path by storage domain and disk id, with the id as serial", () => {
    const id = "0f4e2a6c-7d51-4bde-9c3a-1b2c3d4e5f60";
    const devices = render({ disks: [disk("os", { id, storageDomain: "data 1" }), disk("scratch")] });
    expect(devices.disk[0].source["@file"]).toBe(`/rhev/data-center/mnt/data_1/data_1/images/${id}/${id}`);
    expect(devices.disk[0].serial).toBe(id);
    expect(devices.disk[1].source["@file"]).toBe("/rhev/data-center/mnt/default/default/images/scratch/scratch");
    expect(devices.disk[1].serial).toBeUndefined();
  });

  it("keeps path segments inside their directory", () => {
    const devices = render({ disks: [disk("..", { storageDomain: "../../etc" })] });
    expect(devices.disk[0].source["@file"]).toBe("/rhev/data-center/mnt/.._.._etc/.._.._etc/images/_/_");
  });

  it("boots from the bootable disk by device order, and then drops the os boot device", () => {
    const domain = parseXml(renderDomainXml(desktopSettings(false, { disks: [disk("data"), disk("os", { bootable: true })] }))).domain;
    expect(domain.devices.disk.map((d: Loose) => d.boot)).toEqual([undefined, { "@order": "1" }]);
    expect(domain.os.boot).toBeUndefined();
    const withoutBootDisk = parseXml(renderDomainXml(desktopSettings(false, { disks: [disk("data")] }))).domain;
    expect(withoutBootDisk.os.boot).toEqual({ "@dev": "hd" });
  });

  it("writes no disk and no SCSI controller for a diskless VM", () => {
    const devices = render({});
    expect(devices.disk).toBeUndefined();
    expect(devices.controller.map((c: Loose) => c["@type"])).toEqual(["usb"]);
  });

  it("refuses an unknown interface or format and two bootable disks, naming the property", () => {
    const problems = shapeProblems(desktopSettings(false, {
      disks: [disk("a", { interface: "ide" as never, bootable: true }), disk("b", { format: "vmdk" as never, bootable: true })],
    }));
    expect(problems.map((p) => p.property)).toEqual(["disks[0].interface", "disks[1].format", "disks"]);
  });
});

describe("renderDomainXml: network interfaces", () => {
  it("plugs each NIC into the bridge named after its network, with the card model and the MAC", () => {
    const devices = render({
      nics: [nic("nic1", { macAddress: "56:6F:1A:2B:3C:01" }), nic("nic2", { network: "lab", interface: "e1000" }), nic("nic3", { network: "legacy", interface: "rtl8139" })],
    });
    expect(devices.interface.map((i: Loose) => [i["@type"], i.source["@bridge"], i.model["@type"], i.mac?.["@address"]])).toEqual([
      ["bridge", "ovirtmgmt", "virtio", "56:6f:1a:2b:3c:01"],
      ["bridge", "lab", "e1000", undefined],
      ["bridge", "legacy", "rtl8139", undefined],
    ]);
  });

  it("keeps bridge names within the 15 characters Linux allows", () => {
    const devices = render({ nics: [nic("nic1", { network: "a-very-long-network-name" })] });
    expect(devices.interface[0].source["@bridge"]).toBe("a-very-long-net");
  });

  it("refuses an unknown model, a missing network and a malformed MAC, naming the property", () => {
    const problems = shapeProblems(desktopSettings(false, {
      nics: [nic("a", { interface: "ne2k" as never }), nic("b", { network: " " }), nic("c", { macAddress: "56:6f:1a" })],
    }));
    expect(problems.map((p) => p.property)).toEqual(["nics[0].interface", "nics[1].network", "nics[2].macAddress"]);
    expect(() => renderDomainXml(desktopSettings(false, { nics: [nic("c", { macAddress: "zz" })] }))).toThrow(/nics\[0\]\.macAddress/);
  });
});
