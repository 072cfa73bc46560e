// Collection snapshots (provider/engine/snapshot.ts): one list call per kind and client, carrying
// what the engine inlines (`follow`), and no read that a write or another command could have made
// stale. nock fails any request it was not told about, so each test also pins the call count.

import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API, ENGINE, makeClient, setupNock, ssoLogin, teardownNock, vmXml, xmlHeaders } from "./helpers.ts";

const A = "11111111-1111-1111-1111-111111111111";
const B = "22222222-2222-2222-2222-222222222222";
const C = "33333333-3333-3333-3333-333333333333";
const T = "44444444-4444-4444-4444-444444444444";
const DEVICES = { follow: "disk_attachments.disk,nics" };
const vmsXml = (...vms: string[]) => `<vms>${vms.join("")}</vms>`;
const withSnapshots = () => makeClient({ snapshots: true });

/** What the engine inlines with `follow=disk_attachments.disk,nics`: one disk and one NIC, or none. */
function devicesXml(opts: { disk?: string; nic?: string } = {}): string {
  const disk = opts.disk
    ? `<disk_attachments><disk_attachment id="d1"><interface>virtio_scsi</interface><bootable>true</bootable><active>true</active>` +
      `<disk id="d1"><alias>${opts.disk}</alias><provisioned_size>10737418240</provisioned_size><format>cow</format><sparse>true</sparse>` +
      `<status>ok</status><storage_domains><storage_domain id="sd1"/></storage_domains></disk></disk_attachment></disk_attachments>`
    : "<disk_attachments/>";
  const nic = opts.nic ? `<nics><nic id="n1"><name>${opts.nic}</name><interface>virtio</interface><plugged>true</plugged></nic></nics>` : "<nics/>";
  return disk + nic;
}
const followedVm = (opts: { id: string; name: string; status?: string; disk?: string; nic?: string }) =>
  vmXml({ id: opts.id, name: opts.name, status: opts.status, extra: devicesXml(opts) });
const notFound = "<fault><reason>Not Found</reason></fault>";

describe("collection snapshots", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("the first read lists all VMs once, with their disks and NICs; later reads use the list", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE).get(`${API}/vms`).query(DEVICES).once()
      .reply(200, vmsXml(followedVm({ id: A, name: "a", disk: "root", nic: "nic1" }), followedVm({ id: B, name: "b" })), xmlHeaders);
    expect((await client.getVm(A))?.name).toBe("a");
    expect((await client.getVm(B))?.name).toBe("b");
    expect((await client.listVmDiskAttachments(A)).map((d) => [d.disk.alias, d.disk.provisionedSize])).toEqual([["root", 10737418240]]);
    expect((await client.listVmNics(A)).map((n) => n.name)).toEqual(["nic1"]);
    expect(await client.listVmDiskAttachments(B)).toEqual([]);
    expect((await client.findVmByName("b"))?.id).toBe(B);
  });

  it("an id the list lacks is asked of the engine: gone only on its own 404", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).query(DEVICES).reply(200, vmsXml(followedVm({ id: A, name: "a" })), xmlHeaders)
      .get(`${API}/vms/${C}`).query(DEVICES).reply(404, notFound, xmlHeaders);
    expect((await client.getVm(A))?.name).toBe("a");
    expect(await client.getVm(C)).toBeUndefined();
  });

  it("a list from a URL that is not a verified engine never reads as gone", async () => {
    const { client } = withSnapshots();
    nock(ENGINE).post("/ovirt-engine/sso/oauth/token").reply(200, { access_token: "t", token_type: "bearer", exp: "9999999999999" });
    nock(ENGINE).get(API).reply(200, "<html><body>portal</body></html>", { "Content-Type": "text/html" });
    await expect(client.getVm(A)).rejects.toMatchObject({ kind: "not_engine" });
  });

  it("a new client (a new plugin process, the next command) lists again and sees an edit made between the two", async () => {
    ssoLogin();
    nock(ENGINE).get(`${API}/vms`).query(DEVICES).reply(200, vmsXml(followedVm({ id: A, name: "a", status: "down" })), xmlHeaders);
    const first = withSnapshots().client;
    expect((await first.getVm(A))?.status).toBe("down");
    ssoLogin("tok-2");
    nock(ENGINE).get(`${API}/vms`).query(DEVICES).reply(200, vmsXml(followedVm({ id: A, name: "a", status: "up", nic: "added" })), xmlHeaders);
    const second = withSnapshots().client;
    expect((await second.getVm(A))?.status).toBe("up");
    expect((await second.listVmNics(A)).map((n) => n.name)).toEqual(["added"]);
    // The first client's snapshot is its own: it still answers from its list, never the other's.
    expect((await first.getVm(A))?.status).toBe("down");
  });

  it("a VM created in this client is read from the engine right after, and its name is no longer looked up in the list", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).query(DEVICES).reply(200, vmsXml(followedVm({ id: A, name: "a" })), xmlHeaders)
      .post(`${API}/vms`).reply(201, vmXml({ id: B, name: "b" }), xmlHeaders)
      .get(`${API}/vms/${B}`).query(DEVICES).reply(200, followedVm({ id: B, name: "b", disk: "from-template" }), xmlHeaders)
      .get(`${API}/vms`).query({ search: "name=b" }).reply(200, vmsXml(vmXml({ id: B, name: "b" })), xmlHeaders);
    expect(await client.findVmByName("b")).toBeUndefined();
    await client.createVm({ name: "b", cluster: { name: "Default" }, template: { id: "00000000-0000-0000-0000-000000000000" } });
    const read = await client.getVm(B);
    expect(read?.name).toBe("b");
    // The engine sent its disks with it.
    expect(read?.disk_attachments?.map((d) => d.disk.alias)).toEqual(["from-template"]);
    expect((await client.findVmByName("b"))?.id).toBe(B);
  });

  it("reads after an update or delete of a VM ask the engine for that VM", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).query(DEVICES).reply(200, vmsXml(followedVm({ id: A, name: "a" }), followedVm({ id: B, name: "b" })), xmlHeaders)
      .put(`${API}/vms/${A}`).reply(200, vmXml({ id: A, name: "a2" }), xmlHeaders)
      .get(`${API}/vms/${A}`).query(DEVICES).twice().reply(200, followedVm({ id: A, name: "a2" }), xmlHeaders)
      .delete(`${API}/vms/${B}`).reply(200, "<action><status>complete</status></action>", xmlHeaders)
      .get(`${API}/vms/${B}`).query(DEVICES).reply(404, notFound, xmlHeaders);
    expect((await client.getVm(A))?.name).toBe("a");
    await client.updateVm(A, { name: "a2" });
    expect((await client.getVm(A))?.name).toBe("a2");
    expect((await client.getVm(A))?.name).toBe("a2"); // every read of a written VM asks the engine
    await client.deleteVm(B);
    expect(await client.getVm(B)).toBeUndefined();
  });

  // A pool's desktops the client has written (consoles, protection, a restart) still count, read
  // again; before, they were left out and a read in the same process saw a pool without them.
  it("a pool's VMs from the list keep those written since, read again from the engine; one out of the pool since is left out", async () => {
    const P = "55555555-5555-5555-5555-555555555555";
    const member = (id: string, name: string, pool?: string) => vmXml({ id, name, extra: (pool ? `<vm_pool id="${pool}"/>` : "") + devicesXml() });
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).query(DEVICES).reply(200, vmsXml(member(A, "p-1", P), member(B, "p-2", P), member(C, "other")), xmlHeaders)
      .put(`${API}/vms/${A}`).reply(200, member(A, "p-1", P), xmlHeaders)
      .put(`${API}/vms/${B}`).reply(200, member(B, "p-2", P), xmlHeaders)
      .get(`${API}/vms/${A}`).query(DEVICES).reply(200, member(A, "p-1", P), xmlHeaders)
      .get(`${API}/vms/${B}`).query(DEVICES).reply(200, member(B, "p-2"), xmlHeaders);
    expect((await client.listPoolVms(P)).map((vm) => vm.name)).toEqual(["p-1", "p-2"]);
    await client.updateVm(A, { delete_protected: true });
    await client.updateVm(B, { delete_protected: true });
    // B left the pool behind the list's back (the engine's answer decides).
    expect((await client.listPoolVms(P)).map((vm) => vm.name)).toEqual(["p-1"]);
  });

  it("inside withFreshReads (creates and updates) reads ask the engine even for a VM the list holds", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).query(DEVICES).reply(200, vmsXml(followedVm({ id: A, name: "a", status: "down" })), xmlHeaders)
      .get(`${API}/vms/${A}`).query(DEVICES).reply(200, followedVm({ id: A, name: "a", status: "up" }), xmlHeaders)
      .get(`${API}/vms`).query({ search: "name=a" }).reply(200, vmsXml(vmXml({ id: A, name: "a", status: "up" })), xmlHeaders);
    expect((await client.getVm(A))?.status).toBe("down");
    await client.withFreshReads(async () => {
      expect((await client.getVm(A))?.status).toBe("up");
      expect((await client.findVmByName("a"))?.status).toBe("up");
    });
    // Outside it, the list answers again (the VM was only read, not written).
    expect((await client.getVm(A))?.status).toBe("down");
  });

  it("a device write sends the VM's next reads to the engine", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    const twoNics = `<disk_attachments/><nics><nic id="n1"><name>nic1</name></nic><nic id="n2"><name>nic2</name></nic></nics>`;
    nock(ENGINE)
      .get(`${API}/vms`).query(DEVICES).reply(200, vmsXml(followedVm({ id: A, name: "a", nic: "nic1" })), xmlHeaders)
      .post(`${API}/vms/${A}/nics`).reply(201, `<nic id="n2"><name>nic2</name><interface>virtio</interface></nic>`, xmlHeaders)
      .get(`${API}/vms/${A}`).query(DEVICES).reply(200, vmXml({ id: A, name: "a", extra: twoNics }), xmlHeaders);
    expect((await client.listVmNics(A)).map((n) => n.name)).toEqual(["nic1"]);
    await client.addVmNic(A, { name: "nic2", interface: "virtio", vnicProfileId: "p1" });
    expect((await client.listVmNics(A)).map((n) => n.name)).toEqual(["nic1", "nic2"]);
  });

  it("waits poll the engine, not the snapshot, and bring the VM's devices along", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).query(DEVICES).reply(200, vmsXml(followedVm({ id: A, name: "a", status: "image_locked" })), xmlHeaders)
      .get(`${API}/vms/${A}`).query(DEVICES).reply(200, followedVm({ id: A, name: "a", status: "down", nic: "eth0" }), xmlHeaders);
    expect((await client.getVm(A))?.status).toBe("image_locked");
    const settled = await client.waitForVm(A, ["down"]);
    expect(settled.status).toBe("down");
    expect(settled.nics?.map((n) => n.name)).toEqual(["eth0"]);
  });

  it("templates, with their disks and NICs, are listed once per client; names are matched in the list", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/templates`).query(DEVICES).once()
      .reply(200, `<templates><template href="${API}/templates/${T}" id="${T}"><name>gold</name><status>ok</status>${devicesXml({ disk: "os", nic: "eth0" })}</template></templates>`, xmlHeaders);
    expect((await client.resolveTemplate("gold")).id).toBe(T);
    expect((await client.resolveTemplate(T)).name).toBe("gold");
    expect((await client.listTemplateDiskAttachments(T)).map((d) => d.disk.alias)).toEqual(["os"]);
    expect((await client.listTemplateNics(T)).map((n) => n.name)).toEqual(["eth0"]);
  });

  it("permissions come from one followed list per kind; a grant sends that target's next read to the engine", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    const perm = (id: string, user: string) => `<permission id="${id}"><role id="00000000-0000-0000-0001-000000000001"/><user id="${user}"/></permission>`;
    nock(ENGINE)
      .get(`${API}/vms`).query({ follow: "permissions" }).once()
      .reply(200, vmsXml(vmXml({ id: A, name: "a", extra: `<permissions>${perm("p1", "u1")}</permissions>` }), vmXml({ id: B, name: "b", extra: "<permissions/>" })), xmlHeaders)
      .post(`${API}/vms/${B}/permissions`).reply(201, perm("p2", "u2"), xmlHeaders)
      .get(`${API}/vms/${B}/permissions`).reply(200, `<permissions>${perm("p2", "u2")}</permissions>`, xmlHeaders);
    expect((await client.listPermissions({ kind: "vm", id: A })).map((p) => p.user?.id)).toEqual(["u1"]);
    expect(await client.listPermissions({ kind: "vm", id: B })).toEqual([]);
    await client.addPermission({ kind: "vm", id: B }, { role: "UserRole", userId: "u2" });
    expect((await client.listPermissions({ kind: "vm", id: B })).map((p) => p.user?.id)).toEqual(["u2"]);
    expect((await client.listPermissions({ kind: "vm", id: A })).map((p) => p.id)).toEqual(["p1"]);
  });

  it("consoles come from one followed list; an engine that cannot follow the link is asked per VM", async () => {
    const { client } = withSnapshots();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms`).query({ follow: "graphics_consoles" }).reply(400, "<fault><reason>Invalid value</reason></fault>", xmlHeaders)
      .get(`${API}/vms/${A}/graphicsconsoles`).reply(200, `<graphics_consoles><graphics_console id="7370696365"><protocol>spice</protocol></graphics_console></graphics_consoles>`, xmlHeaders);
    expect((await client.listGraphicsConsoles(A)).map((c) => c.protocol)).toEqual(["spice"]);
  });

  it("without snapshots (a client that may outlive a command) every read asks the engine", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE).get(`${API}/vms/${A}`).twice().reply(200, vmXml({ id: A, name: "a" }), xmlHeaders);
    expect((await client.getVm(A))?.name).toBe("a");
    expect((await client.getVm(A))?.name).toBe("a");
  });
});
