// Check-time rules for a VM's firmware, OS, devices, memory and CPU, each from the oVirt engine's own
// validation (cited beside it), so that the provider can refuse at preview what the engine would
// refuse at apply. Pure functions over plain values; property names are the provider's.
import { isUefi } from "./firmware.ts";
import { counterpartZone, isWindows, timeZoneFits } from "./timezones.ts";
import { BIOS_TYPES, BOOT_DEVICES, VIDEO_TYPES } from "./types.ts";
import type { DomainSettings, SettingsProblem } from "./types.ts";

/** The provider-facing settings the rules read; every field may be left out. */
export interface DeviceSettingsInput {
  osType?: string;
  biosType?: string;
  tpmEnabled?: boolean;
  timeZone?: string;
  soundcardEnabled?: boolean;
  keyboardLayout?: string;
  videoType?: string;
  headless?: boolean;
  /** The display protocol as the user gave it (left out when not set). */
  displayType?: string;
  smartcardEnabled?: boolean;
  memoryMb?: number;
  memoryGuaranteedMb?: number;
  memoryMaxMb?: number;
  cpuSockets?: number;
  cpuCores?: number;
  cpuThreads?: number;
  bootDevices?: readonly string[];
  cdrom?: string;
}

/**
 * The engine's VncKeyboardLayoutValidValues (packaging/dbscripts config): the keymaps QEMU ships.
 * An unlisted layout fails the update with ACTION_TYPE_FAILED_INVALID_VNC_KEYBOARD_LAYOUT.
 */
export const KEYBOARD_LAYOUTS = [
  "ar", "da", "de", "de-ch", "en-gb", "en-us", "es", "et", "fi", "fo", "fr", "fr-be", "fr-ca", "fr-ch", "hr",
  "hu", "is", "it", "ja", "lt", "lv", "mk", "nl", "nl-be", "no", "pl", "pt", "pt-br", "ru", "sl", "sv", "th", "tr",
] as const;

/** OS ids whose osinfo entry requires a TPM (osRepository.requiresTpm; AddVmCommand/UpdateVmCommand refuse with TPM_DEVICE_REQUIRED_BY_OS). */
export const OS_REQUIRING_TPM = ["windows_11"] as const;

const quote = (value: unknown): string => JSON.stringify(value);
const listOf = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(", ");

function enumProblems(input: DeviceSettingsInput): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (input.biosType !== undefined && !(BIOS_TYPES as readonly string[]).includes(input.biosType)) {
    problems.push({ property: "biosType", reason: `biosType must be one of ${listOf(BIOS_TYPES)}; got ${quote(input.biosType)}` });
  }
  if (input.videoType !== undefined && !(VIDEO_TYPES as readonly string[]).includes(input.videoType)) {
    problems.push({ property: "videoType", reason: `videoType must be one of ${listOf(VIDEO_TYPES)}; got ${quote(input.videoType)}` });
  }
  const boot = input.bootDevices ?? [];
  const unknown = boot.filter((d) => !(BOOT_DEVICES as readonly string[]).includes(d));
  if (unknown.length > 0) {
    problems.push({ property: "bootDevices", reason: `bootDevices takes only ${listOf(BOOT_DEVICES)}; got ${quote(unknown)}. Remove the others` });
  } else if (new Set(boot).size !== boot.length) {
    problems.push({ property: "bootDevices", reason: `bootDevices lists a device twice (${quote(boot)}). List each boot device once` });
  }
  if (input.keyboardLayout !== undefined && input.keyboardLayout !== "" && !(KEYBOARD_LAYOUTS as readonly string[]).includes(input.keyboardLayout)) {
    problems.push({
      property: "keyboardLayout",
      reason: `the engine takes no keyboardLayout ${quote(input.keyboardLayout)}. Set keyboardLayout to one of the keymaps in its VncKeyboardLayoutValidValues: ${listOf(KEYBOARD_LAYOUTS)}`,
    });
  }
  if (input.cdrom !== undefined && input.cdrom.trim() === "") {
    problems.push({ property: "cdrom", reason: "cdrom must name an ISO file on a storage domain (its name or id), or be left out for an empty drive" });
  }
  return problems;
}

/**
 * Firmware and OS: a TPM needs UEFI on x86 (VmDeviceUtils.isTpmDeviceSupported: `isOvmf`; else
 * TPM_DEVICE_REQUESTED_ON_NOT_SUPPORTED_PLATFORM), and an OS whose osinfo requires a TPM needs one
 * (TPM_DEVICE_REQUIRED_BY_OS). Secure Boot is no requirement of the engine's: osinfo lists for
 * windows_11 only `devices.tpm = required` (its RAM and CPU minimums only warn), and
 * VmValidator.isBiosTypeSupported refuses Secure Boot only for an OS that does not support it
 * (SECURE_BOOT_NOT_SUPPORTED_BY_GUEST_OS), never its absence. So Windows 11 on "q35_ovmf" is a
 * warning (deviceSettingsAdvice), and an organisation that wants Secure Boot says so in the
 * policy pack (windows11-needs-secure-boot-and-tpm).
 */
function firmwareProblems(input: DeviceSettingsInput): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const bios = input.biosType as DomainSettings["biosType"];
  // cluster_default is left to the engine: a 4.4+ cluster may well default to UEFI.
  const seaBios = bios === "i440fx_sea_bios" || bios === "q35_sea_bios";
  if (input.tpmEnabled === true && seaBios) {
    problems.push({
      property: "tpmEnabled",
      reason: `the engine adds a TPM on x86 only with UEFI firmware, and biosType is "${bios}". Set biosType to "q35_secure_boot" or "q35_ovmf", or set tpmEnabled to false`,
    });
  }
  const osType = input.osType?.toLowerCase();
  if (osType !== undefined && (OS_REQUIRING_TPM as readonly string[]).includes(osType) && input.tpmEnabled !== true) {
    problems.push({
      property: "tpmEnabled",
      reason: `the engine's OS info requires a TPM for osType "${input.osType}" and refuses the VM without one. Set tpmEnabled to true (with biosType "q35_secure_boot")`,
    });
  }
  if (bios !== undefined && isUefi(bios) && input.videoType === "cirrus") {
    problems.push({ property: "videoType", reason: 'OVMF has no driver for a Cirrus card, so a UEFI VM would show nothing. Set videoType to "qxl", "vga" or "bochs"' });
  }
  return problems;
}

/**
 * Display: osinfo pairs SPICE with qxl only (devices.display.protocols lists spice/qxl; the engine's
 * VmValidator refuses other pairs), and a headless VM has no display for a protocol, a video
 * device or a smartcard (the web UI's headless mode clears them; the smartcard needs the console).
 */
function displayProblems(input: DeviceSettingsInput): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (input.headless === true) {
    if (input.displayType !== undefined) {
      problems.push({ property: "headless", reason: `a headless VM has no display, but displayType is "${input.displayType}". Leave displayType unset, or set headless to false` });
    }
    if (input.smartcardEnabled === true) {
      problems.push({ property: "smartcardEnabled", reason: "a headless VM has no console to carry the smartcard. Set smartcardEnabled to false, or set headless to false" });
    }
    if (input.videoType !== undefined) {
      problems.push({ property: "videoType", reason: "a headless VM has no video device. Leave videoType unset, or set headless to false" });
    }
    return problems;
  }
  if (input.displayType === "spice" && input.videoType !== undefined && input.videoType !== "qxl") {
    problems.push({
      property: "videoType",
      reason: `SPICE needs the QXL video device, and videoType is "${input.videoType}": the engine refuses the pair. Set videoType to "qxl", or set displayType to "vnc"`,
    });
  }
  return problems;
}

/** Time zones: TimeZoneValidator takes Windows names for Windows guests and zone ids for the rest. */
function timeZoneProblems(input: DeviceSettingsInput): SettingsProblem[] {
  const zone = input.timeZone;
  if (zone === undefined || zone.trim() === "" || timeZoneFits(zone, input.osType)) return [];
  const windows = isWindows(input.osType);
  const counterpart = counterpartZone(zone, input.osType);
  const family = windows ? `a Windows zone name (osType "${input.osType}")` : `a zone id from the engine's list (osType "${input.osType ?? "other"}")`;
  const hint = counterpart !== undefined ? ` Set timeZone to "${counterpart}"` : windows ? ' For example "W. Europe Standard Time"' : ' For example "Europe/Berlin" or "Etc/GMT"';
  return [{ property: "timeZone", reason: `the engine refuses "${zone}" here: this guest takes ${family}.${hint}` }];
}

function isWhole(value: number | undefined): boolean {
  return value === undefined || (Number.isInteger(value) && value >= 1);
}

/** Memory policy (VmValidator: guaranteed ≤ memory ≤ max) and CPU topology (whole numbers, at least 1). */
function sizingProblems(input: DeviceSettingsInput): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const key of ["memoryGuaranteedMb", "memoryMaxMb", "cpuSockets", "cpuThreads"] as const) {
    if (!isWhole(input[key])) problems.push({ property: key, reason: `${key} must be a whole number, at least 1; got ${input[key]}` });
  }
  const memory = input.memoryMb;
  if (memory !== undefined && input.memoryGuaranteedMb !== undefined && input.memoryGuaranteedMb > memory) {
    problems.push({
      property: "memoryGuaranteedMb",
      reason: `Physical Memory Guaranteed cannot exceed Memory Size (${input.memoryGuaranteedMb} > ${memory} MiB). Lower memoryGuaranteedMb, or raise memoryMb`,
    });
  }
  if (memory !== undefined && input.memoryMaxMb !== undefined && input.memoryMaxMb < memory) {
    problems.push({
      property: "memoryMaxMb",
      reason: `Maximum memory size must be greater than or equal to memory size (${input.memoryMaxMb} < ${memory} MiB). Raise memoryMaxMb, or leave it out for the engine's 4 × memoryMb`,
    });
  }
  return problems;
}

/** Every problem with these settings, in a stable order; an empty list means the engine takes them. */
export function deviceSettingsProblems(input: DeviceSettingsInput): SettingsProblem[] {
  return [
    ...enumProblems(input),
    ...firmwareProblems(input),
    ...displayProblems(input),
    ...timeZoneProblems(input),
    ...sizingProblems(input),
  ];
}

/**
 * What the engine takes but the guest may not like: warnings, never refusals. Windows 11's setup
 * checks for UEFI with Secure Boot, which the VM has on only with "q35_secure_boot" ("q35_ovmf"
 * boots OVMF with Secure Boot off and no keys enrolled; a cluster default may be either).
 */
export function deviceSettingsAdvice(input: DeviceSettingsInput): SettingsProblem[] {
  const bios = input.biosType;
  if (input.osType?.toLowerCase() !== "windows_11" || bios === "q35_secure_boot") return [];
  const now = bios === undefined || bios === "cluster_default" ? "left to the cluster" : `"${bios}"`;
  return [{
    property: "biosType",
    reason: `the engine takes osType "${input.osType}" with biosType ${now}, but Windows 11's installer expects UEFI firmware with Secure Boot and may refuse to install. Set biosType to "q35_secure_boot" to install Windows 11 from its ISO`,
  }];
}

/** The rules' view of the preview's settings: display null means headless; a display given with headless is explicit. */
export function deviceInputOf(settings: DomainSettings): DeviceSettingsInput {
  const headless = settings.headless === true || settings.display === null;
  return {
    osType: settings.osType,
    biosType: settings.biosType,
    tpmEnabled: settings.tpmEnabled,
    timeZone: settings.timeZone,
    soundcardEnabled: settings.soundcardEnabled,
    keyboardLayout: settings.keyboardLayout,
    videoType: settings.videoType,
    headless,
    displayType: headless ? (settings.display?.type ?? undefined) : settings.display?.type,
    smartcardEnabled: headless && settings.display === null ? undefined : settings.display?.smartcardEnabled,
    memoryMb: settings.memoryMb,
    memoryGuaranteedMb: settings.memoryGuaranteedMb,
    memoryMaxMb: settings.memoryMaxMb,
    cpuSockets: settings.cpuSockets,
    cpuCores: settings.cpuCores,
    cpuThreads: settings.cpuThreads,
    bootDevices: settings.bootDevices,
    cdrom: settings.cdrom,
  };
}
