// Builds a directory once among processes that may ask for it at the same time (vitest workers):
// the first takes a lock file and builds, the others wait until the directory is done. A lock
// whose process has exited is taken over; a failed build is recorded, so that every waiter fails
// with its message instead of building again. No vitest import: test/dist/once.test.ts runs it in
// plain child processes.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Resolves once `dir/marker` exists, after running `build` if no other process is building `dir`.
 * `build` must write the marker last (or swap the whole directory in).
 */
export async function buildOnce(dir: string, marker: string, build: () => Promise<void>, pollMs = 500): Promise<void> {
  const lock = `${dir}.lock`;
  const failed = `${dir}.failed`;
  for (;;) {
    if (existsSync(join(dir, marker))) return;
    if (existsSync(failed)) throw new Error(`the build of ${dir} failed (${failed}):\n${readFileSync(failed, "utf8")}`);
    if (takeLock(lock)) {
      try {
        if (!existsSync(join(dir, marker))) await recordFailure(failed, build);
      } finally {
        rmSync(lock, { force: true });
      }
      return;
    }
    if (lockHolderIsGone(lock)) rmSync(lock, { force: true });
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

async function recordFailure(failed: string, build: () => Promise<void>): Promise<void> {
  try {
    await build();
  } catch (err) {
    writeFileSync(failed, err instanceof Error ? err.message : String(err));
    throw err;
  }
}

function takeLock(lock: string): boolean {
  mkdirSync(dirname(lock), { recursive: true });
  try {
    writeFileSync(lock, String(process.pid), { flag: "wx" });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

/** True when the process named in the lock has exited (a killed worker must not block the run). */
function lockHolderIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, "utf8"));
  } catch {
    return false; // removed meanwhile: the next round looks again
  }
  if (!Number.isInteger(pid) || pid <= 0) return false; // being written
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}
