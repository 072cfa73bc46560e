// One authenticated request, and the check that the URL is an engine: the lowest layer of the
// session. Each failure keeps its own class: an SSO refusal is `auth`, a certificate `tls`, a
// dropped connection `transport`, and only the answer to the request itself is its `fault`.

import type { SsoSession } from "./auth.ts";
import { EngineError, faultError, isEngineError } from "./errors.ts";
import type { HttpRequest, HttpResponse, HttpTransport } from "./http.ts";
import { faultFromXml, versionFromXml } from "./model.ts";
import { withRetry, type RetryHooks, type RetryPolicy } from "./retry.ts";
import { parseXml, type XmlObject } from "./xml.ts";

export interface CallOptions {
  /** Safe to repeat: retried on transient failures. */
  idempotent?: boolean;
}

export interface Requests {
  /** One authenticated exchange: on 401, exactly one fresh login and one retry; a status ≥ 300 throws. */
  exchange(req: HttpRequest): Promise<HttpResponse>;
  /** The engine's version, read once per client before any other call (a failed check is not remembered). */
  verifyEngine(): Promise<string>;
  /** An exchange after the engine check; retried when `idempotent`. */
  call(req: HttpRequest, opts?: CallOptions): Promise<HttpResponse>;
}

export const requestContext = (req: HttpRequest) => `${req.method} ${req.path}`;

/**
 * Whether `err` is the engine's own `status` answer to the request `method path`, and not a
 * failure on the way to it (a login, the engine check, a certificate, the network). Fallbacks for
 * what an engine may not support apply to this alone.
 */
export function isOwnRefusal(err: unknown, status: number, method: HttpRequest["method"], path: string): boolean {
  return isEngineError(err) && err.kind === "fault" && err.status === status && err.method === method && err.path === path;
}

function isHtml(res: HttpResponse): boolean {
  return (res.headers["content-type"] ?? "").includes("text/html") || /^\s*<(!doctype html|html)/i.test(res.body);
}

const URL_HINT = "set it to the engine's API root, e.g. https://engine.example.com/ovirt-engine/api";

/**
 * An answer no engine API gives: a redirect, or an HTML page where the engine sends a `<fault>`
 * or nothing (a web server's 404, a login portal). The URL points somewhere else.
 */
function notEngineAnswer(res: HttpResponse, req: HttpRequest, apiUrl: string): EngineError | undefined {
  const redirect = res.status >= 300 && res.status < 400;
  if (!redirect && !(res.status === 404 && isHtml(res))) return undefined;
  const what = redirect ? `a redirect (${res.status}) to ${res.headers.location ?? "elsewhere"}` : `a web page (${res.status} ${res.statusText}), not the engine's answer`;
  return new EngineError(
    `${req.method} ${req.path} got ${what}: the engine URL (${apiUrl}) does not point at an oVirt engine API; ${URL_HINT}`,
    { kind: "not_engine", status: res.status, method: req.method, path: req.path, settings: ["url"] },
  );
}

/** The engine's reason and detail from a `<fault>` or a JSON fault; nothing from an HTML page. */
function faultText(body: string, context: string): { reason?: string; detail?: string } {
  const text = body.trim();
  try {
    if (text.startsWith("<")) return faultFromXml(parseXml(text, context));
    if (text.startsWith("{")) {
      const j = JSON.parse(text) as { reason?: unknown; detail?: unknown };
      return { reason: typeof j.reason === "string" ? j.reason : undefined, detail: typeof j.detail === "string" ? j.detail : undefined };
    }
  } catch {
    // An error page or broken JSON: the status text says what there is to say.
  }
  return {};
}

function faultFromResponse(res: HttpResponse, req: HttpRequest, apiUrl: string): EngineError {
  const notEngine = notEngineAnswer(res, req, apiUrl);
  if (notEngine) return notEngine;
  const { reason, detail } = faultText(res.body, requestContext(req));
  return faultError(res.status, { reason, detail, statusText: res.statusText, method: req.method, path: req.path });
}

function notAnEngine(apiUrl: string, why: string, cause?: unknown): EngineError {
  return new EngineError(`the engine URL (${apiUrl}) is not an oVirt engine API root: ${why}; ${URL_HINT}`, { kind: "not_engine", cause, settings: ["url"] });
}

export function createRequests(http: HttpTransport, sso: SsoSession, username: string, policy: RetryPolicy, hooks: RetryHooks): Requests {
  async function exchange(req: HttpRequest): Promise<HttpResponse> {
    const withToken = (token: string): HttpRequest => ({ ...req, headers: { ...req.headers, Authorization: `Bearer ${token}` } });
    const token = await sso.currentToken();
    let res = await http.send(withToken(token));
    if (res.status === 401) {
      sso.invalidate(token);
      res = await http.send(withToken(await sso.currentToken()));
      if (res.status === 401) {
        throw new EngineError(
          `engine refused (401): it rejected a freshly issued SSO token for ${username} on ${req.method} ${req.path}; ` +
            "check that this user may use the REST API",
          { kind: "auth", status: 401, method: req.method, path: req.path, settings: ["username"] },
        );
      }
    }
    if (res.status >= 300) throw faultFromResponse(res, req, http.apiUrl);
    return res;
  }

  /**
   * Only an API root with the engine's product information proves that the engine URL is an engine,
   * so that its 404s mean "no such entity".
   */
  async function readApiRoot(): Promise<string> {
    const req: HttpRequest = { method: "GET", path: "" };
    let doc: XmlObject;
    try {
      doc = parseXml((await exchange(req)).body, requestContext(req));
    } catch (err) {
      if (isEngineError(err) && (err.kind === "malformed" || (err.kind === "fault" && err.status !== undefined && err.status < 500))) {
        throw notAnEngine(http.apiUrl, `it answered ${err.message}`, err);
      }
      throw err;
    }
    const api = doc.api;
    if (api === null || typeof api !== "object" || (api as XmlObject).product_info === undefined) {
      throw notAnEngine(http.apiUrl, `its answer has no <api> root with <product_info> (root elements: ${Object.keys(doc).join(", ") || "none"})`);
    }
    return versionFromXml(api, requestContext(req));
  }

  let verified: Promise<string> | undefined;
  function verifyEngine(): Promise<string> {
    verified ??= withRetry(policy, () => readApiRoot(), hooks);
    verified.catch(() => (verified = undefined));
    return verified;
  }

  async function call(req: HttpRequest, opts: CallOptions = {}): Promise<HttpResponse> {
    await verifyEngine();
    if (!opts.idempotent) return exchange(req);
    return withRetry(policy, () => exchange(req), hooks);
  }

  return { exchange, verifyEngine, call };
}
