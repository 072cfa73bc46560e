// The emulator's libvirt host backend: a started VM becomes a real transient libvirt domain (from
// its previewed domain XML), a stopped VM's domain is destroyed, and the VM's state is read back
// from libvirt. It drives `virsh -c <uri>`, so it needs only libvirt-clients on this machine.
//
// The domain's UUID is the VM id, as on an oVirt host, so the domain is found again from the id
// alone (also after an emulator restart). Its name is derived from the VM's name and id.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ConsoleAddress, GraphicsEvent, GuestAgentRequest, HostBackend } from "./types.ts";

const VIRSH_TIMEOUT_MS = 120_000;
const VNC_PASSWORD_LENGTH = 8;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = /failed to get domain|domain not found|no domain with matching/i;

interface VirshResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runVirsh(uri: string, args: string[]): Promise<VirshResult> {
  return new Promise((resolve, reject) => {
    execFile("virsh", ["-q", "-c", uri, ...args], { timeout: VIRSH_TIMEOUT_MS, env: { ...process.env, LC_ALL: "C" } }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
        reject(new Error("the libvirt host backend needs `virsh` (Debian/Ubuntu package libvirt-clients), which is not on PATH"));
        return;
      }
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** libvirt's own message, without virsh's "error:" prefixes and the line naming our temporary file. */
function libvirtMessage(result: VirshResult): string {
  const lines = result.stderr
    .split("\n")
    .map((line) => line.replace(/^error:\s*/, "").trim())
    .filter((line) => line !== "" && !/^Failed to create domain from /.test(line));
  return lines.join(": ") || `virsh exited with code ${result.code}`;
}

/** The VM id when it is a UUID; otherwise a stable UUID made from it. */
export function domainUuid(vmId: string): string {
  if (UUID_PATTERN.test(vmId)) return vmId.toLowerCase();
  const hex = createHash("sha256").update(`pulumi-ovirt:${vmId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A libvirt-safe domain name that says which VM it is: ovirt-<name>-<first 8 of the uuid>. */
export function domainName(vm: { id: string; name: string }): string {
  const safe = vm.name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "").slice(0, 48) || "vm";
  return `ovirt-${safe}-${domainUuid(vm.id).slice(0, 8)}`;
}

function escapeXmlText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Sets the domain's name and uuid in the XML (the first <name> and <uuid> are the domain's own). */
export function withIdentity(domainXml: string, name: string, uuid: string): string {
  if (!/<name>[^<]*<\/name>/.test(domainXml)) throw new Error("the domain XML has no <name> element");
  let xml = domainXml.replace(/<name>[^<]*<\/name>/, `<name>${escapeXmlText(name)}</name>`);
  if (/<uuid>[^<]*<\/uuid>/.test(xml)) xml = xml.replace(/<uuid>[^<]*<\/uuid>/, `<uuid>${uuid}</uuid>`);
  else xml = xml.replace(/(<name>[^<]*<\/name>)/, `$1\n  <uuid>${uuid}</uuid>`);
  return xml;
}

function isLocalUri(uri: string): boolean {
  return /^qemu:\/\/\/(system|session)\b/.test(uri);
}

/** QEMU binds the guest agent socket itself but does not create its directory; on a local host we do. */
async function ensureSocketDirectories(domainXml: string): Promise<void> {
  for (const match of domainXml.matchAll(/<source\s+mode="bind"\s+path="([^"]+)"/g)) {
    const path = match[1];
    if (path?.startsWith("/")) await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
  }
}

/** Maps `virsh domstate` words to the emulator's view. */
function mapState(state: string): "running" | "stopped" {
  // A paused or shutting-down domain still has a QEMU process: for the engine the VM is up.
  return /^(running|idle|paused|in shutdown|blocked|pmsuspended)$/.test(state) ? "running" : "stopped";
}

/** The live `<graphics type="...">...</graphics>` element of a domain's XML (either quote style). */
export function graphicsElement(domainXml: string, protocol: "spice" | "vnc"): string | undefined {
  const open = new RegExp(`<graphics\\s[^>]*type=["']${protocol}["'][^>]*?(/>|>)`).exec(domainXml);
  if (!open) return undefined;
  if (open[1] === "/>") return open[0];
  const end = domainXml.indexOf("</graphics>", open.index);
  return end < 0 ? undefined : domainXml.slice(open.index, end + "</graphics>".length);
}

function attribute(element: string, name: string): string | undefined {
  return new RegExp(`\\s${name}=["']([^"']*)["']`).exec(element.slice(0, element.indexOf(">") + 1))?.[1];
}

/** libvirt's passwdValidTo: UTC, to the second, without a zone suffix. */
export function validTo(now: number, seconds: number): string {
  return new Date(now + seconds * 1000).toISOString().slice(0, 19);
}

/**
 * The graphics element with a new password and validity, for update-device. `connected="keep"`
 * leaves a session that is already open alone: the engine's SetVmTicketVDSCommand sends no
 * connection action with the ticket.
 */
export function withTicket(element: string, ticket: string, until: string): string {
  const tagEnd = element.indexOf(">");
  let tag = element.slice(0, tagEnd).replace(/\s(passwd|passwdValidTo|connected)=("[^"]*"|'[^']*')/g, "");
  const selfClosing = tag.endsWith("/");
  if (selfClosing) tag = tag.slice(0, -1);
  tag += ` passwd="${escapeXmlText(ticket).replace(/"/g, "&quot;")}" passwdValidTo="${until}" connected="keep"`;
  return `${tag}${selfClosing ? "/" : ""}${element.slice(tagEnd)}`;
}

/** The SPICE TLS CA and server certificate subject of a local host (qemu.conf's spice_tls_x509_cert_dir). */
async function localSpiceTls(): Promise<{ caPem: string; hostSubject: string } | undefined> {
  const conf = await readFile("/etc/libvirt/qemu.conf", "utf8").catch(() => "");
  const dir = /^\s*spice_tls_x509_cert_dir\s*=\s*"([^"]+)"/m.exec(conf)?.[1] ?? "/etc/pki/libvirt-spice";
  try {
    const caPem = await readFile(join(dir, "ca-cert.pem"), "utf8");
    const server = new X509Certificate(await readFile(join(dir, "server-cert.pem")));
    return { caPem, hostSubject: server.subject.split("\n").join(",") };
  } catch {
    return undefined;
  }
}

/** Reads a line of `virsh event --event graphics` (`... disconnect local[...] remote[IPv4 127.0.0.1 42476] ...`). */
export function graphicsEventOf(line: string): GraphicsEvent | undefined {
  const match = /event 'graphics' for domain .*?:\s*(connect|initialize|disconnect)\b.*?remote\[([^\]]*)\]/.exec(line);
  if (!match) return undefined;
  return { phase: match[1] as GraphicsEvent["phase"], client: match[2]! };
}

/** The running domain's XML with its graphics password (update-device needs the whole element). */
async function liveXml(uri: string, uuid: string): Promise<string> {
  const result = await runVirsh(uri, ["dumpxml", "--security-info", uuid]);
  if (result.code !== 0) throw new Error(`libvirt could not read domain ${uuid}: ${libvirtMessage(result)}`);
  return result.stdout;
}

/** VDSM's SetVmTicket: the graphics element with the new passwd and passwdValidTo, through update-device. */
async function setDomainTicket(uri: string, scratch: string, uuid: string, protocol: "spice" | "vnc", ticket: string, validSeconds: number): Promise<void> {
  const element = graphicsElement(await liveXml(uri, uuid), protocol);
  if (!element) throw new Error(`domain ${uuid} has no ${protocol} graphics to set a ticket on`);
  const file = join(scratch, `${uuid}-graphics.xml`);
  // VNC authentication (DES) uses only the first 8 characters of a password, and libvirt
  // refuses longer ones: the client, given the whole ticket, sends those same 8.
  const password = protocol === "vnc" ? ticket.slice(0, VNC_PASSWORD_LENGTH) : ticket;
  await writeFile(file, withTicket(element, password, validTo(Date.now(), validSeconds)), { mode: 0o600 });
  try {
    const updated = await runVirsh(uri, ["update-device", uuid, file, "--live"]);
    if (updated.code !== 0) throw new Error(`libvirt could not set the console ticket of domain ${uuid}: ${libvirtMessage(updated)}`);
  } finally {
    await rm(file, { force: true });
  }
}

async function domainConsoleAddress(uri: string, uuid: string, protocol: "spice" | "vnc"): Promise<ConsoleAddress | undefined> {
  const element = graphicsElement(await liveXml(uri, uuid), protocol);
  if (!element) return undefined;
  const address: ConsoleAddress = { host: attribute(element, "listen") ?? "127.0.0.1", port: Number(attribute(element, "port") ?? -1) };
  const tls = attribute(element, "tlsPort");
  if (tls !== undefined && Number(tls) > 0) address.tlsPort = Number(tls);
  if (protocol === "spice" && isLocalUri(uri)) Object.assign(address, await localSpiceTls());
  return address;
}

/** `virsh event --event graphics --loop` for one domain, each line it prints handed on as an event. */
function watchDomainGraphics(uri: string, uuid: string, onEvent: (event: GraphicsEvent) => void): ChildProcess {
  const child = spawn("virsh", ["-c", uri, "event", "--domain", uuid, "--event", "graphics", "--loop"], {
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, LC_ALL: "C" },
  });
  let pending = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const event = graphicsEventOf(line);
      if (event) onEvent(event);
    }
  });
  child.on("error", () => undefined);
  return child;
}

/** The libvirt backend, with the guest-agent requests it received (this host has no guest agent to pass them to). */
export type LibvirtBackend = HostBackend & { readonly guestAgentRequests: GuestAgentRequest[] };

export async function createLibvirtBackend(uri: string): Promise<LibvirtBackend> {
  const version = await runVirsh(uri, ["version"]);
  if (version.code !== 0) {
    throw new Error(`cannot connect to libvirt at "${uri}": ${libvirtMessage(version)}. Is libvirtd running (see scripts/setup/libvirt-host.sh)?`);
  }
  const scratch = await mkdtemp(join(tmpdir(), "ovirt-emulator-libvirt-"));
  const queue = perVmQueue();
  const watchers = graphicsWatchers(uri);
  const guestAgentRequests: GuestAgentRequest[] = [];
  return {
    guestAgentRequests,
    guestAgent(request) {
      guestAgentRequests.push(request);
    },
    startVm: (vm) => queue.serialized(vm.id, () => startDomain(uri, scratch, vm)),
    stopVm: (vmId) => queue.serialized(vmId, () => removeDomain(uri, domainUuid(vmId))),
    vmState: (vmId) => domainState(uri, domainUuid(vmId)),
    setTicket: (vmId, protocol, ticket, validSeconds) =>
      queue.serialized(vmId, () => setDomainTicket(uri, scratch, domainUuid(vmId), protocol, ticket, validSeconds)),
    consoleAddress: (vmId, protocol) => domainConsoleAddress(uri, domainUuid(vmId), protocol),
    watchGraphics: (vmId, onEvent) => watchers.watch(domainUuid(vmId), onEvent),
    async close() {
      watchers.stopAll();
      await queue.settled();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

/** One operation at a time per VM, so a stop never overtakes the start it follows. */
function perVmQueue() {
  const queues = new Map<string, Promise<unknown>>();
  return {
    serialized<T>(vmId: string, operation: () => Promise<T>): Promise<T> {
      const previous = queues.get(vmId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(operation);
      queues.set(vmId, next);
      void next.finally(() => {
        if (queues.get(vmId) === next) queues.delete(vmId);
      }).catch(() => undefined);
      return next;
    },
    /** Waits for every queued operation to end, however it ends. */
    settled: () => Promise.allSettled([...queues.values()]),
  };
}

/** The graphics watchers of the domains, each stopped by its caller or all at close. */
function graphicsWatchers(uri: string) {
  const children = new Set<ChildProcess>();
  return {
    watch(uuid: string, onEvent: (event: GraphicsEvent) => void): { stop(): void } {
      const child = watchDomainGraphics(uri, uuid, onEvent);
      children.add(child);
      child.on("exit", () => children.delete(child));
      return { stop: () => void child.kill() };
    },
    stopAll(): void {
      for (const child of children) child.kill();
    },
  };
}

async function domainState(uri: string, uuid: string): Promise<"running" | "stopped" | "missing"> {
  const result = await runVirsh(uri, ["domstate", uuid]);
  if (result.code !== 0) {
    if (NOT_FOUND.test(result.stderr)) return "missing";
    throw new Error(`libvirt could not tell the state of domain ${uuid}: ${libvirtMessage(result)}`);
  }
  return mapState(result.stdout.trim());
}

async function removeDomain(uri: string, uuid: string): Promise<void> {
  const destroyed = await runVirsh(uri, ["destroy", uuid]);
  if (destroyed.code !== 0 && NOT_FOUND.test(destroyed.stderr)) return;
  const after = await domainState(uri, uuid);
  if (after === "missing") return;
  if (after === "running") throw new Error(`libvirt could not stop domain ${uuid}: ${libvirtMessage(destroyed)}`);
  // A persistent domain (defined by someone else) stays listed after destroy: undefine it too.
  const undefinedResult = await runVirsh(uri, ["undefine", uuid]);
  if (undefinedResult.code !== 0 && !NOT_FOUND.test(undefinedResult.stderr)) {
    throw new Error(`libvirt could not remove domain ${uuid}: ${libvirtMessage(undefinedResult)}`);
  }
}

/** Creates the VM's transient domain from its XML; a running one is left alone, a stopped leftover replaced. */
async function startDomain(uri: string, scratch: string, vm: { id: string; name: string; domainXml: string }): Promise<void> {
  const uuid = domainUuid(vm.id);
  const current = await domainState(uri, uuid);
  if (current === "running") return;
  if (current === "stopped") await removeDomain(uri, uuid);
  const name = domainName(vm);
  const xml = withIdentity(vm.domainXml, name, uuid);
  if (isLocalUri(uri)) await ensureSocketDirectories(xml);
  const file = join(scratch, `${uuid}.xml`);
  await writeFile(file, xml);
  try {
    const created = await runVirsh(uri, ["create", file]);
    if (created.code !== 0) {
      throw new Error(`libvirt refused to start VM "${vm.name}" (domain ${name}): ${libvirtMessage(created)}`);
    }
  } finally {
    await rm(file, { force: true });
  }
}
