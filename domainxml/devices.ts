// One builder per device of the domain, each writing what the oVirt engine's XML builder writes for it
// (see the engine reference, section 7). They take already-resolved values, so each reads on its own.
import type { DisplaySettings, MonitorCount, VideoType, VmType } from "./types.ts";
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

/** The engine's VncKeyboardLayout default, used when the VM sets no keyboard layout. */
export const DEFAULT_KEYMAP = "en-us";

/** VNC graphics with the keymap (the engine writes keymap on VNC only: writeGraphics). */
export function vncGraphics(listen: string, keymap: string = DEFAULT_KEYMAP): XmlElement {
  return el(
    "graphics",
    { type: "vnc", port: -1, autoport: "yes", listen, keymap, ...EXPIRED_TICKET },
    el("listen", { type: "address", address: listen }),
  );
}

/** The video device the engine picks when the VM names none: qxl for SPICE, vga for VNC. */
export function defaultVideoType(displayType: DisplaySettings["type"]): VideoType {
  return displayType === "spice" ? "qxl" : "vga";
}

/** qxl with one head per monitor; vga, bochs and cirrus with one head. */
export function video(videoType: VideoType, monitors: MonitorCount): XmlElement {
  const model =
    videoType === "qxl"
      ? el("model", { type: "qxl", ram: 65536, vram: 32768, vgamem: 16384, heads: monitors, primary: "yes" })
      : el("model", { type: videoType, vram: 16384, heads: 1, primary: "yes" });
  return el("video", {}, model);
}

/** A headless VM has no video device: the engine then writes a video model of "none" (writeDefaultVideo). */
export function noVideo(): XmlElement {
  return el("video", {}, el("model", { type: "none" }));
}

/** The sound card osinfo gives x86 guests (devices.audio: ich6). */
export function sound(): XmlElement {
  return el("sound", { model: "ich6" });
}

/** With ballooning the engine writes a virtio balloon reporting every 5 s; without, model "none". */
export function memballoon(ballooning: boolean): XmlElement {
  return ballooning ? el("memballoon", { model: "virtio" }, el("stats", { period: 5 })) : el("memballoon", { model: "none" });
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

/** The engine's MaxMemorySlots default: DIMM slots for memory hot plug. */
export const MEMORY_SLOTS = 16;

/** Memory, and the hot-plug ceiling when it is above the memory (QEMU refuses them equal: writeMaxMemory). */
export function memory(memoryMb: number, maxMb: number | undefined): XmlElement[] {
  return [
    textEl("memory", memoryMb, { unit: "MiB" }),
    maxMb !== undefined && maxMb > memoryMb && textEl("maxMemory", maxMb, { slots: MEMORY_SLOTS, unit: "MiB" }),
    textEl("currentMemory", memoryMb, { unit: "MiB" }),
  ].filter((e): e is XmlElement => Boolean(e));
}

export interface CpuTopology {
  sockets: number;
  cores: number;
  threads: number;
}

/**
 * vCPUs and their topology (writeCpu). Memory hot plug needs a guest NUMA node, so with a
 * ceiling one cell holds every vCPU and the memory, as oVirt VMs always have one.
 */
export function cpu(topology: CpuTopology, vmType: VmType, domainType: "kvm" | "qemu", numaMemoryMb?: number): XmlElement[] {
  // High-performance VMs pass the host CPU through; that needs KVM, so emulated domains keep the default model.
  const mode = vmType === "high_performance" && domainType === "kvm" ? "host-passthrough" : undefined;
  const vcpus = topology.sockets * topology.cores * topology.threads;
  return [
    textEl("vcpu", vcpus, { placement: "static" }),
    el(
      "cpu",
      { mode },
      el("topology", { sockets: topology.sockets, dies: 1, cores: topology.cores, threads: topology.threads }),
      numaMemoryMb !== undefined && el("numa", {}, el("cell", { id: 0, cpus: vcpus === 1 ? "0" : `0-${vcpus - 1}`, memory: numaMemoryMb, unit: "MiB" })),
    ),
  ];
}

const OVIRT_VM_NS = "http://ovirt.org/vm/1.0";

/**
 * The engine keeps the guaranteed memory and the balloon flag in its own metadata (writeVmMetadata):
 * VDSM's memory-overcommit policy reads them, libvirt does not.
 */
export function ovirtMetadata(guaranteedMb: number, ballooning: boolean): XmlElement {
  return el(
    "metadata",
    {},
    el(
      "ovirt-vm:vm",
      { "xmlns:ovirt-vm": OVIRT_VM_NS },
      textEl("ovirt-vm:minGuaranteedMemoryMb", guaranteedMb, { type: "int" }),
      textEl("ovirt-vm:ballooningEnabled", String(ballooning)),
    ),
  );
}
