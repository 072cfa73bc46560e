// Permissions on VMs, pools, templates and clusters (POST /…/permissions with a role and a user or a
// group: BackendAssignedPermissionsResource), and the /users and /roles the clients look ids up in.
// A user with any role on an object, directly or through a directory group the engine knows, sees it
// with filter=true; a role on a cluster reaches the cluster's VMs and pools (permissions inherit down).
import { ref, text, type Node } from "../http/codec.ts";
import { entityNotFound, incomplete, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, queryFlag, type Ctx, type Reply } from "../http/context.ts";
import type { UserRecord } from "../engine.ts";
import type { ObjectKind, PermissionRow } from "../acl.ts";
import { matches, parseSearch } from "../search.ts";
import { applyMax, body, canSeePool, requireAdmin, requireFields, requireFilterOrAdmin, vmOr404 } from "./common.ts";
import { visibleTemplate } from "./templates.ts";

/** The engine's predefined roles the clients use, with their fixed ids. */
export const ROLES: { id: string; name: string; administrative: boolean }[] = [
  { id: "00000000-0000-0000-0000-000000000001", name: "SuperUser", administrative: true },
  { id: "00000000-0000-0000-0001-000000000001", name: "UserRole", administrative: false },
  { id: "00000000-0000-0000-0001-000000000002", name: "PowerUserRole", administrative: false },
  { id: "def00006-0000-0000-0000-def000000006", name: "UserVmManager", administrative: false },
  { id: "def0000a-0000-0000-0000-def00000000b", name: "UserTemplateBasedVm", administrative: false },
];

function roleNode(ctx: Ctx, r: (typeof ROLES)[number]): Node {
  return { "@href": href(ctx, `/roles/${r.id}`), "@id": r.id, name: r.name, administrative: r.administrative, mutable: false };
}

export function userNode(ctx: Ctx, u: UserRecord): Node {
  const [principal] = splitUser(u.name);
  return {
    "@href": href(ctx, `/users/${u.id}`),
    "@id": u.id,
    name: principal,
    domain_entry_id: Buffer.from(principal).toString("hex"),
    namespace: "*",
    principal,
    user_name: engineUserName(u.name),
    domain: { name: authzOf(u.name) },
  };
}

/** user@profile: the profile is the part after the last '@'. */
function splitUser(name: string): [string, string] {
  const at = name.lastIndexOf("@");
  return at < 0 ? [name, ""] : [name.slice(0, at), name.slice(at + 1)];
}

/** A login profile's authorization provider, as the engine names it: `internal` → `internal-authz`. */
function authzOf(loginName: string): string {
  return `${splitUser(loginName)[1] || "internal"}-authz`;
}

/** The engine's `user_name` of a user who logs in as `alice@internal`: `alice@internal-authz`. */
function engineUserName(loginName: string): string {
  return `${splitUser(loginName)[0]}@${authzOf(loginName)}`;
}

/** Whether `given` names this user: the engine's user name, the login name, or the bare principal. */
function namesUser(u: UserRecord, given: string | undefined): boolean {
  return given !== undefined && [engineUserName(u.name), u.name, splitUser(u.name)[0]].includes(given);
}

export function listUsers(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const search = ctx.query.get("search");
  const criteria = search ? parseSearch(search, ["name", "usrname", "id"], queryFlag(ctx.query, "case_sensitive")) : [];
  // usrname matches the engine's user name (alice@internal-authz); the login name is accepted too.
  const fields = (u: UserRecord, usrname: string) => (key: string) => (key === "id" ? u.id : key === "usrname" ? usrname : splitUser(u.name)[0]);
  const users = ctx.engine.knownUsers().filter(
    (u) => matches(criteria, fields(u, engineUserName(u.name))) || matches(criteria, fields(u, u.name)),
  );
  return { status: 200, root: "users", node: { user: applyMax(ctx, users).map((u) => userNode(ctx, u)) } };
}

export function getUser(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const u = ctx.engine.knownUsers().find((x) => x.id === ctx.params.id);
  if (!u || (!ctx.user.admin && u.id !== ctx.user.id)) throw pathNotFound();
  return { status: 200, root: "user", node: userNode(ctx, u) };
}

export function listRoles(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "roles", node: { role: ROLES.map((r) => roleNode(ctx, r)) } };
}

export function getRole(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const r = ROLES.find((x) => x.id === ctx.params.id?.toLowerCase());
  if (!r) throw pathNotFound();
  return { status: 200, root: "role", node: roleNode(ctx, r) };
}

interface Target {
  kind: ObjectKind;
  id: string;
  path: string;
}

const TARGET_LINK: Record<ObjectKind, { element: string; collection: string }> = {
  vm: { element: "vm", collection: "/vms" },
  pool: { element: "vm_pool", collection: "/vmpools" },
  template: { element: "template", collection: "/templates" },
  cluster: { element: "cluster", collection: "/clusters" },
};

function target(ctx: Ctx, kind: ObjectKind): Target {
  const store = ctx.engine.store;
  const id = ctx.params.id ?? "";
  switch (kind) {
    case "vm": {
      const vm = vmOr404(ctx, id);
      return { kind, id: vm.id, path: `/vms/${vm.id}` };
    }
    case "pool": {
      const pool = store.get("pool", id);
      if (!pool || !canSeePool(ctx, pool)) throw pathNotFound();
      return { kind, id: pool.id, path: `/vmpools/${pool.id}` };
    }
    case "template": {
      const t = store.get("template", id);
      if (!t || !visibleTemplate(ctx, t)) throw pathNotFound();
      return { kind, id: t.id, path: `/templates/${t.id}` };
    }
    case "cluster": {
      const c = store.get("cluster", id);
      if (!c) throw pathNotFound();
      return { kind, id: c.id, path: `/clusters/${c.id}` };
    }
  }
}

function permissionNode(ctx: Ctx, t: Target, p: PermissionRow): Node {
  const role = ROLES.find((r) => r.name === p.role) ?? ROLES[1];
  const user = p.principalKind === "user" ? ctx.engine.knownUser(p.principal) : undefined;
  const on = TARGET_LINK[t.kind];
  return {
    "@href": href(ctx, `${t.path}/permissions/${p.id}`),
    "@id": p.id,
    role: role ? link(ctx, "/roles", role.id) : undefined,
    user: user ? link(ctx, "/users", user.id) : undefined,
    group: p.principalKind === "group" ? link(ctx, "/groups", p.principal) : undefined,
    [on.element]: link(ctx, on.collection, t.id),
  };
}

/** Non-admin users see only the permissions that are theirs or their groups'. */
function visibleRows(ctx: Ctx, t: Target): PermissionRow[] {
  const rows = ctx.engine.acl.on(t.kind, t.id);
  if (ctx.user.admin) return rows;
  const groups = ctx.engine.groupIdsOf(ctx.user.name);
  return rows.filter((p) => (p.principalKind === "user" ? p.principal === ctx.user.name : groups.includes(p.principal)));
}

export function listPermissions(kind: ObjectKind) {
  return (ctx: Ctx): Reply => {
    requireFilterOrAdmin(ctx);
    const t = target(ctx, kind);
    return { status: 200, root: "permissions", node: { permission: visibleRows(ctx, t).map((p) => permissionNode(ctx, t, p)) } };
  };
}

function roleOf(node: Node): (typeof ROLES)[number] {
  const roleRef = ref(node, "role") ?? {};
  const role = ROLES.find((r) => (roleRef.id ? r.id === roleRef.id.toLowerCase() : r.name.toLowerCase() === roleRef.name?.toLowerCase()));
  if (!role) throw entityNotFound(`Role: ${roleRef.id ? `id=${roleRef.id}` : `name=${roleRef.name ?? ""}`}`);
  return role;
}

/** The principal: a user (id, user_name or name) or a group the engine knows (id, or name). */
function principalOf(ctx: Ctx, node: Node): { kind: "user" | "group"; principal: string } {
  const groupRef = ref(node, "group");
  if (groupRef && (groupRef.id || groupRef.name)) {
    const g = ctx.engine.acl.groups().find((x) => (groupRef.id ? x.id === groupRef.id : x.name === groupRef.name));
    if (!g) throw entityNotFound(`Group: ${groupRef.id ? `id=${groupRef.id}` : `name=${groupRef.name ?? ""}`}`);
    return { kind: "group", principal: g.id };
  }
  const userRef = ref(node, "user") ?? {};
  const userName = text(node.user as Node, "user_name");
  if (!userRef.id && !userName && !userRef.name) throw incomplete("Permission", ["user|group.id"], "add");
  const user = ctx.engine.knownUsers().find((u) => (userRef.id ? u.id === userRef.id : namesUser(u, userName ?? userRef.name)));
  if (!user) throw entityNotFound(`User: ${userRef.id ? `id=${userRef.id}` : `name=${userName ?? userRef.name ?? ""}`}`);
  return { kind: "user", principal: user.name };
}

export function addPermission(kind: ObjectKind) {
  return (ctx: Ctx): Reply => {
    requireAdmin(ctx);
    const t = target(ctx, kind);
    const node = body(ctx, ["permission"], "permissions", "add");
    const hasPrincipal = ["user", "group"].some((k) => {
      const r = ref(node, k);
      return r !== undefined && (r.id !== undefined || r.name !== undefined || text(node[k] as Node, "user_name") !== undefined);
    });
    requireFields("Permission", node, [
      ["role.id|name", () => { const r = ref(node, "role"); return r !== undefined && (r.id !== undefined || r.name !== undefined); }],
      ["user|group.id", () => hasPrincipal],
    ]);
    const role = roleOf(node);
    const who = principalOf(ctx, node);
    const row = ctx.engine.acl.grant(who.kind, who.principal, t.kind, t.id, role.name);
    return { status: 201, root: "permission", node: permissionNode(ctx, t, row) };
  };
}

export function getPermission(kind: ObjectKind) {
  return (ctx: Ctx): Reply => {
    requireFilterOrAdmin(ctx);
    const t = target(ctx, kind);
    const row = visibleRows(ctx, t).find((p) => p.id === ctx.params.permissionId);
    if (!row) throw pathNotFound();
    return { status: 200, root: "permission", node: permissionNode(ctx, t, row) };
  };
}

export function removePermission(kind: ObjectKind) {
  return (ctx: Ctx): Reply => {
    requireAdmin(ctx);
    const t = target(ctx, kind);
    const row = ctx.engine.acl.on(t.kind, t.id).find((p) => p.id === ctx.params.permissionId);
    if (!row) throw pathNotFound();
    ctx.engine.acl.remove(row.id);
    return actionComplete();
  };
}

/**
 * GET /users/{id}/permissions and /groups/{id}/permissions (BackendAssignedPermissionsResource under
 * BackendUserResource / BackendGroupResource): what the principal holds directly, on every object.
 */
export function listPrincipalPermissions(kind: "user" | "group") {
  return (ctx: Ctx): Reply => {
    requireAdmin(ctx);
    const id = ctx.params.id ?? "";
    const principal = kind === "user" ? ctx.engine.knownUsers().find((u) => u.id === id)?.name : ctx.engine.acl.group(id)?.id;
    if (principal === undefined) throw pathNotFound();
    const path = `/${kind}s/${id}`;
    const rows = ctx.engine.acl.heldBy(kind, principal);
    return { status: 200, root: "permissions", node: { permission: rows.map((p) => permissionNode(ctx, { kind: p.objectKind, id: p.objectId, path }, p)) } };
  };
}
