// From a name to a console: the VM (or the pool's desktop the user holds, or one the engine gives
// them), started and up, with a fresh ticket and the .vv that carries it, as the user portal does.
import { isEngineError, type ConsoleClient, type GraphicsConsole, type Vm, type VmPool } from "../provider/engine/index.ts";
import { ConsoleFailure, EXIT } from "./errors.ts";
import type { ConsoleSide } from "./login.ts";
import { shapeVv } from "./vv.ts";

/** The engine's console ticket life when no policy says otherwise (the user portal's 120 s). */
export const DEFAULT_TICKET_SECONDS = 120;
const POLL_MS = 1000;

export interface DesktopRequest {
  name: string;
  start: boolean;
  waitSeconds: number;
  /** Asked-for ticket life; the policy's is the upper bound. */
  expirySeconds?: number;
  /** The console-side policy for the VM or pool (from the stack), once the target is known. */
  consoleSide: (target: { vmId?: string; poolId?: string }) => Promise<ConsoleSide | undefined>;
  /** Progress lines for a person (stderr); never the ticket. */
  say: (line: string) => void;
}

export interface OpenedConsole {
  vm: Vm;
  pool?: VmPool;
  protocol: string;
  smartcard: boolean;
  expirySeconds: number;
  vv: string;
}

async function poolDesktop(client: ConsoleClient, pool: VmPool, say: DesktopRequest["say"]): Promise<Vm> {
  const held = await client.heldPoolVms(pool.id);
  const current = held.find((vm) => vm.status === "up") ?? held[0];
  if (current) {
    say(`pool ${pool.name}: you already hold ${current.name}`);
    return current;
  }
  let id: string;
  try {
    id = await client.allocateVm(pool.id);
  } catch (err) {
    if (isEngineError(err) && err.status === 409) {
      throw new ConsoleFailure(EXIT.noDesktopFree, `no desktop free in pool ${pool.name}: ${err.detail ?? err.reason ?? err.message}`);
    }
    throw err;
  }
  const vm = await client.getVm(id);
  if (!vm) throw new ConsoleFailure(EXIT.failed, `the engine gave you VM ${id} from pool ${pool.name}, but it cannot be read`);
  say(`pool ${pool.name}: the engine gave you ${vm.name}`);
  return vm;
}

async function target(client: ConsoleClient, name: string, say: DesktopRequest["say"]): Promise<{ vm: Vm; pool?: VmPool }> {
  const vm = await client.findVm(name);
  if (vm) return { vm };
  const pool = await client.findPool(name);
  if (!pool) {
    throw new ConsoleFailure(EXIT.notEntitled, `no VM or pool named "${name}" that you may use: check the name, or ask an administrator for UserRole on it`);
  }
  return { vm: await poolDesktop(client, pool, say), pool };
}

async function waitUntilUp(client: ConsoleClient, vm: Vm, req: DesktopRequest): Promise<Vm> {
  if (vm.status === "up") return vm;
  if (vm.status === "down") {
    if (!req.start) throw new ConsoleFailure(EXIT.notRunning, `VM ${vm.name} is down (and --no-start was given)`);
    req.say(`starting ${vm.name}`);
    await client.startVm(vm.id);
  }
  const deadline = Date.now() + req.waitSeconds * 1000;
  for (;;) {
    const now = await client.getVm(vm.id);
    if (!now) throw new ConsoleFailure(EXIT.failed, `VM ${vm.name} is gone`);
    if (now.status === "up") return now;
    if (now.status === "down" && req.start) throw new ConsoleFailure(EXIT.failed, `VM ${vm.name} went down while starting`);
    if (Date.now() > deadline) throw new ConsoleFailure(EXIT.failed, `VM ${vm.name} is not up after ${req.waitSeconds} s (status ${now.status})`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function pickConsole(vm: Vm, consoles: GraphicsConsole[]): GraphicsConsole {
  const chosen = consoles.find((c) => c.protocol === vm.display?.type) ?? consoles.find((c) => c.protocol === "spice") ?? consoles[0];
  if (!chosen) throw new ConsoleFailure(EXIT.consoleDisabled, `VM ${vm.name} has no graphics console (it runs headless): there is no desktop to open`);
  return chosen;
}

/** The console of the named VM or pool desktop, with a fresh ticket in its .vv file. */
export async function openDesktop(client: ConsoleClient, req: DesktopRequest): Promise<OpenedConsole> {
  const found = await target(client, req.name, req.say);
  const console = pickConsole(found.vm, await client.listGraphicsConsoles(found.vm.id));
  const vm = await waitUntilUp(client, found.vm, req);
  const side = await req.consoleSide(found.pool ? { poolId: found.pool.id } : { vmId: vm.id });
  const policySeconds = side?.ticketExpirySeconds ?? DEFAULT_TICKET_SECONDS;
  const expirySeconds = Math.min(policySeconds, req.expirySeconds ?? policySeconds);
  const smartcard = vm.display?.smartcard_enabled === true && side?.smartcardEnabled !== false;
  const raw = await client.remoteViewerFile(vm.id, console.id);
  if (!raw) throw new ConsoleFailure(EXIT.failed, `the engine gave no console file for ${vm.name} (is it still running?)`);
  // Asked after the file: the last ticket set is the one QEMU accepts, with the policy's life.
  const ticket = await client.setTicket(vm.id, console.id, expirySeconds);
  const sso = (vm.sso_methods ?? []).includes("guest_agent") ? "guest_agent" : "none";
  if (sso === "guest_agent") {
    await client.logon(vm.id).catch((err: unknown) => req.say(`single sign-on: the engine could not ask the guest agent to log you in (${err instanceof Error ? err.message : String(err)}); log in yourself`));
  }
  const vv = shapeVv(raw, {
    ticket: ticket.value,
    expirySeconds: ticket.expiry,
    smartcard,
    sso,
    disconnectAction: (vm.display?.disconnect_action ?? "LOCK_SCREEN").toUpperCase(),
    disconnectActionDelayMinutes: vm.display?.disconnect_action_delay ?? 0,
  });
  return { vm, pool: found.pool, protocol: console.protocol, smartcard, expirySeconds: ticket.expiry, vv };
}
