// Permissions on VMs and pools (/vms/{id}/permissions, /vmpools/{id}/permissions): each kind its
// own followed list, taken at the first read of that kind (only programs that manage users need it).

import { isEngineError, isUncertainFailure } from "../errors.ts";
import { seg } from "../lookups.ts";
import { permissionFromXml, permissionToXml, rootElement } from "../model.ts";
import type { EngineSession } from "../session.ts";
import type { Permission, PermissionTarget } from "../types.ts";
import { linkedEntry } from "./common.ts";

export interface PermissionCalls {
  listPermissions(target: PermissionTarget): Promise<Permission[]>;
  /** Gives `userId` the role named `role` (e.g. `UserRole`) on the target. */
  addPermission(target: PermissionTarget, grant: { role: string; userId: string }): Promise<Permission>;
  /** Takes a permission back; succeeds quietly when it is already gone. */
  removePermission(target: PermissionTarget, permissionId: string): Promise<void>;
}

const permissionsPath = (target: PermissionTarget) => `/${target.kind === "vm" ? "vms" : "vmpools"}/${seg(target.id)}/permissions`;
const OWNERS = {
  vm: { path: "/vms", plural: "vms", singular: "vm" },
  pool: { path: "/vmpools", plural: "vm_pools", singular: "vm_pool" },
} as const;

export function createPermissionCalls(s: EngineSession): PermissionCalls {
  const listDirect = (target: PermissionTarget) => s.list(permissionsPath(target), "permissions", "permission", permissionFromXml);
  const entry = (item: unknown, context: string) => linkedEntry(item, "permissions", "permission", (p) => permissionFromXml(p, context));
  const permissionsOf = (kind: PermissionTarget["kind"]) => {
    const owner = OWNERS[kind];
    return s.snapshot(
      () => s.followedList(owner.path, owner.plural, owner.singular, entry, "permissions"),
      async (id) => ({ id, name: "", items: await listDirect({ kind, id }) }),
    );
  };
  const snapshots = { vm: permissionsOf("vm"), pool: permissionsOf("pool") };
  s.trackVmKeyed(snapshots.vm);
  const listPermissions = async (target: PermissionTarget) => (await snapshots[target.kind].get(target.id))?.items ?? listDirect(target);

  return {
    listPermissions,
    addPermission: (target, grant) => {
      // Retried like the VM actions: when a resend after a lost answer is refused (409), the
      // permission list shows whether the first one took.
      let uncertain = false;
      return snapshots[target.kind].write(target.id, () => s.retry(async () => {
        try {
          const { doc, context } = await s.sendXml("POST", permissionsPath(target), permissionToXml(grant));
          return permissionFromXml(rootElement(doc ?? {}, "permission", context), context);
        } catch (err) {
          if (uncertain && isEngineError(err) && err.status === 409) {
            const granted = (await listPermissions(target)).find((p) => p.user?.id === grant.userId);
            if (granted) return granted;
          }
          if (isUncertainFailure(err)) uncertain = true;
          throw err;
        }
      }));
    },
    removePermission: (target, permissionId) =>
      snapshots[target.kind].write(target.id, () => s.remove(`${permissionsPath(target)}/${seg(permissionId)}`)),
  };
}
