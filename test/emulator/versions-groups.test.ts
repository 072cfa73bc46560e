// Template versions, pool template moves, directory groups, permissions by id and pool sessions
// (ovirt-engine classes cited per test; see emulator/versions.ts, acl.ts and collections/directory.ts).
import { describe, expect, it } from "vitest";
import { parseGroupSpec } from "../../emulator/directory.ts";
import { DatabaseSync } from "node:sqlite";
import { at, basic, blankVm, createVm, type Emu, emulatorPerSuite, removeDir, request, waitUntil, withEmulator } from "./helpers.ts";

const USER = basic("user@internal", "userpw");
const OTHER = basic("other@internal", "otherpw");
const FILTERED = { headers: { Filter: "true" } };

function idOf(body: unknown, root: string): string {
  const node = (body as Record<string, unknown>)[root] as Record<string, unknown>;
  const first = Array.isArray(node) ? (node[0] as Record<string, unknown>) : node;
  return String(first["@id"]);
}

function list(body: unknown, root: string, item: string): Record<string, unknown>[] {
  const node = (body as Record<string, Record<string, unknown> | string | undefined>)[root];
  if (!node || typeof node === "string") return [];
  const items = node[item];
  return (Array.isArray(items) ? items : items ? [items] : []) as Record<string, unknown>[];
}

async function template(emu: Emu, name: string, version = ""): Promise<Record<string, unknown>> {
  const src = await createVm(emu, blankVm(`${name}-src-${Math.random().toString(36).slice(2, 7)}`));
  const t = await request(emu, "POST", "/templates", {
    body: `<template><name>${name}</name><vm id="${idOf(src.body, "vm")}"/>${version}</template>`,
    headers: { Expect: "201-created" },
  });
  expect(t.status).toBe(201);
  return (t.body.template as Record<string, unknown>[])[0] ?? {};
}

async function pool(emu: Emu, name: string, templateXml: string, extra = ""): Promise<string> {
  const p = await request(emu, "POST", "/vmpools", {
    body: `<vm_pool><name>${name}</name><cluster><name>Default</name></cluster>${templateXml}<size>2</size>${extra}</vm_pool>`,
    headers: { Expect: "201-created" },
  });
  expect(p.status).toBe(201);
  return idOf(p.body, "vm_pool");
}

async function poolVms(emu: Emu, poolId: string): Promise<Record<string, unknown>[]> {
  const vms = await request(emu, "GET", "/vms");
  return list(vms.body, "vms", "vm").filter((v) => at(v, "vm_pool.@id") === poolId);
}

describe("template versions (AddVmTemplateCommand, RemoveVmTemplateCommand, GetVmTemplateByVmtName)", () => {
  let emu: Emu;
  emulatorPerSuite({}, (started) => {
    emu = started;
  });

  it("numbers versions, names them after the base, and finds the newest by name", async () => {
    const base = await template(emu, "golden");
    expect(at(base, "version.version_number")).toBe("1");
    expect(at(base, "version.version_name")).toBe("base version");
    const v2 = await template(emu, "ignored-name", `<version><base_template id="${String(base["@id"])}"/><version_name>v2</version_name></version>`);
    expect(v2.name).toBe("golden");
    expect(at(v2, "version.version_number")).toBe("2");
    expect(at(v2, "version.version_name")).toBe("v2");
    expect(at(v2, "version.base_template.@id")).toBe(base["@id"]);
    const search = await request(emu, "GET", "/templates?search=name%3Dgolden");
    expect(list(search.body, "templates", "template")).toHaveLength(2);
    // A pool made from the template by name gets the newest version.
    const poolId = await pool(emu, "by-name", "<template><name>golden</name></template>");
    const p = await request(emu, "GET", `/vmpools/${poolId}`);
    expect(at(p.body, "vm_pool.template.@id")).toBe(v2["@id"]);
  });

  it("refuses a version of a version, a base that still has versions, and a version a pool uses", async () => {
    const base = await template(emu, "chain");
    const v2 = await template(emu, "chain", `<version><base_template id="${String(base["@id"])}"/></version>`);
    const src = await createVm(emu, blankVm("chain-src-x"));
    const bad = await request(emu, "POST", "/templates", {
      body: `<template><name>x</name><vm id="${idOf(src.body, "vm")}"/><version><base_template id="${String(v2["@id"])}"/></version></template>`,
    });
    expect(bad.status).toBe(400);
    expect(at(bad.body, "fault.detail")).toBe("[Cannot add Template. Only the first template version can be selected as the base template.]");
    const delBase = await request(emu, "DELETE", `/templates/${String(base["@id"])}`);
    expect(delBase.status).toBe(409);
    expect(at(delBase.body, "fault.detail")).toBe(
      "[Cannot delete Base Template that has Template Versions, please first remove all Template Versions for this Template: chain.]",
    );
    await pool(emu, "uses-v2", `<template id="${String(v2["@id"])}"/>`);
    const delV2 = await request(emu, "DELETE", `/templates/${String(v2["@id"])}`);
    expect(delV2.status).toBe(409);
    expect(String(at(delV2.body, "fault.detail"))).toContain("Template is being used by the following VMs");
  });
});

describe("pool template moves (UpdateVmPoolCommand, UpdateVmCommand, UpdateVmVersionCommand, ProcessDownVmCommand)", () => {
  let emu: Emu;
  emulatorPerSuite({}, (started) => {
    emu = started;
  });

  it("rebuilds a down desktop now and gives a running one the new version at its next stop, keeping ids", async () => {
    const base = await template(emu, "img");
    const v2 = await template(emu, "img", `<version><base_template id="${String(base["@id"])}"/></version>`);
    const poolId = await pool(emu, "desk", `<template id="${String(base["@id"])}"/>`);
    const [running, idle] = await poolVms(emu, poolId);
    const runningId = String(running?.["@id"]);
    const idleId = String(idle?.["@id"]);
    expect((await request(emu, "POST", `/vms/${runningId}/start`, { body: "<action/>" })).status).toBe(200);
    await waitUntil(emu, `/vms/${runningId}`, (a) => at(a.body, "vm.status") === "up");
    const upd = await request(emu, "PUT", `/vmpools/${poolId}`, { body: `<vm_pool><template id="${String(v2["@id"])}"/></vm_pool>` });
    expect(upd.status).toBe(200);
    const idleAfter = await waitUntil(emu, `/vms/${idleId}`, (a) => at(a.body, "vm.status") === "down");
    expect(at(idleAfter.body, "vm.template.@id")).toBe(v2["@id"]);
    const runningNow = await request(emu, "GET", `/vms/${runningId}`);
    expect(at(runningNow.body, "vm.template.@id")).toBe(base["@id"]);
    expect(at(runningNow.body, "vm.next_run_configuration_exists")).toBe("true");
    const pending = await request(emu, "GET", `/vms/${runningId}?next_run=true`);
    expect(at(pending.body, "vm.template.@id")).toBe(v2["@id"]);
    await request(emu, "POST", `/vms/${runningId}/stop`, { body: "<action/>" });
    const stopped = await waitUntil(emu, `/vms/${runningId}`, (a) => at(a.body, "vm.status") === "down" && at(a.body, "vm.template.@id") === v2["@id"]);
    expect(at(stopped.body, "vm.next_run_configuration_exists")).toBe("false");
  });

  it("refuses a template of another lineage and changes of name, type and stateful", async () => {
    const a = await template(emu, "line-a");
    const b = await template(emu, "line-b");
    const poolId = await pool(emu, "lined", `<template id="${String(a["@id"])}"/>`);
    const other = await request(emu, "PUT", `/vmpools/${poolId}`, { body: `<vm_pool><template id="${String(b["@id"])}"/></vm_pool>` });
    expect(other.status).toBe(400);
    expect(at(other.body, "fault.detail")).toBe(
      "[Cannot edit VM. The requested template doesn't belong to the same base template as the original template.]",
    );
    for (const [xml, text] of [
      ["<name>renamed</name>", "Cannot change VM-Pool name."],
      ["<type>manual</type>", "Cannot change VM-Pool type."],
      ["<stateful>true</stateful>", "Cannot change VM-Pool stateful option."],
    ]) {
      const r = await request(emu, "PUT", `/vmpools/${poolId}`, { body: `<vm_pool>${xml}</vm_pool>` });
      expect(r.status).toBe(400);
      expect(at(r.body, "fault.detail")).toBe(`[${text}]`);
    }
  });

  it("moves the down desktops of a use-latest pool to each new version as it is made (VmDao.getVmIdsForVersionUpdate)", async () => {
    const base = await template(emu, "follow");
    const poolId = await pool(emu, "latest", `<template id="${String(base["@id"])}"/>`, "<use_latest_template_version>true</use_latest_template_version>");
    const before = await poolVms(emu, poolId);
    expect(before.every((v) => v.use_latest_template_version === "true")).toBe(true);
    const v2 = await template(emu, "follow", `<version><base_template id="${String(base["@id"])}"/></version>`);
    for (const vm of before) {
      await waitUntil(emu, `/vms/${String(vm["@id"])}`, (a) => at(a.body, "vm.template.@id") === v2["@id"] && at(a.body, "vm.status") === "down");
    }
  });
});

describe("directory groups and permissions by id (BackendGroupsResource, AddGroupCommand, ProcessDownVmCommand)", () => {
  let emu: Emu;
  emulatorPerSuite({
    users: [{ name: "user@internal", password: "userpw" }, { name: "other@internal", password: "otherpw" }],
    groups: [{ name: "vdi-users", profile: "internal", members: ["user@internal", "dir-only@internal"] }],
  }, (started) => {
    emu = started;
  });

  it("lists the directory's domain, users and groups, and adds a directory group to the engine", async () => {
    const domains = await request(emu, "GET", "/domains");
    const internal = list(domains.body, "domains", "domain").find((d) => d.name === "internal-authz");
    expect(internal).toBeDefined();
    const domainId = String(internal?.["@id"]);
    const groups = await request(emu, "GET", `/domains/${domainId}/groups`);
    expect(list(groups.body, "groups", "group").map((g) => g.name)).toEqual(["vdi-users"]);
    const users = await request(emu, "GET", `/domains/${domainId}/users`);
    expect(list(users.body, "users", "user").map((u) => u.user_name)).toContain("dir-only@internal-authz");
    expect(list((await request(emu, "GET", "/groups")).body, "groups", "group")).toHaveLength(0);
    const unknown = await request(emu, "POST", "/groups", { body: "<group><name>nobody</name><domain><name>internal-authz</name></domain></group>" });
    expect(unknown.status).toBe(400);
    const added = await request(emu, "POST", "/groups", { body: "<group><name>vdi-users@internal-authz</name></group>" });
    expect(added.status).toBe(201);
    expect(at(added.body, "group.name")).toBe("vdi-users");
    expect(list((await request(emu, "GET", "/groups")).body, "groups", "group")).toHaveLength(1);
  });

  it("lets a member of an entitled group see and take a desktop; a non-member sees nothing", async () => {
    const base = await template(emu, "grp-img");
    const poolId = await pool(emu, "grp-pool", `<template id="${String(base["@id"])}"/>`);
    const g = list((await request(emu, "GET", "/groups")).body, "groups", "group")[0];
    const perm = await request(emu, "POST", `/vmpools/${poolId}/permissions`, {
      body: `<permission><role><name>UserRole</name></role><group id="${String(g?.["@id"])}"/></permission>`,
    });
    expect(perm.status).toBe(201);
    expect(at(perm.body, "permission.group.@id")).toBe(g?.["@id"]);
    const seen = await request(emu, "GET", "/vmpools", { auth: USER, ...FILTERED });
    expect(list(seen.body, "vm_pools", "vm_pool").map((p) => p.name)).toEqual(["grp-pool"]);
    expect(list((await request(emu, "GET", "/vmpools", { auth: OTHER, ...FILTERED })).body, "vm_pools", "vm_pool")).toHaveLength(0);
    const take = await request(emu, "POST", `/vmpools/${poolId}/allocatevm`, { auth: USER, ...FILTERED, body: "<action/>" });
    expect(take.status).toBe(200);
  });

  it("shows who holds a desktop and who is connected, and frees it when it stops (automatic pool)", async () => {
    const base = await template(emu, "sess-img");
    const poolId = await pool(emu, "sess-pool", `<template id="${String(base["@id"])}"/>`);
    const userId = String(list((await request(emu, "GET", "/users?search=usrname%3Duser%40internal-authz")).body, "users", "user")[0]?.["@id"]);
    const granted = await request(emu, "POST", `/vmpools/${poolId}/permissions`, { body: `<permission><role><name>UserRole</name></role><user id="${userId}"/></permission>` });
    expect(granted.status).toBe(201);
    const take = await request(emu, "POST", `/vmpools/${poolId}/allocatevm`, { auth: USER, ...FILTERED, body: "<action/>" });
    expect(take.status).toBe(200);
    const vmId = String(at(take.body, "action.vm.@id"));
    await waitUntil(emu, `/vms/${vmId}`, (a) => at(a.body, "vm.status") === "up");
    const perms = await request(emu, "GET", `/vms/${vmId}/permissions`);
    expect(list(perms.body, "permissions", "permission").map((p) => at(p, "user.@id"))).toEqual([userId]);
    const consoles = await request(emu, "GET", `/vms/${vmId}/graphicsconsoles`, { auth: USER, ...FILTERED });
    const consoleId = String(at(consoles.body, "graphics_consoles.graphics_console.@id"));
    expect((await request(emu, "POST", `/vms/${vmId}/graphicsconsoles/${consoleId}/ticket`, { auth: USER, ...FILTERED, body: "<action/>" })).status).toBe(200);
    const sessions = await request(emu, "GET", `/vms/${vmId}/sessions`);
    expect(at(sessions.body, "sessions.session.console_user")).toBe("true");
    expect(at(sessions.body, "sessions.session.user.user_name")).toBe("user@internal-authz");
    await request(emu, "POST", `/vms/${vmId}/stop`, { body: "<action/>" });
    await waitUntil(emu, `/vms/${vmId}`, (a) => at(a.body, "vm.status") === "down");
    expect(list((await request(emu, "GET", `/vms/${vmId}/sessions`)).body, "sessions", "session")).toHaveLength(0);
    expect(list((await request(emu, "GET", `/vms/${vmId}/permissions`)).body, "permissions", "permission")).toHaveLength(0);
  });

  it("drops a deleted pool's desktop permissions: a new VM of the same name is not the user's (#22)", async () => {
    const base = await template(emu, "gone-img");
    const poolId = await pool(emu, "gone", `<template id="${String(base["@id"])}"/>`, "<type>manual</type>");
    const userId = String(list((await request(emu, "GET", "/users?search=usrname%3Duser%40internal-authz")).body, "users", "user")[0]?.["@id"]);
    const granted = await request(emu, "POST", `/vmpools/${poolId}/permissions`, { body: `<permission><role><name>UserRole</name></role><user id="${userId}"/></permission>` });
    expect(granted.status).toBe(201);
    const take = await request(emu, "POST", `/vmpools/${poolId}/allocatevm`, { auth: USER, ...FILTERED, body: "<action/>" });
    expect(take.status).toBe(200);
    const vmId = String(at(take.body, "action.vm.@id"));
    const taken = await waitUntil(emu, `/vms/${vmId}`, (a) => at(a.body, "vm.status") === "up");
    const name = String(at(taken.body, "vm.name"));
    expect((await request(emu, "DELETE", `/vmpools/${poolId}`)).status).toBe(200);
    await createVm(emu, blankVm(name));
    const mine = await request(emu, "GET", "/vms", { auth: USER, ...FILTERED });
    expect(list(mine.body, "vms", "vm").map((v) => v.name)).not.toContain(name);
  });
});

describe("--group NAME@PROFILE:MEMBER,... (emulator/main.ts)", () => {
  it("reads the group, its profile and its members, and refuses a group or member without a profile", () => {
    expect(parseGroupSpec("vdi-users@corp.example.com:alice@corp.example.com, bob@internal")).toEqual({
      name: "vdi-users", profile: "corp.example.com", members: ["alice@corp.example.com", "bob@internal"],
    });
    expect(() => parseGroupSpec("vdi-users:alice@internal")).toThrow(/name@profile/);
    expect(() => parseGroupSpec("vdi-users@internal:alice")).toThrow(/member "alice"/);
  });
});

describe("permissions on templates and clusters, and data directories from before (acl.ts)", () => {
  let emu: Emu;
  emulatorPerSuite({ users: [{ name: "user@internal", password: "userpw" }] }, (started) => {
    emu = started;
  });

  it("shows a template to a user with a role on it, and a cluster's VMs to a user with a role on the cluster", async () => {
    const t = await template(emu, "shared-img");
    const userId = String(list((await request(emu, "GET", "/users?search=usrname%3Duser%40internal-authz")).body, "users", "user")[0]?.["@id"]);
    const names = async (): Promise<unknown[]> =>
      list((await request(emu, "GET", "/templates", { auth: USER, ...FILTERED })).body, "templates", "template").map((x) => x.name);
    expect(await names()).not.toContain("shared-img");
    const grant = (path: string): Promise<unknown> =>
      request(emu, "POST", `${path}/permissions`, { body: `<permission><role><name>UserRole</name></role><user id="${userId}"/></permission>` });
    await grant(`/templates/${String(t["@id"])}`);
    expect(await names()).toContain("shared-img");
    await createVm(emu, blankVm("in-default"));
    const clusterId = String(list((await request(emu, "GET", "/clusters")).body, "clusters", "cluster")[0]?.["@id"]);
    expect(list((await request(emu, "GET", "/vms", { auth: USER, ...FILTERED })).body, "vms", "vm")).toHaveLength(0);
    await grant(`/clusters/${clusterId}`);
    expect(list((await request(emu, "GET", "/vms", { auth: USER, ...FILTERED })).body, "vms", "vm").map((v) => v.name)).toContain("in-default");
    const perms = await request(emu, "GET", `/clusters/${clusterId}/permissions`);
    expect(at(perms.body, "permissions.permission.cluster.@id")).toBe(clusterId);
  });
});

describe("a data directory with name-keyed permissions (before acl.ts)", () => {
  it("binds each old permission to the entity of that name", async () => {
    const first = await withEmulator({ users: [{ name: "user@internal", password: "userpw" }] });
    await createVm(first, blankVm("old-desk"));
    await first.close();
    const db = new DatabaseSync(`${first.dataDir}/engine.sqlite`);
    db.exec(`CREATE TABLE permissions (id TEXT PRIMARY KEY, user TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
      UNIQUE (user, kind, name)); INSERT INTO permissions VALUES ('p1', 'user@internal', 'vm', 'old-desk', 'UserRole');`);
    db.close();
    const second = await withEmulator({ dataDir: first.dataDir, users: [{ name: "user@internal", password: "userpw" }] });
    try {
      const mine = await request(second, "GET", "/vms", { auth: USER, ...FILTERED });
      expect(list(mine.body, "vms", "vm").map((v) => v.name)).toEqual(["old-desk"]);
    } finally {
      await second.close();
      removeDir(second.dataDir);
    }
  });
});
