// How long resources wait for the engine's asynchronous states (image_locked → down, powering_up →
// up, locked → ok, removal). One place reads the setting, so every wait uses the same deadline.

import type { WaitOptions } from "../engine/index.ts";
import type { ResourceContext } from "./types.ts";

const DEFAULT_WAIT_SECONDS = 600;

/**
 * The wait deadline in milliseconds: `OVIRT_WAIT_TIMEOUT_SECONDS` from the plugin's environment,
 * else 10 minutes. A bad value is ignored with the default (it is not a user input to fail on).
 */
export function waitTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.OVIRT_WAIT_TIMEOUT_SECONDS;
  const seconds = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_WAIT_SECONDS) * 1000;
}

/** Options for every engine wait of an operation: the deadline, and the operation's cancel signal. */
export function waitOptions(ctx: Pick<ResourceContext, "signal">): WaitOptions {
  return { timeoutMs: waitTimeoutMs(), signal: ctx.signal };
}

/** The message of an error, for partial-failure reasons (never with request bodies or tokens). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
