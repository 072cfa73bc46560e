// The small desktop the libvirt tests start or validate: QEMU's software driver (no KVM needed),
// SPICE on loopback only, USB and the smartcard on.

import type { DiskSettings, DomainSettings, NicSettings } from "../../domainxml/index.ts";

export function qemuSmartcardDesktop(name: string, memoryMb: number, overrides: Partial<DomainSettings> = {}): DomainSettings {
  return {
    name,
    memoryMb,
    cpuCores: 1,
    vmType: "desktop",
    usbEnabled: true,
    domainType: "qemu",
    spiceListen: "127.0.0.1",
    display: { type: "spice", smartcardEnabled: true },
    ...overrides,
  };
}

/** Two disks (the bootable one on virtio-scsi, one on SATA, one virtio) and two NICs, as a desktop from a template has them. */
export const DESKTOP_DISKS: DiskSettings[] = [
  { name: "os", id: "0f4e2a6c-7d51-4bde-9c3a-1b2c3d4e5f60", interface: "virtio_scsi", format: "cow", bootable: true, storageDomain: "nfs-data" },
  { name: "profile", interface: "sata", format: "raw", bootable: false, storageDomain: "nfs-data" },
  { name: "scratch", interface: "virtio", format: "cow", bootable: false },
];

/** Two NICs on two networks; the bridges are named after the networks. */
export function desktopNics(networks: [string, string]): NicSettings[] {
  return [
    { name: "nic1", network: networks[0], interface: "virtio", macAddress: "56:6f:1a:2b:3c:01" },
    { name: "nic2", network: networks[1], interface: "e1000" },
  ];
}
