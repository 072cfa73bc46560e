// High availability against stateless runs, as the engine decides it. AddVm and UpdateVm take
// both flags together; the refusal comes only when the VM is run: RunVmValidator.validateStatelessVm
// answers VM_CANNOT_RUN_STATELESS_HA ("Highly Available Virtual servers can not be run as
// stateless") for any run as stateless of a VM with auto-startup (high availability). A run is
// stateless by the VM's own flag, a run-once flag, or, for a pool desktop, by the pool:
// AttachUserToVmFromPoolAndRunCommand sets RunVmParams.runAsStateless to !pool.stateful, and
// VmPoolMonitor prestarts a pool's desktops as stateless too.

import { holdsUnknown, type CheckRule } from "./check.ts";
import type { CheckFailure } from "./types.ts";

const haEnabled = (value: unknown): boolean =>
  typeof value === "object" && value !== null && (value as { enabled?: unknown }).enabled === true;

/** A Vm that is stateless, highly available and `running` can never be started. */
export const vmStatelessHaRule: CheckRule = (inputs) => {
  const { stateless, highAvailability, running } = inputs;
  if ([stateless, highAvailability, running].some(holdsUnknown)) return [];
  if (stateless !== true || running !== true || !haEnabled(highAvailability)) return [];
  return [failure(
    "highAvailability",
    "`highAvailability.enabled` with `stateless: true` cannot be `running: true`: the engine refuses to start a highly " +
      "available VM as stateless (RunVmValidator: \"Highly Available Virtual servers can not be run as stateless\"). " +
      "Set `stateless: false` to keep high availability, or turn `highAvailability.enabled` off to keep stateless runs.",
  )];
};

/**
 * A Pool whose desktops are highly available but not `stateful`: every way a user gets a desktop
 * (allocation, a prestarted desktop) runs it as stateless, which the engine refuses, so the pool
 * could never hand a desktop out. An error, not a warning: nothing the program may still create
 * changes that, and fixing it later means replacing the pool (both settings are fixed at creation).
 */
export const poolStatelessHaRule: CheckRule = (inputs) => {
  const { stateful, highAvailability } = inputs;
  if ([stateful, highAvailability].some(holdsUnknown)) return [];
  if (stateful === true || !haEnabled(highAvailability)) return [];
  return [failure(
    "highAvailability",
    "`highAvailability.enabled` needs `stateful: true` on a pool: a pool that is not stateful runs each desktop as " +
      "stateless when a user takes it (AttachUserToVmFromPoolAndRun) or when it is prestarted, and the engine refuses to " +
      "start a highly available VM as stateless (RunVmValidator: \"Highly Available Virtual servers can not be run as " +
      "stateless\"), so no user could ever get a desktop. Set `stateful: true`, or turn `highAvailability.enabled` off.",
  )];
};

const failure = (property: string, reason: string): CheckFailure => ({ property, reason });
