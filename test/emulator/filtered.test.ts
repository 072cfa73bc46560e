// Filtered (non-admin) users see only their own disks, jobs and image transfers, and an upload cannot
// write past its disk (issue 22: before, both were open).
import https from "node:https";
import { describe, expect, it } from "vitest";
import { actingUser, ownerOf, Store } from "../../emulator/store.ts";
import { at, basic, blankVm, createVm, emulatorPerSuite, removeDir, request, tempDir, waitUntil, type Emu } from "./helpers.ts";

const MIB = 1024 * 1024;
const USER = basic("user@internal", "userpw");
const list = (v: unknown): Record<string, unknown>[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as Record<string, unknown>[];

let emu: Emu;
const ids: Record<string, string> = {};

async function vmWithDisk(name: string, format = "raw"): Promise<{ vm: string; disk: string }> {
  const vm = String(at((await createVm(emu, blankVm(name))).body, "vm.@id"));
  const sds = await request(emu, "GET", "/storagedomains?search=name%3Ddata");
  const sd = String(at(sds.body, "storage_domains.storage_domain.@id"));
  const a = await request(emu, "POST", `/vms/${vm}/diskattachments`, {
    body: `<disk_attachment><bootable>true</bootable><interface>virtio</interface><disk><alias>${name}-disk</alias>` +
      `<provisioned_size>${MIB}</provisioned_size><format>${format}</format><storage_domains><storage_domain id="${sd}"/></storage_domains></disk></disk_attachment>`,
  });
  expect(a.status).toBe(201);
  const disk = String(at(a.body, "disk_attachment.disk.@id"));
  await waitUntil(emu, `/disks/${disk}`, (r) => at(r.body, "disk.status") === "ok");
  return { vm, disk };
}

async function transferOn(disk: string): Promise<{ id: string; url: string }> {
  const up = await request(emu, "POST", "/imagetransfers", { body: `<image_transfer><image id="${disk}"/><direction>upload</direction></image_transfer>` });
  expect(up.status).toBe(201);
  const id = String(at(up.body, "image_transfer.@id"));
  await waitUntil(emu, `/imagetransfers/${id}`, (r) => at(r.body, "image_transfer.phase") === "transferring");
  return { id, url: String(at(up.body, "image_transfer.transfer_url")) };
}

function put(url: string, data: Buffer, range?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = range ? { "Content-Range": range } : {};
    const req = https.request(url, { method: "PUT", ca: emu.caPem, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(data);
  });
}

emulatorPerSuite({ users: [{ name: "user@internal", password: "userpw", vms: ["mine"] }] }, async (started) => {
  emu = started;
  const mine = await vmWithDisk("mine");
  const other = await vmWithDisk("other");
  Object.assign(ids, { mineVm: mine.vm, mineDisk: mine.disk, otherDisk: other.disk });
  ids.transfer = (await transferOn(other.disk)).id;
  const started1 = await request(emu, "POST", `/vms/${mine.vm}/start?correlation_id=user-start`, { body: "<action/>", auth: USER, headers: { Filter: "true" } });
  expect(started1.status).toBe(200);
});

describe("a filtered user", () => {
  it("sees only the disks of their VMs", async () => {
    const disks = await request(emu, "GET", "/disks?filter=true", { auth: USER });
    expect(list(at(disks.body, "disks.disk")).map((d) => d["@id"])).toEqual([ids.mineDisk]);
    expect((await request(emu, "GET", `/disks/${ids.otherDisk}?filter=true`, { auth: USER })).status).toBe(404);
    expect((await request(emu, "GET", `/disks/${ids.mineDisk}?filter=true`, { auth: USER })).status).toBe(200);
    const admin = await request(emu, "GET", "/disks");
    expect(list(at(admin.body, "disks.disk")).length).toBeGreaterThanOrEqual(2);
  });

  it("sees only the jobs their own requests started: none of the admin's", async () => {
    const all = list(at((await request(emu, "GET", "/jobs")).body, "jobs.job"));
    const adminJob = all.find((j) => String(j.description).includes("other"));
    expect(adminJob).toBeDefined();
    const jobs = list(at((await request(emu, "GET", "/jobs?filter=true", { auth: USER })).body, "jobs.job"));
    expect(jobs.filter((j) => j["@id"] === adminJob?.["@id"])).toEqual([]);
    expect((await request(emu, "GET", `/jobs/${String(adminJob?.["@id"])}?filter=true`, { auth: USER })).status).toBe(404);
  });

  it("owns what their requests record: a job put while their request runs carries them as owner", () => {
    const dir = tempDir();
    const store = new Store(dir);
    try {
      const job = { id: "j1", name: "n", description: "d", status: "started" as const, startTime: 0 };
      actingUser.run("user@internal", () => store.put("job", { ...job }));
      store.put("job", { ...job, id: "j2" });
      expect(ownerOf(store.get("job", "j1") ?? {})).toBe("user@internal");
      expect(ownerOf(store.get("job", "j2") ?? {})).toBeUndefined();
    } finally {
      store.close();
      removeDir(dir);
    }
  });

  it("sees no one else's image transfer (its URL carries the ticket)", async () => {
    const mineList = await request(emu, "GET", "/imagetransfers?filter=true", { auth: USER });
    expect(mineList.status).toBe(200);
    expect(list(at(mineList.body, "image_transfers.image_transfer"))).toEqual([]);
    const one = await request(emu, "GET", `/imagetransfers/${ids.transfer}?filter=true`, { auth: USER });
    expect(one.status).toBe(404);
    expect(one.text).not.toContain("/images/");
  });
});

describe("an image upload", () => {
  it("cannot write past its disk: a 4-byte PUT at 80 MiB is refused before anything is allocated", async () => {
    // qcow2: before, only raw disks were checked, and only after the image had been grown.
    const { disk } = await vmWithDisk("bounded", "cow");
    const { url } = await transferOn(disk);
    const far = 80 * MIB;
    expect(await put(url, Buffer.from("abcd"), `bytes ${far}-${far + 3}/*`)).toBe(416);
    expect(await put(url, Buffer.from("abcd"), "bytes nonsense")).toBe(400);
    expect(await put(url, Buffer.from("abcd"), `bytes ${MIB - 4}-${MIB - 1}/${MIB}`)).toBe(200);
    const d = await request(emu, "GET", `/disks/${disk}`);
    expect(Number(at(d.body, "disk.actual_size"))).toBeLessThan(2 * MIB);
  });
});
