// Firmware, TPM, OS, time zone, sound, video, keyboard, CD-ROM, boot order, memory and CPU in the
// preview, each checked against what the engine's LibvirtVmXmlBuilder writes (oVirt/ovirt-engine
// f8379071, vdsbroker/builder/vminfo/LibvirtVmXmlBuilder.java; method named in each test).
import { describe, expect, it, vi } from "vitest";
import { clockAdjustment, renderDomainXml, settingsProblems } from "../../domainxml/index.ts";
import type { DomainSettings } from "../../domainxml/index.ts";
import { devicesOf, parseXml } from "./parse.ts";
import type { Loose } from "./parse.ts";
import { desktopSettings } from "./settings.ts";

const UUID = "0f4e2a6c-7d51-4bde-9c3a-1b2c3d4e5f60";

function settings(overrides: Partial<DomainSettings> = {}): DomainSettings {
  return desktopSettings(false, overrides);
}

function win11(overrides: Partial<DomainSettings> = {}): DomainSettings {
  return settings({
    uuid: UUID, osType: "windows_11", biosType: "q35_secure_boot", tpmEnabled: true, timeZone: "W. Europe Standard Time",
    soundcardEnabled: true, ...overrides,
  });
}

describe("firmware (writeOs, writeFeatures)", () => {
  it("q35_secure_boot: the secure OVMF loader, a per-VM variable store from the Secure Boot template, and SMM", () => {
    const domain = parseXml(renderDomainXml(win11())).domain;
    expect(domain.os.type).toMatchObject({ "@machine": "q35", "#text": "hvm" });
    expect(domain.os.loader).toEqual({ "#text": "/usr/share/OVMF/OVMF_CODE.secboot.fd", "@readonly": "yes", "@secure": "yes", "@type": "pflash" });
    expect(domain.os.nvram).toEqual({ "#text": `/var/lib/libvirt/qemu/nvram/${UUID}.fd`, "@template": "/usr/share/OVMF/OVMF_VARS.secboot.fd" });
    expect(domain.features.smm).toEqual({ "@state": "on" });
  });

  it("q35_ovmf: the same loader without Secure Boot, the plain variable template, and no SMM", () => {
    const domain = parseXml(renderDomainXml(settings({ biosType: "q35_ovmf" }))).domain;
    expect(domain.os.loader["@secure"]).toBe("no");
    expect(domain.os.nvram["@template"]).toBe("/usr/share/OVMF/OVMF_VARS.fd");
    expect(domain.os.nvram["#text"]).toBe("/var/lib/libvirt/qemu/nvram/desk-01.fd");
    expect(domain.features.smm).toBeUndefined();
  });

  it.each([
    ["i440fx_sea_bios", "pc"],
    ["q35_sea_bios", "q35"],
    ["cluster_default", "q35"],
  ] as const)("%s: machine %s with SeaBIOS (no loader)", (biosType, machine) => {
    const domain = parseXml(renderDomainXml(settings({ biosType }))).domain;
    expect(domain.os.type["@machine"]).toBe(machine);
    expect(domain.os.loader).toBeUndefined();
    expect(domain.os.nvram).toBeUndefined();
  });

  it("Windows on KVM gets the Hyper-V enlightenments and clock; an emulated domain and Linux do not", () => {
    const kvm = parseXml(renderDomainXml(win11())).domain;
    expect(kvm.features.hyperv).toEqual({ relaxed: { "@state": "on" }, vapic: { "@state": "on" }, spinlocks: { "@state": "on", "@retries": "8191" } });
    expect(kvm.clock.timer.map((t: Loose) => t["@name"])).toEqual(["hypervclock", "rtc", "pit", "hpet"]);
    const emulated = parseXml(renderDomainXml(win11({ domainType: "qemu" }))).domain;
    expect(emulated.features.hyperv).toBeUndefined();
    expect(parseXml(renderDomainXml(settings({ osType: "rhel_9x64" }))).domain.features.hyperv).toBeUndefined();
  });
});

describe("the TPM (writeTpm) and the sound card (writeSound)", () => {
  it("writes a CRB TPM with an emulated 2.0 backend only when tpmEnabled", () => {
    expect(devicesOf(renderDomainXml(win11())).tpm).toEqual({ "@model": "tpm-crb", backend: { "@type": "emulator", "@version": "2.0" } });
    expect(devicesOf(renderDomainXml(win11({ tpmEnabled: false }))).tpm).toBeUndefined();
  });

  it("writes an ich6 sound card only when soundcardEnabled", () => {
    expect(devicesOf(renderDomainXml(win11())).sound).toEqual({ "@model": "ich6" });
    expect(devicesOf(renderDomainXml(win11({ soundcardEnabled: false }))).sound).toBeUndefined();
  });
});

describe("the clock (writeClock, VmInfoBuildUtils.getVmTimeZone)", () => {
  it("a variable offset of the zone's standard offset, with the catch-up RTC, a delayed PIT and no HPET", () => {
    const clock = parseXml(renderDomainXml(settings({ osType: "rhel_9x64", timeZone: "Asia/Calcutta" }))).domain.clock;
    expect(clock["@offset"]).toBe("variable");
    expect(clock["@adjustment"]).toBe(String(5.5 * 3600));
    expect(clock.timer).toEqual([
      { "@name": "rtc", "@tickpolicy": "catchup" },
      { "@name": "pit", "@tickpolicy": "delay" },
      { "@name": "hpet", "@present": "no" },
    ]);
  });

  it("maps a Windows zone name to its offset, and shows standard time whatever the date (no diff across DST)", () => {
    expect(clockAdjustment("W. Europe Standard Time", "windows_11")).toBe(3600);
    expect(clockAdjustment("Pacific Standard Time", "windows_10x64")).toBe(-8 * 3600);
    // Southern hemisphere: summer time in January, so the standard offset is July's.
    expect(clockAdjustment("Tasmania Standard Time", "windows_11")).toBe(10 * 3600);
    expect(clockAdjustment("Australia/Hobart", "other_linux")).toBe(10 * 3600);
    // A zone the engine cannot map gives 0, as its lookup does.
    expect(clockAdjustment("AUS Eastern Standard Time", "windows_11")).toBe(0);
  });

  it("works out each zone's offset once per process: a domain XML per VM must not build an Intl formatter each time", () => {
    const built = vi.spyOn(Intl, "DateTimeFormat");
    try {
      const first = clockAdjustment("Asia/Kolkata", "other_linux");
      const formattersForFirst = built.mock.calls.length;
      for (let i = 0; i < 5; i++) expect(clockAdjustment("Asia/Kolkata", "other_linux")).toBe(first);
      expect(first).toBe(19800);
      expect(formattersForFirst).toBeGreaterThan(0);
      expect(built.mock.calls.length).toBe(formattersForFirst);
    } finally {
      built.mockRestore();
    }
  });

  it("falls back to the engine's defaults: GMT Standard Time for Windows, Etc/GMT otherwise (both 0)", () => {
    expect(parseXml(renderDomainXml(win11({ timeZone: undefined }))).domain.clock["@adjustment"]).toBe("0");
    expect(parseXml(renderDomainXml(settings())).domain.clock["@adjustment"]).toBe("0");
  });
});

describe("display (writeGraphics, writeVideo)", () => {
  it("writes the keymap on VNC: the VM's keyboard layout, else the engine's en-us", () => {
    const vnc = { type: "vnc", smartcardEnabled: false } as const;
    expect(devicesOf(renderDomainXml(settings({ display: vnc, keyboardLayout: "de" }))).graphics[0]["@keymap"]).toBe("de");
    expect(devicesOf(renderDomainXml(settings({ display: vnc }))).graphics[0]["@keymap"]).toBe("en-us");
    expect(devicesOf(renderDomainXml(settings({ keyboardLayout: "de" }))).graphics[0]["@keymap"]).toBeUndefined();
  });

  it.each(["vga", "bochs", "cirrus", "qxl"] as const)("writes the %s video model when asked", (videoType) => {
    const devices = devicesOf(renderDomainXml(settings({ display: { type: "vnc", smartcardEnabled: false }, videoType })));
    expect(devices.video[0].model["@type"]).toBe(videoType);
  });

  it("headless: no graphics even with a display given, and a video model of none", () => {
    const devices = devicesOf(renderDomainXml(settings({ headless: true })));
    expect(devices.graphics).toBeUndefined();
    expect(devices.video).toEqual([{ model: { "@type": "none" } }]);
  });
});

describe("the CD-ROM (writeCdRom) and the boot order (updateVmDevicesBootOrder)", () => {
  const iso = "/rhev/data-center/mnt/iso/iso-domain/images/11111111-1111-1111-1111-111111111111/virtio-win.iso";
  const disk = { name: "os", interface: "virtio_scsi", format: "cow", bootable: true } as const;

  it("a read-only raw cdrom on SATA sdc with an optional source; SCSI disks skip sdc", () => {
    const devices = devicesOf(renderDomainXml(settings({
      cdrom: iso, disks: [disk, { ...disk, name: "a", bootable: false }, { ...disk, name: "b", bootable: false }],
    })));
    const cdrom = devices.disk.find((d: Loose) => d["@device"] === "cdrom");
    expect(cdrom).toMatchObject({
      "@type": "file", "@snapshot": "no",
      driver: { "@name": "qemu", "@type": "raw", "@error_policy": "report" },
      source: { "@file": iso, "@startupPolicy": "optional", seclabel: { "@model": "dac", "@relabel": "no" } },
      target: { "@dev": "sdc", "@bus": "sata" },
      readonly: "",
    });
    const targets = devices.disk.filter((d: Loose) => d["@device"] === "disk").map((d: Loose) => d.target["@dev"]);
    expect(targets).toEqual(["sda", "sdb", "sdd"]);
  });

  it("on i440fx the cdrom sits on IDE hdc", () => {
    const cdrom = devicesOf(renderDomainXml(settings({ biosType: "i440fx_sea_bios", cdrom: iso }))).disk[0];
    expect(cdrom.target).toEqual({ "@dev": "hdc", "@bus": "ide" });
  });

  it("numbers the devices in the boot sequence: cdrom, hd, network", () => {
    const nics = [{ name: "nic1", network: "ovirtmgmt", interface: "virtio" }, { name: "nic2", network: "lan", interface: "e1000" }] as const;
    const xml = renderDomainXml(settings({ cdrom: iso, disks: [disk], nics: [...nics], bootDevices: ["cdrom", "hd", "network"] }));
    const domain = parseXml(xml).domain;
    const byDevice = (device: string) => domain.devices.disk.find((d: Loose) => d["@device"] === device).boot;
    expect(byDevice("cdrom")).toEqual({ "@order": "1" });
    expect(byDevice("disk")).toEqual({ "@order": "2" });
    expect(domain.devices.interface.map((i: Loose) => i.boot)).toEqual([{ "@order": "3" }, { "@order": "4" }]);
    expect(domain.os.boot).toBeUndefined();
  });

  it("with no device to carry an order, lists the boot devices in <os> instead", () => {
    expect(parseXml(renderDomainXml(settings({ bootDevices: ["network", "hd"] }))).domain.os.boot).toEqual([{ "@dev": "network" }, { "@dev": "hd" }]);
  });
});

describe("memory and CPU (writeMaxMemory, writeCpu, writeBalloon, writeVmMetadata)", () => {
  it("a maxMemory ceiling with the engine's 16 slots and one NUMA cell, only above the memory", () => {
    const domain = parseXml(renderDomainXml(settings({ memoryMb: 4096, memoryMaxMb: 16384, cpuSockets: 2, cpuCores: 2, cpuThreads: 2 }))).domain;
    expect(domain.maxMemory).toEqual({ "#text": "16384", "@slots": "16", "@unit": "MiB" });
    expect(domain.vcpu["#text"]).toBe("8");
    expect(domain.cpu.topology).toMatchObject({ "@sockets": "2", "@cores": "2", "@threads": "2" });
    expect(domain.cpu.numa.cell).toEqual({ "@id": "0", "@cpus": "0-7", "@memory": "4096", "@unit": "MiB" });
    expect(parseXml(renderDomainXml(settings({ memoryMb: 4096, memoryMaxMb: 4096 }))).domain.maxMemory).toBeUndefined();
  });

  it("a virtio balloon with 5 s stats, or model none without ballooning; guaranteed memory in the engine's metadata", () => {
    const on = parseXml(renderDomainXml(settings({ memoryGuaranteedMb: 1024 }))).domain;
    expect(on.devices.memballoon).toEqual({ "@model": "virtio", stats: { "@period": "5" } });
    expect(on.metadata["ovirt-vm:vm"]["ovirt-vm:minGuaranteedMemoryMb"]).toEqual({ "#text": "1024", "@type": "int" });
    expect(on.metadata["ovirt-vm:vm"]["ovirt-vm:ballooningEnabled"]).toBe("true");
    const off = parseXml(renderDomainXml(settings({ ballooning: false }))).domain;
    expect(off.devices.memballoon).toEqual({ "@model": "none" });
    expect(off.metadata["ovirt-vm:vm"]["ovirt-vm:minGuaranteedMemoryMb"]["#text"]).toBe("2048");
  });
});

describe("the Windows 11 desktop as a whole", () => {
  it("has no problems and renders every device", () => {
    const full = win11({ keyboardLayout: "de", cdrom: "/isos/virtio-win.iso", bootDevices: ["hd", "cdrom"], memoryMaxMb: 8192 });
    expect(settingsProblems(full)).toEqual([]);
    const devices = devicesOf(renderDomainXml(full));
    expect(devices.tpm).toBeDefined();
    expect(devices.sound).toBeDefined();
    expect(devices.disk.map((d: Loose) => d["@device"])).toEqual(["cdrom"]);
  });
});
