// ovirt:index:getCluster, getTemplate, getVm and getPool — read an entity that already exists, by
// its exact name or its id, whether Pulumi manages it or not. Reads only: they answer during
// preview as during up. A name that matches nothing, or more than one entity, is a failure on
// `name` that says what to do (the id always picks exactly one).

import type { Cluster, EngineClient, Template, Vm, VmBase, VmPool } from "../engine/index.ts";
import { checkInputs, isUnknown, type CheckRule } from "./check.ts";
import { requireEngine, runningInput } from "./context.ts";
import { desktopConsoleDescription, MIB, type DisplayInputs } from "./display.ts";
import { desktopReport } from "./desktop.ts";
import type { InputValues } from "./diff.ts";
import type {
  GetClusterArgs, GetClusterResult, GetPoolArgs, GetPoolResult, GetTemplateArgs, GetTemplateResult, GetVmArgs, GetVmResult,
} from "../shapes.generated.ts";
import type { CheckFailure, FunctionHandler } from "./types.ts";
import { groupParts, isPrincipalName } from "./groups.ts";
import { versionOf } from "./template.ts";
import { engineUserName } from "./users.ts";

/** What every lookup takes: the entity's exact name or its id (each generated Get*Args has both). */
type LookupArgs = Pick<GetClusterArgs, "name" | "id">;

/** T: the engine entity; A: the function's arguments; R: its result (all generated from schema.json but T). */
interface Lookup<T extends { id: string; name: string }, A extends LookupArgs, R extends InputValues> {
  token: string;
  /** How the entity is called in messages: "cluster", "VM". */
  kind: string;
  byId(engine: EngineClient, id: string): Promise<T | undefined>;
  byName(engine: EngineClient, name: string): Promise<T[]>;
  outputs(engine: EngineClient, entity: T): Promise<R>;
  /** Narrows the entities a name matched (template versions share their base's name). */
  pick?(matches: T[], inputs: A): T[] | CheckFailure;
}

/** `name` or `id`: exactly one of them. */
const nameOrId: CheckRule = (inputs) => {
  const given = ["name", "id"].filter((key) => inputs[key] !== undefined);
  if (given.length === 1) return [];
  const property = given.length === 0 ? "name" : "id";
  const reason = given.length === 0
    ? "give `name` (the exact name) or `id` (the engine id) of the entity to look up."
    : "give `name` or `id`, not both: the id alone picks the entity.";
  return [{ property, reason }];
};

const notEmpty: CheckRule = (inputs) =>
  ["name", "id"].flatMap((key): CheckFailure[] =>
    typeof inputs[key] === "string" && (inputs[key] as string).trim() === "" ? [{ property: key, reason: `\`${key}\` is empty: give the entity's ${key}.` }] : [],
  );

async function find<T extends { id: string; name: string }, A extends LookupArgs, R extends InputValues>(lookup: Lookup<T, A, R>, engine: EngineClient, inputs: A): Promise<T | CheckFailure> {
  if (typeof inputs.id === "string") {
    const found = await lookup.byId(engine, inputs.id);
    return found ?? { property: "id", reason: `the engine has no ${lookup.kind} with id ${inputs.id}; check the id, or look it up by \`name\`.` };
  }
  const name = inputs.name as string;
  const named = await lookup.byName(engine, name);
  const matches = lookup.pick ? lookup.pick(named, inputs) : named;
  if ("reason" in matches) return matches;
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    return { property: "name", reason: `the engine has no ${lookup.kind} named "${name}" (names are matched exactly, case included); check the name, or give its \`id\`.` };
  }
  const ids = matches.map((m) => m.id).join(", ");
  return { property: "name", reason: `${matches.length} ${lookup.kind}s are named "${name}" (ids ${ids}); give the \`id\` of the one you mean.` };
}

function lookupFunction<T extends { id: string; name: string }, A extends LookupArgs, R extends InputValues>(lookup: Lookup<T, A, R>): FunctionHandler {
  return {
    token: lookup.token,
    async invoke(args, ctx) {
      const { inputs, failures } = await checkInputs<A>(lookup.token, args, [nameOrId, notEmpty]);
      if (failures.length > 0) return { outputs: {}, failures };
      // Not known yet during preview (it comes from a resource still to be made): nothing to read.
      if (isUnknown(inputs.name) || isUnknown(inputs.id)) return { outputs: {}, failures: [] };
      const engine = requireEngine(ctx, `look up a ${lookup.kind}`);
      const found = await find(lookup, engine, inputs);
      if ("reason" in found) return { outputs: {}, failures: [found] };
      return { outputs: await lookup.outputs(engine, found), failures: [] };
    },
  };
}

/** The machine and display settings shared by templates and VMs (the engine's VmBase). */
/** The settings getTemplate, getVm and getPool report alike. */
type LookupSettings = Pick<GetVmResult, "memoryMb" | "cpuCores" | "vmType" | "usbEnabled" | "displayType" | "smartcardEnabled" | "monitors" | "consoleDescription">;

function settingsOf(base: VmBase): LookupSettings {
  const topology = base.cpu?.topology;
  const display: DisplayInputs & { monitors: number } = {
    displayType: base.display?.type ?? "spice",
    smartcardEnabled: base.display?.smartcard_enabled ?? false,
    monitors: base.display?.monitors ?? 1,
    copyPasteEnabled: base.display?.copy_paste_enabled,
    fileTransferEnabled: base.display?.file_transfer_enabled,
  };
  return {
    memoryMb: Math.floor((base.memory ?? 0) / MIB),
    // Cores per socket, as the engine reports them and as a Vm's cpuCores counts them beside
    // cpuSockets and cpuThreads (the vCPUs are their product).
    cpuCores: topology?.cores ?? 1,
    vmType: base.type ?? "desktop",
    usbEnabled: base.usb?.enabled ?? false,
    displayType: display.displayType,
    smartcardEnabled: display.smartcardEnabled,
    monitors: display.monitors,
    // No display: no graphics console (headless).
    consoleDescription: desktopConsoleDescription({ ...display, headless: base.display === undefined }),
  };
}

export const getClusterFunction = lookupFunction<Cluster, GetClusterArgs, GetClusterResult>({
  token: "ovirt:index:getCluster",
  kind: "cluster",
  byId: (engine, id) => engine.getCluster(id),
  byName: (engine, name) => engine.clustersNamed(name),
  outputs: async (_engine, cluster) => ({ id: cluster.id, name: cluster.name }),
});

export const getTemplateFunction = lookupFunction<Template, GetTemplateArgs, GetTemplateResult>({
  token: "ovirt:index:getTemplate",
  kind: "template",
  byId: (engine, id) => engine.getTemplate(id),
  byName: (engine, name) => engine.templatesNamed(name),
  pick: pickTemplateVersion,
  outputs: async (engine, template) => ({
    id: template.id,
    name: template.name,
    status: template.status,
    description: template.description ?? "",
    ...settingsOf(template),
    ...versionOf(template),
    // soundcard_enabled and tpm_enabled come only with All-Content.
    ...desktopReport("template", (await engine.getTemplate(template.id, { allContent: true })) ?? template),
    headless: template.display === undefined,
  }),
});

/**
 * A name shared by a lineage's versions: `versionNumber` or `versionName` picks one, else the
 * newest (as the engine's own lookup by name, GetVmTemplateByVmtName, orders by version number).
 * Names matched in several lineages (data centers) stay ambiguous.
 */
function pickTemplateVersion(matches: Template[], inputs: GetTemplateArgs): Template[] | CheckFailure {
  let picked = matches;
  if (typeof inputs.versionNumber === "number") picked = picked.filter((t) => versionOf(t).versionNumber === inputs.versionNumber);
  if (typeof inputs.versionName === "string") picked = picked.filter((t) => versionOf(t).versionName === inputs.versionName);
  if (picked.length === 0 && matches.length > 0) {
    const have = matches.map((t) => `${versionOf(t).versionNumber}${versionOf(t).versionName ? ` (${versionOf(t).versionName})` : ""}`).join(", ");
    const property = typeof inputs.versionNumber === "number" ? "versionNumber" : "versionName";
    return { property, reason: `template "${String(inputs.name)}" has no such version; its versions: ${have}.` };
  }
  const lineages = new Set(picked.map((t) => versionOf(t).baseTemplateId));
  if (lineages.size !== 1) return picked;
  return [picked.reduce((a, b) => (versionOf(b).versionNumber > versionOf(a).versionNumber ? b : a))];
}

export const getGroupFunction: FunctionHandler = {
  token: "ovirt:index:getGroup",
  async invoke(args, ctx) {
    const { inputs, failures } = await checkInputs("ovirt:index:getGroup", args);
    if (failures.length > 0 || isUnknown(inputs.name)) return { outputs: {}, failures };
    if (!isPrincipalName(inputs.name)) return { outputs: {}, failures: [{ property: "name", reason: "`name` is NAME@PROFILE, e.g. vdi-users@internal." }] };
    const engine = requireEngine(ctx, "look up a group");
    const parts = groupParts(inputs.name);
    const group = await engine.findGroup(parts.name, parts.authz);
    if (!group) {
      return { outputs: {}, failures: [{ property: "name", reason: `the engine knows no group ${parts.name} in ${parts.authz}; a group from the directory is added by the first \`groups\` entry or Permission that names it.` }] };
    }
    return { outputs: { id: group.id, name: group.name, domain: group.domain?.name ?? parts.authz }, failures: [] };
  },
};

export const getUserFunction: FunctionHandler = {
  token: "ovirt:index:getUser",
  async invoke(args, ctx) {
    const { inputs, failures } = await checkInputs("ovirt:index:getUser", args);
    if (failures.length > 0 || isUnknown(inputs.name)) return { outputs: {}, failures };
    if (!isPrincipalName(inputs.name)) return { outputs: {}, failures: [{ property: "name", reason: "`name` is NAME@PROFILE, e.g. alice@internal." }] };
    const engine = requireEngine(ctx, "look up a user");
    const user = await engine.findUser(engineUserName(inputs.name));
    if (!user) return { outputs: {}, failures: [{ property: "name", reason: `the engine knows no user ${engineUserName(inputs.name)}.` }] };
    return { outputs: { id: user.id, userName: user.user_name }, failures: [] };
  },
};

export const getVmFunction = lookupFunction<Vm, GetVmArgs, GetVmResult>({
  token: "ovirt:index:getVm",
  kind: "VM",
  byId: (engine, id) => engine.getVm(id),
  byName: (engine, name) => engine.vmsNamed(name),
  outputs: async (engine, vm) => {
    const cdrom = await engine.getCdrom(vm.id, { current: runningInput(vm.status) });
    return {
      id: vm.id,
      name: vm.name,
      status: vm.status,
      running: runningInput(vm.status),
      description: vm.description ?? "",
      clusterId: vm.cluster?.id ?? "",
      templateId: vm.template?.id ?? "",
      poolId: vm.vm_pool?.id ?? "",
      ...settingsOf(vm),
      // soundcard_enabled and tpm_enabled come only with All-Content.
      ...desktopReport("vm", (await engine.getVm(vm.id, { allContent: true })) ?? vm),
      headless: vm.display === undefined,
      cdrom: cdrom === "" ? "" : await engine.isoName(cdrom),
    };
  },
});

export const getPoolFunction = lookupFunction<VmPool, GetPoolArgs, GetPoolResult>({
  token: "ovirt:index:getPool",
  kind: "pool",
  byId: (engine, id) => engine.getPool(id),
  byName: (engine, name) => engine.poolsNamed(name),
  async outputs(engine, pool) {
    const vms = await engine.listPoolVms(pool.id);
    // The engine embeds one pool VM in the pool: its display is the pool's.
    // A pool with no VMs yet reads as the default display, not as headless.
    const settings = settingsOf(pool.vm ?? (vms[0] ? ((await engine.getVm(vms[0].id)) ?? {}) : { display: {} }));
    return {
      id: pool.id,
      name: pool.name,
      description: pool.description ?? "",
      clusterId: pool.cluster?.id ?? "",
      templateId: pool.template?.id ?? "",
      size: pool.size,
      prestartedVms: pool.prestarted_vms ?? 0,
      maxUserVms: pool.max_user_vms ?? 1,
      poolType: pool.type ?? "automatic",
      stateful: pool.stateful ?? false,
      vmNames: vms.map((vm) => vm.name).sort(),
      displayType: settings.displayType,
      smartcardEnabled: settings.smartcardEnabled,
      monitors: settings.monitors,
      consoleDescription: settings.consoleDescription,
    };
  },
});

export const lookupFunctions: readonly FunctionHandler[] = [getClusterFunction, getTemplateFunction, getVmFunction, getPoolFunction, getGroupFunction, getUserFunction];
