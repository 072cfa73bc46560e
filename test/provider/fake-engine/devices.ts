// The fake's devices: its VMs and templates have none (the lifecycle tests cover disks and NICs
// against the emulator); a write is refused so that no test passes by accident.

import type { DeviceCalls } from "../../../provider/engine/index.ts";

export const refused = (what: string) => async (): Promise<never> => {
  throw new Error(`FakeEngine has no ${what}`);
};

export function fakeDeviceCalls(): DeviceCalls {
  return {
    listVmDiskAttachments: async () => [],
    listTemplateDiskAttachments: async () => [],
    waitForVmDisksReady: async () => [],
    listVmNics: async () => [],
    listTemplateNics: async () => [],
    addVmDisk: refused("disks"),
    resizeVmDisk: refused("disks"),
    removeVmDisk: refused("disks"),
    addVmNic: refused("NICs"),
    updateVmNic: refused("NICs"),
    removeVmNic: refused("NICs"),
  };
}
