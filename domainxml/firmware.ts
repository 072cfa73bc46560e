// The chipset, firmware, features, clock and TPM of the domain, as the oVirt engine's
// LibvirtVmXmlBuilder writes them (writeOs, writeFeatures, writeClock, writeTpm; read at
// oVirt/ovirt-engine f8379071, backend/manager/modules/vdsbroker/.../builder/vminfo/).
import { clockAdjustment, isWindows } from "./timezones.ts";
import type { BiosType, BootDevice } from "./types.ts";
import { el, textEl } from "./xml.ts";
import type { XmlElement } from "./xml.ts";

/** The firmware files the engine names; VDSM hosts have them at these paths (package edk2-ovmf). */
export const OVMF_PATHS = {
  code: "/usr/share/OVMF/OVMF_CODE.secboot.fd",
  vars: "/usr/share/OVMF/OVMF_VARS.fd",
  secureVars: "/usr/share/OVMF/OVMF_VARS.secboot.fd",
} as const;

/** Both UEFI types boot OVMF (the engine's BiosType.isOvmf). */
export function isUefi(biosType: BiosType | undefined): boolean {
  return biosType === "q35_ovmf" || biosType === "q35_secure_boot";
}

/** i440fx for i440fx_sea_bios; every other type (cluster_default included) is q35 here. */
export function machineType(biosType: BiosType | undefined): "pc" | "q35" {
  return biosType === "i440fx_sea_bios" ? "pc" : "q35";
}

/**
 * `<os>`: the machine, and for UEFI the read-only OVMF code (secure="yes" for Secure Boot) plus the
 * VM's own copy of the variable store, seeded from the template with the Microsoft keys enrolled
 * for Secure Boot. The engine writes no boot list here (devices carry their boot order); the
 * preview lists the boot devices only when no device carries one, as libvirt allows either.
 */
export function osElement(biosType: BiosType | undefined, domainKey: string, fallbackBoot: BootDevice[] | undefined): XmlElement {
  const secure = biosType === "q35_secure_boot";
  return el(
    "os",
    {},
    textEl("type", "hvm", { arch: "x86_64", machine: machineType(biosType) }),
    isUefi(biosType) && textEl("loader", OVMF_PATHS.code, { readonly: "yes", secure: secure ? "yes" : "no", type: "pflash" }),
    isUefi(biosType) && textEl("nvram", `/var/lib/libvirt/qemu/nvram/${domainKey}.fd`, { template: secure ? OVMF_PATHS.secureVars : OVMF_PATHS.vars }),
    (fallbackBoot ?? []).map((device) => el("boot", { dev: device === "cdrom" ? "cdrom" : device === "network" ? "network" : "hd" })),
  );
}

/**
 * `<features>`: ACPI always; the Hyper-V enlightenments for Windows guests on KVM (they need KVM,
 * so an emulated domain leaves them out); SMM for Secure Boot, which OVMF's secure build needs.
 */
export function featuresElement(osType: string | undefined, biosType: BiosType | undefined, domainType: "kvm" | "qemu"): XmlElement {
  const hyperv = isWindows(osType) && domainType === "kvm";
  return el(
    "features",
    {},
    el("acpi"),
    hyperv && el(
      "hyperv",
      {},
      el("relaxed", { state: "on" }),
      el("vapic", { state: "on" }),
      el("spinlocks", { state: "on", retries: 8191 }),
    ),
    biosType === "q35_secure_boot" && el("smm", { state: "on" }),
  );
}

/**
 * `<clock>`: a variable offset adjusted to the guest's time zone (Windows keeps local time in its
 * RTC), the catch-up RTC, a delayed PIT and no HPET; the Hyper-V clock for Windows on KVM.
 */
export function clockElement(osType: string | undefined, timeZone: string | undefined, domainType: "kvm" | "qemu"): XmlElement {
  const hyperv = isWindows(osType) && domainType === "kvm";
  return el(
    "clock",
    { offset: "variable", adjustment: clockAdjustment(timeZone, osType) },
    hyperv && el("timer", { name: "hypervclock", present: "yes" }),
    el("timer", { name: "rtc", tickpolicy: "catchup" }),
    el("timer", { name: "pit", tickpolicy: "delay" }),
    el("timer", { name: "hpet", present: "no" }),
  );
}

/** A CRB TPM 2.0 emulated by swtpm beside QEMU, as writeTpm writes it on x86. */
export function tpmElement(): XmlElement {
  return el("tpm", { model: "tpm-crb" }, el("backend", { type: "emulator", version: "2.0" }));
}
