// `users` on Vm and Pool: who may use a desktop, or take one from a pool. Each listed user holds the
// engine's UserRole on the VM or pool, which is what the VM portal and the console ask for. The
// list is authoritative for UserRole alone: other roles (an administrator's, a UserVmManager's) and
// group permissions are never touched. Left unset, the provider does not manage permissions.
//
// A user the engine does not know yet is added from its directory first (principals.ts).
//
// Names: the engine lists a user as `principal@authz` (alice@internal-authz), while people log in
// with the profile (alice@internal). Both are accepted; checked inputs hold the engine's form,
// sorted and without duplicates, so either spelling in a program plans no change.

import type { EngineClient, PermissionTarget } from "../engine/index.ts";
import { isUnknown } from "./check.ts";
import type { CheckFailure, CheckResult, ResourceContext } from "./types.ts";
import { checkPrincipals, ensurePrincipal, type PrincipalKind } from "./principals.ts";

export const USER_ROLE = "UserRole";
/** The engine's predefined UserRole keeps this id on every installation. */
export const USER_ROLE_ID = "00000000-0000-0000-0001-000000000001";

/** `alice@internal` → `alice@internal-authz`; an engine name stays as it is. */
export function engineUserName(name: string): string {
  const at = name.lastIndexOf("@");
  const authz = name.slice(at + 1);
  return authz.endsWith("-authz") ? name : `${name}-authz`;
}

function shapeFailure(name: unknown): CheckFailure {
  return {
    property: "users",
    reason:
      `\`users\` entries are user names such as "alice@internal" (login name) or "alice@internal-authz" (the engine's); ` +
      `${JSON.stringify(name)} is not one. Write the user's name, an "@", and its profile.`,
  };
}

/**
 * Validates and normalises `users` in checked inputs. With the engine reachable, a user it does not
 * know yet is a warning when its directory has it (the apply adds it), a failure naming `users` when
 * not (principals.ts).
 */
export async function checkUsers<I extends { users?: string[] }>(result: CheckResult<I>, ctx: ResourceContext): Promise<CheckResult<I>> {
  const users: unknown[] | undefined = result.inputs.users;
  if (result.failures.length > 0 || !Array.isArray(users) || users.some(isUnknown)) return result;
  const bad = users.find((u) => typeof u !== "string" || !/^[^@\s]+.*@[^@\s]+$/.test(u.trim()));
  if (bad !== undefined) return { ...result, failures: [...result.failures, shapeFailure(bad)] };
  const normalised = [...new Set((users as string[]).map((u) => engineUserName(u.trim())))].sort();
  const inputs = { ...result.inputs, users: normalised };
  if (!ctx.engine) return { ...result, inputs };
  return checkPrincipals({ ...result, inputs }, ctx.engine, "user", normalised, "users");
}

/** True when the inputs manage permissions: `users` is a list (unset or unknown is not). */
export function managesUsers(inputs: object): boolean {
  return Array.isArray((inputs as { users?: unknown }).users);
}

/**
 * Gives exactly `wanted` (engine user or group names) the UserRole on the target: adds the missing,
 * takes back the rest. A principal the engine does not know is added from its directory first;
 * returns the `addedPrincipals` entries of those.
 */
export async function syncPrincipals(engine: EngineClient, target: PermissionTarget, kind: PrincipalKind, wanted: readonly string[]): Promise<string[]> {
  const wantedIds = new Set<string>();
  const added: string[] = [];
  for (const name of wanted) {
    const principal = await ensurePrincipal(engine, kind, name, `${kind}s`);
    wantedIds.add(principal.id);
    if (principal.added) added.push(principal.added);
  }
  await grantUserRoleToExactly(engine, target, kind, wantedIds);
  return added;
}

/** `syncPrincipals` for `users`. */
export const syncUsers = (engine: EngineClient, target: PermissionTarget, wanted: readonly string[]): Promise<string[]> => syncPrincipals(engine, target, "user", wanted);

/**
 * Gives exactly `wantedIds` (users' or groups' engine ids) the UserRole on the target: grants it
 * to those without it and takes it from the other holders of that kind. Other roles are left alone.
 */
export async function grantUserRoleToExactly(engine: EngineClient, target: PermissionTarget, kind: "user" | "group", wantedIds: ReadonlySet<string>): Promise<void> {
  const granted = (await engine.listPermissions(target)).filter((p) => holdsUserRole(p, kind));
  const holders = new Set(granted.map((p) => p[kind]?.id));
  for (const id of wantedIds) {
    if (!holders.has(id)) await engine.addPermission(target, kind === "user" ? { role: USER_ROLE, userId: id } : { role: USER_ROLE, groupId: id });
  }
  for (const permission of granted) {
    const holder = permission[kind]?.id;
    if (holder !== undefined && !wantedIds.has(holder)) await engine.removePermission(target, permission.id);
  }
}

/** The engine user names holding UserRole on the target, sorted. */
export async function readUsers(engine: EngineClient, target: PermissionTarget): Promise<string[]> {
  const names = new Set<string>();
  for (const permission of (await engine.listPermissions(target)).filter(isUserRole)) {
    const id = permission.user?.id;
    const user = id === undefined ? undefined : await engine.getUser(id);
    if (user) names.add(user.user_name);
  }
  return [...names].sort();
}

/**
 * Adds `users` to inputs read from the engine: on refresh when the program manages them, on import
 * when the entity has any (an import of a VM nobody was given should not grow a `users: []` line).
 */
export async function withUsersFromEngine<I extends { users?: string[] }>(engine: EngineClient, target: PermissionTarget, inputs: I, oldInputs: object): Promise<I> {
  const importing = Object.keys(oldInputs).length === 0;
  if (!importing && (oldInputs as { users?: unknown }).users === undefined) return inputs;
  const users = await readUsers(engine, target);
  return importing && users.length === 0 ? inputs : { ...inputs, users };
}

type RoleHolder = { role?: { id?: string; name?: string }; user?: { id?: string }; group?: { id?: string } };

/** Whether the permission is a UserRole held by a user (or a group). */
export function holdsUserRole(permission: RoleHolder, kind: "user" | "group"): boolean {
  return permission[kind]?.id !== undefined && (permission.role?.id === USER_ROLE_ID || permission.role?.name === USER_ROLE);
}

function isUserRole(permission: RoleHolder): boolean {
  return holdsUserRole(permission, "user");
}
