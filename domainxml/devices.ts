// One builder per device of the domain, each writing what the oVirt engine's XML builder writes for it
// (see the engine reference, section 7). They take already-resolved values, so each reads on its own.
import type { DisplaySettings, MonitorCount, VmType } from "./types.ts";
import { el, textEl } from "./xml.ts";
import type { XmlElement } from "./xml.ts";

/** oVirt's default SpiceSecureChannels, with the legacy "s" prefix already stripped. */
export const SPICE_SECURE_CHANNELS = ["main", "inputs", "cursor", "playback", "record", "display", "smartcard", "usbredir"] as const;

/** The engine keeps the graphics ticket expired until a console ticket is set (SetVmTicket). */
const EXPIRED_TICKET = { passwd: "*****", passwdValidTo: "1970-01-01T00:00:01" };

/** How many SPICE USB redirection slots oVirt gives a VM with USB on. */
export const USB_REDIRECT_SLOTS = 4;

export function spiceGraphics(display: DisplaySettings, listen: string, secureChannels: boolean): XmlElement {
  return el(
    "graphics",
    { type: "spice", port: -1, autoport: "yes", tlsPort: -1, listen, ...EXPIRED_TICKET },
    el("listen", { type: "address", address: listen }),
    secureChannels && SPICE_SECURE_CHANNELS.map((name) => el("channel", { name, mode: "secure" })),
    display.copyPasteEnabled === false && el("clipboard", { copypaste: "no" }),
    display.fileTransferEnabled === false && el("filetransfer", { enable: "no" }),
  );
}

export function vncGraphics(listen: string): XmlElement {
  return el(
    "graphics",
    { type: "vnc", port: -1, autoport: "yes", listen, ...EXPIRED_TICKET },
    el("listen", { type: "address", address: listen }),
  );
}

/** qxl with one head per monitor for SPICE; plain VGA for VNC. */
export function video(displayType: DisplaySettings["type"], monitors: MonitorCount): XmlElement {
  const model =
    displayType === "spice"
      ? el("model", { type: "qxl", ram: 65536, vram: 32768, vgamem: 16384, heads: monitors, primary: "yes" })
      : el("model", { type: "vga", vram: 16384, heads: 1, primary: "yes" });
  return el("video", {}, model);
}

/**
 * The engine keeps a normal USB controller on every VM, even with USB "disabled", except on a
 * high-performance VM with USB off, which gets an explicit "no USB" controller.
 */
export function usbController(vmType: VmType, usbEnabled: boolean): XmlElement {
  if (vmType === "high_performance" && !usbEnabled) return el("controller", { type: "usb", index: 0, model: "none" });
  return el("controller", { type: "usb", index: 0, model: "qemu-xhci", ports: 8 });
}

/** SPICE native USB redirection slots. */
export function usbRedirection(): XmlElement[] {
  return Array.from({ length: USB_REDIRECT_SLOTS }, () => el("redirdev", { bus: "usb", type: "spicevmc" }));
}

/** The vdagent channel (clipboard, resolution, file transfer), written only with SPICE. */
export function spiceAgentChannel(): XmlElement {
  return el("channel", { type: "spicevmc" }, el("target", { type: "virtio", name: "com.redhat.spice.0" }));
}

/**
 * The QEMU guest agent channel, always written. The engine names the socket after the VM id; without
 * an id libvirt picks the path itself.
 */
export function guestAgentChannel(uuid: string | undefined): XmlElement {
  const path = uuid === undefined ? undefined : `/var/lib/libvirt/qemu/channels/${uuid}.org.qemu.guest_agent.0`;
  return el(
    "channel",
    { type: "unix" },
    el("source", { mode: "bind", path }),
    el("target", { type: "virtio", name: "org.qemu.guest_agent.0" }),
  );
}

export function memory(memoryMb: number): XmlElement[] {
  return [textEl("memory", memoryMb, { unit: "MiB" }), textEl("currentMemory", memoryMb, { unit: "MiB" })];
}

/** One socket with all cores, as the engine's default topology. */
export function cpu(cpuCores: number, vmType: VmType, domainType: "kvm" | "qemu"): XmlElement[] {
  // High-performance VMs pass the host CPU through; that needs KVM, so emulated domains keep the default model.
  const mode = vmType === "high_performance" && domainType === "kvm" ? "host-passthrough" : undefined;
  return [
    textEl("vcpu", cpuCores, { placement: "static" }),
    el("cpu", { mode }, el("topology", { sockets: 1, dies: 1, cores: cpuCores, threads: 1 })),
  ];
}
