// Disks and disk attachments. A new disk is `locked` until the storage domain has made its image
// (one step), then `ok`; it takes its actual size from the domain's free space. Disks are raw or
// cow, sparse or preallocated; their size only grows. A disk is attached to at most one VM or
// template (unless shareable); the attachment id is the disk id, as on the engine. Template
// creation copies the VM's disks; VMs from a template get thin cow copies, or full clones.
import { randomUUID } from "node:crypto";
import { asArray, childNode, ref, text, type Node } from "../http/codec.ts";
import { badRequest, conflict, entityNotFound, invalidEnum, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, queryFlag, type Ctx, type Reply } from "../http/context.ts";
import {
  DISK_FORMATS, DISK_INTERFACES, isRunning, type DiskAttachmentInfo, type DiskRecord, type VmRecord,
} from "../model.ts";
import { parseBool, parseInteger } from "../rules.ts";
import type { Engine } from "../engine.ts";
import { body, canSeeVm, hasText, requireAdmin, requireFields, requireFilterOrAdmin, searched, vmOr404, type Fields } from "./common.ts";
import { storageDomainOr404, storageUse } from "./infra.ts";

const BLOCK = 4096;
/** What an empty qcow2 image takes on a file domain (header, L1 and refcount tables). */
const QCOW2_OVERHEAD = 196_608;
/** Uploaded bytes are kept for downloads up to this size (the emulator is for small test images). */
export const MAX_KEPT_IMAGE = 64 * 1024 * 1024;

const roundUp = (n: number, to: number): number => Math.ceil(n / to) * to;

/** The space an image takes on its domain: all of it when preallocated, else what was written. */
export function actualSizeOf(d: Pick<DiskRecord, "format" | "sparse" | "provisionedSize">, written: number): number {
  const overhead = d.format === "cow" ? QCOW2_OVERHEAD : 0;
  if (!d.sparse) return d.provisionedSize + overhead;
  return Math.max(BLOCK, roundUp(written, BLOCK)) + overhead;
}

const writtenBytes = (d: DiskRecord): number => (d.content ? Buffer.from(d.content, "base64").length : 0);

// ---- rendering ----

export function diskNode(ctx: Ctx, d: DiskRecord): Node {
  const path = `/disks/${d.id}`;
  const vmIds = d.attachments.flatMap((a) => (a.vmId ? [a.vmId] : []));
  return {
    "@href": href(ctx, path),
    "@id": d.id,
    actions: { link: [{ "@href": href(ctx, `${path}/copy`), "@rel": "copy" }] },
    name: d.name,
    description: d.description,
    comment: "",
    actual_size: d.actualSize,
    alias: d.name,
    backup: "none",
    content_type: d.contentType ?? "data",
    format: d.format,
    image_id: d.id,
    propagate_errors: false,
    provisioned_size: d.provisionedSize,
    qcow_version: d.format === "cow" ? "qcow2_v3" : undefined,
    shareable: d.shareable,
    sparse: d.sparse,
    status: d.status,
    storage_type: "image",
    total_size: d.actualSize,
    wipe_after_delete: false,
    disk_profile: undefined,
    storage_domains: { storage_domain: diskDomains(d).map((id) => link(ctx, "/storagedomains", id)) },
    vms: vmIds.length > 0 ? { vm: vmIds.map((id) => link(ctx, "/vms", id)) } : undefined,
  };
}

/** The domains a disk has an image on: its own, plus those a template disk was copied to. */
function diskDomains(d: DiskRecord): string[] {
  return [d.storageDomainId, ...(d.copies ?? [])];
}

function attachmentNode(ctx: Ctx, d: DiskRecord, a: DiskAttachmentInfo): Node {
  const owner = a.vmId ? `/vms/${a.vmId}` : `/templates/${a.templateId ?? ""}`;
  return {
    "@href": href(ctx, `${owner}/diskattachments/${d.id}`),
    "@id": d.id,
    active: a.active,
    bootable: a.bootable,
    interface: a.interface,
    logical_name: a.vmId && isRunning(ctx.engine.store.get("vm", a.vmId)?.status ?? "down") ? a.logicalName : undefined,
    pass_discard: false,
    read_only: a.readOnly,
    uses_scsi_reservation: false,
    disk: link(ctx, "/disks", d.id),
    vm: a.vmId ? link(ctx, "/vms", a.vmId) : undefined,
    template: a.templateId ? link(ctx, "/templates", a.templateId) : undefined,
  };
}

// ---- lookups ----

/**
 * What a filtered (non-admin) user may see: the disks of the VMs they may see. The engine answers
 * filtered queries from its user-permission views, where a disk is reached through its VM.
 */
export function canSeeDisk(ctx: Ctx, d: DiskRecord): boolean {
  if (ctx.user.admin) return true;
  return d.attachments.some((a) => {
    const vm = a.vmId ? ctx.engine.store.get("vm", a.vmId) : undefined;
    return vm !== undefined && canSeeVm(ctx, vm);
  });
}

function diskOr404(ctx: Ctx, id = ctx.params.id): DiskRecord {
  const d = ctx.engine.store.get("disk", id ?? "");
  if (!d || !canSeeDisk(ctx, d)) throw pathNotFound();
  return d;
}

export function disksOf(engine: Engine, owner: { vmId?: string; templateId?: string }): DiskRecord[] {
  return engine.store.list("disk").filter((d) =>
    d.attachments.some((a) => (owner.vmId ? a.vmId === owner.vmId : a.templateId === owner.templateId)));
}

const attachmentOf = (d: DiskRecord, owner: { vmId?: string; templateId?: string }): DiskAttachmentInfo | undefined =>
  d.attachments.find((a) => (owner.vmId ? a.vmId === owner.vmId : a.templateId === owner.templateId));

function diskFields(ctx: Ctx, d: DiskRecord): Fields {
  return (k) => {
    switch (k) {
      case "id": return d.id;
      case "name":
      case "alias": return d.name;
      case "description": return d.description;
      case "status": return d.status;
      case "format": return d.format;
      case "provisioned_size": return String(d.provisionedSize);
      case "actual_size": return String(d.actualSize);
      case "storage": return diskDomains(d).map((id) => ctx.engine.store.get("storagedomain", id)?.name ?? "");
      case "shareable": return String(d.shareable);
      default: return "";
    }
  };
}

const DISK_KEYS = ["id", "name", "alias", "description", "status", "format", "provisioned_size", "actual_size", "storage", "shareable"];

// ---- /disks ----

export function listDisks(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const visible = ctx.engine.store.list("disk").filter((d) => canSeeDisk(ctx, d));
  const disks = searched(ctx, visible, DISK_KEYS, (d) => diskFields(ctx, d));
  return { status: 200, root: "disks", node: { disk: disks.map((d) => diskNode(ctx, d)) } };
}

export function getDisk(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "disk", node: diskNode(ctx, diskOr404(ctx)) };
}

function readFormat(node: Node): DiskRecord["format"] | undefined {
  const v = text(node, "format");
  if (v === undefined || v === "") return undefined;
  const lower = v.toLowerCase();
  if (!(DISK_FORMATS as readonly string[]).includes(lower)) throw invalidEnum(v, "DiskFormat", [...DISK_FORMATS]);
  return lower as DiskRecord["format"];
}

function readInterface(node: Node): string | undefined {
  const v = text(node, "interface");
  if (v === undefined || v === "") return undefined;
  const lower = v.toLowerCase();
  if (!(DISK_INTERFACES as readonly string[]).includes(lower)) throw invalidEnum(v, "DiskInterface", [...DISK_INTERFACES]);
  return lower;
}

const boolOf = (node: Node, key: string): boolean | undefined => {
  const v = text(node, key);
  return v === undefined || v === "" ? undefined : parseBool(v, key);
};

const intOf = (node: Node, key: string): number | undefined => {
  const v = text(node, key);
  return v === undefined || v === "" ? undefined : parseInteger(v, key);
};

/** The storage domain a disk body names (storage_domains/storage_domain or storage_domain). */
function domainIdIn(node: Node): string | undefined {
  const list = childNode(node, "storage_domains");
  const first = list ? asArray(list.storage_domain)[0] : undefined;
  if (first && typeof first === "object" && !Array.isArray(first)) {
    const id = text(first, "id");
    if (id) return id;
  }
  return ref(node, "storage_domain")?.id;
}

/** Builds a new disk from a <disk> body (AddDisk's checks); it is locked until the image exists. */
export function diskFromBody(ctx: Ctx, node: Node, action: "add" | "attach"): DiskRecord {
  requireFields("Disk", node, [
    ["provisioned_size", () => hasText(node, "provisioned_size")],
    ["format", () => hasText(node, "format")],
    ["storage_domains.storage_domain.id", () => domainIdIn(node) !== undefined],
  ], "add");
  const sdId = domainIdIn(node) ?? "";
  const sd = ctx.engine.store.get("storagedomain", sdId);
  if (!sd) throw entityNotFound(`StorageDomain: id=${sdId}`);
  const format = readFormat(node) ?? "cow";
  const sparse = boolOf(node, "sparse") ?? true;
  const provisionedSize = intOf(node, "provisioned_size") ?? 0;
  const verb = action === "add" ? "add" : "attach";
  if (provisionedSize < 1024 * 1024) throw badRequest(`Cannot ${verb} Virtual Disk. Disk size must be at least 1 MB.`);
  const initial = intOf(node, "initial_size");
  const disk: DiskRecord = {
    id: randomUUID(),
    name: text(node, "alias") || text(node, "name") || "",
    description: text(node, "description") ?? "",
    storageDomainId: sd.id,
    format,
    sparse,
    provisionedSize,
    actualSize: 0,
    status: "locked",
    shareable: boolOf(node, "shareable") ?? false,
    attachments: [],
    creationTime: Date.now(),
    // An "iso" disk is an ISO image on a data domain: a CD-ROM can take it (storagedomains/{id}/files).
    contentType: text(node, "content_type")?.toLowerCase() === "iso" ? "iso" : undefined,
  };
  disk.actualSize = actualSizeOf(disk, initial ?? 0);
  const { used } = storageUse(ctx, sd.id);
  if (used + disk.actualSize > sd.sizeBytes) {
    throw conflict(`Cannot ${verb} Virtual Disk. Low disk space on Storage Domain ${sd.name}.`);
  }
  if (disk.name === "") disk.name = `disk_${disk.id.slice(0, 8)}`;
  return disk;
}

/** Stores a disk and schedules its `ok`, with a job for the request's correlation id. */
export function createImage(ctx: Ctx, disk: DiskRecord, description: string): void {
  const engine = ctx.engine;
  engine.store.put("disk", disk);
  const jobId = engine.startJob(description, ctx.query.get("correlation_id") ?? undefined);
  engine.scheduler.schedule(engine.delay, "disk-ready", { diskId: disk.id, jobId });
}

export function addDisk(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const node = body(ctx, ["disk"], "disks", "add");
  const disk = diskFromBody(ctx, node, "add");
  ctx.engine.store.tx(() => createImage(ctx, disk, `Adding Disk ${disk.name}`));
  ctx.engine.scheduler.notify();
  return { status: 201, root: "disk", node: diskNode(ctx, disk), headers: { Location: `https://${ctx.host}${href(ctx, `/disks/${disk.id}`)}` } };
}

const diskLocked = (action: string, d: DiskRecord): string =>
  `Cannot ${action} Virtual Disk: The following disks are locked: ${d.name}. Please try again in a few minutes.`;

/** Alias, description and a larger provisioned size (an extend: locked for one step). */
export function updateDiskFrom(ctx: Ctx, d: DiskRecord, node: Node): void {
  if (d.status === "locked") throw conflict(diskLocked("edit", d));
  const alias = text(node, "alias") ?? text(node, "name");
  const description = text(node, "description");
  const size = intOf(node, "provisioned_size");
  if (size !== undefined && size < d.provisionedSize) {
    throw badRequest("Cannot edit Virtual Disk. New disk size must be larger than the current disk size.");
  }
  const engine = ctx.engine;
  engine.store.tx(() => {
    if (alias !== undefined && alias !== "") d.name = alias;
    if (description !== undefined) d.description = description;
    const jobId = engine.startJob(`Updating Disk ${d.name}`, ctx.query.get("correlation_id") ?? undefined);
    if (size !== undefined && size > d.provisionedSize) {
      d.provisionedSize = size;
      d.actualSize = actualSizeOf(d, writtenBytes(d));
      d.status = "locked";
      engine.scheduler.schedule(engine.delay, "disk-ready", { diskId: d.id, jobId });
    } else {
      engine.finishJob(jobId);
    }
    engine.store.put("disk", d);
  });
  engine.scheduler.notify();
}

export function updateDisk(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const d = diskOr404(ctx);
  updateDiskFrom(ctx, d, body(ctx, ["disk"], "disk", "update"));
  return { status: 200, root: "disk", node: diskNode(ctx, d) };
}

/** RemoveDisk: not while locked, not a template's disk, not while plugged into a running VM. */
function checkRemovable(ctx: Ctx, d: DiskRecord): void {
  if (d.status === "locked") throw conflict(diskLocked("remove", d));
  if (d.attachments.some((a) => a.templateId)) {
    throw conflict("Cannot remove Virtual Disk. The disk belongs to a template; remove the template, or copy the disk first.");
  }
  for (const a of d.attachments) {
    const vm = a.vmId ? ctx.engine.store.get("vm", a.vmId) : undefined;
    if (vm && isRunning(vm.status) && a.active) throw conflict("Cannot remove Virtual Disk. At least one of the VMs is not down.");
    if (vm && vm.status === "image_locked") throw conflict(`Cannot remove Virtual Disk: VM is locked. Please try again in a few minutes.`);
  }
}

export function removeDisk(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const d = diskOr404(ctx);
  checkRemovable(ctx, d);
  ctx.engine.store.delete("disk", d.id);
  return actionComplete();
}

/** POST /disks/{id}/copy: a template disk gets an image on another domain; any other disk a new copy. */
export function copyDisk(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const d = diskOr404(ctx);
  const node = body(ctx, ["action"], "disk", "copy");
  const sdId = ref(node, "storage_domain")?.id;
  if (!sdId) throw badRequest("Cannot copy Virtual Disk. The target storage domain is missing.");
  const sd = ctx.engine.store.get("storagedomain", sdId);
  if (!sd) throw entityNotFound(`StorageDomain: id=${sdId}`);
  if (d.status === "locked") throw conflict(diskLocked("copy", d));
  if (diskDomains(d).includes(sd.id)) throw conflict("Cannot copy Virtual Disk. The disk already exists on the target storage domain.");
  const engine = ctx.engine;
  engine.store.tx(() => {
    const jobId = engine.startJob(`Copying Disk ${d.name}`, ctx.query.get("correlation_id") ?? undefined);
    if (d.attachments.some((a) => a.templateId)) {
      d.copies = [...(d.copies ?? []), sd.id];
      d.status = "locked";
      engine.store.put("disk", d);
      engine.scheduler.schedule(engine.delay, "disk-ready", { diskId: d.id, jobId });
    } else {
      const alias = text(childNode(node, "disk"), "alias") || `${d.name}_copy`;
      const copy: DiskRecord = { ...d, id: randomUUID(), name: alias, storageDomainId: sd.id, attachments: [], copies: undefined, status: "locked", creationTime: Date.now() };
      engine.store.put("disk", copy);
      engine.scheduler.schedule(engine.delay, "disk-ready", { diskId: copy.id, jobId });
    }
  });
  engine.scheduler.notify();
  return actionComplete();
}

// ---- /storagedomains/{id}/disks ----

export function listStorageDomainDisks(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const sd = storageDomainOr404(ctx);
  const disks = ctx.engine.store.list("disk").filter((d) => diskDomains(d).includes(sd.id) && canSeeDisk(ctx, d));
  return { status: 200, root: "disks", node: { disk: disks.map((d) => diskNode(ctx, d)) } };
}

export function getStorageDomainDisk(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const sd = storageDomainOr404(ctx);
  const d = diskOr404(ctx, ctx.params.diskId);
  if (!diskDomains(d).includes(sd.id)) throw pathNotFound();
  return { status: 200, root: "disk", node: diskNode(ctx, d) };
}

export function removeStorageDomainDisk(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const sd = storageDomainOr404(ctx);
  const d = diskOr404(ctx, ctx.params.diskId);
  if (!diskDomains(d).includes(sd.id)) throw pathNotFound();
  // A template disk copied to several domains loses only this domain's image.
  if (d.copies && d.copies.length > 0) {
    if (d.status === "locked") throw conflict(diskLocked("remove", d));
    const remaining = diskDomains(d).filter((id) => id !== sd.id);
    d.storageDomainId = remaining[0] ?? d.storageDomainId;
    d.copies = remaining.slice(1);
    ctx.engine.store.put("disk", d);
    return actionComplete();
  }
  checkRemovable(ctx, d);
  ctx.engine.store.delete("disk", d.id);
  return actionComplete();
}

// ---- /vms/{id}/diskattachments and /templates/{id}/diskattachments ----

export function listVmDiskAttachments(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const nodes = disksOf(ctx.engine, { vmId: vm.id }).map((d) => attachmentNode(ctx, d, attachmentOf(d, { vmId: vm.id }) as DiskAttachmentInfo));
  return { status: 200, root: "disk_attachments", node: { disk_attachment: nodes } };
}

function vmAttachmentOr404(ctx: Ctx): { vm: VmRecord; disk: DiskRecord; attachment: DiskAttachmentInfo } {
  const vm = vmOr404(ctx, ctx.params.id);
  const disk = ctx.engine.store.get("disk", ctx.params.attachmentId ?? "");
  const attachment = disk ? attachmentOf(disk, { vmId: vm.id }) : undefined;
  if (!disk || !attachment) throw pathNotFound();
  return { vm, disk, attachment };
}

export function getVmDiskAttachment(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const { disk, attachment } = vmAttachmentOr404(ctx);
  return { status: 200, root: "disk_attachment", node: attachmentNode(ctx, disk, attachment) };
}

/** The next free device name for an interface: vda, vdb, ... (sda for SCSI, SATA and IDE). */
function logicalName(engine: Engine, vmId: string, iface: string): string {
  const prefix = iface === "virtio" ? "vd" : "sd";
  const taken = new Set(disksOf(engine, { vmId }).map((d) => attachmentOf(d, { vmId })?.logicalName));
  for (let i = 0; i < 26; i++) {
    const name = `/dev/${prefix}${String.fromCharCode(97 + i)}`;
    if (!taken.has(name)) return name;
  }
  return `/dev/${prefix}z`;
}

export function addVmDiskAttachment(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const node = body(ctx, ["disk_attachment"], "diskattachments", "add");
  requireFields("DiskAttachment", node, [["interface", () => hasText(node, "interface")], ["disk", () => childNode(node, "disk") !== undefined]]);
  const iface = readInterface(node) ?? "virtio";
  const diskBody = childNode(node, "disk") ?? {};
  const diskId = text(diskBody, "id");
  const engine = ctx.engine;
  if (vm.status === "image_locked") throw conflict("Cannot attach Virtual Disk: VM is locked. Please try again in a few minutes.");
  const bootable = boolOf(node, "bootable") ?? false;
  if (bootable && disksOf(engine, { vmId: vm.id }).some((d) => attachmentOf(d, { vmId: vm.id })?.bootable)) {
    throw conflict("Cannot attach Virtual Disk. The VM already has a bootable disk.");
  }
  const attachment: DiskAttachmentInfo = {
    vmId: vm.id,
    interface: iface,
    bootable,
    active: boolOf(node, "active") ?? false,
    readOnly: boolOf(node, "read_only") ?? false,
    logicalName: logicalName(engine, vm.id, iface),
  };
  let disk: DiskRecord;
  if (diskId) {
    const existing = engine.store.get("disk", diskId);
    if (!existing) throw entityNotFound(`Disk: id=${diskId}`);
    if (existing.status === "locked") throw conflict(diskLocked("attach", existing));
    if (existing.attachments.some((a) => a.vmId === vm.id)) throw conflict("Cannot attach Virtual Disk. The disk is already attached to the VM.");
    if (existing.attachments.some((a) => a.templateId)) throw conflict("Cannot attach Virtual Disk. The disk belongs to a template.");
    if (!existing.shareable && existing.attachments.length > 0) {
      throw conflict("Cannot attach Virtual Disk. The disk is not shareable and is already attached to a VM.");
    }
    disk = existing;
    disk.attachments.push(attachment);
    engine.store.put("disk", disk);
  } else {
    disk = diskFromBody(ctx, diskBody, "attach");
    disk.attachments.push(attachment);
    engine.store.tx(() => createImage(ctx, disk, `Adding Disk ${disk.name} to VM ${vm.name}`));
    engine.scheduler.notify();
  }
  return {
    status: 201,
    root: "disk_attachment",
    node: attachmentNode(ctx, disk, attachment),
    headers: { Location: `https://${ctx.host}${href(ctx, `/vms/${vm.id}/diskattachments/${disk.id}`)}` },
  };
}

export function updateVmDiskAttachment(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const { vm, disk, attachment } = vmAttachmentOr404(ctx);
  const node = body(ctx, ["disk_attachment"], "diskattachment", "update");
  const iface = readInterface(node);
  const bootable = boolOf(node, "bootable");
  const active = boolOf(node, "active");
  if ((iface !== undefined && iface !== attachment.interface) && isRunning(vm.status)) {
    throw conflict("Cannot edit Virtual Disk. The disk interface cannot be changed while the VM is running.");
  }
  if (iface !== undefined) attachment.interface = iface;
  if (bootable !== undefined) attachment.bootable = bootable;
  if (active !== undefined) attachment.active = active;
  const diskBody = childNode(node, "disk");
  if (diskBody) updateDiskFrom(ctx, disk, diskBody);
  else ctx.engine.store.put("disk", disk);
  return { status: 200, root: "disk_attachment", node: attachmentNode(ctx, disk, attachment) };
}

/** Detaches the disk (it stays, unattached), or with detach_only=false removes it as well. */
export function removeVmDiskAttachment(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const { vm, disk, attachment } = vmAttachmentOr404(ctx);
  if (isRunning(vm.status) && attachment.active) {
    throw conflict("Cannot detach Virtual Disk. Disk is plugged to a running VM, deactivate it first.");
  }
  const detachOnly = ctx.query.has("detach_only") ? queryFlag(ctx.query, "detach_only") : true;
  disk.attachments = disk.attachments.filter((a) => a !== attachment && a.vmId !== vm.id);
  if (detachOnly) ctx.engine.store.put("disk", disk);
  else ctx.engine.store.delete("disk", disk.id);
  return actionComplete();
}

export function listTemplateDiskAttachments(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const t = ctx.engine.store.get("template", ctx.params.id ?? "");
  if (!t) throw pathNotFound();
  const nodes = disksOf(ctx.engine, { templateId: t.id }).map((d) => attachmentNode(ctx, d, attachmentOf(d, { templateId: t.id }) as DiskAttachmentInfo));
  return { status: 200, root: "disk_attachments", node: { disk_attachment: nodes } };
}

export function getTemplateDiskAttachment(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const t = ctx.engine.store.get("template", ctx.params.id ?? "");
  const disk = ctx.engine.store.get("disk", ctx.params.attachmentId ?? "");
  const attachment = t && disk ? attachmentOf(disk, { templateId: t.id }) : undefined;
  if (!disk || !attachment) throw pathNotFound();
  return { status: 200, root: "disk_attachment", node: attachmentNode(ctx, disk, attachment) };
}

// ---- copies made by templates and VMs ----

/** A per-disk override in a VM or template body: <disk_attachments><disk_attachment><disk id=...>. */
export interface DiskOverride {
  format?: DiskRecord["format"];
  sparse?: boolean;
  storageDomainId?: string;
  alias?: string;
}

export function diskOverrides(node: Node): Map<string, DiskOverride> {
  const out = new Map<string, DiskOverride>();
  const list = childNode(node, "disk_attachments");
  for (const item of asArray(list?.disk_attachment)) {
    if (!item || typeof item !== "object" || Array.isArray(item)) continue;
    const d = childNode(item, "disk");
    const id = d ? text(d, "id") : undefined;
    if (!d || !id) continue;
    out.set(id, { format: readFormat(d), sparse: boolOf(d, "sparse"), storageDomainId: domainIdIn(d), alias: text(d, "alias") || undefined });
  }
  return out;
}

/**
 * Copies the source's disks for a new owner: full copies (templates, cloned VMs) keep each disk's
 * format unless overridden; thin copies are cow overlays on the template disk. The copies are
 * locked for one step; returns them (already stored).
 */
export function copyDisksFor(
  ctx: Ctx,
  source: { vmId?: string; templateId?: string },
  target: { vmId?: string; templateId?: string },
  mode: "full" | "thin",
  overrides: Map<string, DiskOverride>,
  jobId: string,
): DiskRecord[] {
  const engine = ctx.engine;
  const copies: DiskRecord[] = [];
  for (const src of disksOf(engine, source)) {
    const from = attachmentOf(src, source);
    const o = overrides.get(src.id) ?? {};
    const format = mode === "thin" ? "cow" : o.format ?? src.format;
    const sparse = mode === "thin" ? true : o.sparse ?? src.sparse;
    const sdId = o.storageDomainId ?? src.storageDomainId;
    if (!engine.store.get("storagedomain", sdId)) throw entityNotFound(`StorageDomain: id=${sdId}`);
    const copy: DiskRecord = {
      ...src,
      id: randomUUID(),
      name: o.alias ?? src.name,
      storageDomainId: sdId,
      copies: undefined,
      format,
      sparse,
      status: "locked",
      attachments: [{ ...(from ?? { interface: "virtio", bootable: false, active: true, readOnly: false }), vmId: target.vmId, templateId: target.templateId }],
      baseDiskId: mode === "thin" ? src.id : undefined,
      content: mode === "thin" ? undefined : src.content,
      creationTime: Date.now(),
    };
    copy.actualSize = actualSizeOf(copy, mode === "thin" ? 0 : writtenBytes(src));
    engine.store.put("disk", copy);
    engine.scheduler.schedule(engine.delay, "disk-ready", { diskId: copy.id, jobId });
    copies.push(copy);
  }
  return copies;
}

/** Reads a disk's bytes for a download: what was written, zero-filled to the size for raw disks. */
export function diskBytes(d: DiskRecord): Buffer {
  const data = d.content ? Buffer.from(d.content, "base64") : Buffer.alloc(0);
  if (d.format === "raw" && data.length < d.provisionedSize && d.provisionedSize <= MAX_KEPT_IMAGE) {
    return Buffer.concat([data, Buffer.alloc(d.provisionedSize - data.length)]);
  }
  // A thin copy reads through to its base.
  return data;
}

/** The bytes of a thin copy come from its base until it is written to. */
export function contentOf(engine: Engine, d: DiskRecord): DiskRecord {
  if (d.content || !d.baseDiskId) return d;
  const base = engine.store.get("disk", d.baseDiskId);
  return base ? { ...d, content: base.content } : d;
}
