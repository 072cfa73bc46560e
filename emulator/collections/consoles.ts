// Graphics consoles of VMs and templates. Console ids are the protocol name in hex. Tickets default
// to 7200 s; the remote-viewer (.vv) file carries its own 120 s ticket and enable-smartcard
// following the VM's flag; a VM that is not running gets 204.
// With a host backend every ticket also reaches the host (the seed's step 4, VDSM's SetVmTicket):
// QEMU then accepts exactly that ticket until it expires, and the .vv names the port QEMU listens
// on. POST /vms/{id}/logon is the engine's VmLogonCommand: a login request to the guest agent.
import { randomBytes } from "node:crypto";
import { childNode, text, type Node } from "../http/codec.ts";
import { conflict, EngineFault, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, type Ctx, type Reply } from "../http/context.ts";
import { issueToken } from "../http/auth.ts";
import { DISPLAY_TYPES, isRunning, protocolFromHex, protocolHex, type Protocol, type VmConfig, type VmRecord } from "../model.ts";
import { messages, parseInteger } from "../rules.ts";
import { body, requireAdmin, requireFilterOrAdmin, vmOr404 } from "./common.ts";
import { invalidEnum } from "../http/faults.ts";

const DEFAULT_TICKET_EXPIRY = 7200;
const VV_TICKET_VALIDITY = 120;
const SECURE_CHANNELS = "smain;sinputs;scursor;splayback;srecord;sdisplay;ssmartcard;susbredir";

type Owner = { kind: "vm"; vm: VmRecord } | { kind: "template"; id: string; config: VmConfig };

function owner(ctx: Ctx, kind: "vm" | "template"): Owner {
  if (kind === "vm") return { kind, vm: vmOr404(ctx, ctx.params.id) };
  const t = ctx.params.id ? ctx.engine.store.get("template", ctx.params.id) : undefined;
  if (!t) throw pathNotFound();
  return { kind, id: t.id, config: t.config };
}

const ownerConfig = (o: Owner): VmConfig => (o.kind === "vm" ? o.vm.config : o.config);

/** Without ?current=true the engine lists the devices of the next run (the pending configuration). */
function listedConfig(ctx: Ctx, o: Owner): VmConfig {
  if (o.kind === "vm" && ctx.query.get("current") !== "true" && o.vm.nextRun) return o.vm.nextRun;
  return ownerConfig(o);
}

/** Graphics device changes on a running VM wait for the next run, like other Down-only changes. */
function editGraphics(vm: VmRecord, change: (graphics: Protocol[]) => Protocol[]): void {
  if (isRunning(vm.status)) {
    const pending = vm.nextRun ?? { ...vm.config, graphics: [...vm.config.graphics] };
    pending.graphics = change(pending.graphics);
    vm.nextRun = pending;
  } else {
    vm.config.graphics = change(vm.config.graphics);
  }
}
const ownerPath = (o: Owner): string => (o.kind === "vm" ? `/vms/${o.vm.id}` : `/templates/${o.id}`);

function consoleNode(ctx: Ctx, o: Owner, protocol: Protocol): Node {
  const path = `${ownerPath(o)}/graphicsconsoles/${protocolHex(protocol)}`;
  const node: Node = { "@href": href(ctx, path), "@id": protocolHex(protocol) };
  if (o.kind === "vm") {
    node.actions = {
      link: ["remoteviewerconnectionfile", "ticket"].map((rel) => ({ "@href": href(ctx, `${path}/${rel}`), "@rel": rel })),
    };
  }
  node.protocol = protocol;
  if (o.kind === "vm") {
    node.vm = link(ctx, "/vms", o.vm.id);
    // ?current=true adds the runtime address and ports of a running VM.
    if (ctx.query.get("current") === "true" && isRunning(o.vm.status)) {
      const n = parseInt(o.vm.id.replace(/-/g, "").slice(0, 4), 16) % 1000;
      node.address = "127.0.0.1";
      node.port = protocol === "spice" ? -1 : 5900 + n * 2;
      node.tls_port = protocol === "spice" ? 5901 + n * 2 : undefined;
    }
  } else {
    node.template = link(ctx, "/templates", o.id);
  }
  return node;
}

function consoleOr404(ctx: Ctx, o: Owner): Protocol {
  const protocol = protocolFromHex(ctx.params.consoleId ?? "");
  if (!protocol || !(ownerConfig(o).graphics.includes(protocol) || listedConfig(ctx, o).graphics.includes(protocol))) {
    throw pathNotFound();
  }
  return protocol;
}

export function listConsoles(kind: "vm" | "template") {
  return (ctx: Ctx): Reply => {
    requireFilterOrAdmin(ctx);
    const o = owner(ctx, kind);
    const items = listedConfig(ctx, o).graphics.map((p) => consoleNode(ctx, o, p));
    return { status: 200, root: "graphics_consoles", node: { graphics_console: items } };
  };
}

export function getConsole(kind: "vm" | "template") {
  return async (ctx: Ctx): Promise<Reply> => {
    requireFilterOrAdmin(ctx);
    const o = owner(ctx, kind);
    const protocol = consoleOr404(ctx, o);
    const accept = String(ctx.headers.accept ?? "");
    if (o.kind === "vm" && accept.includes("application/x-virt-viewer")) {
      if (!isRunning(o.vm.status)) throw conflict(`Vm ${o.vm.name} is not running.`);
      return { status: 200, text: await remoteViewerFile(ctx, o.vm, protocol), contentType: "application/x-virt-viewer" };
    }
    return { status: 200, root: "graphics_console", node: consoleNode(ctx, o, protocol) };
  };
}

/** Adds a graphics device (POST <graphics_console><protocol>vnc</protocol></graphics_console>). */
export function addConsole(kind: "vm" | "template") {
  return (ctx: Ctx): Reply => {
    requireAdmin(ctx);
    const o = owner(ctx, kind);
    const node = body(ctx, ["graphics_console"], "graphicsconsoles", "add");
    const raw = text(node, "protocol");
    if (!raw) throw new EngineFault(400, "Incomplete parameters", "GraphicsConsole [protocol] required for add");
    const protocol = raw.toLowerCase();
    if (!(DISPLAY_TYPES as readonly string[]).includes(protocol)) throw invalidEnum(raw, "GraphicsType", [...DISPLAY_TYPES]);
    const p = protocol as Protocol;
    const store = ctx.engine.store;
    if (o.kind === "vm") {
      editGraphics(o.vm, (g) => (g.includes(p) ? g : [...g, p]));
      store.put("vm", o.vm);
    } else {
      const t = store.get("template", o.id);
      if (t && !t.config.graphics.includes(p)) {
        t.config.graphics.push(p);
        store.put("template", t);
        o.config = t.config;
      }
    }
    return { status: 201, root: "graphics_console", node: consoleNode(ctx, o, p) };
  };
}

/** Removes a graphics device; removing the last one makes the VM headless. */
export function removeConsole(kind: "vm" | "template") {
  return (ctx: Ctx): Reply => {
    requireAdmin(ctx);
    const o = owner(ctx, kind);
    const protocol = consoleOr404(ctx, o);
    const store = ctx.engine.store;
    if (o.kind === "vm") {
      editGraphics(o.vm, (g) => g.filter((x) => x !== protocol));
      store.put("vm", o.vm);
    } else {
      const t = store.get("template", o.id);
      if (t) {
        t.config.graphics = t.config.graphics.filter((g) => g !== protocol);
        store.put("template", t);
      }
    }
    return actionComplete();
  };
}

function newTicket(): string {
  return randomBytes(9).toString("base64url");
}

/**
 * Records the ticket on the VM and hands it to the host, which makes QEMU accept it (and only it),
 * with the VM's disconnect action, as SetVmTicketVDSCommand sends both in one device update.
 */
async function issueTicket(ctx: Ctx, vm: VmRecord, protocol: Protocol, value: string, expiry: number): Promise<void> {
  vm.ticketExpiresAt = Date.now() + expiry * 1000;
  ctx.engine.acl.startConsoleSession(vm.id, ctx.user.name);
  ctx.engine.store.put("vm", vm);
  const onDisconnect = { action: vm.config.disconnectAction, delayMinutes: vm.config.disconnectActionDelay };
  await ctx.engine.host.issueTicket(vm.id, { protocol, value, validSeconds: expiry, onDisconnect });
}

async function setTicket(ctx: Ctx, vm: VmRecord, protocol: Protocol): Promise<Reply> {
  const node = body(ctx, ["action"], "graphicsconsole", "ticket");
  const ticketNode = childNode(node, "ticket");
  const value = text(ticketNode, "value") || newTicket();
  const expiryText = text(ticketNode, "expiry");
  const expiry = expiryText ? parseInteger(expiryText, "ticket.expiry") : DEFAULT_TICKET_EXPIRY;
  if (!isRunning(vm.status)) throw conflict(messages.ticketNotRunning);
  await issueTicket(ctx, vm, protocol, value, expiry);
  return actionComplete({ ticket: { expiry, value } });
}

export function consoleTicket(ctx: Ctx): Promise<Reply> {
  requireFilterOrAdmin(ctx);
  const o = owner(ctx, "vm");
  const protocol = consoleOr404(ctx, o);
  return setTicket(ctx, (o as { vm: VmRecord }).vm, protocol);
}

/** The legacy POST /vms/{id}/ticket (SPICE when the VM has both consoles). */
export function vmTicket(ctx: Ctx): Promise<Reply> {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  if (vm.config.graphics.length === 0) throw conflict("Cannot set console ticket for VM. The VM has no graphics console.");
  return setTicket(ctx, vm, vm.config.graphics.includes("spice") ? "spice" : vm.config.graphics[0]!);
}

/**
 * POST /vms/{id}/logon (VmLogonCommand): the engine asks the guest agent to log the calling user in
 * (the seed's step 5). Refused, like the engine, when the VM is not running.
 */
export function vmLogon(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  body(ctx, ["action"], "vm", "logon");
  if (!isRunning(vm.status)) throw conflict("Cannot log on to VM. VM is not running.");
  ctx.engine.host.requestGuestAgent({ vmId: vm.id, command: "login", user: ctx.user.name });
  return actionComplete();
}

export async function remoteViewerAction(ctx: Ctx): Promise<Reply> {
  requireFilterOrAdmin(ctx);
  const o = owner(ctx, "vm");
  body(ctx, ["action"], "graphicsconsole", "remoteviewerconnectionfile");
  const protocol = protocolFromHex(ctx.params.consoleId ?? "");
  const vm = (o as { vm: VmRecord }).vm;
  if (!protocol || !vm.config.graphics.includes(protocol) || !isRunning(vm.status)) return { status: 204 };
  return actionComplete({ remote_viewer_connection_file: await remoteViewerFile(ctx, vm, protocol) });
}

const escapeNewlines = (pem: string): string => pem.trim().replace(/\r?\n/g, "\\n");

/** The .vv file (ConsoleDescriptorGenerator's key order); on a real host, with QEMU's own ports and TLS CA. */
export async function remoteViewerFile(ctx: Ctx, vm: VmRecord, protocol: Protocol): Promise<string> {
  const c = vm.config;
  const password = newTicket();
  await issueTicket(ctx, vm, protocol, password, VV_TICKET_VALIDITY);
  const n = parseInt(vm.id.replace(/-/g, "").slice(0, 4), 16) % 1000;
  const real = await ctx.engine.host.consoleAddress(vm.id, protocol);
  const caEscaped = escapeNewlines(ctx.engine.caPem);
  const lines = [
    "[virt-viewer]",
    `type=${protocol}`,
    `host=${real?.host ?? "127.0.0.1"}`,
    `port=${real ? real.port : protocol === "spice" ? -1 : 5900 + n * 2}`,
    `password=${password}`,
    `# Password is valid for ${VV_TICKET_VALIDITY} seconds.`,
    "delete-this-file=1",
    "fullscreen=0",
    `title=${vm.name}:%d - Press SHIFT+F12 to Release Cursor`,
    "toggle-fullscreen=shift+f11",
    "release-cursor=shift+f12",
    "secure-attention=ctrl+alt+end",
  ];
  if (protocol === "spice") {
    lines.push(
      `tls-port=${real ? (real.tlsPort ?? -1) : 5901 + n * 2}`,
      `enable-smartcard=${c.smartcardEnabled ? 1 : 0}`,
      `enable-usb-autoshare=${c.usbEnabled ? 1 : 0}`,
      "usb-filter=-1,-1,-1,-1,0",
      "tls-ciphers=DEFAULT",
      `host-subject=${real?.hostSubject ?? "O=pulumi-ovirt emulator,CN=localhost"}`,
      `ca=${real?.caPem ? escapeNewlines(real.caPem) : caEscaped}`,
      `secure-channels=${SECURE_CHANNELS}`,
    );
  }
  const token = ctx.token ?? issueToken(ctx.engine, ctx.user).token;
  lines.push(
    "",
    "[ovirt]",
    `host=${ctx.host}`,
    `vm-guid=${vm.id}`,
    `sso-token=${token}`,
    `admin=${ctx.user.admin && !ctx.filter ? 1 : 0}`,
    `ca=${caEscaped}`,
    "",
  );
  return lines.join("\n");
}
