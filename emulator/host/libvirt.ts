// The emulator's libvirt host backend: a started VM becomes a real transient libvirt domain (from
// its previewed domain XML), a stopped VM's domain is destroyed, and the VM's state is read back
// from libvirt. It drives `virsh -c <uri>`, so it needs only libvirt-clients on this machine.
//
// The domain's UUID is the VM id, as on an oVirt host, so the domain is found again from the id
// alone (also after an emulator restart). Its name is derived from the VM's name and id.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { HostBackend } from "./types.ts";

const VIRSH_TIMEOUT_MS = 120_000;
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

export async function createLibvirtBackend(uri: string): Promise<HostBackend> {
  const version = await runVirsh(uri, ["version"]);
  if (version.code !== 0) {
    throw new Error(`cannot connect to libvirt at "${uri}": ${libvirtMessage(version)}. Is libvirtd running (see scripts/setup/libvirt-host.sh)?`);
  }
  const scratch = await mkdtemp(join(tmpdir(), "ovirt-emulator-libvirt-"));
  // One operation at a time per VM, so a stop never overtakes the start it follows.
  const queues = new Map<string, Promise<unknown>>();
  function serialized<T>(vmId: string, operation: () => Promise<T>): Promise<T> {
    const previous = queues.get(vmId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(operation);
    queues.set(vmId, next);
    void next.finally(() => {
      if (queues.get(vmId) === next) queues.delete(vmId);
    }).catch(() => undefined);
    return next;
  }

  async function state(uuid: string): Promise<"running" | "stopped" | "missing"> {
    const result = await runVirsh(uri, ["domstate", uuid]);
    if (result.code !== 0) {
      if (NOT_FOUND.test(result.stderr)) return "missing";
      throw new Error(`libvirt could not tell the state of domain ${uuid}: ${libvirtMessage(result)}`);
    }
    return mapState(result.stdout.trim());
  }

  async function removeDomain(uuid: string): Promise<void> {
    const destroyed = await runVirsh(uri, ["destroy", uuid]);
    if (destroyed.code !== 0 && NOT_FOUND.test(destroyed.stderr)) return;
    const after = await state(uuid);
    if (after === "missing") return;
    if (after === "running") throw new Error(`libvirt could not stop domain ${uuid}: ${libvirtMessage(destroyed)}`);
    // A persistent domain (defined by someone else) stays listed after destroy: undefine it too.
    const undefinedResult = await runVirsh(uri, ["undefine", uuid]);
    if (undefinedResult.code !== 0 && !NOT_FOUND.test(undefinedResult.stderr)) {
      throw new Error(`libvirt could not remove domain ${uuid}: ${libvirtMessage(undefinedResult)}`);
    }
  }

  return {
    startVm(vm) {
      return serialized(vm.id, async () => {
        const uuid = domainUuid(vm.id);
        const current = await state(uuid);
        if (current === "running") return;
        if (current === "stopped") await removeDomain(uuid);
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
      });
    },

    stopVm(vmId) {
      return serialized(vmId, () => removeDomain(domainUuid(vmId)));
    },

    vmState(vmId) {
      return state(domainUuid(vmId));
    },

    async close() {
      await Promise.allSettled([...queues.values()]);
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
