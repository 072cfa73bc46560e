// The client reads only what it asked for (#22): a fallback for what an engine may not support
// ("follow not supported": the list's own 400) never swallows a failure on the way to that list
// (a refused login, a certificate, the network), and one entity that does not fit the model is an
// error for reads of that entity only, never for the list that carries it.

import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EngineError } from "../../provider/engine/index.ts";
import { API, ENGINE, SSO, makeClient, netError, setupNock, ssoLogin, teardownNock, vmXml, xmlHeaders } from "./helpers.ts";

const A = "11111111-1111-1111-1111-111111111111";
const B = "22222222-2222-2222-2222-222222222222";
const DEVICES = { follow: "disk_attachments.disk,nics" };
const caught = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a rejection"); }, (e: unknown) => e as EngineError);
/** A VM whose memory no engine would store (10^30 bytes): the model refuses it. */
const hugeMemoryVm = (id: string, name: string) => vmXml({ id, name }).replace("<memory>1073741824</memory>", "<memory>1000000000000000000000000000000</memory>");
const noDevices = "<disk_attachments/><nics/>";

describe("a failure on the way to a list is that failure, never an empty list", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("a wrong password (the login's 400) reads as an SSO failure, not as template \"Blank\" not found", async () => {
    const { client } = makeClient({ snapshots: true });
    nock(ENGINE).post(SSO).reply(400, { error: "access_denied", error_description: "Cannot authenticate user 'admin@internal'." });
    const err = await caught(client.resolveTemplate("Blank"));
    expect(err).toBeInstanceOf(EngineError);
    expect(err.kind).toBe("auth");
    expect(err.message).toContain("SSO login as admin@internal failed");
    expect(err.message).not.toContain("not found");
    // The settings to fix, as fields: each front end words its own hint.
    expect(err.settings).toEqual(["username", "password"]);
  });

  it("a refused login (401) fails a lookup by name instead of answering \"no such VM\"", async () => {
    const { client } = makeClient({ snapshots: true });
    nock(ENGINE).post(SSO).reply(401, { error: "invalid_grant", error_description: "The provided authorization grant is invalid." });
    const err = await caught(client.findVmByName("desk-1"));
    expect(err.kind).toBe("auth");
    expect(err.status).toBe(401);
  });

  it("a certificate the client cannot verify is a TLS error, and a dropped connection a transport error", async () => {
    const tls = makeClient({ snapshots: true, retry: { attempts: 1 } }).client;
    nock(ENGINE).post(SSO).replyWithError(netError("SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain"));
    const tlsErr = await caught(tls.findTemplateByName("golden"));
    expect(tlsErr.kind).toBe("tls");
    expect(tlsErr.settings).toContain("caFile");

    const net = makeClient({ snapshots: true, retry: { attempts: 1 } }).client;
    nock(ENGINE).post(SSO).replyWithError(netError("ECONNREFUSED", "connect ECONNREFUSED"));
    expect((await caught(net.findPoolByName("desks"))).kind).toBe("transport");
  });

  it("the list's own 400 (a link this engine cannot follow) still falls back to reads per entity", async () => {
    const { client } = makeClient({ snapshots: true });
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).query(DEVICES).reply(400, "<fault><reason>Invalid value</reason><detail>follow</detail></fault>", xmlHeaders)
      .get(`${API}/vms/${A}`).query(DEVICES).reply(200, vmXml({ id: A, name: "a", extra: noDevices }), xmlHeaders);
    expect((await client.getVm(A))?.name).toBe("a");
  });

  it("a pool search the engine refuses (its own 400) lists all VMs instead", async () => {
    const { client } = makeClient();
    ssoLogin();
    const pool = `<vm_pool id="p1"><name>desks</name><size>1</size></vm_pool>`;
    nock(ENGINE)
      .get(`${API}/vmpools/p1`).reply(200, pool, xmlHeaders)
      .get(`${API}/vms`).query({ search: "pool=desks" }).reply(400, "<fault><reason>Invalid search key</reason></fault>", xmlHeaders)
      .get(`${API}/vms`).reply(200, `<vms>${vmXml({ id: A, name: "desks-1", extra: '<vm_pool id="p1"/>' })}</vms>`, xmlHeaders);
    expect((await client.listPoolVms("p1")).map((vm) => vm.name)).toEqual(["desks-1"]);
  });

  it("a login refused (400) in the middle of a pool search is that refusal, not an engine without the `pool` key", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vmpools/p1`).reply(200, `<vm_pool id="p1"><name>desks</name><size>1</size></vm_pool>`, xmlHeaders)
      // The token expired, and the password was changed since: the fresh login is refused.
      .get(`${API}/vms`).query({ search: "pool=desks" }).reply(401, "")
      .post(SSO).reply(400, { error: "access_denied", error_description: "Cannot authenticate user 'admin@internal'." });
    const err = await caught(client.listPoolVms("p1"));
    expect(err.kind).toBe("auth");
    expect(err.message).toContain("SSO login as admin@internal failed");
  });
});

describe("one VM that does not fit the model", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("a snapshot list answers for the other VMs; reads of the bad one name it and its field", async () => {
    const { client } = makeClient({ snapshots: true });
    ssoLogin();
    nock(ENGINE).get(`${API}/vms`).query(DEVICES).once()
      .reply(200, `<vms>${vmXml({ id: A, name: "a", extra: noDevices })}${hugeMemoryVm(B, "bad").replace("</vm>", `${noDevices}</vm>`)}</vms>`, xmlHeaders);
    expect((await client.getVm(A))?.name).toBe("a");
    expect((await client.findVmByName("a"))?.id).toBe(A);
    expect(await client.listVmNics(A)).toEqual([]);

    const err = await caught(client.getVm(B));
    expect(err.kind).toBe("malformed");
    expect(err.message).toContain(`VM "bad" (id ${B})`);
    expect(err.message).toContain("vm.memory");
    expect((await caught(client.findVmByName("bad"))).message).toContain("vm.memory");
  });

  it("without snapshots, a list and a name search skip it, and a search for its own name fails naming it", async () => {
    const { client } = makeClient();
    ssoLogin();
    const both = `<vms>${vmXml({ id: A, name: "a" })}${hugeMemoryVm(B, "bad")}</vms>`;
    nock(ENGINE)
      .get(`${API}/vms`).reply(200, both, xmlHeaders)
      .get(`${API}/vms`).query({ search: "name=a" }).reply(200, both, xmlHeaders)
      .get(`${API}/vms`).query({ search: "name=bad" }).reply(200, both, xmlHeaders)
      .get(`${API}/vms/${B}`).query(true).reply(200, hugeMemoryVm(B, "bad"), xmlHeaders);
    expect((await client.listVms()).map((vm) => vm.id)).toEqual([A]);
    expect((await client.vmsNamed("a")).map((vm) => vm.id)).toEqual([A]);
    expect((await caught(client.vmsNamed("bad"))).message).toContain(`VM "bad" (id ${B})`);
    const err = await caught(client.getVm(B));
    expect(err.kind).toBe("malformed");
    expect(err.message).toContain("vm.memory");
  });
});
