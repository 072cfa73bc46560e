// The one place where the emulator talks to an optional host backend (such as libvirt). Without a
// backend every call is a no-op and VM states are simulated only.
import type { DomainSettings } from "../../domainxml/index.ts";
import type { VmRecord } from "../model.ts";
import type { HostBackend } from "./types.ts";

/** The preview library's inputs, from the VM's current configuration. */
export function domainSettings(vm: VmRecord): DomainSettings {
  const c = vm.config;
  const type = c.graphics.includes("spice") ? "spice" : c.graphics.includes("vnc") ? "vnc" : undefined;
  const monitors = c.monitors === 2 || c.monitors === 4 ? c.monitors : 1;
  return {
    name: vm.name,
    uuid: vm.id,
    memoryMb: c.memoryMb,
    cpuCores: Math.max(1, c.cores * c.sockets),
    vmType: c.type,
    usbEnabled: c.usbEnabled,
    display: type
      ? {
          type,
          smartcardEnabled: c.smartcardEnabled,
          monitors,
          copyPasteEnabled: c.copyPasteEnabled,
          fileTransferEnabled: c.fileTransferEnabled,
        }
      : null,
    domainType: "qemu",
    // Emulated hosts serve consoles on loopback only.
    spiceListen: "127.0.0.1",
  };
}

export class HostBridge {
  readonly backend: HostBackend | undefined;

  constructor(backend?: HostBackend) {
    this.backend = backend;
  }

  get enabled(): boolean {
    return this.backend !== undefined;
  }

  /** Renders the VM's domain with the preview library and starts it; rejects with the host's error. */
  async start(vm: VmRecord): Promise<void> {
    if (!this.backend) return;
    // Loaded lazily: the emulator runs without the preview library unless a backend is configured.
    const lib = (await import("../../domainxml/index.ts")) as { renderDomainXml: (s: DomainSettings) => string };
    const domainXml = lib.renderDomainXml(domainSettings(vm));
    await this.backend.startVm({ id: vm.id, name: vm.name, domainXml });
  }

  async stop(vmId: string): Promise<void> {
    if (!this.backend) return;
    await this.backend.stopVm(vmId);
  }

  async state(vmId: string): Promise<"running" | "stopped" | "missing" | undefined> {
    if (!this.backend) return undefined;
    return this.backend.vmState(vmId);
  }

  async close(): Promise<void> {
    await this.backend?.close();
  }
}
