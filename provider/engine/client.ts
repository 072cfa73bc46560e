// The engine client: one session (session.ts: HTTP, SSO auth, the check that the URL is an engine,
// retries, snapshots, waits) shared by one small set of calls per collection (collections/*.ts,
// mirroring emulator/collections/). EngineClient is their composition.

import { createConsoleCalls, type ConsoleCalls } from "./collections/consoles.ts";
import { createDeviceCalls, type DeviceCalls } from "./collections/devices.ts";
import { createInfraCalls, type InfraCalls } from "./collections/infra.ts";
import { createGroupCalls, type GroupCalls } from "./collections/groups.ts";
import { createPermissionCalls, type PermissionCalls } from "./collections/permissions.ts";
import { createPoolCalls, type PoolCalls } from "./collections/pools.ts";
import { createTemplateCalls, type TemplateCalls } from "./collections/templates.ts";
import { createVmCalls, createVmReads, type VmCalls } from "./collections/vms.ts";
import { createSession } from "./session.ts";
import type { EngineConfig } from "./types.ts";

export const BLANK_TEMPLATE_ID = "00000000-0000-0000-0000-000000000000";

/** What the client does besides its collections: the engine check, fresh reads, and closing. */
export interface SessionCalls {
  /**
   * Logs in and reads the API root (once per client: every other call waits for it), proving that
   * the URL is an engine; returns the product version. Fails naming the setting to fix.
   */
  ping(): Promise<{ version: string }>;
  /**
   * Runs `op` with every read of VMs, templates, pools, permissions and consoles taken from the
   * engine, not from this client's collection snapshots: creates and updates must act on what the
   * engine holds now. Lookups resolved once per client (clusters, templates by name) still apply.
   */
  withFreshReads<R>(op: () => Promise<R>): Promise<R>;
  /** Releases kept-alive connections; the client must not be used afterwards. Optional for fakes. */
  close?(): void;
}

/** The calls the resources make, one interface per collection. */
export interface EngineClient
  extends SessionCalls, VmCalls, TemplateCalls, PoolCalls, PermissionCalls, GroupCalls, ConsoleCalls, DeviceCalls, InfraCalls {}

export function createEngineClient(config: EngineConfig): EngineClient {
  const session = createSession(config);
  const vmReads = createVmReads(session);
  const templates = createTemplateCalls(session);
  return {
    ping: async () => ({ version: await session.verifyEngine() }),
    withFreshReads: session.withFreshReads,
    close: () => session.http.close(),
    ...createVmCalls(session, vmReads),
    ...templates.calls,
    ...createPoolCalls(session, vmReads),
    ...createPermissionCalls(session),
    ...createGroupCalls(session),
    ...createConsoleCalls(session),
    ...createDeviceCalls(session, vmReads, templates.reads),
    ...createInfraCalls(session),
  };
}
