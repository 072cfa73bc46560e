// The firmware, time zone and high-availability parts of a VM or template body (VmMapper /
// VmBaseMapper output): bios.type, time_zone, high_availability. The boot devices, the video type
// and tpm_enabled are written beside their siblings in configNode.
import type { Node } from "../http/codec.ts";
import { withConfigDefaults, type VmConfig } from "../model.ts";
import { utcOffset } from "../rules.ts";

export function windowsNodes(config: VmConfig): Node {
  const c = withConfigDefaults(config);
  return {
    bios: { boot_menu: { enabled: false }, type: c.biosType },
    high_availability: { enabled: c.haEnabled, priority: c.haPriority },
    // The engine leaves time_zone out while the VM has none of its own.
    time_zone: c.timeZone === "" ? undefined : { name: c.timeZone, utc_offset: utcOffset(c) },
  };
}
