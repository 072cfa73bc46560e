// Storage, networks and the rest of what go-ovirt-client needs: the seeded host, domains and
// networks, disks that take the domain's space, attachments, thin and cloned copies, image
// transfers through the emulator's imageio endpoint, NICs from the MAC pool, tags and affinity.
import https from "node:https";
import { describe, expect, it } from "vitest";
import { at, blankVm, createVm, emulatorPerSuite, request, waitUntil, type Emu } from "./helpers.ts";

let emu: Emu;
emulatorPerSuite({ asyncDelayMs: 30 }, (e) => {
  emu = e;
});

const MIB = 1024 * 1024;
const list = (v: unknown): Record<string, unknown>[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as Record<string, unknown>[];

async function dataDomain(): Promise<{ id: string; available: number; used: number }> {
  const sds = await request(emu, "GET", "/storagedomains?search=name%3Ddata");
  const sd = list(at(sds.body, "storage_domains.storage_domain"))[0] ?? {};
  return { id: String(sd["@id"]), available: Number(sd.available), used: Number(sd.used) };
}

async function newDisk(alias: string, extra = "<format>raw</format><sparse>false</sparse>", size = 8 * MIB): Promise<string> {
  const sd = await dataDomain();
  const a = await request(emu, "POST", "/disks", {
    body: `<disk><alias>${alias}</alias><provisioned_size>${size}</provisioned_size>${extra}<storage_domains><storage_domain id="${sd.id}"/></storage_domains></disk>`,
  });
  expect(a.status).toBe(201);
  expect(at(a.body, "disk.status")).toBe("locked");
  const id = String(at(a.body, "disk.@id"));
  await waitUntil(emu, `/disks/${id}`, (r) => at(r.body, "disk.status") === "ok");
  return id;
}

function imageio(url: string, method: string, data?: Buffer): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, ca: emu.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(data);
  });
}

describe("seeded infrastructure", () => {
  it("has a host up in Default, an active NFS data domain in Default and ovirtmgmt with its profile", async () => {
    const hosts = list(at((await request(emu, "GET", "/hosts")).body, "hosts.host"));
    expect(hosts.map((h) => h.status)).toEqual(["up"]);
    const clusters = await request(emu, "GET", "/clusters?search=name%3DDefault");
    expect(at(hosts[0], "cluster.@id")).toBe(at(clusters.body, "clusters.cluster.@id"));
    const sd = list(at((await request(emu, "GET", "/storagedomains?search=name%3Ddata")).body, "storage_domains.storage_domain"))[0] ?? {};
    expect(at(sd, "storage.type")).toBe("nfs");
    expect(sd.external_status).toBe("ok");
    const dcId = String(at(sd, "data_centers.data_center.@id"));
    const inDc = await request(emu, "GET", `/datacenters/${dcId}/storagedomains/${String(sd["@id"])}`);
    expect(at(inDc.body, "storage_domain.status")).toBe("active");
    const profiles = list(at((await request(emu, "GET", "/vnicprofiles")).body, "vnic_profiles.vnic_profile"));
    expect(profiles.map((p) => p.name)).toContain("ovirtmgmt");
    const net = await request(emu, "GET", `/networks/${String(at(profiles[0], "network.@id"))}`);
    expect(at(net.body, "network.name")).toBe("ovirtmgmt");
  });
});

describe("disks", () => {
  it("take their space from the domain: all of it preallocated, a block when sparse", async () => {
    const before = await dataDomain();
    const pre = await newDisk("prealloc");
    const sparse = await newDisk("sparse", "<format>cow</format><sparse>true</sparse>");
    const after = await dataDomain();
    const p = await request(emu, "GET", `/disks/${pre}`);
    const s = await request(emu, "GET", `/disks/${sparse}`);
    expect(Number(at(p.body, "disk.actual_size"))).toBe(8 * MIB);
    expect(Number(at(s.body, "disk.actual_size"))).toBeLessThan(MIB);
    expect(at(s.body, "disk.format")).toBe("cow");
    expect(after.used - before.used).toBe(Number(at(p.body, "disk.actual_size")) + Number(at(s.body, "disk.actual_size")));
    expect(before.available - after.available).toBe(after.used - before.used);
    await request(emu, "DELETE", `/disks/${pre}`);
    await request(emu, "DELETE", `/disks/${sparse}`);
    expect((await dataDomain()).used).toBe(before.used);
  });

  it("grow (locked, then ok), refuse to shrink, and are found by alias", async () => {
    const id = await newDisk("growing");
    const shrink = await request(emu, "PUT", `/disks/${id}`, { body: `<disk><provisioned_size>${MIB}</provisioned_size></disk>` });
    expect(shrink.status).toBe(400);
    const grow = await request(emu, "PUT", `/disks/${id}?correlation_id=grow-1`, { body: `<disk><alias>grown</alias><provisioned_size>${16 * MIB}</provisioned_size></disk>` });
    expect(at(grow.body, "disk.status")).toBe("locked");
    await waitUntil(emu, "/jobs?search=correlation_id%3Dgrow-1", (r) => at(r.body, "jobs.job.status") === "finished");
    const found = await request(emu, "GET", "/disks?search=name%3Dgrown");
    expect(at(found.body, "disks.disk.provisioned_size")).toBe(String(16 * MIB));
    expect(at(found.body, "disks.disk.status")).toBe("ok");
  });

  it("attach to one VM only, and go with the VM when it is removed", async () => {
    const id = await newDisk("attached");
    const vm1 = String(at((await createVm(emu, blankVm("disk-vm-1"))).body, "vm.@id"));
    const vm2 = String(at((await createVm(emu, blankVm("disk-vm-2"))).body, "vm.@id"));
    const body = `<disk_attachment><interface>virtio</interface><bootable>true</bootable><disk id="${id}"/></disk_attachment>`;
    const a = await request(emu, "POST", `/vms/${vm1}/diskattachments`, { body });
    expect(a.status).toBe(201);
    expect(at(a.body, "disk_attachment.@id")).toBe(id);
    expect(at(a.body, "disk_attachment.active")).toBe("false");
    const again = await request(emu, "POST", `/vms/${vm2}/diskattachments`, { body });
    expect(again.status).toBe(409);
    await request(emu, "DELETE", `/vms/${vm1}`);
    expect((await request(emu, "GET", `/disks/${id}`)).status).toBe(404);
    await request(emu, "DELETE", `/vms/${vm2}`);
  });

  it("are copied into templates, thinly into VMs from them, fully into clones", async () => {
    const id = await newDisk("base");
    const src = String(at((await createVm(emu, blankVm("tpl-src"))).body, "vm.@id"));
    await request(emu, "POST", `/vms/${src}/diskattachments`, { body: `<disk_attachment><interface>virtio</interface><disk id="${id}"/></disk_attachment>` });
    const t = await request(emu, "POST", "/templates", { body: `<template><name>tpl-disks</name><vm id="${src}"/></template>` });
    const tid = String(at(t.body, "template.@id"));
    await waitUntil(emu, `/templates/${tid}`, (r) => at(r.body, "template.status") === "ok");
    const tdisks = list(at((await request(emu, "GET", `/templates/${tid}/diskattachments`)).body, "disk_attachments.disk_attachment"));
    expect(tdisks).toHaveLength(1);
    expect(at(tdisks[0], "disk.@id")).not.toBe(id);
    const thin = await createVm(emu, `<name>thin-vm</name><cluster><name>Default</name></cluster><template id="${tid}"/>`);
    const thinId = String(at(thin.body, "vm.@id"));
    await waitUntil(emu, `/vms/${thinId}`, (r) => at(r.body, "vm.status") === "down");
    const thinDisk = list(at((await request(emu, "GET", `/vms/${thinId}/diskattachments`)).body, "disk_attachments.disk_attachment"))[0];
    const d = await request(emu, "GET", `/disks/${String(at(thinDisk, "disk.@id"))}`);
    expect([at(d.body, "disk.format"), at(d.body, "disk.sparse")]).toEqual(["cow", "true"]);
    const clone = await request(emu, "POST", "/vms?clone=true", { body: `<vm><name>clone-vm</name><cluster><name>Default</name></cluster><template id="${tid}"/></vm>` });
    expect(at(clone.body, "vm.template.@id")).toBe("00000000-0000-0000-0000-000000000000");
    expect(at(clone.body, "vm.original_template.@id")).toBe(tid);
    const refused = await request(emu, "DELETE", `/templates/${tid}`);
    expect(refused.status).toBe(409);
    await request(emu, "DELETE", `/vms/${thinId}`);
    const cloneId = String(at(clone.body, "vm.@id"));
    await waitUntil(emu, `/vms/${cloneId}`, (r) => at(r.body, "vm.status") === "down");
    expect((await request(emu, "DELETE", `/templates/${tid}`)).status).toBe(200);
    await request(emu, "DELETE", `/vms/${cloneId}`);
    await request(emu, "DELETE", `/vms/${src}`);
  });
});

describe("image transfers", () => {
  it("upload through the transfer URL, finalize, and download the same bytes", async () => {
    const id = await newDisk("image", "<format>raw</format><sparse>true</sparse>", 2 * MIB);
    const image = Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 251));
    const up = await request(emu, "POST", "/imagetransfers?correlation_id=up-1", { body: `<image_transfer><image id="${id}"/><direction>upload</direction></image_transfer>` });
    expect(up.status).toBe(201);
    const tid = String(at(up.body, "image_transfer.@id"));
    const url = String(at(up.body, "image_transfer.transfer_url"));
    await waitUntil(emu, `/imagetransfers/${tid}`, (r) => at(r.body, "image_transfer.phase") === "transferring");
    expect((await imageio(url, "OPTIONS")).status).toBe(200);
    expect((await imageio(url, "PUT", image)).status).toBe(200);
    await request(emu, "POST", `/imagetransfers/${tid}/finalize`, { body: "<action/>" });
    await waitUntil(emu, `/imagetransfers/${tid}`, (r) => at(r.body, "image_transfer.phase") === "finished_success");
    await waitUntil(emu, "/jobs?search=correlation_id%3Dup-1", (r) => at(r.body, "jobs.job.status") === "finished");
    expect((await imageio(url, "PUT", image)).status).toBe(403);
    expect(at((await request(emu, "GET", `/disks/${id}`)).body, "disk.status")).toBe("ok");

    const down = await request(emu, "POST", "/imagetransfers", { body: `<image_transfer><image id="${id}"/><direction>download</direction></image_transfer>` });
    const downId = String(at(down.body, "image_transfer.@id"));
    await waitUntil(emu, `/imagetransfers/${downId}`, (r) => at(r.body, "image_transfer.phase") === "transferring");
    const got = await imageio(String(at(down.body, "image_transfer.transfer_url")), "GET");
    expect(got.body.length).toBe(2 * MIB);
    expect(got.body.subarray(0, image.length).equals(image)).toBe(true);
    await request(emu, "POST", `/imagetransfers/${downId}/finalize`, { body: "<action/>" });
  });
});

describe("NICs, tags and affinity", () => {
  it("gives NICs MACs from the pool, refuses duplicates, and finds VMs by tag", async () => {
    const vm = String(at((await createVm(emu, blankVm("nic-vm"))).body, "vm.@id"));
    const profile = list(at((await request(emu, "GET", "/vnicprofiles")).body, "vnic_profiles.vnic_profile"))[0] ?? {};
    const nic = await request(emu, "POST", `/vms/${vm}/nics`, { body: `<nic><name>eth0</name><vnic_profile id="${String(profile["@id"])}"/></nic>` });
    expect(nic.status).toBe(201);
    expect(String(at(nic.body, "nic.mac.address"))).toMatch(/^00:1a:4a:16:01:[0-9a-f]{2}$/);
    expect([at(nic.body, "nic.plugged"), at(nic.body, "nic.linked")]).toEqual(["true", "true"]);
    expect((await request(emu, "POST", `/vms/${vm}/nics`, { body: "<nic><name>eth0</name></nic>" })).status).toBe(409);
    const tag = await request(emu, "POST", "/tags", { body: "<tag><name>blue</name></tag>" });
    expect(tag.status).toBe(201);
    await request(emu, "POST", `/vms/${vm}/tags`, { body: "<tag><name>blue</name></tag>" });
    const found = await request(emu, "GET", `/vms?search=${encodeURIComponent('tag = "blue"')}`);
    expect(at(found.body, "vms.vm.@id")).toBe(vm);
    await request(emu, "DELETE", `/vms/${vm}`);
    expect(list(at((await request(emu, "GET", `/vms/${vm}/nics`)).body, "nics.nic"))).toHaveLength(0);
  });

  it("keeps VMs of an enforcing negative affinity group apart: the second cannot start on the only host", async () => {
    const clusters = await request(emu, "GET", "/clusters?search=name%3DDefault");
    const cid = String(at(clusters.body, "clusters.cluster.@id"));
    const g = await request(emu, "POST", `/clusters/${cid}/affinitygroups`, {
      body: "<affinity_group><name>apart</name><vms_rule><enabled>true</enabled><positive>false</positive><enforcing>true</enforcing></vms_rule></affinity_group>",
    });
    const gid = String(at(g.body, "affinity_group.@id"));
    const ids: string[] = [];
    for (const name of ["apart-1", "apart-2"]) {
      const id = String(at((await createVm(emu, blankVm(name))).body, "vm.@id"));
      ids.push(id);
      await request(emu, "POST", `/clusters/${cid}/affinitygroups/${gid}/vms`, { body: `<vm id="${id}"/>` });
    }
    expect((await request(emu, "POST", `/vms/${ids[0]}/start`, { body: "<action/>" })).status).toBe(200);
    const second = await request(emu, "POST", `/vms/${ids[1]}/start`, { body: "<action/>" });
    expect(second.status).toBe(400);
    expect(String(at(second.body, "fault.detail"))).toContain("There is no host that satisfies current scheduling constraints");
    await request(emu, "POST", `/vms/${ids[0]}/stop`, { body: "<action/>" });
    await waitUntil(emu, `/vms/${ids[0]}`, (r) => at(r.body, "vm.status") === "down");
    for (const id of ids) await request(emu, "DELETE", `/vms/${id}`);
  });
});
