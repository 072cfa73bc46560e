// A pool follows its image in place (#23). What the engine does, read in ovirt-engine:
// - UpdateVmPoolCommand runs UpdateVm on each pool VM with the new template (or only the
//   use-latest flag); UpdateVmCommand.validate refuses a template of another lineage
//   (ACTION_TYPE_FAILED_TEMPLATE_IS_ON_DIFFERENT_CHAIN), so the provider's check does too, naming
//   `template`, before anything is sent.
// - A desktop that is down is rebuilt from the version at once (UpdateVmVersionCommand: same id,
//   new disks); a running one gets a next-run configuration and moves when it comes down
//   (ProcessDownVmCommand). A stateful pool's desktops lose their users' changes then: their disks
//   are made again from the version.
// - `rollout: "idle-now"`: after the update, the running desktops with a pending version that no
//   user holds (no user permission on the VM: a taken pool desktop carries its user's) and nobody
//   is connected to (`/vms/{id}/sessions`) are stopped and started again; busy ones wait.

import type { EngineClient, Template, Vm, VmPool } from "../engine/index.ts";
import { isEngineError } from "../engine/index.ts";
import { isKnown } from "./check.ts";
import type { PoolInputs, VmTemplateVersion } from "../shapes.generated.ts";
import type { CheckFailure, CheckResult, Old, ResourceContext } from "./types.ts";
import { PropertyError } from "./types.ts";
import { resolveNameForInput } from "./refs.ts";
import { versionOf } from "./template.ts";
import { waitOptions } from "./waits.ts";

export const ROLLOUTS = ["next-start", "idle-now"] as const;

/** The newest version of a lineage (what use-latest moves to), by the base's id. */
export async function latestOfLineage(engine: EngineClient, base: Template): Promise<Template> {
  const named = await engine.templatesNamed(base.name);
  const lineage = named.filter((t) => versionOf(t).baseTemplateId === base.id);
  return lineage.reduce((a, b) => (versionOf(b).versionNumber > versionOf(a).versionNumber ? b : a), base);
}

function otherLineageFailure(pool: string, target: Template, current: Template): CheckFailure {
  return {
    property: "template",
    reason:
      `\`template\`: the engine cannot move pool ${pool}'s desktops to ${target.name} (${target.id}): it is not a version of ${current.name}, ` +
      `the pool's template lineage (UpdateVm refuses a template of another base). Give a version of ${current.name} (a Template with \`baseTemplate\`), ` +
      `or replace the pool by giving it a new \`name\` (its desktops are deleted and made again).`,
  };
}

const names = (vms: Vm[]) => vms.map((vm) => vm.name).sort().join(", ");

/** The target of a move as the plan names it: a template read from the engine, or one not made yet. */
type MoveTarget = { template: Template } | { laterVersionOf: Template };

function targetText(target: MoveTarget): string {
  if ("laterVersionOf" in target) {
    return `the new template once it is made (it must be a version of ${target.laterVersionOf.name}: another lineage fails the apply naming \`template\`)`;
  }
  const { versionNumber, versionName } = versionOf(target.template);
  return `${target.template.name} version ${versionNumber}${versionName ? ` (${versionName})` : ""}`;
}

/** What the move does to each desktop, for the plan. */
function moveWarnings(pool: VmPool, vms: Vm[], target: MoveTarget, rollout: unknown): CheckFailure[] {
  const moving = "template" in target ? vms.filter((vm) => vm.template?.id !== target.template.id) : vms;
  if (moving.length === 0) return [];
  const now = moving.filter((vm) => vm.status === "down");
  const later = moving.filter((vm) => vm.status !== "down");
  const when = [
    now.length > 0 ? `${now.length} now (down: ${names(now)})` : "",
    later.length > 0
      ? `${later.length} at their next start (running: ${names(later)})` +
        (rollout === "idle-now" ? `; with rollout idle-now, those nobody holds or is connected to are restarted right after the update` : "")
      : "",
  ].filter((s) => s !== "");
  const warnings: CheckFailure[] = [{
    property: "template",
    reason: `Pool ${pool.name}: ${moving.length} of ${vms.length} desktops move to ${targetText(target)}: ${when.join("; ")}. The VMs keep their ids.`,
  }];
  if (pool.stateful) {
    warnings.push({ property: "template", reason: `Pool ${pool.name} is stateful: ${names(moving)} lose their users' changes when they move (the engine makes their disks again from the new version).` });
  }
  const held = moving.filter((vm) => vm.delete_protected);
  if (held.length > 0) {
    warnings.push({
      property: "template",
      reason: `Pool ${pool.name}: ${names(held)} are delete-protected (\`deleteProtected\` is true on their VMs): the engine cannot rebuild them from the new version, so the apply will refuse this move and change nothing until the protection is lifted.`,
    });
  }
  return warnings;
}

/** The inputs a template move is judged on (the pool's). */
type MoveInputs = Pick<PoolInputs, "name" | "template" | "useLatestTemplateVersion" | "rollout">;

/**
 * At check: a template change (or use-latest switched on) on an existing pool, judged against the
 * engine: another lineage is a failure naming `template`; a move says what happens to each desktop.
 */
export async function checkTemplateMove<I extends MoveInputs>(result: CheckResult<I>, olds: Old<Partial<MoveInputs>>, ctx: ResourceContext): Promise<CheckResult<I>> {
  const engine = ctx.engine;
  const news = result.inputs;
  if (!engine || result.failures.length > 0 || typeof olds.name !== "string" || olds.name !== news.name) return result;
  // Unknown at preview: a version this same deployment makes first (`template: v2.id`).
  const templateChanges = olds.template !== undefined && (!isKnown(news.template) || (typeof news.template === "string" && olds.template !== news.template));
  const latestOn = news.useLatestTemplateVersion === true && olds.useLatestTemplateVersion !== true;
  if (!templateChanges && !latestOn) return result;
  const pool = await engine.findPoolByName(olds.name);
  const currentId = pool?.template?.id;
  const current = currentId ? await engine.getTemplate(currentId) : undefined;
  if (!pool || !current) return result;
  if (!isKnown(news.template)) {
    const warnings = moveWarnings(pool, await engine.listPoolVms(pool.id), { laterVersionOf: current }, news.rollout);
    return { ...result, warnings: [...(result.warnings ?? []), ...warnings] };
  }
  let target = await engine.resolveTemplate(news.template as string).catch((err: unknown) => {
    if (isEngineError(err) && err.kind === "not_found") return undefined; // warned by checkInEngine
    throw err;
  });
  if (!target) return result;
  if (versionOf(target).baseTemplateId !== versionOf(current).baseTemplateId) {
    return { ...result, failures: [...result.failures, otherLineageFailure(pool.name, target, current)] };
  }
  if (news.useLatestTemplateVersion === true) {
    const base = await engine.getTemplate(versionOf(current).baseTemplateId);
    if (base) target = await latestOfLineage(engine, base);
  }
  const warnings = moveWarnings(pool, await engine.listPoolVms(pool.id), { template: target }, news.rollout);
  return { ...result, warnings: [...(result.warnings ?? []), ...warnings] };
}

/**
 * The `template` input read back: a pool or VM that follows the latest version moves within its
 * lineage by itself, which is no drift; else as refs.ts says.
 */
export async function templateInput(engine: EngineClient, oldInputs: Old<Partial<Pick<PoolInputs, "template" | "useLatestTemplateVersion">>>, oldId: unknown, currentId: string | undefined): Promise<string> {
  const oldInput = oldInputs.template;
  if (oldInputs.useLatestTemplateVersion === true && typeof oldInput === "string" && typeof oldId === "string" && currentId && oldId !== currentId) {
    const [was, now] = await Promise.all([engine.getTemplate(oldId), engine.getTemplate(currentId)]);
    if (was && now && versionOf(was).baseTemplateId === versionOf(now).baseTemplateId) return oldInput;
  }
  return resolveNameForInput(oldInput, oldId, currentId, (tid) => engine.resolveTemplate(tid));
}

/**
 * At apply, before anything is sent: a move that would reach a delete-protected desktop is refused
 * naming them. The engine rebuilds a desktop from a version by removing it and adding it again
 * (UpdateVmVersionCommand), and RemoveVmCommand.validate refuses a protected VM
 * (ACTION_TYPE_FAILED_DELETE_PROTECTION_ENABLED); UpdateVmPoolCommand has no check of its own, so
 * it would save the pool and move the other desktops first, leaving the pool half moved.
 * `targetId` undefined: use-latest switched on, which moves the desktops to the lineage's newest version.
 */
export async function refuseHeldBackMove(engine: EngineClient, poolId: string, poolName: string, targetId: string | undefined): Promise<void> {
  const vms = await engine.listPoolVms(poolId);
  const target = targetId ?? (await newestForPool(engine, poolId));
  const held = vms.filter((vm) => vm.delete_protected === true && (target === undefined || vm.template?.id !== target));
  if (held.length === 0) return;
  throw new PropertyError(
    "template",
    `\`template\`: pool ${poolName} was not moved, and nothing was changed: its desktops ${names(held)} are delete-protected (\`deleteProtected\` is true on their VMs), ` +
      "and the engine rebuilds a desktop from a new version by removing it and adding it again, which it refuses for a protected VM. " +
      "Set `deleteProtected` to false on those desktops, then apply again.",
  );
}

/** The newest version of the pool's template lineage (what use-latest moves its desktops to). */
async function newestForPool(engine: EngineClient, poolId: string): Promise<string | undefined> {
  const templateId = (await engine.getPool(poolId))?.template?.id;
  const current = templateId ? await engine.getTemplate(templateId) : undefined;
  const base = current ? await engine.getTemplate(versionOf(current).baseTemplateId) : undefined;
  return base ? (await latestOfLineage(engine, base)).id : templateId;
}

/** At apply: the engine's refusal of a template change, as an error naming `template`. */
export function templateRefusal(error: unknown, poolName: string): never {
  if (isEngineError(error) && error.status === 400 && /template/i.test(error.message)) {
    throw new PropertyError("template", `\`template\`: the engine refused to move pool ${poolName} to it: ${error.message} Give a version of the pool's template, or a new \`name\` to replace the pool.`);
  }
  throw error;
}

/** Each desktop's version now and pending (its next-run configuration's template). */
export async function vmTemplateVersions(engine: EngineClient, vms: Vm[]): Promise<VmTemplateVersion[]> {
  const numbers = new Map<string, number>();
  const numberOf = async (id: string | undefined) => {
    if (!id) return 0;
    if (!numbers.has(id)) numbers.set(id, versionOf((await engine.getTemplate(id)) ?? ({ id } as Template)).versionNumber);
    return numbers.get(id) ?? 0;
  };
  const rows: VmTemplateVersion[] = [];
  for (const vm of [...vms].sort((a, b) => a.name.localeCompare(b.name))) {
    const row: VmTemplateVersion = { vmName: vm.name, vmId: vm.id, templateId: vm.template?.id ?? "", versionNumber: await numberOf(vm.template?.id) };
    if (vm.next_run_configuration_exists) {
      const pending = (await engine.getVm(vm.id, { nextRun: true }))?.template?.id;
      if (pending && pending !== vm.template?.id) Object.assign(row, { pendingTemplateId: pending, pendingVersionNumber: await numberOf(pending) });
    }
    rows.push(row);
  }
  return rows;
}

/** True when a user holds the desktop (a user permission on it) or is connected to it. */
async function isBusy(engine: EngineClient, vm: Vm): Promise<boolean> {
  const permissions = await engine.listPermissions({ kind: "vm", id: vm.id });
  if (permissions.some((p) => p.user?.id !== undefined)) return true;
  return (await engine.listVmSessions(vm.id)).length > 0;
}

/** `idle-now`: restarts the running desktops with a pending version that nobody holds; returns which restarted and which wait. */
export async function rollOutIdleNow(engine: EngineClient, poolId: string, ctx: ResourceContext): Promise<{ restarted: string[]; waiting: string[] }> {
  const restarted: string[] = [];
  const waiting: string[] = [];
  for (const vm of await engine.listPoolVms(poolId)) {
    if (vm.status === "down" || !vm.next_run_configuration_exists) continue;
    if (await isBusy(engine, vm)) {
      waiting.push(vm.name);
      continue;
    }
    await engine.stopVm(vm.id);
    // Down, the engine rebuilds it from the pending version (image_locked while it copies).
    await engine.waitForVm(vm.id, ["down"], waitOptions(ctx));
    await engine.startVm(vm.id);
    restarted.push(vm.name);
  }
  return { restarted: restarted.sort(), waiting: waiting.sort() };
}

/** Desktops still waiting for a pending version (running with a next-run configuration). */
export const waitingDesktops = (rows: readonly VmTemplateVersion[]): string[] => rows.filter((r) => r.pendingTemplateId !== undefined).map((r) => String(r.vmName)).sort();
