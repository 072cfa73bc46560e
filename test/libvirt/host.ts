// What the libvirt tests can use on this machine, probed once, with the reason when something is
// missing. Tests skip loudly with that reason; they never pass without the real tools.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell and never rejects: the exit code is part of the result. */
export function run(command: string, args: string[], timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, env: { ...process.env, LC_ALL: "C" }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 127) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) || (error && code === 127 ? error.message : "") });
    });
  });
}

export function virsh(uri: string, ...args: string[]): Promise<RunResult> {
  return run("virsh", ["-q", "-c", uri, ...args]);
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(":").some((dir) => dir !== "" && existsSync(join(dir, command)));
}

const SETUP_HINT = "run `bash scripts/setup/libvirt-host.sh` as root (scripts/test.sh does)";

/** Why the tools for schema validation are missing, or undefined when they are there. */
export const validateMissing: string | undefined = !onPath("virt-xml-validate")
  ? `virt-xml-validate not found (package libvirt-clients): ${SETUP_HINT}`
  : !onPath("xmllint")
    ? `xmllint not found (package libxml2-utils), virt-xml-validate needs it: ${SETUP_HINT}`
    : undefined;

/** Why libvirt's test driver cannot be used, or undefined. */
export const testDriverMissing: string | undefined = onPath("virsh")
  ? (await virsh("test:///default", "version")).code === 0
    ? undefined
    : "virsh cannot open the test driver (test:///default)"
  : `virsh not found (package libvirt-clients): ${SETUP_HINT}`;

export const SYSTEM_URI = "qemu:///system";

async function probeSystem(): Promise<string | undefined> {
  if (testDriverMissing) return testDriverMissing;
  if (process.getuid?.() !== 0) return "not running as root: qemu:///system needs root here";
  if (!onPath("qemu-system-x86_64")) return `qemu-system-x86_64 not found (package qemu-system-x86): ${SETUP_HINT}`;
  const version = await virsh(SYSTEM_URI, "version");
  if (version.code !== 0) return `libvirtd does not answer on ${SYSTEM_URI} (${version.stderr.trim() || "no output"}): ${SETUP_HINT}`;
  // The engine's mode="secure" SPICE channels need SPICE TLS, which the setup turns on.
  const conf = existsSync("/etc/libvirt/qemu.conf") ? readFileSync("/etc/libvirt/qemu.conf", "utf8") : "";
  if (!/^\s*spice_tls\s*=\s*1\s*$/m.test(conf)) return `spice_tls is not enabled in /etc/libvirt/qemu.conf: ${SETUP_HINT}`;
  return undefined;
}

/** Why real domains cannot be started under QEMU, or undefined. */
export const systemMissing: string | undefined = await probeSystem();

/**
 * Validates one domain XML file with virt-xml-validate; on failure, the error names the line and
 * column when jing is installed (its messages are far clearer than xmllint's).
 */
export async function validateDomain(file: string): Promise<RunResult> {
  const result = await run("virt-xml-validate", [file, "domain"]);
  if (result.code !== 0 && onPath("jing")) {
    const jing = await run("jing", ["/usr/share/libvirt/schemas/domain.rng", file]);
    result.stderr += `\njing says:\n${jing.stdout}${jing.stderr}`;
  }
  return result;
}

/** Logs a loud skip notice (vitest shows skipped tests, this says why). */
export function warnSkipped(what: string, reason: string | undefined): void {
  if (reason) console.warn(`\n!!! SKIPPED ${what}: ${reason}\n`);
}

/** A scratch directory for XML files, removed by the returned cleanup. */
export async function scratchDir(): Promise<{ dir: string; write(name: string, text: string): Promise<string>; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "pulumi-ovirt-libvirt-"));
  return {
    dir,
    async write(name, text) {
      const file = join(dir, name);
      await writeFile(file, text);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A scratch directory for the calling test file: made before its tests run, removed after them. */
export function scratchForFile(): { write(name: string, text: string): Promise<string> } {
  let scratch: Awaited<ReturnType<typeof scratchDir>> | undefined;
  beforeAll(async () => {
    scratch = await scratchDir();
  });
  afterAll(async () => {
    await scratch?.remove();
  });
  return {
    write(name, text) {
      if (!scratch) throw new Error(`cannot write ${name}: the scratch directory is made in beforeAll, before the tests run`);
      return scratch.write(name, text);
    },
  };
}

/** A short id unique to this test run, so that domain names never clash with leftovers. */
/**
 * Defines every domain in libvirt's test driver and dumps it back, keyed by domain name. Each
 * test-driver connection starts empty, so define and dump happen in one virsh call; one call for
 * all (virsh goes on after a failed command) saves a process start per domain.
 */
export async function testDriverDumps(
  domains: { name: string; xml: string }[],
  scratch: { write(name: string, text: string): Promise<string> },
): Promise<{ dumps: Map<string, string>; stderr: string }> {
  const commands: string[] = [];
  for (const { name, xml } of domains) {
    const file = await scratch.write(`${name}-def.xml`, xml);
    commands.push(`define --validate ${file}`, `dumpxml ${name}`);
  }
  const result = await virsh("test:///default", commands.join("; "));
  const dumps = new Map<string, string>();
  for (const part of result.stdout.split("</domain>")) {
    const start = part.indexOf("<domain");
    if (start < 0) continue;
    const xml = `${part.slice(start)}</domain>`;
    const name = /<name>([^<]*)<\/name>/.exec(xml)?.[1];
    if (name !== undefined) dumps.set(name, xml);
  }
  return { dumps, stderr: result.stderr };
}

export const RUN_ID = `${Date.now().toString(36)}${process.pid.toString(36)}`;
