// Retries with backoff for safe calls; creates are never retried blindly but adopted by name.

import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EngineError, NameTakenError } from "../../provider/engine/index.ts";
import { backoffDelay, withRetry } from "../../provider/engine/retry.ts";
import { API, ENGINE, fault, makeClient, netError, setupNock, ssoLogin, teardownNock, vmXml, xmlHeaders } from "./helpers.ts";

const VM_ID = "11111111-1111-1111-1111-111111111111";
const LOCKED = fault("Operation Failed", "[Cannot edit VM: VM is locked. Please try again in a few minutes.]");
const IN_PROGRESS = fault("Operation Failed", "[Cannot remove VM. Related operation is currently in progress. Please try again later.]");
const DUPLICATE = fault("Operation Failed", "[Cannot add VM. The VM name is already in use, please choose a unique name and try again.]");
const newVm = { name: "desk-1", cluster: { name: "Default" }, template: { id: "00000000-0000-0000-0000-000000000000" } };

describe("backoff", () => {
  it("doubles the cap each retry, stays within [cap/2, cap] and never exceeds maxDelayMs", () => {
    const policy = { attempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(policy, 1, () => 0)).toBe(50);
    expect(backoffDelay(policy, 1, () => 1)).toBe(100);
    expect(backoffDelay(policy, 3, () => 1)).toBe(400);
    expect(backoffDelay(policy, 3, () => 0)).toBe(200);
    expect(backoffDelay(policy, 8, () => 1)).toBe(1000);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(policy, 2);
      expect(d).toBeGreaterThanOrEqual(100);
      expect(d).toBeLessThanOrEqual(200);
    }
  });

  it("stops after the configured attempts and waits between them", async () => {
    let calls = 0;
    const started = Date.now();
    const err = new EngineError("engine refused (503): x", { kind: "fault", status: 503 });
    await expect(
      withRetry({ attempts: 4, baseDelayMs: 20, maxDelayMs: 40 }, async () => {
        calls++;
        throw err;
      }),
    ).rejects.toBe(err);
    expect(calls).toBe(4);
    // Three waits of at least 10, 20 and 20 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("does not retry failures that are not transient", async () => {
    let calls = 0;
    const err = new EngineError("engine refused (400): bad", { kind: "fault", status: 400 });
    await expect(withRetry({ attempts: 5, baseDelayMs: 1, maxDelayMs: 1 }, async () => { calls++; throw err; })).rejects.toBe(err);
    expect(calls).toBe(1);
  });

  it("once its signal aborts, makes no further attempt: the pause ends and the last failure stands", async () => {
    let calls = 0;
    const cancel = new AbortController();
    const err = new EngineError("engine refused (503): x", { kind: "fault", status: 503 });
    // A one-hour backoff: only the abort can end the first pause.
    const retrying = withRetry({ attempts: 5, baseDelayMs: 3_600_000, maxDelayMs: 3_600_000 }, async () => {
      calls++;
      throw err;
    }, { signal: cancel.signal });
    setTimeout(() => cancel.abort(), 20);
    await expect(retrying).rejects.toBe(err);
    expect(calls).toBe(1);
    // Already aborted: the first failure is final.
    await expect(withRetry({ attempts: 5, baseDelayMs: 1, maxDelayMs: 1 }, async () => { throw err; }, { signal: cancel.signal })).rejects.toBe(err);
  });
});

describe("retries of idempotent calls", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("GET retries on 503 and succeeds", async () => {
    const { client, logs } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms/${VM_ID}`).reply(503, "Service Unavailable")
      .get(`${API}/vms/${VM_ID}`).reply(503, "Service Unavailable")
      .get(`${API}/vms/${VM_ID}`).reply(200, vmXml(), xmlHeaders);
    expect((await client.getVm(VM_ID))?.name).toBe("desk-1");
    expect(logs.filter((l) => l.startsWith(`GET ${API}/vms/`)).map((l) => l.split(" ")[2])).toEqual(["503", "503", "200"]);
  });

  it("GET gives up after the bounded number of attempts with the last error", async () => {
    const { client } = makeClient({ retry: { attempts: 3, baseDelayMs: 2, maxDelayMs: 4 } });
    ssoLogin();
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).times(3).reply(503, fault("Service Unavailable", "engine is starting"), xmlHeaders);
    const err = (await client.getVm(VM_ID).catch((e: unknown) => e)) as EngineError;
    expect(err.message).toBe("engine refused (503): Service Unavailable: engine is starting");
  });

  it("a 503 from the SSO service is retried like any transient fault", async () => {
    const { client } = makeClient();
    nock(ENGINE).post("/ovirt-engine/sso/oauth/token").reply(503, "Service Unavailable");
    ssoLogin();
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).reply(200, vmXml(), xmlHeaders);
    expect((await client.getVm(VM_ID))?.id).toBe(VM_ID);
  });

  it("GET retries after a dropped connection", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms/${VM_ID}`).replyWithError(netError("ECONNRESET", "socket hang up"))
      .get(`${API}/vms/${VM_ID}`).reply(200, vmXml(), xmlHeaders);
    expect((await client.getVm(VM_ID))?.id).toBe(VM_ID);
  });

  it("a cancelled client stops retrying a locked VM and reports the engine's refusal", async () => {
    const cancel = new AbortController();
    const { client } = makeClient({ signal: cancel.signal, retry: { attempts: 5, baseDelayMs: 3_600_000, maxDelayMs: 3_600_000 } });
    ssoLogin();
    nock(ENGINE).put(`${API}/vms/${VM_ID}`).reply(409, LOCKED, xmlHeaders);
    const updating = client.updateVm(VM_ID, { description: "d" });
    setTimeout(() => cancel.abort(), 50);
    await expect(updating).rejects.toThrow(/VM is locked/);
  });

  it("PUT retries a 409 'VM is locked' with backoff, then succeeds", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .put(`${API}/vms/${VM_ID}`).reply(409, LOCKED, xmlHeaders)
      .put(`${API}/vms/${VM_ID}`).reply(409, LOCKED, xmlHeaders)
      .put(`${API}/vms/${VM_ID}`).reply(200, vmXml(), xmlHeaders);
    expect((await client.updateVm(VM_ID, { description: "d" })).id).toBe(VM_ID);
  });

  it("DELETE retries 'Related operation is currently in progress', bounded", async () => {
    const { client } = makeClient({ retry: { attempts: 2, baseDelayMs: 2, maxDelayMs: 4 } });
    ssoLogin();
    nock(ENGINE).delete(`${API}/vms/${VM_ID}`).times(2).reply(409, IN_PROGRESS, xmlHeaders);
    const err = (await client.deleteVm(VM_ID).catch((e: unknown) => e)) as EngineError;
    expect(err.detail).toBe("[Cannot remove VM. Related operation is currently in progress. Please try again later.]");
  });

  it("a 409 that is not about a lock is not retried", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE).put(`${API}/vms/${VM_ID}`).once().reply(409, DUPLICATE, xmlHeaders);
    await expect(client.updateVm(VM_ID, { name: "taken" })).rejects.toThrow("engine refused (409)");
  });

  it("a retried start that finds the VM already starting counts as done", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .post(`${API}/vms/${VM_ID}/start`, "<action/>").replyWithError(netError("ECONNRESET", "socket hang up"))
      .post(`${API}/vms/${VM_ID}/start`).reply(409, fault("Operation Failed", "[Cannot run VM. VM is running.]"), xmlHeaders)
      .get(`${API}/vms/${VM_ID}`).reply(200, vmXml({ status: "powering_up" }), xmlHeaders);
    await expect(client.startVm(VM_ID)).resolves.toBeUndefined();
  });
});

describe("creates are never retried blindly", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("a 503 on create is looked up, and sent again only when the lookup shows nothing was made", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .post(`${API}/vms`).once().reply(503, fault("Service Unavailable"), xmlHeaders)
      .get(`${API}/vms`).query({ search: "name=desk-1" }).reply(200, "<vms/>", xmlHeaders)
      .post(`${API}/vms`).once().reply(201, vmXml(), xmlHeaders);
    expect((await client.createVm(newVm)).id).toBe(VM_ID);
  });

  it("gives up after the bounded attempts when every create answers 503, and says so", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .post(`${API}/vms`).times(3).reply(503, fault("Service Unavailable"), xmlHeaders)
      .get(`${API}/vms`).query({ search: "name=desk-1" }).times(3).reply(200, "<vms/>", xmlHeaders);
    const err = (await client.createVm(newVm).catch((e: unknown) => e)) as EngineError;
    expect(err.message).toBe("engine refused (503): Service Unavailable");
  });

  it("adopts the VM that holds the name when it carries this resource's marker (an interrupted create)", async () => {
    const { client, logs } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .post(`${API}/vms`).reply(409, fault("Operation Failed", "[Cannot add VM. The VM name is already in use, please choose a unique name and try again.]"), xmlHeaders)
      .get(`${API}/vms`).query({ search: "name=desk-1" }).reply(200, `<vms>${vmXml({ extra: "<comment>pulumi-ovirt: urn:a</comment>" })}</vms>`, xmlHeaders);
    const vm = await client.createVm({ ...newVm, comment: "pulumi-ovirt: urn:a" });
    expect(vm.id).toBe(VM_ID);
    expect(logs.join("\n")).toContain(`adopted VM desk-1 (id ${VM_ID}): it carries this resource's marker`);
  });

  it("never adopts a VM with another marker, after a name-in-use refusal or a dropped create", async () => {
    const { client } = makeClient();
    ssoLogin();
    const foreign = `<vms>${vmXml({ extra: "<comment>pulumi-ovirt: urn:b</comment>" })}</vms>`;
    nock(ENGINE)
      .post(`${API}/vms`).reply(409, fault("Operation Failed", "[Cannot add VM. The VM name is already in use, please choose a unique name and try again.]"), xmlHeaders)
      .get(`${API}/vms`).query({ search: "name=desk-1" }).reply(200, foreign, xmlHeaders)
      .post(`${API}/vms`).replyWithError(netError("ECONNRESET", "socket hang up"))
      .get(`${API}/vms`).query({ search: "name=desk-1" }).reply(200, foreign, xmlHeaders);
    for (let i = 0; i < 2; i++) {
      const err = (await client.createVm({ ...newVm, comment: "pulumi-ovirt: urn:a" }).catch((e: unknown) => e)) as EngineError;
      expect(err.kind).toBe("conflict");
      expect(err.message).toContain(`"desk-1" is held by VM ${VM_ID} (comment "pulumi-ovirt: urn:b"), which this resource did not create`);
      // The holder as fields, for each front end to word its own import command; the message names none.
      expect(err).toBeInstanceOf(NameTakenError);
      expect(err).toMatchObject({ entity: "VM", entityName: "desk-1", existingId: VM_ID });
      expect(err.message).not.toMatch(/(pulumi|terraform|tofu) import/i);
    }
  });

  it("after a dropped create it adopts the VM found by name", async () => {
    const { client, logs } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .post(`${API}/vms`).once().replyWithError(netError("ECONNRESET", "socket hang up"))
      .get(`${API}/vms`).query({ search: "name=desk-1" })
      .reply(200, `<vms>${vmXml({ name: "desk-10", id: "99999999-9999-9999-9999-999999999999" })}${vmXml({ status: "image_locked" })}</vms>`, xmlHeaders);
    const vm = await client.createVm(newVm);
    expect(vm.id).toBe(VM_ID);
    expect(vm.status).toBe("image_locked");
    expect(logs).toContain(`adopted VM desk-1 (id ${VM_ID}): the create went through`);
  });

  it("after a create timeout it adopts a template found by name", async () => {
    const { client } = makeClient({ requestTimeoutMs: 40 });
    ssoLogin();
    nock(ENGINE)
      .post(`${API}/templates`).delay(300).reply(201, "<template id='t1'><name>gold</name><status>ok</status></template>", xmlHeaders)
      .get(`${API}/templates`).query({ search: "name=gold" })
      .reply(200, "<templates><template id='t1'><name>gold</name><status>locked</status></template></templates>", xmlHeaders);
    const t = await client.createTemplate({ name: "gold", vm: { id: VM_ID } });
    expect(t).toMatchObject({ id: "t1", status: "locked" });
  });

  it("when the lookup also fails, the error says the create may have happened", async () => {
    const { client } = makeClient({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    ssoLogin();
    nock(ENGINE)
      .post(`${API}/vmpools`).replyWithError(netError("ECONNRESET", "socket hang up"))
      .get(`${API}/vmpools`).query({ search: "name=desks" }).replyWithError(netError("ECONNRESET", "socket hang up"));
    const err = (await client.createPool({ name: "desks", cluster: { name: "Default" }, template: { name: "gold" } }).catch((e: unknown) => e)) as EngineError;
    expect(err.message).toMatch(/^creating pool desks may or may not have succeeded: cannot reach the engine .*; looking it up by name failed too: /);
  });

  it("a failed login before a create is retried and never triggers an adopt-lookup", async () => {
    const { client } = makeClient();
    nock(ENGINE).post("/ovirt-engine/sso/oauth/token").replyWithError(netError("ECONNRESET", "socket hang up"));
    ssoLogin();
    nock(ENGINE).post(`${API}/vms`).once().reply(201, vmXml(), xmlHeaders);
    expect((await client.createVm(newVm)).id).toBe(VM_ID);
  });

  it("a definite refusal (409 duplicate) is neither retried nor adopted", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE).post(`${API}/vms`).once().reply(409, DUPLICATE, xmlHeaders);
    await expect(client.createVm(newVm)).rejects.toThrow(
      "engine refused (409): Operation Failed: [Cannot add VM. The VM name is already in use, please choose a unique name and try again.]",
    );
  });

  it("a 409 'locked' refusal of a create (nothing created) is retried with backoff", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .post(`${API}/vms`).reply(409, fault("Operation Failed", "[Cannot add VM. Template's Image is locked (temporarily).]"), xmlHeaders)
      .post(`${API}/vms`).reply(201, vmXml(), xmlHeaders);
    expect((await client.createVm(newVm)).id).toBe(VM_ID);
  });
});
