// /vms: list, search, add (201 from Blank, 202 + image_locked otherwise), get (next_run), update
// (running VMs keep Down-only changes for the next run), remove, and the power actions.
import { latestVersion, updateVmTemplateFromBody } from "../versions.ts";
import { randomUUID } from "node:crypto";
import { childNode, ref, text, type Node } from "../http/codec.ts";
import { badRequest, conflict, EngineFault, entityNotFound, pathNotFound } from "../http/faults.ts";
import { copyNics, INSTANCE_TYPES } from "./vmdevices.ts";
import { actionComplete, href, link, queryFlag, type Ctx, type Reply } from "../http/context.ts";
import {
  BLANK_TEMPLATE_ID, DOWN_ONLY_FIELDS, isRunning, withConfigDefaults, type VmConfig, type VmRecord,
} from "../model.ts";
import {
  applyPatch, messages, nameConflict, parseBool, readConfigPatch, validateConfig, validateName,
} from "../rules.ts";
import { matches, parseSearch } from "../search.ts";
import { copyDisksFor, diskOverrides, disksOf } from "./disks.ts";
import {
  actionsNode, applyMax, body, canSeeVm, clusterLink, configNode, hasRef, hasText, isoTime, nameTakenInDataCenter,
  requireAdmin, requireFields, requireFilterOrAdmin, resolveCluster, resolveTemplate, templateLink, vmOr404,
} from "./common.ts";

const VM_ACTIONS = ["detach", "reboot", "shutdown", "start", "stop", "ticket"];

/** Runtime display info for a running VM: stable fake ports derived from its id. */
function runtimeDisplay(vm: VmRecord): { address: string; port: number; securePort: number } | undefined {
  if (!isRunning(vm.status)) return undefined;
  const n = parseInt(vm.id.replace(/-/g, "").slice(0, 4), 16) % 1000;
  return { address: "127.0.0.1", port: 5900 + n * 2, securePort: 5901 + n * 2 };
}

export function vmNode(ctx: Ctx, vm: VmRecord, opts: { nextRun?: boolean; withDevices?: boolean } = {}): Node {
  const config = opts.nextRun && vm.nextRun ? vm.nextRun : vm.config;
  const path = `/vms/${vm.id}`;
  const node: Node = {
    "@href": href(ctx, path),
    "@id": vm.id,
    actions: actionsNode(ctx, path, VM_ACTIONS),
    name: vm.name,
    description: config.description,
    link: ["graphicsconsoles", "permissions", "numanodes", "diskattachments", "nics", "tags", "affinitylabels", "sessions", "cdroms"]
      .map((rel) => ({ "@href": href(ctx, `${path}/${rel}`), "@rel": rel })),
    ...configNode(ctx, config, runtimeDisplay(vm), { withDevices: opts.withDevices }),
    creation_time: isoTime(vm.creationTime),
    next_run_configuration_exists: vm.nextRun !== undefined || vm.nextRunTemplateId !== undefined,
    start_paused: false,
    start_time: vm.startTime ? isoTime(vm.startTime) : undefined,
    status: vm.status,
    use_latest_template_version: vm.useLatestVersion ?? false,
    cluster: clusterLink(ctx, vm.clusterId),
    original_template: templateLink(ctx, vm.originalTemplateId ?? vm.templateId),
    // With next_run, a pending template version change shows as the template (versions.ts).
    template: templateLink(ctx, opts.nextRun && vm.nextRunTemplateId ? vm.nextRunTemplateId : vm.templateId),
    vm_pool: vm.poolId ? link(ctx, "/vmpools", vm.poolId) : undefined,
    host: vm.hostId ? link(ctx, "/hosts", vm.hostId) : undefined,
  };
  return node;
}

/** The engine's VM search keys the clients use (VmConditionFieldAutoCompleter and cross-entity keys). */
export const VM_SEARCH_KEYS = [
  "name", "id", "status", "description", "comment", "pool", "cluster", "datacenter", "template", "template.name",
  "type", "os", "memory", "tag", "host", "architecture", "next_run_configuration_exists",
];

function searchFields(ctx: Ctx, vm: VmRecord): (key: string) => string | string[] {
  const store = ctx.engine.store;
  return (key) => {
    switch (key) {
      case "name": return vm.name;
      case "id": return vm.id;
      case "status": return vm.status;
      case "description": return vm.config.description;
      case "comment": return vm.config.comment;
      case "pool": return vm.poolId ? store.get("pool", vm.poolId)?.name ?? "" : "";
      case "cluster": return store.get("cluster", vm.clusterId)?.name ?? "";
      case "datacenter": return ctx.engine.dataCenterName(vm.clusterId);
      case "template":
      case "template.name": return store.get("template", vm.templateId)?.name ?? "";
      case "type": return vm.config.type;
      case "os": return vm.config.osType;
      case "memory": return String(vm.config.memoryMb);
      case "tag": return store.list("tag").filter((t) => t.vmIds.includes(vm.id)).map((t) => t.name);
      case "host": return vm.hostId ? store.get("host", vm.hostId)?.name ?? "" : "";
      case "architecture": return "x86_64";
      case "next_run_configuration_exists": return String(vm.nextRun !== undefined);
      default: return "";
    }
  };
}

export function listVms(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const search = ctx.query.get("search");
  const criteria = search ? parseSearch(search, VM_SEARCH_KEYS, queryFlag(ctx.query, "case_sensitive")) : [];
  const vms = ctx.engine.store.list("vm").filter((vm) => canSeeVm(ctx, vm) && matches(criteria, searchFields(ctx, vm)));
  return { status: 200, root: "vms", node: { vm: applyMax(ctx, vms).map((vm) => vmNode(ctx, vm)) } };
}

export function getVm(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  return { status: 200, root: "vm", node: vmNode(ctx, vm, { nextRun: queryFlag(ctx.query, "next_run") }) };
}

/** Blocks for `Expect: 201-created` until the VM leaves image_locked. */
async function settle(ctx: Ctx, id: string): Promise<VmRecord | undefined> {
  return ctx.engine.scheduler.waitFor(() => {
    const vm = ctx.engine.store.get("vm", id);
    return vm && vm.status !== "image_locked" ? vm : undefined;
  }, 10 * 60_000);
}

export async function addVm(ctx: Ctx): Promise<Reply> {
  requireAdmin(ctx);
  const node = body(ctx, ["vm"], "vms", "add");
  requireFields("Vm", node, [
    ["name", () => hasText(node, "name")],
    ["cluster.id|name", () => hasRef(node, "cluster")],
    ["template.id|name", () => hasRef(node, "template")],
  ]);
  const cluster = resolveCluster(ctx, ref(node, "cluster") ?? {});
  // AddVmCommand: a VM that follows the latest version is built from the newest of its lineage.
  const useLatest = text(node, "use_latest_template_version") === "true";
  const named = resolveTemplate(ctx, ref(node, "template") ?? {});
  const template = useLatest ? latestVersion(ctx.engine, named.id) ?? named : named;
  const { name = "", patch } = readConfigPatch(node);
  validateName(name, "add", "VM");
  if (template.status === "locked") throw conflict(messages.templateImageLocked);
  if (nameTakenInDataCenter(ctx, "vm", name, cluster.id)) throw nameConflict("add", "VM");
  if (patch.instanceTypeId !== undefined && !INSTANCE_TYPES.some((t) => t.id === patch.instanceTypeId)) {
    throw entityNotFound(`InstanceType: id=${patch.instanceTypeId}`);
  }
  const base: VmConfig = { ...template.config, description: "", comment: "", initialization: undefined };
  const config = applyPatch(base, patch, true);
  validateConfig(config, "add", "VM");

  // A template with disks means disk copies: the VM is image_locked until they finish.
  const hasDisks = template.id !== BLANK_TEMPLATE_ID;
  // clone=true: independent copies of the template's disks, and a VM no longer tied to the
  // template (it shows Blank, with the template as its original).
  const clone = queryFlag(ctx.query, "clone");
  const vm: VmRecord = {
    id: randomUUID(),
    name,
    clusterId: cluster.id,
    templateId: clone ? BLANK_TEMPLATE_ID : template.id,
    originalTemplateId: template.id,
    status: hasDisks ? "image_locked" : "down",
    opSeq: 0,
    config,
    creationTime: Date.now(),
    ...(useLatest && !clone ? { useLatestVersion: true } : {}),
  };
  const engine = ctx.engine;
  const overrides = diskOverrides(node);
  engine.store.tx(() => {
    engine.store.put("vm", vm);
    const jobId = engine.startJob(`Creating VM ${name}`, ctx.query.get("correlation_id") ?? undefined);
    copyDisksFor(ctx, { templateId: template.id }, { vmId: vm.id }, clone ? "full" : "thin", overrides, jobId);
    copyNics(ctx, { templateId: template.id }, { vmId: vm.id });
    if (hasDisks) engine.scheduler.schedule(engine.delay, "vm-unlock", { vmId: vm.id, jobId });
    else engine.scheduler.schedule(0, "job-done", { jobId });
  });
  return created(ctx, vm, hasDisks);
}

async function created(ctx: Ctx, vm: VmRecord, async: boolean): Promise<Reply> {
  const location = `https://${ctx.host}${href(ctx, `/vms/${vm.id}`)}`;
  // The create answer carries the device settings (serial console, sound card) that a plain GET
  // leaves out without all_content; go-ovirt-client's live suite reads them from it.
  if (async && ctx.blocking) {
    const done = (await settle(ctx, vm.id)) ?? vm;
    return { status: 201, root: "vm", node: vmNode(ctx, done, { withDevices: true }), headers: { Location: location } };
  }
  const node = vmNode(ctx, vm, { withDevices: true });
  if (async) node.creation_status = "in_progress";
  return { status: async ? 202 : 201, root: "vm", node, headers: { Location: location } };
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function updateVm(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const node = body(ctx, ["vm"], "vm", "update");
  const { name, patch } = readConfigPatch(node);
  if (vm.status === "image_locked") throw conflict(messages.vmLocked("edit"));
  // A template version change ends the update (UpdateVmCommand.updateVmTemplateVersion; versions.ts).
  if (updateVmTemplateFromBody(ctx, vm, node)) return { status: 200, root: "vm", node: vmNode(ctx, ctx.engine.store.get("vm", vm.id) ?? vm) };
  if (name !== undefined && name !== vm.name) {
    validateName(name, "edit", "VM");
    if (nameTakenInDataCenter(ctx, "vm", name, vm.clusterId, vm.id)) throw nameConflict("edit", "VM");
  }
  const forNextRun = queryFlag(ctx.query, "next_run");
  if (!isRunning(vm.status)) {
    const config = applyPatch(vm.config, patch, false);
    validateConfig(config, "edit", "VM");
    vm.config = config;
    vm.nextRun = undefined;
  } else {
    // Running: fields editable only while Down (or everything, with next_run=true) wait for the
    // next cold start; the rest applies at once. The answer shows the current configuration.
    const later: Partial<VmConfig> = {};
    const now: Partial<VmConfig> = {};
    for (const [k, v] of Object.entries(patch) as [keyof VmConfig, unknown][]) {
      const downOnly = DOWN_ONLY_FIELDS.includes(k) || (k === "memoryMb" && !hotPluggableMemory(vm.config, v as number));
      if (forNextRun || downOnly) (later as Record<string, unknown>)[k] = v;
      else (now as Record<string, unknown>)[k] = v;
    }
    const current = applyPatch(vm.config, now, false);
    const pendingBase = vm.nextRun ?? vm.config;
    const pending = applyPatch(applyPatch(pendingBase, now, false), later, false);
    validateConfig(pending, "edit", "VM");
    validateConfig(current, "edit", "VM");
    const laterChanges = Object.entries(later).some(([k, v]) => !sameValue(vm.config[k as keyof VmConfig], v));
    vm.config = current;
    if (vm.nextRun || laterChanges) vm.nextRun = pending;
  }
  const store = ctx.engine.store;
  store.tx(() => {
    if (name !== undefined) vm.name = name;
    store.put("vm", vm);
  });
  return { status: 200, root: "vm", node: vmNode(ctx, vm) };
}

/** Memory hot plug: only increases in whole blocks of 256 MiB apply to a running VM. */
function hotPluggableMemory(current: VmConfig, nextMb: number): boolean {
  const delta = nextMb - current.memoryMb;
  return delta > 0 && delta % 256 === 0 && nextMb <= current.maxMb;
}

export async function removeVm(ctx: Ctx): Promise<Reply> {
  requireAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const force = queryFlag(ctx.query, "force");
  if (vm.status === "image_locked" && !force) throw conflict(messages.vmLocked("remove"));
  if (vm.config.deleteProtected) throw conflict(messages.vmDeleteProtected);
  if (isRunning(vm.status)) throw conflict(messages.vmRunning("remove"));
  if (vm.poolId) throw conflict(messages.vmInPool);
  const store = ctx.engine.store;
  // The VM's disks go with it unless detach_only=true (then they stay, unattached).
  const detachOnly = queryFlag(ctx.query, "detach_only");
  if (detachOnly && vm.templateId !== BLANK_TEMPLATE_ID) throw conflict(messages.detachFromTemplateVm);
  store.tx(() => {
    store.delete("vm", vm.id);
    ctx.engine.acl.removeFor("vm", vm.id);
    for (const d of disksOf(ctx.engine, { vmId: vm.id })) {
      d.attachments = d.attachments.filter((a) => a.vmId !== vm.id);
      if (detachOnly || d.attachments.length > 0) store.put("disk", d);
      else store.delete("disk", d.id);
    }
    for (const nic of store.list("nic").filter((n) => n.vmId === vm.id)) store.delete("nic", nic.id);
    for (const tag of store.list("tag").filter((t) => t.vmIds.includes(vm.id))) {
      tag.vmIds = tag.vmIds.filter((id) => id !== vm.id);
      store.put("tag", tag);
    }
  });
  return actionComplete();
}

// ---- power actions ----

function bump(ctx: Ctx, vm: VmRecord, status: VmRecord["status"], steps: [number, VmRecord["status"]][]): void {
  const engine = ctx.engine;
  vm.opSeq += 1;
  engine.store.tx(() => {
    engine.setVmStatus(vm, status);
    for (const [delay, next] of steps) {
      engine.scheduler.schedule(delay, "vm-status", { vmId: vm.id, seq: vm.opSeq, status: next });
    }
  });
  engine.scheduler.notify();
}

function actionBody(ctx: Ctx, service: string): Node {
  return body(ctx, ["action"], service, service.split("/").pop() ?? "");
}

export async function startVm(ctx: Ctx): Promise<Reply> {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const action = actionBody(ctx, "vm/start");
  // BackendVmResource.start: an action with a <vm> is RunVmOnce, whose <stateless> is the run's own.
  await powerOn(ctx, vm, runOnceStateless(action));
  return actionComplete();
}

/** A run-once `<vm><stateless>`; undefined (the VM's own flag decides) when the action has none. */
function runOnceStateless(action: Node): boolean | undefined {
  const flag = text(childNode(action, "vm"), "stateless");
  return flag === undefined || flag === "" ? undefined : parseBool(flag, "vm.stateless");
}

/**
 * RunVm: refuses locked or running VMs, starts the host domain if any, then walks to up.
 * `runAsStateless` is RunVmParams.runAsStateless: undefined leaves it to the VM's own flag.
 */
export async function powerOn(ctx: Ctx, vm: VmRecord, runAsStateless?: boolean): Promise<void> {
  if (vm.status === "image_locked") throw conflict(messages.vmLocked("run"));
  if (isRunning(vm.status)) throw conflict(messages.vmRunning("run"));
  const stateless = runAsStateless ?? vm.config.stateless;
  if (stateless && vm.config.haEnabled) throw conflict(messages.statelessHa());
  // The engine writes the spicevmc smartcard device whatever the graphics; libvirt then refuses it.
  if (vm.config.smartcardEnabled && !vm.config.graphics.includes("spice")) {
    throw badRequest(messages.spiceWithoutGraphics(vm.name));
  }
  const host = ctx.engine.hostFor(vm);
  // A scheduling failure is a bad-parameters one (400), like the other run validations.
  if (!host) throw badRequest(messages.noHostForVm);
  try {
    await ctx.engine.host.start(vm);
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).replace(/\.$/, "");
    throw badRequest(`Cannot run VM. VM ${vm.name} is down with error. Exit message: ${why}.`);
  }
  const fresh = ctx.engine.store.get("vm", vm.id);
  if (!fresh) throw pathNotFound();
  fresh.hostId = host.id;
  fresh.currentCdrom = withConfigDefaults(fresh.config).cdrom;
  // RunVmCommand on a stateless VM snapshots its disks first; the snapshot is restored when it stops.
  fresh.statelessSnapshot = stateless
    ? disksOf(ctx.engine, { vmId: fresh.id }).map((disk) => ({ diskId: disk.id, provisionedSize: disk.provisionedSize, actualSize: disk.actualSize, content: disk.content }))
    : undefined;
  const d = ctx.engine.delay;
  bump(ctx, fresh, "wait_for_launch", [[Math.floor(d / 2), "powering_up"], [d, "up"]]);
}

/** RestoreStatelessVm: a stateless VM's disks go back to their state at start, and the snapshot goes. */
function restoreStateless(ctx: Ctx, vm: VmRecord): void {
  const snapshot = vm.statelessSnapshot;
  if (!snapshot) return;
  const store = ctx.engine.store;
  for (const saved of snapshot) {
    const disk = store.get("disk", saved.diskId);
    if (!disk) continue;
    disk.provisionedSize = saved.provisionedSize;
    disk.actualSize = saved.actualSize;
    disk.content = saved.content;
    store.put("disk", disk);
  }
  vm.statelessSnapshot = undefined;
}

async function powerOff(ctx: Ctx, action: "stop" | "shutdown"): Promise<Reply> {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  actionBody(ctx, `vm/${action}`);
  if (vm.status === "image_locked") throw conflict(messages.vmLocked(action));
  // Already in the requested status: the engine skips the command and answers success.
  if (vm.status === "down") return actionComplete();
  if (!isRunning(vm.status)) throw conflict(messages.vmNotRunning(action));
  try {
    await ctx.engine.host.stop(vm.id);
  } catch (err) {
    throw new EngineFault(500, "Operation Failed", `[${err instanceof Error ? err.message : String(err)}]`);
  }
  const fresh = ctx.engine.store.get("vm", vm.id);
  if (!fresh) throw pathNotFound();
  ctx.engine.store.tx(() => restoreStateless(ctx, fresh));
  const d = ctx.engine.delay;
  bump(ctx, fresh, "powering_down", [[action === "stop" ? Math.floor(d / 3) : d, "down"]]);
  return actionComplete();
}

export const stopVm = (ctx: Ctx): Promise<Reply> => powerOff(ctx, "stop");
export const shutdownVm = (ctx: Ctx): Promise<Reply> => powerOff(ctx, "shutdown");

/** A reboot with a pending next-run configuration is a cold reboot that applies it. */
export async function rebootVm(ctx: Ctx): Promise<Reply> {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  actionBody(ctx, "vm/reboot");
  if (vm.status !== "up") throw conflict(messages.vmNotRunning("reboot"));
  if (vm.nextRun) {
    await ctx.engine.host.stop(vm.id);
    vm.config = vm.nextRun;
    vm.nextRun = undefined;
    ctx.engine.store.put("vm", vm);
    await ctx.engine.host.start(vm);
  }
  const d = ctx.engine.delay;
  bump(ctx, vm, "reboot_in_progress", [[d, "up"]]);
  return actionComplete();
}

/** Takes a VM out of its pool (the pool shrinks by one). */
export function detachVm(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  actionBody(ctx, "vm/detach");
  if (!vm.poolId) throw conflict("Cannot detach VM from VM-Pool. VM is not attached to a VM-Pool.");
  const store = ctx.engine.store;
  store.tx(() => {
    const pool = store.get("pool", vm.poolId ?? "");
    if (pool) {
      pool.size = Math.max(0, pool.size - 1);
      store.put("pool", pool);
    }
    vm.poolId = undefined;
    store.put("vm", vm);
  });
  return actionComplete();
}


/** Virtual NUMA nodes: the emulator pins none, so every VM has an empty collection (as a new engine VM does). */
export function listNumaNodes(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  vmOr404(ctx, ctx.params.id);
  return { status: 200, root: "vm_numa_nodes", node: { vm_numa_node: [] } };
}
