// The <smartcard> element in each of libvirt's modes, and the rules that decide whether a smartcard
// can work for a given VM. oVirt itself only writes passthrough over spicevmc; the other modes are
// modelled so that libvirt users of this library get the same checks.
import type { DomainSettings, SettingsProblem, SmartcardDevice } from "./types.ts";
import { el, serialize, textEl } from "./xml.ts";
import type { XmlElement } from "./xml.ts";

/** The device the oVirt engine adds for `smartcard_enabled=true`. */
export const OVIRT_SMARTCARD: SmartcardDevice = { mode: "passthrough", type: "spicevmc" };

export function smartcardElement(device: SmartcardDevice): XmlElement {
  switch (device.mode) {
    case "host":
      return el("smartcard", { mode: "host" });
    case "host-certificates":
      return el(
        "smartcard",
        { mode: "host-certificates" },
        device.certificates.map((certificate) => textEl("certificate", certificate)),
        device.database !== undefined && textEl("database", device.database),
      );
    case "passthrough":
      if (device.type === "spicevmc") return el("smartcard", { mode: "passthrough", type: "spicevmc" });
      if (device.type === "tcp") {
        // Written as given, even when incomplete: libvirt's own refusal is part of what the preview shows.
        const source: Partial<typeof device.source> = device.source ?? {};
        return el(
          "smartcard",
          { mode: "passthrough", type: "tcp" },
          el("source", { mode: source.mode, host: source.host, service: source.service }),
          el("protocol", { type: "raw" }),
        );
      }
  }
  // Only reachable with untyped input: never drop a device silently.
  const problems = deviceProblems(device).map((p) => `${p.property}: ${p.reason}`);
  throw new Error(`cannot render the smartcard device: ${problems.join("; ") || JSON.stringify(device)}`);
}

/** The `<smartcard>` element for one device, as a standalone XML fragment. */
export function renderSmartcard(device: SmartcardDevice): string {
  return serialize(smartcardElement(device)).trimEnd();
}

/** The smartcard device the domain gets, or undefined when the VM has none. */
export function effectiveSmartcard(settings: DomainSettings): SmartcardDevice | undefined {
  if (!settings.display?.smartcardEnabled) return undefined;
  return settings.smartcard ?? OVIRT_SMARTCARD;
}

/** Whether the device is carried over a SPICE channel (and so needs SPICE graphics). */
export function needsSpice(device: SmartcardDevice): boolean {
  return device.mode === "passthrough" && device.type === "spicevmc";
}

/**
 * The reasons a smartcard cannot work with these settings. The oVirt web UI enforces the display
 * rules and the engine only the USB one; libvirt refuses the rest at start. An empty list means fine.
 */
export function smartcardProblems(settings: DomainSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const display = settings.display;

  if (display === null) {
    if (settings.smartcard !== undefined) {
      problems.push({
        property: "smartcardEnabled",
        reason:
          "a headless VM (no display) cannot have a smartcard: the card reaches the guest through the console. " +
          "Add a SPICE display, or remove the smartcard",
      });
    }
  } else if (display.smartcardEnabled) {
    const device = settings.smartcard ?? OVIRT_SMARTCARD;
    if (display.type !== "spice" && needsSpice(device)) {
      problems.push({
        property: "smartcardEnabled",
        reason:
          `smartcard pass-through needs a SPICE display, but displayType is "${display.type}" ` +
          `(libvirt refuses to start it: "chardev 'spicevmc' not supported without spice graphics"). ` +
          `Set displayType to "spice", or set smartcardEnabled to false`,
      });
    }
    if (settings.vmType === "high_performance" && !settings.usbEnabled) {
      problems.push({
        property: "smartcardEnabled",
        reason:
          "a high-performance VM with USB disabled has no USB controller, and the smartcard reader is a USB CCID " +
          'device. Set usbEnabled to true, choose vmType "desktop" or "server", or set smartcardEnabled to false',
      });
    }
  } else if (settings.smartcard !== undefined) {
    problems.push({
      property: "smartcard",
      reason: "a smartcard device is given but smartcardEnabled is false, so it would be left out. Set smartcardEnabled to true, or remove the device",
    });
  }

  if (settings.smartcard !== undefined) problems.push(...deviceProblems(settings.smartcard));
  return problems;
}

/** libvirt's own rules for each mode, checked without libvirt. */
export function deviceProblems(device: SmartcardDevice): SettingsProblem[] {
  // The device may come from untyped input (JSON), so every field is checked at run time.
  const loose = device as { mode?: unknown; type?: unknown; certificates?: unknown; database?: unknown; source?: unknown };
  const problems: SettingsProblem[] = [];
  switch (loose.mode) {
    case "host":
      break;
    case "host-certificates": {
      const certificates = loose.certificates;
      if (!Array.isArray(certificates) || certificates.length !== 3) {
        const count = Array.isArray(certificates) ? certificates.length : 0;
        problems.push({
          property: "smartcard.certificates",
          reason: `host-certificates mode needs exactly three NSS certificate names, got ${count}. List three certificates`,
        });
      } else {
        certificates.forEach((certificate: unknown, index) => {
          if (typeof certificate !== "string" || certificate.trim() === "") {
            problems.push({
              property: `smartcard.certificates[${index}]`,
              reason: "each certificate must be a non-empty NSS certificate name",
            });
          }
        });
      }
      if (loose.database !== undefined && (typeof loose.database !== "string" || !loose.database.startsWith("/"))) {
        problems.push({
          property: "smartcard.database",
          reason: "the NSS database must be an absolute directory path (for example /etc/pki/nssdb), or be left out for that default",
        });
      }
      break;
    }
    case "passthrough":
      if (loose.type === "spicevmc") break;
      if (loose.type !== "tcp") {
        problems.push({
          property: "smartcard.type",
          reason: `passthrough mode needs type "spicevmc" (through the SPICE console) or "tcp" (to a smartcard daemon), got ${JSON.stringify(loose.type)}`,
        });
        break;
      }
      problems.push(...tcpSourceProblems(loose.source));
      break;
    default:
      problems.push({
        property: "smartcard.mode",
        reason: `unknown smartcard mode ${JSON.stringify(loose.mode)}: use "passthrough", "host" or "host-certificates"`,
      });
  }
  return problems;
}

function tcpSourceProblems(source: unknown): SettingsProblem[] {
  if (typeof source !== "object" || source === null) {
    return [
      {
        property: "smartcard.source",
        reason: "passthrough over tcp needs a source: { mode: \"connect\" | \"bind\", host, service }",
      },
    ];
  }
  const { mode, host, service } = source as { mode?: unknown; host?: unknown; service?: unknown };
  const problems: SettingsProblem[] = [];
  if (mode !== "connect" && mode !== "bind") {
    problems.push({ property: "smartcard.source.mode", reason: `source mode must be "connect" or "bind", got ${JSON.stringify(mode)}` });
  }
  if (typeof host !== "string" || host.trim() === "") {
    problems.push({
      property: "smartcard.source.host",
      reason: "passthrough over tcp needs the host of the smartcard daemon (to connect to, or the address to bind)",
    });
  }
  if (typeof service !== "string" || !isServiceName(service)) {
    problems.push({
      property: "smartcard.source.service",
      reason: `passthrough over tcp needs a TCP port (1-65535) or service name, got ${JSON.stringify(service)}`,
    });
  }
  return problems;
}

function isServiceName(service: string): boolean {
  if (/^[0-9]+$/.test(service)) {
    const port = Number(service);
    return port >= 1 && port <= 65535;
  }
  return /^[A-Za-z][A-Za-z0-9-]*$/.test(service);
}
