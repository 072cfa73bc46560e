// One emulator per data directory: two processes sharing one database would both run the scheduled
// transitions. The lock is a pid file; a stale one (its process is gone, e.g. after kill -9) is taken over.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const openHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the data directory; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const file = join(dir, "emulator.pid");
  if (openHere.has(dir)) {
    throw new Error(`the data directory ${dir} is already used by an emulator in this process; close it first or use another directory`);
  }
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(file, "utf8").trim());
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && alive(holder)) {
    throw new Error(`the data directory ${dir} is in use by another emulator (pid ${holder}); stop it or use another --data directory`);
  }
  writeFileSync(file, `${process.pid}\n`);
  openHere.add(dir);
  return () => {
    openHere.delete(dir);
    rmSync(file, { force: true });
  };
}
