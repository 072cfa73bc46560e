// ovirt:index:ConsolePolicy — the console rules of one VM or pool.
//
// Two kinds of settings, two homes:
// - engine-side (`sso` → sso methods, `disconnectAction` → display.disconnect_action,
//   `disconnectActionDelayMinutes` → display.disconnect_action_delay, `allowReconnect` →
//   display.allow_override) are written to the target VM, or to every VM of the target pool;
// - console-side (`smartcardEnabled`, `ticketExpirySeconds`) shape the remote-viewer file: like the
//   console's "Disable smartcard" box, `smartcardEnabled: false` keeps the smartcard out of the
//   session, and `true` is only valid over a target that has one, or that the same run gives one
//   (plans.ts); a check failure otherwise.
// The `remoteViewerFile` output is the engine's `.vv` file when the VM runs (with enable-smartcard
// following the policy and the ticket and SSO token removed: no live credential is kept in state),
// or one composed from the target's settings when it does not run.
//
// The id is `vm:<vm id>` or `pool:<pool id>`, so `pulumi import` takes the target as the id.
// Delete leaves the target's settings as they are: removing the policy stops managing them, it
// does not reset a desktop's SSO or disconnect action behind the user's back.

import type { EngineClient, Vm, VmBase } from "../engine/index.ts";
import { consoleDescription } from "../../domainxml/index.ts";
import { atLeast, checkInputs, isKnown, isUnknown, type CheckRule } from "./check.ts";
import { isRunningStatus, requireEngine } from "./context.ts";
import { changedProperties, diffInputs } from "./diff.ts";
import type { ConsolePolicyInputs as Inputs, ConsolePolicyState as State, DisconnectAction, SsoMethod } from "../shapes.generated.ts";
import { failureSaying, UNKNOWN, type CheckFailure, type Resource } from "./types.ts";
import { say } from "../hints.ts";

const TOKEN = "ovirt:index:ConsolePolicy";
const ENGINE_SIDE = ["sso", "disconnectAction", "disconnectActionDelayMinutes", "allowReconnect"] as const;
const CONSOLE_SIDE = ["smartcardEnabled", "ticketExpirySeconds"] as const;

interface Target {
  kind: "vm" | "pool";
  id: string;
  name: string;
  /** The VMs whose settings the policy writes. */
  vms: Vm[];
  /** The effective settings (a VM's next-run configuration when it has one; a pool's VM). */
  settings: VmBase | undefined;
}

const exactlyOneTarget: CheckRule = (inputs) => {
  const hasVm = inputs.vmId !== undefined && inputs.vmId !== "";
  const hasPool = inputs.poolId !== undefined && inputs.poolId !== "";
  if (hasVm && hasPool) {
    return [{ property: "poolId", reason: "Give exactly one of `vmId` and `poolId`, not both: a console policy governs one VM or one pool. Remove `poolId` or `vmId`." }];
  }
  if (!hasVm && !hasPool) {
    return [{ property: "vmId", reason: "Give exactly one of `vmId` and `poolId`: the id of the VM (a Vm's vmId) or of the pool (a Pool's poolId) this policy governs." }];
  }
  return [];
};

const rules: CheckRule[] = [
  exactlyOneTarget,
  atLeast("ticketExpirySeconds", 1, "a console ticket must live long enough for the viewer to connect."),
  atLeast("disconnectActionDelayMinutes", 0, "it is a delay in minutes (the engine refuses a negative one)."),
];

function smartcardOf(settings: VmBase | undefined): boolean {
  return settings?.display?.smartcard_enabled === true;
}

function noSmartcardFailure(target: Target): CheckFailure {
  const resource = { kind: "resource", token: target.kind === "vm" ? "ovirt:index:Vm" : "ovirt:index:Pool" } as const;
  return failureSaying(
    "smartcardEnabled",
    say`\`smartcardEnabled: true\` needs a smartcard on the target, but ${target.kind} ${target.name} (${target.id}) has none. A console policy can only disable a smartcard: enable it on the target (\`smartcardEnabled: true\` on its ${resource}), or leave \`smartcardEnabled\` unset here.`,
  );
}

async function loadTarget(engine: EngineClient, kind: "vm" | "pool", id: string): Promise<Target | undefined> {
  if (kind === "vm") {
    const vm = await engine.getVm(id);
    if (!vm) return undefined;
    const settings = vm.next_run_configuration_exists ? ((await engine.getVm(id, { nextRun: true })) ?? vm) : vm;
    return { kind, id, name: vm.name, vms: [vm], settings };
  }
  const pool = await engine.getPool(id);
  if (!pool) return undefined;
  const vms = await engine.listPoolVms(id);
  const settings = pool.vm ?? (vms[0] ? await engine.getVm(vms[0].id) : undefined);
  return { kind, id, name: pool.name, vms, settings };
}

function targetOf(inputs: Inputs): { kind: "vm" | "pool"; id: string } {
  return typeof inputs.vmId === "string" && inputs.vmId !== ""
    ? { kind: "vm", id: inputs.vmId }
    : { kind: "pool", id: inputs.poolId ?? "" };
}

function parseId(id: string): { kind: "vm" | "pool"; id: string } {
  const match = /^(vm|pool):(.+)$/.exec(id);
  if (!match) throw new Error(`A ConsolePolicy id is \`vm:<vm id>\` or \`pool:<pool id>\`, not "${id}".`);
  return { kind: match[1] as "vm" | "pool", id: match[2]! };
}

/** The engine-side settings as the engine model wants them. */
function engineSettings(inputs: Inputs): Partial<VmBase> {
  return {
    sso_methods: inputs.sso === "guest_agent" ? ["guest_agent"] : [],
    display: {
      disconnect_action: inputs.disconnectAction.toUpperCase(),
      disconnect_action_delay: inputs.disconnectActionDelayMinutes,
      allow_override: inputs.allowReconnect,
    },
  };
}

/** Only the engine-side fields that differ on this VM: an unchanged SSO must not create a next-run configuration. */
function patchFor(current: VmBase | undefined, inputs: Inputs): Partial<VmBase> | undefined {
  const wanted = engineSettings(inputs);
  const patch: Partial<VmBase> = {};
  const haveSso = (current?.sso_methods ?? []).includes("guest_agent");
  if (haveSso !== (inputs.sso === "guest_agent")) patch.sso_methods = wanted.sso_methods;
  const display: NonNullable<VmBase["display"]> = {};
  const d = current?.display;
  if ((d?.disconnect_action ?? "LOCK_SCREEN").toUpperCase() !== wanted.display!.disconnect_action) display.disconnect_action = wanted.display!.disconnect_action;
  if ((d?.disconnect_action_delay ?? 0) !== wanted.display!.disconnect_action_delay) display.disconnect_action_delay = wanted.display!.disconnect_action_delay;
  if ((d?.allow_override ?? false) !== wanted.display!.allow_override) display.allow_override = wanted.display!.allow_override;
  if (Object.keys(display).length > 0) patch.display = display;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

async function applyEngineSide(engine: EngineClient, target: Target, inputs: Inputs): Promise<void> {
  for (const vm of target.vms) {
    const current = target.kind === "vm" ? target.settings : vm.next_run_configuration_exists ? await engine.getVm(vm.id, { nextRun: true }) : vm;
    const patch = patchFor(current, inputs);
    if (patch) await engine.updateVm(vm.id, patch);
  }
}

/** Removes live credentials from an engine `.vv` file and applies the policy's console-side settings. */
export function shapeRemoteViewerFile(raw: string, effectiveSmartcard: boolean, ticketExpirySeconds: number): string {
  const lines = raw.split(/\r?\n/).filter((line) => {
    const key = line.split("=", 1)[0]!.trim().toLowerCase();
    if (key === "password" || key === "sso-token") return false;
    return !/^#.*password/i.test(line.trim());
  });
  const isSpice = lines.some((line) => line.trim().toLowerCase() === "type=spice");
  const out: string[] = [];
  let inViewer = false;
  let wroteSmartcard = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith("[")) {
      if (inViewer && isSpice && !wroteSmartcard) out.push(`enable-smartcard=${effectiveSmartcard ? 1 : 0}`);
      inViewer = trimmed.toLowerCase() === "[virt-viewer]";
      out.push(line);
      if (inViewer) out.push(ticketComment(ticketExpirySeconds));
      continue;
    }
    if (trimmed.toLowerCase().startsWith("enable-smartcard=")) {
      out.push(`enable-smartcard=${effectiveSmartcard ? 1 : 0}`);
      wroteSmartcard = true;
      continue;
    }
    out.push(line);
  }
  if (inViewer && isSpice && !wroteSmartcard) out.push(`enable-smartcard=${effectiveSmartcard ? 1 : 0}`);
  return out.join("\n").replace(/\n*$/, "\n");
}

function ticketComment(ticketExpirySeconds: number): string {
  return `# No ticket is stored in this file: request one valid for ${ticketExpirySeconds} seconds when opening the console.`;
}

/** A `.vv` file from the target's settings, for when no VM runs (the engine only issues one for a running VM). */
export function composeRemoteViewerFile(vm: { id: string; name: string }, displayType: string, effectiveSmartcard: boolean, ticketExpirySeconds: number): string {
  const lines = [
    "[virt-viewer]",
    ticketComment(ticketExpirySeconds),
    `type=${displayType}`,
    `title=${vm.name}`,
    "delete-this-file=1",
    "fullscreen=0",
    "toggle-fullscreen=shift+f11",
    "release-cursor=shift+f12",
    "secure-attention=ctrl+alt+end",
  ];
  if (displayType === "spice") lines.push(`enable-smartcard=${effectiveSmartcard ? 1 : 0}`);
  lines.push("", "[ovirt]", `vm-guid=${vm.id}`);
  return lines.join("\n") + "\n";
}

async function remoteViewerFileFor(engine: EngineClient, target: Target, effective: boolean, inputs: Inputs): Promise<string> {
  const expiry = inputs.ticketExpirySeconds;
  const displayType = target.settings?.display?.type ?? "spice";
  const vm = target.vms.find((v) => isRunningStatus(v.status) && v.status === "up") ?? target.vms[0];
  if (!vm) return composeRemoteViewerFile({ id: target.id, name: target.name }, displayType, effective, expiry);
  if (vm.status === "up") {
    const consoles = await engine.listGraphicsConsoles(vm.id);
    const console = consoles.find((c) => c.protocol === displayType) ?? consoles[0];
    if (console) {
      const raw = await engine.remoteViewerFile(vm.id, console.id);
      if (raw) return shapeRemoteViewerFile(raw, effective, expiry);
    }
  }
  return composeRemoteViewerFile(vm, displayType, effective, expiry);
}

async function outputsFor(engine: EngineClient, target: Target, inputs: Inputs): Promise<State> {
  const effectiveSmartcard = smartcardOf(target.settings) && inputs.smartcardEnabled !== false;
  const display = target.settings?.display;
  return {
    ...inputs,
    effectiveSmartcard,
    consoleDescription: consoleDescription(display?.type ? { type: display.type, smartcardEnabled: effectiveSmartcard } : null),
    remoteViewerFile: await remoteViewerFileFor(engine, target, effectiveSmartcard, inputs),
  };
}

/** Loads the target, or explains that it does not exist. */
async function requireTarget(engine: EngineClient, inputs: Inputs): Promise<Target> {
  const { kind, id } = targetOf(inputs);
  const target = await loadTarget(engine, kind, id);
  if (!target) {
    const property = kind === "vm" ? "vmId" : "poolId";
    throw new Error(`ConsolePolicy: \`${property}\` ${id} is not a ${kind === "vm" ? "VM" : "pool"} in the engine. Give the id of an existing one.`);
  }
  if (inputs.smartcardEnabled === true && !smartcardOf(target.settings)) throw new Error(noSmartcardFailure(target).reason);
  return target;
}

function previewOutputs(inputs: Inputs, olds: State | undefined): State {
  const consoleSideSame = olds !== undefined && changedProperties(olds, inputs, [...CONSOLE_SIDE, "vmId", "poolId"]).length === 0;
  return {
    ...inputs,
    effectiveSmartcard: inputs.smartcardEnabled === false ? false : consoleSideSame ? olds.effectiveSmartcard : UNKNOWN,
    consoleDescription: consoleSideSame ? olds.consoleDescription : UNKNOWN,
    remoteViewerFile: consoleSideSame ? olds.remoteViewerFile : UNKNOWN,
  };
}

export const consolePolicyResource: Resource<Inputs, State> = {
  token: TOKEN,
  label: "Console policy",

  async check({ news }, ctx) {
    const result = await checkInputs<Inputs>(TOKEN, news, rules);
    if (result.failures.length > 0 || result.inputs.smartcardEnabled !== true) return result;
    // "Disable smartcard" only: enabling needs a target with a smartcard. Read it when we can.
    const ids = [result.inputs.vmId, result.inputs.poolId];
    if (ctx.preview || !ctx.engine || ids.some(isUnknown) || !ids.some(isKnown)) return result;
    const { kind, id } = targetOf(result.inputs);
    // A target that this run gives a smartcard passes, though the engine has none yet (preview).
    const planned = ctx.plans.smartcard(kind, id);
    if (planned === true) return result;
    // A target that cannot be read now is checked again at create and update.
    const target = await loadTarget(ctx.engine, kind, id).catch(() => undefined);
    if (target && (planned === false || !smartcardOf(target.settings))) result.failures.push(noSmartcardFailure(target));
    return result;
  },

  async diff({ olds, news, oldInputs }) {
    return diffInputs(TOKEN, olds, oldInputs, news);
  },

  async create({ inputs }, ctx) {
    if (ctx.preview) return { id: "", outputs: previewOutputs(inputs, undefined) };
    const engine = requireEngine(ctx, "create a console policy");
    const target = await requireTarget(engine, inputs);
    await applyEngineSide(engine, target, inputs);
    const applied = (await loadTarget(engine, target.kind, target.id)) ?? target;
    return { id: `${target.kind}:${target.id}`, outputs: await outputsFor(engine, applied, inputs) };
  },

  async read({ id, oldInputs }, ctx) {
    const engine = requireEngine(ctx, `read console policy ${id}`);
    const { kind, id: targetId } = parseId(id);
    const target = await loadTarget(engine, kind, targetId);
    if (!target) return undefined;
    const display = target.settings?.display;
    const inputs: Inputs = {
      [kind === "vm" ? "vmId" : "poolId"]: targetId,
      sso: ((target.settings?.sso_methods ?? []).includes("guest_agent") ? "guest_agent" : "none") satisfies SsoMethod,
      // The engine's own values (upper case) of the schema's enum.
      disconnectAction: (display?.disconnect_action ?? "LOCK_SCREEN").toLowerCase() as DisconnectAction,
      disconnectActionDelayMinutes: display?.disconnect_action_delay ?? 0,
      allowReconnect: display?.allow_override ?? false,
      // Console-side settings live only in the program and state.
      ticketExpirySeconds: oldInputs.ticketExpirySeconds ?? 120,
    };
    if (oldInputs.smartcardEnabled !== undefined) inputs.smartcardEnabled = oldInputs.smartcardEnabled;
    const drifted = Object.keys(oldInputs).length > 0 ? changedProperties(oldInputs, inputs, [...ENGINE_SIDE]) : [];
    if (drifted.length > 0) ctx.log(`Console settings of ${kind} ${target.name} changed in the engine since the last read: ${drifted.join(", ")}`);
    return { id, inputs, outputs: await outputsFor(engine, target, inputs) };
  },

  async update({ olds, news }, ctx) {
    if (ctx.preview) return previewOutputs(news, olds);
    const engine = requireEngine(ctx, "update a console policy");
    const target = await requireTarget(engine, news);
    await applyEngineSide(engine, target, news);
    const applied = (await loadTarget(engine, target.kind, target.id)) ?? target;
    return outputsFor(engine, applied, news);
  },

  async delete() {
    // Deliberately nothing: the target keeps its settings (see the header comment).
  },
};
