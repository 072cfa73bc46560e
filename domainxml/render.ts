// Settings in, the libvirt domain XML an oVirt host would run out. Pure and deterministic.
import {
  cpu, defaultVideoType, guestAgentChannel, memballoon, memory, noVideo, ovirtMetadata, sound, spiceAgentChannel, spiceGraphics,
  usbController, usbRedirection, video, vncGraphics,
} from "./devices.ts";
import { cdromElement, cdromTarget, diskDevices, interfaceElement, NIC_MODELS } from "./disksAndNics.ts";
import { clockElement, featuresElement, machineType, osElement, tpmElement } from "./firmware.ts";
import { deviceInputOf, deviceSettingsProblems } from "./rules.ts";
import { effectiveSmartcard, smartcardElement, smartcardProblems } from "./smartcard.ts";
import type { BootDevice, DiskSettings, DomainSettings, NicSettings, SettingsProblem } from "./types.ts";
import { el, serialize, textEl } from "./xml.ts";
import type { MaybeElement } from "./xml.ts";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Problems that make the settings impossible to render at all (as opposed to a smartcard that cannot work). */
export function shapeProblems(settings: DomainSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (typeof settings.name !== "string" || settings.name.trim() === "") {
    problems.push({ property: "name", reason: "the VM needs a non-empty name" });
  } else if (settings.name.includes("/")) {
    problems.push({ property: "name", reason: `libvirt does not allow "/" in a domain name: rename "${settings.name}"` });
  }
  if (settings.uuid !== undefined && !UUID_PATTERN.test(settings.uuid)) {
    problems.push({ property: "uuid", reason: `"${settings.uuid}" is not a UUID (8-4-4-4-12 hexadecimal digits)` });
  }
  if (!Number.isInteger(settings.memoryMb) || settings.memoryMb < 1) {
    problems.push({ property: "memoryMb", reason: `memory must be a whole number of MiB, at least 1; got ${settings.memoryMb}` });
  }
  if (!Number.isInteger(settings.cpuCores) || settings.cpuCores < 1) {
    problems.push({ property: "cpuCores", reason: `the VM needs a whole number of CPU cores, at least 1; got ${settings.cpuCores}` });
  }
  if (!["desktop", "server", "high_performance"].includes(settings.vmType)) {
    problems.push({ property: "vmType", reason: `vmType must be "desktop", "server" or "high_performance"; got ${JSON.stringify(settings.vmType)}` });
  }
  const display = settings.display;
  if (display !== null) {
    if (display.type !== "spice" && display.type !== "vnc") {
      problems.push({ property: "displayType", reason: `displayType must be "spice" or "vnc"; got ${JSON.stringify(display.type)}` });
    }
    if (display.monitors !== undefined && ![1, 2, 4].includes(display.monitors)) {
      problems.push({ property: "monitors", reason: `the engine allows 1, 2 or 4 monitors; got ${display.monitors}` });
    }
  }
  for (const key of ["cpuSockets", "cpuThreads", "memoryGuaranteedMb", "memoryMaxMb"] as const) {
    const value = settings[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      problems.push({ property: key, reason: `${key} must be a whole number, at least 1; got ${value}` });
    }
  }
  problems.push(...diskProblems(settings.disks ?? []), ...nicProblems(settings.nics ?? []));
  return problems;
}

const MAC_PATTERN = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

function diskProblems(disks: readonly DiskSettings[]): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  disks.forEach((disk, i) => {
    if (!["virtio_scsi", "virtio", "sata"].includes(disk.interface)) {
      problems.push({ property: `disks[${i}].interface`, reason: `interface must be "virtio_scsi", "virtio" or "sata"; got ${JSON.stringify(disk.interface)}` });
    }
    if (disk.format !== "cow" && disk.format !== "raw") {
      problems.push({ property: `disks[${i}].format`, reason: `format must be "cow" or "raw"; got ${JSON.stringify(disk.format)}` });
    }
  });
  if (disks.filter((d) => d.bootable).length > 1) {
    problems.push({ property: "disks", reason: "a VM boots from at most one disk: keep bootable on one" });
  }
  return problems;
}

function nicProblems(nics: readonly NicSettings[]): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  nics.forEach((nic, i) => {
    if (!(NIC_MODELS as readonly string[]).includes(nic.interface)) {
      problems.push({ property: `nics[${i}].interface`, reason: `interface must be "virtio", "e1000" or "rtl8139"; got ${JSON.stringify(nic.interface)}` });
    }
    if (typeof nic.network !== "string" || nic.network.trim() === "") {
      problems.push({ property: `nics[${i}].network`, reason: "the NIC needs the name of its network (its host bridge is named after it)" });
    }
    if (nic.macAddress !== undefined && !MAC_PATTERN.test(nic.macAddress)) {
      problems.push({ property: `nics[${i}].macAddress`, reason: `"${nic.macAddress}" is not a MAC address (six hexadecimal pairs separated by ":")` });
    }
  });
  return problems;
}

/** Every problem with the settings: their shape, the smartcard rules, then the engine's device rules. */
export function settingsProblems(settings: DomainSettings): SettingsProblem[] {
  const shape = shapeProblems(settings);
  // The device rules repeat the whole-number checks; keep each property's first complaint only.
  const seen = new Set(shape.map((p) => `${p.property}\n${p.reason}`));
  const device = deviceSettingsProblems(deviceInputOf(settings)).filter((p) => !seen.has(`${p.property}\n${p.reason}`));
  return [...shape, ...smartcardProblems(settings), ...device];
}

interface BootOrders {
  disk?: number;
  cdrom?: number;
  nics?: number[];
  /** The boot list written in <os> when no device carries an order. */
  fallback?: BootDevice[];
}

/**
 * Boot orders as the engine's updateVmDevicesBootOrder hands them out: 1, 2, ... following the boot
 * sequence; hd goes to the bootable disk, cdrom to the CD-ROM, network to each NIC in turn.
 */
function bootOrders(sequence: readonly BootDevice[], hasBootDisk: boolean, hasCdrom: boolean, nicCount: number): BootOrders {
  const orders: BootOrders = {};
  let next = 1;
  for (const device of sequence) {
    if (device === "hd" && hasBootDisk && orders.disk === undefined) orders.disk = next++;
    else if (device === "cdrom" && hasCdrom && orders.cdrom === undefined) orders.cdrom = next++;
    else if (device === "network" && nicCount > 0 && orders.nics === undefined) {
      orders.nics = Array.from({ length: nicCount }, () => next++);
    }
  }
  // libvirt refuses <os><boot dev> next to per-device boot order, so the list is only a fallback.
  if (next === 1) orders.fallback = [...sequence];
  return orders;
}

/**
 * Renders the domain. Throws on settings that have no domain at all (see shapeProblems); it does
 * not apply the smartcard rules, so a preview of a combination libvirt refuses can still be shown.
 */
export function renderDomainXml(settings: DomainSettings): string {
  const problems = shapeProblems(settings);
  if (problems.length > 0) {
    throw new Error(`cannot render the domain XML: ${problems.map((p) => `${p.property}: ${p.reason}`).join("; ")}`);
  }
  const domainType = settings.domainType ?? "kvm";
  const uuid = settings.uuid?.toLowerCase();
  const disks = settings.disks ?? [];
  const nics = settings.nics ?? [];
  const machine = machineType(settings.biosType);
  const cdrom = settings.cdrom !== undefined && settings.cdrom !== "" ? settings.cdrom : undefined;
  const boot = bootOrders(settings.bootDevices ?? ["hd"], disks.some((d) => d.bootable), cdrom !== undefined, nics.length);
  const ballooning = settings.ballooning ?? true;
  const maxMb = settings.memoryMaxMb !== undefined && settings.memoryMaxMb > settings.memoryMb ? settings.memoryMaxMb : undefined;
  const topology = { sockets: settings.cpuSockets ?? 1, cores: settings.cpuCores, threads: settings.cpuThreads ?? 1 };

  const devices = el(
    "devices",
    {},
    usbController(settings.vmType, settings.usbEnabled),
    diskDevices(disks, boot.disk, cdrom !== undefined ? [cdromTarget(machine).dev] : []),
    cdrom !== undefined && cdromElement(cdrom, machine, boot.cdrom),
    nics.map((nic, i) => interfaceElement(nic, boot.nics?.[i])),
    guestAgentChannel(uuid),
    ...displayDevices(settings),
    settings.soundcardEnabled === true && sound(),
    settings.tpmEnabled === true && tpmElement(),
    memballoon(ballooning),
  );

  const domain = el(
    "domain",
    { type: domainType },
    textEl("name", settings.name),
    uuid !== undefined && textEl("uuid", uuid),
    memory(settings.memoryMb, maxMb),
    osElement(settings.biosType, uuid ?? settings.name, boot.fallback),
    featuresElement(settings.osType, settings.biosType, domainType),
    cpu(topology, settings.vmType, domainType, maxMb !== undefined ? settings.memoryMb : undefined),
    clockElement(settings.osType, settings.timeZone, domainType),
    textEl("on_poweroff", "destroy"),
    textEl("on_reboot", "restart"),
    textEl("on_crash", "destroy"),
    devices,
    ovirtMetadata(settings.memoryGuaranteedMb ?? settings.memoryMb, ballooning),
  );
  return serialize(domain);
}

/**
 * Graphics, video and what rides on SPICE (agent channel, USB redirection, smartcard). A headless
 * VM gets none of them but a video model of "none", as the engine writes it.
 */
function displayDevices(settings: DomainSettings): (MaybeElement | MaybeElement[])[] {
  const display = settings.headless === true ? null : settings.display;
  if (display === null) {
    const smartcard = effectiveSmartcard(settings);
    return [noVideo(), smartcard && smartcardElement(smartcard)];
  }
  const listen = settings.spiceListen ?? "0";
  const spice = display.type === "spice";
  const smartcard = effectiveSmartcard(settings);
  return [
    spice && spiceAgentChannel(),
    spice ? spiceGraphics(display, listen, settings.secureChannels ?? true) : vncGraphics(listen, settings.keyboardLayout || undefined),
    video(settings.videoType ?? defaultVideoType(display.type), display.monitors ?? 1),
    spice && settings.usbEnabled && usbRedirection(),
    smartcard && smartcardElement(smartcard),
  ];
}
