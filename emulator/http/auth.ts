// Authentication as the engine does it: the SSO token endpoint (password grant, scope ovirt-app-api),
// Bearer tokens that expire, Basic credentials, the JSESSIONID of `Prefer: persistent-auth`, and the
// SSO logout. Tokens are stored only as SHA-256 hashes.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Engine, UserRecord } from "../engine.ts";

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function issueToken(engine: Engine, user: UserRecord): { token: string; expiresAt: number } {
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  const expiresAt = now + engine.settings.tokenTtlSeconds * 1000;
  engine.store.purgeExpiredTokens(now);
  engine.store.putToken(hashToken(token), user.name, expiresAt);
  return { token, expiresAt };
}

export function checkPassword(engine: Engine, username: string, password: string): UserRecord | undefined {
  const user = engine.users.get(username);
  if (!user || !sameSecret(user.password, password)) return undefined;
  return user;
}

export interface SsoAnswer {
  status: number;
  json: Record<string, string>;
}

/** POST /ovirt-engine/sso/oauth/token with a form body. */
export function tokenEndpoint(engine: Engine, form: URLSearchParams): SsoAnswer {
  const grant = form.get("grant_type");
  const scope = form.get("scope") ?? "";
  const scopes = scope.split(/\s+/).filter(Boolean);
  if (!scopes.includes("ovirt-app-api")) {
    return {
      status: 400,
      json: { error: "invalid_scope", error_description: "The requested scope is not valid: the scope ovirt-app-api is required." },
    };
  }
  if (grant !== "password") {
    return {
      status: 400,
      json: { error_code: "unsupported_grant_type", error: `The grant type '${grant ?? ""}' is not supported.` },
    };
  }
  const username = form.get("username") ?? "";
  const password = form.get("password") ?? "";
  if (!username || !password) {
    return { status: 400, json: { error_code: "invalid_request", error: "The username or password is missing." } };
  }
  const user = checkPassword(engine, username, password);
  if (!user) {
    return {
      status: 400,
      json: { error_code: "access_denied", error: `Cannot authenticate user '${username}': The username or password is incorrect..` },
    };
  }
  const { token, expiresAt } = issueToken(engine, user);
  return { status: 200, json: { access_token: token, token_type: "bearer", scope, exp: String(expiresAt) } };
}

/** POST /ovirt-engine/services/sso-logout: revokes the token; always answers JSON. */
export function logoutEndpoint(engine: Engine, form: URLSearchParams): SsoAnswer {
  const token = form.get("token");
  if (token) engine.store.deleteToken(hashToken(token));
  return { status: 200, json: {} };
}

function cookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

export interface Authenticated {
  user: UserRecord;
  /** The bearer token the caller used, if any (the .vv file carries the caller's token). */
  token?: string;
  /** A new persistent session to hand back as JSESSIONID. */
  newSession?: string;
}

function userForToken(engine: Engine, token: string): UserRecord | undefined {
  const row = engine.store.getToken(hashToken(token));
  if (!row) return undefined;
  if (row.expiresAt <= Date.now()) {
    engine.store.deleteToken(hashToken(token));
    return undefined;
  }
  return engine.users.get(row.user);
}

/** Undefined means 401. */
export function authenticate(engine: Engine, headers: IncomingHttpHeaders): Authenticated | undefined {
  const header = headers.authorization ?? "";
  const [scheme, value = ""] = header.split(/\s+/, 2);
  if (scheme?.toLowerCase() === "bearer" && value) {
    const user = userForToken(engine, value);
    return user ? { user, token: value } : undefined;
  }
  if (scheme?.toLowerCase() === "basic" && value) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return undefined;
    const user = checkPassword(engine, decoded.slice(0, colon), decoded.slice(colon + 1));
    if (!user) return undefined;
    const prefer = String(headers.prefer ?? "").toLowerCase();
    if (prefer.includes("persistent-auth")) {
      const { token } = issueToken(engine, user);
      return { user, token, newSession: token };
    }
    return { user };
  }
  const session = cookie(headers, "JSESSIONID");
  if (session) {
    const user = userForToken(engine, session);
    return user ? { user, token: session } : undefined;
  }
  return undefined;
}
