// Permissions on VMs and pools (/vms/{id}/permissions, /vmpools/{id}/permissions): each kind its
// own followed list, taken at the first read of that kind (only programs that manage users need it).
// Templates and clusters (a Permission resource's other targets) are asked directly.

import { isEngineError, isUncertainFailure } from "../errors.ts";
import { seg } from "../lookups.ts";
import { permissionFromXml, permissionToXml, rootElement } from "../model.ts";
import type { EngineSession } from "../session.ts";
import type { Permission, PermissionGrant, PermissionTarget } from "../types.ts";
import { linkedEntry } from "./common.ts";

export interface PermissionCalls {
  listPermissions(target: PermissionTarget): Promise<Permission[]>;
  /** Gives the user or group the role named `role` (e.g. `UserRole`) on the target. */
  addPermission(target: PermissionTarget, grant: PermissionGrant): Promise<Permission>;
  /** Takes a permission back; succeeds quietly when it is already gone. */
  removePermission(target: PermissionTarget, permissionId: string): Promise<void>;
}

const COLLECTION = { vm: "vms", pool: "vmpools", template: "templates", cluster: "clusters" } as const;
const permissionsPath = (target: PermissionTarget) => `/${COLLECTION[target.kind]}/${seg(target.id)}/permissions`;
const holds = (p: Permission, grant: PermissionGrant) =>
  ("groupId" in grant ? p.group?.id === grant.groupId : p.user?.id === grant.userId) && (p.role?.name === undefined || p.role.name === grant.role);
const OWNERS = {
  vm: { path: "/vms", plural: "vms", singular: "vm" },
  pool: { path: "/vmpools", plural: "vm_pools", singular: "vm_pool" },
} as const;

export function createPermissionCalls(s: EngineSession): PermissionCalls {
  const listDirect = (target: PermissionTarget) => s.list(permissionsPath(target), "permissions", "permission", permissionFromXml);
  const entry = (item: unknown, context: string) => linkedEntry(item, "permissions", "permission", (p) => permissionFromXml(p, context));
  const permissionsOf = (kind: "vm" | "pool") => {
    const owner = OWNERS[kind];
    return s.snapshot(
      () => s.followedList(owner.path, owner.plural, owner.singular, entry, "permissions"),
      async (id) => ({ id, name: "", items: await listDirect({ kind, id }) }),
    );
  };
  const snapshots = { vm: permissionsOf("vm"), pool: permissionsOf("pool") };
  s.trackVmKeyed(snapshots.vm);
  const followed = (kind: PermissionTarget["kind"]) => (kind === "vm" || kind === "pool" ? snapshots[kind] : undefined);
  const listPermissions = async (target: PermissionTarget) => (await followed(target.kind)?.get(target.id))?.items ?? listDirect(target);
  const written = <R>(target: PermissionTarget, op: () => Promise<R>): Promise<R> => followed(target.kind)?.write(target.id, op) ?? op();

  return {
    listPermissions,
    addPermission: (target, grant) => {
      // Retried like the VM actions: when a resend after a lost answer is refused (409), the
      // permission list shows whether the first one took.
      let uncertain = false;
      return written(target, () => s.retry(async () => {
        try {
          const { doc, context } = await s.sendXml("POST", permissionsPath(target), permissionToXml(grant));
          return permissionFromXml(rootElement(doc ?? {}, "permission", context), context);
        } catch (err) {
          if (uncertain && isEngineError(err) && err.status === 409) {
            const granted = (await listPermissions(target)).find((p) => holds(p, grant));
            if (granted) return granted;
          }
          if (isUncertainFailure(err)) uncertain = true;
          throw err;
        }
      }));
    },
    removePermission: (target, permissionId) =>
      written(target, () => s.remove(`${permissionsPath(target)}/${seg(permissionId)}`)),
  };
}
