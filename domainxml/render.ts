// Settings in, the libvirt domain XML an oVirt host would run out. Pure and deterministic.
import { cpu, guestAgentChannel, memory, spiceAgentChannel, spiceGraphics, usbController, usbRedirection, video, vncGraphics } from "./devices.ts";
import { diskDevices, interfaceElement, NIC_MODELS } from "./disksAndNics.ts";
import { effectiveSmartcard, smartcardElement, smartcardProblems } from "./smartcard.ts";
import type { DiskSettings, DomainSettings, NicSettings, SettingsProblem } from "./types.ts";
import { el, serialize, textEl } from "./xml.ts";

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

/** Every problem with the settings: their shape, then the smartcard rules the provider enforces. */
export function settingsProblems(settings: DomainSettings): SettingsProblem[] {
  return [...shapeProblems(settings), ...smartcardProblems(settings)];
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
  const listen = settings.spiceListen ?? "0";
  const display = settings.display;
  const spice = display?.type === "spice";
  const smartcard = effectiveSmartcard(settings);
  const uuid = settings.uuid?.toLowerCase();
  const disks = settings.disks ?? [];
  // libvirt refuses <os><boot dev> next to per-device boot order, and the engine writes the latter.
  const perDeviceBoot = disks.some((d) => d.bootable);

  const devices = el(
    "devices",
    {},
    usbController(settings.vmType, settings.usbEnabled),
    diskDevices(disks),
    (settings.nics ?? []).map(interfaceElement),
    guestAgentChannel(uuid),
    spice && spiceAgentChannel(),
    display && (spice ? spiceGraphics(display, listen, settings.secureChannels ?? true) : vncGraphics(listen)),
    display && video(display.type, display.monitors ?? 1),
    spice && settings.usbEnabled && usbRedirection(),
    smartcard && smartcardElement(smartcard),
    el("memballoon", { model: "virtio" }),
  );

  const domain = el(
    "domain",
    { type: domainType },
    textEl("name", settings.name),
    uuid !== undefined && textEl("uuid", uuid),
    memory(settings.memoryMb),
    el("os", {}, textEl("type", "hvm", { arch: "x86_64", machine: "q35" }), !perDeviceBoot && el("boot", { dev: "hd" })),
    el("features", {}, el("acpi")),
    cpu(settings.cpuCores, settings.vmType, domainType),
    el("clock", { offset: "utc" }),
    textEl("on_poweroff", "destroy"),
    textEl("on_reboot", "restart"),
    textEl("on_crash", "destroy"),
    devices,
  );
  return serialize(domain);
}
