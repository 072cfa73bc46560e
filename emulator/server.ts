// The HTTPS front: fault knobs, request counters, the PKI resource, SSO, then the REST API with
// version handling, authentication, content negotiation and engine faults.
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, logoutEndpoint, tokenEndpoint } from "./http/auth.ts";
import { render, type Format } from "./http/codec.ts";
import { EngineFault } from "./http/faults.ts";
import { headerFlag, queryFlag, type Ctx, type Reply } from "./http/context.ts";
import type { Engine } from "./engine.ts";
import { withFollowed } from "./follow.ts";
import { matchRoute } from "./routes.ts";
import { handleImageio, IMAGEIO_PREFIX } from "./collections/transfers.ts";

export interface FaultKnobs {
  /** Added to every answer, in milliseconds. */
  latencyMs?: number;
  /** Share (0..1) of requests answered 503 before they are processed. */
  errorRate?: number;
  /** Share (0..1) of requests processed but never answered: the connection is destroyed. */
  dropRate?: number;
}

const API = "/ovirt-engine/api";
const STATS = "/ovirt-engine/emulator/stats";
const GRANTS = "/ovirt-engine/emulator/grants";
const MAX_BODY = 10 * 1024 * 1024;

export class RequestCounters {
  private counts = new Map<string, number>();
  private since = Date.now();

  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  snapshot(): { since: string; total: number; requests: Record<string, number> } {
    const requests = Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    return { since: new Date(this.since).toISOString(), total, requests };
  }

  reset(): void {
    this.counts.clear();
    this.since = Date.now();
  }
}

export interface ServerDeps {
  engine: Engine;
  faults: FaultKnobs;
  counters: RequestCounters;
  tls: { cert: string; key: string };
  log?: (line: string) => void;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/** Servlet-style HTML error pages (what Apache and the engine's filters send outside the API). */
function sendErrorPage(res: ServerResponse, status: number, title: string, headers: Record<string, string> = {}): void {
  const text = `<html><head><title>Error</title></head><body>${title}</body></html>`;
  res.writeHead(status, { "Content-Type": "text/html;charset=UTF-8", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function negotiate(req: IncomingMessage, query: URLSearchParams): { format: Format; inFormat: Format } {
  const accept = (query.get("accept") ?? String(req.headers.accept ?? "")).toLowerCase();
  const jsonAt = accept.indexOf("json");
  const xmlAt = accept.indexOf("xml");
  const format: Format = jsonAt >= 0 && (xmlAt < 0 || jsonAt < xmlAt) ? "json" : "xml";
  const contentType = String(req.headers["content-type"] ?? "").toLowerCase();
  const inFormat: Format = contentType.includes("json") ? "json" : "xml";
  return { format, inFormat };
}

export function createServer(deps: ServerDeps): https.Server {
  const { engine, faults, counters } = deps;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? "/", "https://emulator.invalid");
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname;

    // Benchmarks read and reset the counters without authentication; they are never counted.
    if (path === STATS) {
      if (method === "DELETE") counters.reset();
      sendJson(res, 200, counters.snapshot());
      return;
    }

    // imageio's data path: binary bodies, authorised by the transfer's ticket in the URL.
    if (path.startsWith(IMAGEIO_PREFIX)) {
      counters.add(`${method} ${IMAGEIO_PREFIX}{ticket}`);
      await handleImageio(engine, req, res, path);
      deps.log?.(`${method} ${IMAGEIO_PREFIX}… ${res.statusCode} ${Date.now() - started}ms`);
      return;
    }

    const body = await readBody(req);
    if (faults.latencyMs && faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (faults.errorRate && Math.random() < faults.errorRate) {
      counters.add(`${method} 503`);
      sendErrorPage(res, 503, "Service Unavailable");
      return;
    }
    const drop = faults.dropRate !== undefined && faults.dropRate > 0 && Math.random() < faults.dropRate;

    let routeKey = `${method} ${path}`;
    const finish = (): void => {
      counters.add(routeKey);
      // The path only: queries may carry search terms, bodies may carry passwords.
      deps.log?.(`${method} ${path} ${res.statusCode} ${Date.now() - started}ms`);
    };
    const reply = await dispatch(req, url, method, path, body, (key) => (routeKey = key));
    if (drop) {
      // Processed, then the answer is lost: the client cannot know whether it happened.
      counters.add(`${method} dropped`);
      req.socket.destroy();
      return;
    }
    reply(res);
    finish();
  }

  type Writer = (res: ServerResponse) => void;

  async function dispatch(
    req: IncomingMessage, url: URL, method: string, path: string, body: string, setKey: (k: string) => void,
  ): Promise<Writer> {
    const query = url.searchParams;
    if (path === "/ovirt-engine/services/pki-resource") {
      if (query.get("resource") === "ca-certificate" && (query.get("format") ?? "X509-PEM-CA") === "X509-PEM-CA") {
        return (res) => {
          res.writeHead(200, { "Content-Type": "application/x-x509-ca-cert", "Content-Length": Buffer.byteLength(engine.caPem) });
          res.end(engine.caPem);
        };
      }
      return (res) => sendErrorPage(res, 400, "Unsupported resource or format");
    }
    if (path === "/ovirt-engine/sso/oauth/token" || path === "/ovirt-engine/services/sso-logout") {
      const form = new URLSearchParams(method === "POST" ? body : url.search);
      const answer = path.endsWith("token") ? tokenEndpoint(engine, form) : logoutEndpoint(engine, form);
      return (res) => sendJson(res, answer.status, answer.json);
    }
    if (path === GRANTS) return grants(req, method, body);
    if (path !== API && !path.startsWith(`${API}/`)) {
      return (res) => sendErrorPage(res, 404, "Not Found");
    }

    // Version: in the path (hrefs then keep /v4) or in the Version header.
    let rest = path.slice(API.length);
    let prefix = API;
    const versioned = /^\/v(\d+)(?=\/|$)/.exec(rest);
    if (versioned) {
      if (versioned[1] !== "4") return (res) => sendErrorPage(res, 400, `Version ${versioned[1]} is not supported`);
      prefix = `${API}/v4`;
      rest = rest.slice(versioned[0].length);
    }
    const versionHeader = req.headers.version;
    if (typeof versionHeader === "string" && versionHeader.trim() !== "" && versionHeader.trim() !== "4") {
      return (res) => sendErrorPage(res, 400, `Version ${versionHeader} is not supported`);
    }
    if (rest === "/") rest = "";

    const auth = authenticate(engine, req.headers);
    if (!auth) {
      setKey(`${method} ${API}${rest === "" ? "" : "/…"} 401`);
      return (res) => sendErrorPage(res, 401, "Unauthorized", { "WWW-Authenticate": 'Basic realm="RESTAPI"' });
    }
    const { format, inFormat } = negotiate(req, query);
    const match = matchRoute(method, rest);
    if (match === undefined || match === "method") {
      setKey(`${method} ${API}(unmatched)`);
      return (res) => {
        res.writeHead(match === "method" ? 405 : 404, { "Content-Length": 0 });
        res.end();
      };
    }
    setKey(`${method} ${API}${match.route.pattern}`);
    const expect = `${String(req.headers.expect ?? "")} ${String(req.headers["x-ovirt-expect"] ?? "")}`.toLowerCase();
    const ctx: Ctx = {
      engine,
      method,
      prefix,
      params: match.params,
      query,
      headers: req.headers,
      format,
      inFormat,
      body,
      user: auth.user,
      token: auth.token,
      filter: queryFlag(query, "filter") || headerFlag(req.headers, "filter"),
      allContent: queryFlag(query, "all_content") || headerFlag(req.headers, "all-content"),
      blocking: expect.includes("201-created"),
      host: req.headers.host ?? "127.0.0.1",
    };
    let reply: Reply;
    try {
      reply = await withFollowed(ctx, await match.route.handler(ctx));
    } catch (err) {
      reply = faultReply(err);
    }
    const cookie = auth.newSession ? `JSESSIONID=${auth.newSession}; Path=/ovirt-engine/api; Secure; HttpOnly` : undefined;
    return (res) => writeReply(res, reply, format, cookie);
  }

  /** Emulator-only: grant a non-admin user VMs or pools by name (admin credentials required). */
  async function grants(req: IncomingMessage, method: string, body: string): Promise<Writer> {
    const auth = authenticate(engine, req.headers);
    if (!auth || !auth.user.admin) {
      return (res) => sendErrorPage(res, 401, "Unauthorized", { "WWW-Authenticate": 'Basic realm="RESTAPI"' });
    }
    if (method !== "POST" && method !== "DELETE") return (res) => sendJson(res, 405, { error: "use POST or DELETE" });
    let parsed: { user?: string; vms?: string[]; pools?: string[] };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return (res) => sendJson(res, 400, { error: "the body must be JSON: {\"user\": \"name@profile\", \"vms\": [...], \"pools\": [...]}" });
    }
    if (!parsed.user || !engine.users.has(parsed.user)) {
      return (res) => sendJson(res, 400, { error: `unknown user ${JSON.stringify(parsed.user ?? "")}` });
    }
    const user = parsed.user;
    const apply = (kind: "vm" | "pool", name: string): void => {
      if (method === "POST") engine.acl.grantByName(user, kind, name);
      else engine.acl.revokeByName(user, kind, name);
    };
    engine.store.tx(() => {
      for (const name of parsed.vms ?? []) apply("vm", name);
      for (const name of parsed.pools ?? []) apply("pool", name);
    });
    const g = engine.acl.userGrantNames(user);
    return (res) => sendJson(res, 200, { user, vms: g.vms, pools: g.pools });
  }

  const server = https.createServer({ cert: deps.tls.cert, key: deps.tls.key }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      deps.log?.(`internal error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendErrorPage(res, 500, "Internal Server Error");
      else res.destroy();
    });
  });
  // `Expect: 201-created` is not 100-continue: without this listener node would answer 417.
  server.on("checkExpectation", (req: IncomingMessage, res: ServerResponse) => server.emit("request", req, res));
  server.keepAliveTimeout = 30_000;
  return server;
}

function faultReply(err: unknown): Reply {
  if (err instanceof EngineFault) {
    if (err.emptyBody) return { status: err.status };
    return { status: err.status, root: "fault", node: { reason: err.reason, detail: err.detail } };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { status: 500, root: "fault", node: { reason: "Operation Failed", detail: `[Internal Engine Error: ${message}]` } };
}

function writeReply(res: ServerResponse, reply: Reply, format: Format, cookie?: string): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
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
}
