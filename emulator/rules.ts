// The engine's validation rules and their message texts (AppErrors with ${action}/${type} filled
// in), plus the mapping of request bodies onto the engine's VM settings.
import { asArray, child, childNode, has, text, type Node } from "./http/codec.ts";
import { checkLongRange, validateLimits } from "./limits.ts";
import { badRequest, conflict, invalidEnum, invalidNumber, EngineFault } from "./http/faults.ts";
import {
  BIOS_TYPES, BOOT_DEVICES, bytesToMb, DISCONNECT_ACTIONS, DISPLAY_TYPES, VALID_MONITORS, VIDEO_TYPES, VM_TYPES, withConfigDefaults,
  type BiosType, type BootDevice, type IpSetting, type NicConfiguration, type VmInit, type Protocol, type VideoType, type VmConfig,
  type VmType,
} from "./model.ts";
import { clockAdjustment as clockAdjustmentOf, isWindows, KEYBOARD_LAYOUTS, OS_REQUIRING_TPM, timeZoneFits } from "../domainxml/index.ts";

export type Action = "add" | "create" | "edit" | "remove" | "run" | "stop" | "shutdown" | "reboot";
export type TypeName = "VM" | "Template" | "VM-Pool";

export const messages = {
  nameInUse: (action: Action, type: TypeName) =>
    `Cannot ${action} ${type}. The ${type} name is already in use, please choose a unique name and try again.`,
  nameTooLong: (action: Action, type: TypeName) => `Cannot ${action} ${type}. The given name is too long.`,
  nameSpecialChars: (action: Action, type: TypeName) =>
    `Cannot ${action} ${type}. The given name contains special characters. Only lower-case and upper-case letters, numbers, '_', '-', '.' are allowed.`,
  nameEmpty: (action: Action, type: TypeName) => `Cannot ${action} ${type}. The name must not be empty.`,
  vmLocked: (action: Action) => `Cannot ${action} VM: VM is locked. Please try again in a few minutes.`,
  vmRunning: (action: Action) => `Cannot ${action} VM. VM is running.`,
  vmNotRunning: (action: Action) => `Cannot ${action} VM. VM is not running.`,
  vmInPool: "Cannot remove VM. VM is attached to a VM Pool.",
  detachFromTemplateVm: "Cannot remove VM with detaching disks, VM is based from template.",
  noHostForVm: "Cannot run VM. There is no host that satisfies current scheduling constraints. See below for details:",
  vmDeleteProtected:
    "Cannot remove VM. Delete protection is enabled. In order to delete, disable Delete protection first.",
  templateFromRunningVm:
    "Cannot add Template. VM is locked or still running, try again once VM is in the Down state.",
  templateImageLocked: "Template's Image is locked (temporarily).",
  templateLocked: "Template is currently locked (temporarily).",
  templateInUse: (vmNames: string[]) =>
    `Cannot delete Template. Template is being used by the following VMs: ${vmNames.join(",")}.`,
  templateBlank: "Cannot remove Template. Removing Blank Template is not allowed.",
  templateNotFound: (action: Action, type: TypeName) => `Cannot ${action} ${type}. The relevant Template doesn't exist.`,
  smartcardWithoutUsb: (action: Action, type: TypeName) =>
    `Cannot ${action} ${type}. Enabling Smartcard device while USB is disabled for High Performance VM type is not supported.`,
  illegalMonitors: (action: Action, type: TypeName) =>
    `Cannot ${action} ${type}. Illegal number of monitors is provided, max allowed number of monitors is 1 for VNC and the max number in the ValidNumOfMonitors configuration variable for SPICE.`,
  illegalDisconnectDelay: (action: Action, type: TypeName) =>
    `Cannot ${action} ${type}. Illegal console disconnect action delay: it must be zero or a positive number of minutes.`,
  guaranteedOverMemory: (action: Action, type: TypeName) =>
    `Cannot ${action} ${type}. Physical Memory Guaranteed cannot exceed Memory Size.`,
  maxBelowMemory: (action: Action, type: TypeName) =>
    `Cannot ${action} ${type}. Maximum memory size must be greater than or equal to memory size.`,
  memoryTooSmall: (action: Action, type: TypeName) => `Cannot ${action} ${type}. Memory size must be at least 1 MiB.`,
  poolDecrease: "Cannot decrease VMs from VM-Pool.",
  poolRename: "Cannot change VM-Pool name.",
  poolType: "Cannot change VM-Pool type.",
  poolStateful: "Cannot change VM-Pool stateful option.",
  poolAutoStorage: "Cannot change VM-Pool auto storage select option.",
  // The engine text has the double space.
  poolFromBlank: "VM-Pool must be based on  non-blank Template.",
  poolZeroVms: "Cannot create Pool with 0 VMs",
  poolPrestarted: (action: Action) =>
    `Cannot ${action} VM-Pool. Prestarted VMs cannot exceed the number of VMs in the VM-Pool.`,
  // AddVmCommand / UpdateVmCommand: VmDeviceUtils.isTpmDeviceSupported is false on x86 without OVMF.
  tpmNotSupported: (action: Action, type: TypeName) =>
    `Cannot ${action} ${type}. TPM device is not supported with the selected BIOS type and cluster architecture x86_64: a TPM needs a UEFI BIOS type (q35_ovmf or q35_secure_boot).`,
  // osRepository.requiresTpm (osinfo): TPM_DEVICE_REQUIRED_BY_OS.
  tpmRequiredByOs: (action: Action, type: TypeName) => `Cannot ${action} ${type}. The guest OS requires a TPM device.`,
  // TimeZoneValidator: ACTION_TYPE_FAILED_INVALID_TIMEZONE.
  invalidTimeZone: (action: Action, type: TypeName) => `Cannot ${action} ${type}. Invalid time zone for given OS type.`,
  // osinfo devices.display.protocols pairs SPICE with qxl only.
  illegalGraphicsAndVideo: (action: Action, type: TypeName) =>
    `Cannot ${action} ${type}. Selected display type is not supported by the operating system.`,
  invalidKeyboardLayout: (action: Action, type: TypeName) =>
    `Cannot ${action} ${type}. The given VNC keyboard layout is not valid.`,
  // RunVmValidator.validateStatelessVm: a run as stateless (the VM's flag, a run-once flag, or a
  // non-stateful pool's desktop) of a highly available VM (VM_CANNOT_RUN_STATELESS_HA, CONFLICT).
  // Add and update take the pair: the engine checks it only when the VM is run.
  statelessHa: (action = "run", type = "VM") => `Cannot ${action} ${type}. Highly Available Virtual servers can not be run as stateless.`,
  unknownIso: (fileId: string) => `Cannot change CD. The ISO file ${fileId} does not exist on any active storage domain.`,
  cdNotRunning: "Cannot change CD. VM is not running.",
  spiceWithoutGraphics: (vmName: string) =>
    `Cannot run VM. VM ${vmName} is down with error. Exit message: unsupported configuration: chardev 'spicevmc' not supported without spice graphics.`,
  ticketNotRunning: "Cannot set console ticket for VM. VM is not running.",
  userNotAuthorized: "User is not authorized to perform this action.",
};

// ---- scalar parsing with the engine's REST-layer faults ----

export function parseBool(value: string, element: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  throw new EngineFault(400, "Invalid value", `Value "${value}" of element "${element}" is not a valid boolean`);
}

export function parseInteger(value: string, element: string): number {
  const v = value.trim();
  if (!/^-?\d+$/.test(v)) throw invalidNumber(value, element);
  checkLongRange(v, element);
  return Number(v);
}

function boolAt(node: Node | undefined, key: string, element: string): boolean | undefined {
  const v = text(node, key);
  return v === undefined || v === "" ? undefined : parseBool(v, element);
}

function intAt(node: Node | undefined, key: string, element: string): number | undefined {
  const v = text(node, key);
  return v === undefined || v === "" ? undefined : parseInteger(v, element);
}

function enumAt<T extends string>(node: Node | undefined, key: string, allowed: readonly T[], enumName: string): T | undefined {
  const v = text(node, key);
  if (v === undefined || v === "") return undefined;
  const lower = v.toLowerCase();
  if (!(allowed as readonly string[]).includes(lower)) throw invalidEnum(v, enumName, [...allowed]);
  return lower as T;
}

/** Any case in; the engine's enum constant out; anything unknown becomes LOCK_SCREEN. */
export function normalizeDisconnectAction(value: string): string {
  const upper = value.trim().toUpperCase();
  return (DISCONNECT_ACTIONS as readonly string[]).includes(upper) ? upper : "LOCK_SCREEN";
}

export interface ConfigPatch {
  name?: string;
  patch: Partial<VmConfig>;
}

/** Reads the VmBase settings a vm / template body carries. Only present elements are returned. */
export function readConfigPatch(node: Node): ConfigPatch {
  const p: Partial<VmConfig> = {};
  const name = text(node, "name");
  const description = text(node, "description");
  if (description !== undefined) p.description = description;
  const comment = text(node, "comment");
  if (comment !== undefined) p.comment = comment;
  const memory = intAt(node, "memory", "memory");
  if (memory !== undefined) p.memoryMb = bytesToMb(memory);
  const policy = childNode(node, "memory_policy");
  const guaranteed = intAt(policy, "guaranteed", "memory_policy.guaranteed");
  if (guaranteed !== undefined) p.guaranteedMb = bytesToMb(guaranteed);
  const max = intAt(policy, "max", "memory_policy.max");
  if (max !== undefined) p.maxMb = bytesToMb(max);
  const ballooning = boolAt(policy, "ballooning", "memory_policy.ballooning");
  if (ballooning !== undefined) p.ballooning = ballooning;
  const topology = childNode(childNode(node, "cpu"), "topology");
  const sockets = intAt(topology, "sockets", "cpu.topology.sockets");
  if (sockets !== undefined) p.sockets = sockets;
  const cores = intAt(topology, "cores", "cpu.topology.cores");
  if (cores !== undefined) p.cores = cores;
  const threads = intAt(topology, "threads", "cpu.topology.threads");
  if (threads !== undefined) p.threads = threads;
  const type = enumAt<VmType>(node, "type", VM_TYPES, "VmType");
  if (type !== undefined) p.type = type;

  const display = childNode(node, "display");
  if (display) {
    const dtype = enumAt<Protocol>(display, "type", DISPLAY_TYPES, "DisplayType");
    // display.type replaces all graphics devices with the one chosen.
    if (dtype !== undefined) p.graphics = [dtype];
    const sc = boolAt(display, "smartcard_enabled", "display.smartcard_enabled");
    if (sc !== undefined) p.smartcardEnabled = sc;
    const monitors = intAt(display, "monitors", "display.monitors");
    if (monitors !== undefined) p.monitors = monitors;
    const ao = boolAt(display, "allow_override", "display.allow_override");
    if (ao !== undefined) p.allowOverride = ao;
    const cp = boolAt(display, "copy_paste_enabled", "display.copy_paste_enabled");
    if (cp !== undefined) p.copyPasteEnabled = cp;
    const ft = boolAt(display, "file_transfer_enabled", "display.file_transfer_enabled");
    if (ft !== undefined) p.fileTransferEnabled = ft;
    const kl = text(display, "keyboard_layout");
    if (kl !== undefined) p.keyboardLayout = kl;
    const da = text(display, "disconnect_action");
    if (da !== undefined) p.disconnectAction = normalizeDisconnectAction(da);
    const dad = intAt(display, "disconnect_action_delay", "display.disconnect_action_delay");
    if (dad !== undefined) p.disconnectActionDelay = dad;
  }

  if (has(node, "sso")) {
    const sso = childNode(node, "sso");
    if (sso && has(sso, "methods")) {
      const methodsNode = childNode(sso, "methods");
      const methods = asArray(child(methodsNode, "method"));
      if (methods.length === 0) p.ssoGuestAgent = false;
      else if (methods.length === 1) {
        const m = methods[0];
        const id = typeof m === "object" && m !== null && !Array.isArray(m) ? text(m, "id") : undefined;
        if (id?.toLowerCase() === "guest_agent") p.ssoGuestAgent = true;
      }
      // Anything else means "no change", as the engine's SsoMapper does.
    }
  }
  const usb = boolAt(childNode(node, "usb"), "enabled", "usb.enabled");
  if (usb !== undefined) p.usbEnabled = usb;
  const stateless = boolAt(node, "stateless", "stateless");
  if (stateless !== undefined) p.stateless = stateless;
  const dp = boolAt(node, "delete_protected", "delete_protected");
  if (dp !== undefined) p.deleteProtected = dp;
  const console = boolAt(childNode(node, "console"), "enabled", "console.enabled");
  if (console !== undefined) p.consoleEnabled = console;
  const sound = boolAt(node, "soundcard_enabled", "soundcard_enabled");
  if (sound !== undefined) p.soundcardEnabled = sound;
  const os = text(childNode(node, "os"), "type");
  if (os !== undefined && os !== "") p.osType = os;
  readWindowsFields(node, p);
  readExtras(node, p);
  return { name, patch: p };
}

function readIp(node: Node | undefined): IpSetting | undefined {
  if (!node) return undefined;
  const ip: IpSetting = {
    address: text(node, "address") || undefined, gateway: text(node, "gateway") || undefined,
    netmask: text(node, "netmask") || undefined, version: text(node, "version") || undefined,
  };
  return Object.values(ip).some((v) => v !== undefined) ? ip : undefined;
}

function readNicConfiguration(n: Node): NicConfiguration {
  const onBoot = text(n, "on_boot");
  return {
    name: text(n, "name") ?? "",
    bootProtocol: text(n, "boot_protocol") || undefined,
    // The engine only takes on_boot when it is true; it reports false otherwise.
    onBoot: onBoot ? parseBool(onBoot, "on_boot") === true : false,
    ip: readIp(childNode(n, "ip")),
    ipv6: readIp(childNode(n, "ipv6")),
  };
}

/** bios.type, tpm_enabled, time_zone, display.video_type, high_availability and os.boot.devices. */
function readWindowsFields(node: Node, p: Partial<VmConfig>): void {
  const bios = enumAt<BiosType>(childNode(node, "bios"), "type", BIOS_TYPES, "BiosType");
  if (bios !== undefined) p.biosType = bios;
  const tpm = boolAt(node, "tpm_enabled", "tpm_enabled");
  if (tpm !== undefined) p.tpmEnabled = tpm;
  const zone = childNode(node, "time_zone");
  if (zone && has(zone, "name")) p.timeZone = (text(zone, "name") ?? "").trim();
  const display = childNode(node, "display");
  const video = enumAt<VideoType>(display, "video_type", VIDEO_TYPES, "VideoType");
  if (video !== undefined) p.videoType = video;
  // display.type without video_type: "let the backend decide which video device" (DisplayHelper).
  else if (p.graphics !== undefined) p.videoType = undefined;
  const ha = childNode(node, "high_availability");
  const haEnabled = boolAt(ha, "enabled", "high_availability.enabled");
  if (haEnabled !== undefined) p.haEnabled = haEnabled;
  const priority = intAt(ha, "priority", "high_availability.priority");
  if (priority !== undefined) p.haPriority = priority;
  const boot = childNode(childNode(node, "os"), "boot");
  if (boot && has(boot, "devices")) {
    const devices = asArray(child(childNode(boot, "devices"), "device")).map((d) => (typeof d === "string" ? d : text(d as Node, "#text") ?? ""));
    p.bootDevices = devices.map((d) => {
      const lower = d.trim().toLowerCase();
      if (!(BOOT_DEVICES as readonly string[]).includes(lower)) throw invalidEnum(d, "BootDevice", [...BOOT_DEVICES]);
      return lower as BootDevice;
    });
  }
}

const CPU_MODES = ["custom", "host_model", "host_passthrough"] as const;
const PLACEMENT_AFFINITIES = ["migratable", "pinned", "user_migratable"] as const;

/** CPU mode, custom properties, initialization, placement and instance type. */
function readExtras(node: Node, p: Partial<VmConfig>): void {
  const cpuMode = enumAt<string>(childNode(node, "cpu"), "mode", CPU_MODES, "CpuMode");
  if (cpuMode !== undefined) p.cpuMode = cpuMode;
  const props = childNode(node, "custom_properties");
  if (props) {
    p.customProperties = asArray(child(props, "custom_property")).flatMap((c) =>
      typeof c === "object" && c !== null && !Array.isArray(c) ? [{ name: text(c, "name") ?? "", value: text(c, "value") ?? "" }] : []);
  }
  const init = childNode(node, "initialization");
  if (init) {
    const nics = asArray(child(childNode(init, "nic_configurations"), "nic_configuration")).flatMap((n) =>
      typeof n === "object" && n !== null && !Array.isArray(n) ? [readNicConfiguration(n)] : []);
    // As the engine's InitializationMapper: an element given (even empty) sets its field, an
    // absent one keeps what the VM has (applyPatch merges), and the NIC list is replaced whole.
    const given: [keyof VmInit, string][] = [
      ["customScript", "custom_script"], ["hostName", "host_name"], ["timezone", "timezone"], ["userName", "user_name"],
      ["authorizedSshKeys", "authorized_ssh_keys"], ["dnsServers", "dns_servers"], ["domain", "domain"],
      ["orgName", "org_name"], ["rootPassword", "root_password"],
    ];
    const vmInit: VmInit = {};
    for (const [key, element] of given) {
      if (has(init, element)) (vmInit as Record<string, unknown>)[key] = text(init, element) || undefined;
    }
    if (has(init, "nic_configurations")) vmInit.nics = nics.length > 0 ? nics : undefined;
    p.initialization = vmInit;
  }
  const placement = childNode(node, "placement_policy");
  if (placement) {
    const affinity = enumAt<string>(placement, "affinity", PLACEMENT_AFFINITIES, "VmAffinity");
    if (affinity !== undefined) p.placementAffinity = affinity;
    const hosts = childNode(placement, "hosts");
    if (hosts) {
      p.placementHostIds = asArray(child(hosts, "host")).flatMap((h) =>
        typeof h === "object" && h !== null && !Array.isArray(h) && text(h, "id") ? [text(h, "id") ?? ""] : []);
    }
  }
  const instanceType = childNode(node, "instance_type");
  if (instanceType) {
    const id = text(instanceType, "id");
    if (id) p.instanceTypeId = id;
  }
}

/** Applies a patch; when memory changes without an explicit policy, the engine's defaults follow it. */
export function applyPatch(base: VmConfig, patch: Partial<VmConfig>, creating: boolean): VmConfig {
  const full = withConfigDefaults(base);
  const next: VmConfig = { ...full, ...patch, graphics: [...(patch.graphics ?? full.graphics)] };
  if (patch.initialization && base.initialization) next.initialization = { ...base.initialization, ...patch.initialization };
  if (patch.memoryMb !== undefined) {
    if (patch.maxMb === undefined && (creating || next.maxMb < next.memoryMb)) next.maxMb = next.memoryMb * 4;
    if (patch.guaranteedMb === undefined && (creating || next.guaranteedMb > next.memoryMb)) next.guaranteedMb = next.memoryMb;
  }
  return next;
}

/** The backend's checks on a VM or template configuration (AddVm, UpdateVm, Add/UpdateVmTemplate). */
export function validateConfig(c: VmConfig, action: Action, type: TypeName): void {
  if (c.memoryMb < 1) throw badRequest(messages.memoryTooSmall(action, type));
  if (c.guaranteedMb > c.memoryMb) throw badRequest(messages.guaranteedOverMemory(action, type));
  if (c.maxMb < c.memoryMb) throw badRequest(messages.maxBelowMemory(action, type));
  validateLimits(c, action, type);
  const vncOnly = c.graphics.length > 0 && !c.graphics.includes("spice");
  if (!VALID_MONITORS.includes(c.monitors) || (vncOnly && c.monitors > 1)) {
    throw badRequest(messages.illegalMonitors(action, type));
  }
  if (c.disconnectActionDelay < 0) throw badRequest(messages.illegalDisconnectDelay(action, type));
  if (c.smartcardEnabled && !c.usbEnabled && c.type === "high_performance") {
    throw badRequest(messages.smartcardWithoutUsb(action, type));
  }
  validateDevices(withConfigDefaults(c), action, type);
}

/** The video device the engine picks when the VM names none. */
export function effectiveVideoType(c: VmConfig): VideoType {
  return c.videoType ?? (c.graphics.includes("spice") ? "qxl" : "vga");
}

/** TPM, time zone, video and keyboard checks of AddVmCommand / UpdateVmCommand (and their template twins). */
function validateDevices(c: VmConfig, action: Action, type: TypeName): void {
  const uefi = c.biosType === "q35_ovmf" || c.biosType === "q35_secure_boot";
  // cluster_default: the emulated cluster's default is q35 with SeaBIOS, so no TPM there either.
  if (c.tpmEnabled && !uefi) throw badRequest(messages.tpmNotSupported(action, type));
  if (!c.tpmEnabled && (OS_REQUIRING_TPM as readonly string[]).includes(c.osType.toLowerCase())) {
    throw badRequest(messages.tpmRequiredByOs(action, type));
  }
  if (c.timeZone !== "" && !timeZoneFits(c.timeZone, c.osType)) throw badRequest(messages.invalidTimeZone(action, type));
  if (c.graphics.includes("spice") && effectiveVideoType(c) !== "qxl") throw badRequest(messages.illegalGraphicsAndVideo(action, type));
  if (c.keyboardLayout !== "" && !(KEYBOARD_LAYOUTS as readonly string[]).includes(c.keyboardLayout)) {
    throw badRequest(messages.invalidKeyboardLayout(action, type));
  }
}

/** time_zone.utc_offset as the engine shows it: "+01:00" (standard offset of the zone). */
export function utcOffset(c: VmConfig): string {
  const windows = isWindows(c.osType);
  const zone = c.timeZone !== "" ? c.timeZone : windows ? "GMT Standard Time" : "Etc/GMT";
  const seconds = clockAdjustmentOf(zone, c.osType);
  const sign = seconds < 0 ? "-" : "+";
  const abs = Math.abs(seconds);
  return `${sign}${String(Math.floor(abs / 3600)).padStart(2, "0")}:${String(Math.floor((abs % 3600) / 60)).padStart(2, "0")}`;
}

/** VM and template names: 1..64 characters of letters, digits, '_', '-', '.'. Pools may also use '?'. */
export function validateName(name: string, action: Action, type: TypeName): void {
  if (name.trim() === "") throw badRequest(messages.nameEmpty(action, type));
  if (name.length > 64) throw badRequest(messages.nameTooLong(action, type));
  const pattern = type === "VM-Pool" ? /^[\p{L}\p{N}_.?-]+$/u : /^[\p{L}\p{N}_.-]+$/u;
  if (!pattern.test(name)) throw badRequest(messages.nameSpecialChars(action, type));
}

export const nameConflict = (action: Action, type: TypeName): EngineFault => conflict(messages.nameInUse(action, type));
