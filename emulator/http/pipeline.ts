// The request pipeline: an exchange (one request and what will be answered) handed through a list of
// small steps. Each step may answer (set `answer` and not call next) or pass the exchange on and look
// at it again when the later steps are done, like an onion. Nothing is written to the socket until the
// outermost step (respond) does it, so a step that runs after the handler (the drop fault) can still
// decide that the answer is lost.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Authenticated } from "./auth.ts";
import type { Format } from "./codec.ts";
import { render } from "./codec.ts";
import type { Reply } from "./context.ts";
import { EngineFault } from "./faults.ts";

/** Writes an answer on the response; set by the step that decides it. */
export type Writer = (res: ServerResponse) => void;

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** The URL with repeated slashes merged and dot segments resolved. */
  url: URL;
  started: number;
  /** The key the request counters count this request under (the route pattern once known). */
  routeKey: string;
  body: string;
  /** The answer to write; undefined when a step wrote the response itself (imageio). */
  answer?: Writer;
  /** Set by the drop fault: the request was processed, its answer is lost. */
  dropped: boolean;
  /** "/ovirt-engine/api" or ".../v4", and the path below it, once the version step ran. */
  prefix: string;
  rest: string;
  auth?: Authenticated;
  format: Format;
  inFormat: Format;
}

export type Next = () => Promise<void>;
export type Step = (ex: Exchange, next: Next) => Promise<void> | void;

/** Runs the steps in order; each decides whether the ones after it run. */
export function compose(steps: Step[]): (ex: Exchange) => Promise<void> {
  return async (ex) => {
    const run = async (i: number): Promise<void> => {
      const step = steps[i];
      if (step) await step(ex, () => run(i + 1));
    };
    await run(0);
  };
}

export function newExchange(req: IncomingMessage, res: ServerResponse): Exchange {
  const method = (req.method ?? "GET").toUpperCase();
  return {
    req, res, method,
    url: new URL("https://emulator.invalid/"),
    started: Date.now(),
    routeKey: `${method} ?`,
    body: "",
    dropped: false,
    prefix: "",
    rest: "",
    format: "xml",
    inFormat: "xml",
  };
}

// ---- writers ----

export function jsonAnswer(status: number, value: unknown): Writer {
  return (res) => {
    const text = JSON.stringify(value);
    res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
    res.end(text);
  };
}

/** Servlet-style HTML pages: what Apache and the engine's filters send outside the API (401, 404, 503). */
export function errorPage(status: number, title: string, headers: Record<string, string> = {}): Writer {
  return (res) => {
    const text = `<html><head><title>Error</title></head><body>${title}</body></html>`;
    res.writeHead(status, { "Content-Type": "text/html;charset=UTF-8", "Content-Length": Buffer.byteLength(text), ...headers });
    res.end(text);
  };
}

/** The engine's fault body (reason + detail) in the format the client asked for. */
export function faultAnswer(fault: EngineFault, format: Format, headers: Record<string, string> = {}): Writer {
  return replyWriter(faultReply(fault), format, undefined, headers);
}

/** An error a handler threw, as the engine would answer it. */
export function faultReply(err: unknown): Reply {
  if (err instanceof EngineFault) {
    if (err.emptyBody) return { status: err.status };
    return { status: err.status, root: "fault", node: { reason: err.reason, detail: err.detail } };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { status: 500, root: "fault", node: { reason: "Operation Failed", detail: `[Internal Engine Error: ${message}]` } };
}

export function replyWriter(reply: Reply, format: Format, cookie?: string, extra: Record<string, string> = {}): Writer {
  return (res) => {
    const headers: Record<string, string> = { ...(reply.headers ?? {}), ...extra };
    if (cookie) headers["Set-Cookie"] = cookie;
    let text = "";
    if (reply.text !== undefined) {
      text = reply.text;
      headers["Content-Type"] = reply.contentType ?? "text/plain";
    } else if (reply.root && reply.node) {
      text = render(format, reply.root, reply.node);
      headers["Content-Type"] = format === "json" ? "application/json" : "application/xml";
    }
    headers["Content-Length"] = String(Buffer.byteLength(text));
    res.writeHead(reply.status, headers);
    res.end(text);
  };
}
