// The fake's permissions on VMs and pools, keyed by `kind:id`.

import type { Permission, PermissionCalls } from "../../../provider/engine/index.ts";
import { clone, type FakeState } from "./state.ts";

export function fakePermissionCalls(s: FakeState): PermissionCalls {
  return {
    async listPermissions(target) {
      s.log(`listPermissions ${target.kind} ${target.id}`);
      return clone(s.permissions.get(`${target.kind}:${target.id}`) ?? []);
    },
    async addPermission(target, grant) {
      s.log(`addPermission ${target.kind} ${target.id} ${grant.role} ${grant.userId}`);
      const key = `${target.kind}:${target.id}`;
      const roleId = grant.role === "UserRole" ? "00000000-0000-0000-0001-000000000001" : `role-${grant.role}`;
      const permission: Permission = { id: s.newId("perm"), role: { id: roleId }, user: { id: grant.userId } };
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
