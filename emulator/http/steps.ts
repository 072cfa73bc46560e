// The steps of the request pipeline (see pipeline.ts), outermost first: respond, target, stats, count,
// imageio, body, faults, services, version, auth, codec, route. Each is a named function (or a factory
// taking what it needs) so a test can run it alone on a hand-made exchange.
import type { IncomingMessage } from "node:http";
import type { Engine } from "../engine.ts";
import { withFollowed } from "../follow.ts";
import { matchRoute } from "../routes.ts";
import { actingUser } from "../store.ts";
import { handleImageio, IMAGEIO_PREFIX } from "../collections/transfers.ts";
import { authenticate, logoutEndpoint, tokenEndpoint } from "./auth.ts";
import type { Format } from "./codec.ts";
import { headerFlag, queryFlag, type Ctx, type Reply } from "./context.ts";
import { EngineFault } from "./faults.ts";
import { grantsEndpoint } from "./grants.ts";
import {
  errorPage, faultAnswer, faultReply, jsonAnswer, replyWriter, type Exchange, type Next, type Step,
} from "./pipeline.ts";

export const API = "/ovirt-engine/api";
export const STATS = "/ovirt-engine/emulator/stats";
export const GRANTS = "/ovirt-engine/emulator/grants";
export const PKI_RESOURCE = "/ovirt-engine/services/pki-resource";
/**
 * The largest API body read: ten times what any entity needs (a VM with a long sysprep script is a few
 * tens of KiB). The XML parser takes about 0.4 s per MiB of text and blocks every other request
 * meanwhile, so a larger limit would let one request stall everyone (measured by test/hostile).
 */
export const MAX_BODY = 512 * 1024;
/** Apache's LimitRequestLine, in front of the engine: longer request lines are refused with 414. */
export const MAX_REQUEST_LINE = 8190;
/** What node reads of the request head, so an over-long line gets the 414 fault, not a reset. */
export const MAX_HEADER_BYTES = 1024 * 1024;

export interface FaultKnobs {
  /** Added to every answer, in milliseconds. */
  latencyMs?: number;
  /** Share (0..1) of requests answered 503 before they are processed. */
  errorRate?: number;
  /** Share (0..1) of requests processed but never answered: the connection is destroyed. */
  dropRate?: number;
}

export interface Counter {
  add(key: string): void;
  reset(): void;
  snapshot(): unknown;
}

const UNAUTHORIZED = (): ReturnType<typeof errorPage> =>
  errorPage(401, "Unauthorized", { "WWW-Authenticate": 'Basic realm="RESTAPI"' });

/** Outermost: writes the answer the other steps chose, or loses it (drop fault); logs one line. */
export function respond(log?: (line: string) => void): Step {
  return async (ex, next) => {
    try {
      await next();
    } catch (err) {
      // A bug, not the client's fault: still the engine's fault shape, never a reset or an HTML page.
      log?.(`internal error: ${err instanceof Error ? err.message : String(err)}`);
      ex.answer = replyWriter(faultReply(err), ex.format);
    }
    if (ex.dropped) {
      ex.req.socket.destroy();
      return;
    }
    if (ex.answer && !ex.res.headersSent) ex.answer(ex.res);
    // The path only: queries may carry search terms, bodies may carry passwords.
    log?.(`${ex.method} ${ex.url.pathname} ${ex.res.statusCode} ${Date.now() - ex.started}ms`);
  };
}

/**
 * The request target as the engine's front web server sees it: repeated slashes merged (Apache's
 * MergeSlashes, on by default; go-ovirt-client sends `/ovirt-engine/api//vms` when the URL ends in
 * `/`), dot segments resolved, a path whose percent-escapes do not decode refused with a 400, and a
 * request line longer than Apache's limit refused with a 414.
 */
export function target(ex: Exchange, next: Next): Promise<void> | void {
  const raw = ex.req.url ?? "/";
  if (raw.length > MAX_REQUEST_LINE) {
    ex.routeKey = `${ex.method} 414`;
    ex.answer = faultAnswer(new EngineFault(414, "Request-URI Too Long", `The request URI is longer than ${MAX_REQUEST_LINE} characters.`), ex.format);
    return;
  }
  const queryAt = raw.indexOf("?");
  const rawPath = queryAt < 0 ? raw : raw.slice(0, queryAt);
  const query = queryAt < 0 ? "" : raw.slice(queryAt);
  const merged = `/${rawPath.replace(/^\/+/, "").replace(/\/{2,}/g, "/")}`;
  ex.url = new URL(merged + query, "https://emulator.invalid");
  ex.format = answerFormat(ex.req, ex.url.searchParams);
  ex.routeKey = `${ex.method} ${ex.url.pathname}`;
  try {
    decodeURIComponent(ex.url.pathname);
  } catch {
    ex.routeKey = `${ex.method} (malformed path)`;
    ex.answer = faultAnswer(new EngineFault(400, "Bad Request", "The request path has a malformed percent-escape."), ex.format);
    return;
  }
  return next();
}

/** Benchmarks read the counters without credentials (never counted); resetting them needs the admin. */
export function stats(engine: Engine, counters: Counter): Step {
  return (ex, next) => {
    if (ex.url.pathname !== STATS) return next();
    if (ex.method === "DELETE") {
      const auth = authenticate(engine, ex.req.headers);
      if (!auth || !auth.user.admin) {
        ex.answer = UNAUTHORIZED();
        return;
      }
      counters.reset();
    }
    ex.answer = jsonAnswer(200, counters.snapshot());
  };
}

/** Counts every request that gets past the stats under its final route key. */
export function count(counters: Counter): Step {
  return async (ex, next) => {
    await next();
    counters.add(ex.routeKey);
  };
}

/** imageio's data path: binary bodies, authorised by the transfer's ticket in the URL. */
export function imageio(engine: Engine): Step {
  return async (ex, next) => {
    if (!ex.url.pathname.startsWith(IMAGEIO_PREFIX)) return next();
    ex.routeKey = `${ex.method} ${IMAGEIO_PREFIX}{ticket}`;
    await handleImageio(engine, ex.req, ex.res, ex.url.pathname);
  };
}

type BodyRead = { text: string } | { tooLarge: true };

function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is read and thrown away, so the client gets its answer, not a reset.
      if (size <= limit) chunks.push(c);
      else chunks.length = 0;
    });
    req.on("end", () => resolve(size > limit || limit < 0 ? { tooLarge: true } : { text: Buffer.concat(chunks).toString("utf8") }));
    req.on("error", reject);
  });
}

const tooLarge = (limit: number): EngineFault =>
  new EngineFault(413, "Request Entity Too Large", `The request body is larger than ${limit} bytes.`);

/** Reads the body (up to limit bytes); a larger one is the fault 413, before anything else runs. */
export function body(limit = MAX_BODY): Step {
  return async (ex, next) => {
    // Even a body declared too large is read to its end (and dropped): answering while the client is
    // still sending would reset the connection under it, and it would never see the 413.
    const declared = Number(ex.req.headers["content-length"] ?? 0);
    const read: BodyRead = await readBody(ex.req, declared > limit ? -1 : limit);
    if ("tooLarge" in read) {
      ex.routeKey = `${ex.method} 413`;
      ex.answer = faultAnswer(tooLarge(limit), ex.format, { Connection: "close" });
      return;
    }
    ex.body = read.text;
    return next();
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The chaos knobs: added latency, 503 before processing, and answers lost after processing. */
export function faults(knobs: FaultKnobs, random: () => number = Math.random): Step {
  return async (ex, next) => {
    if (knobs.latencyMs && knobs.latencyMs > 0) await sleep(knobs.latencyMs);
    if (knobs.errorRate && random() < knobs.errorRate) {
      ex.routeKey = `${ex.method} 503`;
      ex.answer = errorPage(503, "Service Unavailable");
      return;
    }
    const drop = knobs.dropRate !== undefined && knobs.dropRate > 0 && random() < knobs.dropRate;
    await next();
    if (drop) {
      // Processed, then the answer is lost: the client cannot know whether it happened.
      ex.dropped = true;
      ex.routeKey = `${ex.method} dropped`;
    }
  };
}

/** What the engine serves beside the API: the CA, SSO, the emulator's grants; anything else is 404. */
export function services(engine: Engine): Step {
  return (ex, next) => {
    const path = ex.url.pathname;
    const query = ex.url.searchParams;
    if (path === PKI_RESOURCE) {
      const wanted = query.get("resource") === "ca-certificate" && (query.get("format") ?? "X509-PEM-CA") === "X509-PEM-CA";
      ex.answer = wanted
        ? replyWriter({ status: 200, text: engine.caPem, contentType: "application/x-x509-ca-cert" }, ex.format)
        : errorPage(400, "Unsupported resource or format");
      return;
    }
    if (path === "/ovirt-engine/sso/oauth/token" || path === "/ovirt-engine/services/sso-logout") {
      const form = new URLSearchParams(ex.method === "POST" ? ex.body : ex.url.search);
      const answer = path.endsWith("token") ? tokenEndpoint(engine, form) : logoutEndpoint(engine, form);
      ex.answer = jsonAnswer(answer.status, answer.json);
      return;
    }
    if (path === GRANTS) {
      ex.answer = grantsEndpoint(engine, ex.req.headers, ex.method, ex.body);
      return;
    }
    if (path !== API && !path.startsWith(`${API}/`)) {
      ex.answer = errorPage(404, "Not Found");
      return;
    }
    return next();
  };
}

/** The API version: in the path (hrefs then keep /v4) or in the Version header; only 4 is served. */
export function version(ex: Exchange, next: Next): Promise<void> | void {
  let rest = ex.url.pathname.slice(API.length);
  let prefix = API;
  const versioned = /^\/v(\d+)(?=\/|$)/.exec(rest);
  if (versioned) {
    if (versioned[1] !== "4") {
      ex.answer = errorPage(400, `Version ${versioned[1]} is not supported`);
      return;
    }
    prefix = `${API}/v4`;
    rest = rest.slice(versioned[0].length);
  }
  const header = ex.req.headers.version;
  if (typeof header === "string" && header.trim() !== "" && header.trim() !== "4") {
    ex.answer = errorPage(400, `Version ${header} is not supported`);
    return;
  }
  ex.prefix = prefix;
  ex.rest = rest === "/" ? "" : rest;
  return next();
}

/** Basic, Bearer or the persistent session; anything else is the engine's 401 page. */
export function auth(engine: Engine): Step {
  return (ex, next) => {
    const found = authenticate(engine, ex.req.headers);
    if (!found) {
      ex.routeKey = `${ex.method} ${API}${ex.rest === "" ? "" : "/…"} 401`;
      ex.answer = UNAUTHORIZED();
      return;
    }
    ex.auth = found;
    return next();
  };
}

/** The answer's format: `accept` in the query wins over the Accept header; XML unless JSON comes first. */
export function answerFormat(req: IncomingMessage, query: URLSearchParams): Format {
  const accept = (query.get("accept") ?? String(req.headers.accept ?? "")).toLowerCase();
  const jsonAt = accept.indexOf("json");
  const xmlAt = accept.indexOf("xml");
  return jsonAt >= 0 && (xmlAt < 0 || jsonAt < xmlAt) ? "json" : "xml";
}

/** Content negotiation: the answer's format (Accept) and the body's (Content-Type). */
export function codec(ex: Exchange, next: Next): Promise<void> | void {
  ex.format = answerFormat(ex.req, ex.url.searchParams);
  ex.inFormat = String(ex.req.headers["content-type"] ?? "").toLowerCase().includes("json") ? "json" : "xml";
  return next();
}

function handlerContext(engine: Engine, ex: Exchange, params: Record<string, string>): Ctx {
  const { req, url } = ex;
  const query = url.searchParams;
  const expect = `${String(req.headers.expect ?? "")} ${String(req.headers["x-ovirt-expect"] ?? "")}`.toLowerCase();
  const found = ex.auth as NonNullable<Exchange["auth"]>;
  return {
    engine, method: ex.method, prefix: ex.prefix, params, query, headers: req.headers,
    format: ex.format, inFormat: ex.inFormat, body: ex.body, user: found.user, token: found.token,
    filter: queryFlag(query, "filter") || headerFlag(req.headers, "filter"),
    allContent: queryFlag(query, "all_content") || headerFlag(req.headers, "all-content"),
    blocking: expect.includes("201-created"),
    host: req.headers.host ?? "127.0.0.1",
  };
}

/** The route table: a handler's reply, or its fault; unknown paths 404 and wrong methods 405, empty. */
export function route(engine: Engine): Step {
  return async (ex) => {
    const match = matchRoute(ex.method, ex.rest);
    if (match === undefined || match === "method") {
      ex.routeKey = `${ex.method} ${API}(unmatched)`;
      ex.answer = replyWriter({ status: match === "method" ? 405 : 404 }, ex.format);
      return;
    }
    ex.routeKey = `${ex.method} ${API}${match.route.pattern}`;
    const ctx = handlerContext(engine, ex, match.params);
    let reply: Reply;
    try {
      const handler = match.route.handler;
      reply = await actingUser.run(ctx.user.name, async () => withFollowed(ctx, await handler(ctx)));
    } catch (err) {
      reply = faultReply(err);
    }
    const session = ex.auth?.newSession;
    const cookie = session ? `JSESSIONID=${session}; Path=/ovirt-engine/api; Secure; HttpOnly` : undefined;
    ex.answer = replyWriter(reply, ex.format, cookie);
  };
}
