// The emulator as the gRPC tests use it: started in-process, and called directly over its REST API
// by the tests, standing in for someone working outside Pulumi; and what the plugin logged meanwhile.

import { readFileSync } from "node:fs";
import { request } from "node:https";
import { expect, vi } from "vitest";

export interface Emulator {
  apiUrl: string;
  caFile: string;
  close(): Promise<void>;
  /** Requests served since the last reset, by method and path. */
  stats(): { total: number; requests: Record<string, number> };
  resetStats(): void;
}
type StartEmulator = (options: { port: number; dataDir: string; adminPassword: string; asyncDelayMs: number }) => Promise<Emulator>;

/** Starts an emulator, loaded at run time: the provider's tests never import the emulator's code statically. */
export async function startEmulator(options: Parameters<StartEmulator>[0]): Promise<Emulator> {
  const { startEmulator: start } = (await import(/* @vite-ignore */ "../../emulator/index.ts")) as { startEmulator: StartEmulator };
  return start(options);
}

/** One REST call to the emulator as `as` (Basic auth); the answer's status and body. */
export function engineRequest(
  emulator: Pick<Emulator, "apiUrl" | "caFile">, as: { name: string; password: string }, method: string, path: string, body?: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(emulator.apiUrl + path);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      ca: readFileSync(emulator.caFile),
      headers: {
        Authorization: `Basic ${Buffer.from(`${as.name}:${as.password}`).toString("base64")}`,
        Accept: "application/xml",
        ...(body ? { "Content-Type": "application/xml" } : {}),
      },
    }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (c: string) => (text += c)).on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Waits until the plugin's stderr matches `pattern` (a string: holds it): a log line written just before a gRPC answer
 * may still be in the pipe when the answer arrives.
 */
export function logged(plugin: { stderr(): string }, pattern: RegExp | string): Promise<void> {
  return vi.waitFor(() => expect(plugin.stderr()).toMatch(pattern), { timeout: 5_000 });
}
