// Engine faults become EngineErrors whose message quotes the engine's reason and detail; transport
// failures say what to check.

import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isLockedConflict } from "../../provider/engine/index.ts";
import { API, ENGINE, PASSWORD, fault, makeClient, netError, setupNock, ssoLogin, teardownNock, vmXml, xmlHeaders } from "./helpers.ts";
import { caught } from "./support.ts";

const VM_ID = "11111111-1111-1111-1111-111111111111";

describe("engine faults", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  const cases: { name: string; status: number; reason: string; detail?: string; message: string }[] = [
    {
      name: "duplicate VM name",
      status: 409,
      reason: "Operation Failed",
      detail: "[Cannot add VM. The VM name is already in use, please choose a unique name and try again.]",
      message: "engine refused (409): Operation Failed: [Cannot add VM. The VM name is already in use, please choose a unique name and try again.]",
    },
    {
      name: "missing mandatory field",
      status: 400,
      reason: "Incomplete parameters",
      detail: "Vm [cluster.id|name] required for add",
      message: "engine refused (400): Incomplete parameters: Vm [cluster.id|name] required for add",
    },
    {
      name: "smartcard on a high-performance VM without USB",
      status: 400,
      reason: "Operation Failed",
      detail: "[Cannot add VM. Enabling Smartcard device while USB is disabled for High Performance VM type is not supported.]",
      message:
        "engine refused (400): Operation Failed: [Cannot add VM. Enabling Smartcard device while USB is disabled for High Performance VM type is not supported.]",
    },
    {
      name: "cluster name not found in the body",
      status: 404,
      reason: "Operation Failed",
      detail: "Entity not found: Cluster: name=Nope",
      message: "engine refused (404): Operation Failed: Entity not found: Cluster: name=Nope",
    },
    {
      name: "unparsable request",
      status: 400,
      reason: "Request syntactically incorrect.",
      detail: "For correct usage, see: https://engine.test/ovirt-engine/apidoc#services/vms/methods/add",
      message:
        "engine refused (400): Request syntactically incorrect.: For correct usage, see: https://engine.test/ovirt-engine/apidoc#services/vms/methods/add",
    },
    {
      name: "fault with a reason only",
      status: 403,
      reason: "Forbidden",
      message: "engine refused (403): Forbidden",
    },
  ];

  for (const c of cases) {
    it(`maps ${c.name} (${c.status}) with the engine's exact text`, async () => {
      const { client } = makeClient();
      ssoLogin();
      const nameInUse = /name is already in use/.test(c.detail ?? "");
      nock(ENGINE).post(`${API}/vms`).reply(c.status, fault(c.reason, c.detail), xmlHeaders);
      // A name in use is looked up: an entity this resource made would be adopted.
      if (nameInUse) nock(ENGINE).get(`${API}/vms`).query({ search: "name=desk-1" }).reply(200, "<vms/>", xmlHeaders);
      const err = await caught(client.createVm({ name: "desk-1", cluster: { name: "Default" }, template: { name: "Blank" } }));
      if (nameInUse) expect(err.message).toContain(c.message);
      else expect(err.message).toBe(c.message);
      expect(err.status).toBe(c.status);
      expect(err.reason).toBe(c.reason);
      expect(err.detail).toBe(c.detail);
      expect(err.kind).toBe(nameInUse ? "conflict" : "fault");
    });
  }

  it("a locked VM is recognised as a locked conflict", async () => {
    const { client } = makeClient({ retry: { attempts: 1 } });
    ssoLogin();
    nock(ENGINE)
      .put(`${API}/vms/${VM_ID}`)
      .reply(409, fault("Operation Failed", "[Cannot edit VM: VM is locked. Please try again in a few minutes.]"), xmlHeaders);
    const err = await caught(client.updateVm(VM_ID, { description: "x" }));
    expect(err.message).toBe("engine refused (409): Operation Failed: [Cannot edit VM: VM is locked. Please try again in a few minutes.]");
    expect(isLockedConflict(err)).toBe(true);
  });

  it("a JSON fault body is read too", async () => {
    const { client } = makeClient({ retry: { attempts: 1 } });
    ssoLogin();
    nock(ENGINE)
      .delete(`${API}/templates/t1`)
      .reply(409, { reason: "Operation Failed", detail: "[Cannot delete Template. Template is being used by the following VMs: desk-1.]" });
    const err = await caught(client.deleteTemplate("t1"));
    expect(err.message).toBe(
      "engine refused (409): Operation Failed: [Cannot delete Template. Template is being used by the following VMs: desk-1.]",
    );
  });

  it("an HTML error page falls back to the status text", async () => {
    const { client } = makeClient({ retry: { attempts: 1 } });
    ssoLogin();
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).reply(500, "<html><body><h1>Internal Server Error</h1></body></html>", { "Content-Type": "text/html" });
    const err = await caught(client.getVm(VM_ID));
    expect(err.status).toBe(500);
    expect(err.message).toMatch(/^engine refused \(500\): /);
    expect(err.reason).toBeUndefined();
  });

  it("404 with an empty body in get* calls is undefined, not an error", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms/${VM_ID}`).reply(404, "")
      .get(`${API}/templates/t1`).reply(404, "")
      .get(`${API}/vmpools/p1`).reply(404, "");
    expect(await client.getVm(VM_ID)).toBeUndefined();
    expect(await client.getTemplate("t1")).toBeUndefined();
    expect(await client.getPool("p1")).toBeUndefined();
  });

  it("deleting something already gone succeeds quietly", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE).delete(`${API}/vms/${VM_ID}`).reply(404, "");
    await expect(client.deleteVm(VM_ID)).resolves.toBeUndefined();
  });

  it("a cluster that does not exist is a clear error naming what was looked for", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/clusters`).query({ search: "name=Prod" }).reply(200, "<clusters/>", xmlHeaders)
      .get(`${API}/clusters/22222222-2222-2222-2222-222222222222`).reply(404, "");
    const byName = await caught(client.resolveCluster("Prod"));
    expect(byName.message).toBe('cluster "Prod" not found: the engine has no cluster with that name (clusters are matched by exact name or by id)');
    const byId = await caught(client.resolveCluster("22222222-2222-2222-2222-222222222222"));
    expect(byId.message).toBe('cluster "22222222-2222-2222-2222-222222222222" not found: the engine has no cluster with that id');
  });

  it("a template that does not exist names the template", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE).get(`${API}/templates`).query({ search: "name=golden" }).reply(200, "<templates/>", xmlHeaders);
    const err = await caught(client.resolveTemplate("golden"));
    expect(err.message).toContain('template "golden" not found');
  });
});

describe("transport failures", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("connection refused says to check the engine URL", async () => {
    const { client } = makeClient();
    nock(ENGINE).post("/ovirt-engine/sso/oauth/token").replyWithError(netError("ECONNREFUSED", "connect ECONNREFUSED 10.0.0.1:443"));
    const err = await caught(client.ping());
    expect(err.kind).toBe("transport");
    expect(err.code).toBe("ECONNREFUSED");
    expect(err.message).toBe(
      "cannot reach the engine at https://engine.test for POST /ovirt-engine/sso/oauth/token (ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:443): " +
        "nothing listens there: check the engine URL (host and port) and that the engine is running",
    );
    expect(err.message).not.toContain(PASSWORD);
  });

  it("an unverifiable certificate names caFile and insecure", async () => {
    const { client } = makeClient();
    nock(ENGINE).post("/ovirt-engine/sso/oauth/token").replyWithError(netError("SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain"));
    const err = await caught(client.ping());
    expect(err.kind).toBe("tls");
    expect(err.message).toMatch(/^TLS verification of https:\/\/engine\.test failed \(SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain\): set the CA file/);
    expect(err.message).toContain("turning TLS verification off (insecure)");
  });

  it("a wrong caFile is named in the TLS message", async () => {
    const { client } = makeClient({ caFile: undefined });
    // The hint differs when a caFile was given; exercised through transportError directly.
    const { transportError } = await import("../../provider/engine/errors.ts");
    const err = transportError(
      { code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", message: "unable to verify the first certificate" },
      { method: "GET", path: "/ovirt-engine/api", base: ENGINE, timeoutMs: 1000, caFile: "/etc/ca.pem" },
    );
    expect(err.message).toContain("check that the CA file (/etc/ca.pem) holds the CA that signed the engine's certificate");
    client.close?.();
  });

  it("a request that takes too long is a timeout naming the call", async () => {
    // The timeout applies to the login too: 300 ms leaves it room on a loaded machine (50 ms did not).
    const { client } = makeClient({ requestTimeoutMs: 300, retry: { attempts: 1 } });
    ssoLogin();
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).delay(3000).reply(200, vmXml(), xmlHeaders);
    const err = await caught(client.getVm(VM_ID));
    expect(err.kind).toBe("timeout");
    expect(err.message).toBe(
      `engine at https://engine.test did not answer GET ${API}/vms/${VM_ID} within 300 ms (request timeout); check that the engine is reachable and not overloaded`,
    );
  });
});
