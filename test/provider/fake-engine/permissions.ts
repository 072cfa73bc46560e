// The fake's permissions on VMs and pools, keyed by `kind:id`.

import { EngineError } from "../../../provider/engine/index.ts";
import type { EngineGroup, GroupCalls, Permission, PermissionCalls } from "../../../provider/engine/index.ts";
import { clone, type FakeState } from "./state.ts";

/** Directory groups: what the fake's directory holds, and which of them the engine knows. */
export function fakeGroupCalls(s: FakeState): GroupCalls {
  return {
    async findGroup(name, authz) {
      s.log(`findGroup ${name}@${authz}`);
      return clone(s.engineGroups.find((g) => g.name === name && g.domain?.name === authz));
    },
    async getGroup(id) {
      return clone(s.engineGroups.find((g) => g.id === id));
    },
    async addGroup(name, authz) {
      s.log(`addGroup ${name}@${authz}`);
      if (!s.directoryGroups.includes(`${name}@${authz}`)) {
        throw new EngineError(`No such group: ${name} in directory ${authz}`, { kind: "fault", status: 400 });
      }
      const group: EngineGroup = { id: s.newId("group"), name, domain: { name: authz } };
      s.engineGroups.push(group);
      return clone(group);
    },
    async addUser(userName) {
      s.log(`addUser ${userName}`);
      const known = s.users.find((u) => u.user_name === userName);
      if (known) return clone(known);
      if (!s.directoryUsers.includes(userName)) {
        throw new EngineError(`No such user: ${userName} in domain ${userName.slice(userName.lastIndexOf("@") + 1)}`, { kind: "fault", status: 400 });
      }
      const user = { id: s.newId("user"), user_name: userName };
      s.users.push(user);
      return clone(user);
    },
    async removePrincipal(kind, id) {
      s.log(`removePrincipal ${kind} ${id}`);
      if (kind === "user") s.users = s.users.filter((u) => u.id !== id);
      else s.engineGroups = s.engineGroups.filter((g) => g.id !== id);
      for (const [key, list] of s.permissions) s.permissions.set(key, list.filter((p) => p[kind]?.id !== id));
    },
    async principalPermissions(kind, id) {
      return clone([...s.permissions.values()].flat().filter((p) => p[kind]?.id === id));
    },
    async listDomains() {
      s.log("listDomains");
      const authzOf = (n: string) => n.slice(n.lastIndexOf("@") + 1);
      const names = new Set([...s.directoryGroups, ...s.directoryUsers, ...s.users.map((u) => u.user_name)].map(authzOf));
      return [...names].sort().map((name) => ({ id: `domain-${name}`, name }));
    },
    async searchDirectory(kind, domainId, name) {
      s.log(`findInDirectory ${kind} ${domainId} ${name}`);
      const authz = domainId.replace(/^domain-/, "");
      const entries = kind === "group" ? s.directoryGroups : [...s.directoryUsers, ...s.users.map((u) => u.user_name)];
      return entries
        .filter((e) => e.toLowerCase() === `${name}@${authz}`.toLowerCase())
        .map((e) => {
          const bare = e.slice(0, e.lastIndexOf("@"));
          return kind === "group" ? { id: `dir-${bare}`, name: bare } : { id: `dir-${bare}`, name: bare, principal: bare, user_name: e };
        });
    },
    async listRoles() {
      return [{ id: "00000000-0000-0000-0001-000000000001", name: "UserRole" }, { id: "role-PowerUserRole", name: "PowerUserRole" }, { id: "role-UserVmManager", name: "UserVmManager" }];
    },
    async listVmSessions(vmId) {
      return clone(s.sessions.get(vmId) ?? []);
    },
  };
}

export function fakePermissionCalls(s: FakeState): PermissionCalls {
  return {
    async listPermissions(target) {
      s.log(`listPermissions ${target.kind} ${target.id}`);
      return clone(s.permissions.get(`${target.kind}:${target.id}`) ?? []);
    },
    async addPermission(target, grant) {
      const principal = "groupId" in grant ? { group: { id: grant.groupId } } : { user: { id: grant.userId } };
      s.log(`addPermission ${target.kind} ${target.id} ${grant.role} ${"groupId" in grant ? `group ${grant.groupId}` : grant.userId}`);
      const key = `${target.kind}:${target.id}`;
      const roleId = grant.role === "UserRole" ? "00000000-0000-0000-0001-000000000001" : `role-${grant.role}`;
      const permission: Permission = { id: s.newId("perm"), role: { id: roleId, name: grant.role }, ...principal };
      s.permissions.set(key, [...(s.permissions.get(key) ?? []), permission]);
      return clone(permission);
    },
    async removePermission(target, permissionId) {
      s.log(`removePermission ${target.kind} ${target.id} ${permissionId}`);
      const key = `${target.kind}:${target.id}`;
      s.permissions.set(key, (s.permissions.get(key) ?? []).filter((p) => p.id !== permissionId));
    },
  };
}
