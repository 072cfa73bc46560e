// Asynchronous transitions (image_locked -> down, locked -> ok, powering_up -> up, ...). Each one is
// a row with its due time, written in the same transaction as the change that caused it, so a
// transition in flight when the process died still happens after a restart.
import { EventEmitter } from "node:events";
import type { Store } from "./store.ts";

export type JobHandler = (payload: Record<string, unknown>) => void;

export class Scheduler {
  readonly changes = new EventEmitter();
  private readonly store: Store;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private closed = false;

  constructor(store: Store) {
    this.store = store;
    this.changes.setMaxListeners(0);
  }

  on(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Re-arms the transitions persisted by an earlier run; overdue ones run at once. */
  resume(): void {
    for (const job of this.store.jobs()) this.arm(job.id, job.dueAt);
  }

  /** Persists a transition due in delayMs; call inside the transaction that makes the change. */
  schedule(delayMs: number, kind: string, payload: Record<string, unknown>): void {
    const dueAt = Date.now() + Math.max(0, delayMs);
    const id = this.store.addJob(dueAt, kind, payload);
    // Arm after the surrounding transaction commits (the timer never fires synchronously).
    this.arm(id, dueAt);
  }

  private arm(id: number, dueAt: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => this.run(id), Math.max(0, dueAt - Date.now()));
    this.timers.set(id, timer);
  }

  private run(id: number): void {
    this.timers.delete(id);
    if (this.closed) return;
    const job = this.store.job(id);
    if (!job) return;
    const handler = this.handlers.get(job.kind);
    this.store.tx(() => {
      this.store.deleteJob(id);
      handler?.(job.payload);
    });
    this.changes.emit("change");
  }

  /** Resolves when check() returns a value, re-checking after every transition; undefined on timeout. */
  async waitFor<T>(check: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const first = check();
    if (first !== undefined) return first;
    return new Promise((resolve) => {
      const onChange = (): void => {
        const value = check();
        if (value !== undefined) finish(value);
      };
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      const finish = (value: T | undefined): void => {
        clearTimeout(timer);
        this.changes.off("change", onChange);
        resolve(value);
      };
      this.changes.on("change", onChange);
    });
  }

  notify(): void {
    this.changes.emit("change");
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.changes.emit("change");
  }
}
