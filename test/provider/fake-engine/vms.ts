// The fake's VMs: the next-run configuration for Down-only fields on running VMs, a running VM
// that cannot be removed, and smartcards that need SPICE at start.

import type { Display, EngineClient, VmBase, VmCalls, VmStatus, Vm } from "../../../provider/engine/index.ts";
import { clone, merge, type FakeState } from "./state.ts";

const DOWN_ONLY: (keyof VmBase)[] = ["type", "usb", "cpu", "sso_methods", "bios_type", "tpm_enabled", "time_zone", "soundcard_enabled", "stateless"];
const DOWN_ONLY_DISPLAY: (keyof Display)[] = ["type", "smartcard_enabled", "monitors", "copy_paste_enabled", "file_transfer_enabled", "video_type", "keyboard_layout"];

export function fakeVmCalls(s: FakeState): VmCalls {
  const stopVm = async (id: string) => {
    s.log(`stopVm ${id}`);
    const vm = s.vms.get(id)!;
    vm.status = "down";
    const next = s.nextRun.get(id);
    if (next) {
      s.vms.set(id, { ...next, status: "down" });
      s.nextRun.delete(id);
    }
  };
  return {
    async getVm(id, opts) {
      s.log(`getVm ${id}${opts?.nextRun ? " next_run" : ""}`);
      const vm = s.vms.get(id);
      if (!vm) return undefined;
      if (opts?.nextRun && s.nextRun.has(id)) return clone({ ...s.nextRun.get(id)!, status: vm.status, next_run_configuration_exists: true });
      return clone({ ...vm, next_run_configuration_exists: s.nextRun.has(id) });
    },
    findVmByName: async (name) => [...s.vms.values()].find((v) => v.name === name),
    listVms: async () => [...s.vms.values()].map(clone),
    createVm: async (vm) => createVm(s, vm),
    updateVm: async (id, patch) => updateVm(s, id, patch),
    async deleteVm(id) {
      s.log(`deleteVm ${id}`);
      const vm = s.vms.get(id);
      if (vm?.delete_protected) throw new Error("Cannot remove VM. Delete protection is enabled. In order to delete, disable Delete protection first.");
      if (vm && vm.status !== "down") throw new Error("Cannot remove VM. VM is running.");
      s.vms.delete(id);
      s.nextRun.delete(id);
      // As the engine does, the permissions on the VM go with it.
      s.permissions.delete(`vm:${id}`);
    },
    async startVm(id) {
      s.log(`startVm ${id}`);
      const vm = s.vms.get(id)!;
      if (vm.display?.smartcard_enabled && vm.display.type === "vnc") throw new Error("chardev 'spicevmc' not supported without spice graphics");
      vm.status = "up";
    },
    stopVm,
    shutdownVm: stopVm,
    waitForVm: async (id, statuses) => waitForVm(s, id, statuses),
    async waitForVmGone(id) {
      s.log(`waitForVmGone ${id}`);
      if (s.vms.has(id)) throw new Error("still there");
    },
    async getCdrom(vmId, opts) {
      s.log(`getCdrom ${vmId}${opts?.current ? " current" : ""}`);
      const cd = s.cdroms.get(vmId);
      return (opts?.current ? cd?.current : cd?.persistent) ?? "";
    },
    async setCdrom(vmId, file, opts) {
      s.log(`setCdrom ${vmId} ${file}${opts?.current ? " current" : ""}`);
      const id = file === "" ? "" : s.isos.get(file) ?? (([...s.isos.values()].includes(file) ? file : undefined));
      if (id === undefined) throw new Error(`Cannot change CD: no ISO file ${file}`);
      const cd = s.cdroms.get(vmId) ?? { persistent: "", current: "" };
      if (opts?.current) cd.current = id;
      else cd.persistent = id;
      s.cdroms.set(vmId, cd);
    },
    isoName: async (fileId) => [...s.isos.entries()].find(([, id]) => id === fileId)?.[0] ?? fileId,
    async vmsNamed(name) {
      s.log(`vmsNamed ${name}`);
      return [...s.vms.values()].filter((v) => v.name === name).map(clone);
    },
  };
}

function createVm(s: FakeState, vm: Parameters<EngineClient["createVm"]>[0]): Vm {
  s.log(`createVm ${vm.name}`);
  if ([...s.vms.values()].some((v) => v.name === vm.name)) throw new Error("Operation Failed: [Cannot add VM. The VM name is already in use]");
  const template = [...s.templates.values()].find((t) => t.id === vm.template.id)!;
  const created: Vm = {
    memory: 1024 * 1024 * 1024, type: "desktop", usb: { enabled: false }, sso_methods: ["guest_agent"],
    cpu: { topology: { sockets: 1, cores: 1, threads: 1 } },
    ...clone(vm),
    display: { monitors: 1, copy_paste_enabled: true, file_transfer_enabled: true, disconnect_action: "LOCK_SCREEN", allow_override: false, ...template.display, ...vm.display },
    id: s.newId("vm"), status: s.newVmStatus, cluster: { id: vm.cluster.id }, template: { id: template.id },
  };
  s.vms.set(created.id, created);
  return clone(created);
}

function updateVm(s: FakeState, id: string, patch: Partial<VmBase>): Vm {
  s.log(`updateVm ${id} ${JSON.stringify(patch)}`);
  const vm = s.vms.get(id);
  if (!vm) throw new Error("404");
  const running = vm.status !== "down";
  const downOnly = running && (DOWN_ONLY.some((k) => k in patch) || DOWN_ONLY_DISPLAY.some((k) => patch.display && k in patch.display));
  if (downOnly) {
    const next = clone(s.nextRun.get(id) ?? vm);
    merge(next, patch);
    s.nextRun.set(id, next);
    // Fields that may change while the VM runs apply at once too.
    const hot = clone(patch);
    for (const key of DOWN_ONLY) delete hot[key];
    if (hot.display) for (const key of DOWN_ONLY_DISPLAY) delete hot.display[key];
    merge(vm, hot);
  } else {
    merge(vm, patch);
    if (s.nextRun.has(id)) merge(s.nextRun.get(id)!, patch);
  }
  return clone(vm);
}

function waitForVm(s: FakeState, id: string, statuses: VmStatus[]): Vm {
  s.log(`waitForVm ${id} ${statuses.join("|")}`);
  const vm = s.vms.get(id);
  if (!vm) throw new Error(`VM ${id} is gone`);
  if (s.waitsTimeOut) throw new Error(`timed out waiting for VM ${id} to be ${statuses.join(" or ")}`);
  if (vm.status === "image_locked") vm.status = "down";
  if (!statuses.includes(vm.status)) throw new Error(`VM ${id} is ${vm.status}, not ${statuses.join("|")}`);
  return clone(vm);
}
