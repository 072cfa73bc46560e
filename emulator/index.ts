// The oVirt engine emulator's programmatic entry point. Tests across the project start it with
// startEmulator({ dataDir, asyncDelayMs: 0 }) and talk to it over HTTPS with the CA in caFile.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Engine } from "./engine.ts";
import { HostBridge } from "./host/bridge.ts";
import type { HostBackend } from "./host/types.ts";
import { loadOrCreatePki, type Pki } from "./pki.ts";
import { lockDataDir } from "./datadir-lock.ts";
import { createServer, RequestCounters, type FaultKnobs } from "./server.ts";
import { registerTransferPhases } from "./collections/transfers.ts";
import { registerPoolSessions } from "./collections/pools.ts";
import { onVersionReady, registerVersionUpdates } from "./versions.ts";
import type { DirectoryGroup } from "./directory.ts";

export type { HostBackend } from "./host/types.ts";
export type { FaultKnobs } from "./server.ts";

export const ADMIN_USER = "admin@internal";

/** An extra (by default non-admin) user, with the VMs and pools they may see and use, by name. */
export interface EmulatorUser {
  /** user@profile, such as "user@internal". */
  name: string;
  password: string;
  admin?: boolean;
  vms?: string[];
  pools?: string[];
}

export interface EmulatorOptions {
  /** Where the database, the CA (ca.pem) and the server certificate live; reused across starts. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Only loopback addresses make sense: the certificate covers 127.0.0.1, ::1 and localhost. */
  host?: string;
  /** The admin@internal password; generated when left out (read it from RunningEmulator). */
  adminPassword?: string;
  users?: EmulatorUser[];
  /**
   * The directory's groups (what `--group` gives): a name, the login profile whose directory holds it
   * (`internal` -> domain `internal-authz`) and its members' login names. POST /groups adds one to the
   * engine; a role given to it reaches its members.
   */
  groups?: DirectoryGroup[];
  /** Duration of one asynchronous step (image_locked, locked, powering up/down). Default 1500; 0 for fast tests. */
  asyncDelayMs?: number;
  faults?: FaultKnobs;
  /** Lifetime of SSO tokens. Default 1800 s. */
  tokenTtlSeconds?: number;
  /** Runs started VMs on a real host (see host/types.ts). */
  hostBackend?: HostBackend;
  /** One line per request (method, route, status, ms): never bodies or credentials. */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  /** https://127.0.0.1:PORT */
  baseUrl: string;
  /** baseUrl + /ovirt-engine/api */
  apiUrl: string;
  dataDir: string;
  /** <dataDir>/ca.pem: the CA that signed the server certificate. */
  caFile: string;
  caPem: string;
  port: number;
  adminUser: string;
  adminPassword: string;
  /** Grants a user VMs and pools by name: each binds to the entity of that name (now, or when it first appears) and goes with it. */
  grant(user: string, items: { vms?: string[]; pools?: string[] }): void;
  /** Request counts per method and route (also at GET /ovirt-engine/emulator/stats). */
  stats(): { since: string; total: number; requests: Record<string, number> };
  resetStats(): void;
  /** Changes the fault knobs while running. */
  setFaults(faults: FaultKnobs): void;
  close(): Promise<void>;
}

/** Takes the data directory, then (as its holder) loads or makes the PKI and opens the engine. */
function openDataDir(opts: EmulatorOptions): { unlock: () => void; pki: Pki; engine: Engine } {
  // The lock first: two emulators started at once on a new directory must not both make a PKI.
  const unlock = lockDataDir(opts.dataDir);
  try {
    const pki = loadOrCreatePki(opts.dataDir);
    const settings = { asyncDelayMs: opts.asyncDelayMs ?? 1500, tokenTtlSeconds: opts.tokenTtlSeconds ?? 1800 };
    const engine = new Engine(opts.dataDir, settings, new HostBridge(opts.hostBackend));
    engine.caPem = pki.caPem;
    return { unlock, pki, engine };
  } catch (err) {
    unlock();
    throw err;
  }
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const { unlock, pki, engine } = openDataDir(opts);
  const adminPassword = opts.adminPassword ?? randomBytes(12).toString("base64url");
  engine.addUser(ADMIN_USER, adminPassword, true);
  for (const u of opts.users ?? []) {
    engine.addUser(u.name, u.password, u.admin ?? false);
    engine.store.tx(() => {
      for (const vm of u.vms ?? []) engine.acl.grantByName(u.name, "vm", vm);
      for (const pool of u.pools ?? []) engine.acl.grantByName(u.name, "pool", pool);
    });
  }
  engine.directoryGroups.push(...(opts.groups ?? []));
  engine.store.purgeExpiredTokens(Date.now());
  registerTransferPhases(engine);
  registerVersionUpdates(engine);
  registerPoolSessions(engine);
  engine.onTemplateReady.push((t) => onVersionReady(engine, t));
  engine.start();

  const counters = new RequestCounters();
  const faults: FaultKnobs = { ...(opts.faults ?? {}) };
  const server = createServer({ engine, faults, counters, tls: { cert: pki.certPem, key: pki.keyPem }, log: opts.log });
  const listenHost = opts.host ?? "127.0.0.1";
  try {
    await listen(server, opts.port ?? 0, listenHost);
  } catch (err) {
    await engine.close();
    unlock();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = listenHost.includes(":") ? `[${listenHost}]` : listenHost;
  const baseUrl = `https://${urlHost}:${port}`;

  let closed = false;
  return {
    baseUrl,
    apiUrl: `${baseUrl}/ovirt-engine/api`,
    dataDir: opts.dataDir,
    caFile: pki.caFile,
    caPem: pki.caPem,
    port,
    adminUser: ADMIN_USER,
    adminPassword,
    grant(user, items) {
      engine.store.tx(() => {
        for (const vm of items.vms ?? []) engine.acl.grantByName(user, "vm", vm);
        for (const pool of items.pools ?? []) engine.acl.grantByName(user, "pool", pool);
      });
    },
    stats: () => counters.snapshot(),
    resetStats: () => counters.reset(),
    setFaults(next) {
      for (const k of Object.keys(faults) as (keyof FaultKnobs)[]) delete faults[k];
      Object.assign(faults, next);
    },
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await engine.close();
      unlock();
    },
  };
}
