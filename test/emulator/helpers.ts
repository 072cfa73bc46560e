// Test helpers: a throwaway emulator per suite and a tiny HTTPS client that trusts its CA.
import https from "node:https";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator/index.ts";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The XML body parsed (attributes as "@name"), or the JSON body. */
  body: Record<string, unknown>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (name) => ["vm", "template", "vm_pool", "link", "graphics_console", "cluster", "method"].includes(name),
});

export function tempDir(prefix = "emu-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function withEmulator(opts: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  const dataDir = opts.dataDir ?? tempDir();
  return startEmulator({ asyncDelayMs: 0, adminPassword: "secret", ...opts, dataDir });
}

export type Emu = RunningEmulator;

/**
 * One emulator for the enclosing describe block: started before its tests (then handed to
 * onStarted, which stores it and may seed data), stopped and its data directory removed after them.
 */
export function emulatorPerSuite(opts: Partial<EmulatorOptions>, onStarted: (emu: Emu) => void | Promise<void>): void {
  let started: Emu | undefined;
  beforeAll(async () => {
    started = await withEmulator(opts);
    await onStarted(started);
  });
  afterAll(async () => {
    if (!started) return;
    await started.close();
    removeDir(started.dataDir);
  });
}

export interface CallOptions {
  body?: string;
  headers?: Record<string, string>;
  /** "admin" (Basic admin@internal:secret), "none", or a full Authorization value. */
  auth?: string;
}

export function request(emu: { baseUrl: string; caPem: string }, method: string, path: string, opts: CallOptions = {}): Promise<Answer> {
  const url = new URL(path.startsWith("/ovirt-engine") ? path : `/ovirt-engine/api${path}`, emu.baseUrl);
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  const auth = opts.auth ?? "admin";
  if (auth === "admin") headers.Authorization = `Basic ${Buffer.from("admin@internal:secret").toString("base64")}`;
  else if (auth !== "none") headers.Authorization = auth;
  if (opts.body !== undefined && !headers["Content-Type"]) headers["Content-Type"] = "application/xml";
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca: emu.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: Record<string, unknown> = {};
        const type = String(res.headers["content-type"] ?? "");
        if (text && type.includes("xml")) body = parser.parse(text) as Record<string, unknown>;
        else if (text && type.includes("json")) body = JSON.parse(text) as Record<string, unknown>;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
      });
    });
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** Reads a nested value from a parsed body: path like "vm.display.smartcard_enabled". */
export function at(body: unknown, path: string): unknown {
  let cur: unknown = body;
  for (const key of path.split(".")) {
    if (Array.isArray(cur)) cur = cur[0];
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return Array.isArray(cur) && cur.length === 1 ? cur[0] : cur;
}

export async function createVm(emu: RunningEmulator, xmlInside: string, headers: Record<string, string> = {}): Promise<Answer> {
  return request(emu, "POST", "/vms", { body: `<vm>${xmlInside}</vm>`, headers });
}

export const blankVm = (name: string, extra = ""): string =>
  `<name>${name}</name><cluster><name>Default</name></cluster><template><name>Blank</name></template>${extra}`;

/** Polls until the predicate holds on GET path (bounded). */
export async function waitUntil(emu: RunningEmulator, path: string, pred: (a: Answer) => boolean, timeoutMs = 5000): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const a = await request(emu, "GET", path);
    if (pred(a)) return a;
    if (Date.now() > deadline) throw new Error(`timed out waiting on ${path}: last answer ${a.status} ${a.text.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
