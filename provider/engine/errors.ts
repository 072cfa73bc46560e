// Errors the engine client throws. Every message is meant for a person: it quotes the engine's own
// reason and detail when there is one, or says which setting to check when the connection failed.
// Nothing here ever includes a password, a token or a console ticket.

import type { EngineErrorInfo } from "./types.ts";

/**
 * What went wrong, coarsely:
 * - `fault`: the engine answered with an error status (a `<fault>` or an error page);
 * - `auth`: the SSO login failed, or the engine rejected even a fresh token;
 * - `transport`: no usable answer (refused, reset, DNS, ...);
 * - `tls`: the engine's certificate could not be verified;
 * - `timeout`: no answer within the per-request timeout;
 * - `malformed`: an answer that does not match the engine's model;
 * - `config`: the client configuration itself is unusable (e.g. unreadable caFile);
 * - `not_found`: a name or id that was looked up does not exist;
 * - `wait_timeout`: an asynchronous state was not reached before the deadline;
 * - `wait_cancelled`: the wait was given up because Pulumi cancelled the operation;
 * - `not_engine`: the answer did not come from an oVirt engine (an HTML page, a redirect, an API
 *   root without product information): the engine URL is wrong, and nothing may be read as "gone";
 * - `conflict`: the name is taken by an entity this resource did not create.
 */
export type EngineErrorKind =
  | "fault" | "auth" | "transport" | "tls" | "timeout" | "malformed" | "config" | "not_found" | "wait_timeout"
  | "wait_cancelled" | "not_engine" | "conflict";

/** A provider setting an error points at, named as in schema.json's config (each front end spells it its own way). */
export type EngineSetting = "url" | "username" | "password" | "caFile" | "insecure";

export interface EngineErrorInit extends EngineErrorInfo {
  kind: EngineErrorKind;
  /** The settings to check or fix, for a front end that renders its own hint. */
  settings?: EngineSetting[];
  /** Node's error code for transport failures (ECONNREFUSED, CERT_HAS_EXPIRED, ...). */
  code?: string;
  method?: string;
  path?: string;
  cause?: unknown;
}

export class EngineError extends Error implements EngineErrorInfo {
  readonly kind: EngineErrorKind;
  readonly status?: number;
  readonly reason?: string;
  readonly detail?: string;
  readonly code?: string;
  readonly method?: string;
  readonly path?: string;
  readonly settings?: EngineSetting[];

  constructor(message: string, init: EngineErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "EngineError";
    this.kind = init.kind;
    this.status = init.status;
    this.reason = init.reason;
    this.detail = init.detail;
    this.code = init.code;
    this.method = init.method;
    this.path = init.path;
    this.settings = init.settings;
  }
}

/**
 * A create refused because the name is held by an entity this resource did not make. The fields say
 * which one, so each front end can word its own way to adopt it (its import command).
 */
export class NameTakenError extends EngineError {
  /** The kind of entity, as messages name it: `VM`, `template`, `pool`. */
  readonly entity: string;
  /** The name asked for (`name` and `kind` are taken by Error and EngineError). */
  readonly entityName: string;
  /** The entity that holds the name, when a lookup found it. */
  readonly existingId?: string;

  constructor(message: string, init: EngineErrorInit & { entity: string; entityName: string; existingId?: string }) {
    super(message, init);
    this.name = "NameTakenError";
    this.entity = init.entity;
    this.entityName = init.entityName;
    this.existingId = init.existingId;
  }
}

/** Raised by waits: the entity exists but did not reach the awaited state in time. */
export class WaitTimeoutError extends EngineError {
  readonly entityId: string;
  readonly lastStatus?: string;
  readonly waitedMs: number;

  constructor(message: string, init: { entityId: string; lastStatus?: string; waitedMs: number; cause?: unknown }) {
    super(message, { kind: "wait_timeout", cause: init.cause });
    this.name = "WaitTimeoutError";
    this.entityId = init.entityId;
    this.lastStatus = init.lastStatus;
    this.waitedMs = init.waitedMs;
  }
}

/** A wait given up because the operation was cancelled (Pulumi's Cancel, a Ctrl-C): the entity is left as it is. */
export class WaitCancelledError extends EngineError {
  readonly entityId: string;
  readonly lastStatus?: string;

  constructor(message: string, init: { entityId: string; lastStatus?: string }) {
    super(message, { kind: "wait_cancelled" });
    this.name = "WaitCancelledError";
    this.entityId = init.entityId;
    this.lastStatus = init.lastStatus;
  }
}

/** The message for an engine fault: `engine refused (409): Operation Failed: [detail]`. */
export function faultMessage(status: number, reason?: string, detail?: string, statusText?: string): string {
  const parts = [reason, detail].filter((p): p is string => typeof p === "string" && p.trim() !== "");
  const text = parts.length > 0 ? parts.join(": ") : statusText && statusText.trim() !== "" ? statusText : "no details given";
  return `engine refused (${status}): ${text}`;
}

export function faultError(status: number, info: { reason?: string; detail?: string; statusText?: string; method?: string; path?: string }): EngineError {
  return new EngineError(faultMessage(status, info.reason, info.detail, info.statusText), {
    kind: "fault",
    status,
    reason: info.reason,
    detail: info.detail,
    method: info.method,
    path: info.path,
  });
}

export function isEngineError(err: unknown): err is EngineError {
  return err instanceof EngineError;
}

/**
 * The engine's own answer that an entity does not exist: a 404 fault from the API (whose root was
 * verified to be an engine before any call). A 404 from a login, an HTML error page or a lookup by
 * name is not this: those never make a resource "gone".
 */
export function isNotFound(err: unknown): boolean {
  return err instanceof EngineError && err.kind === "fault" && err.status === 404;
}

/** The engine's refusal of a create because the name is taken (409). */
const NAME_IN_USE_PATTERNS = [/name is already in use/i, /name .* already used/i, /already exists/i];

export function isNameInUse(err: unknown): boolean {
  if (!(err instanceof EngineError) || err.kind !== "fault" || err.status !== 409) return false;
  const text = `${err.reason ?? ""} ${err.detail ?? ""}`;
  return NAME_IN_USE_PATTERNS.some((re) => re.test(text));
}

/** The engine's "try again later" conflicts: the entity is locked by another operation. */
const LOCKED_PATTERNS = [
  /is locked/i,
  /related operation is currently in progress/i,
  /locked \(temporarily\)/i,
  /is being created/i,
];

export function isLockedConflict(err: unknown): boolean {
  if (!(err instanceof EngineError) || err.status !== 409) return false;
  const text = `${err.reason ?? ""} ${err.detail ?? ""}`;
  return LOCKED_PATTERNS.some((re) => re.test(text));
}

/** Node / OpenSSL codes that mean the certificate chain or host name could not be verified. */
const TLS_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
  "CERT_REJECTED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "HOSTNAME_MISMATCH",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);

const TIMEOUT_CODES = new Set(["ECONNABORTED", "ETIMEDOUT"]);

/** Connection failures after which the request may or may not have reached the engine. */
const UNCERTAIN_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ETIMEDOUT", "ERR_SOCKET_CONNECTION_TIMEOUT", "ESOCKETTIMEDOUT"]);

export function isTlsCode(code: string | undefined): boolean {
  return code !== undefined && (TLS_CODES.has(code) || code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_"));
}

/**
 * Turns a failure below HTTP (no status) into an EngineError that says what to check.
 * `base` is the engine's origin (scheme://host:port), never a path with secrets.
 */
export function transportError(
  err: { code?: string; message?: string },
  ctx: { method: string; path: string; base: string; timeoutMs: number; caFile?: string },
): EngineError {
  const code = err.code;
  const what = `${ctx.method} ${ctx.path}`;
  if (isTlsCode(code)) {
    const caHint = ctx.caFile
      ? `check that the CA file (${ctx.caFile}) holds the CA that signed the engine's certificate and that the URL's host name matches the certificate`
      : "set the CA file to the engine's CA (download it from /ovirt-engine/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA)";
    return new EngineError(
      `TLS verification of ${ctx.base} failed (${code}: ${err.message ?? "certificate rejected"}): ${caHint}; ` +
        "turning TLS verification off (insecure) skips it and is only for test engines",
      { kind: "tls", code, method: ctx.method, path: ctx.path, cause: err, settings: ["caFile", "url", "insecure"] },
    );
  }
  if (code !== undefined && TIMEOUT_CODES.has(code) && /timeout/i.test(err.message ?? "")) {
    return new EngineError(
      `engine at ${ctx.base} did not answer ${what} within ${ctx.timeoutMs} ms (request timeout); ` +
        "check that the engine is reachable and not overloaded",
      { kind: "timeout", code, method: ctx.method, path: ctx.path, cause: err },
    );
  }
  const hint =
    code === "ECONNREFUSED"
      ? "nothing listens there: check the engine URL (host and port) and that the engine is running"
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? "the host name does not resolve: check the engine URL"
        : code === "ECONNRESET" || code === "EPIPE"
          ? "the connection was dropped by the engine or a proxy"
          : "check the engine URL and the network path to the engine";
  return new EngineError(`cannot reach the engine at ${ctx.base} for ${what} (${code ?? "error"}: ${err.message ?? "unknown"}): ${hint}`, {
    kind: "transport",
    settings: ["url"],
    code,
    method: ctx.method,
    path: ctx.path,
    cause: err,
  });
}

/**
 * True when the request may have reached the engine and been acted on: a dropped connection, a
 * timeout, or a 5xx. After such a failure a create must look before it tries again.
 */
export function isUncertainFailure(err: unknown): boolean {
  if (!(err instanceof EngineError)) return false;
  if (err.kind === "timeout") return true;
  if (err.kind === "transport") return err.code !== undefined && UNCERTAIN_CODES.has(err.code);
  return err.kind === "fault" && err.status !== undefined && err.status >= 500;
}

/** Failures worth another attempt for an idempotent call. */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof EngineError)) return false;
  if (isLockedConflict(err)) return true;
  if (err.kind === "fault") return err.status !== undefined && err.status >= 500;
  return err.kind === "timeout" || (err.kind === "transport" && err.code !== undefined && UNCERTAIN_CODES.has(err.code));
}
