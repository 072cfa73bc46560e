// The one waiting helper: poll until a condition holds, a deadline passes or the caller gives up
// (an AbortSignal, raised by Pulumi's Cancel). Its errors say what was awaited, on which entity, the
// last status seen and how long it waited.

import { EngineError, WaitCancelledError, WaitTimeoutError } from "./errors.ts";
import { sleep } from "./retry.ts";
import type { WaitOptions } from "./types.ts";

export const DEFAULT_WAIT_TIMEOUT_MS = 300_000;
export const DEFAULT_POLL_INTERVAL_MS = 2_000;

export interface WaitSpec<T> {
  /** The entity, for messages: e.g. `VM desk-1`. */
  entity: string;
  entityId: string;
  /** What is awaited, for messages: e.g. `become down`. */
  goal: string;
  /**
   * One observation; return `done: true` to stop. `status` is remembered for the timeout message,
   * and `entity` (e.g. once the name is known) replaces the label.
   */
  poll: () => Promise<{ done: boolean; value?: T; status?: string; entity?: string }>;
  timeoutMs?: number;
  intervalMs?: number;
  /** Stops the wait between polls (and cuts the pause short) with a WaitCancelledError. */
  signal?: AbortSignal;
  /** For tests: the clock. */
  now?: () => number;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)}s` : `${ms}ms`;
}

export async function waitFor<T>(spec: WaitSpec<T>): Promise<T> {
  const now = spec.now ?? Date.now;
  const timeoutMs = spec.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const intervalMs = Math.max(1, spec.intervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  const started = now();
  let lastStatus: string | undefined;
  let entity = spec.entity;
  const lastSeen = () => (lastStatus === undefined ? "no status seen" : `last status ${lastStatus}`);
  const cancelled = () =>
    new WaitCancelledError(
      `cancelled after ${seconds(now() - started)} while waiting for ${entity} (id ${spec.entityId}) to ${spec.goal}; ${lastSeen()}`,
      { entityId: spec.entityId, lastStatus },
    );
  for (;;) {
    if (spec.signal?.aborted) throw cancelled();
    const seen = await spec.poll();
    if (seen.status !== undefined) lastStatus = seen.status;
    if (seen.entity !== undefined) entity = seen.entity;
    if (seen.done) return seen.value as T;
    const elapsed = now() - started;
    if (elapsed >= timeoutMs) {
      throw new WaitTimeoutError(
        `timed out after ${seconds(timeoutMs)} waiting for ${entity} (id ${spec.entityId}) to ${spec.goal}; ${lastSeen()}`,
        { entityId: spec.entityId, lastStatus, waitedMs: elapsed },
      );
    }
    await sleep(Math.min(intervalMs, Math.max(1, timeoutMs - elapsed)), spec.signal);
  }
}

/** The waits of one client: its default deadline and interval, and its cancellation for every wait. */
export interface Waits {
  /** Polls `get` until the entity's status is one of `statuses`; an entity that vanishes is an error. */
  forStatus<T extends { name: string; status: string }>(
    what: string, id: string, statuses: readonly string[], get: () => Promise<T | undefined>, opts?: WaitOptions,
  ): Promise<T>;
  /** Polls `get` until it answers undefined (the engine's 404). */
  forGone(what: string, id: string, get: () => Promise<{ name: string; status?: string } | undefined>, opts?: WaitOptions): Promise<void>;
  /** Polls until `poll` says done; `goal` words what is awaited for the messages. */
  until<T>(what: string, id: string, goal: string, poll: () => Promise<{ done: boolean; value?: T; status?: string }>, opts?: WaitOptions): Promise<T>;
}

export function createWaits(defaults: { timeoutMs: number; intervalMs: number; signal?: AbortSignal }): Waits {
  const options = (opts: WaitOptions | undefined) => ({
    timeoutMs: opts?.timeoutMs ?? defaults.timeoutMs,
    intervalMs: opts?.pollIntervalMs ?? defaults.intervalMs,
    // The client's own cancellation (the provider's Cancel) applies to every wait, not just those given one.
    signal: opts?.signal ?? defaults.signal,
  });
  const gone = (what: string, id: string, goal: string) =>
    new EngineError(`${what} ${id} disappeared while waiting for it to ${goal}`, { kind: "not_found", status: 404 });
  return {
    forStatus(what, id, statuses, get, opts) {
      const goal = `become ${statuses.join(" or ")}`;
      return waitFor({
        entity: what, entityId: id, goal, ...options(opts),
        poll: async () => {
          const e = await get();
          if (!e) throw gone(what, id, goal);
          return { done: statuses.includes(e.status), value: e, status: e.status, entity: `${what} ${e.name}` };
        },
      });
    },
    async forGone(what, id, get, opts) {
      await waitFor<void>({
        entity: what, entityId: id, goal: "be removed", ...options(opts),
        poll: async () => {
          const e = await get();
          return e === undefined ? { done: true } : { done: false, status: e.status ?? "present", entity: `${what} ${e.name}` };
        },
      });
    },
    until: (what, id, goal, poll, opts) =>
      waitFor({ entity: what, entityId: id, goal, ...options(opts), poll: async () => ({ ...(await poll()), entity: `${what} ${id}` }) }),
  };
}
