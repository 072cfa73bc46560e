// Users and groups as principals of a permission (`users`/`groups` on Vm and Pool, Permission's
// `user`/`group`): one path for both.
// - A principal the engine does not know yet is added from its directory first, as the admin portal
//   does (POST /users: BackendUsersResource.add, AddUserCommand; POST /groups: AddGroupCommand). A name
//   the directory does not know is the engine's 400 ("No such user/group"), shown as an error naming
//   the property.
// - The resource records what it added (`addedPrincipals`: `user:NAME@AUTHZ`, `group:NAME@AUTHZ`), and
//   a known group no permission refers to (nobody uses it; see ensurePrincipal). When
//   it is destroyed, each of those leaves the engine again (RemoveUserCommand, RemoveGroupCommand), but
//   only when no permission still refers to it (the engine would remove those permissions with it).

import type { EngineClient } from "../engine/index.ts";
import { isEngineError } from "../engine/index.ts";
import { PropertyError } from "./types.ts";

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

/** Whether the engine knows the principal now (a check-time question: nothing is added). */
export async function knowsPrincipal(engine: EngineClient, kind: PrincipalKind, engineName: string): Promise<boolean> {
  return (await findPrincipal(engine, kind, engineName)) !== undefined;
}

/** The warning a plan shows for a principal the apply will add from its directory. */
export function willAddWarning(property: string, kind: PrincipalKind, engineName: string): { property: string; reason: string } {
  const { name, authz } = split(engineName);
  return {
    property,
    reason: `\`${property}\`: the engine does not know the ${kind} ${engineName} yet. The apply adds it from the directory ${authz} first (as the admin portal does), and fails naming \`${property}\` if that directory has no ${kind} ${name}.`,
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
