// Directory users added to the engine and removed again, a principal's permissions, and the engine's
// refusal to rebuild a delete-protected pool desktop from a new template version (#23).
import { describe, expect, it } from "vitest";
import { at, basic, blankVm, createVm, type Emu, emulatorPerSuite, request, waitUntil } from "./helpers.ts";

const USER = basic("user@internal", "userpw");

function list(body: unknown, root: string, item: string): Record<string, unknown>[] {
  const node = (body as Record<string, Record<string, unknown> | string | undefined>)[root];
  if (!node || typeof node === "string") return [];
  const items = node[item];
  return (Array.isArray(items) ? items : items ? [items] : []) as Record<string, unknown>[];
}

const idOf = (body: unknown, root: string): string => String(at(body, `${root}.@id`));

async function usersNamed(emu: Emu, engineName: string): Promise<Record<string, unknown>[]> {
  return list((await request(emu, "GET", `/users?search=${encodeURIComponent(`usrname=${engineName}`)}`)).body, "users", "user");
}

async function template(emu: Emu, name: string, version = ""): Promise<string> {
  const src = await createVm(emu, blankVm(`${name}-src-${Math.random().toString(36).slice(2, 7)}`));
  const t = await request(emu, "POST", "/templates", {
    body: `<template><name>${name}</name><vm id="${idOf(src.body, "vm")}"/>${version}</template>`,
    headers: { Expect: "201-created" },
  });
  expect(t.status).toBe(201);
  return idOf(t.body, "template");
}

async function pool(emu: Emu, name: string, templateId: string): Promise<string> {
  const p = await request(emu, "POST", "/vmpools", {
    body: `<vm_pool><name>${name}</name><cluster><name>Default</name></cluster><template id="${templateId}"/><size>2</size></vm_pool>`,
    headers: { Expect: "201-created" },
  });
  expect(p.status).toBe(201);
  return idOf(p.body, "vm_pool");
}

describe("directory users the engine does not know yet (BackendUsersResource.add, AddUserCommand, RemoveUserCommand)", () => {
  let emu: Emu;
  emulatorPerSuite({
    users: [{ name: "user@internal", password: "userpw" }],
    groups: [{ name: "vdi-users", profile: "internal", members: ["user@internal", "dir-only@internal"] }],
  }, (started) => {
    emu = started;
  });

  it("adds a directory user by user_name, answers the same user when added again, and refuses one the directory lacks", async () => {
    expect(await usersNamed(emu, "dir-only@internal-authz")).toHaveLength(0);
    const added = await request(emu, "POST", "/users", { body: "<user><user_name>dir-only@internal-authz</user_name></user>" });
    expect(added.status).toBe(201);
    expect(at(added.body, "user.user_name")).toBe("dir-only@internal-authz");
    expect(at(added.body, "user.domain.name")).toBe("internal-authz");
    expect(String(added.headers.location)).toContain(`/users/${idOf(added.body, "user")}`);
    expect((await usersNamed(emu, "dir-only@internal-authz")).map((u) => u["@id"])).toEqual([idOf(added.body, "user")]);
    // AddUserCommand updates the user already there: no duplicate, no 409.
    const again = await request(emu, "POST", "/users", { body: "<user><user_name>dir-only</user_name><domain><name>internal-authz</name></domain></user>" });
    expect(again.status).toBe(201);
    expect(idOf(again.body, "user")).toBe(idOf(added.body, "user"));
    expect(await usersNamed(emu, "dir-only@internal-authz")).toHaveLength(1);
    const ghost = await request(emu, "POST", "/users", { body: "<user><user_name>ghost@internal-authz</user_name></user>" });
    expect(ghost.status).toBe(400);
    expect(ghost.text).toContain("No such user: ghost@internal-authz in domain internal-authz");
    const noDomain = await request(emu, "POST", "/users", { body: "<user><user_name>dir-only</user_name></user>" });
    expect(noDomain.status).toBe(400);
    expect(at(noDomain.body, "fault.detail")).toBe("User [domain.id|name] required for add");
    const noName = await request(emu, "POST", "/users", { body: "<user><principal>dir-only</principal></user>" });
    expect(noName.status).toBe(400);
    expect(at(noName.body, "fault.detail")).toBe("User [userName] required for add");
  });

  it("lists a principal's permissions on every object, and removes a user with its permissions (the directory keeps it)", async () => {
    const poolId = await pool(emu, "users-pool", await template(emu, "users-img"));
    const userId = String((await usersNamed(emu, "dir-only@internal-authz"))[0]?.["@id"]);
    const grant = await request(emu, "POST", `/vmpools/${poolId}/permissions`, { body: `<permission><role><name>UserRole</name></role><user id="${userId}"/></permission>` });
    expect(grant.status).toBe(201);
    const held = await request(emu, "GET", `/users/${userId}/permissions`);
    expect(list(held.body, "permissions", "permission").map((p) => at(p, "vm_pool.@id"))).toEqual([poolId]);
    const group = await request(emu, "POST", "/groups", { body: "<group><name>vdi-users@internal-authz</name></group>" });
    const groupId = idOf(group.body, "group");
    await request(emu, "POST", `/vmpools/${poolId}/permissions`, { body: `<permission><role><name>UserRole</name></role><group id="${groupId}"/></permission>` });
    expect(list((await request(emu, "GET", `/groups/${groupId}/permissions`)).body, "permissions", "permission")).toHaveLength(1);

    expect((await request(emu, "DELETE", `/users/${userId}`)).status).toBe(200);
    expect(await usersNamed(emu, "dir-only@internal-authz")).toHaveLength(0);
    const left = list((await request(emu, "GET", `/vmpools/${poolId}/permissions`)).body, "permissions", "permission");
    expect(left.map((p) => at(p, "user.@id") ?? at(p, "group.@id"))).toEqual([groupId]);
    expect((await request(emu, "GET", `/users/${userId}/permissions`)).status).toBe(404);
    const domains = list((await request(emu, "GET", "/domains")).body, "domains", "domain");
    const internal = String(domains.find((d) => d.name === "internal-authz")?.["@id"]);
    const directory = list((await request(emu, "GET", `/domains/${internal}/users`)).body, "users", "user");
    expect(directory.map((u) => u.user_name)).toContain("dir-only@internal-authz");
  });

  it("searches a directory's users by username= (the principal: AdUserConditionFieldAutoCompleter USERNAME, BackendDomainUsersResource)", async () => {
    const domains = list((await request(emu, "GET", "/domains")).body, "domains", "domain");
    const internal = String(domains.find((d) => d.name === "internal-authz")?.["@id"]);
    const search = async (term: string) =>
      list((await request(emu, "GET", `/domains/${internal}/users?search=${encodeURIComponent(term)}`)).body, "users", "user").map((u) => u.principal);
    expect(await search("username=dir-only")).toEqual(["dir-only"]);
    expect(await search("username=DIR-ONLY")).toEqual(["dir-only"]);
    expect(await search("username=ghost")).toEqual([]);
  });

  it("refuses to remove the user who asks (RemoveUserCommand: USER_CANNOT_REMOVE_HIMSELF)", async () => {
    const me = String(at((await request(emu, "GET", "/")).body, "api.authenticated_user.@id"));
    const r = await request(emu, "DELETE", `/users/${me}`);
    expect(r.status).toBe(409);
    expect(at(r.body, "fault.detail")).toBe("[Cannot remove User. User is currently logged in.]");
    expect((await request(emu, "GET", "/users", { auth: USER })).status).not.toBe(200);
  });
});

describe("a pool moved to a new version with a delete-protected desktop (UpdateVmPoolCommand, UpdateVmVersionCommand, RemoveVmCommand)", () => {
  let emu: Emu;
  emulatorPerSuite({}, (started) => {
    emu = started;
  });

  it("saves the pool and moves the other desktops, keeps the protected one on its version, and answers a failure naming it", async () => {
    const base = await template(emu, "prot-img");
    const v2 = await template(emu, "prot-img", `<version><base_template id="${base}"/></version>`);
    const poolId = await pool(emu, "prot", base);
    const vms = list((await request(emu, "GET", "/vms")).body, "vms", "vm").filter((v) => at(v, "vm_pool.@id") === poolId);
    const [held, free] = vms.map((v) => ({ id: String(v["@id"]), name: String(v.name) }));
    const protect = await request(emu, "PUT", `/vms/${held!.id}`, { body: "<vm><delete_protected>true</delete_protected></vm>" });
    expect(protect.status).toBe(200);
    const upd = await request(emu, "PUT", `/vmpools/${poolId}`, { body: `<vm_pool><template id="${v2}"/></vm_pool>` });
    expect(upd.status).toBe(400);
    expect(String(at(upd.body, "fault.detail"))).toContain("Delete protection is enabled");
    expect(String(at(upd.body, "fault.detail"))).toContain(held!.name);
    expect(String(at(upd.body, "fault.detail"))).not.toContain(free!.name);
    expect(at((await request(emu, "GET", `/vmpools/${poolId}`)).body, "vm_pool.template.@id")).toBe(v2);
    await waitUntil(emu, `/vms/${free!.id}`, (a) => at(a.body, "vm.template.@id") === v2 && at(a.body, "vm.status") === "down");
    const kept = await request(emu, "GET", `/vms/${held!.id}`);
    expect(at(kept.body, "vm.template.@id")).toBe(base);
    expect(at(kept.body, "vm.next_run_configuration_exists")).toBe("false");
  });
});
