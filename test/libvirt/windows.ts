// Windows-11-shaped and headless previews for the libvirt tests (issue 24): every BIOS type, video
// type, the TPM, the sound card, the CD-ROM and boot order, time zones, memory ceiling and topology.
import type { BiosType, DomainSettings, VideoType } from "../../domainxml/index.ts";
import { DESKTOP_DISKS, desktopNics, qemuSmartcardDesktop } from "./settings.ts";
import type { MatrixCase } from "./matrix.ts";

/** Where the engine says the guest-tools ISO is; the QEMU test points it at a scratch file. */
export const GUEST_TOOLS_ISO = "/rhev/data-center/mnt/iso.example:_isos/iso-domain/images/11111111-1111-1111-1111-111111111111/virtio-win.iso";

/** A Windows 11 desktop as the README's win11-gold: Secure Boot, TPM, sound, a time zone, SPICE with qxl. */
export function windows11Desktop(name: string, overrides: Partial<DomainSettings> = {}): DomainSettings {
  return qemuSmartcardDesktop(name, 256, {
    osType: "windows_11",
    biosType: "q35_secure_boot",
    tpmEnabled: true,
    timeZone: "W. Europe Standard Time",
    soundcardEnabled: true,
    keyboardLayout: "de",
    videoType: "qxl",
    cdrom: GUEST_TOOLS_ISO,
    bootDevices: ["hd", "cdrom"],
    ...overrides,
  });
}

/** A headless server: no graphics, no video, no sound, a Linux time zone, ballooning off. */
export function headlessServer(name: string, overrides: Partial<DomainSettings> = {}): DomainSettings {
  return {
    name,
    memoryMb: 256,
    cpuCores: 1,
    vmType: "server",
    usbEnabled: false,
    domainType: "qemu",
    display: null,
    headless: true,
    osType: "rhel_9x64",
    biosType: "q35_ovmf",
    timeZone: "Europe/Berlin",
    ballooning: false,
    ...overrides,
  };
}

const BIOS: BiosType[] = ["cluster_default", "i440fx_sea_bios", "q35_sea_bios", "q35_ovmf", "q35_secure_boot"];
const VIDEO: VideoType[] = ["qxl", "vga", "bochs", "cirrus"];

export function windowsMatrix(namePrefix: string): MatrixCase[] {
  const cases: MatrixCase[] = [];
  const add = (label: string, settings: DomainSettings) => cases.push({ label, settings: { ...settings, name: `${namePrefix}-w${cases.length}` } });
  add("windows 11 desktop (Secure Boot, TPM, sound, ISO)", windows11Desktop("x"));
  add("windows 11 desktop on KVM (Hyper-V enlightenments and clock)", windows11Desktop("x", { domainType: "kvm", uuid: "0f4e2a6c-7d51-4bde-9c3a-1b2c3d4e5f61" }));
  add("windows 11 desktop with disks, NICs, memory ceiling and 2x2x1 topology, booting from the CD-ROM first", windows11Desktop("x", {
    disks: DESKTOP_DISKS, nics: desktopNics(["ovirtmgmt", "vdi-lab"]), bootDevices: ["cdrom", "hd", "network"],
    memoryMaxMb: 1024, memoryGuaranteedMb: 128, cpuSockets: 2, cpuCores: 2, cpuThreads: 1,
  }));
  for (const biosType of BIOS) {
    add(`bios ${biosType} with a CD-ROM`, windows11Desktop("x", { biosType, tpmEnabled: biosType.startsWith("q35_o") || biosType === "q35_secure_boot", osType: "windows_10x64" }));
  }
  for (const videoType of VIDEO) {
    add(`vnc with ${videoType} video and a keymap`, windows11Desktop("x", {
      display: { type: "vnc", smartcardEnabled: false }, videoType, keyboardLayout: "fr", osType: "windows_10x64", biosType: "q35_sea_bios", tpmEnabled: false,
    }));
  }
  add("headless server (UEFI, no balloon)", headlessServer("x"));
  add("headless server on i440fx with a CD-ROM and network boot", headlessServer("x", {
    biosType: "i440fx_sea_bios", cdrom: GUEST_TOOLS_ISO, nics: desktopNics(["ovirtmgmt", "vdi-lab"]), bootDevices: ["network", "cdrom"],
  }));
  return cases;
}
