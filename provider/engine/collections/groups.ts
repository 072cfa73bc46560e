// Directory groups the engine knows (/groups: BackendGroupsResource), adding one from its directory
// (POST /groups: AddGroupCommand, as the admin portal does), and who uses a VM now
// (/vms/{id}/sessions: BackendVmSessionsResource); roles are read as clusters are: an id and a name.

import { seg, searchTerm } from "../lookups.ts";
import { clusterFromXml, groupFromXml, groupToXml, rootElement, sessionFromXml } from "../model.ts";
import type { EngineSession } from "../session.ts";
import type { EngineGroup, VmSession } from "../types.ts";

export interface GroupCalls {
  /** The group the engine knows as `name` in the authz domain `authz` (`internal-authz`), if any. */
  findGroup(name: string, authz: string): Promise<EngineGroup | undefined>;
  getGroup(id: string): Promise<EngineGroup | undefined>;
  /** Adds a group from its directory; the engine answers 400 (`No such group`) when the directory does not know it. */
  addGroup(name: string, authz: string): Promise<EngineGroup>;
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
    listRoles: () => s.list("/roles", "roles", "role", clusterFromXml),
    listVmSessions: (vmId) => s.list(`/vms/${seg(vmId)}/sessions`, "sessions", "session", sessionFromXml),
  };
}
