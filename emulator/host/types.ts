// The emulator's optional host backend: when configured, starting a VM runs its previewed libvirt
// domain on a real host and stopping destroys it. Without one, VM states are simulated only.

export interface HostBackend {
  /** Defines and starts the VM's domain. Rejects with libvirt's own error text on failure. */
  startVm(vm: { id: string; name: string; domainXml: string }): Promise<void>;
  /** Destroys (and undefines) the VM's domain; resolves when it is already gone. */
  stopVm(vmId: string): Promise<void>;
  /** What the host says about the VM's domain right now. */
  vmState(vmId: string): Promise<"running" | "stopped" | "missing">;
  /**
   * Sets the console password of the running domain and its validity (as VDSM does on the engine's
   * SetVmTicket): libvirt's graphics `passwd` and `passwdValidTo` through update-device, so QEMU
   * itself accepts that ticket until it expires and refuses any other.
   */
  setTicket?(vmId: string, protocol: "spice" | "vnc", ticket: string, validSeconds: number): Promise<void>;
  /** Where a client reaches the running domain's console, as QEMU listens for it. */
  consoleAddress?(vmId: string, protocol: "spice" | "vnc"): Promise<ConsoleAddress | undefined>;
  /** Calls `onEvent` for each graphics connect and disconnect of the domain until `stop` is called. */
  watchGraphics?(vmId: string, onEvent: (event: GraphicsEvent) => void): { stop(): void };
  /** Receives what the engine asks the VM's guest agent to do (VDSM's desktopLogin / desktopLock). */
  guestAgent?(request: GuestAgentRequest): void;
  /** Releases connections; the emulator calls it on close. */
  close(): Promise<void>;
}

export interface ConsoleAddress {
  host: string;
  /** The plain port; -1 when QEMU has none (SPICE with TLS only). */
  port: number;
  tlsPort?: number;
  /** The CA that signed the host's SPICE TLS certificate, and that certificate's subject. */
  caPem?: string;
  hostSubject?: string;
}

/**
 * One console client connection's step, as libvirt reports QEMU's events: `connect` (TCP),
 * `initialize` (the ticket was accepted: a session), `disconnect`. `client` tells connections apart.
 */
export interface GraphicsEvent {
  phase: "connect" | "initialize" | "disconnect";
  client: string;
}

/**
 * What the engine asked the guest agent to do (the console SSO design's steps 5 and 10): `login`
 * when a user opens a console of a VM with guest-agent SSO, and the VM's disconnect action
 * (`lock-screen`, `logoff`, `shutdown`, `reboot`) when its console client disconnects. The
 * emulator has no guest agent: it keeps the requests in order, for tests and the log.
 */
export interface GuestAgentRequest {
  vmId: string;
  command: "login" | "lock-screen" | "logoff" | "shutdown" | "reboot";
  /** For `login`: the engine user whose session is handed to the guest (never a password). */
  user?: string;
  /** For the disconnect actions: the delay the policy set, in minutes. */
  delayMinutes?: number;
  at: number;
}
