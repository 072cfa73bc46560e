// The inputs of the domain-XML preview: what an oVirt VM's settings say about the libvirt domain.

export type VmType = "desktop" | "server" | "high_performance";
export type DisplayType = "spice" | "vnc";
export type MonitorCount = 1 | 2 | 4;

export interface DisplaySettings {
  type: DisplayType;
  smartcardEnabled: boolean;
  /** SPICE heads on the qxl video device; 1 when left out. */
  monitors?: MonitorCount;
  /** SPICE clipboard sharing; on when left out (as the engine defaults it). */
  copyPasteEnabled?: boolean;
  /** SPICE file transfer; on when left out (as the engine defaults it). */
  fileTransferEnabled?: boolean;
}

/** libvirt's smartcard modes. oVirt only ever writes passthrough over spicevmc. */
export type SmartcardDevice =
  | { mode: "passthrough"; type: "spicevmc" }
  | { mode: "passthrough"; type: "tcp"; source: { mode: "connect" | "bind"; host: string; service: string } }
  | { mode: "host" }
  | { mode: "host-certificates"; certificates: [string, string, string]; database?: string };

/** One disk of the VM, as the engine describes it. */
export interface DiskSettings {
  name: string;
  /** The engine's disk id; the name stands in for it in the image path while it is not known. */
  id?: string;
  interface: "virtio_scsi" | "virtio" | "sata";
  format: "cow" | "raw";
  bootable: boolean;
  /** The storage domain's name or id; "default" in the image path when left out. */
  storageDomain?: string;
}

/** One network interface of the VM. */
export interface NicSettings {
  name: string;
  /** The logical network (its bridge on the host is named after it). */
  network: string;
  interface: "virtio" | "e1000" | "rtl8139";
  /** The MAC the engine gave the NIC; libvirt picks one when left out. */
  macAddress?: string;
}

/** The engine's BiosType values (REST `bios.type`). cluster_default is shown as q35 with SeaBIOS. */
export const BIOS_TYPES = ["cluster_default", "i440fx_sea_bios", "q35_sea_bios", "q35_ovmf", "q35_secure_boot"] as const;
export type BiosType = (typeof BIOS_TYPES)[number];

/** The engine's VideoType values (REST `display.video_type`, model 4.6.1). */
export const VIDEO_TYPES = ["qxl", "vga", "bochs", "cirrus"] as const;
export type VideoType = (typeof VIDEO_TYPES)[number];

/** The engine's boot devices (REST `os.boot.devices`), in boot order. */
export const BOOT_DEVICES = ["hd", "cdrom", "network"] as const;
export type BootDevice = (typeof BOOT_DEVICES)[number];

export interface DomainSettings {
  name: string;
  uuid?: string;
  memoryMb: number;
  cpuCores: number;
  vmType: VmType;
  usbEnabled: boolean;
  /** null means headless: no graphics and no video device. */
  display: DisplaySettings | null;
  /** Which smartcard device to write when display.smartcardEnabled is true; oVirt's passthrough/spicevmc when left out. */
  smartcard?: SmartcardDevice;
  /** "kvm" as on an oVirt host; "qemu" runs under software emulation (tests). */
  domainType?: "kvm" | "qemu";
  /** The SPICE/VNC listen address; "0" (all addresses) as the engine writes it without a display network. */
  spiceListen?: string;
  /** One `<channel mode="secure"/>` per SPICE channel, as the engine writes them with SSL on (default true). */
  secureChannels?: boolean;
  /** The disks in the VM's order: devices are lettered in this order. */
  disks?: DiskSettings[];
  nics?: NicSettings[];
  /** The engine's OS id (`os.type`), e.g. "windows_11", "rhel_9x64", "other". Windows ids start with "windows". */
  osType?: string;
  /** Chipset and firmware; cluster_default when left out. */
  biosType?: BiosType;
  /** An emulated TPM 2.0 (needs a UEFI biosType on x86). */
  tpmEnabled?: boolean;
  /** The guest's time zone: a Windows zone name for Windows guests, a zone id from the engine's list otherwise. */
  timeZone?: string;
  soundcardEnabled?: boolean;
  /** The VNC keymap (e.g. "de", "fr"); the engine's default "en-us" when left out. Written on VNC graphics only. */
  keyboardLayout?: string;
  /** The video device; qxl for SPICE and vga for VNC when left out. */
  videoType?: VideoType;
  /** No graphics and no video device, as the engine's headless mode. The same as display: null. */
  headless?: boolean;
  /** Memory the host guarantees (written to the engine's metadata); memoryMb when left out. */
  memoryGuaranteedMb?: number;
  /** The hot-plug ceiling: with a value above memoryMb, a maxMemory element and a NUMA cell are written. */
  memoryMaxMb?: number;
  /** The virtio memory balloon (on when left out, as the engine defaults it). */
  ballooning?: boolean;
  /** CPU topology: vCPUs = sockets × cores × threads (cores is cpuCores). */
  cpuSockets?: number;
  cpuThreads?: number;
  /** Boot order; ["hd"] when left out. */
  bootDevices?: BootDevice[];
  /** The host path of the ISO in the CD-ROM (the engine's ISO domain or a data-domain image); no CD-ROM when left out. */
  cdrom?: string;
}

/** One reason the settings cannot work, naming the user-facing property to change. */
export interface SettingsProblem {
  property: string;
  reason: string;
}
