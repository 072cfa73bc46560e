// The emulator CLI prints `ready <api url>` on stdout once it serves. The tests that start it as a
// process wait for that line here: bounded, and failing with its stderr when the process exits or
// the time runs out first.
import type { ChildProcess } from "node:child_process";

export interface ReadyEmulator {
  apiUrl: string;
  /** All the process printed so far. */
  stdout: () => string;
  stderr: () => string;
}

/** Resolves on the process's ready line; `onTimeout` runs when it gives up waiting (e.g. to stop the process). */
export function whenReady(proc: ChildProcess, opts: { seconds: number; onTimeout?: () => void }): Promise<ReadyEmulator> {
  let out = "";
  let err = "";
  proc.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      opts.onTimeout?.();
      reject(new Error(`the emulator printed no ready line within ${opts.seconds} s; stderr: ${err}`));
    }, opts.seconds * 1000);
    proc.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const ready = /^ready (\S+)\n/.exec(out);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolvePromise({ apiUrl: ready[1], stdout: () => out, stderr: () => err });
      }
    });
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited with ${code} before it was ready; stderr: ${err}`));
    });
  });
}
