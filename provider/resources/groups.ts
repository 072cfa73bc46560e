// `groups` on Vm and Pool, and the principal of a Permission: directory groups, written as users are
// (`vdi-users@internal`, or the engine's `vdi-users@internal-authz`). The engine knows a group once
// it has been added from its directory (POST /groups, AddGroupCommand: what the admin portal does);
// the provider adds a group the directory has when it first grants it a role, and a group the
// directory does not have is an error naming the property (principals.ts, shared with users). As with `users`, the list is
// authoritative for UserRole alone: other roles and user permissions are never touched.

import type { EngineClient, PermissionTarget } from "../engine/index.ts";
import { isUnknown } from "./check.ts";
import type { CheckFailure, CheckResult, Old, ResourceContext } from "./types.ts";
import { engineUserName, holdsUserRole, syncPrincipals } from "./users.ts";
import { checkPrincipals } from "./principals.ts";

/** The inputs of a resource with a `groups` list (Vm and Pool). */
export interface WithGroups {
  groups?: string[];
}

/** `vdi-users@internal` → the engine's group name and authz domain (`vdi-users`, `internal-authz`). */
export function groupParts(name: string): { name: string; authz: string } {
  const engineName = engineUserName(name.trim());
  const at = engineName.lastIndexOf("@");
  return { name: engineName.slice(0, at), authz: engineName.slice(at + 1) };
}

export const isPrincipalName = (value: unknown): value is string => typeof value === "string" && /^[^@\s]+.*@[^@\s]+$/.test(value.trim());

function shapeFailure(property: string, name: unknown): CheckFailure {
  return {
    property,
    reason: `\`${property}\` entries are directory groups such as "vdi-users@internal" (NAME@PROFILE) or "vdi-users@internal-authz" (the engine's); ${JSON.stringify(name)} is not one.`,
  };
}

/**
 * Validates and normalises `groups` (the engine's `NAME@AUTHZ` form, sorted, no duplicates). With the
 * engine reachable, a group it does not know is a warning when its directory has it, a failure naming
 * `groups` when not (principals.ts).
 */
export async function checkGroups<I extends WithGroups>(result: CheckResult<I>, ctx: ResourceContext): Promise<CheckResult<I>> {
  const groups = result.inputs.groups;
  if (result.failures.length > 0 || !Array.isArray(groups) || groups.some(isUnknown)) return result;
  const bad = groups.find((g) => !isPrincipalName(g));
  if (bad !== undefined) return { ...result, failures: [...result.failures, shapeFailure("groups", bad)] };
  const normalised = [...new Set((groups as string[]).map((g) => engineUserName(g.trim())))].sort();
  const inputs = { ...result.inputs, groups: normalised };
  if (!ctx.engine) return { ...result, inputs };
  return checkPrincipals({ ...result, inputs }, ctx.engine, "group", normalised, "groups");
}

export const managesGroups = (inputs: Readonly<WithGroups>): boolean => Array.isArray(inputs.groups);

/** Gives exactly `wanted` (engine group names) the UserRole on the target; returns the groups it added to the engine. */
export const syncGroups = (engine: EngineClient, target: PermissionTarget, wanted: readonly string[]): Promise<string[]> => syncPrincipals(engine, target, "group", wanted);

const isGroupUserRole = (p: Parameters<typeof holdsUserRole>[0]) => holdsUserRole(p, "group");

/** The groups holding UserRole on the target, in the engine's `NAME@AUTHZ` form, sorted. */
export async function readGroups(engine: EngineClient, target: PermissionTarget): Promise<string[]> {
  const names = new Set<string>();
  for (const permission of (await engine.listPermissions(target)).filter(isGroupUserRole)) {
    const group = await engine.getGroup(permission.group?.id ?? "");
    if (group) names.add(`${group.name}@${group.domain?.name ?? ""}`);
  }
  return [...names].sort();
}

/** Adds `groups` to inputs read from the engine: on refresh when the program manages them, on import when any. */
export async function withGroupsFromEngine<I extends WithGroups>(engine: EngineClient, target: PermissionTarget, inputs: I, oldInputs: Old<Partial<I>>): Promise<I> {
  const importing = Object.keys(oldInputs).length === 0;
  if (!importing && oldInputs.groups === undefined) return inputs;
  const groups = await readGroups(engine, target);
  return importing && groups.length === 0 ? inputs : { ...inputs, groups };
}
