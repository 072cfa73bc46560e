// Command line: runs the emulator in the foreground and prints exactly one line, `ready <apiUrl>`,
// on stdout once it listens. Everything else goes to stderr.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { startEmulator, type EmulatorUser, type HostBackend } from "./index.ts";
import { parseGroupSpec } from "./directory.ts";

const USAGE = `usage: ovirt-engine-emulator --data <dir> [options]
  --port <n>          port to listen on (default 0: a free port)
  --data <dir>        data directory: database, ca.pem, server certificate (required)
  --password <p>      admin@internal password (default: $OVIRT_EMULATOR_PASSWORD, else generated)
  --user <name:pass>  an extra non-admin user, e.g. user@internal:secret (repeatable)
  --group <spec>      a directory group with its members, NAME@PROFILE:MEMBER,...
                      e.g. vdi-users@internal:user@internal,bob@internal (repeatable)
  --delay-ms <n>      duration of each asynchronous step (default 1500)
  --latency-ms <n>    latency added to every request (default 0)
  --error-rate <r>    share of requests answered 503, 0..1 (default 0)
  --drop-rate <r>     share of requests processed but never answered, 0..1 (default 0)
  --token-ttl <s>     SSO token lifetime in seconds (default 1800)
  --libvirt <uri>     run started VMs as libvirt domains (e.g. qemu:///system)
  --verbose           one line per request on stderr
environment: OVIRT_EMULATOR_PASSWORD, OVIRT_EMULATOR_DELAY_MS, OVIRT_EMULATOR_LATENCY_MS,
  OVIRT_EMULATOR_ERROR_RATE, OVIRT_EMULATOR_DROP_RATE (flags win)`;

class UsageError extends Error {}

function usageExit(message: string): never {
  process.stderr.write(`ovirt-engine-emulator: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function numberFlag(name: string, raw: string | undefined, opts: { min: number; max?: number; integer?: boolean }): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  const bad =
    !Number.isFinite(n) || n < opts.min || (opts.max !== undefined && n > opts.max) || (opts.integer && !Number.isInteger(n));
  if (bad) {
    const range = opts.max !== undefined ? `between ${opts.min} and ${opts.max}` : `a number >= ${opts.min}`;
    throw new UsageError(`--${name} must be ${opts.integer ? "an integer " : ""}${range}, got "${raw}"`);
  }
  return n;
}

function adminPassword(given: string | undefined): string {
  if (given) return given;
  const password = randomBytes(12).toString("base64url");
  process.stderr.write(`ovirt-engine-emulator: generated admin@internal password: ${password}\n`);
  return password;
}

/** Loaded only with --libvirt, so nothing changes without it. */
async function libvirtBackend(uri: string): Promise<HostBackend> {
  const mod = (await import("./host/libvirt.ts")) as { createLibvirtBackend: (uri: string) => Promise<HostBackend> };
  return mod.createLibvirtBackend(uri);
}

function stopOnSignals(emulator: { close(): Promise<void> }): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`ovirt-engine-emulator: ${signal}, stopping\n`);
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`ovirt-engine-emulator: error while stopping: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        data: { type: "string" },
        password: { type: "string" },
        user: { type: "string", multiple: true },
        group: { type: "string", multiple: true },
        "delay-ms": { type: "string" },
        "latency-ms": { type: "string" },
        "error-rate": { type: "string" },
        "drop-rate": { type: "string" },
        "token-ttl": { type: "string" },
        libvirt: { type: "string" },
        verbose: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    usageExit((err as Error).message);
  }
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(0);
  }
  const env = process.env;
  let opts;
  try {
    if (!values.data) throw new UsageError("--data <dir> is required");
    const users: EmulatorUser[] = (values.user ?? []).map((spec) => {
      const colon = spec.indexOf(":");
      if (colon <= 0 || !spec.slice(0, colon).includes("@")) {
        throw new UsageError(`--user must look like name@profile:password, got "${spec.slice(0, colon > 0 ? colon : spec.length)}:…"`);
      }
      return { name: spec.slice(0, colon), password: spec.slice(colon + 1) };
    });
    const groups = (values.group ?? []).map((spec) => {
      try {
        return parseGroupSpec(spec);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    });
    opts = {
      groups,
      port: numberFlag("port", values.port, { min: 0, max: 65535, integer: true }) ?? 0,
      dataDir: resolve(values.data),
      users,
      asyncDelayMs: numberFlag("delay-ms", values["delay-ms"] ?? env.OVIRT_EMULATOR_DELAY_MS, { min: 0, integer: true }),
      tokenTtlSeconds: numberFlag("token-ttl", values["token-ttl"], { min: 1, integer: true }),
      faults: {
        latencyMs: numberFlag("latency-ms", values["latency-ms"] ?? env.OVIRT_EMULATOR_LATENCY_MS, { min: 0 }),
        errorRate: numberFlag("error-rate", values["error-rate"] ?? env.OVIRT_EMULATOR_ERROR_RATE, { min: 0, max: 1 }),
        dropRate: numberFlag("drop-rate", values["drop-rate"] ?? env.OVIRT_EMULATOR_DROP_RATE, { min: 0, max: 1 }),
      },
    };
  } catch (err) {
    if (err instanceof UsageError) usageExit(err.message);
    throw err;
  }

  const password = adminPassword(values.password ?? env.OVIRT_EMULATOR_PASSWORD);
  const hostBackend = values.libvirt ? await libvirtBackend(values.libvirt) : undefined;

  const emulator = await startEmulator({
    ...opts,
    adminPassword: password,
    hostBackend,
    log: values.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  process.stdout.write(`ready ${emulator.apiUrl}\n`);
  process.stderr.write(`ovirt-engine-emulator: CA certificate in ${emulator.caFile}; user admin@internal\n`);

  stopOnSignals(emulator);
}

main().catch((err: unknown) => {
  process.stderr.write(`ovirt-engine-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
