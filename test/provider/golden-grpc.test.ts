// The golden-image pipeline (#23) through the real plugin process over gRPC, against the emulator:
// template versions (AddVmTemplateCommand), a pool moved in place to a new version of its template
// (UpdateVmPoolCommand -> UpdateVm per desktop: down ones rebuilt now, running ones at their next
// start), `rollout: "idle-now"`, groups on a pool reaching a member's filtered view, the Permission
// resource, its drift, and the lookups.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index.ts";
import { at, basic, removeDir, request, waitUntil, withEmulator } from "../emulator/helpers.ts";
import { logged } from "./engine-access.ts";
import { rejection, secret, startPlugin, UNKNOWN, type PluginProcess, type Props } from "./harness.ts";

const VM = "ovirt:index:Vm";
const TEMPLATE = "ovirt:index:Template";
const POOL = "ovirt:index:Pool";
const PERMISSION = "ovirt:index:Permission";
const USER = basic("user@internal", "userpw");
const FILTERED = { headers: { Filter: "true" } };

function items(body: unknown, root: string, item: string): Record<string, unknown>[] {
  const node = (body as Record<string, Record<string, unknown> | string | undefined>)[root];
  if (!node || typeof node === "string") return [];
  const found = node[item];
  return (Array.isArray(found) ? found : found ? [found] : []) as Record<string, unknown>[];
}

describe("golden image rollout over gRPC against the emulator (#23)", () => {
  let emulator: RunningEmulator;
  let plugin: PluginProcess;
  const made: { type: string; id: string; outputs: Props }[] = [];

  async function create(type: string, news: Props, olds: Props = {}) {
    const { inputs, failures } = await plugin.client.check(type, news, olds);
    expect(failures).toEqual([]);
    const result = await plugin.client.create(type, inputs);
    made.unshift({ type, ...result });
    return { ...result, inputs };
  }

  beforeAll(async () => {
    emulator = await withEmulator({
      users: [{ name: "user@internal", password: "userpw" }, { name: "other@internal", password: "otherpw" }],
      groups: [
        { name: "vdi-users", profile: "internal", members: ["user@internal"] },
        { name: "helpdesk", profile: "internal", members: ["other@internal"] },
        { name: "kiosk", profile: "internal", members: ["dir-only@internal"] },
      ],
    });
    plugin = await startPlugin({ env: { OVIRT_URL: undefined, OVIRT_PASSWORD: undefined } });
    await plugin.client.configure({ url: emulator.apiUrl, username: "admin@internal", password: secret("secret"), caFile: emulator.caFile });
  });
  afterAll(async () => {
    for (const { type, id, outputs } of made) await plugin?.client.delete(type, id, outputs).catch(() => undefined);
    await plugin?.stop();
    await emulator?.close();
    if (emulator) removeDir(emulator.dataDir);
  });

  it("makes versions, moves a pool in place, restarts only idle desktops, and entitles a group", async () => {
    const source = await create(VM, { name: "golden-src", memoryMb: 2048 });
    const base = await create(TEMPLATE, { name: "golden", sourceVm: source.id });
    expect(base.outputs).toMatchObject({ versionNumber: 1, baseTemplateId: base.id });

    // A base that does not exist: a warning at check (the program may still make it), an error at create naming it.
    const missing = await plugin.client.check(TEMPLATE, { name: "no-base", sourceVm: source.id, baseTemplate: "no-base" });
    expect(missing.failures).toEqual([]);
    await logged(plugin, /`baseTemplate`: [^\n]*no-base/);
    expect((await rejection(plugin.client.create(TEMPLATE, missing.inputs))).message).toMatch(/^`baseTemplate`: .*nothing was created/);
    // By name, a version must carry its base's name.
    const misnamed = await plugin.client.check(TEMPLATE, { name: "golden-2", sourceVm: source.id, baseTemplate: "golden" });
    expect(misnamed.failures.map((f) => f.property)).toEqual(["name"]);
    // A base the same program makes is unknown at preview: no verdict on the name until create.
    const planned = await plugin.client.check(TEMPLATE, { name: "golden", sourceVm: source.id, baseTemplate: UNKNOWN });
    expect(planned.failures).toEqual([]);

    const pool = await create(POOL, { name: "desks", template: "golden", size: 3, rollout: "idle-now", groups: ["vdi-users@internal"] });
    const vmIds = (pool.outputs.vmTemplateVersions as Props[]).map((v) => v.vmId).sort();
    expect(pool.outputs.vmTemplateVersions).toHaveLength(3);
    expect(pool.outputs.groups).toEqual(["vdi-users@internal-authz"]);

    // The group reaches its member's filtered view: user@internal sees the pool and takes a desktop.
    const seen = await request(emulator, "GET", "/vmpools", { auth: USER, ...FILTERED });
    expect(items(seen.body, "vm_pools", "vm_pool").map((p) => p.name)).toEqual(["desks"]);
    const take = await request(emulator, "POST", `/vmpools/${pool.id}/allocatevm`, { auth: USER, ...FILTERED, body: "<action/>" });
    expect(take.status).toBe(200);
    const heldId = String(at(take.body, "action.vm.@id"));
    await waitUntil(emulator, `/vms/${heldId}`, (a) => at(a.body, "vm.status") === "up");
    // A second desktop runs with nobody on it; the third stays down.
    const idleId = vmIds.find((id) => id !== heldId)!;
    await request(emulator, "POST", `/vms/${idleId}/start`, { body: "<action/>" });
    await waitUntil(emulator, `/vms/${idleId}`, (a) => at(a.body, "vm.status") === "up");
    const downId = vmIds.find((id) => id !== heldId && id !== idleId)!;

    const v2 = await create(TEMPLATE, { name: "golden", sourceVm: source.id, baseTemplate: base.id, versionName: "v2" });
    expect(v2.outputs).toMatchObject({ versionNumber: 2, baseTemplateId: base.id, versionName: "v2" });

    // The move: a plan that says update (no replacement), and per desktop what happens when.
    const olds = { ...pool.inputs };
    const moved = await plugin.client.check(POOL, { ...olds, template: v2.id }, olds);
    expect(moved.failures).toEqual([]);
    await logged(plugin, /Pool desks: 3 of 3 desktops move to golden version 2 \(v2\): 1 now \(down: [^)]+\); 2 at their next start/);
    const diff = await plugin.client.diff(POOL, pool.id, pool.outputs, moved.inputs, { oldInputs: olds });
    expect(diff.replaces).toEqual([]);
    const updated = await plugin.client.update(POOL, pool.id, pool.outputs, moved.inputs, { oldInputs: olds });
    const versions = updated.vmTemplateVersions as Props[];
    expect(versions.map((v) => v.vmId).sort()).toEqual(vmIds);
    const byId = new Map(versions.map((v) => [v.vmId, v]));
    expect(byId.get(downId)).toMatchObject({ templateId: v2.id, versionNumber: 2 });
    expect(byId.get(idleId)).toMatchObject({ templateId: v2.id, versionNumber: 2 });
    expect(byId.get(heldId)).toMatchObject({ pendingTemplateId: v2.id, pendingVersionNumber: 2 });
    const names = new Map(versions.map((v) => [v.vmId, v.vmName]));
    expect(updated.rolloutRestarted).toEqual([names.get(idleId)]);
    expect(updated.rolloutWaiting).toEqual([names.get(heldId)]);
    expect(at((await request(emulator, "GET", `/vms/${idleId}`)).body, "vm.status")).not.toBe("down");

    // Another lineage: the engine refuses it, and so does the check, naming `template`.
    const otherBase = await create(TEMPLATE, { name: "other-img", sourceVm: source.id });
    const refused = await plugin.client.check(POOL, { ...moved.inputs, template: otherBase.id }, moved.inputs);
    expect(refused.failures.map((f) => f.property)).toEqual(["template"]);
    expect(refused.failures[0]?.reason).toMatch(/not a version of golden/);

    // Lookups: the newest version by default, or the one asked for.
    expect((await plugin.client.invoke("ovirt:index:getTemplate", { name: "golden" })).outputs).toMatchObject({ id: v2.id, versionNumber: 2 });
    expect((await plugin.client.invoke("ovirt:index:getTemplate", { name: "golden", versionNumber: 1 })).outputs).toMatchObject({ id: base.id });
    expect((await plugin.client.invoke("ovirt:index:getTemplate", { name: "golden", versionName: "v2" })).outputs).toMatchObject({ id: v2.id });
    expect((await plugin.client.invoke("ovirt:index:getGroup", { name: "vdi-users@internal" })).outputs).toMatchObject({ name: "vdi-users", domain: "internal-authz" });
    expect((await plugin.client.invoke("ovirt:index:getUser", { name: "user@internal" })).outputs).toMatchObject({ userName: "user@internal-authz" });

    // The pool goes with every desktop, the held one (running, a version pending) included.
    await plugin.client.delete(POOL, pool.id, updated);
    const left = items((await request(emulator, "GET", "/vms")).body, "vms", "vm").map((v) => v.name);
    expect(left.filter((n) => String(n).startsWith("desks"))).toEqual([]);
    made.splice(made.findIndex((m) => m.id === pool.id), 1);
    // A base with versions: the engine refuses to delete it, and the message says what to do.
    const baseGone = await rejection(plugin.client.delete(TEMPLATE, base.id, base.outputs));
    expect(baseGone.message).toMatch(/base template with versions 2 \(v2\)[^\n]*Delete the versions first/);
  });

  it("Permission: a group added from the directory, drift restored, and bad input named", async () => {
    const source = await create(VM, { name: "perm-src" });
    const granted = await create(PERMISSION, { group: "helpdesk@internal", role: "UserVmManager", vmId: source.id });
    expect(granted.outputs).toMatchObject({ group: "helpdesk@internal", role: "UserVmManager", vmId: source.id });
    const groups = await request(emulator, "GET", "/groups");
    expect(items(groups.body, "groups", "group").map((g) => g.name)).toContain("helpdesk");
    // The member sees the VM through the group.
    const seen = await request(emulator, "GET", "/vms", { auth: basic("other@internal", "otherpw"), ...FILTERED });
    expect(items(seen.body, "vms", "vm").map((v) => v.name)).toContain("perm-src");

    // Removed out of band: the refresh reads it as gone; the next up grants it again.
    await request(emulator, "DELETE", `/vms/${source.id}/permissions/${String(granted.outputs.permissionId)}`);
    expect((await plugin.client.read(PERMISSION, granted.id, { properties: granted.outputs, inputs: granted.inputs })).id).toBe("");
    const again = await create(PERMISSION, granted.inputs);
    expect(again.outputs.principalId).toBe(granted.outputs.principalId);

    const both = await plugin.client.check(PERMISSION, { user: "user@internal", group: "helpdesk@internal", role: "UserRole", vmId: source.id });
    expect(both.failures.map((f) => f.property)).toEqual(["group"]);
    const badRole = await plugin.client.check(PERMISSION, { user: "user@internal", role: "NoSuchRole", vmId: source.id });
    expect(badRole.failures.map((f) => f.property)).toEqual(["role"]);
    const twoTargets = await plugin.client.check(PERMISSION, { user: "user@internal", role: "UserRole", vmId: source.id, clusterId: "x" });
    expect(twoTargets.failures.map((f) => f.property)).toEqual(["clusterId"]);
    // A group the directory does not have fails at check (BackendDomainGroupsResource: the directory is
    // nothing the program can create); the apply's own error stays as the safety net.
    const nobody = { group: "nobody@internal", role: "UserRole", vmId: source.id };
    const unknownGroup = await plugin.client.check(PERMISSION, nobody);
    expect(unknownGroup.failures).toEqual([{ property: "group", reason: expect.stringMatching(/^`group`: the directory internal-authz has no group nobody, .*Check the name and its profile/) }]);
    expect((await rejection(plugin.client.create(PERMISSION, nobody))).message).toMatch(/^`group`: the directory internal-authz has no group nobody/);
  });
  it("a Vm: groups and useLatestTemplateVersion reach the engine, and a group removed out of band comes back at the next update", async () => {
    const source = await create(VM, { name: "vm-grp-src" });
    const image = await create(TEMPLATE, { name: "vm-grp-img", sourceVm: source.id });
    const vm = await create(VM, { name: "vm-grp", template: image.id, useLatestTemplateVersion: true, groups: ["vdi-users@internal"] });
    expect(vm.outputs).toMatchObject({ useLatestTemplateVersion: true, groups: ["vdi-users@internal-authz"] });
    expect(at((await request(emulator, "GET", `/vms/${vm.id}`)).body, "vm.use_latest_template_version")).toBe("true");
    const grants = async () => items((await request(emulator, "GET", `/vms/${vm.id}/permissions`)).body, "permissions", "permission").filter((p) => p.group !== undefined);
    const [grant] = await grants();
    await request(emulator, "DELETE", `/vms/${vm.id}/permissions/${String(grant?.["@id"])}`);
    const read = await plugin.client.read(VM, vm.id, { properties: vm.outputs, inputs: vm.inputs });
    expect(read.inputs.groups).toEqual([]);
    const checked = await plugin.client.check(VM, vm.inputs, read.inputs);
    await plugin.client.update(VM, vm.id, read.outputs, checked.inputs, { oldInputs: read.inputs });
    expect(await grants()).toHaveLength(1);
  });
  it("a user only the directory knows is added and entitled, and leaves with what added it (AddUserCommand, RemoveUserCommand, RemoveGroupCommand)", async () => {
    const source = await create(VM, { name: "dir-src" });
    const users = async () => items((await request(emulator, "GET", "/users")).body, "users", "user").map((u) => u.user_name);
    const groups = async () => items((await request(emulator, "GET", "/groups")).body, "groups", "group").map((g) => g.name);
    expect(await users()).not.toContain("dir-only@internal-authz");
    const checked = await plugin.client.check(PERMISSION, { user: "dir-only@internal", role: "UserRole", vmId: source.id });
    expect(checked.failures).toEqual([]);
    await logged(plugin, /`user`: the engine does not know the user dir-only@internal-authz yet/);
    const granted = await plugin.client.create(PERMISSION, checked.inputs);
    expect(granted.outputs).toMatchObject({ user: "dir-only@internal", addedPrincipals: ["user:dir-only@internal-authz"] });
    expect(await users()).toContain("dir-only@internal-authz");

    // A Vm whose group the engine did not know: recorded, and removed with the VM.
    const kiosk = await create(VM, { name: "kiosk-desk", groups: ["kiosk@internal"] });
    expect(kiosk.outputs.addedPrincipals).toEqual(["group:kiosk@internal-authz"]);
    expect(await groups()).toContain("kiosk");
    await plugin.client.delete(VM, kiosk.id, kiosk.outputs);
    expect(await groups()).not.toContain("kiosk");

    await plugin.client.delete(PERMISSION, granted.id, granted.outputs);
    expect(await users()).not.toContain("dir-only@internal-authz");
    // A name the directory does not know fails at check, naming `user` (BackendDomainUsersResource,
    // searched by `username=`); the apply still refuses it, should a check be skipped.
    const ghostInputs = { user: "ghost@internal", role: "UserRole", vmId: source.id };
    const ghost = await plugin.client.check(PERMISSION, ghostInputs);
    expect(ghost.failures).toEqual([{ property: "user", reason: expect.stringMatching(/^`user`: the directory internal-authz has no user ghost, .*Check the name and its profile/) }]);
    expect((await rejection(plugin.client.create(PERMISSION, ghostInputs))).message).toMatch(/^`user`: the directory internal-authz has no user ghost .*nothing was granted/);
    // A profile the engine has no directory for (/domains: BackendDomainsResource) fails too, listing the known ones.
    const elsewhere = await plugin.client.check(PERMISSION, { user: "dir-only@corp", role: "UserRole", vmId: source.id });
    expect(elsewhere.failures).toEqual([{ property: "user", reason: expect.stringMatching(/^`user`: the engine has no directory corp-authz .*Its profiles: [^.]*internal \(internal-authz\)[^.]*\. Fix the profile/) }]);
    // `users` and `groups` on a Vm or Pool are checked the same way.
    const vmChecked = await plugin.client.check(VM, { name: "dir-vm", users: ["ghost@internal"], groups: ["kiosk@internal"] });
    expect(vmChecked.failures).toEqual([{ property: "users", reason: expect.stringMatching(/^`users`: the directory internal-authz has no user ghost/) }]);
    const image = await create(TEMPLATE, { name: "dir-img", sourceVm: source.id });
    const poolChecked = await plugin.client.check(POOL, { name: "dir-pool", template: image.id, size: 1, groups: ["nogroup@internal", "kiosk@internal"] });
    expect(poolChecked.failures).toEqual([{ property: "groups", reason: expect.stringMatching(/^`groups`: the directory internal-authz has no group nogroup/) }]);
  });

  it("refuses a pool move that would reach a delete-protected desktop, naming it, and changes nothing (UpdateVmVersionCommand -> RemoveVmCommand)", async () => {
    const source = await create(VM, { name: "prot-src" });
    const base = await create(TEMPLATE, { name: "prot-img", sourceVm: source.id });
    const v2 = await create(TEMPLATE, { name: "prot-img", sourceVm: source.id, baseTemplate: base.id, versionName: "v2" });
    const pool = await create(POOL, { name: "prot-desks", template: base.id, size: 2 });
    const [heldId, freeId] = (pool.outputs.vmTemplateVersions as Props[]).map((v) => String(v.vmId));
    const heldName = String((pool.outputs.vmTemplateVersions as Props[]).find((v) => v.vmId === heldId)?.vmName);
    expect((await request(emulator, "PUT", `/vms/${heldId}`, { body: "<vm><delete_protected>true</delete_protected></vm>" })).status).toBe(200);

    const olds = { ...pool.inputs };
    const moved = await plugin.client.check(POOL, { ...olds, template: v2.id }, olds);
    expect(moved.failures).toEqual([]);
    await logged(plugin, `Pool prot-desks: ${heldName} are delete-protected (\`deleteProtected\` is true on their VMs)`);
    const refused = await rejection(plugin.client.update(POOL, pool.id, pool.outputs, moved.inputs, { oldInputs: olds }));
    expect(refused.message).toContain(`\`template\`: pool prot-desks was not moved, and nothing was changed: its desktops ${heldName} are delete-protected (\`deleteProtected\``);
    expect(at((await request(emulator, "GET", `/vmpools/${pool.id}`)).body, "vm_pool.template.@id")).toBe(base.id);
    for (const id of [heldId, freeId]) expect(at((await request(emulator, "GET", `/vms/${id}`)).body, "vm.template.@id")).toBe(base.id);
    // Lifted: the same move goes through.
    await request(emulator, "PUT", `/vms/${heldId}`, { body: "<vm><delete_protected>false</delete_protected></vm>" });
    const updated = await plugin.client.update(POOL, pool.id, pool.outputs, moved.inputs, { oldInputs: olds });
    expect((updated.vmTemplateVersions as Props[]).every((v) => v.templateId === v2.id)).toBe(true);
    made.find((m) => m.id === pool.id)!.outputs = updated;
  });
});
