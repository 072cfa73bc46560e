// The desktop VM most domain XML tests start from; each test overrides only what it is about.

import type { DomainSettings } from "../../domainxml/index.ts";

export function desktopSettings(smartcardEnabled: boolean, overrides: Partial<DomainSettings> = {}): DomainSettings {
  return {
    name: "desk-01",
    memoryMb: 2048,
    cpuCores: 2,
    vmType: "desktop",
    usbEnabled: true,
    display: { type: "spice", smartcardEnabled },
    ...overrides,
  };
}
