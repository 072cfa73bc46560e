// ovirt:index:Permission — one role for one user or directory group on one VM, pool, template or
// cluster (the engine's /…/permissions; AddPermissionCommand). For roles beyond the UserRole that
// `users` and `groups` on Vm and Pool give (a helpdesk group that may power desktops, ...).
//
// - check: exactly one of `user` and `group`, exactly one target, principal names in NAME@PROFILE
//   form; with the engine: the role exists (by name), the user is known. A group the engine does
//   not know yet is added from its directory at create (groups.ts); the directory's refusal names
//   `group`.
// - every input replaces: a permission has nothing to edit in the engine.
// - read: the permission by its id on its target; gone (removed out of band, or with its target)
//   reads as gone, so a refresh drops it and the next up grants it again.
// The id is `<vm|pool|template|cluster>:<target id>:<permission id>` (`pulumi import` takes it).

import type { EngineClient, PermissionTarget } from "../engine/index.ts";
import type { PermissionInputs as Inputs, PermissionState as State } from "../shapes.generated.ts";
import { checkInputs, isKnown, isUnknown, type CheckRule } from "./check.ts";
import { requireEngine } from "./context.ts";
import { diffInputs } from "./diff.ts";
import { ensureGroup, isPrincipalName } from "./groups.ts";
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

async function engineChecks(engine: EngineClient, inputs: Inputs): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = [];
  if (isKnown(inputs.role) && !(await roleIdOf(engine, inputs.role))) {
    const known = (await engine.listRoles()).map((r) => r.name).sort().join(", ");
    failures.push({ property: "role", reason: `\`role\`: the engine has no role named ${inputs.role}. Its roles: ${known}.` });
  }
  if (typeof inputs.user === "string" && isKnown(inputs.user) && !(await engine.findUser(engineUserName(inputs.user)))) {
    failures.push({ property: "user", reason: `\`user\`: the engine knows no user ${engineUserName(inputs.user)}. Add the user from its directory first, then run again.` });
  }
  return failures;
}

async function roleIdOf(engine: EngineClient, role: string): Promise<string | undefined> {
  return (await engine.listRoles()).find((r) => r.name === role)?.id;
}

async function principalId(engine: EngineClient, inputs: Inputs): Promise<{ userId: string } | { groupId: string }> {
  if (typeof inputs.group === "string") return { groupId: (await ensureGroup(engine, inputs.group, "group")).id };
  const user = await engine.findUser(engineUserName(inputs.user ?? ""));
  if (!user) throw new PropertyError("user", `\`user\`: the engine knows no user ${engineUserName(inputs.user ?? "")}; nothing was granted.`);
  return { userId: user.id };
}

/** The state for a permission the engine holds, or undefined when it is gone. */
async function readPermission(engine: EngineClient, id: string, inputs: Partial<Inputs>): Promise<State | undefined> {
  const { target, permissionId } = parseId(id);
  const permission = (await engine.listPermissions(target)).find((p) => p.id === permissionId);
  if (!permission) return undefined;
  const roles = await engine.listRoles();
  const role = roles.find((r) => r.id === permission.role?.id)?.name ?? permission.role?.name ?? inputs.role ?? "";
  const targetProperty = TARGETS.find(([, kind]) => kind === target.kind)![0];
  const state: State = { role, [targetProperty]: target.id, permissionId, principalId: permission.group?.id ?? permission.user?.id ?? "" };
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
  const { permissionId: _p, principalId: _i, ...inputs } = state;
  return inputs;
}

export const permissionResource: Resource<Inputs, State> = {
  token: TOKEN,
  label: "Permission",

  async check({ news }, ctx) {
    const result = await checkInputs<Inputs>(TOKEN, news, rules);
    if (result.failures.length > 0 || !ctx.engine) return result;
    return { ...result, failures: await engineChecks(ctx.engine, result.inputs) };
  },

  async diff({ olds, news, oldInputs }) {
    return diffInputs(TOKEN, olds, oldInputs, news);
  },

  async create({ inputs }, ctx) {
    if (ctx.preview) return { id: "", outputs: { ...inputs, permissionId: UNKNOWN, principalId: UNKNOWN } };
    const engine = requireEngine(ctx, `grant ${inputs.role}`);
    const target = targetOf(inputs);
    if (!(await roleIdOf(engine, inputs.role))) throw new PropertyError("role", `\`role\`: the engine has no role named ${inputs.role}; nothing was granted.`);
    const principal = await principalId(engine, inputs);
    const permission = await engine.addPermission(target, { role: inputs.role, ...principal });
    const id = `${target.kind}:${target.id}:${permission.id}`;
    return { id, outputs: (await readPermission(engine, id, inputs)) ?? { ...inputs, permissionId: permission.id, principalId: "groupId" in principal ? principal.groupId : principal.userId } };
  },

  async read({ id, oldInputs }, ctx) {
    const engine = requireEngine(ctx, `read permission ${id}`);
    const state = await readPermission(engine, id, oldInputs);
    return state ? { id, outputs: state, inputs: inputsOf(state) } : undefined;
  },

  async update({ id, news }, ctx) {
    // Every input replaces; an update only ever carries no engine change.
    const engine = requireEngine(ctx, `read permission ${id}`);
    return (await readPermission(engine, id, news)) ?? { ...news, permissionId: parseId(id).permissionId, principalId: "" };
  },

  async delete({ id }, ctx) {
    const engine = requireEngine(ctx, `remove permission ${id}`);
    const { target, permissionId } = parseId(id);
    await engine.removePermission(target, permissionId);
  },
};
