// Shared by the real-CLI tests of #24 (test/e2e/win11-yaml.test.ts with Pulumi, and
// test/terraform/opentofu-desktop-rules.test.ts with OpenTofu): the device rules of
// domainxml/rules.ts as VMs, a template and a pool that break them, and a Windows 11 desktop
// made out of band, through the engine's REST API, for the import tests.
import { expect } from "vitest";
import { engineApi, type Emulator } from "./harness.ts";

/** One rule broken by a VM: the property the failure names, and the fix its message must say. */
export interface ExpectedFailure {
  property: string;
  /** Words of the message that say what to set instead; property names in backticks, camelCase. */
  fix: string;
}

/**
 * A VM, template or pool that breaks several rules at once (rules that do not contradict each other), with the
 * failures the provider must report for it, one per broken rule and no other.
 */
export interface RuleCase {
  name: string;
  /** The resource (every one of them runs the same rules: provider/resources/desktop.ts desktopRule). */
  type: "Vm" | "Template" | "Pool";
  /** The inputs, camelCase; SOURCE_VM stands for the id of the VM made by createRuleFixtures. */
  properties: Record<string, unknown>;
  failures: ExpectedFailure[];
  /** What the engine takes but the guest may not (domainxml/rules.ts deviceSettingsAdvice): warnings, never blocking. */
  warnings?: ExpectedFailure[];
}

/** Windows 11 without Secure Boot: the engine takes it (its osinfo asks only a TPM), the installer may not. */
const SECURE_BOOT_ADVICE: ExpectedFailure = { property: "biosType", fix: 'Set `biosType` to "q35_secure_boot" to install Windows 11' };

// Each rule cites the engine's own validation in domainxml/rules.ts (VmDeviceUtils.isTpmDeviceSupported,
// osinfo's requiresTpm, VmValidator's display and memory checks, TimeZoneValidator,
// VncKeyboardLayoutValidValues, ...); these resources only make each one fire through a real CLI.
export const RULE_CASES: readonly RuleCase[] = [
  {
    // Windows 11 on SeaBIOS with a TPM, a Linux zone id, SPICE on VGA, and sizing and enum slips.
    name: "win11-on-seabios",
    type: "Vm",
    properties: {
      name: "rules-win11-seabios", osType: "windows_11", biosType: "i440fx_sea_bios", tpmEnabled: true, timeZone: "Europe/Berlin",
      displayType: "spice", videoType: "vga", memoryMb: 1024, memoryGuaranteedMb: 2048, keyboardLayout: "xx", bootDevices: ["hd", "hd"],
    },
    failures: [
      { property: "tpmEnabled", fix: 'Set `biosType` to "q35_secure_boot" or "q35_ovmf", or set `tpmEnabled` to false' },
      { property: "videoType", fix: 'Set `videoType` to "qxl", or set `displayType` to "vnc"' },
      { property: "timeZone", fix: 'Set `timeZone` to "W. Europe Standard Time"' },
      { property: "memoryGuaranteedMb", fix: "Lower `memoryGuaranteedMb`, or raise `memoryMb`" },
      { property: "keyboardLayout", fix: 'Set `keyboardLayout` to one of the keymaps in its VncKeyboardLayoutValidValues: "ar", "da", "de"' },
      { property: "bootDevices", fix: "List each boot device once" },
    ],
    warnings: [SECURE_BOOT_ADVICE],
  },
  {
    // A headless VM that still asks for a display and a video device; a Windows zone on Linux. The display
    // type is VNC: the default ("spice") counts as no choice, since the Terraform front end checks planned
    // values again with the defaults filled in. (A smartcard on it would fail twice: no console, and no SPICE.)
    name: "headless-with-console",
    type: "Vm",
    properties: {
      name: "rules-headless", headless: true, displayType: "vnc", videoType: "qxl", osType: "rhel_9x64",
      timeZone: "W. Europe Standard Time", memoryMb: 2048, memoryMaxMb: 1024,
    },
    failures: [
      { property: "headless", fix: "Leave `displayType` unset, or set `headless` to false" },
      { property: "videoType", fix: "Leave `videoType` unset, or set `headless` to false" },
      { property: "timeZone", fix: 'Set `timeZone` to "Europe/Berlin"' },
      { property: "memoryMaxMb", fix: "Raise `memoryMaxMb`, or leave it out" },
    ],
  },
  {
    // Windows 11 without a TPM (on UEFI without Secure Boot: only a warning), a Cirrus card OVMF cannot drive, and blank slips.
    name: "win11-without-tpm",
    type: "Vm",
    properties: {
      name: "rules-win11-notpm", osType: "windows_11", biosType: "q35_ovmf", tpmEnabled: false, displayType: "vnc", videoType: "cirrus",
      cdrom: "  ", cpuSockets: 0,
    },
    failures: [
      { property: "tpmEnabled", fix: 'Set `tpmEnabled` to true (with `biosType` "q35_secure_boot")' },
      { property: "videoType", fix: 'Set `videoType` to "qxl", "vga" or "bochs"' },
      { property: "cdrom", fix: "`cdrom` must name an ISO file on a storage domain (its name or id), or be left out" },
      { property: "cpuSockets", fix: "`cpuSockets` must be a whole number, at least 1" },
    ],
    warnings: [SECURE_BOOT_ADVICE],
  },
  {
    // A Windows 11 template on plain UEFI without a TPM, on a Cirrus card, with a Linux zone id.
    name: "win11-template",
    type: "Template",
    properties: {
      name: "rules-win11-tpl", sourceVm: "SOURCE_VM", osType: "windows_11", biosType: "q35_ovmf", tpmEnabled: false, displayType: "vnc",
      videoType: "cirrus", timeZone: "Europe/Berlin",
    },
    failures: [
      { property: "tpmEnabled", fix: 'Set `tpmEnabled` to true (with `biosType` "q35_secure_boot")' },
      { property: "videoType", fix: 'Set `videoType` to "qxl", "vga" or "bochs"' },
      { property: "timeZone", fix: 'Set `timeZone` to "W. Europe Standard Time"' },
    ],
    warnings: [SECURE_BOOT_ADVICE],
  },
  {
    // A pool whose desktops would have a TPM on SeaBIOS, SPICE on VGA, a Windows zone on Linux, and too little maximum memory.
    name: "seabios-pool",
    type: "Pool",
    properties: {
      name: "rules-pool", template: "rules-gold-tpl", size: 1, biosType: "i440fx_sea_bios", tpmEnabled: true, displayType: "spice", videoType: "vga",
      osType: "rhel_9x64", timeZone: "W. Europe Standard Time", memoryMb: 2048, memoryMaxMb: 1024,
    },
    failures: [
      { property: "tpmEnabled", fix: 'Set `biosType` to "q35_secure_boot" or "q35_ovmf", or set `tpmEnabled` to false' },
      { property: "videoType", fix: 'Set `videoType` to "qxl", or set `displayType` to "vnc"' },
      { property: "timeZone", fix: 'Set `timeZone` to "Europe/Berlin"' },
      { property: "memoryMaxMb", fix: "Raise `memoryMaxMb`, or leave it out" },
    ],
  },
  {
    // Windows 11 with a TPM on UEFI without Secure Boot: valid for the engine (osinfo-defaults.properties
    // lists for windows_11 only devices.tpm = required), so it passes, with a warning on biosType.
    name: "win11-on-ovmf",
    type: "Vm",
    properties: { name: "rules-win11-ovmf", osType: "windows_11", biosType: "q35_ovmf", tpmEnabled: true, memoryMb: 4096, cpuCores: 2 },
    failures: [],
    warnings: [SECURE_BOOT_ADVICE],
  },
];

/** What the template and pool cases stand on: a VM (down) and a template from it, made through the REST API. */
export async function createRuleFixtures(emulator: Emulator): Promise<{ sourceVmId: string }> {
  const vm = await engineApi(emulator, "POST", "/vms", { name: "rules-gold", cluster: { name: "Default" }, template: { name: "Blank" } });
  expect(vm.status, JSON.stringify(vm.json)).toBe(201);
  const template = await engineApi(emulator, "POST", "/templates", { name: "rules-gold-tpl", vm: { id: vm.json.id } });
  expect([201, 202], JSON.stringify(template.json)).toContain(template.status);
  return { sourceVmId: String(vm.json.id) };
}

/** A case's inputs with SOURCE_VM replaced by the fixture VM's id. */
export function caseProperties(ruleCase: RuleCase, fixtures: { sourceVmId: string }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(ruleCase.properties).map(([k, v]) => [k, v === "SOURCE_VM" ? fixtures.sourceVmId : v]));
}

/** camelCase to the Terraform front end's snake_case (`tpmEnabled` -> `tpm_enabled`). */
export function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A fix as OpenTofu words it: every backticked property name in snake_case. */
export function inTerraformWords(fix: string): string {
  return fix.replace(/`(\w+)`/g, (_, name: string) => `\`${snake(name)}\``);
}

/**
 * Checks that the warnings a CLI reported for one case are exactly as many as expected, each saying its fix
 * (Pulumi's warnings name their property in their text only, so the property is not compared here).
 */
export function expectWarnings(reported: ReportedFailure[], ruleCase: RuleCase, spell: (fix: string) => string, name = ruleCase.name): void {
  const said = reported.filter((r) => r.resource === name).map((r) => r.message.replace(/\s+/g, " "));
  const expected = ruleCase.warnings ?? [];
  expect(said.length, said.join("\n")).toBe(expected.length);
  for (const warning of expected) {
    expect(said.some((m) => m.includes(spell(warning.fix))), `${name} warns "${spell(warning.fix)}":\n${said.join("\n")}`).toBe(true);
  }
}

/** What a failure looks like to the test: the resource, the property named, the message. */
export interface ReportedFailure {
  resource: string;
  property: string;
  message: string;
}

/**
 * Checks that the failures a CLI reported for one case are exactly the expected ones (by property,
 * counted), and that each message says its fix. Messages are matched with their whitespace folded.
 */
export function expectFailures(reported: ReportedFailure[], ruleCase: RuleCase, spell: (fix: string) => string, name = ruleCase.name): void {
  const mine = reported.filter((r) => r.resource === name);
  const context = mine.map((r) => `${r.property}: ${r.message}`).join("\n");
  expect(mine.map((r) => r.property).sort(), context).toEqual(ruleCase.failures.map((f) => f.property).sort());
  for (const failure of ruleCase.failures) {
    const said = mine.filter((r) => r.property === failure.property).map((r) => r.message.replace(/\s+/g, " "));
    expect(said.some((m) => m.includes(spell(failure.fix))), `${name}.${failure.property} says "${spell(failure.fix)}":\n${said.join("\n")}`).toBe(true);
  }
}

/** The Windows 11 desktop made out of band: what an admin built in the portal, and what a program that adopts it says. */
export const OUT_OF_BAND_WIN11 = {
  name: "oob-win11",
  iso: "win11-tools.iso",
  /** The inputs of the program an admin writes to take the desktop over: its Windows 11 settings, as made. */
  inputs: {
    name: "oob-win11", memoryMb: 4096, cpuCores: 2, osType: "windows_11", biosType: "q35_secure_boot", tpmEnabled: true,
    timeZone: "W. Europe Standard Time", soundcardEnabled: true, keyboardLayout: "de", cdrom: "win11-tools.iso", bootDevices: ["cdrom", "hd"],
  },
} as const;

/** An ISO disk (`content_type` iso) on the data domain, as an admin uploads one; returns its id. */
export async function isoDisk(emulator: Emulator, alias: string): Promise<string> {
  const sds = await engineApi(emulator, "GET", "/storagedomains?search=name%3Ddata");
  const sd = ((sds.json.storage_domain ?? []) as Record<string, unknown>[])[0]?.id;
  const iso = await engineApi(emulator, "POST", "/disks", {
    alias, content_type: "iso", format: "raw", sparse: false, provisioned_size: 4194304, storage_domains: { storage_domain: [{ id: sd }] },
  });
  expect(iso.status, JSON.stringify(iso.json)).toBe(201);
  return String(iso.json.id);
}

/**
 * Makes the Windows 11 desktop with plain REST calls, as an admin's script would: an ISO disk on
 * the data domain, the VM (Secure Boot, TPM, time zone, sound, keyboard layout, boot order), and
 * the ISO put in its CD-ROM. Returns the VM's id.
 */
export async function createWindows11OutOfBand(emulator: Emulator): Promise<string> {
  const isoId = await isoDisk(emulator, OUT_OF_BAND_WIN11.iso);
  const vm = await engineApi(emulator, "POST", "/vms", {
    name: OUT_OF_BAND_WIN11.name, type: "desktop", cluster: { name: "Default" }, template: { name: "Blank" },
    memory: 4096 * 1024 * 1024, cpu: { topology: { sockets: 1, cores: 2, threads: 1 } },
    os: { type: "windows_11", boot: { devices: { device: ["cdrom", "hd"] } } }, bios: { type: "q35_secure_boot" },
    tpm_enabled: true, soundcard_enabled: true, time_zone: { name: "W. Europe Standard Time" }, display: { type: "spice", keyboard_layout: "de" },
  });
  expect(vm.status, JSON.stringify(vm.json)).toBe(201);
  const id = String(vm.json.id);
  const cdrom = await engineApi(emulator, "PUT", `/vms/${id}/cdroms/00000000-0000-0000-0000-000000000000`, { file: { id: isoId } });
  expect(cdrom.status, JSON.stringify(cdrom.json)).toBe(200);
  return id;
}
