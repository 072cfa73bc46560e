// /vmpools: pools create their VMs from the template with the engine's naming rules; the nested
// <vm> settings (smartcard, SSO, ...) are honoured only at creation. Size only grows; name, type
// and stateful never change.
import { randomUUID } from "node:crypto";
import { childNode, ref, text, type Node } from "../http/codec.ts";
import { badRequest, conflict, EngineFault, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, queryFlag, type Ctx, type Reply } from "../http/context.ts";
import { BLANK_TEMPLATE_ID, isRunning, POOL_TYPES, type PoolRecord, type PoolType, type VmConfig, type VmRecord } from "../model.ts";
import { applyPatch, messages, nameConflict, parseBool, parseInteger, readConfigPatch, validateConfig, validateName } from "../rules.ts";
import { invalidEnum } from "../http/faults.ts";
import { matches, parseSearch } from "../search.ts";
import {
  actionsNode, applyMax, body, canSeePool, clusterLink, hasRef, hasText, requireAdmin, requireFields,
  requireFilterOrAdmin, resolveCluster, resolveTemplate, templateLink,
} from "./common.ts";
import type { TemplateRecord } from "../model.ts";
import { powerOn, vmNode } from "./vms.ts";
import { copyDisksFor, disksOf } from "./disks.ts";
import { copyNics } from "./vmdevices.ts";
import type { Engine } from "../engine.ts";
import { baseIdOf, latestVersion, moveVmToVersion, versionMessages } from "../versions.ts";

/**
 * The engine's NameForVmInPoolGenerator: a run of '?' becomes a zero-padded counter
 * (`desk-???` -> `desk-001`), otherwise `<pool>-<n>`; names already taken are skipped.
 */
export function poolVmNames(poolName: string, count: number, taken: (name: string) => boolean): string[] {
  const run = /\?+/.exec(poolName);
  const names: string[] = [];
  for (let n = 1; names.length < count && n < 1_000_000; n++) {
    const name = run
      ? poolName.slice(0, run.index) + String(n).padStart(run[0].length, "0") + poolName.slice(run.index + run[0].length)
      : `${poolName}-${n}`;
    if (!taken(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

function poolVms(ctx: Ctx, poolId: string): VmRecord[] {
  return ctx.engine.store.list("vm").filter((vm) => vm.poolId === poolId);
}

export function poolNode(ctx: Ctx, pool: PoolRecord): Node {
  const path = `/vmpools/${pool.id}`;
  const sample = poolVms(ctx, pool.id)[0];
  return {
    "@href": href(ctx, path),
    "@id": pool.id,
    actions: actionsNode(ctx, path, ["allocatevm"]),
    link: [{ "@href": href(ctx, `${path}/permissions`), "@rel": "permissions" }],
    name: pool.name,
    description: pool.description,
    comment: pool.comment,
    auto_storage_select: pool.autoStorageSelect,
    display: pool.spiceProxy ? { proxy: pool.spiceProxy } : undefined,
    max_user_vms: pool.maxUserVms,
    prestarted_vms: pool.prestartedVms,
    size: pool.size,
    soundcard_enabled: false,
    stateful: pool.stateful,
    tpm_enabled: false,
    type: pool.type,
    use_latest_template_version: pool.useLatestTemplateVersion,
    cluster: clusterLink(ctx, pool.clusterId),
    template: templateLink(ctx, pool.templateId),
    // The engine embeds one of the pool's VMs: the pool's effective display settings.
    vm: sample && pool.size > 0 ? vmNode(ctx, sample) : undefined,
  };
}

function poolOr404(ctx: Ctx): PoolRecord {
  const p = ctx.params.id ? ctx.engine.store.get("pool", ctx.params.id) : undefined;
  if (!p || !canSeePool(ctx, p)) throw pathNotFound();
  return p;
}

export function listPools(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const search = ctx.query.get("search");
  const criteria = search ? parseSearch(search, ["name", "id", "type", "description", "comment", "cluster", "datacenter"], queryFlag(ctx.query, "case_sensitive")) : [];
  const pools = ctx.engine.store.list("pool").filter((p) => canSeePool(ctx, p) && matches(criteria, (k) => {
    switch (k) {
      case "name": return p.name;
      case "id": return p.id;
      case "type": return p.type;
      case "description": return p.description;
      case "comment": return p.comment;
      case "cluster": return ctx.engine.store.get("cluster", p.clusterId)?.name ?? "";
      case "datacenter": return ctx.engine.dataCenterName(p.clusterId);
      default: return "";
    }
  }));
  return { status: 200, root: "vm_pools", node: { vm_pool: applyMax(ctx, pools).map((p) => poolNode(ctx, p)) } };
}

export function getPool(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "vm_pool", node: poolNode(ctx, poolOr404(ctx)) };
}

function intField(node: Node, key: string): number | undefined {
  const v = text(node, key);
  return v === undefined || v === "" ? undefined : parseInteger(v, key);
}

function boolField(node: Node, key: string): boolean | undefined {
  const v = text(node, key);
  return v === undefined || v === "" ? undefined : parseBool(v, key);
}

function poolType(node: Node): PoolType | undefined {
  const v = text(node, "type");
  if (v === undefined || v === "") return undefined;
  const lower = v.toLowerCase();
  if (!(POOL_TYPES as readonly string[]).includes(lower)) throw invalidEnum(v, "VmPoolType", [...POOL_TYPES]);
  return lower as PoolType;
}

/** Creates `count` image_locked pool VMs (they become down when their disks are copied). */
function addPoolVms(ctx: Ctx, pool: PoolRecord, config: VmConfig, count: number): void {
  const engine = ctx.engine;
  const dc = engine.dataCenterOf(pool.clusterId);
  const taken = (name: string): boolean =>
    engine.store.byName("vm", name).some((vm) => engine.dataCenterOf(vm.clusterId) === dc);
  for (const name of poolVmNames(pool.name, count, taken)) {
    const vm: VmRecord = {
      id: randomUUID(),
      name,
      clusterId: pool.clusterId,
      templateId: pool.templateId,
      poolId: pool.id,
      status: "image_locked",
      opSeq: 0,
      config: { ...config, stateless: !pool.stateful },
      useLatestVersion: pool.useLatestTemplateVersion,
      creationTime: Date.now(),
    };
    engine.store.put("vm", vm);
    const jobId = engine.startJob(`Adding VM ${name} to pool ${pool.name}`);
    copyDisksFor(ctx, { templateId: pool.templateId }, { vmId: vm.id }, "thin", new Map(), jobId);
    // Like any VM made from a template, a pool VM gets the template's NICs with MACs of its own.
    copyNics(ctx, { templateId: pool.templateId }, { vmId: vm.id });
    engine.scheduler.schedule(engine.delay, "vm-unlock", { vmId: vm.id, jobId });
  }
}

async function settled(ctx: Ctx, poolId: string): Promise<void> {
  await ctx.engine.scheduler.waitFor(
    () => (poolVms(ctx, poolId).every((vm) => vm.status !== "image_locked") ? true : undefined),
    10 * 60_000,
  );
}

export async function addPool(ctx: Ctx): Promise<Reply> {
  requireAdmin(ctx);
  const node = body(ctx, ["vm_pool", "vmpool"], "vmpools", "add");
  requireFields("VmPool", node, [
    ["name", () => hasText(node, "name")],
    ["template.id|name", () => hasRef(node, "template")],
    ["cluster.id|name", () => hasRef(node, "cluster")],
  ]);
  const cluster = resolveCluster(ctx, ref(node, "cluster") ?? {});
  const named = resolveTemplate(ctx, ref(node, "template") ?? {});
  const useLatest = boolField(node, "use_latest_template_version") ?? false;
  // AddVmPoolCommand.init: a pool that follows the latest version is built from it.
  const template = useLatest ? latestVersion(ctx.engine, named.id) ?? named : named;
  const name = text(node, "name") ?? "";
  validateName(name, "create", "VM-Pool");
  if (template.id === BLANK_TEMPLATE_ID) throw badRequest(messages.poolFromBlank);
  const count = intField(node, "size") ?? 1;
  if (count < 1) throw badRequest(messages.poolZeroVms);
  const prestarted = intField(node, "prestarted_vms") ?? 0;
  if (prestarted > count) throw conflict(messages.poolPrestarted("create"));
  // AddVmPool reports its action as "create".
  if (ctx.engine.store.byName("pool", name).length > 0) throw nameConflict("create", "VM-Pool");
  if (template.status === "locked") throw conflict(messages.templateImageLocked);
  const stateful = boolField(node, "stateful") ?? false;
  const vmSettings = childNode(node, "vm");
  const { patch } = vmSettings ? readConfigPatch(vmSettings) : { patch: {} };
  const config = applyPatch({ ...template.config, description: "" }, patch, false);
  validateConfig(config, "add", "VM");

  const pool: PoolRecord = {
    id: randomUUID(),
    name,
    description: text(node, "description") ?? "",
    comment: text(node, "comment") ?? "",
    clusterId: cluster.id,
    templateId: template.id,
    size: count,
    prestartedVms: prestarted,
    maxUserVms: intField(node, "max_user_vms") ?? 1,
    type: poolType(node) ?? "automatic",
    stateful,
    autoStorageSelect: boolField(node, "auto_storage_select") ?? false,
    spiceProxy: text(childNode(node, "display"), "proxy") ?? "",
    useLatestTemplateVersion: useLatest,
  };
  const engine = ctx.engine;
  engine.store.tx(() => {
    engine.store.put("pool", pool);
    addPoolVms(ctx, pool, config, count);
  });
  engine.scheduler.notify();
  if (ctx.blocking) await settled(ctx, pool.id);
  const location = `https://${ctx.host}${href(ctx, `/vmpools/${pool.id}`)}`;
  return { status: 201, root: "vm_pool", node: poolNode(ctx, engine.store.get("pool", pool.id) ?? pool), headers: { Location: location } };
}

export async function updatePool(ctx: Ctx): Promise<Reply> {
  requireAdmin(ctx);
  const pool = poolOr404(ctx);
  const node = body(ctx, ["vm_pool", "vmpool"], "vmpool", "update");
  const name = text(node, "name");
  if (name !== undefined && name !== pool.name) throw badRequest(messages.poolRename);
  const type = poolType(node);
  if (type !== undefined && type !== pool.type) throw badRequest(messages.poolType);
  const stateful = boolField(node, "stateful");
  if (stateful !== undefined && stateful !== pool.stateful) throw badRequest(messages.poolStateful);
  const autoStorage = boolField(node, "auto_storage_select");
  if (autoStorage !== undefined && autoStorage !== pool.autoStorageSelect) throw badRequest(messages.poolAutoStorage);
  const newSize = intField(node, "size") ?? pool.size;
  if (newSize < pool.size) throw badRequest(messages.poolDecrease);
  const prestarted = intField(node, "prestarted_vms") ?? pool.prestartedVms;
  if (prestarted > newSize) throw conflict(messages.poolPrestarted("edit"));
  const description = text(node, "description");
  const comment = text(node, "comment");
  const maxUser = intField(node, "max_user_vms");
  const useLatest = boolField(node, "use_latest_template_version");
  const versionMove = templateMove(ctx, pool, node, useLatest);
  // The nested <vm> is ignored on update, as the engine ignores it: new VMs copy an existing pool
  // VM's settings (or the template's when the pool has none left).
  const existing = poolVms(ctx, pool.id)[0];
  const template = ctx.engine.store.get("template", pool.templateId);
  const baseConfig = existing?.config ?? (template ? { ...template.config, description: "" } : undefined);
  const engine = ctx.engine;
  let refused: VmRecord[] = [];
  engine.store.tx(() => {
    if (description !== undefined) pool.description = description;
    if (comment !== undefined) pool.comment = comment;
    if (maxUser !== undefined) pool.maxUserVms = maxUser;
    if (useLatest !== undefined) pool.useLatestTemplateVersion = useLatest;
    // The pool's display.proxy changes in place (UpdateVmPoolCommand keeps VmPool's spiceProxy).
    const proxy = text(childNode(node, "display"), "proxy");
    if (proxy !== undefined) pool.spiceProxy = proxy;
    pool.prestartedVms = prestarted;
    const grow = newSize - pool.size;
    pool.size = newSize;
    engine.store.put("pool", pool);
    if (versionMove) refused = movePoolVms(engine, pool, versionMove);
    if (grow > 0 && baseConfig) addPoolVms(ctx, pool, baseConfig, grow);
  });
  engine.scheduler.notify();
  if (refused.length > 0) throw heldBackFault(pool, refused);
  if (ctx.blocking) await settled(ctx, pool.id);
  return { status: 200, root: "vm_pool", node: poolNode(ctx, pool) };
}

interface VersionMove {
  template: TemplateRecord;
  useLatest: boolean;
}

/**
 * UpdateVmPoolCommand.isUpdateVmRequired, judged on one pool VM (its pending template if it has
 * one): the use-latest flag changed, or the template changed while the VM did not follow the latest.
 * A template of another lineage is refused as UpdateVm refuses it.
 */
function templateMove(ctx: Ctx, pool: PoolRecord, node: Node, useLatest: boolean | undefined): VersionMove | undefined {
  const sample = poolVms(ctx, pool.id)[0];
  const templateRef = ref(node, "template");
  const asked = templateRef && (templateRef.id || templateRef.name) ? resolveTemplate(ctx, templateRef) : undefined;
  const current = sample ? sample.nextRunTemplateId ?? sample.templateId : pool.templateId;
  const currentTemplate = ctx.engine.store.get("template", current);
  if (asked && currentTemplate && baseIdOf(asked) !== baseIdOf(currentTemplate)) throw badRequest(versionMessages.otherChain("edit", "VM"));
  if (!sample) return undefined;
  const currentLatest = sample.useLatestVersion === true;
  const newLatest = useLatest ?? pool.useLatestTemplateVersion;
  const latestChanged = currentLatest !== newLatest;
  const templateChanged = asked !== undefined && asked.id !== current && !currentLatest;
  if (!latestChanged && !templateChanged) return undefined;
  // With use-latest, UpdateVmCommand.validate points the VM at the newest version of its lineage.
  const target = newLatest ? latestVersion(ctx.engine, current) ?? asked ?? currentTemplate : asked ?? currentTemplate;
  return target ? { template: target, useLatest: newLatest } : undefined;
}

/**
 * UpdateVmPoolCommand.updatePoolVms: UpdateVm on each pool VM (down: rebuilt now; running: at next
 * stop). Returns the VMs whose UpdateVm failed: a down, delete-protected one (see rebuildFromVersion).
 */
function movePoolVms(engine: Engine, pool: PoolRecord, move: VersionMove): VmRecord[] {
  pool.templateId = move.template.id;
  engine.store.put("pool", pool);
  const vms = engine.store.list("vm").filter((v) => v.poolId === pool.id);
  return vms.filter((vm) => moveVmToVersion(engine, vm, move.template, move.useLatest) === "refused");
}

/**
 * The engine has no check for this in UpdateVmPoolCommand.validate: the pool is saved and its other VMs
 * updated first, then UpdateVm fails on each down, delete-protected VM (UpdateVmVersionCommand's RemoveVm:
 * ACTION_TYPE_FAILED_DELETE_PROTECTION_ENABLED) and the command ends failed (USER_UPDATE_VM_POOL_WITH_VMS_FAILED).
 * The REST answer is a failed action; the detail here (RemoveVm's text and the VMs) is the emulator's wording.
 */
function heldBackFault(pool: PoolRecord, refused: VmRecord[]): EngineFault {
  const names = refused.map((vm) => vm.name).sort().join(", ");
  return new EngineFault(400, "Operation Failed", `[Cannot remove VM. Delete protection is enabled. In order to delete, disable Delete protection first.] VM-Pool ${pool.name} was updated, but ${names} kept their template version.`);
}

/**
 * Stops the pool's running VMs, removes them, then the pool. As RemoveVmPoolCommand: each VM is
 * first detached from the pool (RemoveVmFromPool), then removed (RemoveVm), which refuses a
 * delete-protected one; such a VM stays, out of the pool, and so does the pool (its removal needs
 * every VM gone). The request itself succeeds: the engine reports the failure only in its events.
 */
export async function removePool(ctx: Ctx): Promise<Reply> {
  requireAdmin(ctx);
  const pool = poolOr404(ctx);
  const vms = poolVms(ctx, pool.id);
  for (const vm of vms) if (isRunning(vm.status)) await ctx.engine.host.stop(vm.id).catch(() => undefined);
  const store = ctx.engine.store;
  store.tx(() => {
    let refused = false;
    for (const vm of poolVms(ctx, pool.id)) {
      if (vm.config.deleteProtected) {
        refused = true;
        store.put("vm", { ...vm, poolId: undefined });
        continue;
      }
      store.delete("vm", vm.id);
      ctx.engine.acl.removeFor("vm", vm.id);
      for (const d of disksOf(ctx.engine, { vmId: vm.id })) store.delete("disk", d.id);
      for (const n of store.list("nic").filter((nic) => nic.vmId === vm.id)) store.delete("nic", n.id);
    }
    if (refused) return;
    store.delete("pool", pool.id);
    ctx.engine.acl.removeFor("pool", pool.id);
  });
  ctx.engine.scheduler.notify();
  return actionComplete();
}


/**
 * AttachUserToVmFromPoolAndRun: gives the caller a free VM of the pool (a UserRole permission on it)
 * and starts it, up to max_user_vms per user.
 */
export async function allocateVm(ctx: Ctx): Promise<Reply> {
  requireFilterOrAdmin(ctx);
  const pool = poolOr404(ctx);
  body(ctx, ["action"], "vmpool", "allocatevm");
  const vms = poolVms(ctx, pool.id);
  const acl = ctx.engine.acl;
  const held = vms.filter((vm) => acl.holders(vm.id).includes(ctx.user.name));
  if (held.length >= pool.maxUserVms) {
    throw conflict(
      "Cannot allocate and run VM from VM-Pool. The user has reached the maximum number of VMs allowed from this VM-Pool.",
    );
  }
  // VmPoolHandler.isNonPrestartedVmFree runs RunVmValidator on each down desktop (its own stateless
  // flag): each one refused adds its reason before the "no available VMs" answer.
  const refusals: string[] = [];
  const free = vms.find((vm) => {
    if (vm.status !== "down" || acl.holders(vm.id).length > 0) return false;
    if (vm.config.stateless && vm.config.haEnabled) refusals.push(messages.statelessHa("allocate and run", "VM from VM-Pool"));
    return !(vm.config.stateless && vm.config.haEnabled);
  });
  if (!free) throw conflict(...refusals, "Cannot allocate and run VM from VM-Pool. There are no available VMs in the VM-Pool.");
  acl.grant("user", ctx.user.name, "vm", free.id, "UserRole", true);
  // AttachUserToVmFromPoolAndRun runs the desktop stateless unless the pool is stateful; a failed
  // run takes the user's permission away again (endWithFailure).
  try {
    await powerOn(ctx, free, !pool.stateful);
  } catch (err) {
    acl.releaseAllocation(free.id);
    throw err;
  }
  return actionComplete({ vm: link(ctx, "/vms", free.id) });
}

/**
 * ProcessDownVmCommand: when a VM of an automatic pool comes down, its user is detached
 * (DetachUserFromVmFromPool) and the desktop is free again; any console session ends with the VM.
 */
export function registerPoolSessions(engine: Engine): void {
  engine.onVmDown.push((vm) => {
    engine.acl.endConsoleSession(vm.id);
    const pool = vm.poolId ? engine.store.get("pool", vm.poolId) : undefined;
    if (pool?.type === "automatic") engine.acl.releaseAllocation(vm.id);
  });
}
