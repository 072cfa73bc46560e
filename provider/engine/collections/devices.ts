// Disks and NICs of VMs and templates (/vms/{id}/diskattachments, /vms/{id}/nics, and the same
// under /templates): served from what the VM and template snapshots inlined when they can, else
// listed; every write of a VM's devices is a write of that VM.

import { attachmentFromXml, diskFromXml, newAttachmentToXml, nicFromXml, nicToXml } from "../devices.ts";
import { EngineError, isNotFound } from "../errors.ts";
import { seg } from "../lookups.ts";
import { rootElement } from "../model.ts";
import type { EngineSession } from "../session.ts";
import type { EngineDiskAttachment, EngineNic, NewDiskAttachment, NicSpec, WaitOptions } from "../types.ts";
import type { TemplateReads } from "./templates.ts";
import type { VmReads } from "./vms.ts";

export interface DeviceCalls {
  /** A VM's disk attachments, each with its disk. */
  listVmDiskAttachments(vmId: string): Promise<EngineDiskAttachment[]>;
  /** A template's disk attachments, each with its disk. */
  listTemplateDiskAttachments(templateId: string): Promise<EngineDiskAttachment[]>;
  /** Creates a disk and attaches it in one POST; the disk is `locked` until its image exists. */
  addVmDisk(vmId: string, disk: NewDiskAttachment): Promise<EngineDiskAttachment>;
  /** Grows the attached disk (PUT of the attachment with the disk's new provisioned size). */
  resizeVmDisk(vmId: string, diskId: string, provisionedSize: number): Promise<void>;
  /** Detaches the disk and removes it; quiet when it is already gone. */
  removeVmDisk(vmId: string, diskId: string): Promise<void>;
  /** Polls until every listed disk of the VM has left `locked`. */
  waitForVmDisksReady(vmId: string, opts?: WaitOptions): Promise<EngineDiskAttachment[]>;
  listVmNics(vmId: string): Promise<EngineNic[]>;
  listTemplateNics(templateId: string): Promise<EngineNic[]>;
  addVmNic(vmId: string, nic: NicSpec): Promise<EngineNic>;
  updateVmNic(vmId: string, nicId: string, nic: Partial<NicSpec>): Promise<EngineNic>;
  /** Removes the NIC (unplugging it first on a running VM); quiet when it is already gone. */
  removeVmNic(vmId: string, nicId: string): Promise<void>;
}

export function createDeviceCalls(s: EngineSession, vms: VmReads, templates: TemplateReads): DeviceCalls {
  return { ...diskCalls(s, vms, templates), ...nicCalls(s, vms, templates) };
}

type DiskCallNames = "listVmDiskAttachments" | "listTemplateDiskAttachments" | "addVmDisk" | "resizeVmDisk" | "removeVmDisk" | "waitForVmDisksReady";

function diskCalls(s: EngineSession, vms: VmReads, templates: TemplateReads): Pick<DeviceCalls, DiskCallNames> {
  const getDisk = (id: string) => s.getOne(`/disks/${seg(id)}`, "disk", diskFromXml);
  const attachmentPath = (vmId: string, diskId: string) => `/vms/${seg(vmId)}/diskattachments/${seg(diskId)}`;

  async function attachmentsWithDisks(path: string): Promise<EngineDiskAttachment[]> {
    const attachments = await s.list(path, "disk_attachments", "disk_attachment", attachmentFromXml);
    const out: EngineDiskAttachment[] = [];
    for (const a of attachments) {
      const disk = await getDisk(a.diskId);
      // A disk removed between the two reads is no longer attached.
      if (disk) out.push({ id: a.id, interface: a.interface, bootable: a.bootable, active: a.active, disk });
    }
    return out;
  }

  return {
    listVmDiskAttachments: async (vmId) => (await vms.devices(vmId))?.disks ?? attachmentsWithDisks(`/vms/${seg(vmId)}/diskattachments`),
    listTemplateDiskAttachments: async (templateId) =>
      (await templates.devices(templateId))?.disks ?? attachmentsWithDisks(`/templates/${seg(templateId)}/diskattachments`),
    addVmDisk: (vmId, disk) => s.vmWrite(vmId, async () => {
      const { doc, context } = await s.sendXml("POST", `/vms/${seg(vmId)}/diskattachments`, newAttachmentToXml(disk));
      const a = attachmentFromXml(rootElement(doc ?? {}, "disk_attachment", context), context);
      const created = await getDisk(a.diskId);
      if (!created) throw new EngineError(`disk ${disk.alias} (id ${a.diskId}) disappeared right after ${context}`, { kind: "not_found", status: 404 });
      return { id: a.id, interface: a.interface, bootable: a.bootable, active: a.active, disk: created };
    }),
    resizeVmDisk: (vmId, diskId, provisionedSize) => s.vmWrite(vmId, async () => {
      await s.sendXml("PUT", attachmentPath(vmId, diskId), { disk_attachment: { disk: { provisioned_size: String(provisionedSize) } } }, { idempotent: true });
    }),
    removeVmDisk: (vmId, diskId) => s.vmWrite(vmId, async () => {
      // A running VM's disk is unplugged first; detach_only=false: the disk goes with its attachment.
      try {
        await s.sendXml("PUT", attachmentPath(vmId, diskId), { disk_attachment: { active: "false" } }, { idempotent: true });
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
      await s.remove(attachmentPath(vmId, diskId), { detach_only: "false" });
    }),
    // A wait polls the engine itself; the disks it sees change (locked, then ok) without a write of ours.
    waitForVmDisksReady: (vmId, opts) => s.vmWrite(vmId, () =>
      s.waits.until("VM", vmId, "have its disks ready (not locked)", async () => {
        const attachments = await attachmentsWithDisks(`/vms/${seg(vmId)}/diskattachments`);
        const locked = attachments.filter((a) => a.disk.status === "locked");
        return { done: locked.length === 0, value: attachments, status: locked.length > 0 ? `disks locked: ${locked.map((a) => a.disk.alias).join(", ")}` : "ok" };
      }, opts)),
  };
}

type NicCallNames = "listVmNics" | "listTemplateNics" | "addVmNic" | "updateVmNic" | "removeVmNic";

function nicCalls(s: EngineSession, vms: VmReads, templates: TemplateReads): Pick<DeviceCalls, NicCallNames> {
  const nicPath = (vmId: string, nicId: string) => `/vms/${seg(vmId)}/nics/${seg(nicId)}`;
  const listVmNicsDirect = (vmId: string) => s.list(`/vms/${seg(vmId)}/nics`, "nics", "nic", nicFromXml);
  const sendNic = async (method: "POST" | "PUT", path: string, nic: Partial<NicSpec>) => {
    const { doc, context } = await s.sendXml(method, path, nicToXml(nic), { idempotent: method === "PUT" });
    return nicFromXml(rootElement(doc ?? {}, "nic", context), context);
  };
  return {
    listVmNics: async (vmId) => (await vms.devices(vmId))?.nics ?? listVmNicsDirect(vmId),
    listTemplateNics: async (templateId) =>
      (await templates.devices(templateId))?.nics ?? s.list(`/templates/${seg(templateId)}/nics`, "nics", "nic", nicFromXml),
    addVmNic: (vmId, nic) => s.vmWrite(vmId, () => sendNic("POST", `/vms/${seg(vmId)}/nics`, nic)),
    updateVmNic: (vmId, nicId, nic) => s.vmWrite(vmId, () => sendNic("PUT", nicPath(vmId, nicId), nic)),
    removeVmNic: (vmId, nicId) => s.vmWrite(vmId, async () => {
      const nic = (await listVmNicsDirect(vmId)).find((n) => n.id === nicId);
      if (!nic) return;
      // The engine removes a NIC of a running VM only once it is unplugged (a hot-unplug).
      if (nic.plugged) await s.sendXml("PUT", nicPath(vmId, nicId), { nic: { plugged: "false" } }, { idempotent: true });
      await s.remove(nicPath(vmId, nicId));
    }),
  };
}
