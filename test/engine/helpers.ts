// Shared fixtures for the engine client tests: a client against a fake engine host that nock
// intercepts, with a small retry policy so backoff tests stay fast.

import nock from "nock";
import { createEngineClient, type EngineClient, type EngineConfig } from "../../provider/engine/index.ts";

export const ENGINE = "https://engine.test";
export const API = "/ovirt-engine/api";
export const SSO = "/ovirt-engine/sso/oauth/token";
export const PASSWORD = "s3cret-Passw0rd";

export interface TestClient {
  client: EngineClient;
  logs: string[];
}

export function makeClient(overrides: Partial<EngineConfig> = {}): TestClient {
  const logs: string[] = [];
  const client = createEngineClient({
    url: `${ENGINE}${API}`,
    username: "admin@internal",
    password: PASSWORD,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    pollIntervalMs: 5,
    log: (line) => logs.push(line),
    ...overrides,
  });
  return { client, logs };
}

/** The engine's API root with its product information, which the client reads once before other calls. */
export const API_ROOT_XML =
  `<api><product_info><name>oVirt Engine</name><version><full_version>4.5.6</full_version><major>4</major><minor>5</minor></version></product_info></api>`;

/**
 * Answers one SSO login with `token`, and (optionally, since the client reads it once per
 * client) the API root that proves the URL is an engine.
 */
export function ssoLogin(token = "tok-1", scope: nock.Scope = nock(ENGINE)): nock.Scope {
  scope.get(API).optionally().reply(200, API_ROOT_XML, xmlHeaders);
  return scope.post(SSO).reply(200, { access_token: token, token_type: "bearer", exp: "9999999999999" });
}

export const xmlHeaders = { "Content-Type": "application/xml" };

export function fault(reason: string, detail?: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<fault><reason>${reason}</reason>${detail === undefined ? "" : `<detail>${detail}</detail>`}</fault>`;
}

export function vmXml(opts: { id?: string; name?: string; status?: string; extra?: string } = {}): string {
  const id = opts.id ?? "11111111-1111-1111-1111-111111111111";
  return `<vm href="${API}/vms/${id}" id="${id}"><name>${opts.name ?? "desk-1"}</name>` +
    `<memory>1073741824</memory><status>${opts.status ?? "down"}</status>` +
    `<cluster href="${API}/clusters/c1" id="c1"/><template id="00000000-0000-0000-0000-000000000000"/>${opts.extra ?? ""}</vm>`;
}

export function setupNock(): void {
  nock.disableNetConnect();
}

export function teardownNock(): void {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) throw new Error(`unused nock interceptors: ${pending.join(", ")}`);
}

/** A socket-level failure for nock's replyWithError (axios needs a real Error instance). */
export function netError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
