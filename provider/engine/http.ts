// The HTTP layer: one axios instance per client, TLS set up once, and one log line per request.
// It knows nothing about the engine's model; it sends text and hands back status, headers and text.

import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import axios from "axios";
import type { AxiosInstance } from "axios";
import { EngineError, transportError } from "./errors.ts";
import type { EngineConfig } from "./types.ts";

export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Relative to the API root ("/vms/1"), or an absolute URL (the SSO endpoint). */
  path: string;
  query?: Record<string, string | undefined>;
  body?: string;
  headers?: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

export interface HttpTransport {
  send(req: HttpRequest): Promise<HttpResponse>;
  /** The API root with no trailing slash, e.g. https://engine/ovirt-engine/api. */
  readonly apiUrl: string;
  /** scheme://host:port, for messages. */
  readonly origin: string;
  readonly timeoutMs: number;
  readonly axios: AxiosInstance;
  readonly httpsAgent: https.Agent;
  /** Closes kept-alive sockets. */
  close(): void;
}

const CA_HINT = "download it from https://<engine>/ovirt-engine/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA";

/**
 * The TLS options the client uses: the CA from `caFile` (read once, replacing the system store) or
 * the system store, and verification always on unless `insecure` is asked for explicitly.
 */
export function tlsAgentOptions(
  config: Pick<EngineConfig, "caFile" | "insecure">,
  readFile: (path: string) => Buffer = (p) => readFileSync(p),
): https.AgentOptions {
  const options: https.AgentOptions = { keepAlive: true, rejectUnauthorized: config.insecure !== true };
  if (config.caFile !== undefined && config.caFile !== "") {
    let pem: Buffer;
    try {
      pem = readFile(config.caFile);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "error";
      throw new EngineError(`cannot read the CA file "${config.caFile}" (${code}): check the path; ${CA_HINT}`, {
        kind: "config",
        code,
        cause: err,
        settings: ["caFile"],
      });
    }
    if (!pem.toString("utf8").includes("-----BEGIN CERTIFICATE-----")) {
      throw new EngineError(`the CA file "${config.caFile}" holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" line); ${CA_HINT}`, {
        kind: "config",
        settings: ["caFile"],
      });
    }
    options.ca = pem;
  }
  return options;
}

/** Parses and normalises the API URL; a clear error when it is not an http(s) URL. */
export function normaliseApiUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EngineError(`the engine URL "${url}" is not a URL; expected something like https://engine.example.com/ovirt-engine/api`, {
      kind: "config",
      settings: ["url"],
    });
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new EngineError(`the engine URL "${url}" must start with https:// (the engine's API root, e.g. https://engine/ovirt-engine/api)`, {
      kind: "config",
      settings: ["url"],
    });
  }
  parsed.pathname = parsed.pathname.replace(/\/+$/, "");
  parsed.search = "";
  parsed.hash = "";
  return parsed;
}

/** Query strings are built here so spaces become %20 and the log shows exactly what was sent. */
export function buildQuery(query: Record<string, string | undefined> | undefined): string {
  if (!query) return "";
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

export function createHttpTransport(config: EngineConfig): HttpTransport {
  const api = normaliseApiUrl(config.url);
  const apiUrl = api.toString().replace(/\/+$/, "");
  const origin = api.origin;
  const timeoutMs = config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const httpsAgent = new https.Agent(tlsAgentOptions(config));
  const httpAgent = new http.Agent({ keepAlive: true });

  const instance = axios.create({
    // The node http adapter: nock intercepts it in tests, and it honours httpsAgent.
    adapter: "http",
    timeout: timeoutMs,
    httpsAgent,
    httpAgent,
    maxRedirects: 0,
    proxy: false,
    responseType: "text",
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    headers: { Version: "4", Accept: "application/xml", "Content-Type": "application/xml" },
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
  });

  const log = config.log;

  async function send(req: HttpRequest): Promise<HttpResponse> {
    const absolute = /^https?:\/\//i.test(req.path);
    const relative = req.path === "" || req.path === "/" ? "" : req.path.startsWith("/") ? req.path : `/${req.path}`;
    const url = (absolute ? req.path : `${apiUrl}${relative}`) + buildQuery(req.query);
    // Only the path and query are logged: never headers (Authorization) nor bodies (passwords, tickets, .vv files).
    const logPath = new URL(url).pathname + buildQuery(req.query);
    const started = performance.now();
    try {
      const res = await instance.request<string>({
        method: req.method,
        url,
        data: req.body,
        headers: req.headers,
      });
      log?.(`${req.method} ${logPath} ${res.status} ${Math.round(performance.now() - started)}ms`);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers ?? {})) {
        if (v !== undefined && v !== null) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v);
      }
      return { status: res.status, statusText: res.statusText ?? "", headers, body: typeof res.data === "string" ? res.data : "" };
    } catch (err) {
      const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
      // axios wraps some socket errors; the useful code may sit on the cause.
      const code = e.cause?.code && e.code === "ERR_BAD_RESPONSE" ? e.cause.code : (e.code ?? e.cause?.code);
      log?.(`${req.method} ${logPath} ERR ${code ?? "error"} ${Math.round(performance.now() - started)}ms`);
      throw transportError(
        { code, message: e.message },
        { method: req.method, path: logPath, base: origin, timeoutMs, caFile: config.caFile },
      );
    }
  }

  const close = () => {
    httpsAgent.destroy();
    httpAgent.destroy();
  };
  return { send, apiUrl, origin, timeoutMs, axios: instance, httpsAgent, close };
}
