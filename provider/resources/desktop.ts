// The desktop settings of issue #24 shared by Vm, Template and Pool (firmware, OS, TPM, time zone,
// sound, keyboard, video, headless, protection, high availability, memory policy, CPU topology,
// boot order, CD-ROM): one table from each user-facing property to the engine's model and back,
// with what the engine does when it changes on a running VM. Vm, Template and Pool read this table
// instead of each spelling out the mapping, so the three cannot drift apart.
//
// What a change on a running VM does follows the engine's own annotations on VmBase
// (ovirt-engine backend/manager/modules/common/.../businessentities/VmBase.java, read through
// ObjectIdentityChecker by VmHandler when UpdateVmCommand decides on a next-run configuration):
// - `@EditableVmField` without `onStatuses` (osId, priority, autoStartup, deleteProtected, isoPath):
//   saved at once, whatever the status;
// - `hotSettableOnStatus` (numOfSockets on UP, minAllocatedMem on RUNNING_OR_PAUSED): applied to
//   the running VM at once (CPU and memory hot plug);
// - `onStatuses = VMStatus.Down` (biosType, timeZone, defaultBootSequence, vncKeyboardLayout,
//   defaultDisplayType, maxMemorySizeMb, cpuPerSocket, threadsPerCpu, balloonEnabled, stateless):
//   on a running VM the engine keeps the change as the next-run configuration;
// - the TPM and sound devices are written when the VM starts (UpdateVmCommand's device updates on
//   a running VM are next-run), so they wait for the next run too.

import { deviceSettingsAdvice, deviceSettingsProblems, diskSourcePath, type DeviceSettingsInput, type DomainSettings } from "../../domainxml/index.ts";
import type { VmBase } from "../engine/index.ts";
import { inputProperties } from "../schema.ts";
import { holdsUnknown, isUnknown, type CheckRule } from "./check.ts";
import type { VmInputs } from "../shapes.generated.ts";
import type { InputValues } from "./diff.ts";
import type { CheckFailure, New, Old, RawInputs } from "./types.ts";

export type Holder = "vm" | "template" | "pool";

/** The inputs DESKTOP_SETTINGS maps (each a VmInputs field; a template or pool has a subset). */
export type DesktopProperty =
  | "osType" | "biosType" | "tpmEnabled" | "timeZone" | "soundcardEnabled" | "keyboardLayout" | "videoType" | "deleteProtected"
  | "stateless" | "highAvailability" | "memoryGuaranteedMb" | "memoryMaxMb" | "ballooning" | "cpuSockets" | "cpuThreads" | "bootDevices";

/**
 * The desktop inputs by name, plus `headless` and `cdrom` the preview reads: a Vm's, Template's or
 * Pool's inputs, or a preview's arguments. The table maps them one by one, so values are read as unknown.
 */
export type DesktopValues = Readonly<Partial<Record<DesktopProperty | "headless" | "cdrom", unknown>>>;

/**
 * The desktop inputs read back from the engine. Built by name from the table, whose fromEngine
 * returns each field as the engine reports it; the one cast (in desktopFromEngine and desktopReport)
 * says those are the input's types, as the engine's own validation guarantees for what it stores.
 */
export type DesktopReadBack = Partial<Pick<VmInputs, DesktopProperty>>;

const MIB = 1024 * 1024;

interface DesktopSetting {
  property: DesktopProperty;
  holders: readonly Holder[];
  /** What a change does on a running VM (see the header): at once, or at the next run. */
  onRunningVm: "in_place" | "next_run";
  /** The engine shows the field only with All-Content (soundcard_enabled, tpm_enabled). */
  allContent?: boolean;
  toEngine(value: unknown, base: VmBase): void;
  fromEngine(base: VmBase): unknown;
}

const ALL: readonly Holder[] = ["vm", "template", "pool"];

const memoryPolicy = (base: VmBase) => (base.memory_policy ??= {});
const topology = (base: VmBase) => ((base.cpu ??= {}).topology ??= {});
const display = (base: VmBase) => (base.display ??= {});

export const DESKTOP_SETTINGS: readonly DesktopSetting[] = [
  {
    property: "osType", holders: ALL, onRunningVm: "in_place",
    toEngine: (v, b) => void ((b.os ??= {}).type = v as string),
    fromEngine: (b) => b.os?.type,
  },
  {
    property: "biosType", holders: ALL, onRunningVm: "next_run",
    toEngine: (v, b) => void (b.bios_type = v as string),
    fromEngine: (b) => b.bios_type,
  },
  {
    property: "tpmEnabled", holders: ALL, onRunningVm: "next_run", allContent: true,
    toEngine: (v, b) => void (b.tpm_enabled = v as boolean),
    fromEngine: (b) => b.tpm_enabled,
  },
  {
    property: "timeZone", holders: ALL, onRunningVm: "next_run",
    toEngine: (v, b) => void (b.time_zone = v as string),
    fromEngine: (b) => b.time_zone,
  },
  {
    property: "soundcardEnabled", holders: ALL, onRunningVm: "next_run", allContent: true,
    toEngine: (v, b) => void (b.soundcard_enabled = v as boolean),
    fromEngine: (b) => b.soundcard_enabled,
  },
  {
    property: "keyboardLayout", holders: ALL, onRunningVm: "next_run",
    toEngine: (v, b) => void (display(b).keyboard_layout = v as string),
    fromEngine: (b) => b.display?.keyboard_layout,
  },
  {
    property: "videoType", holders: ALL, onRunningVm: "next_run",
    toEngine: (v, b) => void (display(b).video_type = v as string),
    fromEngine: (b) => b.display?.video_type,
  },
  {
    // On a pool: each pool VM's VmStatic.deleteProtected, given when the engine creates them (see pool.ts).
    property: "deleteProtected", holders: ALL, onRunningVm: "in_place",
    toEngine: (v, b) => void (b.delete_protected = v as boolean),
    fromEngine: (b) => b.delete_protected,
  },
  {
    property: "stateless", holders: ["vm"], onRunningVm: "next_run",
    toEngine: (v, b) => void (b.stateless = v as boolean),
    fromEngine: (b) => b.stateless,
  },
  {
    property: "highAvailability", holders: ALL, onRunningVm: "in_place",
    toEngine: (v, b) => {
      const ha = v as { enabled?: boolean; priority?: number };
      b.high_availability = { enabled: ha.enabled ?? false, ...(ha.priority !== undefined ? { priority: ha.priority } : {}) };
    },
    fromEngine: (b) => {
      const ha = b.high_availability;
      if (ha === undefined) return undefined;
      return { enabled: ha.enabled ?? false, ...(ha.priority !== undefined ? { priority: ha.priority } : {}) };
    },
  },
  {
    property: "memoryGuaranteedMb", holders: ALL, onRunningVm: "in_place",
    toEngine: (v, b) => void (memoryPolicy(b).guaranteed = (v as number) * MIB),
    fromEngine: (b) => (b.memory_policy?.guaranteed === undefined ? undefined : Math.floor(b.memory_policy.guaranteed / MIB)),
  },
  {
    property: "memoryMaxMb", holders: ALL, onRunningVm: "next_run",
    toEngine: (v, b) => void (memoryPolicy(b).max = (v as number) * MIB),
    fromEngine: (b) => (b.memory_policy?.max === undefined ? undefined : Math.floor(b.memory_policy.max / MIB)),
  },
  {
    property: "ballooning", holders: ALL, onRunningVm: "next_run",
    toEngine: (v, b) => void (memoryPolicy(b).ballooning = v as boolean),
    fromEngine: (b) => b.memory_policy?.ballooning,
  },
  {
    property: "cpuSockets", holders: ALL, onRunningVm: "in_place",
    toEngine: (v, b) => void (topology(b).sockets = v as number),
    fromEngine: (b) => b.cpu?.topology?.sockets,
  },
  {
    property: "cpuThreads", holders: ALL, onRunningVm: "next_run",
    toEngine: (v, b) => void (topology(b).threads = v as number),
    fromEngine: (b) => b.cpu?.topology?.threads,
  },
  {
    property: "bootDevices", holders: ALL, onRunningVm: "next_run",
    toEngine: (v, b) => void ((b.os ??= {}).boot_devices = [...(v as string[])]),
    fromEngine: (b) => b.os?.boot_devices,
  },
];

/** The table's settings a resource has. */
export function desktopSettingsOf(holder: Holder): readonly DesktopSetting[] {
  return DESKTOP_SETTINGS.filter((s) => s.holders.includes(holder));
}

/** The desktop properties of a resource (for the diff and replaceOnChanges lists). */
export function desktopProperties(holder: Holder): string[] {
  return desktopSettingsOf(holder).map((s) => s.property);
}

/** The properties whose change on a running VM waits for its next run (shown as `pendingRestart`). */
export const NEXT_RUN_DESKTOP_PROPERTIES: readonly string[] = DESKTOP_SETTINGS.filter((s) => s.onRunningVm === "next_run").map((s) => s.property);

/** Writes every given desktop input into `base` (create). */
export function desktopToEngine(holder: Holder, inputs: DesktopValues, base: VmBase): VmBase {
  for (const setting of desktopSettingsOf(holder)) {
    if (inputs[setting.property] !== undefined) setting.toEngine(inputs[setting.property], base);
  }
  return base;
}

/** Writes only the desktop inputs that changed into `patch` (update); a removed input is left as the engine has it. */
export function desktopPatch(holder: Holder, oldInputs: Old<DesktopValues>, news: New<DesktopValues>, patch: Partial<VmBase>): void {
  for (const setting of desktopSettingsOf(holder)) {
    const value = news[setting.property];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(oldInputs[setting.property])) continue;
    setting.toEngine(value, patch as VmBase);
  }
}

/** True when reading these inputs back needs the engine's All-Content view. */
export function needsAllContent(holder: Holder, oldInputs: Old<DesktopValues>): boolean {
  const importing = Object.keys(oldInputs).length === 0;
  return desktopSettingsOf(holder).some((s) => s.allContent === true && (importing || oldInputs[s.property] !== undefined));
}

/**
 * The desktop inputs that reproduce `base`: those the program sets are read back (drift shows);
 * those it leaves out stay unset (the template or the engine decides); an import (no old inputs)
 * reports every value the engine holds (a program may leave any of them out: see unmanagedNow).
 */
export function desktopFromEngine(holder: Holder, base: VmBase, oldInputs: Old<DesktopValues>): DesktopReadBack {
  const importing = Object.keys(oldInputs).length === 0;
  const inputs: Partial<Record<DesktopProperty, unknown>> = {};
  for (const setting of desktopSettingsOf(holder)) {
    const value = setting.fromEngine(base);
    if (importing ? value === undefined : oldInputs[setting.property] === undefined) continue;
    inputs[setting.property] = value ?? oldInputs[setting.property];
  }
  return inputs as DesktopReadBack;
}

/** Every desktop setting the engine reports for `base` (the getVm / getTemplate lookups). */
export function desktopReport(holder: Holder, base: VmBase): DesktopReadBack {
  const report: Partial<Record<DesktopProperty, unknown>> = {};
  for (const setting of desktopSettingsOf(holder)) {
    const value = setting.fromEngine(base);
    if (value !== undefined) report[setting.property] = value;
  }
  return report as DesktopReadBack;
}

/**
 * `headless` as read back: the engine shows no `display` for a VM or template without graphics
 * devices. Managed when the program sets it; an import reports it only when headless.
 */
export function headlessFromEngine(display: unknown, oldInputs: Old<DesktopValues>): { headless?: boolean } {
  const importing = Object.keys(oldInputs).length === 0;
  const headless = display === undefined;
  return oldInputs.headless !== undefined || (importing && headless) ? { headless } : {};
}

/**
 * The desktop settings the program leaves out now: not compared by the diff. Taking a setting out
 * of the program leaves it as the engine has it (desktopPatch sends nothing), so it is no change;
 * and an import, which reports every setting, then plans nothing for a program that omits some.
 */
export function unmanagedNow(properties: readonly string[], news: New<InputValues>): string[] {
  return properties.filter((p) => news[p] === undefined);
}

/**
 * `cpuCores` as read back: cores per socket when the program sets sockets or threads (or an
 * import finds more than one), else every vCPU (the provider's historical meaning).
 */
export function cpuCoresFromEngine(base: VmBase, oldInputs: Old<Partial<Pick<VmInputs, "cpuSockets" | "cpuThreads">>>): number {
  const t = base.cpu?.topology;
  const importing = Object.keys(oldInputs).length === 0;
  const split = importing
    ? (t?.sockets ?? 1) !== 1 || (t?.threads ?? 1) !== 1
    : oldInputs.cpuSockets !== undefined || oldInputs.cpuThreads !== undefined;
  return split ? (t?.cores ?? 1) : (t?.cores ?? 1) * (t?.sockets ?? 1) * (t?.threads ?? 1);
}

/** The CPU topology for the inputs: `cpuCores` per socket, `cpuSockets` and `cpuThreads` (1 when left out). */
export function topologyFromInputs(inputs: Partial<Pick<VmInputs, "cpuCores" | "cpuSockets" | "cpuThreads">>): { sockets: number; cores: number; threads: number } {
  return { sockets: (inputs.cpuSockets as number | undefined) ?? 1, cores: inputs.cpuCores as number, threads: (inputs.cpuThreads as number | undefined) ?? 1 };
}

// ---------------------------------------------------------------------------------------------
// The domain-XML preview

/** The desktop inputs as the renderer's settings; undefined while any of them is unknown. */
export function desktopDomainSettings(inputs: DesktopValues): Partial<DomainSettings> | undefined {
  const keys: (keyof DesktopValues)[] = [...DESKTOP_SETTINGS.map((s) => s.property), "headless", "cdrom"];
  if (keys.some((k) => holdsUnknown(inputs[k]))) return undefined;
  const settings: Partial<DomainSettings> = {};
  const pass = <K extends keyof DomainSettings>(key: K, value: unknown) => {
    if (value !== undefined) settings[key] = value as DomainSettings[K];
  };
  pass("osType", inputs.osType);
  pass("biosType", inputs.biosType);
  pass("tpmEnabled", inputs.tpmEnabled);
  pass("timeZone", inputs.timeZone);
  pass("soundcardEnabled", inputs.soundcardEnabled);
  pass("keyboardLayout", inputs.keyboardLayout);
  pass("videoType", inputs.videoType);
  pass("headless", inputs.headless);
  pass("memoryGuaranteedMb", inputs.memoryGuaranteedMb);
  pass("memoryMaxMb", inputs.memoryMaxMb);
  pass("ballooning", inputs.ballooning);
  pass("cpuSockets", inputs.cpuSockets);
  pass("cpuThreads", inputs.cpuThreads);
  pass("bootDevices", inputs.bootDevices);
  if (typeof inputs.cdrom === "string" && inputs.cdrom !== "") {
    // The ISO's image on its storage domain, as a host sees it (the domain is the engine's to say).
    settings.cdrom = diskSourcePath({ name: inputs.cdrom, interface: "sata", format: "raw", bootable: false });
  }
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Check-time rules (domainxml/rules.ts, which cites the engine's validation for each)

/** The inputs each rule's outcome depends on: a problem is dropped while any of them is unknown. */
const RULE_INPUTS: Record<string, readonly string[]> = {
  tpmEnabled: ["tpmEnabled", "biosType", "osType"],
  biosType: ["biosType", "osType"],
  videoType: ["videoType", "biosType", "displayType", "headless"],
  headless: ["headless", "displayType"],
  smartcardEnabled: ["smartcardEnabled", "headless"],
  timeZone: ["timeZone", "osType"],
  memoryGuaranteedMb: ["memoryGuaranteedMb", "memoryMb"],
  memoryMaxMb: ["memoryMaxMb", "memoryMb"],
};

const RULE_KEYS = [
  "osType", "biosType", "tpmEnabled", "timeZone", "soundcardEnabled", "keyboardLayout", "videoType", "headless",
  "smartcardEnabled", "memoryMb", "memoryGuaranteedMb", "memoryMaxMb", "cpuSockets", "cpuCores", "cpuThreads", "bootDevices", "cdrom",
] as const;

/** Property names in a rule's reason, backticked so each front end shows its own spelling. */
const NAMED = new RegExp(`\\b(${[...RULE_KEYS, "displayType"].join("|")})\\b`, "g");

/** schema.json's default `displayType` (the same on Vm, Template and Pool). */
const DEFAULT_DISPLAY_TYPE = inputProperties("ovirt:index:Vm").displayType?.default;

/** Advice is for a choice being made: a create, or a change of what it is about (osType, biosType). */
function adviceDue(inputs: Record<string, unknown>, olds: Record<string, unknown>): boolean {
  return Object.keys(olds).length === 0 || olds.osType !== inputs.osType || olds.biosType !== inputs.biosType;
}

/**
 * The engine's device rules over the inputs. `given` are the inputs as the program wrote them,
 * before defaults: a headless VM conflicts only with a display type the program chose. What the
 * engine takes but the guest may not (deviceSettingsAdvice) comes back as warnings, when due.
 */
export function desktopRule(given: RawInputs, olds: Record<string, unknown> = {}): CheckRule {
  return (inputs) => {
    const known: Record<string, unknown> = {};
    for (const key of RULE_KEYS) if (!holdsUnknown(inputs[key])) known[key] = inputs[key];
    const headless = inputs.headless === true;
    // The default display type is no choice: the Terraform front end checks its planned values
    // again at apply (and the prior state's at an update), where the default is filled in.
    const displayType = headless ? (given.displayType === DEFAULT_DISPLAY_TYPE ? undefined : given.displayType) : inputs.displayType;
    if (!isUnknown(displayType)) known.displayType = displayType;
    const advice = adviceDue(inputs, olds) ? deviceSettingsAdvice(known as DeviceSettingsInput).map((p) => ({ ...p, warning: true })) : [];
    return [...deviceSettingsProblems(known as DeviceSettingsInput), ...advice]
      .filter((p) => !(RULE_INPUTS[p.property] ?? [p.property]).some((k) => holdsUnknown(k === "displayType" ? displayType : inputs[k])))
      .map((p): CheckFailure => ({ ...p, reason: `${p.reason.replace(NAMED, "`$1`")}.`.replace(/\.\.$/, ".") }));
  };
}
