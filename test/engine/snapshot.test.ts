// Collection snapshots (provider/engine/snapshot.ts): one list call per kind and client, and no
// read that a write or another command could have made stale.

import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API, ENGINE, makeClient, setupNock, ssoLogin, teardownNock, vmXml, xmlHeaders } from "./helpers.ts";

const A = "11111111-1111-1111-1111-111111111111";
const B = "22222222-2222-2222-2222-222222222222";
const C = "33333333-3333-3333-3333-333333333333";
const vmsXml = (...vms: string[]) => `<vms>${vms.join("")}</vms>`;
const withSnapshots = () => makeClient({ snapshots: true });

describe("VM snapshots", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("the first read lists all VMs once; later reads use the list, and a VM missing from it is gone", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE).get(`${API}/vms`).once().reply(200, vmsXml(vmXml({ id: A, name: "a" }), vmXml({ id: B, name: "b" })), xmlHeaders);
    expect((await client.getVm(A))?.name).toBe("a");
    expect((await client.getVm(B))?.name).toBe("b");
    expect(await client.getVm(C)).toBeUndefined();
    // nock would fail any further request: the three reads took one list call.
  });

  it("a list from a URL that is not a verified engine never reads as gone", async () => {
    const { client } = withSnapshots();
    nock(ENGINE).post("/ovirt-engine/sso/oauth/token").reply(200, { access_token: "t", token_type: "bearer", exp: "9999999999999" });
    nock(ENGINE).get(API).reply(200, "<html><body>portal</body></html>", { "Content-Type": "text/html" });
    await expect(client.getVm(A)).rejects.toMatchObject({ kind: "not_engine" });
  });

  it("a new client (a new plugin process, the next command) lists again and sees an edit made between the two", async () => {
    ssoLogin();
    nock(ENGINE).get(`${API}/vms`).reply(200, vmsXml(vmXml({ id: A, name: "a", status: "down" })), xmlHeaders);
    expect((await withSnapshots().client.getVm(A))?.status).toBe("down");
    ssoLogin("tok-2");
    nock(ENGINE).get(`${API}/vms`).reply(200, vmsXml(vmXml({ id: A, name: "a", status: "up" })), xmlHeaders);
    expect((await withSnapshots().client.getVm(A))?.status).toBe("up");
  });

  it("a VM created in this client is seen by the next read", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).reply(200, vmsXml(vmXml({ id: A, name: "a" })), xmlHeaders)
      .post(`${API}/vms`).reply(201, vmXml({ id: B, name: "b" }), xmlHeaders)
      .get(`${API}/vms`).reply(200, vmsXml(vmXml({ id: A, name: "a" }), vmXml({ id: B, name: "b" })), xmlHeaders);
    expect(await client.getVm(B)).toBeUndefined();
    await client.createVm({ name: "b", cluster: { name: "Default" }, template: { id: "00000000-0000-0000-0000-000000000000" } });
    expect((await client.getVm(B))?.name).toBe("b");
  });

  it("reads after an update or delete of a VM ask the engine for that VM", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).reply(200, vmsXml(vmXml({ id: A, name: "a" }), vmXml({ id: B, name: "b" })), xmlHeaders)
      .put(`${API}/vms/${A}`).reply(200, vmXml({ id: A, name: "a2" }), xmlHeaders)
      .get(`${API}/vms/${A}`).reply(200, vmXml({ id: A, name: "a2" }), xmlHeaders)
      .delete(`${API}/vms/${B}`).reply(200, "<action><status>complete</status></action>", xmlHeaders)
      .get(`${API}/vms/${B}`).reply(404, "<fault><reason>Not Found</reason></fault>", xmlHeaders);
    expect((await client.getVm(A))?.name).toBe("a");
    await client.updateVm(A, { name: "a2" });
    expect((await client.getVm(A))?.name).toBe("a2");
    await client.deleteVm(B);
    expect(await client.getVm(B)).toBeUndefined();
  });

  it("waits poll the engine, not the snapshot", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).reply(200, vmsXml(vmXml({ id: A, status: "image_locked" })), xmlHeaders)
      .get(`${API}/vms/${A}`).reply(200, vmXml({ id: A, status: "down" }), xmlHeaders);
    expect((await client.getVm(A))?.status).toBe("image_locked");
    expect((await client.waitForVm(A, ["down"])).status).toBe("down");
  });

  it("templates resolved by name are looked up once per client", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/templates`).query({ search: "name=gold" }).once()
      .reply(200, `<templates><template id="${C}"><name>gold</name><status>ok</status></template></templates>`, xmlHeaders);
    expect((await client.resolveTemplate("gold")).id).toBe(C);
    expect((await client.resolveTemplate("gold")).id).toBe(C);
  });
});
