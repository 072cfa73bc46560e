// The EngineClient calls: routes, query parameters, headers and bodies as the engine expects them.

import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WaitCancelledError, WaitTimeoutError, searchTerm, waitFor } from "../../provider/engine/index.ts";
import { API, ENGINE, PASSWORD, SSO, makeClient, setupNock, ssoLogin, teardownNock, vmXml, xmlHeaders } from "./helpers.ts";

const VM_ID = "11111111-1111-1111-1111-111111111111";
const BLANK = "00000000-0000-0000-0000-000000000000";
const VV = "[virt-viewer]\ntype=spice\nhost=10.0.0.5\npassword=TICKET-abc123\nenable-smartcard=1\n";

describe("search terms", () => {
  it("plain names go unquoted, others quoted", () => {
    expect(searchTerm("name", "desk-1")).toBe("name=desk-1");
    expect(searchTerm("name", "my desk")).toBe('name="my desk"');
    expect(searchTerm("pool", "desk-???")).toBe('pool="desk-???"');
    expect(searchTerm("name", 'a"b')).toBe('name="a\\"b"');
  });
});

describe("EngineClient calls", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("createVm posts <vm> with Expect: 201-created and returns the created VM", async () => {
    const { client } = makeClient();
    ssoLogin();
    let body = "";
    nock(ENGINE)
      .post(`${API}/vms`, (b) => {
        body = String(b);
        return true;
      })
      .matchHeader("expect", "201-created")
      .matchHeader("content-type", "application/xml")
      .reply(201, vmXml(), { ...xmlHeaders, Location: `${API}/vms/${VM_ID}` });
    const vm = await client.createVm({
      name: "desk-1",
      cluster: { name: "Default" },
      template: { id: BLANK },
      display: { type: "spice", smartcard_enabled: true },
    });
    expect(vm).toMatchObject({ id: VM_ID, name: "desk-1", status: "down", memory: 1073741824 });
    expect(body).toContain("<smartcard_enabled>true</smartcard_enabled>");
    expect(body).toContain(`<template id="${BLANK}"/>`);
  });

  it("createVm falls back to X-Ovirt-Expect alone when a proxy refuses Expect (417)", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .post(`${API}/vms`).matchHeader("expect", "201-created").reply(417, "Expectation Failed")
      .post(`${API}/vms`).matchHeader("x-ovirt-expect", "201-created").reply(201, vmXml(), xmlHeaders);
    expect((await client.createVm({ name: "desk-1", cluster: { name: "Default" }, template: { id: BLANK } })).id).toBe(VM_ID);
  });

  it("getVm asks for next_run and all_content", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms/${VM_ID}`).query({ next_run: "true", all_content: "true" }).matchHeader("all-content", "true").reply(200, vmXml(), xmlHeaders)
      .get(`${API}/vms/${VM_ID}`).query({ next_run: "true" }).reply(200, vmXml(), xmlHeaders);
    await client.getVm(VM_ID, { nextRun: true, allContent: true });
    await client.getVm(VM_ID, { nextRun: true });
  });

  it("updateVm PUTs <vm>, with next_run when asked", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .put(`${API}/vms/${VM_ID}`, "<vm><display><smartcard_enabled>false</smartcard_enabled></display></vm>")
      .query({ next_run: "true" })
      .reply(200, vmXml({ status: "up", extra: "<next_run_configuration_exists>true</next_run_configuration_exists>" }), xmlHeaders);
    const vm = await client.updateVm(VM_ID, { display: { smartcard_enabled: false } }, { nextRun: true });
    expect(vm.next_run_configuration_exists).toBe(true);
  });

  it("start, stop and shutdown post an empty <action/>", async () => {
    const { client } = makeClient();
    ssoLogin();
    const done = "<action><status>complete</status></action>";
    nock(ENGINE)
      .post(`${API}/vms/${VM_ID}/start`, "<action/>").reply(200, done, xmlHeaders)
      .post(`${API}/vms/${VM_ID}/stop`, "<action/>").reply(200, done, xmlHeaders)
      .post(`${API}/vms/${VM_ID}/shutdown`, "<action/>").reply(200, done, xmlHeaders);
    await client.startVm(VM_ID);
    await client.stopVm(VM_ID);
    await client.shutdownVm(VM_ID);
  });

  it("findVmByName searches by name and keeps only the exact match", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).query({ search: "name=desk-1" })
      .reply(200, `<vms>${vmXml({ name: "desk-1", id: "a" })}${vmXml({ name: "DESK-1x", id: "b" })}</vms>`, xmlHeaders)
      .get(`${API}/vms`).query({ search: "name=nope" }).reply(200, "<vms/>", xmlHeaders);
    expect((await client.findVmByName("desk-1"))?.id).toBe("a");
    expect(await client.findVmByName("nope")).toBeUndefined();
  });

  it("resolves templates by id (Blank is the all-zero id) and clusters by name", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/templates/${BLANK}`).reply(200, `<template id="${BLANK}"><name>Blank</name><status>ok</status></template>`, xmlHeaders)
      .get(`${API}/templates`).query({ search: "name=Blank" })
      .reply(200, `<templates><template id="${BLANK}"><name>Blank</name><status>ok</status></template></templates>`, xmlHeaders)
      .get(`${API}/clusters`).query({ search: "name=Default" })
      .reply(200, `<clusters><cluster id="cccc"><name>Default</name></cluster></clusters>`, xmlHeaders);
    expect((await client.resolveTemplate(BLANK)).name).toBe("Blank");
    expect((await client.resolveTemplate("Blank")).id).toBe(BLANK);
    expect(await client.resolveCluster("Default")).toEqual({ id: "cccc", name: "Default" });
  });

  it("looks a cluster up once per client, but asks again after a failed lookup", async () => {
    const { client } = makeClient();
    ssoLogin();
    const lookups = nock(ENGINE)
      .get(`${API}/clusters`).query({ search: "name=Lab" }).reply(200, "<clusters/>", xmlHeaders)
      .get(`${API}/clusters`).query({ search: "name=Lab" })
      .reply(200, `<clusters><cluster id="llll"><name>Lab</name></cluster></clusters>`, xmlHeaders);
    await expect(client.resolveCluster("Lab")).rejects.toThrow(/cluster "Lab" not found/);
    const [first, second] = await Promise.all([client.resolveCluster("Lab"), client.resolveCluster("Lab")]);
    expect(await client.resolveCluster("Lab")).toEqual({ id: "llll", name: "Lab" });
    expect(first).toEqual(second);
    // Two requests in all: the failed one and a single successful one (nock refuses a third).
    expect(lookups.isDone()).toBe(true);
  });

  it("finds users by their engine user name and manages UserRole permissions on VMs and pools", async () => {
    const { client } = makeClient();
    ssoLogin();
    let granted = "";
    nock(ENGINE)
      .get(`${API}/users`).query({ search: 'usrname="alice@internal-authz"' })
      .reply(200, `<users><user id="uuuu"><name>alice</name><user_name>alice@internal-authz</user_name></user></users>`, xmlHeaders)
      .get(`${API}/users`).query({ search: 'usrname="nobody@internal-authz"' }).reply(200, "<users/>", xmlHeaders)
      .get(`${API}/users/uuuu`).reply(200, `<user id="uuuu"><user_name>alice@internal-authz</user_name></user>`, xmlHeaders)
      .get(`${API}/vmpools/pppp/permissions`)
      .reply(200, `<permissions><permission id="perm1"><role id="00000000-0000-0000-0001-000000000001"/><user id="uuuu"/><vm_pool id="pppp"/></permission></permissions>`, xmlHeaders)
      .post(`${API}/vms/vvvv/permissions`, (b) => {
        granted = String(b);
        return true;
      })
      .reply(201, `<permission id="perm2"><role id="00000000-0000-0000-0001-000000000001"/><user id="uuuu"/><vm id="vvvv"/></permission>`, xmlHeaders)
      .delete(`${API}/vmpools/pppp/permissions/perm1`).reply(200, "<action><status>complete</status></action>", xmlHeaders);
    expect(await client.findUser("alice@internal-authz")).toEqual({ id: "uuuu", user_name: "alice@internal-authz" });
    expect(await client.findUser("nobody@internal-authz")).toBeUndefined();
    expect((await client.getUser("uuuu"))?.user_name).toBe("alice@internal-authz");
    expect(await client.listPermissions({ kind: "pool", id: "pppp" })).toEqual([
      { id: "perm1", role: { id: "00000000-0000-0000-0001-000000000001" }, user: { id: "uuuu" } },
    ]);
    expect((await client.addPermission({ kind: "vm", id: "vvvv" }, { role: "UserRole", userId: "uuuu" })).id).toBe("perm2");
    expect(granted).toMatch(/<permission><role><name>UserRole<\/name><\/role><user id="uuuu"(\/>|><\/user>)<\/permission>/);
    await client.removePermission({ kind: "pool", id: "pppp" }, "perm1");
  });

  it("createPool posts a vm_pool with its nested vm; listPoolVms keeps the pool's members", async () => {
    const { client } = makeClient();
    ssoLogin();
    let body = "";
    const poolXml = `<vm_pool id="pppp"><name>desks</name><size>2</size><cluster id="cccc"/><template id="tttt"/></vm_pool>`;
    nock(ENGINE)
      .post(`${API}/vmpools`, (b) => {
        body = String(b);
        return true;
      })
      .reply(201, poolXml, xmlHeaders)
      .get(`${API}/vmpools/pppp`).reply(200, poolXml, xmlHeaders)
      .get(`${API}/vms`).query({ search: "pool=desks" })
      .reply(
        200,
        `<vms>${vmXml({ id: "v1", name: "desks-1", extra: '<vm_pool id="pppp"/>' })}${vmXml({ id: "v2", name: "desks-2", extra: '<vm_pool id="pppp"/>' })}` +
          `${vmXml({ id: "v3", name: "desks-other", extra: '<vm_pool id="qqqq"/>' })}</vms>`,
        xmlHeaders,
      );
    const pool = await client.createPool({
      name: "desks",
      cluster: { name: "Default" },
      template: { id: "tttt" },
      size: 2,
      vm: { display: { smartcard_enabled: true } },
    });
    expect(pool).toMatchObject({ id: "pppp", size: 2 });
    expect(body).toMatch(/^<vm_pool>.*<vm><display><smartcard_enabled>true<\/smartcard_enabled><\/display><\/vm><\/vm_pool>$/);
    expect((await client.listPoolVms("pppp")).map((v) => v.name)).toEqual(["desks-1", "desks-2"]);
  });

  it("listPoolVms falls back to filtering all VMs when the engine refuses the pool search", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vmpools/pppp`).reply(200, `<vm_pool id="pppp"><name>desks</name><size>1</size></vm_pool>`, xmlHeaders)
      .get(`${API}/vms`).query({ search: "pool=desks" }).reply(400, "<fault><reason>Invalid search</reason></fault>", xmlHeaders)
      .get(`${API}/vms`).reply(200, `<vms>${vmXml({ id: "v1", extra: '<vm_pool id="pppp"/>' })}${vmXml({ id: "v2" })}</vms>`, xmlHeaders);
    expect((await client.listPoolVms("pppp")).map((v) => v.id)).toEqual(["v1"]);
  });

  it("graphics consoles, tickets and the remote-viewer file", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms/${VM_ID}/graphicsconsoles`)
      .reply(200, `<graphics_consoles><graphics_console id="7370696365"><protocol>spice</protocol><vm id="${VM_ID}"/></graphics_console></graphics_consoles>`, xmlHeaders)
      .post(`${API}/vms/${VM_ID}/graphicsconsoles/7370696365/ticket`, "<action><ticket><expiry>120</expiry></ticket></action>")
      .reply(200, "<action><ticket><expiry>120</expiry><value>TICKET-abc123</value></ticket><status>complete</status></action>", xmlHeaders)
      .post(`${API}/vms/${VM_ID}/graphicsconsoles/7370696365/ticket`, "<action><ticket/></action>")
      .reply(200, "<action><ticket><value>TICKET-def</value><expiry>7200</expiry></ticket></action>", xmlHeaders)
      .post(`${API}/vms/${VM_ID}/graphicsconsoles/7370696365/remoteviewerconnectionfile`, "<action/>")
      .reply(200, `<action><remote_viewer_connection_file>${VV}</remote_viewer_connection_file><status>complete</status></action>`, xmlHeaders)
      .post(`${API}/vms/${VM_ID}/graphicsconsoles/7370696365/remoteviewerconnectionfile`).reply(204);
    expect(await client.listGraphicsConsoles(VM_ID)).toEqual([{ id: "7370696365", protocol: "spice" }]);
    expect(await client.setTicket(VM_ID, "7370696365", 120)).toEqual({ value: "TICKET-abc123", expiry: 120 });
    expect(await client.setTicket(VM_ID, "7370696365")).toEqual({ value: "TICKET-def", expiry: 7200 });
    expect(await client.remoteViewerFile(VM_ID, "7370696365")).toBe(VV);
    expect(await client.remoteViewerFile(VM_ID, "7370696365")).toBeUndefined();
  });

  it("never logs bodies, passwords, tokens, tickets or the .vv file", async () => {
    const { client, logs } = makeClient();
    ssoLogin("TOKEN-zzz999");
    nock(ENGINE)
      .post(`${API}/vms/${VM_ID}/graphicsconsoles/7370696365/ticket`)
      .reply(200, "<action><ticket><value>TICKET-abc123</value><expiry>120</expiry></ticket></action>", xmlHeaders)
      .post(`${API}/vms/${VM_ID}/graphicsconsoles/7370696365/remoteviewerconnectionfile`)
      .reply(200, `<action><remote_viewer_connection_file>${VV}</remote_viewer_connection_file></action>`, xmlHeaders)
      .get(`${API}/vms/${VM_ID}`).reply(401, "")
      .post(SSO).reply(200, { access_token: "TOKEN-second" })
      .get(`${API}/vms/${VM_ID}`).reply(200, vmXml(), xmlHeaders);
    await client.setTicket(VM_ID, "7370696365", 120);
    await client.remoteViewerFile(VM_ID, "7370696365");
    await client.getVm(VM_ID);
    // The login, the API root (read once), and the five calls above.
    expect(logs).toHaveLength(7);
    for (const line of logs) {
      expect(line).toMatch(/^(GET|POST|PUT|DELETE) \/\S* \d{3} \d+ms$/);
      for (const secret of [PASSWORD, "TOKEN-", "TICKET-", "virt-viewer", "Bearer", "password"]) expect(line).not.toContain(secret);
    }
    expect(logs[0]).toMatch(/^POST \/ovirt-engine\/sso\/oauth\/token 200 \d+ms$/);
  });
});

describe("waits", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("waitForVm returns once the status is reached", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms/${VM_ID}`).times(2).reply(200, vmXml({ status: "image_locked" }), xmlHeaders)
      .get(`${API}/vms/${VM_ID}`).reply(200, vmXml({ status: "down" }), xmlHeaders);
    expect((await client.waitForVm(VM_ID, ["down"], { timeoutMs: 5000, pollIntervalMs: 1 })).status).toBe("down");
  });

  it("the deadline message says what, which entity, last status and how long", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).times(100).reply(200, vmXml({ status: "image_locked" }), xmlHeaders);
    const err = (await client.waitForVm(VM_ID, ["down"], { timeoutMs: 30, pollIntervalMs: 5 }).catch((e: unknown) => e)) as WaitTimeoutError;
    nock.cleanAll();
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect(err.message).toBe(`timed out after 30ms waiting for VM desk-1 (id ${VM_ID}) to become down; last status image_locked`);
    expect(err.entityId).toBe(VM_ID);
    expect(err.lastStatus).toBe("image_locked");
  });

  it("waitFor formats seconds and uses the given clock", async () => {
    let t = 0;
    const err = (await waitFor({
      entity: "template gold",
      entityId: "tttt",
      goal: "become ok",
      timeoutMs: 300_000,
      intervalMs: 1,
      now: () => t,
      poll: async () => {
        t += 100_000;
        return { done: false, status: "locked" };
      },
    }).catch((e: unknown) => e)) as WaitTimeoutError;
    expect(err.message).toBe("timed out after 300s waiting for template gold (id tttt) to become ok; last status locked");
  });

  it("waitForVm gives up as soon as its signal aborts, mid-pause, with the last status seen", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).reply(200, vmXml({ status: "image_locked" }), xmlHeaders);
    const cancel = new AbortController();
    // A one-hour poll interval: only the abort can end the pause after the first poll.
    const waiting = client.waitForVm(VM_ID, ["down"], { timeoutMs: 7_200_000, pollIntervalMs: 3_600_000, signal: cancel.signal });
    setTimeout(() => cancel.abort(), 50);
    const err = (await waiting.catch((e: unknown) => e)) as WaitCancelledError;
    expect(err).toBeInstanceOf(WaitCancelledError);
    expect(err.kind).toBe("wait_cancelled");
    expect(err.message).toMatch(new RegExp(`^cancelled after \\d+ms while waiting for VM desk-1 \\(id ${VM_ID}\\) to become down; last status image_locked$`));
    expect(err.lastStatus).toBe("image_locked");
  });

  it("a cancelled client gives up waits that were given no signal of their own", async () => {
    const cancel = new AbortController();
    const { client } = makeClient({ signal: cancel.signal });
    ssoLogin();
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).reply(200, vmXml({ status: "image_locked" }), xmlHeaders);
    const waiting = client.waitForVm(VM_ID, ["down"], { timeoutMs: 7_200_000, pollIntervalMs: 3_600_000 });
    setTimeout(() => cancel.abort(), 50);
    expect(await waiting.catch((e: unknown) => e)).toBeInstanceOf(WaitCancelledError);
  });

  it("waitFor with an already aborted signal does not poll at all", async () => {
    let polls = 0;
    const err = await waitFor({
      entity: "pool desks",
      entityId: "pppp",
      goal: "have 3 settled VMs",
      signal: AbortSignal.abort(),
      poll: async () => {
        polls++;
        return { done: true };
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitCancelledError);
    expect(polls).toBe(0);
  });

  it("waitForVmGone returns on 404 and a VM vanishing during waitForVm is a clear error", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms/${VM_ID}`).reply(200, vmXml(), xmlHeaders)
      .get(`${API}/vms/${VM_ID}`).reply(404, "")
      .get(`${API}/vms/${VM_ID}`).reply(404, "");
    await client.waitForVmGone(VM_ID, { timeoutMs: 5000, pollIntervalMs: 1 });
    await expect(client.waitForVm(VM_ID, ["up"], { timeoutMs: 5000, pollIntervalMs: 1 })).rejects.toThrow(
      `VM ${VM_ID} disappeared while waiting for it to become up`,
    );
  });
});
