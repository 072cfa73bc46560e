// Template versions and how VMs move between them, as ovirt-engine does it:
// - AddVmTemplateCommand: a template made with <version><base_template id/></version> is a version of
//   that base (which must itself be a base), takes the base's name, and gets the next version number;
//   when it is ready, the down VMs of that lineage that follow the latest version and are stateless or
//   in a pool (VmDao.getVmIdsForVersionUpdate) are rebuilt from it at once.
// - UpdateVmCommand: a pool VM may change template within its lineage only (else
//   ACTION_TYPE_FAILED_TEMPLATE_IS_ON_DIFFERENT_CHAIN); a down VM is rebuilt now (UpdateVmVersion),
//   a running one gets the change as its next-run configuration.
// - UpdateVmVersionCommand: the VM is removed (keeping its permissions) and added again from the
//   version with the same id and name: the template's settings, new disks and NICs.
// - ProcessDownVmCommand / RestoreStatelessVmCommand: when a VM comes down, a pending template change
//   is applied; a stateless VM that follows the latest version moves to it.
import type { Ctx } from "./http/context.ts";
import type { Engine } from "./engine.ts";
import type { TemplateRecord, VmRecord } from "./model.ts";
import { copyDisksFor, disksOf } from "./collections/disks.ts";
import { copyNics } from "./collections/vmdevices.ts";
import { resolveTemplate } from "./collections/common.ts";
import { ref, text, type Node } from "./http/codec.ts";
import { badRequest } from "./http/faults.ts";
import { parseBool } from "./rules.ts";

export const versionMessages = {
  // AppErrors VMT_CANNOT_REMOVE_BASE_WITH_VERSIONS; RemoveVmTemplateCommand lists the versions' names.
  baseWithVersions: (names: string[]) =>
    `Cannot delete Base Template that has Template Versions, please first remove all Template Versions for this Template: ${names.join(",")}.`,
  // ACTION_TYPE_FAILED_TEMPLATE_VERSION_CANNOT_BE_BASE_TEMPLATE (AddVmTemplateCommand).
  versionOfVersion: "Cannot add Template. Only the first template version can be selected as the base template.",
  // ACTION_TYPE_FAILED_TEMPLATE_DOES_NOT_EXIST.
  baseMissing: "Cannot add Template. The relevant Template doesn't exist.",
  // ACTION_TYPE_FAILED_TEMPLATE_IS_ON_DIFFERENT_CHAIN (UpdateVmCommand.validate).
  otherChain: (action: "edit" | "update", type: "VM" | "VM-Pool") =>
    `Cannot ${action} ${type}. The requested template doesn't belong to the same base template as the original template.`,
  // ACTION_TYPE_FAILED_TEMPLATE_DOES_NOT_EXIST on a template change.
  templateMissing: (action: "edit" | "update", type: "VM" | "VM-Pool") => `Cannot ${action} ${type}. The relevant Template doesn't exist.`,
};

/** The version named by a template: a base is its own base. */
export const baseIdOf = (t: TemplateRecord): string => t.baseTemplateId || t.id;

/** All templates of one lineage (the base and its versions), oldest version first. */
export function lineage(engine: Engine, baseId: string): TemplateRecord[] {
  return engine.store.list("template").filter((t) => baseIdOf(t) === baseId).sort((a, b) => a.versionNumber - b.versionNumber);
}

/** GetTemplateWithLatestVersionInChain: the lineage's highest version number (among ready ones). */
export function latestVersion(engine: Engine, templateId: string): TemplateRecord | undefined {
  const t = engine.store.get("template", templateId);
  if (!t) return undefined;
  const ready = lineage(engine, baseIdOf(t)).filter((v) => v.status === "ok");
  return ready[ready.length - 1];
}

/** The next version number in a lineage (AddVmTemplateCommand numbers versions 1, 2, 3, ...). */
export function nextVersionNumber(engine: Engine, baseId: string): number {
  return Math.max(0, ...lineage(engine, baseId).map((t) => t.versionNumber)) + 1;
}

/**
 * UpdateVmVersionCommand on a down VM: same id, name, pool and permissions; the version's settings
 * (stateless kept as the pool decides), fresh thin disks and NICs from the version.
 */
export function rebuildFromVersion(engine: Engine, vm: VmRecord, version: TemplateRecord): boolean {
  const ctx = { engine } as Ctx;
  const store = engine.store;
  // UpdateVmVersionCommand removes the VM (RemoveVm) and adds it again from the version; RemoveVmCommand.validate
  // refuses a delete-protected VM (ACTION_TYPE_FAILED_DELETE_PROTECTION_ENABLED), so it keeps its version.
  if (vm.config.deleteProtected) {
    vm.nextRunTemplateId = undefined;
    store.put("vm", vm);
    return false;
  }
  store.tx(() => {
    for (const d of disksOf(engine, { vmId: vm.id })) store.delete("disk", d.id);
    for (const n of store.list("nic").filter((nic) => nic.vmId === vm.id)) store.delete("nic", n.id);
    vm.templateId = version.id;
    vm.config = { ...version.config, description: "", stateless: vm.config.stateless };
    vm.nextRun = undefined;
    vm.nextRunTemplateId = undefined;
    vm.status = "image_locked";
    vm.opSeq += 1;
    store.put("vm", vm);
    const jobId = engine.startJob(`Updating VM ${vm.name} version`);
    copyDisksFor(ctx, { templateId: version.id }, { vmId: vm.id }, "thin", new Map(), jobId);
    copyNics(ctx, { templateId: version.id }, { vmId: vm.id });
    engine.scheduler.schedule(engine.delay, "vm-unlock", { vmId: vm.id, jobId });
  });
  engine.scheduler.notify();
  return true;
}

/** VmDao.getVmIdsForVersionUpdate: down, following the latest version, and stateless or in a pool. */
function waitsForNewVersion(vm: VmRecord): boolean {
  return vm.status === "down" && vm.useLatestVersion === true && (vm.config.stateless || vm.poolId !== undefined);
}

/** AddVmTemplateCommand.updateVmVersion: a new version is ready; move the VMs waiting for it. */
export function onVersionReady(engine: Engine, version: TemplateRecord): void {
  const baseId = baseIdOf(version);
  if (baseId === version.id) return;
  for (const vm of engine.store.list("vm")) {
    const t = engine.store.get("template", vm.templateId);
    if (!t || baseIdOf(t) !== baseId || t.id === version.id || !waitsForNewVersion(vm)) continue;
    rebuildFromVersion(engine, vm, version);
  }
}

/** ProcessDownVm (pending template change) and RestoreStatelessVm (latest version) when a VM comes down. */
export function onVmDown(engine: Engine, vm: VmRecord): void {
  const fresh = engine.store.get("vm", vm.id);
  if (!fresh || fresh.status !== "down") return;
  if (fresh.nextRunTemplateId && fresh.nextRunTemplateId !== fresh.templateId) {
    const target = engine.store.get("template", fresh.nextRunTemplateId);
    fresh.nextRunTemplateId = undefined;
    if (target) rebuildFromVersion(engine, fresh, target);
    else engine.store.put("vm", fresh);
    return;
  }
  if (fresh.useLatestVersion && fresh.config.stateless) {
    const latest = latestVersion(engine, fresh.templateId);
    if (latest && latest.id !== fresh.templateId) rebuildFromVersion(engine, fresh, latest);
  }
}

/**
 * UpdateVmCommand's template-version path for one VM: a down VM is rebuilt now, a running one keeps
 * running and gets the change at its next cold stop. Returns "now" or "next-run".
 */
export function moveVmToVersion(engine: Engine, vm: VmRecord, version: TemplateRecord, useLatest: boolean): "now" | "next-run" | "unchanged" | "refused" {
  const wasLatest = vm.useLatestVersion;
  vm.useLatestVersion = useLatest;
  if (version.id === vm.templateId) {
    vm.nextRunTemplateId = undefined;
    engine.store.put("vm", vm);
    return "unchanged";
  }
  if (vm.status === "down") {
    if (rebuildFromVersion(engine, vm, version)) return "now";
    // UpdateVmVersion failed, so UpdateVm did not apply (the use-latest flag included).
    vm.useLatestVersion = wasLatest;
    engine.store.put("vm", vm);
    return "refused";
  }
  vm.nextRunTemplateId = version.id;
  engine.store.put("vm", vm);
  return "next-run";
}

export function registerVersionUpdates(engine: Engine): void {
  engine.onVmDown.push((vm) => onVmDown(engine, vm));
}

/**
 * PUT /vms/{id} with <template> or <use_latest_template_version> (UpdateVmCommand.validate): a move
 * within the lineage is for pool VMs only and ends the update (no other change is applied with it).
 * Returns true when the VM moved (now or at its next stop).
 */
export function updateVmTemplateFromBody(ctx: Ctx, vm: VmRecord, node: Node): boolean {
  const engine = ctx.engine;
  const raw = text(node, "use_latest_template_version");
  const useLatest = raw === undefined || raw === "" ? undefined : parseBool(raw, "use_latest_template_version");
  const templateRef = ref(node, "template");
  let target = templateRef && (templateRef.id || templateRef.name) ? resolveTemplate(ctx, templateRef) : undefined;
  // Switched to use-latest: the VM's template becomes the lineage's newest version.
  if (useLatest === true && vm.useLatestVersion !== true) target = latestVersion(engine, vm.templateId) ?? target;
  if (!target || target.id === vm.templateId) {
    if (useLatest !== undefined && useLatest !== (vm.useLatestVersion === true)) {
      vm.useLatestVersion = useLatest;
      engine.store.put("vm", vm);
    }
    return false;
  }
  const current = engine.store.get("template", vm.templateId);
  if (current && baseIdOf(current) !== baseIdOf(target)) throw badRequest(versionMessages.otherChain("edit", "VM"));
  // ACTION_TYPE_FAILED_TEMPLATE_ID_CANT_BE_CHANGED (its text is not in the sources read; worded from the key).
  if (!vm.poolId) throw badRequest("Cannot edit VM. Template ID can't be changed.");
  moveVmToVersion(engine, vm, target, useLatest ?? vm.useLatestVersion === true);
  return true;
}
