// ovirt:index:Vm — a virtual desktop or server with its display and smartcard settings.
//
// - check: the schema, then the rules (smartcard only with SPICE and, on high-performance VMs,
//   with USB; 1, 2 or 4 monitors; positive memory and cores). Nothing reaches the engine.
// - diff: cluster or template change → replace (names are unique per data center, so the old VM
//   goes first when the name stays); everything else in place. A Down-only change on a running VM
//   also shows `pendingRestart` changing: the plan says the change waits for a restart.
// - create: resolve cluster and template to ids, create, wait until down, start when `running`.
//   Created but not ready by the deadline → PartialFailure (the id stays in state).
// - update: stop first when `running` turns false (so changes apply at once), update, start when
//   `running` turns true. On a running VM the engine keeps Down-only fields as the next-run
//   configuration: outputs show `pendingRestart: true`, and values are read back from next_run.
// - read: inputs and outputs from the engine (next-run configuration when one exists); a VM that
//   is gone reads as undefined.
// - delete: stop if running, delete, wait until gone (the engine removes the VM's disks and NICs with it).
// - disks and NICs (vmDisks.ts, vmNics.ts): applied after the VM exists and before it starts;
//   `cloneFromTemplate` is the engine's `clone` on the create.
// - initialization (initialization.ts): the engine's VmInit on create and update; every start the
//   provider makes carries the run-once flag of its kind. A change while the VM runs is saved at
//   once and noted in the plan as waiting for the guest's next start.

import type { EngineClient, Vm, VmBase } from "../engine/index.ts";
import type { VmInputs as Inputs, VmState as State, VmDisk, VmNic } from "../shapes.generated.ts";
import { vmStatelessHaRule } from "./statelessRuns.ts";
import { atLeast, checkInputs, holdsUnknown, isUnknown, notBlank, oneOfNumbers, VALID_MONITORS, type CheckRule } from "./check.ts";
import { creationMarker, goneDuringUpdate, isRunningStatus, requireEngine, runningInput, SETTLED_STATUSES } from "./context.ts";
import { changedProperties, diffInputs } from "./diff.ts";
import { checkInEngine, resolveLink } from "./engineChecks.ts";
import {
  desktopConsoleDescription, displayFromEngine, displayOf, displayPatch, displayToEngine, domainXmlFor,
  DOWN_ONLY_VM_PROPERTIES, MIB, smartcardRule,
} from "./display.ts";
import { resolveNameForInput } from "./refs.ts";
import type { DiffKind, ResourceContext, Resource } from "./types.ts";
import { PartialFailure, UNKNOWN } from "./types.ts";
import { HintedError, say } from "../hints.ts";
import { checkUsers, managesUsers, syncUsers, withUsersFromEngine } from "./users.ts";
import { checkGroups, syncGroups, withGroupsFromEngine } from "./groups.ts";
import { removeAddedPrincipals, withAdded } from "./principals.ts";
import { templateInput } from "./poolVersions.ts";
import { applyDisks, diffDisks, diskEngineFailures, diskRules, diskShrinkFailures, plannedDiskOutputs, readDisks, templateDiskNames } from "./vmDisks.ts";
import { applyNics, diffNics, nicEngineFailures, nicRules, plannedNicOutputs, readNics, templateNicNames } from "./vmNics.ts";
import { BLANK_TEMPLATE_ID } from "../engine/index.ts";
import { isEngineError } from "../engine/index.ts";
import type { StartOptions } from "../engine/index.ts";
import { initializationChanged, initializationFromEngine, initializationRules, initializationToEngine, nextRunNote, startOptionsFor } from "./initialization.ts";
import { messageOf, waitOptions } from "./waits.ts";
import {
  cpuCoresFromEngine, desktopFromEngine, desktopProperties, unmanagedNow, desktopPatch, desktopRule, desktopToEngine, needsAllContent, NEXT_RUN_DESKTOP_PROPERTIES, topologyFromInputs,
} from "./desktop.ts";

const TOKEN = "ovirt:index:Vm";
const MAX_NAME_LENGTH = 64;

const rules: CheckRule[] = [
  notBlank("name"),
  (inputs) =>
    typeof inputs.name === "string" && inputs.name.length > MAX_NAME_LENGTH
      ? [{ property: "name", reason: `\`name\` is ${inputs.name.length} characters long; the engine allows at most ${MAX_NAME_LENGTH}.` }]
      : [],
  notBlank("cluster"),
  notBlank("template"),
  atLeast("memoryMb", 1, "a VM needs memory."),
  atLeast("cpuCores", 1, "a VM needs at least one CPU core."),
  oneOfNumbers("monitors", VALID_MONITORS, "the engine supports 1, 2 or 4 SPICE monitors."),
  smartcardRule(),
  diskRules,
  nicRules,
  initializationRules,
  vmStatelessHaRule,
];

/** The VmBase fields (engine model) for the inputs. */
function vmBaseFromInputs(inputs: Inputs): VmBase {
  const base: VmBase = {
    name: inputs.name,
    memory: inputs.memoryMb * MIB,
    cpu: { topology: topologyFromInputs(inputs) },
    type: inputs.vmType,
    usb: { enabled: inputs.usbEnabled },
    display: displayToEngine(inputs),
  };
  if (inputs.description !== undefined) base.description = inputs.description;
  const initialization = initializationToEngine(inputs.initialization);
  if (initialization) base.initialization = initialization;
  if (inputs.useLatestTemplateVersion !== undefined) base.use_latest_template_version = inputs.useLatestTemplateVersion;
  return desktopToEngine("vm", inputs, base);
}

/** Only what changed, so that a running VM gets no needless next-run configuration. */
function vmPatch(oldInputs: Inputs, news: Inputs): Partial<VmBase> {
  const full = vmBaseFromInputs(news);
  const patch: Partial<VmBase> = {};
  if (oldInputs.name !== news.name) patch.name = full.name;
  if (oldInputs.description !== news.description) patch.description = news.description ?? "";
  if (oldInputs.memoryMb !== news.memoryMb) patch.memory = full.memory;
  if (changedProperties(oldInputs, news, ["cpuCores", "cpuSockets", "cpuThreads"]).length > 0) patch.cpu = full.cpu;
  if (oldInputs.vmType !== news.vmType) patch.type = full.type;
  if (oldInputs.usbEnabled !== news.usbEnabled) patch.usb = full.usb;
  const display = displayPatch(oldInputs, news);
  if (display) patch.display = display;
  if ((oldInputs.useLatestTemplateVersion ?? false) !== (news.useLatestTemplateVersion ?? false)) patch.use_latest_template_version = news.useLatestTemplateVersion === true;
  desktopPatch("vm", oldInputs, news, patch);
  // cpuSockets and cpuThreads travel in the whole topology above.
  if (patch.cpu) patch.cpu = full.cpu;
  // Taken out: cleared, since the engine keeps what an update leaves out.
  if (initializationChanged(oldInputs.initialization, news.initialization)) {
    patch.initialization = initializationToEngine(news.initialization ?? { cloudInit: {} });
  }
  return patch;
}

/**
 * Outputs are the inputs plus what is computed from them and from the engine. `devices` are the
 * disks and NICs as read back (with ids and MACs) when there are such; the domain XML shows the
 * disks and NICs the VM manages, not those it keeps from its template unlisted.
 */
function outputsFor(
  inputs: Inputs,
  engineSide: { vmId: string; clusterId: string; templateId: string; status: string; pendingRestart: boolean },
  devices: { disks?: readonly VmDisk[]; nics?: readonly VmNic[] } = { disks: inputs.disks, nics: inputs.nics },
): State {
  return {
    ...inputs,
    ...engineSide,
    consoleDescription: desktopConsoleDescription(inputs),
    domainXml: domainXmlOf(inputs, devices),
  };
}

function domainXmlOf(inputs: Inputs, devices: { disks?: readonly VmDisk[]; nics?: readonly VmNic[] }): string {
  return domainXmlFor({
    name: inputs.name, memoryMb: inputs.memoryMb, cpuCores: inputs.cpuCores, vmType: inputs.vmType,
    usbEnabled: inputs.usbEnabled, display: displayOf(inputs), disks: devices.disks, nics: devices.nics, desktop: inputs,
  });
}

/**
 * A preview's outputs: the disks and NICs with the ids they keep, unknown for new ones. The domain
 * XML names disks by id and NICs by MAC, so it is unknown until the engine has given new ones theirs.
 */
function withPlannedDevices(outputs: State, news: Inputs, olds: { disks?: unknown; nics?: unknown }, addedPrincipals?: string[]): State {
  // Users and groups an update may add from the directory are known only at apply.
  if (addedPrincipals !== undefined) outputs.addedPrincipals = addedPrincipals;
  const disks = news.disks === undefined ? undefined : plannedDiskOutputs(news.disks, olds.disks);
  const nics = news.nics === undefined ? undefined : plannedNicOutputs(news.nics, olds.nics);
  if (disks !== undefined) outputs.disks = disks;
  if (nics !== undefined) outputs.nics = nics;
  if (disks === undefined && nics === undefined) return outputs;
  outputs.domainXml = holdsUnknown([disks, nics]) ? UNKNOWN : domainXmlOf(news, { disks, nics });
  return outputs;
}

/** The inputs that reproduce an engine VM. `config` is the next-run configuration when one exists. */
/**
 * The template a VM came from: a VM made with `clone` shows Blank (it no longer depends on the
 * template), so the one recorded at create stands.
 */
/** What a read needs of the last state: the ids the links resolved to. */
type OldLinks = Partial<Pick<State, "clusterId" | "templateId" | "addedPrincipals">>;

function templateIdOf(vm: Vm, olds: OldLinks, oldInputs: Partial<Inputs>): string | undefined {
  const cloned = oldInputs.cloneFromTemplate === true && vm.template?.id === BLANK_TEMPLATE_ID && typeof olds.templateId === "string";
  return cloned ? olds.templateId : vm.template?.id;
}

/**
 * `headless` (a VM without a display) and `cdrom` as read back: managed when the program sets them,
 * reported on import when not the default. The CD-ROM of a running VM is the medium it runs with.
 */
async function headlessAndCdromFromEngine(engine: EngineClient, vm: Vm, config: Vm, oldInputs: Partial<Inputs>): Promise<Partial<Inputs>> {
  const importing = Object.keys(oldInputs).length === 0;
  const read: Partial<Inputs> = {};
  const headless = config.display === undefined;
  if (oldInputs.headless !== undefined || importing) read.headless = headless;
  if (oldInputs.cdrom !== undefined || importing) {
    const fileId = await engine.getCdrom(vm.id, { current: isRunningStatus(vm.status) });
    const old = oldInputs.cdrom;
    if (fileId === "") {
      if (old !== undefined) read.cdrom = "";
    } else if (typeof old === "string" && old === fileId) {
      read.cdrom = old;
    } else {
      // The engine holds the file's id: the program's name stands while it names the same ISO.
      const name = await engine.isoName(fileId);
      read.cdrom = typeof old === "string" && old === name ? old : name;
    }
  }
  return read;
}

async function inputsFromEngine(engine: EngineClient, vm: Vm, config: Vm, olds: OldLinks, oldInputs: Partial<Inputs>): Promise<Inputs> {
  const inputs: Inputs = {
    name: config.name,
    cluster: await resolveNameForInput(oldInputs.cluster, olds.clusterId, vm.cluster?.id, (id) => engine.resolveCluster(id)),
    template: await templateInput(engine, oldInputs, olds.templateId, templateIdOf(vm, olds, oldInputs)),
    cloneFromTemplate: oldInputs.cloneFromTemplate === true,
    memoryMb: Math.floor((config.memory ?? 0) / MIB),
    cpuCores: cpuCoresFromEngine(config, oldInputs),
    vmType: config.type ?? "desktop",
    usbEnabled: config.usb?.enabled ?? false,
    running: runningInput(vm.status),
    ...displayFromEngine(config.display, oldInputs),
    ...desktopFromEngine("vm", config, oldInputs),
    ...(await headlessAndCdromFromEngine(engine, vm, config, oldInputs)),
  };
  const description = config.description ?? "";
  if (description !== "" || oldInputs.description !== undefined) inputs.description = description;
  // As with disks: a VM whose inputs never set it manages none; an import reports what it has.
  const managesInitialization = oldInputs.initialization !== undefined || Object.keys(oldInputs).length === 0;
  const initialization = managesInitialization ? initializationFromEngine(config.initialization, oldInputs.initialization) : undefined;
  if (initialization) inputs.initialization = initialization;
  if (oldInputs.useLatestTemplateVersion !== undefined || vm.use_latest_template_version === true) inputs.useLatestTemplateVersion = vm.use_latest_template_version ?? false;
  return inputs;
}

/** Reads a VM into inputs and outputs; `fresh` is a copy just fetched by a wait, saving a request. */
async function readVm(engine: EngineClient, id: string, olds: OldLinks, oldInputs: Partial<Inputs>, fresh?: Vm) {
  const vm = fresh ?? (await engine.getVm(id));
  if (!vm) return undefined;
  // Down-only changes made while the VM runs live in the next-run configuration: read those, so
  // that nothing the user asked for looks lost.
  // soundcard_enabled and tpm_enabled come only with All-Content.
  const allContent = needsAllContent("vm", oldInputs);
  const config = vm.next_run_configuration_exists || allContent
    ? ((await engine.getVm(id, { nextRun: vm.next_run_configuration_exists === true, allContent })) ?? vm)
    : vm;
  const withUsers = await withUsersFromEngine(engine, { kind: "vm", id }, await inputsFromEngine(engine, vm, config, olds, oldInputs), oldInputs);
  const inputs = (await withGroupsFromEngine(engine, { kind: "vm", id }, withUsers, oldInputs));
  const templateId = templateIdOf(vm, olds, oldInputs);
  // Disks and NICs come with the VM when the engine inlined them (the provider's reads ask it to).
  const disks = await readDisks(engine, id, oldInputs, await templateDiskNames(engine, templateId), vm.disk_attachments);
  const nics = await readNics(engine, id, oldInputs, await templateNicNames(engine, templateId), vm.nics);
  if (disks) inputs.disks = disks.inputs;
  if (nics) inputs.nics = nics.inputs;
  // The outputs also show the engine's value of each desktop setting the program leaves out.
  const outputs = outputsFor(inputs, {
    vmId: vm.id,
    clusterId: vm.cluster?.id ?? olds.clusterId ?? "",
    templateId: templateId ?? olds.templateId ?? "",
    status: vm.status,
    pendingRestart: vm.next_run_configuration_exists === true,
  }, { disks: disks?.outputs, nics: nics?.outputs });
  if (disks) outputs.disks = disks.outputs;
  if (nics) outputs.nics = nics.outputs;
  outputs.addedPrincipals = olds.addedPrincipals ?? [];
  return { vm, inputs, outputs };
}

/**
 * What waits for the next run on a running VM: the display's Down-only fields, the desktop
 * settings the engine keeps for the next run (desktop.ts), and headless (its graphics devices).
 */
const NEXT_RUN_VM_PROPERTIES: readonly string[] = [...DOWN_ONLY_VM_PROPERTIES, ...NEXT_RUN_DESKTOP_PROPERTIES, "headless"];

/** Down-only properties changing while the VM stays running: these wait for the next cold start. */
function restartPending(oldInputs: Inputs, olds: State, news: Inputs): string[] {
  if (!staysRunning(oldInputs, olds, news)) return [];
  // A desktop setting taken out of the program is left as the engine has it: no change.
  const desktop = new Set([...NEXT_RUN_DESKTOP_PROPERTIES, "headless"]);
  const compared = NEXT_RUN_VM_PROPERTIES.filter((p) => !(desktop.has(p) && (news as Record<string, unknown>)[p] === undefined));
  return changedProperties(oldInputs, news, compared);
}

function staysRunning(oldInputs: Inputs, olds: State, news: Inputs): boolean {
  // The state's status is the engine's.
  const wasRunning = oldInputs.running === true || isRunningStatus(olds.status as Vm["status"]);
  return wasRunning && news.running === true;
}

/**
 * A new ISO in a running VM is swapped in at once (the engine's current CD-ROM); the engine keeps
 * the persistent one for the next run, so the next-run configuration exists afterwards too.
 */
function cdromSwapKeepsNextRun(oldInputs: Inputs, olds: State, news: Inputs): boolean {
  return staysRunning(oldInputs, olds, news) && changedProperties(oldInputs, news, ["cdrom"]).length > 0 && news.cdrom !== undefined;
}

function pendingRestartWarning(name: unknown, fields: string[]): string {
  return (
    `VM ${String(name)} is running: ${fields.join(", ")} will only take effect after it is stopped and started again ` +
    "(the engine saved them as its next-run configuration; pendingRestart is true)."
  );
}

async function stopAndWait(engine: EngineClient, id: string, ctx: ResourceContext): Promise<void> {
  await engine.stopVm(id);
  await engine.waitForVm(id, ["down"], waitOptions(ctx));
}

/**
 * The created VM once it is settled. The engine's answer to the POST is the VM as it is then, and
 * often settled already: AddVmCommand.addVmDynamic saves a new VM `down`, and only addVmImages
 * locks it (`image_locked`, until the copies end) when its template has disks. So a VM from Blank
 * or a diskless template needs no wait, and the answer serves the read-back as a GET's would. A VM
 * adopted from an interrupted create (found by name) may be anywhere from image_locked to up: the
 * same rule holds for the status its lookup saw.
 */
async function settledAfterCreate(engine: EngineClient, created: Vm, ctx: ResourceContext): Promise<Vm> {
  if (SETTLED_STATUSES.includes(created.status)) return created;
  return engine.waitForVm(created.id, SETTLED_STATUSES, waitOptions(ctx));
}

/** `start` carries the run-once flag of the VM's initialization kind (see initialization.ts). */
async function startAndWait(engine: EngineClient, id: string, ctx: ResourceContext, start: StartOptions = {}): Promise<Vm> {
  await engine.startVm(id, start);
  return engine.waitForVm(id, ["up"], waitOptions(ctx));
}

export const vmResource: Resource<Inputs, State> = {
  token: TOKEN,
  label: "VM",

  async check({ news, olds }, ctx) {
    const local = await checkInputs<Inputs>(TOKEN, news, [...rules, desktopRule(news, olds), (inputs) => diskShrinkFailures(inputs, olds)]);
    const checked = await checkInEngine(local, olds, ctx, {
      kind: "VM", token: TOKEN, links: ["cluster", "template"], findByName: (engine, name) => engine.findVmByName(name),
    });
    const engine = ctx.engine;
    if (engine && checked.failures.length === 0) {
      checked.failures.push(...(await diskEngineFailures(engine, checked.inputs)), ...(await nicEngineFailures(engine, checked.inputs)));
    }
    return checkGroups(await checkUsers(checked, ctx), ctx);
  },

  async diff({ olds, news, oldInputs }) {
    const pending = restartPending(oldInputs, olds, news);
    const extra: Record<string, DiffKind> = {};
    if ((pending.length > 0 || cdromSwapKeepsNextRun(oldInputs, olds, news)) && olds.pendingRestart !== true) extra.pendingRestart = "update";
    // Stopping a VM applies its next-run configuration: the pending flag clears.
    if (olds.pendingRestart === true && news.running === false) extra.pendingRestart = "update";
    const oldOf = (name: "disks" | "nics" | "initialization") => (name in oldInputs ? oldInputs[name] : olds[name]);
    const disks = diffDisks(oldOf("disks"), news.disks);
    Object.assign(extra, disks.detailed, diffNics(oldOf("nics"), news.nics));
    const ignore = ["disks", "nics", ...unmanagedNow([...desktopProperties("vm"), "headless", "cdrom"], news)];
    const result = diffInputs(TOKEN, olds, oldInputs, news, { uniqueName: true, extra, ignore });
    if (disks.replace) {
      result.replaces.push("disks");
      const nameStays = isUnknown(news.name) || news.name === (oldInputs.name ?? olds.name);
      result.deleteBeforeReplace = nameStays;
    }
    if (result.replaces.length > 0) delete result.detailedDiff.pendingRestart;
    const staysRunning = (oldInputs.running === true || isRunningStatus(olds.status as Vm["status"])) && news.running === true;
    if (staysRunning && result.replaces.length === 0 && initializationChanged(oldOf("initialization"), news.initialization)) {
      result.warnings = [...(result.warnings ?? []), nextRunNote(news.name)];
    }
    result.changes = Object.keys(result.detailedDiff).length > 0;
    return result;
  },

  async create({ inputs }, ctx) {
    if (ctx.preview) {
      return {
        id: "",
        outputs: withPlannedDevices(outputsFor(inputs, { vmId: UNKNOWN, clusterId: UNKNOWN, templateId: UNKNOWN, status: UNKNOWN, pendingRestart: false }), inputs, {}),
      };
    }
    const engine = requireEngine(ctx, `create VM ${inputs.name}`);
    const cluster = await resolveLink("cluster", inputs.cluster, (name) => engine.resolveCluster(name));
    const template = await resolveLink("template", inputs.template, (name) => engine.resolveTemplate(name));
    const created = await engine.createVm({
      ...vmBaseFromInputs(inputs),
      name: inputs.name,
      comment: creationMarker(ctx),
      cluster: { id: cluster.id },
      template: { id: template.id },
    }, { clone: inputs.cloneFromTemplate === true });
    let status: string = created.status;
    const added: string[] = [];
    try {
      let settled = await settledAfterCreate(engine, created, ctx);
      status = settled.status;
      // Disks and NICs before the first start, so the guest boots with them.
      await applyDisks(engine, created.id, undefined, inputs.disks, ctx);
      await applyNics(engine, created.id, undefined, inputs.nics);
      await applyHeadless(engine, created.id, inputs, undefined);
      if (typeof inputs.cdrom === "string" && inputs.cdrom !== "") await engine.setCdrom(created.id, inputs.cdrom);
      // The wait's copy predates the disks and NICs just applied: the read-back lists them.
      if (inputs.disks !== undefined || inputs.nics !== undefined) settled = { ...settled, disk_attachments: undefined, nics: undefined };
      const runningNow = isRunningStatus(settled.status);
      if (inputs.running === true) {
        settled = runningNow ? await engine.waitForVm(created.id, ["up"], waitOptions(ctx)) : await startAndWait(engine, created.id, ctx, startOptionsFor(inputs.initialization));
      } else if (runningNow) {
        await stopAndWait(engine, created.id, ctx);
        settled = await engine.waitForVm(created.id, ["down"], waitOptions(ctx));
      }
      if (inputs.users !== undefined && managesUsers(inputs)) added.push(...(await syncUsers(engine, { kind: "vm", id: created.id }, inputs.users)));
      if (inputs.groups !== undefined) added.push(...(await syncGroups(engine, { kind: "vm", id: created.id }, inputs.groups)));
      const read = await readVm(engine, created.id, { clusterId: cluster.id, templateId: template.id, addedPrincipals: withAdded([], added) }, inputs, settled);
      if (!read) throw new Error("it disappeared right after creation");
      return { id: created.id, outputs: read.outputs };
    } catch (error) {
      const outputs = outputsFor(inputs, { vmId: created.id, clusterId: cluster.id, templateId: template.id, status, pendingRestart: false });
      outputs.addedPrincipals = withAdded([], added);
      throw new PartialFailure(created.id, outputs, [
        say`VM ${inputs.name} was created (id ${created.id}) but is not ready: ${messageOf(error)}. ${{ kind: "kept" }}`,
      ]);
    }
  },

  async read({ id, olds, oldInputs }, ctx) {
    const engine = requireEngine(ctx, `read VM ${id}`);
    const read = await readVm(engine, id, olds, oldInputs);
    if (!read) return undefined;
    const drifted = Object.keys(oldInputs).length > 0
      ? changedProperties(oldInputs, read.inputs, Object.keys(read.inputs))
      : [];
    if (drifted.length > 0) ctx.log(`VM ${read.vm.name} (${id}) changed in the engine since the last read: ${drifted.join(", ")}`);
    return { id, outputs: read.outputs, inputs: read.inputs };
  },

  async update({ id, olds, news, oldInputs }, ctx) {
    const pending = restartPending(oldInputs, olds, news);
    // A ConsolePolicy over this VM is checked next, at preview before the engine has changed.
    ctx.plans.recordSmartcard("vm", id, news.smartcardEnabled);
    if (ctx.preview) {
      const runningChanges = oldInputs.running !== news.running;
      return withPlannedDevices(outputsFor(news, {
        vmId: olds.vmId ?? id,
        clusterId: olds.clusterId ?? UNKNOWN,
        templateId: olds.templateId ?? UNKNOWN,
        status: runningChanges || isUnknown(news.running) ? UNKNOWN : (olds.status ?? UNKNOWN),
        pendingRestart: news.running === false ? false : pending.length > 0 || cdromSwapKeepsNextRun(oldInputs, olds, news) || olds.pendingRestart === true,
      }), news, olds, news.users !== undefined || news.groups !== undefined ? UNKNOWN : olds.addedPrincipals);
    }
    const engine = requireEngine(ctx, `update VM ${id}`);
    const current = await engine.getVm(id);
    if (!current) throw goneDuringUpdate("VM", news.name, id);
    const patch = vmPatch(oldInputs, news);
    const runningNow = isRunningStatus(current.status);
    const added: string[] = [];
    const oldsNow = () => ({ ...olds, addedPrincipals: withAdded(olds.addedPrincipals, added) });

    try {
      if (news.running === false && runningNow) await stopAndWait(engine, id, ctx);
      if (Object.keys(patch).length > 0) await engine.updateVm(id, patch);
      if (changedProperties(oldInputs, news, ["disks"]).length > 0) await applyDisks(engine, id, oldInputs.disks, news.disks, ctx);
      if (changedProperties(oldInputs, news, ["nics"]).length > 0) await applyNics(engine, id, oldInputs.nics, news.nics);
      await applyHeadless(engine, id, news, oldInputs.headless);
      if (changedProperties(oldInputs, news, ["cdrom"]).length > 0 && news.cdrom !== undefined) {
        await swapCdrom(engine, id, news.cdrom as string, isRunningStatus((await engine.getVm(id))?.status ?? "down"));
      }
      if (news.running === true && !runningNow) await startAndWait(engine, id, ctx, startOptionsFor(news.initialization));
      if (news.users !== undefined && managesUsers(news) && changedProperties(oldInputs, news, ["users"]).length > 0) {
        added.push(...(await syncUsers(engine, { kind: "vm", id }, news.users)));
      }
      // Also when unchanged: a group permission removed out of band is given back.
      if (news.groups !== undefined) added.push(...(await syncGroups(engine, { kind: "vm", id }, news.groups)));
    } catch (error) {
      const read = await readVm(engine, id, oldsNow(), news).catch(() => undefined);
      throw new PartialFailure(id, read ? read.outputs : oldsNow(), [
        `VM ${news.name} (${id}) was only partly updated: ${messageOf(error)}.`,
      ]);
    }
    if (pending.length > 0 && news.running === true && runningNow) ctx.log(pendingRestartWarning(news.name, pending));
    if (runningNow && news.running === true && patch.initialization) ctx.log(nextRunNote(news.name));

    const read = await readVm(engine, id, oldsNow(), news);
    if (!read) throw new Error(`VM ${news.name} (${id}) disappeared during the update.`);
    return read.outputs;
  },

  async delete({ id, olds }, ctx) {
    const engine = requireEngine(ctx, `delete VM ${id}`);
    const vm = await engine.getVm(id);
    if (vm) await deleteVm(engine, vm, ctx);
    // Also when the VM was gone already: a destroy run again finishes this.
    await removeAddedPrincipals(engine, olds.addedPrincipals, `VM ${olds.name ?? id}`, ctx.log);
  },
};

async function deleteVm(engine: EngineClient, vm: Vm, ctx: ResourceContext): Promise<void> {
  const id = vm.id;
  // Refuse before stopping anything: the engine would refuse the removal anyway.
  if (vm.delete_protected === true) throw deleteProtectedError(vm);
  await bringDown(engine, vm, ctx);
  try {
    await engine.deleteVm(id);
  } catch (err) {
    // The status came from the command's VM list, which is one call for all VMs: a VM started
    // since then is refused (409). Ask the engine itself, and stop it if it is running after all.
    if (!isEngineError(err) || err.status !== 409) throw err;
    const current = await engine.withFreshReads(() => engine.getVm(id));
    if (!current) return;
    if (current.status === "down") throw err;
    await bringDown(engine, current, ctx);
    await engine.deleteVm(id);
  }
  await engine.waitForVmGone(id, waitOptions(ctx));
}

function deleteProtectedError(vm: Vm): Error {
  return new HintedError(
    say`VM ${vm.name} (${vm.id}) is delete-protected (\`deleteProtected\` is true): the engine refuses to remove it, and nothing was stopped or removed. Set \`deleteProtected\` to false, ${{ kind: "apply-again" }}, then destroy it.`,
  );
}

/**
 * Headless is a VM without graphics devices: taking it on removes the VM's consoles, leaving it
 * adds the program's display type back. `old` is the last input (undefined at create).
 */
async function applyHeadless(engine: EngineClient, id: string, inputs: Inputs, old: unknown): Promise<void> {
  const headless = inputs.headless === true;
  if (headless === (old === true)) return;
  if (headless) {
    for (const console of await engine.listGraphicsConsoles(id)) await engine.removeGraphicsConsole(id, console.id);
  } else {
    await engine.addGraphicsConsole(id, (inputs.displayType ?? "spice") as "spice" | "vnc");
  }
}

/** A new medium: swapped into a running VM at once, and kept as the VM's own for the next runs. */
async function swapCdrom(engine: EngineClient, id: string, file: string, running: boolean): Promise<void> {
  if (running) await engine.setCdrom(id, file, { current: true });
  await engine.setCdrom(id, file);
}

/** The engine removes only a VM that is down: wait out a copy, stop anything else (running, suspended). */
async function bringDown(engine: EngineClient, vm: Vm, ctx: ResourceContext): Promise<void> {
  if (vm.status === "image_locked") await engine.waitForVm(vm.id, ["down"], waitOptions(ctx));
  else if (vm.status !== "down") await stopAndWait(engine, vm.id, ctx);
}
