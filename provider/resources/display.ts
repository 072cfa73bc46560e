// The display inputs shared by Vm, Template and Pool (`displayType`, `smartcardEnabled`,
// `monitors`, `copyPasteEnabled`, `fileTransferEnabled`) and everything derived from them: the
// engine's `display` element, the console description, the smartcard rules, and the domain XML.
// One home for this mapping, so the three resources cannot drift apart.

import { consoleDescription, renderDomainXml, smartcardProblems } from "../../domainxml/index.ts";
import type { DiskSettings, DisplaySettings, MonitorCount, NicSettings } from "../../domainxml/index.ts";
import type { Display, DisplayType, VmBase, VmType } from "../engine/index.ts";
import { isUnknown, type CheckRule } from "./check.ts";
import { desktopDomainSettings, type DesktopValues } from "./desktop.ts";
import type { TemplateInputs, VmDisk, VmNic } from "../shapes.generated.ts";
import type { New, Old } from "./types.ts";
import { UNKNOWN } from "./types.ts";

export const DISPLAY_PROPERTIES = ["displayType", "smartcardEnabled", "monitors", "copyPasteEnabled", "fileTransferEnabled"] as const;

/** The display inputs, as Vm, Template and Pool share them (schema.json gives each the same five). */
export type DisplayInputs = Pick<TemplateInputs, (typeof DISPLAY_PROPERTIES)[number]>;

/**
 * The display properties by name, whatever their source: checked inputs, a lookup's engine values,
 * or inputs a check rule reads before they are an I (values may be UNKNOWN or missing).
 */
export type DisplayValues = Readonly<Partial<Record<(typeof DISPLAY_PROPERTIES)[number], unknown>>>;

/** The display properties among `props` (inputs, or a lookup's outputs). */
export function displayOf(props: DisplayValues): DisplayValues {
  return Object.fromEntries(DISPLAY_PROPERTIES.map((p) => [p, props[p]]));
}

/** Fields the engine only changes while a VM is down: on a running VM they become next-run configuration. */
export const DOWN_ONLY_VM_PROPERTIES = [
  "displayType", "smartcardEnabled", "monitors", "copyPasteEnabled", "fileTransferEnabled", "usbEnabled", "vmType", "cpuCores",
] as const;

/** The engine's values when an optional display input is not given. */
const OPTIONAL_DISPLAY_DEFAULTS = { monitors: 1, copyPasteEnabled: true, fileTransferEnabled: true } as const;

/** The engine `display` element for the display inputs; optional inputs left out stay as the engine has them. */
export function displayToEngine(inputs: DisplayInputs): Display {
  const display: Display = {
    type: inputs.displayType as DisplayType,
    smartcard_enabled: inputs.smartcardEnabled as boolean,
  };
  if (inputs.monitors !== undefined) display.monitors = inputs.monitors as number;
  if (inputs.copyPasteEnabled !== undefined) display.copy_paste_enabled = inputs.copyPasteEnabled as boolean;
  if (inputs.fileTransferEnabled !== undefined) display.file_transfer_enabled = inputs.fileTransferEnabled as boolean;
  return display;
}

/** Only the display fields whose input changed between `olds` and `news`. */
export function displayPatch(olds: Old<Partial<DisplayInputs>>, news: New<DisplayInputs>): Display | undefined {
  const full = displayToEngine(news);
  const patch: Display = {};
  if (olds.displayType !== news.displayType) patch.type = full.type;
  if (olds.smartcardEnabled !== news.smartcardEnabled) patch.smartcard_enabled = full.smartcard_enabled;
  if (olds.monitors !== news.monitors && full.monitors !== undefined) patch.monitors = full.monitors;
  if (olds.copyPasteEnabled !== news.copyPasteEnabled && full.copy_paste_enabled !== undefined) patch.copy_paste_enabled = full.copy_paste_enabled;
  if (olds.fileTransferEnabled !== news.fileTransferEnabled && full.file_transfer_enabled !== undefined) patch.file_transfer_enabled = full.file_transfer_enabled;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/**
 * An optional input as read from the engine. One the program leaves unset (`old` undefined) is the
 * engine's to fill: AddVmTemplateCommand copies the source VM's display into a template, AddVmCommand
 * and AddVmPoolCommand copy the template's into new VMs. So it stays unset, whatever the engine
 * holds: a value nobody chose is no drift. Only an import (no old inputs at all) reads it, and then
 * only when it is not the engine's default.
 */
function optionalInput<T>(old: unknown, value: T | undefined, engineDefault: T, importing: boolean): T | undefined {
  if (value === undefined) return undefined;
  if (old === undefined && (!importing || value === engineDefault)) return undefined;
  return value;
}

/**
 * The display inputs that reproduce an engine `display` (refresh and import; an import is a read
 * with no old inputs). Headless reads as VNC-less SPICE off.
 */
export function displayFromEngine(display: Display | undefined, oldInputs: Old<DisplayValues>): DisplayInputs {
  const inputs: DisplayInputs = {
    displayType: display?.type ?? (oldInputs.displayType as DisplayInputs["displayType"] | undefined) ?? "spice",
    smartcardEnabled: display?.smartcard_enabled ?? false,
  };
  const importing = Object.keys(oldInputs).length === 0;
  const monitors = optionalInput(oldInputs.monitors, display?.monitors, OPTIONAL_DISPLAY_DEFAULTS.monitors, importing);
  const copyPaste = optionalInput(oldInputs.copyPasteEnabled, display?.copy_paste_enabled, OPTIONAL_DISPLAY_DEFAULTS.copyPasteEnabled, importing);
  const fileTransfer = optionalInput(oldInputs.fileTransferEnabled, display?.file_transfer_enabled, OPTIONAL_DISPLAY_DEFAULTS.fileTransferEnabled, importing);
  if (monitors !== undefined) inputs.monitors = monitors;
  if (copyPaste !== undefined) inputs.copyPasteEnabled = copyPaste;
  if (fileTransfer !== undefined) inputs.fileTransferEnabled = fileTransfer;
  return inputs;
}

/** The settings the domain-XML library needs; UNKNOWN when any of them is not known yet. */
export interface VmShape {
  name: unknown;
  memoryMb: unknown;
  cpuCores: unknown;
  vmType: unknown;
  usbEnabled: unknown;
  display: DisplayValues;
  /** A `disks` list (inputs, or outputs with `diskId`); none when left out. */
  disks?: readonly VmDisk[];
  /** A `nics` list (inputs, or outputs with `macAddress`); none when left out. */
  nics?: readonly VmNic[];
  /** Inputs holding the desktop settings (desktop.ts: firmware, TPM, sound, video, CD-ROM...); none when left out. */
  desktop?: DesktopValues;
}

function anyMissing(values: unknown[]): boolean {
  return values.some((v) => v === undefined || isUnknown(v));
}

function displaySettings(display: DisplayValues): DisplaySettings {
  return {
    type: display.displayType as DisplayType,
    smartcardEnabled: display.smartcardEnabled as boolean,
    monitors: display.monitors as MonitorCount | undefined,
    copyPasteEnabled: display.copyPasteEnabled as boolean | undefined,
    fileTransferEnabled: display.fileTransferEnabled as boolean | undefined,
  };
}

function displayInputsKnown(display: DisplayValues): boolean {
  if (anyMissing([display.displayType, display.smartcardEnabled])) return false;
  return ![display.monitors, display.copyPasteEnabled, display.fileTransferEnabled].some(isUnknown);
}

/** The entries of a list value, or undefined while the list or any entry's field is unknown. */
function knownEntries<E extends object>(value: readonly E[] | undefined): readonly E[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const entries = value as readonly E[];
  const known = entries.every((e) => e !== null && typeof e === "object" && !Object.values(e).some(isUnknown));
  return known ? entries : undefined;
}

function diskSettings(disk: VmDisk): DiskSettings {
  return {
    name: disk.name as string,
    id: disk.diskId as string | undefined,
    interface: (disk.interface ?? "virtio_scsi") as DiskSettings["interface"],
    format: (disk.format ?? "cow") as DiskSettings["format"],
    bootable: disk.bootable === true,
    storageDomain: disk.storageDomain as string | undefined,
  };
}

/**
 * The host bridge is named after the logical network. A NIC given by vNIC profile names its
 * profile instead: which network the profile belongs to only the engine knows, and the engine's
 * default profile of a network carries the network's name.
 */
function nicSettings(nic: VmNic): NicSettings {
  return {
    name: nic.name as string,
    network: (nic.network ?? nic.vnicProfile ?? "") as string,
    interface: (nic.interface ?? "virtio") as NicSettings["interface"],
    macAddress: nic.macAddress as string | undefined,
  };
}

/** The `domainXml` output: rendered by the domain-XML library, or UNKNOWN while an input is unknown. */
export function domainXmlFor(shape: VmShape): string {
  if (anyMissing([shape.name, shape.memoryMb, shape.cpuCores, shape.vmType, shape.usbEnabled])) return UNKNOWN;
  if (!displayInputsKnown(shape.display)) return UNKNOWN;
  const disks = knownEntries(shape.disks);
  const nics = knownEntries(shape.nics);
  if (disks === undefined || nics === undefined) return UNKNOWN;
  const desktop = desktopDomainSettings(shape.desktop ?? {});
  if (desktop === undefined) return UNKNOWN;
  return renderDomainXml({
    ...desktop,
    disks: disks.map(diskSettings),
    nics: nics.map(nicSettings),
    name: shape.name as string,
    memoryMb: shape.memoryMb as number,
    cpuCores: shape.cpuCores as number,
    vmType: shape.vmType as VmType,
    usbEnabled: shape.usbEnabled as boolean,
    display: desktop.headless === true ? null : displaySettings(shape.display),
  });
}

/** The `consoleDescription` output ("Spice with Smartcard", "Spice", "VNC"), or UNKNOWN. */
export function consoleDescriptionFor(display: DisplayValues): string {
  if (anyMissing([display.displayType, display.smartcardEnabled])) return UNKNOWN;
  return consoleDescription(displaySettings(display));
}

/** A desktop's `consoleDescription`: "Headless" without graphics consoles, else its display's. */
export function desktopConsoleDescription(inputs: DisplayValues & { headless?: unknown }): string {
  if (isUnknown(inputs.headless)) return UNKNOWN;
  return inputs.headless === true ? consoleDescription(null) : consoleDescriptionFor(displayOf(inputs));
}

/** The VM shape (for domainXml) of an engine VM, such as a pool's VM. */
/** A VM shape read from the engine: its VM settings are known values, not inputs. */
export interface EngineVmShape extends VmShape {
  memoryMb: number | undefined;
  cpuCores: number | undefined;
  vmType: VmType | undefined;
  usbEnabled: boolean;
}

export function shapeFromEngine(name: string, vm: VmBase): EngineVmShape {
  return {
    name,
    memoryMb: vm.memory !== undefined ? Math.floor(vm.memory / MIB) : undefined,
    cpuCores: vm.cpu?.topology?.cores,
    vmType: vm.type,
    usbEnabled: vm.usb?.enabled ?? false,
    // Every optional field counts as "set" here: the XML should show the engine's actual values.
    display: displayFromEngine(vm.display, { monitors: 0, copyPasteEnabled: 0, fileTransferEnabled: 0 }),
  };
}

export const MIB = 1024 * 1024;

/** Property names in the smartcard reasons, backticked so each front end shows its own spelling. */
const SMARTCARD_NAMED = /\b(displayType|smartcardEnabled|usbEnabled|vmType)\b/g;

/**
 * The smartcard rule of the feature: SPICE only, not headless, and not on a high-performance VM
 * with USB off. The engine's web UI enforces it, its backend does not, and libvirt then refuses to
 * start the VM: so it is a check failure on `smartcardEnabled`. `vmType` and `usbEnabled` come
 * from the inputs, or from `fallback` for resources that do not have them (the template's VM).
 */
export function smartcardRule(fallback: { vmType?: VmType; usbEnabled?: boolean } = {}): CheckRule {
  return (inputs) => {
    if (inputs.smartcardEnabled !== true) return [];
    const vmType = inputs.vmType ?? fallback.vmType ?? "desktop";
    const usbEnabled = inputs.usbEnabled ?? fallback.usbEnabled ?? true;
    if (anyMissing([inputs.displayType, vmType, usbEnabled])) return [];
    const problems = smartcardProblems({
      name: typeof inputs.name === "string" ? inputs.name : "vm",
      memoryMb: 1024,
      cpuCores: 1,
      vmType: vmType as VmType,
      usbEnabled: usbEnabled as boolean,
      display: displaySettings(inputs),
    });
    return problems.map((p) => ({
      property: "smartcardEnabled",
      reason: `\`smartcardEnabled\` cannot be true here: ${p.reason.replace(SMARTCARD_NAMED, "`$1`")}.`.replace(/\.\.$/, "."),
    }));
  };
}
