// VMs (/vms): reads through the VM snapshot (with the disks and NICs the engine inlines), creates
// safe against lost answers, updates, removal, the start/stop/shutdown actions and waits.

import { isEngineError, isUncertainFailure } from "../errors.ts";
import { diskFromXml } from "../devices.ts";
import { exactName, namedExactly, searchTerm, seg } from "../lookups.ts";
import { cdromFileFromXml, cdromToXml, EMPTY_ACTION, rootElement, startActionToXml, vmCreateToXml, vmFromXml, vmUpdateToXml } from "../model.ts";
import type { EngineSession } from "../session.ts";
import type { Snapshot } from "../snapshot.ts";
import type { EngineDevices, StartOptions, Vm, VmBase, VmCreate, VmStatus, WaitOptions } from "../types.ts";
import { buildXml, type XmlObject } from "../xml.ts";
import { devicesOf, findByName, snapshotWithDevices, type DeviceEntry } from "./common.ts";

export interface VmCalls {
  /** Undefined when the engine answers 404. `nextRun` reads the pending next-run configuration. */
  getVm(id: string, opts?: { nextRun?: boolean; allContent?: boolean }): Promise<Vm | undefined>;
  findVmByName(name: string): Promise<Vm | undefined>;
  /** The VMs the search matches (all without one); a VM that does not fit the model is left out. */
  listVms(search?: string): Promise<Vm[]>;
  /**
   * Creates a VM and returns it once it exists (blocking with `Expect: 201-created`). `comment` is
   * the creation marker that ties the VM to its resource: after a failure that may have reached the
   * engine, or an engine answer "name already in use", the VM found by name is adopted only when it
   * carries the same marker; else the create fails with a NameTakenError naming the VM that holds
   * the name. Transient failures are retried with backoff. Templates and pools are created the same way.
   * `clone`: the template's disks become independent copies (the engine's `clone` parameter).
   */
  createVm(vm: VmCreate, opts?: { clone?: boolean }): Promise<Vm>;
  /** PUT; on a running VM the engine saves Down-only fields as the next-run configuration. */
  updateVm(id: string, patch: Partial<VmBase>, opts?: { nextRun?: boolean }): Promise<Vm>;
  /** Removes the VM; succeeds quietly when it is already gone. */
  deleteVm(id: string): Promise<void>;
  /**
   * `useCloudInit` / `useSysprep` are the start action's run-once flags: this start hands the
   * VM's initialization to the guest as cloud-init or as sysprep, whatever its OS type.
   */
  startVm(id: string, opts?: StartOptions): Promise<void>;
  stopVm(id: string): Promise<void>;
  shutdownVm(id: string): Promise<void>;
  /** Polls until the VM's status is one of `statuses`; returns the VM. */
  waitForVm(id: string, statuses: VmStatus[], opts?: WaitOptions): Promise<Vm>;
  /** Polls until GET answers 404. */
  waitForVmGone(id: string, opts?: WaitOptions): Promise<void>;
  /** Every VM named exactly `name` (case-sensitive): what a lookup by name matches. */
  vmsNamed(name: string): Promise<Vm[]>;
  /**
   * The file id in the VM's CD-ROM ("" when empty). `current` reads the medium in the running VM,
   * else the persistent configuration (BackendVmCdromResource).
   */
  getCdrom(vmId: string, opts?: { current?: boolean }): Promise<string>;
  /**
   * Puts an ISO (its file id, or a name the engine resolves) in the CD-ROM; "" ejects. `current`
   * swaps the medium in the running VM only (the engine's ChangeDisk); without it the persistent
   * configuration changes, which a running VM takes at its next run.
   */
  setCdrom(vmId: string, file: string, opts?: { current?: boolean }): Promise<void>;
  /** The name of an ISO the CD-ROM holds: an ISO disk's name, else the id itself (an ISO domain's file ids are file names). */
  isoName(fileId: string): Promise<string>;
}

/** A VM's one CD-ROM device: the engine's fixed id for it. */
const CDROM_ID = "00000000-0000-0000-0000-000000000000";

/** What the other collections read of VMs: pools filter the list, devices take what it inlined. */
export interface VmReads {
  snapshot: Snapshot<DeviceEntry<Vm>>;
  listVms: VmCalls["listVms"];
  /** One VM straight from the engine: the next-run configuration or all content, which no list carries. */
  getDirect: VmCalls["getVm"];
  /** The VM's disks and NICs as the snapshot has them; undefined when it has none (then they are listed). */
  devices(vmId: string): Promise<EngineDevices | undefined>;
}

export function createVmReads(s: EngineSession): VmReads {
  const snapshot = snapshotWithDevices(s, "/vms", "vms", "vm", vmFromXml);
  s.trackVmKeyed(snapshot);
  return {
    snapshot,
    listVms: (search) => s.listUsable("/vms", "vms", "vm", vmFromXml, search === undefined || search === "" ? undefined : { search }),
    getDirect: (id, opts = {}) =>
      s.getOne(
        `/vms/${seg(id)}`,
        "vm",
        vmFromXml,
        { next_run: opts.nextRun ? "true" : undefined, all_content: opts.allContent ? "true" : undefined },
        opts.allContent ? { "All-Content": "true" } : undefined,
      ),
    devices: async (vmId) => devicesOf((await snapshot.get(vmId))?.entity),
  };
}

export function createVmCalls(s: EngineSession, reads: VmReads): VmCalls {
  const { snapshot: vms, listVms } = reads;
  const findVmByNameDirect = async (name: string) => exactName(await s.listEach("/vms", "vms", "vm", vmFromXml, { search: searchTerm("name", name) }), name);
  const vmAction = createVmAction(s, reads);
  const expect = { refused: false };
  return {
    getVm: async (id, opts = {}) => (opts.nextRun || opts.allContent ? reads.getDirect(id, opts) : (await vms.get(id))?.entity),
    findVmByName: findByName(vms, (e) => e.entity, findVmByNameDirect),
    listVms,
    createVm: (vm, opts = {}) => {
      // The new VM is not in a list taken before: reads of its id ask the engine, lookups of its name too.
      vms.touchName(vm.name);
      return s.create({ what: "VM", name: vm.name, marker: vm.comment, post: postVm(s, expect, vm, opts), lookup: () => findVmByNameDirect(vm.name) });
    },
    updateVm: (id, patch, opts = {}) => {
      if (patch.name !== undefined) vms.touchName(patch.name);
      return s.vmWrite(id, async () => {
        const query = opts.nextRun ? { next_run: "true" } : undefined;
        const { doc, context } = await s.sendXml("PUT", `/vms/${seg(id)}`, vmUpdateToXml(patch), { idempotent: true, query });
        return vmFromXml(rootElement(doc ?? {}, "vm", context), context);
      });
    },
    deleteVm: (id) => s.vmWrite(id, () => s.remove(`/vms/${seg(id)}`)),
    startVm: (id, opts) => vmAction(id, "start", ["up", "powering_up", "wait_for_launch"], startActionToXml(opts)),
    stopVm: (id) => vmAction(id, "stop", ["down"]),
    shutdownVm: (id) => vmAction(id, "shutdown", ["down", "powering_down"]),
    waitForVm: (id, statuses, opts) => s.waits.forStatus("VM", id, statuses, async () => (await vms.fresh(id))?.entity, opts),
    waitForVmGone: (id, opts) => s.waits.forGone("VM", id, async () => (await vms.fresh(id))?.entity, opts),
    getCdrom: async (vmId, opts = {}) => {
      const file = await s.getOne(`/vms/${seg(vmId)}/cdroms/${CDROM_ID}`, "cdrom", cdromFileFromXml, opts.current ? { current: "true" } : undefined);
      return file ?? "";
    },
    setCdrom: async (vmId, file, opts = {}) => {
      const query = opts.current ? { current: "true" } : undefined;
      await s.vmWrite(vmId, () => s.sendXml("PUT", `/vms/${seg(vmId)}/cdroms/${CDROM_ID}`, cdromToXml(file), { idempotent: true, query }));
    },
    isoName: async (fileId) => {
      try {
        return (await s.getOne(`/disks/${seg(fileId)}`, "disk", diskFromXml))?.alias || fileId;
      } catch (err) {
        // An id that is no disk id (a file name on an ISO domain) is its own name.
        if (isEngineError(err) && (err.status === 404 || err.status === 400)) return fileId;
        throw err;
      }
    },
    vmsNamed: async (name) => namedExactly(await s.listEach("/vms", "vms", "vm", vmFromXml, { search: searchTerm("name", name) }), name),
  };
}

/**
 * The POST of a new VM. Apache in front of a real engine answers 417 to unknown `Expect` values
 * (a definite refusal: nothing created); then it is sent again, and from then on, with
 * X-Ovirt-Expect alone.
 */
function postVm(s: EngineSession, expect: { refused: boolean }, vm: VmCreate, opts: { clone?: boolean }): () => Promise<Vm> {
  const query = opts.clone ? { clone: "true" } : undefined;
  const send = async (headers: Record<string, string>) => {
    const { doc, context } = await s.sendXml("POST", "/vms", vmCreateToXml(vm), { headers, query });
    return vmFromXml(rootElement(doc ?? {}, "vm", context), context);
  };
  return async () => {
    if (expect.refused) return send({ "X-Ovirt-Expect": "201-created" });
    try {
      return await send({ Expect: "201-created", "X-Ovirt-Expect": "201-created" });
    } catch (err) {
      if (!(isEngineError(err) && err.status === 417)) throw err;
      expect.refused = true;
      return send({ "X-Ovirt-Expect": "201-created" });
    }
  };
}

/**
 * A VM action (`<action/>`), retried like idempotent calls. If a retry after an uncertain failure
 * is refused with 409, the VM's status decides whether the first attempt did take effect.
 */
function createVmAction(s: EngineSession, reads: VmReads) {
  return async (id: string, action: "start" | "stop" | "shutdown", settled: VmStatus[], body: XmlObject = EMPTY_ACTION): Promise<void> => {
    let uncertain = false;
    await s.verifyEngine();
    await s.vmWrite(id, () => s.retry(async () => {
      try {
        await s.exchange({ method: "POST", path: `/vms/${seg(id)}/${action}`, body: buildXml(body) });
      } catch (err) {
        if (uncertain && isEngineError(err) && err.status === 409) {
          const vm = await reads.getDirect(id);
          if (vm && settled.includes(vm.status)) return;
        }
        if (isUncertainFailure(err)) uncertain = true;
        throw err;
      }
    }));
  };
}
