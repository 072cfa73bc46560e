// The fake's consoles: one per VM, of its display type, and a .vv file while it runs.

import type { ConsoleCalls } from "../../../provider/engine/index.ts";
import type { FakeState } from "./state.ts";

export function fakeConsoleCalls(s: FakeState): ConsoleCalls {
  return {
    async listGraphicsConsoles(vmId) {
      s.log(`listGraphicsConsoles ${vmId}`);
      const vm = s.vms.get(vmId);
      if (vm && vm.display === undefined) return [];
      const type = vm?.display?.type ?? "spice";
      return [{ id: Buffer.from(type).toString("hex"), protocol: type }];
    },
    async addGraphicsConsole(vmId, protocol) {
      s.log(`addGraphicsConsole ${vmId} ${protocol}`);
      const vm = s.vms.get(vmId)!;
      vm.display = { ...vm.display, type: protocol };
    },
    async removeGraphicsConsole(vmId) {
      s.log(`removeGraphicsConsole ${vmId}`);
      delete s.vms.get(vmId)!.display;
    },
    setTicket: async (_vmId, _consoleId, expirySeconds = 7200) => ({ value: "ticket", expiry: expirySeconds }),
    async remoteViewerFile(vmId) {
      s.log(`remoteViewerFile ${vmId}`);
      const vm = s.vms.get(vmId);
      if (!vm || vm.status !== "up") return undefined;
      return s.vvFile.replace("VMNAME", vm.name).replace("VMID", vm.id).replace("enable-smartcard=1", `enable-smartcard=${vm.display?.smartcard_enabled ? 1 : 0}`);
    },
  };
}
