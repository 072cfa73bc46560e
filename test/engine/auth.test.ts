// SSO login, Bearer tokens, and exactly one re-login on 401.

import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ssoErrorText, ssoTokenUrl } from "../../provider/engine/auth.ts";
import { EngineError } from "../../provider/engine/index.ts";
import { API, ENGINE, PASSWORD, SSO, makeClient, setupNock, ssoLogin, teardownNock, vmXml, xmlHeaders } from "./helpers.ts";

const VM_ID = "11111111-1111-1111-1111-111111111111";
const apiXml = "<api><product_info><name>oVirt Engine</name><version><build>7</build><full_version>4.5.7-1.el9</full_version><major>4</major><minor>5</minor></version></product_info></api>";

describe("SSO URL", () => {
  it("is derived from the API URL", () => {
    expect(ssoTokenUrl("https://e.example/ovirt-engine/api")).toBe("https://e.example/ovirt-engine/sso/oauth/token");
    expect(ssoTokenUrl("https://e.example:8443/ovirt-engine/api/v4")).toBe("https://e.example:8443/ovirt-engine/sso/oauth/token");
    expect(ssoTokenUrl("https://e.example/custom/ovirt-engine/api/")).toBe("https://e.example/custom/ovirt-engine/sso/oauth/token");
    expect(ssoTokenUrl("https://e.example/")).toBe("https://e.example/ovirt-engine/sso/oauth/token");
  });

  it("reads both SSO error shapes", () => {
    expect(ssoErrorText('{"error_code":"access_denied","error":"Cannot authenticate user."}')).toEqual({ code: "access_denied", message: "Cannot authenticate user." });
    expect(ssoErrorText('{"error":"invalid_grant","error_description":"The provided authorization grant is invalid."}')).toEqual({
      code: "invalid_grant",
      message: "The provided authorization grant is invalid.",
    });
    expect(ssoErrorText("<html/>")).toEqual({});
  });
});

describe("SSO authentication", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("logs in with the password grant and sends Bearer, Version and XML headers", async () => {
    const { client } = makeClient();
    let form: URLSearchParams | undefined;
    nock(ENGINE)
      .post(SSO, (body) => {
        form = new URLSearchParams(typeof body === "string" ? body : new URLSearchParams(body as Record<string, string>).toString());
        return true;
      })
      .matchHeader("content-type", "application/x-www-form-urlencoded")
      .matchHeader("accept", "application/json")
      .reply(200, { access_token: "tok-1", token_type: "bearer", exp: "1" });
    nock(ENGINE)
      .get(API)
      .matchHeader("authorization", "Bearer tok-1")
      .matchHeader("version", "4")
      .matchHeader("accept", "application/xml")
      .reply(200, apiXml, xmlHeaders);
    expect(await client.ping()).toEqual({ version: "4.5.7-1.el9" });
    expect(form?.get("grant_type")).toBe("password");
    expect(form?.get("scope")).toBe("ovirt-app-api");
    expect(form?.get("username")).toBe("admin@internal");
    expect(form?.get("password")).toBe(PASSWORD);
  });

  it("reuses the token across calls", async () => {
    const { client } = makeClient();
    ssoLogin("tok-1");
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).times(2).matchHeader("authorization", "Bearer tok-1").reply(200, vmXml(), xmlHeaders);
    await client.getVm(VM_ID);
    await client.getVm(VM_ID);
  });

  it("concurrent first calls share one login", async () => {
    const { client } = makeClient();
    ssoLogin("tok-1");
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).times(3).reply(200, vmXml(), xmlHeaders);
    await Promise.all([client.getVm(VM_ID), client.getVm(VM_ID), client.getVm(VM_ID)]);
  });

  it("on 401 logs in once more and retries the call with the new token", async () => {
    const { client } = makeClient();
    ssoLogin("tok-1");
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).matchHeader("authorization", "Bearer tok-1").reply(200, vmXml(), xmlHeaders);
    nock(ENGINE)
      .get(`${API}/vms/${VM_ID}`)
      .matchHeader("authorization", "Bearer tok-1")
      .reply(401, "", { "WWW-Authenticate": 'Basic realm="RESTAPI"' });
    ssoLogin("tok-2");
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).matchHeader("authorization", "Bearer tok-2").reply(200, vmXml({ status: "up" }), xmlHeaders);
    expect((await client.getVm(VM_ID))?.status).toBe("down");
    expect((await client.getVm(VM_ID))?.status).toBe("up");
  });

  it("a second 401 after a fresh login is an error, with no third login", async () => {
    const { client } = makeClient({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    ssoLogin("tok-1");
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).matchHeader("authorization", "Bearer tok-1").reply(401, "");
    ssoLogin("tok-2");
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).matchHeader("authorization", "Bearer tok-2").reply(401, "");
    const err = (await client.getVm(VM_ID).catch((e: unknown) => e)) as EngineError;
    expect(err).toBeInstanceOf(EngineError);
    expect(err.status).toBe(401);
    expect(err.kind).toBe("auth");
    expect(err.message).toBe(
      `engine refused (401): it rejected a freshly issued SSO token for admin@internal on GET /vms/${VM_ID}; check that this user may use the REST API`,
    );
    expect(err.message).not.toContain("tok-");
  });

  it("maps the API-scope SSO error shape without echoing the password", async () => {
    const { client } = makeClient();
    nock(ENGINE)
      .post(SSO)
      .reply(400, {
        error_code: "access_denied",
        error: `Cannot authenticate user 'admin@internal' with password ${PASSWORD}: The username or password is incorrect.`,
      });
    const err = (await client.ping().catch((e: unknown) => e)) as EngineError;
    expect(err.kind).toBe("auth");
    expect(err.status).toBe(400);
    expect(err.reason).toBe("access_denied");
    expect(err.message).toBe(
      "SSO login as admin@internal failed: Cannot authenticate user 'admin@internal' with password ***: The username or password is incorrect. (access_denied); " +
        "check the user name (user@profile, e.g. admin@internal) and the password",
    );
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain(PASSWORD);
  });

  it("maps the generic OAuth error shape", async () => {
    const { client } = makeClient();
    nock(ENGINE).post(SSO).reply(400, { error: "invalid_scope", error_description: "The requested scope is invalid." });
    const err = (await client.ping().catch((e: unknown) => e)) as EngineError;
    expect(err.message).toBe(
      "SSO login as admin@internal failed: The requested scope is invalid. (invalid_scope); check the user name (user@profile, e.g. admin@internal) and the password",
    );
    expect(err.reason).toBe("invalid_scope");
  });

  it("a non-JSON answer from the SSO URL points at the engine URL", async () => {
    const { client } = makeClient();
    nock(ENGINE).post(SSO).reply(404, "<html>Not Found</html>");
    const err = (await client.ping().catch((e: unknown) => e)) as EngineError;
    expect(err.message).toMatch(/^SSO login at https:\/\/engine\.test\/ovirt-engine\/sso\/oauth\/token failed with HTTP 404.*check that the engine URL is the engine's API root/);
  });
});
