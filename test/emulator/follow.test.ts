// `follow=disk_attachments.disk,nics` on the VM and template collections (and single entities):
// each entity must carry exactly what the separate GETs of its sub-collections (and of each
// attached disk) answer, since the provider's snapshots read disks and NICs from nothing else.
import { describe, expect, it } from "vitest";
import { at, blankVm, createVm, emulatorPerSuite, request, waitUntil, type Emu } from "./helpers.ts";

let emu: Emu;
emulatorPerSuite({}, (e) => {
  emu = e;
});

const FOLLOW = "follow=disk_attachments.disk,nics";
const MIB = 1024 * 1024;
const list = (v: unknown): Record<string, unknown>[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as Record<string, unknown>[];

/** A VM with one attached disk and one NIC, and a VM with neither. */
async function seed(): Promise<{ equipped: string; bare: string }> {
  const sd = list(at((await request(emu, "GET", "/storagedomains?search=name%3Ddata")).body, "storage_domains.storage_domain"))[0]!;
  const profile = list(at((await request(emu, "GET", "/vnicprofiles")).body, "vnic_profiles.vnic_profile"))[0]!;
  const disk = await request(emu, "POST", "/disks", {
    body: `<disk><alias>follow-os</alias><provisioned_size>${8 * MIB}</provisioned_size><format>cow</format><sparse>true</sparse>` +
      `<storage_domains><storage_domain id="${String(sd["@id"])}"/></storage_domains></disk>`,
  });
  const diskId = String(at(disk.body, "disk.@id"));
  await waitUntil(emu, `/disks/${diskId}`, (r) => at(r.body, "disk.status") === "ok");
  const equipped = String(at((await createVm(emu, blankVm("follow-equipped"))).body, "vm.@id"));
  const bare = String(at((await createVm(emu, blankVm("follow-bare"))).body, "vm.@id"));
  const attach = await request(emu, "POST", `/vms/${equipped}/diskattachments`, {
    body: `<disk_attachment><interface>virtio_scsi</interface><bootable>true</bootable><active>true</active><disk id="${diskId}"/></disk_attachment>`,
  });
  expect(attach.status).toBe(201);
  const nic = await request(emu, "POST", `/vms/${equipped}/nics`, {
    body: `<nic><name>nic1</name><interface>virtio</interface><vnic_profile id="${String(profile["@id"])}"/></nic>`,
  });
  expect(nic.status).toBe(201);
  return { equipped, bare };
}

/** What the separate GETs answer for one entity: its attachments with each disk in full, and its NICs. */
async function separately(kind: "vms" | "templates", id: string): Promise<{ disk_attachments: unknown; nics: unknown }> {
  const attachments = (await request(emu, "GET", `/${kind}/${id}/diskattachments`)).body.disk_attachments as Record<string, unknown>;
  for (const attachment of list(attachments.disk_attachment)) {
    const diskId = String(at(attachment, "disk.@id"));
    attachment.disk = (await request(emu, "GET", `/disks/${diskId}`)).body.disk;
  }
  const nics = (await request(emu, "GET", `/${kind}/${id}/nics`)).body.nics;
  return { disk_attachments: attachments, nics };
}

const inlined = (entity: Record<string, unknown>) => ({ disk_attachments: entity.disk_attachments, nics: entity.nics });

describe("follow=disk_attachments.disk,nics", () => {
  it("inlines into each listed VM, and into one VM, what the sub-collection GETs answer", async () => {
    const { equipped, bare } = await seed();
    const listed = list(at((await request(emu, "GET", `/vms?${FOLLOW}`)).body, "vms.vm"));
    expect(listed.length).toBeGreaterThanOrEqual(2);
    for (const id of [equipped, bare]) {
      const vm = listed.find((v) => v["@id"] === id)!;
      expect(inlined(vm)).toEqual(await separately("vms", id));
      const one = (await request(emu, "GET", `/vms/${id}?${FOLLOW}`)).body.vm as Record<string, unknown>[];
      expect(inlined(one[0]!)).toEqual(await separately("vms", id));
    }
    const withDevices = inlined(listed.find((v) => v["@id"] === equipped)!);
    expect(at(withDevices.disk_attachments, "disk_attachment.disk.alias")).toBe("follow-os");
    expect(at(withDevices.nics, "nic.name")).toBe("nic1");
    // Without follow the list carries links only.
    const plain = list(at((await request(emu, "GET", "/vms")).body, "vms.vm")).find((v) => v["@id"] === equipped)!;
    expect(plain.nics).toBeUndefined();
  });

  it("inlines into each listed template what its sub-collection GETs answer", async () => {
    const source = String(at((await request(emu, "GET", "/vms?search=name%3Dfollow-equipped")).body, "vms.vm.@id"));
    const created = await request(emu, "POST", "/templates", { body: `<template><name>follow-gold</name><vm id="${source}"/></template>` });
    const id = String(at(created.body, "template.@id"));
    await waitUntil(emu, `/templates/${id}`, (r) => at(r.body, "template.status") === "ok");
    const listed = list(at((await request(emu, "GET", `/templates?${FOLLOW}`)).body, "templates.template"));
    const template = listed.find((t) => t["@id"] === id)!;
    const expected = await separately("templates", id);
    expect(inlined(template)).toEqual(expected);
    expect(list(at(expected.disk_attachments, "disk_attachment"))).toHaveLength(1);
    expect(at(expected.nics, "nic.name")).toBe("nic1");
    // The Blank template has neither, and says so with empty collections as the engine does.
    const blank = listed.find((t) => t["@id"] === "00000000-0000-0000-0000-000000000000")!;
    expect(inlined(blank)).toEqual(await separately("templates", "00000000-0000-0000-0000-000000000000"));
  });
});
