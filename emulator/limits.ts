// The engine's numeric limits. Two layers refuse out-of-range integers:
// - the REST layer parses xs:int / xs:long into Java numbers: a value that does not fit a long fails
//   to parse like any non-number (the "is not a valid number" fault), so 10^30 never reaches a command;
// - the backend's validation (VmValidator.validateCpuSockets, VmHandler.isMemorySizeLegal with
//   VmValidationUtils' platform limits) refuses what fits but is out of range, with its AppErrors texts.
// The maxima are the engine's default ConfigValues (engine-config can raise them on a real engine).
import { badRequest, invalidNumber } from "./http/faults.ts";

export const LIMITS = {
  /** VM64BitMaxMemorySizeInMB (6 TiB). */
  memoryMb: 6_291_456,
  /** MaxNumOfVmSockets. */
  sockets: 16,
  /** MaxNumOfCpuPerSocket. */
  coresPerSocket: 254,
  /** MaxNumOfThreadsPerCpu. */
  threadsPerCore: 8,
  /** MaxNumOfVmCpus. */
  cpus: 384,
} as const;

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

/** Throws the REST layer's fault when an integer text does not fit a Java long. */
export function checkLongRange(text: string, element: string): void {
  const v = BigInt(text.trim());
  if (v > LONG_MAX || v < LONG_MIN) throw invalidNumber(text, element);
}

export interface SizedConfig {
  memoryMb: number;
  maxMb: number;
  sockets: number;
  cores: number;
  threads: number;
}

/** The backend's range checks on memory and CPU topology, in the engine's order and words. */
export function validateLimits(c: SizedConfig, action: string, type: string): void {
  const prefix = `Cannot ${action} ${type}.`;
  // isMemorySizeLegal; a maximum above four times the platform limit cannot come from the engine's defaults.
  if (c.memoryMb > LIMITS.memoryMb || c.maxMb > 4 * LIMITS.memoryMb) {
    throw badRequest(`${prefix} Illegal memory size is provided, size needs to be between 1 MB and ${LIMITS.memoryMb} MB.`);
  }
  // validateCpuSockets: maxima first, then minima.
  if (c.sockets * c.cores * c.threads > LIMITS.cpus) throw badRequest(`${prefix} Max number of cpu exceeded`);
  if (c.sockets > LIMITS.sockets) throw badRequest(`${prefix} Max number of sockets exceeded`);
  if (c.cores > LIMITS.coresPerSocket) throw badRequest(`${prefix} Max number of cpu per socket exceeded`);
  if (c.threads > LIMITS.threadsPerCore) throw badRequest(`${prefix} Max number of threads per cpu exceeded`);
  if (c.cores < 1) throw badRequest("Minimum number of CPU per socket cannot be less than 1");
  if (c.sockets < 1) throw badRequest("Minimum number of sockets cannot be less then 1");
  // The threads texts follow the sockets and cores ones (ACTION_TYPE_FAILED_{MAX,MIN}_THREADS_PER_CPU).
  if (c.threads < 1) throw badRequest("Minimum number of threads per cpu cannot be less than 1");
}
