// ovirt:index:Permission — one role for one user or directory group on one VM, pool, template or
// cluster (the engine's /…/permissions; AddPermissionCommand). For roles beyond the UserRole that
// `users` and `groups` on Vm and Pool give (a helpdesk group that may power desktops, ...).
//
// - check: exactly one of `user` and `group`, exactly one target, principal names in NAME@PROFILE
//   form; with the engine: the role exists (by name). A user or group the engine does not know yet
//   is a warning, and is added from its directory at create (principals.ts); the directory's refusal
//   names `user` or `group`. What was added is in `addedPrincipals`, and leaves the engine with the
//   permission when nothing else refers to it.
// - every input replaces: a permission has nothing to edit in the engine.
// - read: the permission by its id on its target; gone (removed out of band, or with its target)
//   reads as gone, so a refresh drops it and the next up grants it again.
// The id is `<vm|pool|template|cluster>:<target id>:<permission id>` (`pulumi import` takes it).

import type { EngineClient, PermissionTarget } from "../engine/index.ts";
import type { PermissionInputs as Inputs, PermissionState as State } from "../shapes.generated.ts";
import { checkInputs, isKnown, isUnknown, type CheckRule } from "./check.ts";
import { requireEngine } from "./context.ts";
import { diffInputs } from "./diff.ts";
import { isPrincipalName } from "./groups.ts";
import { checkPrincipal, ensurePrincipal, removeAddedPrincipals, withAdded } from "./principals.ts";
import { PropertyError, UNKNOWN, type CheckFailure, type Resource } from "./types.ts";
import { engineUserName } from "./users.ts";

const TOKEN = "ovirt:index:Permission";
const TARGETS = [["vmId", "vm"], ["poolId", "pool"], ["templateId", "template"], ["clusterId", "cluster"]] as const;

const given = (value: unknown) => value !== undefined && (isUnknown(value) || value !== "");

const rules: CheckRule[] = [
  (inputs) => {
    if (given(inputs.user) && given(inputs.group)) {
      return [{ property: "group", reason: "Give `user` or `group`, not both: a permission is for one principal. Use a second Permission for the other." }];
    }
    if (!given(inputs.user) && !given(inputs.group)) return [{ property: "user", reason: "Give `user` (alice@internal) or `group` (helpdesk@internal): who gets the role." }];
    return [];
  },
  (inputs) => {
    const set = TARGETS.filter(([property]) => given(inputs[property]));
    if (set.length === 1) return [];
    const list = TARGETS.map(([p]) => `\`${p}\``).join(", ");
    return [{ property: set[1]?.[0] ?? "vmId", reason: `Give exactly one of ${list}: the object the role is on (${set.length === 0 ? "none is set" : `${set.map(([p]) => p).join(" and ")} are set`}).` }];
  },
  (inputs) =>
    (["user", "group"] as const).flatMap((property) => {
      const value = inputs[property];
      if (value === undefined || !isKnown(value) || isPrincipalName(value)) return [];
      return [{ property, reason: `\`${property}\` is NAME@PROFILE (\`${property === "user" ? "alice" : "helpdesk"}@internal\`), not ${JSON.stringify(value)}.` }];
    }),
];

function targetOf(inputs: Inputs): PermissionTarget {
  const found = TARGETS.find(([property]) => typeof inputs[property] === "string" && inputs[property] !== "");
  if (!found) throw new PropertyError("vmId", "No target: give `vmId`, `poolId`, `templateId` or `clusterId`.");
  return { kind: found[1], id: inputs[found[0]] as string };
}

function parseId(id: string): { target: PermissionTarget; permissionId: string } {
  const match = /^(vm|pool|template|cluster):([^:]+):(.+)$/.exec(id);
  if (!match) throw new Error(`A Permission id is \`<vm|pool|template|cluster>:<target id>:<permission id>\`, not "${id}".`);
  return { target: { kind: match[1] as PermissionTarget["kind"], id: match[2]! }, permissionId: match[3]! };
}

async function engineChecks(engine: EngineClient, inputs: Inputs): Promise<{ failures: CheckFailure[]; warnings: CheckFailure[] }> {
  const failures: CheckFailure[] = [];
  const warnings: CheckFailure[] = [];
  if (isKnown(inputs.role) && !(await roleIdOf(engine, inputs.role))) {
    const known = (await engine.listRoles()).map((r) => r.name).sort().join(", ");
    failures.push({ property: "role", reason: `\`role\`: the engine has no role named ${inputs.role}. Its roles: ${known}.` });
  }
  for (const kind of ["user", "group"] as const) {
    const name = inputs[kind];
    if (typeof name !== "string" || !isKnown(name)) continue;
    const { warning, failure } = await checkPrincipal(engine, kind, engineUserName(name), kind);
    if (warning) warnings.push(warning);
    if (failure) failures.push(failure);
  }
  return { failures, warnings };
}

async function roleIdOf(engine: EngineClient, role: string): Promise<string | undefined> {
  return (await engine.listRoles()).find((r) => r.name === role)?.id;
}

async function principalOf(engine: EngineClient, inputs: Inputs): Promise<{ grant: { userId: string } | { groupId: string }; added?: string }> {
  if (typeof inputs.group === "string") {
    const group = await ensurePrincipal(engine, "group", engineUserName(inputs.group), "group");
    return { grant: { groupId: group.id }, added: group.added };
  }
  const user = await ensurePrincipal(engine, "user", engineUserName(inputs.user ?? ""), "user");
  return { grant: { userId: user.id }, added: user.added };
}

/** The state for a permission the engine holds, or undefined when it is gone. */
async function readPermission(engine: EngineClient, id: string, inputs: Partial<Inputs>, addedPrincipals?: string[]): Promise<State | undefined> {
  const { target, permissionId } = parseId(id);
  const permission = (await engine.listPermissions(target)).find((p) => p.id === permissionId);
  if (!permission) return undefined;
  const roles = await engine.listRoles();
  const role = roles.find((r) => r.id === permission.role?.id)?.name ?? permission.role?.name ?? inputs.role ?? "";
  const targetProperty = TARGETS.find(([, kind]) => kind === target.kind)![0];
  const state: State = { role, [targetProperty]: target.id, permissionId, principalId: permission.group?.id ?? permission.user?.id ?? "", addedPrincipals: addedPrincipals ?? [] };
  if (permission.group?.id) {
    const group = await engine.getGroup(permission.group.id);
    const engineName = group ? `${group.name}@${group.domain?.name ?? ""}` : permission.group.id;
    state.group = inputs.group !== undefined && group && engineUserName(inputs.group) === engineName ? inputs.group : engineName;
  } else if (permission.user?.id) {
    const user = await engine.getUser(permission.user.id);
    const engineName = user?.user_name ?? permission.user.id;
    state.user = inputs.user !== undefined && engineUserName(inputs.user) === engineName ? inputs.user : engineName;
  }
  return state;
}

function inputsOf(state: State): Inputs {
  const { permissionId: _p, principalId: _i, addedPrincipals: _a, ...inputs } = state;
  return inputs;
}

export const permissionResource: Resource<Inputs, State> = {
  token: TOKEN,
  label: "Permission",

  async check({ news }, ctx) {
    const result = await checkInputs<Inputs>(TOKEN, news, rules);
    if (result.failures.length > 0 || !ctx.engine) return result;
    const { failures, warnings } = await engineChecks(ctx.engine, result.inputs);
    return { ...result, failures, warnings: [...(result.warnings ?? []), ...warnings] };
  },

  async diff({ olds, news, oldInputs }) {
    return diffInputs(TOKEN, olds, oldInputs, news);
  },

  async create({ inputs }, ctx) {
    if (ctx.preview) return { id: "", outputs: { ...inputs, permissionId: UNKNOWN, principalId: UNKNOWN, addedPrincipals: UNKNOWN } };
    const engine = requireEngine(ctx, `grant ${inputs.role}`);
    const target = targetOf(inputs);
    if (!(await roleIdOf(engine, inputs.role))) throw new PropertyError("role", `\`role\`: the engine has no role named ${inputs.role}; nothing was granted.`);
    const { grant, added } = await principalOf(engine, inputs);
    const permission = await engine.addPermission(target, { role: inputs.role, ...grant });
    const id = `${target.kind}:${target.id}:${permission.id}`;
    const addedPrincipals = withAdded([], [added]);
    const principalId = "groupId" in grant ? grant.groupId : grant.userId;
    return { id, outputs: (await readPermission(engine, id, inputs, addedPrincipals)) ?? { ...inputs, permissionId: permission.id, principalId, addedPrincipals } };
  },

  async read({ id, olds, oldInputs }, ctx) {
    const engine = requireEngine(ctx, `read permission ${id}`);
    const state = await readPermission(engine, id, oldInputs, olds.addedPrincipals);
    return state ? { id, outputs: state, inputs: inputsOf(state) } : undefined;
  },

  async update({ id, olds, news }, ctx) {
    // Every input replaces; an update only ever carries no engine change.
    const engine = requireEngine(ctx, `read permission ${id}`);
    return (await readPermission(engine, id, news, olds.addedPrincipals)) ?? { ...news, permissionId: parseId(id).permissionId, principalId: "", addedPrincipals: olds.addedPrincipals ?? [] };
  },

  async delete({ id, olds }, ctx) {
    const engine = requireEngine(ctx, `remove permission ${id}`);
    const { target, permissionId } = parseId(id);
    await engine.removePermission(target, permissionId);
    await removeAddedPrincipals(engine, olds.addedPrincipals, `Permission ${olds.role ?? ""} ${id}`, ctx.log);
  },
};
