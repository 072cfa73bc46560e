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
}

/** One reason the settings cannot work, naming the user-facing property to change. */
export interface SettingsProblem {
  property: string;
  reason: string;
}
