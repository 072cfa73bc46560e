// Small helpers around the ResourceContext that every resource needs.

import type { EngineClient, VmStatus } from "../engine/index.ts";
import { HintedError, say } from "../hints.ts";
import type { ResourceContext } from "./types.ts";

/** The engine client, or a clear error when the provider has no configuration yet. */
export function requireEngine(ctx: ResourceContext, what: string): EngineClient {
  if (!ctx.engine) {
    throw new HintedError(say`Cannot ${what}: the oVirt provider is not configured. ${{ kind: "missing-config", keys: ["url", "username", "password"] }}`);
  }
  return ctx.engine;
}

/** Statuses in which a VM has a running qemu process (a console could be opened, it must be stopped before removal). */
const RUNNING_STATUSES: readonly VmStatus[] = [
  "up", "powering_up", "wait_for_launch", "reboot_in_progress", "migrating", "paused",
  "saving_state", "restoring_state", "not_responding", "powering_down",
];

export function isRunningStatus(status: VmStatus | undefined): boolean {
  return status !== undefined && RUNNING_STATUSES.includes(status);
}

/** The user-facing `running` input of a status: powering down counts as stopped, since that is where it is going. */
export function runningInput(status: VmStatus): boolean {
  return isRunningStatus(status) && status !== "powering_down";
}

/** Statuses in which a VM has settled after creation or a copy. */
export const SETTLED_STATUSES: VmStatus[] = ["down", "up", "powering_up", "wait_for_launch", "paused", "suspended"];

/** The error for an entity that vanished from the engine while Pulumi was updating it. */
export function goneDuringUpdate(kind: string, name: unknown, id: string): Error {
  return new HintedError(say`${kind} ${String(name)} (${id}) no longer exists in the engine; ${{ kind: "refresh" }}.`);
}

/**
 * The creation marker: what the provider writes into the engine's `comment` of every VM, template
 * and pool it creates. It ties the entity to the resource (its URN), so that a create interrupted
 * by a crash is adopted by the next one, and a name held by anything else is reported, not taken.
 */
export function creationMarker(ctx: ResourceContext): string | undefined {
  if (ctx.marker !== undefined) return ctx.marker;
  return ctx.urn === "" ? undefined : `pulumi-ovirt: ${ctx.urn}`;
}
