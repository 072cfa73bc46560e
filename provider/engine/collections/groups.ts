// Directory groups and users the engine knows (/groups: BackendGroupsResource; /users:
// BackendUsersResource), adding one from its directory (POST /groups: AddGroupCommand; POST /users:
// AddUserCommand, as the admin portal does) and removing it again (RemoveGroupCommand,
// RemoveUserCommand: its permissions go with it), what a principal holds (/…/{id}/permissions), and
// who uses a VM now (/vms/{id}/sessions: BackendVmSessionsResource); roles are read as clusters are.
// What a directory holds, known to the engine or not: /domains (BackendDomainsResource: one domain
// per authz provider, named as the provider, `internal-authz`), /domains/{id}/users and /groups
// (BackendDomainUsersResource, BackendDomainGroupsResource). Their `search` is the directory's
// search language: a user by `username=` (AdUserConditionFieldAutoCompleter USERNAME, the
// principal; `name=` is the given name on LDAP), a group by `name=` (AdGroupConditionFieldAutoCompleter).

import { seg, searchTerm } from "../lookups.ts";
import { clusterFromXml, directoryEntryFromXml, groupFromXml, groupToXml, permissionFromXml, rootElement, sessionFromXml, userFromXml } from "../model.ts";
import type { EngineSession } from "../session.ts";
import type { DirectoryEntry, EngineGroup, EngineUser, Permission, VmSession } from "../types.ts";

export interface GroupCalls {
  /** The group the engine knows as `name` in the authz domain `authz` (`internal-authz`), if any. */
  findGroup(name: string, authz: string): Promise<EngineGroup | undefined>;
  getGroup(id: string): Promise<EngineGroup | undefined>;
  /** Adds a group from its directory; the engine answers 400 (`No such group`) when the directory does not know it. */
  addGroup(name: string, authz: string): Promise<EngineGroup>;
  /** Adds a directory user (`bob@corp-authz`); 400 (`No such user`) when the directory does not know it. */
  addUser(userName: string): Promise<EngineUser>;
  /** Removes a user or group from the engine with its permissions; quiet when it is already gone. */
  removePrincipal(kind: "user" | "group", id: string): Promise<void>;
  /** The permissions a user or group holds, on every object. */
  principalPermissions(kind: "user" | "group", id: string): Promise<Permission[]>;
  /** The directory domains the engine has (`/domains`), by id and authz name (`internal-authz`). */
  listDomains(): Promise<{ id: string; name: string }[]>;
  /**
   * The entries of the directory domain `domainId` that the directory's search finds for `name` (a
   * user's principal, a group's name): case-insensitive and possibly more than one; callers pick.
   */
  searchDirectory(kind: "user" | "group", domainId: string, name: string): Promise<DirectoryEntry[]>;
  /** The engine's roles (`/roles`), by id and name. */
  listRoles(): Promise<{ id: string; name: string }[]>;
  /** The VM's sessions (the console user and guest users the engine reports). */
  listVmSessions(vmId: string): Promise<VmSession[]>;
}

export function createGroupCalls(s: EngineSession): GroupCalls {
  const getGroup = (id: string) => s.getOne(`/groups/${seg(id)}`, "group", groupFromXml);
  return {
    async findGroup(name, authz) {
      const found = await s.listUsable("/groups", "groups", "group", groupFromXml, { search: searchTerm("name", name) });
      return found.find((g) => g.name === name && (g.domain?.name === undefined || g.domain.name === authz));
    },
    getGroup,
    async addGroup(name, authz) {
      const { doc, context } = await s.sendXml("POST", "/groups", groupToXml(name, authz));
      return groupFromXml(rootElement(doc ?? {}, "group", context), context);
    },
    async addUser(userName) {
      const { doc, context } = await s.sendXml("POST", "/users", { user: { user_name: userName } });
      return userFromXml(rootElement(doc ?? {}, "user", context), context);
    },
    removePrincipal: (kind, id) => s.remove(`/${kind}s/${seg(id)}`),
    principalPermissions: (kind, id) => s.list(`/${kind}s/${seg(id)}/permissions`, "permissions", "permission", permissionFromXml),
    listDomains: () => s.list("/domains", "domains", "domain", clusterFromXml),
    searchDirectory: (kind, domainId, name) =>
      s.listUsable(`/domains/${seg(domainId)}/${kind}s`, `${kind}s`, kind, directoryEntryFromXml, { search: searchTerm(kind === "user" ? "username" : "name", name) }),
    listRoles: () => s.list("/roles", "roles", "role", clusterFromXml),
    listVmSessions: (vmId) => s.list(`/vms/${seg(vmId)}/sessions`, "sessions", "session", sessionFromXml),
  };
}
