// One emulator per data directory: two processes sharing one database would both run the scheduled
// transitions, and two starting at once on a new directory would each make a PKI. The lock is a pid
// file created exclusively (O_EXCL), so of two emulators started together exactly one gets it; a stale
// one (its process is gone, e.g. after kill -9) is taken over. Everything else the directory holds
// (PKI, database, secret key) is made only by the lock's holder.
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { makePrivateDir } from "./store.ts";

const openHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function holderOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** An empty pid file is another emulator between creating and writing it, unless it is old (a crash). */
function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return true;
  }
}

/** Creates the pid file only if it does not exist; false when another one is there. */
function tryCreate(file: string): boolean {
  try {
    writeFileSync(file, `${process.pid}\n`, { flag: "wx", mode: 0o600 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

/** Takes the data directory (making it, 0700, if needed); returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const file = join(dir, "emulator.pid");
  if (openHere.has(dir)) {
    throw new Error(`the data directory ${dir} is already used by an emulator in this process; close it first or use another directory`);
  }
  makePrivateDir(dir);
  for (let attempt = 0; !tryCreate(file); attempt++) {
    const holder = holderOf(file);
    const stale = holder === undefined ? olderThan(file, 5000) : holder === process.pid || !alive(holder);
    if (!stale || attempt >= 3) {
      throw new Error(`the data directory ${dir} is in use by another emulator (pid ${holder ?? "?"}); stop it or use another --data directory`);
    }
    // A pid file of a dead process (or an empty one left by a crash): remove it and try again.
    rmSync(file, { force: true });
  }
  openHere.add(dir);
  return () => {
    openHere.delete(dir);
    if (holderOf(file) === process.pid) rmSync(file, { force: true });
  };
}
