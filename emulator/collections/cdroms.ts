// /vms/{id}/cdroms and /storagedomains/{id}/files: a VM's one CD-ROM and the ISO images it can take.
// As the engine's BackendVmCdromResource: without `current` a change is the VM's persistent
// configuration (the next run, for a running VM); with `current=true` it swaps the medium in the
// running VM only (ChangeDisk), and GET with `current=true` shows that medium. The files of a data
// domain are its ISO disks (content_type iso), named and identified as the disks are.
import { ref, type Node } from "../http/codec.ts";
import { badRequest, conflict, pathNotFound } from "../http/faults.ts";
import { href, link, queryFlag, type Ctx, type Reply } from "../http/context.ts";
import { CDROM_ID, isRunning, withConfigDefaults, type DiskRecord, type StorageDomainRecord, type VmRecord } from "../model.ts";
import { applyPatch, messages } from "../rules.ts";
import { body, requireAdmin, requireFilterOrAdmin, vmOr404 } from "./common.ts";
import { storageDomainOr404 } from "./infra.ts";

const isoDisksOn = (ctx: Ctx, sd: StorageDomainRecord): DiskRecord[] =>
  ctx.engine.store.list("disk").filter((d) => d.storageDomainId === sd.id && d.contentType === "iso");

function fileNode(ctx: Ctx, sd: StorageDomainRecord, disk: DiskRecord): Node {
  return {
    "@href": href(ctx, `/storagedomains/${sd.id}/files/${disk.id}`),
    "@id": disk.id,
    name: disk.name,
    type: "iso",
    storage_domain: link(ctx, "/storagedomains", sd.id),
  };
}

export function listFiles(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const sd = storageDomainOr404(ctx);
  return { status: 200, root: "files", node: { file: isoDisksOn(ctx, sd).map((d) => fileNode(ctx, sd, d)) } };
}

export function getFile(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const sd = storageDomainOr404(ctx);
  const disk = isoDisksOn(ctx, sd).find((d) => d.id === ctx.params.fileId);
  if (!disk) throw pathNotFound();
  return { status: 200, root: "file", node: fileNode(ctx, sd, disk) };
}

/** The medium the CD-ROM shows: the running one with current=true on a running VM, else the configured one. */
function mediumOf(vm: VmRecord, current: boolean): string {
  if (current && isRunning(vm.status)) return vm.currentCdrom ?? "";
  return withConfigDefaults(vm.config).cdrom;
}

function cdromNode(ctx: Ctx, vm: VmRecord, medium: string): Node {
  return {
    "@href": href(ctx, `/vms/${vm.id}/cdroms/${CDROM_ID}`),
    "@id": CDROM_ID,
    file: medium === "" ? undefined : { "@id": medium },
    vm: link(ctx, "/vms", vm.id),
  };
}

export function listCdroms(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  return { status: 200, root: "cdroms", node: { cdrom: [cdromNode(ctx, vm, mediumOf(vm, queryFlag(ctx.query, "current")))] } };
}

function cdromOr404(ctx: Ctx): VmRecord {
  const vm = vmOr404(ctx, ctx.params.id);
  if (ctx.params.cdromId !== CDROM_ID) throw pathNotFound();
  return vm;
}

export function getCdrom(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const vm = cdromOr404(ctx);
  return { status: 200, root: "cdrom", node: cdromNode(ctx, vm, mediumOf(vm, queryFlag(ctx.query, "current"))) };
}

/** An ISO the engine knows: an ISO disk on any storage domain, by id (or, as the engine also takes, by its name). */
function resolveIso(ctx: Ctx, fileId: string): string {
  if (fileId === "") return "";
  const disks = ctx.engine.store.list("disk").filter((d) => d.contentType === "iso");
  const disk = disks.find((d) => d.id === fileId) ?? disks.find((d) => d.name === fileId);
  if (!disk) throw badRequest(messages.unknownIso(fileId));
  return disk.id;
}

export function updateCdrom(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const vm = cdromOr404(ctx);
  const node = body(ctx, ["cdrom"], "cdrom", "update");
  const file = ref(node, "file");
  const medium = resolveIso(ctx, file?.id ?? file?.name ?? "");
  const current = queryFlag(ctx.query, "current");
  if (vm.status === "image_locked") throw conflict(messages.vmLocked("edit"));
  if (current) {
    // ChangeDisk: only a running VM has a drive to swap the medium in.
    if (!isRunning(vm.status)) throw conflict(messages.cdNotRunning);
    vm.currentCdrom = medium;
  } else if (isRunning(vm.status)) {
    // The device is written at start: on a running VM the change waits for the next run.
    const pending = applyPatch(vm.nextRun ?? vm.config, { cdrom: medium }, false);
    if (vm.nextRun || pending.cdrom !== withConfigDefaults(vm.config).cdrom) vm.nextRun = pending;
  } else {
    vm.config = applyPatch(vm.config, { cdrom: medium }, false);
  }
  ctx.engine.store.put("vm", vm);
  return { status: 200, root: "cdrom", node: cdromNode(ctx, vm, mediumOf(vm, current)) };
}
