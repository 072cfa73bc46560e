// The VM's disks and network interfaces as an oVirt host's domain XML has them: the bus and the
// target name follow the disk's interface, the driver type its format, and each NIC is a tap on
// the Linux bridge of its logical network.
import type { DiskSettings, NicSettings } from "./types.ts";
import { el, textEl } from "./xml.ts";
import type { XmlElement } from "./xml.ts";

/** libvirt's bus and the prefix of the guest device name for each engine disk interface. */
const DISK_BUSES = {
  virtio: { bus: "virtio", prefix: "vd" },
  virtio_scsi: { bus: "scsi", prefix: "sd" },
  sata: { bus: "sata", prefix: "sd" },
} as const;

export const NIC_MODELS = ["virtio", "e1000", "rtl8139"] as const;

/** The engine's `cow` images are qcow2 files; `raw` ones are plain. */
export function driverType(format: DiskSettings["format"]): "qcow2" | "raw" {
  return format === "cow" ? "qcow2" : "raw";
}

export function diskBus(diskInterface: DiskSettings["interface"]): "virtio" | "scsi" | "sata" {
  return DISK_BUSES[diskInterface].bus;
}

/** The letters after the prefix for the n-th device (0-based): a..z, then aa..az, ba.. as libvirt counts. */
export function deviceLetters(index: number): string {
  let n = index;
  let letters = "";
  do {
    letters = String.fromCharCode(97 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

/**
 * Guest device names in list order. SCSI and SATA disks share the `sd` names (libvirt wants each
 * target unique across the domain), virtio disks count on their own as `vd`. A name the CD-ROM
 * holds is skipped, as the engine's skipCdIndices does.
 */
export function targetDevices(disks: readonly Pick<DiskSettings, "interface">[], reserved: readonly string[] = []): string[] {
  const used = new Map<string, number>();
  return disks.map((disk) => {
    const prefix = DISK_BUSES[disk.interface].prefix;
    let index = used.get(prefix) ?? 0;
    while (reserved.includes(`${prefix}${deviceLetters(index)}`)) index += 1;
    used.set(prefix, index + 1);
    return `${prefix}${deviceLetters(index)}`;
  });
}

/**
 * The CD-ROM's bus and name: SATA on q35, IDE on i440fx, at index 2 of its bus (the engine's
 * getCdInterface and getCdDeviceIndex), so `sdc` or `hdc`.
 */
export function cdromTarget(machine: "pc" | "q35"): { dev: string; bus: "sata" | "ide" } {
  return machine === "q35" ? { dev: "sdc", bus: "sata" } : { dev: "hdc", bus: "ide" };
}

/**
 * The CD-ROM with its ISO, as writeCdRom writes it: raw, read-only, errors reported to the guest,
 * and an optional source, so a missing ISO leaves the drive empty instead of failing the start.
 * The engine's seclabel also carries type="none", which libvirt's parser ignores on a device
 * label and its RNG schema refuses; the preview leaves it out (same meaning: no DAC relabelling).
 */
export function cdromElement(isoPath: string, machine: "pc" | "q35", bootOrder: number | undefined): XmlElement {
  return el(
    "disk",
    { type: "file", device: "cdrom", snapshot: "no" },
    el("driver", { name: "qemu", type: "raw", error_policy: "report" }),
    el("source", { file: isoPath, startupPolicy: "optional" }, el("seclabel", { model: "dac", relabel: "no" })),
    el("target", cdromTarget(machine)),
    el("readonly"),
    bootOrder !== undefined && el("boot", { order: bootOrder }),
  );
}

/** Keeps a path segment to characters a host path would have; anything else becomes "_". */
function pathSegment(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]/g, "_");
  return cleaned === "" || cleaned === "." || cleaned === ".." ? "_" : cleaned;
}

/**
 * Where the host would find the disk's image. This is the shape of a VDSM file-domain path
 * (mount point of the storage domain, its id, images/<image id>/<volume id>), not the real path:
 * the real one holds ids that only the engine and VDSM know. Names stand in for missing ids.
 */
export function diskSourcePath(disk: DiskSettings): string {
  const domain = pathSegment(disk.storageDomain ?? "default");
  const image = pathSegment(disk.id ?? disk.name);
  return `/rhev/data-center/mnt/${domain}/${domain}/images/${image}/${image}`;
}

function diskElement(disk: DiskSettings, dev: string, bootOrder: number | undefined): XmlElement {
  return el(
    "disk",
    { type: "file", device: "disk", snapshot: "no" },
    el("driver", { name: "qemu", type: driverType(disk.format), cache: "none", error_policy: "stop", io: "threads" }),
    el("source", { file: diskSourcePath(disk) }),
    el("target", { dev, bus: diskBus(disk.interface) }),
    disk.id !== undefined && textEl("serial", disk.id),
    disk.bootable && bootOrder !== undefined && el("boot", { order: bootOrder }),
  );
}

/**
 * One `<disk>` per disk, plus the virtio-scsi controller when any disk sits on SCSI. The bootable
 * disk carries `bootOrder` when given; `reserved` names are kept free for the CD-ROM.
 */
export function diskDevices(disks: readonly DiskSettings[], bootOrder: number | undefined = 1, reserved: readonly string[] = []): XmlElement[] {
  const targets = targetDevices(disks, reserved);
  const scsi = disks.some((d) => d.interface === "virtio_scsi");
  return [
    ...(scsi ? [el("controller", { type: "scsi", index: 0, model: "virtio-scsi" })] : []),
    ...disks.map((disk, i) => diskElement(disk, targets[i]!, bootOrder)),
  ];
}

/** Linux limits interface names to 15 characters; VDSM then names the bridge by a hash, so this is a shape too. */
const MAX_BRIDGE_NAME = 15;

/** The bridge VDSM makes for a logical network is named after it. */
export function bridgeName(network: string): string {
  return pathSegment(network).slice(0, MAX_BRIDGE_NAME);
}

export function interfaceElement(nic: NicSettings, bootOrder?: number): XmlElement {
  return el(
    "interface",
    { type: "bridge" },
    nic.macAddress !== undefined && el("mac", { address: nic.macAddress.toLowerCase() }),
    el("source", { bridge: bridgeName(nic.network) }),
    el("model", { type: nic.interface }),
    el("link", { state: "up" }),
    bootOrder !== undefined && el("boot", { order: bootOrder }),
  );
}
