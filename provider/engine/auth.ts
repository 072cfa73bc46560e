// SSO token authentication as the engine's own SDKs do it: a password grant against
// /ovirt-engine/sso/oauth/token, then `Authorization: Bearer <token>`. The token lives in memory only.

import { EngineError, faultError } from "./errors.ts";
import type { HttpTransport } from "./http.ts";

/**
 * The SSO token URL next to the API root: https://h/ovirt-engine/api[/v4] → https://h/ovirt-engine/sso/oauth/token.
 * An API URL without an `/api` segment gets the engine's standard location on the same origin.
 */
export function ssoTokenUrl(apiUrl: string): string {
  const u = new URL(apiUrl);
  const path = u.pathname.replace(/\/+$/, "");
  const at = path.lastIndexOf("/api");
  const prefix = at >= 0 && /^\/api(\/v\d+)?$/.test(path.slice(at)) ? path.slice(0, at) : "/ovirt-engine";
  return `${u.origin}${prefix}/sso/oauth/token`;
}

/** Removes any accidental echo of the password from text meant for people. */
export function scrub(text: string, password: string): string {
  if (password.length < 3) return text;
  return text.split(password).join("***");
}

interface SsoErrorBody {
  error_code?: unknown;
  error?: unknown;
  error_description?: unknown;
}

/** The engine answers failures in two shapes: {error_code, error} (API scope) or {error, error_description}. */
export function ssoErrorText(body: string): { code?: string; message?: string } {
  let json: SsoErrorBody;
  try {
    json = JSON.parse(body) as SsoErrorBody;
  } catch {
    return {};
  }
  if (json === null || typeof json !== "object") return {};
  const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : undefined);
  if (str(json.error_code)) return { code: str(json.error_code), message: str(json.error) };
  return { code: str(json.error), message: str(json.error_description) };
}

export class SsoSession {
  private token: string | undefined;
  private pending: Promise<string> | undefined;
  private readonly http: HttpTransport;
  private readonly username: string;
  private readonly password: string;
  readonly tokenUrl: string;

  constructor(http: HttpTransport, username: string, password: string) {
    this.http = http;
    this.username = username;
    this.password = password;
    this.tokenUrl = ssoTokenUrl(http.apiUrl);
  }

  /** The current token, logging in first if there is none. Concurrent callers share one login. */
  async currentToken(): Promise<string> {
    if (this.token !== undefined) return this.token;
    if (!this.pending) {
      this.pending = this.login().finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  /** Forgets `token` (after a 401) so the next call logs in again; a newer token is kept. */
  invalidate(token: string): void {
    if (this.token === token) this.token = undefined;
  }

  private async login(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: "password",
      scope: "ovirt-app-api",
      username: this.username,
      password: this.password,
    }).toString();
    const res = await this.http.send({
      method: "POST",
      path: this.tokenUrl,
      body: form,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    });
    if (res.status === 200) {
      let token: unknown;
      try {
        token = (JSON.parse(res.body) as { access_token?: unknown }).access_token;
      } catch {
        token = undefined;
      }
      if (typeof token !== "string" || token === "") {
        throw new EngineError(`SSO login at ${this.tokenUrl} answered 200 without an access_token; is the engine URL an oVirt engine?`, {
          kind: "auth",
          status: 200,
          settings: ["url"],
        });
      }
      this.token = token;
      return token;
    }
    if (res.status >= 500) {
      // The SSO service is unavailable: a transient fault that safe calls retry.
      throw faultError(res.status, { statusText: res.statusText || "SSO service unavailable", method: "POST", path: new URL(this.tokenUrl).pathname });
    }
    const { code, message } = ssoErrorText(res.body);
    if (code === undefined && message === undefined) {
      // No SSO service answered (a web server's 404, a redirect, a portal page): the URL is wrong,
      // which must never read as "the entity is gone".
      throw new EngineError(
        `SSO login at ${this.tokenUrl} failed with HTTP ${res.status} ${res.statusText}`.trim() +
          ": no oVirt engine answered there; check that the engine URL is the engine's API root (https://<engine>/ovirt-engine/api)",
        { kind: "not_engine", status: res.status, settings: ["url"] },
      );
    }
    const said = scrub([message, code ? `(${code})` : undefined].filter(Boolean).join(" "), this.password);
    throw new EngineError(
      `SSO login as ${this.username} failed: ${said}; check the user name (user@profile, e.g. admin@internal) and the password`,
      { kind: "auth", status: res.status, settings: ["username", "password"], reason: code, detail: message === undefined ? undefined : scrub(message, this.password) },
    );
  }
}
