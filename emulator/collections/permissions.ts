// Permissions on VMs and pools (POST /vms/{id}/permissions with a role and a user), and the read-only
// /users and /roles the clients look ids up in. A user with any role on a VM or pool sees it with
// filter=true.
import { ref, text, type Node } from "../http/codec.ts";
import { entityNotFound, incomplete, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, queryFlag, type Ctx, type Reply } from "../http/context.ts";
import type { UserRecord } from "../engine.ts";
import type { PermissionRow } from "../store.ts";
import { matches, parseSearch } from "../search.ts";
import { applyMax, body, canSeePool, hasRef, requireAdmin, requireFields, requireFilterOrAdmin, vmOr404 } from "./common.ts";

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

function userNode(ctx: Ctx, u: UserRecord): Node {
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
  const users = [...ctx.engine.users.values()].filter(
    (u) => matches(criteria, fields(u, engineUserName(u.name))) || matches(criteria, fields(u, u.name)),
  );
  return { status: 200, root: "users", node: { user: applyMax(ctx, users).map((u) => userNode(ctx, u)) } };
}

export function getUser(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const u = [...ctx.engine.users.values()].find((x) => x.id === ctx.params.id);
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
  kind: "vm" | "pool";
  id: string;
  name: string;
  path: string;
}

function target(ctx: Ctx, kind: "vm" | "pool"): Target {
  if (kind === "vm") {
    const vm = vmOr404(ctx, ctx.params.id);
    return { kind, id: vm.id, name: vm.name, path: `/vms/${vm.id}` };
  }
  const pool = ctx.params.id ? ctx.engine.store.get("pool", ctx.params.id) : undefined;
  if (!pool || !canSeePool(ctx, pool)) throw pathNotFound();
  return { kind, id: pool.id, name: pool.name, path: `/vmpools/${pool.id}` };
}

function permissionNode(ctx: Ctx, t: Target, p: PermissionRow): Node {
  const role = ROLES.find((r) => r.name === p.role) ?? ROLES[1];
  const user = ctx.engine.users.get(p.user);
  return {
    "@href": href(ctx, `${t.path}/permissions/${p.id}`),
    "@id": p.id,
    role: role ? link(ctx, "/roles", role.id) : undefined,
    user: user ? link(ctx, "/users", user.id) : undefined,
    [t.kind === "vm" ? "vm" : "vm_pool"]: link(ctx, t.kind === "vm" ? "/vms" : "/vmpools", t.id),
  };
}

export function listPermissions(kind: "vm" | "pool") {
  return (ctx: Ctx): Reply => {
    requireFilterOrAdmin(ctx);
    const t = target(ctx, kind);
    const rows = ctx.engine.store.permissionsOn(kind, t.name);
    return { status: 200, root: "permissions", node: { permission: rows.map((p) => permissionNode(ctx, t, p)) } };
  };
}

export function addPermission(kind: "vm" | "pool") {
  return (ctx: Ctx): Reply => {
    requireAdmin(ctx);
    const t = target(ctx, kind);
    const node = body(ctx, ["permission"], "permissions", "add");
    requireFields("Permission", node, [
      ["role.id|name", () => hasRef(node, "role")],
      ["user|group.id", () => hasRef(node, "user")],
    ]);
    const roleRef = ref(node, "role") ?? {};
    const role = ROLES.find((r) => (roleRef.id ? r.id === roleRef.id.toLowerCase() : r.name.toLowerCase() === roleRef.name?.toLowerCase()));
    if (!role) throw entityNotFound(`Role: ${roleRef.id ? `id=${roleRef.id}` : `name=${roleRef.name ?? ""}`}`);
    const userRef = ref(node, "user") ?? {};
    const userName = text(node.user as Node, "user_name");
    const user = [...ctx.engine.users.values()].find((u) => (userRef.id ? u.id === userRef.id : namesUser(u, userName ?? userRef.name)));
    if (!user) {
      if (!userRef.id && !userName && !userRef.name) throw incomplete("Permission", ["user|group.id"], "add");
      throw entityNotFound(`User: ${userRef.id ? `id=${userRef.id}` : `name=${userName ?? userRef.name ?? ""}`}`);
    }
    const row = ctx.engine.store.grant(user.name, kind, t.name, role.name);
    return { status: 201, root: "permission", node: permissionNode(ctx, t, row) };
  };
}

export function getPermission(kind: "vm" | "pool") {
  return (ctx: Ctx): Reply => {
    requireFilterOrAdmin(ctx);
    const t = target(ctx, kind);
    const row = ctx.engine.store.permissionsOn(kind, t.name).find((p) => p.id === ctx.params.permissionId);
    if (!row) throw pathNotFound();
    return { status: 200, root: "permission", node: permissionNode(ctx, t, row) };
  };
}

export function removePermission(kind: "vm" | "pool") {
  return (ctx: Ctx): Reply => {
    requireAdmin(ctx);
    const t = target(ctx, kind);
    const row = ctx.engine.store.permissionsOn(kind, t.name).find((p) => p.id === ctx.params.permissionId);
    if (!row) throw pathNotFound();
    ctx.engine.store.deletePermission(row.id);
    return actionComplete();
  };
}
