// The small desktop the libvirt tests start or validate: QEMU's software driver (no KVM needed),
// SPICE on loopback only, USB and the smartcard on.

import type { DomainSettings } from "../../domainxml/index.ts";

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
