import { describe, expect, it } from "vitest";
import { at, blankVm, createVm, type Emu, emulatorPerSuite, removeDir, request, waitUntil, withEmulator } from "./helpers.ts";
import { poolVmNames } from "../../emulator/collections/pools.ts";

const idOf = (body: Record<string, unknown>, root: string): string => String(at(body, `${root}.@id`));

async function vmsOfPool(emu: Emu, pool: string): Promise<{ name: string; stateless: string; display?: { smartcard_enabled: string }; status: string }[]> {
  const a = await request(emu, "GET", `/vms?search=${encodeURIComponent(`pool=${pool}`)}`);
  return ((a.body.vms as { vm?: [] }).vm ?? []) as never;
}

describe("emulator templates and pools", () => {
  let emu: Emu;
  let templateId = "";
  emulatorPerSuite({ asyncDelayMs: 150 }, (started) => {
    emu = started;
  });

  it("creates a template from a down VM: template locked and VM image_locked, then ok and down", async () => {
    const vm = await createVm(emu, blankVm("tsource", "<display><type>spice</type><smartcard_enabled>true</smartcard_enabled></display>"));
    const vmId = idOf(vm.body, "vm");
    const t = await request(emu, "POST", "/templates", {
      body: `<template><name>desk-tpl</name><vm id="${vmId}"/><description>golden</description></template>`,
    });
    expect(t.status).toBe(202);
    expect(at(t.body, "template.status")).toBe("locked");
    templateId = idOf(t.body, "template");
    expect(at((await request(emu, "GET", `/vms/${vmId}`)).body, "vm.status")).toBe("image_locked");
    const edit = await request(emu, "PUT", `/vms/${vmId}`, { body: "<vm><description>x</description></vm>" });
    expect(edit.status).toBe(409);
    expect(at(edit.body, "fault.detail")).toBe("[Cannot edit VM: VM is locked. Please try again in a few minutes.]");
    const ready = await waitUntil(emu, `/templates/${templateId}`, (r) => at(r.body, "template.status") === "ok");
    expect(at(ready.body, "template.display.smartcard_enabled")).toBe("true");
    expect(at(ready.body, "template.description")).toBe("golden");
    expect(at(ready.body, "template.version.version_name")).toBe("base version");
    expect(at((await request(emu, "GET", `/vms/${vmId}`)).body, "vm.status")).toBe("down");
  });

  it("refuses a template from a running VM and duplicate template names", async () => {
    const vm = await createVm(emu, blankVm("trunning"));
    const vmId = idOf(vm.body, "vm");
    await request(emu, "POST", `/vms/${vmId}/start`, { body: "<action/>" });
    const a = await request(emu, "POST", "/templates", { body: `<template><name>never</name><vm id="${vmId}"/></template>` });
    expect(a.status).toBe(409);
    expect(at(a.body, "fault.detail")).toBe(
      "[Cannot add Template. VM is locked or still running, try again once VM is in the Down state.]",
    );
    const dup = await request(emu, "POST", "/templates", { body: `<template><name>desk-tpl</name><vm><name>tsource</name></vm></template>` });
    expect(dup.status).toBe(409);
    expect(at(dup.body, "fault.detail")).toBe(
      "[Cannot add Template. The Template name is already in use, please choose a unique name and try again.]",
    );
    const missing = await request(emu, "POST", "/templates", { body: "<template><name>x</name></template>" });
    expect(missing.status).toBe(400);
    expect(at(missing.body, "fault.detail")).toBe("Template [vm.id|name] required for add");
  });

  it("blocks with Expect: 201-created until a VM from a template with disks is down", async () => {
    const plain = await createVm(emu, `<name>from-tpl-async</name><cluster><name>Default</name></cluster><template id="${templateId}"/>`);
    expect(plain.status).toBe(202);
    expect(at(plain.body, "vm.status")).toBe("image_locked");
    const blocking = await createVm(emu, `<name>from-tpl-sync</name><cluster><name>Default</name></cluster><template id="${templateId}"/>`, {
      Expect: "201-created",
    });
    expect(blocking.status).toBe(201);
    expect(at(blocking.body, "vm.status")).toBe("down");
    expect(at(blocking.body, "vm.display.smartcard_enabled")).toBe("true");
    const viaOvirtHeader = await createVm(emu, `<name>from-tpl-sync2</name><cluster><name>Default</name></cluster><template id="${templateId}"/>`, {
      "X-Ovirt-Expect": "201-created",
    });
    expect(viaOvirtHeader.status).toBe(201);
  });

  it("names pool VMs as the engine does", () => {
    expect(poolVmNames("desk-???", 3, () => false)).toEqual(["desk-001", "desk-002", "desk-003"]);
    expect(poolVmNames("pool", 2, (n) => n === "pool-1")).toEqual(["pool-2", "pool-3"]);
  });

  it("creates a pool of three with the nested VM's smartcard, stateless VMs and vm_pool links", async () => {
    const p = await request(emu, "POST", "/vmpools", {
      body: `<vm_pool><name>vdi</name><cluster><name>Default</name></cluster><template id="${templateId}"/><size>3</size>
        <vm><display><smartcard_enabled>false</smartcard_enabled><monitors>2</monitors></display></vm></vm_pool>`,
      headers: { Expect: "201-created" },
    });
    expect(p.status).toBe(201);
    const poolId = idOf(p.body, "vm_pool");
    expect(at(p.body, "vm_pool.size")).toBe("3");
    expect(at(p.body, "vm_pool.type")).toBe("automatic");
    expect(at(p.body, "vm_pool.stateful")).toBe("false");
    expect(at(p.body, "vm_pool.vm.display.smartcard_enabled")).toBe("false");
    const vms = await vmsOfPool(emu, "vdi");
    expect(vms.map((v) => v.name)).toEqual(["vdi-1", "vdi-2", "vdi-3"]);
    expect(vms.every((v) => v.stateless === "true" && v.status === "down")).toBe(true);
    const one = await request(emu, "GET", `/vms?search=${encodeURIComponent("name=vdi-1")}`);
    expect(at(one.body, "vms.vm.vm_pool.@id")).toBe(poolId);

    // The nested vm is ignored on update; size only grows; name/type/stateful never change.
    const shrink = await request(emu, "PUT", `/vmpools/${poolId}`, { body: "<vm_pool><size>2</size></vm_pool>" });
    expect(shrink.status).toBe(400);
    expect(at(shrink.body, "fault.detail")).toBe("[Cannot decrease VMs from VM-Pool.]");
    const rename = await request(emu, "PUT", `/vmpools/${poolId}`, { body: "<vm_pool><name>other</name></vm_pool>" });
    expect(rename.status).toBe(400);
    expect(at(rename.body, "fault.detail")).toBe("[Cannot change VM-Pool name.]");
    const type = await request(emu, "PUT", `/vmpools/${poolId}`, { body: "<vm_pool><type>manual</type></vm_pool>" });
    expect(type.status).toBe(400);
    const stateful = await request(emu, "PUT", `/vmpools/${poolId}`, { body: "<vm_pool><stateful>true</stateful></vm_pool>" });
    expect(stateful.status).toBe(400);
    const grow = await request(emu, "PUT", `/vmpools/${poolId}`, {
      body: "<vmpool><size>4</size><vm><display><smartcard_enabled>true</smartcard_enabled></display></vm></vmpool>",
      headers: { Expect: "201-created" },
    });
    expect(grow.status).toBe(200);
    const after = await vmsOfPool(emu, "vdi");
    expect(after.map((v) => v.name)).toEqual(["vdi-1", "vdi-2", "vdi-3", "vdi-4"]);
    expect(after[3]?.display?.smartcard_enabled).toBe("false");

    // A pool VM cannot be removed; the template cannot be removed while used.
    const vdi1 = await request(emu, "GET", `/vms?search=${encodeURIComponent("name=vdi-1")}`);
    const vmDel = await request(emu, "DELETE", `/vms/${String(at(vdi1.body, "vms.vm.@id"))}`);
    expect(vmDel.status).toBe(409);
    expect(at(vmDel.body, "fault.detail")).toBe("[Cannot remove VM. VM is attached to a VM Pool.]");
    const tplDel = await request(emu, "DELETE", `/templates/${templateId}`);
    expect(tplDel.status).toBe(409);
    expect(String(at(tplDel.body, "fault.detail"))).toContain("Cannot delete Template. Template is being used by the following VMs:");

    const dup = await request(emu, "POST", "/vmpools", {
      body: `<vm_pool><name>vdi</name><cluster><name>Default</name></cluster><template id="${templateId}"/></vm_pool>`,
    });
    expect(dup.status).toBe(409);
    expect(at(dup.body, "fault.detail")).toBe(
      "[Cannot create VM-Pool. The VM-Pool name is already in use, please choose a unique name and try again.]",
    );
    const del = await request(emu, "DELETE", `/vmpools/${poolId}`);
    expect(del.status).toBe(200);
    expect(await vmsOfPool(emu, "vdi")).toEqual([]);
  });

  it("uses zero-padded numbers for ??? and refuses Blank, zero size and too many prestarted VMs", async () => {
    const p = await request(emu, "POST", "/vmpools", {
      body: `<vm_pool><name>desk-???</name><cluster><name>Default</name></cluster><template id="${templateId}"/><size>2</size><stateful>true</stateful></vm_pool>`,
    });
    expect(p.status).toBe(201);
    const vms = await vmsOfPool(emu, "desk-???");
    expect(vms.map((v) => v.name)).toEqual(["desk-001", "desk-002"]);
    expect(vms.every((v) => v.stateless === "false")).toBe(true);
    const blank = await request(emu, "POST", "/vmpools", {
      body: "<vm_pool><name>b</name><cluster><name>Default</name></cluster><template><name>Blank</name></template></vm_pool>",
    });
    expect(blank.status).toBe(400);
    expect(at(blank.body, "fault.detail")).toBe("[VM-Pool must be based on  non-blank Template.]");
    const zero = await request(emu, "POST", "/vmpools", {
      body: `<vm_pool><name>z</name><cluster><name>Default</name></cluster><template id="${templateId}"/><size>0</size></vm_pool>`,
    });
    expect(zero.status).toBe(400);
    const pre = await request(emu, "POST", "/vmpools", {
      body: `<vm_pool><name>pre</name><cluster><name>Default</name></cluster><template id="${templateId}"/><size>1</size><prestarted_vms>2</prestarted_vms></vm_pool>`,
    });
    expect(pre.status).toBe(409);
    const missing = await request(emu, "POST", "/vmpools", { body: "<vm_pool><name>m</name></vm_pool>" });
    expect(missing.status).toBe(400);
    expect(at(missing.body, "fault.detail")).toBe("VmPool [template.id|name, cluster.id|name] required for add");
  });

  it("gives pool VMs the template's NICs, each with its own MAC, and removes them with the pool", async () => {
    const asList = (v: unknown): Record<string, unknown>[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as Record<string, unknown>[];
    const networks = await request(emu, "GET", "/networks?search=name%3Dovirtmgmt");
    const networkId = String(at(networks.body, "networks.network.@id"));
    const profile = await request(emu, "POST", "/vnicprofiles", { body: `<vnic_profile><name>pooled</name><network id="${networkId}"/></vnic_profile>` });
    const profileId = idOf(profile.body, "vnic_profile");
    const vm = await createVm(emu, blankVm("nic-source"));
    const vmId = idOf(vm.body, "vm");
    await request(emu, "POST", `/vms/${vmId}/nics`, { body: `<nic><name>nic1</name><interface>e1000</interface><vnic_profile id="${profileId}"/></nic>` });
    const t = await request(emu, "POST", "/templates", { body: `<template><name>nic-tpl</name><vm id="${vmId}"/></template>`, headers: { Expect: "201-created" } });
    const p = await request(emu, "POST", "/vmpools", {
      body: `<vm_pool><name>nicpool</name><cluster><name>Default</name></cluster><template id="${idOf(t.body, "template")}"/><size>2</size></vm_pool>`,
      headers: { Expect: "201-created" },
    });
    expect(p.status).toBe(201);
    const macs: unknown[] = [];
    for (const name of ["nicpool-1", "nicpool-2"]) {
      const found = await request(emu, "GET", `/vms?search=${encodeURIComponent(`name=${name}`)}`);
      const nics = asList(at((await request(emu, "GET", `/vms/${String(at(found.body, "vms.vm.@id"))}/nics`)).body, "nics.nic"));
      expect(nics.map((n) => [n["name"], n["interface"], (n["vnic_profile"] as Record<string, unknown>)["@id"]]), name).toEqual([["nic1", "e1000", profileId]]);
      macs.push(at(nics[0], "mac.address"));
    }
    expect(new Set(macs).size).toBe(2);

    // Once the pool, the template and the source VM are gone, no NIC holds the profile any more.
    expect((await request(emu, "DELETE", `/vmpools/${idOf(p.body, "vm_pool")}`)).status).toBe(200);
    expect((await request(emu, "DELETE", `/templates/${idOf(t.body, "template")}`)).status).toBe(200);
    expect((await request(emu, "DELETE", `/vms/${vmId}`)).status).toBe(200);
    expect((await request(emu, "DELETE", `/vnicprofiles/${profileId}`)).status).toBe(200);
  });

  it("removes an unused template and never the Blank one", async () => {
    const vm = await createVm(emu, blankVm("tsource2"));
    const t = await request(emu, "POST", "/templates", {
      body: `<template><name>tmp-tpl</name><vm id="${idOf(vm.body, "vm")}"/></template>`,
      headers: { Expect: "201-created" },
    });
    expect(t.status).toBe(201);
    expect(at(t.body, "template.status")).toBe("ok");
    expect((await request(emu, "DELETE", `/templates/${idOf(t.body, "template")}`)).status).toBe(200);
    const blank = await request(emu, "DELETE", "/templates/00000000-0000-0000-0000-000000000000");
    expect(blank.status).toBe(409);
    expect(at(blank.body, "fault.detail")).toBe("[Cannot remove Template. Removing Blank Template is not allowed.]");
  });
});

describe("emulator pool allocation", () => {
  it("allocates a pool VM to a filtered user, starts it, and stops at max_user_vms", async () => {
    const emu = await withEmulator({ asyncDelayMs: 0, users: [{ name: "user@internal", password: "userpw", pools: ["alloc"] }] });
    try {
      const src = await createVm(emu, blankVm("alloc-src"));
      const t = await request(emu, "POST", "/templates", {
        body: `<template><name>alloc-tpl</name><vm id="${idOf(src.body, "vm")}"/></template>`,
        headers: { Expect: "201-created" },
      });
      const p = await request(emu, "POST", "/vmpools", {
        body: `<vm_pool><name>alloc</name><cluster><name>Default</name></cluster><template id="${idOf(t.body, "template")}"/><size>2</size></vm_pool>`,
        headers: { Expect: "201-created" },
      });
      const poolId = idOf(p.body, "vm_pool");
      const auth = `Basic ${Buffer.from("user@internal:userpw").toString("base64")}`;
      const pools = await request(emu, "GET", "/vmpools?filter=true", { auth });
      expect(at(pools.body, "vm_pools.vm_pool.name")).toBe("alloc");
      const a = await request(emu, "POST", `/vmpools/${poolId}/allocatevm?filter=true`, { auth, body: "<action/>" });
      expect(a.status).toBe(200);
      const vmId = String(at(a.body, "action.vm.@id"));
      await waitUntil(emu, `/vms/${vmId}`, (r) => at(r.body, "vm.status") === "up");
      const again = await request(emu, "POST", `/vmpools/${poolId}/allocatevm?filter=true`, { auth, body: "<action/>" });
      expect(again.status).toBe(409);
      expect(String(at(again.body, "fault.detail"))).toContain("maximum number of VMs");
    } finally {
      await emu.close();
      removeDir(emu.dataDir);
    }
  });
});
