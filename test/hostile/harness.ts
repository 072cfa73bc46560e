// The hostile-input suite's harness: a real emulator process (the CLI, as CI and users run it), a raw
// HTTPS client that survives resets, a probe runner that checks each bad request's answer while a
// second, well-formed request measures how long the emulator stalls, and the tally the summary prints.
import { spawn, type ChildProcess } from "node:child_process";
import https from "node:https";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { whenReady } from "../emulator-ready.ts";

// HOSTILE_EMULATOR_MAIN runs the corpus against another build (e.g. main's, to see what it fixes).
const MAIN = process.env.HOSTILE_EMULATOR_MAIN ?? resolve(import.meta.dirname, "../../emulator/main.ts");
export const ADMIN = `Basic ${Buffer.from("admin@internal:secret").toString("base64")}`;
export const USER = `Basic ${Buffer.from("user@internal:userpw").toString("base64")}`;

export interface Proc {
  proc: ChildProcess;
  baseUrl: string;
  caPem: string;
  dataDir: string;
  stderr: () => string;
}

/** Starts `ovirt-engine-emulator` on dataDir and resolves on its ready line (bounded wait). */
export function startProcess(dataDir: string, extra: string[] = []): Promise<Proc> {
  const args = ["--disable-warning=ExperimentalWarning", MAIN, "--data", dataDir, "--password", "secret",
    "--user", "user@internal:userpw", "--delay-ms", "0", ...extra];
  const proc = spawn(process.execPath, args, { cwd: resolve(import.meta.dirname, "../.."), stdio: ["ignore", "pipe", "pipe"] });
  return whenReady(proc, { seconds: 30 }).then(({ apiUrl, stderr }) => ({
    proc, baseUrl: apiUrl.replace(/\/ovirt-engine\/api$/, ""), caPem: readFileSync(join(dataDir, "ca.pem"), "utf8"), dataDir, stderr,
  }));
}

export function stopProcess(p: Proc | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!p || p.proc.exitCode !== null || p.proc.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    p.proc.once("exit", () => done());
    p.proc.kill(signal);
  });
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The connection failed or was reset before an answer came. */
  error?: string;
  ms: number;
}

export interface Call {
  method: string;
  /** Sent as is: no normalisation, so repeated slashes and bad escapes reach the emulator. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sent in pieces with chunked encoding (no Content-Length). */
  chunked?: boolean;
}

/** One request on a fresh connection; resolves (never rejects) with the answer or the error. */
export function send(target: { baseUrl: string; caPem: string }, call: Call): Promise<Answer> {
  const url = new URL(target.baseUrl);
  const headers: Record<string, string> = { Authorization: ADMIN, ...(call.headers ?? {}) };
  if (call.body !== undefined && !call.chunked) headers["Content-Length"] = String(Buffer.byteLength(call.body));
  if (call.body !== undefined && !headers["Content-Type"]) headers["Content-Type"] = "application/xml";
  const started = Date.now();
  return new Promise((done) => {
    const req = https.request({
      host: url.hostname, port: url.port, method: call.method, path: call.path, headers, ca: target.caPem, agent: false,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8"), ms: Date.now() - started }));
      res.on("error", (e) => done({ status: 0, headers: {}, text: "", error: e.message, ms: Date.now() - started }));
    });
    req.on("error", (e) => done({ status: 0, headers: {}, text: "", error: e.message, ms: Date.now() - started }));
    req.setTimeout(60_000, () => req.destroy(new Error("no answer within 60 s")));
    writeBody(req, call);
  });
}

function writeBody(req: ReturnType<typeof https.request>, call: Call): void {
  if (call.body === undefined) return void req.end();
  if (!call.chunked) return void req.end(call.body);
  const data = Buffer.from(call.body);
  const piece = 256 * 1024;
  let at = 0;
  const pump = (): void => {
    while (at < data.length) {
      const more = req.write(data.subarray(at, at + piece));
      at += piece;
      if (!more) return void req.once("drain", pump);
    }
    req.end();
  };
  pump();
}

/** The engine's fault: <fault><reason/><detail/></fault> in XML, or {reason, detail} in JSON. */
export function isFault(a: Answer): boolean {
  const type = String(a.headers["content-type"] ?? "");
  if (type.includes("json")) {
    try {
      const v = JSON.parse(a.text) as Record<string, unknown>;
      return typeof v.reason === "string" && typeof v.detail === "string";
    } catch {
      return false;
    }
  }
  return type.includes("xml") && /<fault>\s*<reason>[^<]*<\/reason>\s*<detail>[\s\S]*<\/detail>\s*<\/fault>/.test(a.text);
}

/** What a probe must get back: the engine's fault, an engine list/entity, its empty 404, or its 401 page. */
export type Shape = "fault" | "entity" | "empty" | "page";

export function hasShape(a: Answer, shape: Shape): boolean {
  if (a.error) return false;
  switch (shape) {
    case "fault": return isFault(a);
    case "entity": return String(a.headers["content-type"] ?? "").includes("xml") && !isFault(a);
    case "empty": return a.text === "";
    case "page": return String(a.headers["content-type"] ?? "").includes("text/html");
  }
}

export interface Tally {
  probes: number;
  faultExpected: number;
  faultAnswered: number;
  shapeOk: number;
  longestStallMs: number;
  longestStallProbe: string;
  dataLost: number;
}

export const tally: Tally = {
  probes: 0, faultExpected: 0, faultAnswered: 0, shapeOk: 0, longestStallMs: 0, longestStallProbe: "", dataLost: 0,
};

/**
 * Sends the bad request and, while it is in flight, well-formed ones (canaries): the slowest canary is
 * the stall the bad request causes to everyone else. Both are recorded in the tally.
 */
export async function probe(
  target: { baseUrl: string; caPem: string }, name: string, call: Call, expected: Shape,
): Promise<{ answer: Answer; stallMs: number; shape: Shape }> {
  let settled = false;
  const pending = send(target, call).finally(() => (settled = true));
  // Canaries, one after another, for as long as the bad request is in flight (at least one): the
  // slowest is the stall the bad request causes to everyone else.
  let stallMs = 0;
  do {
    await new Promise((r) => setTimeout(r, 5));
    const canary = await send(target, { method: "GET", path: "/ovirt-engine/api/clusters" });
    stallMs = Math.max(stallMs, canary.status === 200 ? canary.ms : Number.POSITIVE_INFINITY);
  } while (!settled);
  const answer = await pending;
  // A list or an entity when the request is served; the engine's fault whenever it is refused.
  const shape: Shape = expected === "entity" && answer.status >= 400 ? "fault" : expected;
  tally.probes++;
  if (shape === "fault") tally.faultExpected++;
  if (shape === "fault" && isFault(answer)) tally.faultAnswered++;
  if (hasShape(answer, shape)) tally.shapeOk++;
  if (stallMs > tally.longestStallMs) {
    tally.longestStallMs = stallMs;
    tally.longestStallProbe = name;
  }
  return { answer, stallMs, shape };
}

export function summaryLine(): string {
  const t = tally;
  return `HOSTILE SUMMARY: probes tried ${t.probes}; answered with the engine's fault shape ${t.faultAnswered}/${t.faultExpected} ` +
    `(every answer in its expected shape: ${t.shapeOk}/${t.probes}); longest stall of a concurrent request ${t.longestStallMs} ms ` +
    `(${t.longestStallProbe}); data lost ${t.dataLost}`;
}
