// Users and groups as principals of a permission (`users`/`groups` on Vm and Pool, Permission's
// `user`/`group`): one path for both.
// - At check, a principal the engine does not know is looked up in its directory (checkPrincipal): one
//   the directory has is a warning, one it lacks (or an unknown profile) a failure naming the property.
// - A principal the engine does not know yet is added from its directory first, as the admin portal
//   does (POST /users: BackendUsersResource.add, AddUserCommand; POST /groups: AddGroupCommand). A name
//   the directory does not know is the engine's 400 ("No such user/group"), shown as an error naming
//   the property.
// - The resource records what it added (`addedPrincipals`: `user:NAME@AUTHZ`, `group:NAME@AUTHZ`), and
//   a known group no permission refers to (nobody uses it; see ensurePrincipal). When
//   it is destroyed, each of those leaves the engine again (RemoveUserCommand, RemoveGroupCommand), but
//   only when no permission still refers to it (the engine would remove those permissions with it).

import type { DirectoryEntry, EngineClient } from "../engine/index.ts";
import { isEngineError } from "../engine/index.ts";
import { PropertyError, type CheckFailure, type CheckResult } from "./types.ts";

export type PrincipalKind = "user" | "group";

/** `NAME@AUTHZ` (the engine's form) → name and authz domain. */
function split(engineName: string): { name: string; authz: string } {
  const at = engineName.lastIndexOf("@");
  return { name: engineName.slice(0, at), authz: engineName.slice(at + 1) };
}

const keyOf = (kind: PrincipalKind, engineName: string) => `${kind}:${engineName}`;

async function findPrincipal(engine: EngineClient, kind: PrincipalKind, engineName: string): Promise<{ id: string } | undefined> {
  if (kind === "user") return engine.findUser(engineName);
  const { name, authz } = split(engineName);
  return engine.findGroup(name, authz);
}

/** The warning a plan shows for a principal the apply will add from its directory. */
function willAddWarning(property: string, kind: PrincipalKind, engineName: string): CheckFailure {
  const { name, authz } = split(engineName);
  return {
    property,
    reason: `\`${property}\`: the engine does not know the ${kind} ${engineName} yet. The apply adds it from the directory ${authz} first (as the admin portal does), and fails naming \`${property}\` if that directory has no ${kind} ${name}.`,
  };
}

/** How a check sees a principal: known to the engine (nothing to say), added at apply (a warning), or impossible (a failure). */
export interface PrincipalCheck {
  warning?: CheckFailure;
  failure?: CheckFailure;
}

/**
 * Checks a principal before apply. One the engine knows is fine. Otherwise its directory is asked
 * (/domains, then the domain's users or groups): the directory is nothing a program can create, so a
 * profile the engine has no domain for, or a name its directory lacks, fails here, naming the
 * property. One the directory has is a warning (the apply adds it). When the directory cannot be
 * asked (an older engine, a user without the right to search it), the warning stands and the apply
 * decides, as before.
 */
export async function checkPrincipal(engine: EngineClient, kind: PrincipalKind, engineName: string, property: string): Promise<PrincipalCheck> {
  if (await findPrincipal(engine, kind, engineName)) return {};
  const { name, authz } = split(engineName);
  let domains: { id: string; name: string }[];
  let entries: DirectoryEntry[] = [];
  try {
    domains = await engine.listDomains();
    const domain = domains.find((d) => d.name === authz);
    if (domain) entries = await engine.searchDirectory(kind, domain.id, name);
  } catch (err) {
    if (!isEngineError(err)) throw err;
    return { warning: willAddWarning(property, kind, engineName) };
  }
  if (!domains.some((d) => d.name === authz)) return { failure: unknownProfile(property, kind, engineName, domains) };
  if (!entries.some((e) => isEntryFor(kind, e, name, authz))) return { failure: notInDirectory(property, kind, name, authz) };
  return { warning: willAddWarning(property, kind, engineName) };
}

/** `checkPrincipal` for each of `names`, its warnings and failures added to the check's result. */
export async function checkPrincipals<I extends object>(result: CheckResult<I>, engine: EngineClient, kind: PrincipalKind, names: readonly string[], property: string): Promise<CheckResult<I>> {
  const warnings: CheckFailure[] = [];
  const failures: CheckFailure[] = [];
  for (const name of names) {
    const { warning, failure } = await checkPrincipal(engine, kind, name, property);
    if (warning) warnings.push(warning);
    if (failure) failures.push(failure);
  }
  return { ...result, failures: [...result.failures, ...failures], warnings: [...(result.warnings ?? []), ...warnings] };
}

/** Whether a directory entry is the principal `name` (directories compare names without case). */
function isEntryFor(kind: PrincipalKind, entry: DirectoryEntry, name: string, authz: string): boolean {
  const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();
  if (kind === "group") return same(entry.name, name);
  return same(entry.principal, name) || same(entry.user_name, `${name}@${authz}`) || (entry.principal === undefined && same(entry.name, name));
}

/** A profile as people write it: the authz name without its `-authz` suffix. */
const profileOf = (authz: string) => authz.replace(/-authz$/, "");

function unknownProfile(property: string, kind: PrincipalKind, engineName: string, domains: readonly { name: string }[]): CheckFailure {
  const { authz } = split(engineName);
  const known = domains.map((d) => `${profileOf(d.name)} (${d.name})`).sort().join(", ") || "none";
  return {
    property,
    reason:
      `\`${property}\`: the engine has no directory ${authz} for the ${kind} ${engineName}: the profile "${profileOf(authz)}" (the part after "@") is not one it knows. ` +
      `Its profiles: ${known}. Fix the profile; a directory is configured on the engine, not by this program.`,
  };
}

function notInDirectory(property: string, kind: PrincipalKind, name: string, authz: string): CheckFailure {
  return {
    property,
    reason:
      `\`${property}\`: the directory ${authz} has no ${kind} ${name}, and the engine does not know it either, so no role can be granted to it. ` +
      `Check the name and its profile (the part after "@"); a directory's ${kind}s are managed in the directory, not by this program.`,
  };
}

/**
 * The principal's engine id, added from its directory when the engine does not know it yet.
 * `added` is its `addedPrincipals` entry when this call added it.
 */
export async function ensurePrincipal(engine: EngineClient, kind: PrincipalKind, engineName: string, property: string): Promise<{ id: string; added?: string }> {
  const known = await findPrincipal(engine, kind, engineName);
  if (known) {
    // A group the engine knows but that holds no permission anywhere gives nobody anything: this
    // resource claims it as its own (a refresh that found a permission gone and an up that grants
    // it again would otherwise lose the record). A known user is never claimed: the engine adds users
    // at their first login and keeps their settings.
    const unused = kind === "group" && (await engine.principalPermissions(kind, known.id)).length === 0;
    return unused ? { id: known.id, added: keyOf(kind, engineName) } : { id: known.id };
  }
  const { name, authz } = split(engineName);
  try {
    const made = kind === "user" ? await engine.addUser(engineName) : await engine.addGroup(name, authz);
    return { id: made.id, added: keyOf(kind, engineName) };
  } catch (err) {
    if (isEngineError(err) && err.status === 400) {
      throw new PropertyError(
        property,
        `\`${property}\`: the directory ${authz} has no ${kind} ${name} (the engine said: ${err.message}). Check the name and its profile (the part after "@"); nothing was granted.`,
      );
    }
    throw err;
  }
}

/** `addedPrincipals` after this run: what the state held plus what was added now, sorted, no duplicates. */
export function withAdded(old: readonly string[] | undefined, added: readonly (string | undefined)[]): string[] {
  return [...new Set([...(old ?? []), ...added.filter((a): a is string => a !== undefined)])].sort();
}

/**
 * At delete, after the resource itself is gone: removes from the engine each principal it added that
 * no permission refers to any more. One still in use stays (an administrator's or another resource's
 * grant needs it). A failure is reported after the others were tried, saying the resource is gone.
 */
export async function removeAddedPrincipals(engine: EngineClient, added: readonly string[] | undefined, owner: string, log: (message: string) => void): Promise<void> {
  const failures: string[] = [];
  for (const entry of added ?? []) {
    const colon = entry.indexOf(":");
    const kind = entry.slice(0, colon) as PrincipalKind;
    const engineName = entry.slice(colon + 1);
    if (kind !== "user" && kind !== "group") continue;
    try {
      const principal = await findPrincipal(engine, kind, engineName);
      if (!principal) continue;
      const held = await engine.principalPermissions(kind, principal.id);
      if (held.length > 0) {
        log(`${owner}: keeping the ${kind} ${engineName} in the engine: ${held.length} permission(s) still refer to it`);
        continue;
      }
      await engine.removePrincipal(kind, principal.id);
    } catch (err) {
      failures.push(`the ${kind} ${engineName}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (failures.length > 0) {
    throw new Error(
      `${owner} was deleted, but what it added to the engine could not all be removed: ${failures.join("; ")}. ` +
        "Run the destroy again to retry (the resource is already gone, so only this is redone), or remove them in Administration > Users.",
    );
  }
}
