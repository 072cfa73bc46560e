// Bounded retries with exponential backoff and full jitter, for calls that are safe to repeat.

import { isTransient } from "./errors.ts";

export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  /** Delay cap before the first retry; doubles each time. */
  baseDelayMs: number;
  /** No single delay exceeds this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 10_000 };

/** The delay before retry number `retry` (1-based): a random point in [cap/2, cap], cap = base·2^(retry-1). */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** Resolves after `ms`, or at once when `signal` aborts. Never rejects: callers look at the signal. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

export interface RetryHooks {
  /** Which failures to retry; by default 5xx, dropped connections, timeouts and "locked" 409s. */
  shouldRetry?: (err: unknown) => boolean;
  /** Called before each wait, e.g. for logging. */
  onRetry?: (err: unknown, retry: number, delayMs: number) => void;
  /** Once aborted (the provider was cancelled), no further attempt is made: the last failure stands. */
  signal?: AbortSignal;
}

/** Runs `fn` until it succeeds, the failure is not retryable, or the attempts are used up. */
export async function withRetry<T>(policy: RetryPolicy, fn: (attempt: number) => Promise<T>, hooks: RetryHooks = {}): Promise<T> {
  const shouldRetry = hooks.shouldRetry ?? isTransient;
  const attempts = Math.max(1, policy.attempts);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= attempts || !shouldRetry(err) || hooks.signal?.aborted) throw err;
      const delay = backoffDelay(policy, attempt);
      hooks.onRetry?.(err, attempt, delay);
      await sleep(delay, hooks.signal);
      if (hooks.signal?.aborted) throw err;
    }
  }
}
