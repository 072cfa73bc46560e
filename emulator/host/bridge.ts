// The one place where the emulator talks to an optional host backend (such as libvirt). Without a
// backend every call is a no-op and VM states are simulated only.
import type { DomainSettings } from "../../domainxml/index.ts";
import type { VmRecord } from "../model.ts";
import type { ConsoleAddress, GuestAgentRequest, HostBackend } from "./types.ts";

export type { GuestAgentRequest } from "./types.ts";

/** A console ticket as the engine hands it to the host, with what to do when its session ends. */
export interface IssuedTicket {
  protocol: "spice" | "vnc";
  value: string;
  validSeconds: number;
  /** The VM's display.disconnect_action (NONE, LOCK_SCREEN, LOGOUT, SHUTDOWN, REBOOT) and its delay. */
  onDisconnect: { action: string; delayMinutes: number };
}

/** The guest-agent command for an engine disconnect action (ConsoleDisconnectAction), or none. */
export function disconnectCommand(action: string): GuestAgentRequest["command"] | undefined {
  switch (action.toUpperCase()) {
    case "LOCK_SCREEN": return "lock-screen";
    case "LOGOUT": return "logoff";
    case "SHUTDOWN": return "shutdown";
    case "REBOOT": return "reboot";
    default: return undefined;
  }
}



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
  readonly guestAgent: GuestAgentRequest[] = [];
  private readonly watches = new Map<string, { stop(): void }>();
  /** The disconnect action that came with each VM's latest ticket. */
  private readonly disconnectSettings = new Map<string, IssuedTicket["onDisconnect"]>();

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

  /** Records an engine request to the VM's guest agent. */
  requestGuestAgent(request: Omit<GuestAgentRequest, "at">): void {
    const recorded = { ...request, at: Date.now() };
    this.guestAgent.push(recorded);
    this.backend?.guestAgent?.(recorded);
  }

  /**
   * Hands a newly issued console ticket to the host (the seed's step 4). As the engine's
   * SetVmTicketVDSCommand does, the ticket travels with the VM's disconnect action and its delay;
   * the host keeps the latest and, when the console session ends, asks the guest agent for it.
   */
  async issueTicket(vmId: string, ticket: IssuedTicket): Promise<void> {
    if (!this.backend?.setTicket) return;
    await this.backend.setTicket(vmId, ticket.protocol, ticket.value, ticket.validSeconds);
    this.disconnectSettings.set(vmId, ticket.onDisconnect);
    if (this.watches.has(vmId) || !this.backend.watchGraphics) return;
    // A session is the set of connections whose ticket QEMU accepted (SPICE opens one per
    // channel). It ends when the last of them goes; a refused or redirected connection is no session.
    const session = new Set<string>();
    this.watches.set(vmId, this.backend.watchGraphics(vmId, (event) => {
      if (event.phase === "initialize") session.add(event.client);
      if (event.phase !== "disconnect" || !session.delete(event.client) || session.size > 0) return;
      const setting = this.disconnectSettings.get(vmId);
      const command = setting ? disconnectCommand(setting.action) : undefined;
      if (command) this.requestGuestAgent({ vmId, command, delayMinutes: setting?.delayMinutes });
    }));
  }

  /** Where the running VM's console listens on the host; undefined without a backend. */
  async consoleAddress(vmId: string, protocol: "spice" | "vnc"): Promise<ConsoleAddress | undefined> {
    return this.backend?.consoleAddress?.(vmId, protocol);
  }

  async stop(vmId: string): Promise<void> {
    this.watches.get(vmId)?.stop();
    this.watches.delete(vmId);
    this.disconnectSettings.delete(vmId);
    if (!this.backend) return;
    await this.backend.stopVm(vmId);
  }

  async state(vmId: string): Promise<"running" | "stopped" | "missing" | undefined> {
    if (!this.backend) return undefined;
    return this.backend.vmState(vmId);
  }

  async close(): Promise<void> {
    for (const watch of this.watches.values()) watch.stop();
    this.watches.clear();
    await this.backend?.close();
  }
}
