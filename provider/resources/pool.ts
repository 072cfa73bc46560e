// ovirt:index:Pool — a pool of identical desktops made from a template.
//
// The engine is strict about pools, and the plan says so before anything is sent:
// - it only ever grows a pool: a smaller `size` is refused at check time (naming `size`), unless
//   the pool is being replaced anyway. Refusing is the data-safe choice: a replacement would
//   delete every desktop in the pool;
// - it cannot rename a pool or change its type, statefulness or cluster, and it applies
//   the VMs' display settings (smartcard!) only when the pool is created: all of these are
//   replacements (schema.json marks them `replaceOnChanges`); pool names are global, so the old
//   pool goes first when the name stays;
// - `prestartedVms` can never exceed `size`;
// - `template` moves in place to another version of the same lineage, and `useLatestTemplateVersion`
//   follows the newest (poolVersions.ts: what the engine does per desktop, the plan's warnings,
//   `rollout: "idle-now"`); another lineage is refused at check, naming `template`.
// `groups` beside `users` (groups.ts).
// Outputs: `poolId`, `vmNames`, `consoleDescription` and `domainXml` of the pool's desktops,
// `vmTemplateVersions` (each desktop's version now and pending), `rolloutRestarted`/`rolloutWaiting`.

import type { EngineClient, Vm, VmBase, VmPool, VmPoolCreate, VmPoolUpdate } from "../engine/index.ts";
import type { PoolInputs as Inputs, PoolState as State, PoolType } from "../shapes.generated.ts";
import { waitFor } from "../engine/index.ts";
import { replaceOnChangesProperties } from "../schema.ts";
import { initializationFromEngine, initializationRules, initializationToEngine } from "./initialization.ts";
import { poolStatelessHaRule } from "./statelessRuns.ts";
import { atLeast, checkInputs, isKnown, notBlank, oneOfNumbers, VALID_MONITORS, type CheckRule } from "./check.ts";
import { creationMarker, goneDuringUpdate, requireEngine, SETTLED_STATUSES } from "./context.ts";
import { changedProperties, diffInputs } from "./diff.ts";
import { checkInEngine, resolveLink } from "./engineChecks.ts";
import {
  desktopConsoleDescription, DISPLAY_PROPERTIES, displayFromEngine, displayOf, displayToEngine, domainXmlFor, MIB, shapeFromEngine, smartcardRule,
} from "./display.ts";
import { resolveNameForInput } from "./refs.ts";
import type { CheckFailure, ResourceContext, Resource } from "./types.ts";
import { failureSaying, PartialFailure, UNKNOWN } from "./types.ts";
import { HintedError, say } from "../hints.ts";
import { checkUsers, managesUsers, syncUsers, withUsersFromEngine } from "./users.ts";
import { checkGroups, syncGroups, withGroupsFromEngine } from "./groups.ts";
import { removeAddedPrincipals, withAdded } from "./principals.ts";
import { checkTemplateMove, refuseHeldBackMove, rollOutIdleNow, ROLLOUTS, templateInput, templateRefusal, vmTemplateVersions, waitingDesktops } from "./poolVersions.ts";
import { messageOf, waitOptions } from "./waits.ts";
import {
  desktopFromEngine, desktopProperties, headlessFromEngine, unmanagedNow, desktopRule, desktopToEngine, needsAllContent, topologyFromInputs,
} from "./desktop.ts";

const TOKEN = "ovirt:index:Pool";
const BLANK_TEMPLATE_ID = "00000000-0000-0000-0000-000000000000";
/** Pool VMs appear one by one; a short poll keeps a fast engine (or the emulator) fast. */
const POOL_POLL_INTERVAL_MS = 500;

/** The pool VM settings that are optional inputs: left out, the pool's VMs take the template's. */
const VM_SETTING_PROPERTIES = ["memoryMb", "cpuCores", "vmType", "usbEnabled"] as const;

const rules: CheckRule[] = [
  notBlank("name"),
  notBlank("cluster"),
  notBlank("template"),
  (inputs) => {
    const template = inputs.template;
    if (typeof template === "string" && (template.toLowerCase() === "blank" || template === BLANK_TEMPLATE_ID)) {
      return [failureSaying("template", say`\`template\` cannot be Blank: the engine makes pool VMs from a template with a disk. Give a template created for the pool (an ${{ kind: "resource", token: "ovirt:index:Template" }}).`)];
    }
    return [];
  },
  atLeast("size", 1, "the engine cannot create a pool with 0 VMs."),
  atLeast("prestartedVms", 0, "it counts VMs to keep started."),
  atLeast("maxUserVms", 1, "each user must be able to take at least one VM."),
  atLeast("memoryMb", 1, "a VM needs memory."),
  atLeast("cpuCores", 1, "a VM needs at least one CPU core."),
  (inputs) => {
    const { size, prestartedVms } = inputs;
    if (typeof size === "number" && typeof prestartedVms === "number" && prestartedVms > size) {
      return [{ property: "prestartedVms", reason: `\`prestartedVms\` (${prestartedVms}) cannot exceed \`size\` (${size}): the engine can only prestart VMs the pool has. Lower prestartedVms or raise size.` }];
    }
    return [];
  },
  oneOfNumbers("monitors", VALID_MONITORS, "the engine supports 1, 2 or 4 SPICE monitors."),
  // Without vmType / usbEnabled the template's apply; the high-performance rule then needs them given.
  smartcardRule({ vmType: "desktop", usbEnabled: true }),
  initializationRules,
  (inputs) => {
    const rollout = inputs.rollout;
    if (rollout === undefined || !isKnown(rollout) || (ROLLOUTS as readonly unknown[]).includes(rollout)) return [];
    return [{ property: "rollout", reason: `\`rollout\` is "next-start" (a running desktop moves to a new version at its next start) or "idle-now" (the idle ones are restarted at once), not ${JSON.stringify(rollout)}.` }];
  },
  poolStatelessHaRule,
];

/** A pool that stays (no replacement) can only grow: refuse a shrink, naming `size`. */
function shrinkFailure(oldInputs: Partial<Inputs>, news: Inputs): CheckFailure | undefined {
  const oldSize = oldInputs.size;
  const newSize = news.size;
  if (typeof oldSize !== "number" || typeof newSize !== "number" || newSize >= oldSize) return undefined;
  if (changedProperties(oldInputs, news, replaceOnChangesProperties(TOKEN)).length > 0) return undefined;
  return {
    property: "size",
    reason:
      `\`size\` cannot go down from ${oldSize} to ${newSize}: the engine can only add VMs to a pool, never remove them. ` +
      `Keep size at ${oldSize} or more; for a smaller pool, replace it (for example under a new \`name\`), which deletes its desktops and creates new ones.`,
  };
}

/** The engine's name for the pool's first VM: a run of `?` becomes a zero-padded number, else `<pool>-1`. */
export function firstPoolVmName(poolName: string): string {
  const run = /\?+/.exec(poolName);
  if (!run) return `${poolName}-1`;
  return poolName.slice(0, run.index) + "1".padStart(run[0].length, "0") + poolName.slice(run.index + run[0].length);
}

/** Outputs computable from the inputs alone (preview): the XML only when every VM setting is given. */
function previewOutputs(inputs: Inputs, poolId: string, vmNames: string[]): Omit<State, "clusterId" | "templateId"> {
  const name = inputs.name;
  return {
    ...inputs,
    poolId,
    vmNames,
    vmTemplateVersions: isKnown(poolId) ? [] : UNKNOWN,
    consoleDescription: desktopConsoleDescription(inputs),
    domainXml: domainXmlFor({
      name: isKnown(name) ? firstPoolVmName(name) : UNKNOWN,
      memoryMb: inputs.memoryMb, cpuCores: inputs.cpuCores, vmType: inputs.vmType, usbEnabled: inputs.usbEnabled,
      display: displayOf(inputs), desktop: inputs,
    }),
  };
}

/** Settings for the pool's VMs (honoured by the engine at creation only). */
function poolVmSettings(inputs: Inputs): VmBase {
  const vm: VmBase = { display: displayToEngine(inputs) };
  if (inputs.memoryMb !== undefined) vm.memory = inputs.memoryMb * MIB;
  if (inputs.cpuCores !== undefined) vm.cpu = { topology: topologyFromInputs(inputs) };
  if (inputs.vmType !== undefined) vm.type = inputs.vmType;
  if (inputs.usbEnabled !== undefined) vm.usb = { enabled: inputs.usbEnabled };
  const initialization = initializationToEngine(inputs.initialization);
  if (initialization) vm.initialization = initialization;
  return desktopToEngine("pool", inputs, vm);
}

/** Waits until the pool has `size` VMs and every one of them has settled (none is still being copied). */
async function waitForPoolVms(engine: EngineClient, pool: { id: string; name: string }, size: number, ctx: ResourceContext): Promise<Vm[]> {
  return waitFor<Vm[]>({
    entity: `pool ${pool.name}`,
    entityId: pool.id,
    goal: `have ${size} settled VMs`,
    intervalMs: POOL_POLL_INTERVAL_MS,
    ...waitOptions(ctx),
    poll: async () => {
      const vms = await engine.listPoolVms(pool.id);
      const settled = vms.filter((vm) => SETTLED_STATUSES.includes(vm.status)).length;
      return { done: vms.length >= size && settled === vms.length, value: vms, status: `${vms.length} VMs, ${settled} settled` };
    },
  });
}

async function readPool(engine: EngineClient, id: string, olds: Partial<Pick<State, "clusterId" | "templateId" | "rolloutRestarted" | "addedPrincipals">>, oldInputs: Partial<Inputs>) {
  const pool: VmPool | undefined = await engine.getPool(id);
  if (!pool) return undefined;
  const vms = await engine.listPoolVms(id);
  const vmNames = vms.map((vm) => vm.name).sort();
  // The engine embeds one pool VM in the pool: the pool's effective VM settings.
  // soundcard_enabled and tpm_enabled come only with All-Content, which only a VM's own read has.
  const allContent = needsAllContent("pool", oldInputs) && vms[0] !== undefined;
  const vmSettings: VmBase | undefined = (allContent ? undefined : pool.vm) ?? (vms[0] ? await engine.getVm(vms[0].id, { allContent }) : undefined);

  let inputs: Inputs = {
    name: pool.name,
    cluster: await resolveNameForInput(oldInputs.cluster, olds.clusterId, pool.cluster?.id, (cid) => engine.resolveCluster(cid)),
    template: await templateInput(engine, oldInputs, olds.templateId, pool.template?.id),
    size: pool.size,
    prestartedVms: pool.prestarted_vms ?? 0,
    maxUserVms: pool.max_user_vms ?? 1,
    // The engine's pool types are the schema's enum values.
    poolType: (pool.type ?? "automatic") as PoolType,
    stateful: pool.stateful ?? false,
    // The engine has no rollout: the program's choice stands.
    rollout: oldInputs.rollout ?? "next-start",
    ...displayFromEngine(vmSettings?.display, oldInputs),
    ...(vmSettings ? desktopFromEngine("pool", vmSettings, oldInputs) : {}),
    ...(vmSettings ? headlessFromEngine(vmSettings.display, oldInputs) : (oldInputs.headless !== undefined ? { headless: oldInputs.headless } : {})),
    ...poolDesktopFromEngine(pool, oldInputs),
  };
  if ((pool.description ?? "") !== "" || oldInputs.description !== undefined) inputs.description = pool.description ?? "";
  // VM settings the user chose are read back; those left to the template stay unset.
  if (vmSettings) {
    const shape = shapeFromEngine("", vmSettings);
    if (oldInputs.memoryMb !== undefined && shape.memoryMb !== undefined) inputs.memoryMb = shape.memoryMb;
    if (oldInputs.cpuCores !== undefined && shape.cpuCores !== undefined) inputs.cpuCores = shape.cpuCores;
    if (oldInputs.vmType !== undefined && shape.vmType !== undefined) inputs.vmType = shape.vmType;
    if (oldInputs.usbEnabled !== undefined && shape.usbEnabled !== undefined) inputs.usbEnabled = shape.usbEnabled;
  }
  // The pool VMs' initialization, as for a Vm: managed when the inputs set it, all of it on import.
  if (oldInputs.initialization !== undefined || Object.keys(oldInputs).length === 0) {
    const initialization = initializationFromEngine(vmSettings?.initialization, oldInputs.initialization);
    if (initialization) inputs.initialization = initialization;
  }
  if (oldInputs.useLatestTemplateVersion !== undefined || pool.use_latest_template_version === true) inputs.useLatestTemplateVersion = pool.use_latest_template_version ?? false;
  inputs = await withUsersFromEngine(engine, { kind: "pool", id }, inputs, oldInputs);
  inputs = (await withGroupsFromEngine(engine, { kind: "pool", id }, inputs, oldInputs));
  const versions = (await vmTemplateVersions(engine, vms));
  const xmlName = vmNames[0] ?? firstPoolVmName(pool.name);
  const outputs: State = {
    ...inputs,
    poolId: pool.id,
    clusterId: pool.cluster?.id ?? olds.clusterId ?? "",
    templateId: pool.template?.id ?? olds.templateId ?? "",
    vmNames,
    consoleDescription: desktopConsoleDescription(inputs),
    domainXml: vmSettings ? domainXmlFor({ ...shapeFromEngine(xmlName, vmSettings), desktop: inputs }) : UNKNOWN,
    vmTemplateVersions: versions,
    rolloutRestarted: olds.rolloutRestarted ?? [],
    rolloutWaiting: waitingDesktops(versions),
    addedPrincipals: olds.addedPrincipals ?? [],
  };
  return { pool, inputs, outputs };
}

/** The pool's own settings (not its VMs'): autoStorageSelect and the SPICE proxy. */
function poolDesktopFromEngine(pool: VmPool, oldInputs: Partial<Inputs>): Partial<Inputs> {
  const importing = Object.keys(oldInputs).length === 0;
  const read: Partial<Inputs> = {};
  const auto = pool.auto_storage_select ?? false;
  if (oldInputs.autoStorageSelect !== undefined || (importing && auto)) read.autoStorageSelect = auto;
  const proxy = pool.display?.proxy ?? "";
  if (oldInputs.spiceProxy !== undefined || (importing && proxy !== "")) read.spiceProxy = proxy;
  return read;
}

/**
 * What the provider sets on each desktop itself, after the engine made them (create, growth):
 * - headless: the REST API's AddVmPool takes no graphics-device list (the admin portal's pool
 *   dialog sends an empty one, which CommonVmPoolCommand.buildAddVmParameters copies into each
 *   AddVm), so the pool VMs get the template's consoles, which are removed here;
 * - deleteProtected: UpdateVmPoolCommand changes the pool, not its VMs' settings, while
 *   VmBase.deleteProtected is an @EditableVmField the engine saves at once whatever the VM's
 *   status: each desktop that differs is updated (UpdateVm), which keeps the setting in place.
 */
async function fitDesktops(engine: EngineClient, inputs: Inputs, vms: readonly Vm[]): Promise<void> {
  for (const vm of vms) {
    if (inputs.deleteProtected !== undefined && (vm.delete_protected ?? false) !== inputs.deleteProtected) {
      await engine.updateVm(vm.id, { delete_protected: inputs.deleteProtected });
    }
    if (inputs.headless === undefined) continue;
    const consoles = await engine.listGraphicsConsoles(vm.id);
    if (inputs.headless) {
      for (const console of consoles) await engine.removeGraphicsConsole(vm.id, console.id);
    } else if (consoles.length === 0) {
      // Copied from a headless template: `headless: false` gives the desktop the program's console.
      await engine.addGraphicsConsole(vm.id, (inputs.displayType ?? "spice") as "spice" | "vnc");
    }
  }
}

function deleteProtectedError(pool: VmPool, vms: readonly Vm[]): Error {
  const names = vms.map((vm) => vm.name).sort().join(", ");
  return new HintedError(
    say`Pool ${pool.name} (${pool.id}) has delete-protected desktops (${names}; \`deleteProtected\` is true): the engine refuses to remove them, and nothing was stopped or removed. Set \`deleteProtected\` to false (it changes in place on every desktop), ${{ kind: "apply-again" }}, then destroy it.`,
  );
}

/** Why the engine cannot make a change in place, for the replace warning. */
function whyReplaced(property: string): string {
  if (property === "name") return "the engine cannot rename a pool";
  if (property === "initialization") return "the engine gives a pool's VMs their initialization only when it creates them";
  if (property === "autoStorageSelect") return "the engine cannot change a pool's autoStorageSelect";
  if ([...desktopProperties("pool"), "headless"].includes(property)) {
    return `the engine gives a pool's VMs their ${property} only when it creates them; to change it without replacing the pool, set it on the template, publish a new template version and move the pool to it`;
  }
  if ((VM_SETTING_PROPERTIES as readonly string[]).includes(property) || (DISPLAY_PROPERTIES as readonly string[]).includes(property)) {
    return "the engine applies a pool's VM and display settings (smartcard included) only when it creates the pool's VMs";
  }
  return `the engine cannot change a pool's ${property}`;
}

/**
 * What the plan should say about a replaced pool: why, and that every desktop goes with the old
 * pool (users' sessions too), and when: first when the name stays (pool names are unique), so the
 * users have no desktop until the new pool is up; a rename keeps the old pool until the new one is.
 */
function replaceWarning(olds: State, oldInputs: Inputs, news: Inputs, replaces: string[], deleteFirst: boolean): string {
  const name = oldInputs.name ?? olds.name;
  const vmNames = Array.isArray(olds.vmNames) ? olds.vmNames : [];
  const desktops = vmNames.length > 0 ? `all ${vmNames.length} of its desktops (${vmNames.join(", ")})` : "all of its desktops";
  const reasons = [...new Set(replaces.map(whyReplaced))];
  const when = deleteFirst
    ? `The old pool goes first (pool names are unique), so users have no desktop from it until the new pool's VMs are up. ` +
      `To roll out without a gap, add a second pool under a new name, move the users to it, then remove this one.`
    : `The new pool ${news.name} is created first; the old one goes once it is up.`;
  return `Replacing pool ${name} (changed: ${replaces.join(", ")}; ${reasons.join("; ")}) deletes ${desktops}, and ends the sessions of users on them. ${when}`;
}

/** The template part of a pool update: a new version (same lineage) and the use-latest flag. True when desktops may move. */
async function templatePatch(engine: EngineClient, oldInputs: Inputs, news: Inputs, patch: VmPoolUpdate): Promise<boolean> {
  if (oldInputs.template !== news.template) {
    patch.template = { id: (await resolveLink("template", news.template, (name) => engine.resolveTemplate(name))).id };
  }
  if ((oldInputs.useLatestTemplateVersion ?? false) !== (news.useLatestTemplateVersion ?? false)) {
    patch.use_latest_template_version = news.useLatestTemplateVersion === true;
  }
  return patch.template !== undefined || patch.use_latest_template_version === true || news.useLatestTemplateVersion === true;
}

export const poolResource: Resource<Inputs, State> = {
  token: TOKEN,
  label: "Pool",

  async check({ news, olds }, ctx) {
    const result = await checkInputs<Inputs>(TOKEN, news, [...rules, desktopRule(news, olds)]);
    if (result.failures.length === 0) {
      const shrink = shrinkFailure(olds, result.inputs);
      if (shrink) result.failures.push(shrink);
    }
    const checked = await checkInEngine(result, olds, ctx, {
      kind: "pool", token: TOKEN, links: ["cluster", "template"], findByName: (engine, name) => engine.findPoolByName(name),
    });
    return checkTemplateMove(await checkGroups(await checkUsers(checked, ctx), ctx), olds, ctx);
  },

  async diff({ olds, news, oldInputs }) {
    const shrink = shrinkFailure({ ...olds, ...oldInputs }, news);
    // Check refuses this already; never plan an update the engine would reject.
    if (shrink) throw new Error(shrink.reason);
    const ignore = unmanagedNow([...desktopProperties("pool"), "headless", "autoStorageSelect", "spiceProxy"], news);
    const diff = diffInputs(TOKEN, olds, oldInputs, news, { uniqueName: true, ignore });
    if (diff.replaces.length > 0) diff.warnings = [replaceWarning(olds, oldInputs, news, diff.replaces, diff.deleteBeforeReplace)];
    return diff;
  },

  async create({ inputs }, ctx) {
    if (ctx.preview) return { id: "", outputs: { ...previewOutputs(inputs, UNKNOWN, UNKNOWN), clusterId: UNKNOWN, templateId: UNKNOWN } };
    const engine = requireEngine(ctx, `create pool ${inputs.name}`);
    const cluster = await resolveLink("cluster", inputs.cluster, (name) => engine.resolveCluster(name));
    const template = await resolveLink("template", inputs.template, (name) => engine.resolveTemplate(name));
    const request: VmPoolCreate = {
      name: inputs.name,
      comment: creationMarker(ctx),
      cluster: { id: cluster.id },
      template: { id: template.id },
      size: inputs.size,
      prestarted_vms: inputs.prestartedVms,
      max_user_vms: inputs.maxUserVms,
      type: inputs.poolType,
      stateful: inputs.stateful,
      vm: poolVmSettings(inputs),
    };
    if (inputs.autoStorageSelect !== undefined) request.auto_storage_select = inputs.autoStorageSelect;
    if (inputs.spiceProxy !== undefined) request.display = { proxy: inputs.spiceProxy };
    if (inputs.description !== undefined) request.description = inputs.description;
    if (inputs.useLatestTemplateVersion !== undefined) request.use_latest_template_version = inputs.useLatestTemplateVersion;
    const pool = await engine.createPool(request);
    const ids = { clusterId: cluster.id, templateId: template.id };
    const added: string[] = [];
    try {
      await fitDesktops(engine, inputs, await waitForPoolVms(engine, pool, inputs.size, ctx));
      if (inputs.users !== undefined && managesUsers(inputs)) added.push(...(await syncUsers(engine, { kind: "pool", id: pool.id }, inputs.users)));
      if (inputs.groups !== undefined) added.push(...(await syncGroups(engine, { kind: "pool", id: pool.id }, inputs.groups)));
      const read = await readPool(engine, pool.id, { ...ids, addedPrincipals: withAdded([], added) }, inputs);
      if (!read) throw new Error("it disappeared right after creation");
      return { id: pool.id, outputs: read.outputs };
    } catch (error) {
      throw new PartialFailure(pool.id, { ...previewOutputs(inputs, pool.id, []), ...ids, addedPrincipals: withAdded([], added) }, [
        say`Pool ${inputs.name} was created (id ${pool.id}) but is not ready: ${messageOf(error)}. ${{ kind: "kept" }}`,
      ]);
    }
  },

  async read({ id, olds, oldInputs }, ctx) {
    const engine = requireEngine(ctx, `read pool ${id}`);
    const read = await readPool(engine, id, olds, oldInputs);
    if (!read) return undefined;
    const drifted = Object.keys(oldInputs).length > 0 ? changedProperties(oldInputs, read.inputs, Object.keys(read.inputs)) : [];
    if (drifted.length > 0) ctx.log(`Pool ${read.pool.name} (${id}) changed in the engine since the last read: ${drifted.join(", ")}`);
    return { id, outputs: read.outputs, inputs: read.inputs };
  },

  async update({ id, olds, news, oldInputs }, ctx) {
    if (ctx.preview) {
      const sizeChanges = oldInputs.size !== news.size;
      const moves = changedProperties(oldInputs, news, ["template", "useLatestTemplateVersion"]).length > 0;
      return {
        ...news,
        poolId: olds.poolId ?? id,
        clusterId: olds.clusterId,
        templateId: moves ? UNKNOWN : olds.templateId,
        vmNames: sizeChanges ? UNKNOWN : olds.vmNames,
        consoleDescription: olds.consoleDescription,
        domainXml: olds.domainXml,
        vmTemplateVersions: moves || sizeChanges ? UNKNOWN : olds.vmTemplateVersions,
        rolloutRestarted: moves ? UNKNOWN : olds.rolloutRestarted,
        rolloutWaiting: moves || sizeChanges ? UNKNOWN : olds.rolloutWaiting,
        // Users and groups the update may add from the directory are known only at apply.
        addedPrincipals: news.users !== undefined || news.groups !== undefined ? UNKNOWN : olds.addedPrincipals,
      };
    }
    const engine = requireEngine(ctx, `update pool ${id}`);
    const patch: VmPoolUpdate = {};
    if (oldInputs.size !== news.size) patch.size = news.size;
    if (oldInputs.prestartedVms !== news.prestartedVms) patch.prestarted_vms = news.prestartedVms;
    if (oldInputs.maxUserVms !== news.maxUserVms) patch.max_user_vms = news.maxUserVms;
    if (oldInputs.description !== news.description) patch.description = news.description ?? "";
    // The proxy is the pool's own display setting, which the engine changes in place.
    if (oldInputs.spiceProxy !== news.spiceProxy) patch.display = { proxy: news.spiceProxy ?? "" };
    const moves = await templatePatch(engine, oldInputs, news, patch);
    if (patch.template !== undefined || patch.use_latest_template_version === true) await refuseHeldBackMove(engine, id, news.name, patch.template?.id);
    if (Object.keys(patch).length > 0) await engine.updatePool(id, patch).catch((error: unknown) => templateRefusal(error, news.name));
    const rollout = moves && news.rollout === "idle-now" ? await rollOutIdleNow(engine, id, ctx) : undefined;
    try {
      if (patch.size !== undefined) await fitDesktops(engine, news, await waitForPoolVms(engine, { id, name: news.name }, patch.size, ctx));
      else if (changedProperties(oldInputs, news, ["deleteProtected"]).length > 0) await fitDesktops(engine, news, await engine.withFreshReads(() => engine.listPoolVms(id)));
    } catch (error) {
      const partial = await readPool(engine, id, olds, news).catch(() => undefined);
      const what = patch.size !== undefined ? "grew, but its new VMs are not ready" : "kept its desktops, but not all of them took the new deleteProtected";
      throw new PartialFailure(id, partial?.outputs ?? olds, [`Pool ${news.name} ${what}: ${messageOf(error)}.`]);
    }
    const added: string[] = [];
    const withAddedNow = () => ({ ...olds, addedPrincipals: withAdded(olds.addedPrincipals, added) });
    if (news.users !== undefined && managesUsers(news) && changedProperties(oldInputs, news, ["users"]).length > 0) {
      try {
        added.push(...(await syncUsers(engine, { kind: "pool", id }, news.users)));
      } catch (error) {
        const partial = await readPool(engine, id, withAddedNow(), news).catch(() => undefined);
        throw new PartialFailure(id, partial?.outputs ?? olds, [`The users of pool ${news.name} were only partly updated: ${messageOf(error)}.`]);
      }
    }
    // Also when unchanged: a group permission removed out of band is given back.
    if (news.groups !== undefined) added.push(...(await syncGroups(engine, { kind: "pool", id }, news.groups)));
    const read = await readPool(engine, id, { ...withAddedNow(), ...(rollout ? { rolloutRestarted: rollout.restarted } : {}) }, news);
    if (!read) throw goneDuringUpdate("Pool", news.name, id);
    return read.outputs;
  },

  async delete({ id, olds }, ctx) {
    const engine = requireEngine(ctx, `delete pool ${id}`);
    const pool = await engine.getPool(id);
    if (pool) {
      // Refuse before the engine starts: RemoveVmPoolCommand detaches and removes the VMs one by one,
      // and RemoveVmCommand refuses a protected one, leaving the pool half removed.
      const protectedVms = (await engine.withFreshReads(() => engine.listPoolVms(id))).filter((vm) => vm.delete_protected === true);
      if (protectedVms.length > 0) throw deleteProtectedError(pool, protectedVms);
      // The engine stops, detaches and removes the pool's VMs itself.
      await engine.deletePool(id);
      await engine.waitForPoolGone(id, waitOptions(ctx));
    }
    // Also when the pool was gone already: a destroy run again finishes this.
    await removeAddedPrincipals(engine, olds.addedPrincipals, `Pool ${olds.name ?? id}`, ctx.log);
  },
};
