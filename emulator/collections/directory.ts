// Directory domains and groups: /domains (the authz providers), /domains/{id}/users and /groups (what
// the directory holds: BackendDomainUsersResource, BackendDomainGroupsResource), /groups (the groups
// the engine knows: BackendGroupsResource; POST adds a directory group, AddGroupCommand), and a VM's
// sessions (BackendVmSessionsResource: the console user, from VmMapper's Sessions mapping).
import { createHash } from "node:crypto";
import { ref, text, type Node } from "../http/codec.ts";
import { EngineFault, incomplete, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, type Ctx, type Reply } from "../http/context.ts";
import type { Engine, UserRecord } from "../engine.ts";
import type { EngineGroup } from "../acl.ts";
import { authzOfProfile, directoryEntryId, domainId, splitPrincipal, type DirectoryGroup } from "../directory.ts";
import { body, requireAdmin, requireFilterOrAdmin, searched, vmOr404 } from "./common.ts";
import { userNode } from "./permissions.ts";

/** The authz providers: internal-authz, and one per profile the users and groups come from. */
function authzNames(engine: Engine): string[] {
  const names = new Set(["internal-authz"]);
  for (const u of engine.users.values()) names.add(authzOfProfile(splitPrincipal(u.name)[1]));
  for (const g of engine.directoryGroups) names.add(authzOfProfile(g.profile));
  return [...names];
}

function domainOr404(ctx: Ctx): string {
  const authz = authzNames(ctx.engine).find((a) => domainId(a) === ctx.params.id);
  if (!authz) throw pathNotFound();
  return authz;
}

function domainNode(ctx: Ctx, authz: string): Node {
  const path = `/domains/${domainId(authz)}`;
  return {
    "@href": href(ctx, path),
    "@id": domainId(authz),
    name: authz,
    link: ["users", "groups"].map((rel) => ({ "@href": href(ctx, `${path}/${rel}`), "@rel": rel })),
  };
}

export function listDomains(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "domains", node: { domain: authzNames(ctx.engine).map((a) => domainNode(ctx, a)) } };
}

export function getDomain(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "domain", node: domainNode(ctx, domainOr404(ctx)) };
}

/** The directory's users of a domain: the emulator's users of that profile and the groups' other members. */
function directoryUsers(engine: Engine, authz: string): string[] {
  const names = new Set<string>();
  for (const u of engine.users.values()) names.add(u.name);
  for (const g of engine.directoryGroups) for (const m of g.members) names.add(m);
  return [...names].filter((n) => authzOfProfile(splitPrincipal(n)[1]) === authz);
}

function directoryUserNode(ctx: Ctx, authz: string, loginName: string): Node {
  const [principal] = splitPrincipal(loginName);
  const id = directoryEntryId(principal);
  return {
    "@href": href(ctx, `/domains/${domainId(authz)}/users/${id}`),
    "@id": id,
    name: principal,
    principal,
    namespace: "*",
    user_name: `${principal}@${authz}`,
    domain: link(ctx, "/domains", domainId(authz)),
  };
}

export function listDomainUsers(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const authz = domainOr404(ctx);
  // `username` is the directory's key for the principal (AdUserConditionFieldAutoCompleter USERNAME;
  // BackendUsersResource.add searches `username=NAME`); `name` is the given name, here the principal too.
  const users = searched(ctx, directoryUsers(ctx.engine, authz), ["name", "username", "usrname"], (n) => (k) => (k === "usrname" ? `${splitPrincipal(n)[0]}@${authz}` : splitPrincipal(n)[0]));
  return { status: 200, root: "users", node: { user: users.map((n) => directoryUserNode(ctx, authz, n)) } };
}

export function getDomainUser(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const authz = domainOr404(ctx);
  const n = directoryUsers(ctx.engine, authz).find((u) => directoryEntryId(splitPrincipal(u)[0]) === ctx.params.userId);
  if (!n) throw pathNotFound();
  return { status: 200, root: "user", node: directoryUserNode(ctx, authz, n) };
}

function directoryGroupsOf(engine: Engine, authz: string): DirectoryGroup[] {
  return engine.directoryGroups.filter((g) => authzOfProfile(g.profile) === authz);
}

function directoryGroupNode(ctx: Ctx, authz: string, g: DirectoryGroup): Node {
  const id = directoryEntryId(g.name);
  return {
    "@href": href(ctx, `/domains/${domainId(authz)}/groups/${id}`),
    "@id": id,
    name: g.name,
    namespace: "*",
    domain: link(ctx, "/domains", domainId(authz)),
  };
}

export function listDomainGroups(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const authz = domainOr404(ctx);
  const groups = searched(ctx, directoryGroupsOf(ctx.engine, authz), ["name"], (g) => () => g.name);
  return { status: 200, root: "groups", node: { group: groups.map((g) => directoryGroupNode(ctx, authz, g)) } };
}

export function getDomainGroup(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const authz = domainOr404(ctx);
  const g = directoryGroupsOf(ctx.engine, authz).find((x) => directoryEntryId(x.name) === ctx.params.groupId);
  if (!g) throw pathNotFound();
  return { status: 200, root: "group", node: directoryGroupNode(ctx, authz, g) };
}

// ---- /groups: the groups the engine knows ----

function groupNode(ctx: Ctx, g: EngineGroup): Node {
  const path = `/groups/${g.id}`;
  return {
    "@href": href(ctx, path),
    "@id": g.id,
    name: g.name,
    domain_entry_id: directoryEntryId(g.name),
    namespace: "*",
    domain: { ...link(ctx, "/domains", domainId(g.authz)), name: g.authz },
    link: ["permissions", "roles", "tags"].map((rel) => ({ "@href": href(ctx, `${path}/${rel}`), "@rel": rel })),
  };
}

export function listGroups(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const groups = searched(ctx, ctx.engine.acl.groups(), ["name", "grpname", "id"], (g) => (k) => (k === "id" ? g.id : g.name));
  return { status: 200, root: "groups", node: { group: groups.map((g) => groupNode(ctx, g)) } };
}

export function getGroup(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const g = ctx.engine.acl.group(ctx.params.id ?? "");
  if (!g) throw pathNotFound();
  return { status: 200, root: "group", node: groupNode(ctx, g) };
}

/**
 * BackendGroupsResource.add: the domain comes from <domain> (name or id) or from a `name@authz`
 * name; the group must be in that directory ("No such group: …", 400); adding a known one again
 * answers the known group.
 */
export function addGroup(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const node = body(ctx, ["group"], "groups", "add");
  const given = text(node, "name") ?? "";
  if (given === "") throw incomplete("Group", ["name"], "add");
  const { authz, bare: name } = domainOfBody(ctx, node, given, "Group");
  const inDirectory = directoryGroupsOf(ctx.engine, authz).find((g) => g.name === name);
  if (!inDirectory) throw new EngineFault(400, "Operation Failed", `No such group: ${given} in directory ${authz}`);
  const g = ctx.engine.acl.addGroup(name, authz);
  return { status: 201, root: "group", node: groupNode(ctx, g), headers: { Location: `https://${ctx.host}${href(ctx, `/groups/${g.id}`)}` } };
}

/** RemoveGroupCommand: the group and its permissions leave the engine; the directory keeps it. */
export function removeGroup(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const g = ctx.engine.acl.group(ctx.params.id ?? "");
  if (!g) throw pathNotFound();
  ctx.engine.acl.removeGroup(g.id);
  return actionComplete();
}

// ---- /users: adding a directory user to the engine, and removing one ----

/** The directory domain a POST /users or /groups names: <domain> (name or id), else the `@authz` suffix of the name. */
function domainOfBody(ctx: Ctx, node: Node, given: string, type: string): { authz: string; bare: string } {
  const known = authzNames(ctx.engine);
  const [bare, suffix] = splitPrincipal(given);
  const fromName = suffix !== "" && known.includes(suffix) ? suffix : undefined;
  const domainRef = ref(node, "domain");
  let authz = domainRef?.name ?? fromName;
  if (!authz && domainRef?.id) {
    authz = known.find((a) => domainId(a) === domainRef.id);
    if (!authz) throw new EngineFault(400, "Operation Failed", `Domain: '${domainRef.id}' does not exist.`);
  }
  if (!authz) throw incomplete(type, ["domain.id|name"], "add");
  return { authz, bare: fromName ? bare : given };
}

/**
 * BackendUsersResource.add: `user_name` is required (`bob@corp-authz`, or `bob` with <domain>); the
 * directory user is looked up by domain_entry_id, id, principal or user name, and an unknown one is
 * 400 "No such user: NAME in domain AUTHZ". AddUserCommand saves it, or updates the user already
 * there: adding a known user again answers that user (no 409).
 */
export function addUser(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const node = body(ctx, ["user"], "users", "add");
  const given = text(node, "user_name") ?? "";
  if (given === "") throw incomplete("User", ["userName"], "add");
  const { authz, bare } = domainOfBody(ctx, node, given, "User");
  const entryId = text(node, "domain_entry_id") ?? (node["@id"] as string | undefined);
  const principal = text(node, "principal");
  const wanted = (n: string) => {
    const p = splitPrincipal(n)[0];
    return entryId ? directoryEntryId(p) === entryId : principal ? p === principal : p === splitPrincipal(bare)[0] || n === bare;
  };
  const loginName = directoryUsers(ctx.engine, authz).find(wanted);
  if (!loginName) throw new EngineFault(400, "Operation Failed", `No such user: ${given} in domain ${authz}`);
  ctx.engine.acl.addUser(loginName);
  const user = ctx.engine.knownUser(loginName)!;
  return { status: 201, root: "user", node: userNode(ctx, user), headers: { Location: `https://${ctx.host}${href(ctx, `/users/${user.id}`)}` } };
}

/** RemoveUserCommand: not oneself (USER_CANNOT_REMOVE_HIMSELF); the user's permissions go with it; the directory keeps it. */
export function removeUser(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const user = ctx.engine.knownUsers().find((u) => u.id === ctx.params.id);
  if (!user) throw pathNotFound();
  if (user.id === ctx.user.id) throw new EngineFault(409, "Operation Failed", "[Cannot remove User. User is currently logged in.]");
  // A login user is only forgotten until the next login (the engine adds users at login); the
  // emulator keeps listing them and drops their permissions.
  ctx.engine.acl.removeUser(user.name);
  return actionComplete();
}

// ---- /vms/{id}/sessions ----

/** Session ids are made from the user name and protocol (BackendVmSessionsResource.setSessionId: an MD5 GUID). */
function sessionId(seed: string): string {
  const h = createHash("md5").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function consoleUserNode(ctx: Ctx, user: UserRecord | undefined, loginName: string): Node {
  const [principal, profile] = splitPrincipal(loginName);
  const authz = authzOfProfile(profile);
  return {
    ...(user ? link(ctx, "/users", user.id) : {}),
    user_name: `${principal}@${authz}`,
    domain: { ...link(ctx, "/domains", domainId(authz)), name: authz },
  };
}

/** The VM's console user, as the engine shows it (console_user true); the guest agent's users are not modelled. */
export function listVmSessions(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const s = ctx.engine.acl.consoleSession(vm.id);
  const session = s
    ? [{
        "@href": href(ctx, `/vms/${vm.id}/sessions/${sessionId(`${s.user}spice`)}`),
        "@id": sessionId(`${s.user}spice`),
        console_user: true,
        protocol: vm.config.graphics.includes("spice") ? "spice" : "vnc",
        user: consoleUserNode(ctx, ctx.engine.users.get(s.user), s.user),
        vm: link(ctx, "/vms", vm.id),
      }]
    : [];
  return { status: 200, root: "sessions", node: { session } };
}
