// The route table: method + path pattern (relative to /ovirt-engine/api) -> handler. Patterns use
// {name} placeholders; the pattern text is also the key of the request counters.
import type { Ctx, Reply } from "./http/context.ts";
import { apiRoot } from "./collections/root.ts";
import { getCluster, getDataCenter, listClusters, listDataCenterClusters, listDataCenters } from "./collections/clusters.ts";
import {
  addVnicProfile, getDataCenterStorageDomain, getHost, getNetwork, getStorageDomain, getVnicProfile,
  listDataCenterNetworks, listDataCenterStorageDomains, listHosts, listNetworks, listNetworkVnicProfiles,
  listStorageDomains, listVnicProfiles, removeVnicProfile,
} from "./collections/infra.ts";
import { addTemplate, getTemplate, listTemplates, removeTemplate, updateTemplate } from "./collections/templates.ts";
import { addVm, detachVm, getVm, listNumaNodes, listVms, rebootVm, removeVm, shutdownVm, startVm, stopVm, updateVm } from "./collections/vms.ts";
import { addPool, allocateVm, getPool, listPools, removePool, updatePool } from "./collections/pools.ts";
import {
  addPermission, getPermission, getRole, getUser, listPermissions, listPrincipalPermissions, listRoles, listUsers, removePermission,
} from "./collections/permissions.ts";
import {
  addGroup, addUser, getDomain, getDomainGroup, getDomainUser, getGroup, listDomainGroups, listDomains, listDomainUsers, listGroups,
  listVmSessions, removeGroup, removeUser,
} from "./collections/directory.ts";
import {
  addConsole, consoleTicket, getConsole, listConsoles, remoteViewerAction, removeConsole, vmLogon, vmTicket,
} from "./collections/consoles.ts";

import {
  addDisk, addVmDiskAttachment, copyDisk, getDisk, getStorageDomainDisk, getTemplateDiskAttachment, getVmDiskAttachment,
  listDisks, listStorageDomainDisks, listTemplateDiskAttachments, listVmDiskAttachments, removeDisk,
  removeStorageDomainDisk, removeVmDiskAttachment, updateDisk, updateVmDiskAttachment,
} from "./collections/disks.ts";
import { getJob, listJobs } from "./collections/jobs.ts";
import { getCdrom, getFile, listCdroms, listFiles, updateCdrom } from "./collections/cdroms.ts";
import {
  addTransfer, cancelTransfer, extendTransfer, finalizeTransfer, getTransfer, listTransfers,
} from "./collections/transfers.ts";

import {
  addAffinityLabel, addAffinityLabelVm, getAffinityLabel, listAffinityLabels, listAffinityLabelVms, listVmAffinityLabels,
  removeAffinityLabel, removeAffinityLabelVm,
} from "./collections/affinitylabels.ts";
import {
  addAffinityGroup, addAffinityGroupVm, getAffinityGroup, listAffinityGroups, listAffinityGroupVms, removeAffinityGroup,
  removeAffinityGroupVm,
} from "./collections/affinitygroups.ts";
import { addNic, getNic, listNics, listTemplateNics, removeNic, updateNic } from "./collections/nics.ts";
import { addTag, addVmTag, getTag, listTags, listVmTags, removeTag, removeVmTag, updateTag } from "./collections/tags.ts";
import { getInstanceType, listInstanceTypes } from "./collections/instancetypes.ts";

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  handler: Handler;
}

function route(method: string, pattern: string, handler: Handler): Route {
  const keys: string[] = [];
  const source = pattern.replace(/\{(\w+)\}/g, (_m, key: string) => {
    keys.push(key);
    return "([^/]+)";
  });
  return { method, pattern, regex: new RegExp(`^${source}/?$`), keys, handler };
}

const CONSOLE = "/graphicsconsoles/{consoleId}";

export const ROUTES: Route[] = [
  route("GET", "", apiRoot),
  route("GET", "/clusters", listClusters),
  route("GET", "/clusters/{id}", getCluster),
  route("GET", "/datacenters", listDataCenters),
  route("GET", "/datacenters/{id}", getDataCenter),
  route("GET", "/datacenters/{id}/clusters", listDataCenterClusters),
  route("GET", "/datacenters/{id}/storagedomains", listDataCenterStorageDomains),
  route("GET", "/datacenters/{id}/storagedomains/{sdId}", getDataCenterStorageDomain),
  route("GET", "/datacenters/{id}/networks", listDataCenterNetworks),
  route("GET", "/hosts", listHosts),
  route("GET", "/hosts/{id}", getHost),
  route("GET", "/storagedomains", listStorageDomains),
  route("GET", "/storagedomains/{id}", getStorageDomain),
  route("GET", "/storagedomains/{id}/disks", listStorageDomainDisks),
  route("GET", "/storagedomains/{id}/disks/{diskId}", getStorageDomainDisk),
  route("DELETE", "/storagedomains/{id}/disks/{diskId}", removeStorageDomainDisk),
  route("GET", "/storagedomains/{id}/files", listFiles),
  route("GET", "/storagedomains/{id}/files/{fileId}", getFile),
  route("GET", "/vms/{id}/cdroms", listCdroms),
  route("GET", "/vms/{id}/cdroms/{cdromId}", getCdrom),
  route("PUT", "/vms/{id}/cdroms/{cdromId}", updateCdrom),
  route("GET", "/disks", listDisks),
  route("POST", "/disks", addDisk),
  route("GET", "/disks/{id}", getDisk),
  route("PUT", "/disks/{id}", updateDisk),
  route("DELETE", "/disks/{id}", removeDisk),
  route("POST", "/disks/{id}/copy", copyDisk),
  route("GET", "/vms/{id}/diskattachments", listVmDiskAttachments),
  route("POST", "/vms/{id}/diskattachments", addVmDiskAttachment),
  route("GET", "/vms/{id}/diskattachments/{attachmentId}", getVmDiskAttachment),
  route("PUT", "/vms/{id}/diskattachments/{attachmentId}", updateVmDiskAttachment),
  route("DELETE", "/vms/{id}/diskattachments/{attachmentId}", removeVmDiskAttachment),
  route("GET", "/templates/{id}/diskattachments", listTemplateDiskAttachments),
  route("GET", "/templates/{id}/diskattachments/{attachmentId}", getTemplateDiskAttachment),
  route("GET", "/vms/{id}/nics", listNics),
  route("GET", "/templates/{id}/nics", listTemplateNics),
  route("POST", "/vms/{id}/nics", addNic),
  route("GET", "/vms/{id}/nics/{nicId}", getNic),
  route("PUT", "/vms/{id}/nics/{nicId}", updateNic),
  route("DELETE", "/vms/{id}/nics/{nicId}", removeNic),
  route("GET", "/tags", listTags),
  route("POST", "/tags", addTag),
  route("GET", "/tags/{id}", getTag),
  route("PUT", "/tags/{id}", updateTag),
  route("DELETE", "/tags/{id}", removeTag),
  route("GET", "/vms/{id}/tags", listVmTags),
  route("POST", "/vms/{id}/tags", addVmTag),
  route("DELETE", "/vms/{id}/tags/{tagId}", removeVmTag),
  route("GET", "/clusters/{id}/affinitygroups", listAffinityGroups),
  route("POST", "/clusters/{id}/affinitygroups", addAffinityGroup),
  route("GET", "/clusters/{id}/affinitygroups/{groupId}", getAffinityGroup),
  route("DELETE", "/clusters/{id}/affinitygroups/{groupId}", removeAffinityGroup),
  route("GET", "/clusters/{id}/affinitygroups/{groupId}/vms", listAffinityGroupVms),
  route("POST", "/clusters/{id}/affinitygroups/{groupId}/vms", addAffinityGroupVm),
  route("DELETE", "/clusters/{id}/affinitygroups/{groupId}/vms/{vmId}", removeAffinityGroupVm),
  route("GET", "/affinitylabels", listAffinityLabels),
  route("POST", "/affinitylabels", addAffinityLabel),
  route("GET", "/affinitylabels/{id}", getAffinityLabel),
  route("DELETE", "/affinitylabels/{id}", removeAffinityLabel),
  route("GET", "/affinitylabels/{id}/vms", listAffinityLabelVms),
  route("POST", "/affinitylabels/{id}/vms", addAffinityLabelVm),
  route("DELETE", "/affinitylabels/{id}/vms/{vmId}", removeAffinityLabelVm),
  route("GET", "/vms/{id}/affinitylabels", listVmAffinityLabels),
  route("GET", "/instancetypes", listInstanceTypes),
  route("GET", "/instancetypes/{id}", getInstanceType),
  route("GET", "/jobs", listJobs),
  route("GET", "/jobs/{id}", getJob),
  route("GET", "/imagetransfers", listTransfers),
  route("POST", "/imagetransfers", addTransfer),
  route("GET", "/imagetransfers/{id}", getTransfer),
  route("POST", "/imagetransfers/{id}/finalize", finalizeTransfer),
  route("POST", "/imagetransfers/{id}/cancel", cancelTransfer),
  route("POST", "/imagetransfers/{id}/extend", extendTransfer),
  route("GET", "/networks", listNetworks),
  route("GET", "/networks/{id}", getNetwork),
  route("GET", "/networks/{id}/vnicprofiles", listNetworkVnicProfiles),
  route("GET", "/vnicprofiles", listVnicProfiles),
  route("POST", "/vnicprofiles", addVnicProfile),
  route("GET", "/vnicprofiles/{id}", getVnicProfile),
  route("DELETE", "/vnicprofiles/{id}", removeVnicProfile),

  route("GET", "/templates", listTemplates),
  route("POST", "/templates", addTemplate),
  route("GET", "/templates/{id}", getTemplate),
  route("PUT", "/templates/{id}", updateTemplate),
  route("DELETE", "/templates/{id}", removeTemplate),
  route("GET", "/templates/{id}/graphicsconsoles", listConsoles("template")),
  route("POST", "/templates/{id}/graphicsconsoles", addConsole("template")),
  route("GET", `/templates/{id}${CONSOLE}`, getConsole("template")),
  route("DELETE", `/templates/{id}${CONSOLE}`, removeConsole("template")),

  route("GET", "/vms", listVms),
  route("POST", "/vms", addVm),
  route("GET", "/vms/{id}", getVm),
  route("PUT", "/vms/{id}", updateVm),
  route("DELETE", "/vms/{id}", removeVm),
  route("POST", "/vms/{id}/start", startVm),
  route("POST", "/vms/{id}/stop", stopVm),
  route("POST", "/vms/{id}/shutdown", shutdownVm),
  route("POST", "/vms/{id}/reboot", rebootVm),
  route("POST", "/vms/{id}/detach", detachVm),
  route("POST", "/vms/{id}/ticket", vmTicket),
  route("POST", "/vms/{id}/logon", vmLogon),
  route("GET", "/vms/{id}/numanodes", listNumaNodes),
  route("GET", "/vms/{id}/graphicsconsoles", listConsoles("vm")),
  route("POST", "/vms/{id}/graphicsconsoles", addConsole("vm")),
  route("GET", `/vms/{id}${CONSOLE}`, getConsole("vm")),
  route("DELETE", `/vms/{id}${CONSOLE}`, removeConsole("vm")),
  route("POST", `/vms/{id}${CONSOLE}/ticket`, consoleTicket),
  route("POST", `/vms/{id}${CONSOLE}/remoteviewerconnectionfile`, remoteViewerAction),

  route("GET", "/vmpools", listPools),
  route("POST", "/vmpools", addPool),
  route("GET", "/vmpools/{id}", getPool),
  route("PUT", "/vmpools/{id}", updatePool),
  route("DELETE", "/vmpools/{id}", removePool),
  route("POST", "/vmpools/{id}/allocatevm", allocateVm),

  route("GET", "/vms/{id}/permissions", listPermissions("vm")),
  route("POST", "/vms/{id}/permissions", addPermission("vm")),
  route("GET", "/vms/{id}/permissions/{permissionId}", getPermission("vm")),
  route("DELETE", "/vms/{id}/permissions/{permissionId}", removePermission("vm")),
  route("GET", "/vmpools/{id}/permissions", listPermissions("pool")),
  route("POST", "/vmpools/{id}/permissions", addPermission("pool")),
  route("GET", "/vmpools/{id}/permissions/{permissionId}", getPermission("pool")),
  route("DELETE", "/vmpools/{id}/permissions/{permissionId}", removePermission("pool")),
  route("GET", "/templates/{id}/permissions", listPermissions("template")),
  route("POST", "/templates/{id}/permissions", addPermission("template")),
  route("GET", "/templates/{id}/permissions/{permissionId}", getPermission("template")),
  route("DELETE", "/templates/{id}/permissions/{permissionId}", removePermission("template")),
  route("GET", "/clusters/{id}/permissions", listPermissions("cluster")),
  route("POST", "/clusters/{id}/permissions", addPermission("cluster")),
  route("GET", "/clusters/{id}/permissions/{permissionId}", getPermission("cluster")),
  route("DELETE", "/clusters/{id}/permissions/{permissionId}", removePermission("cluster")),
  route("GET", "/groups", listGroups),
  route("POST", "/groups", addGroup),
  route("GET", "/groups/{id}", getGroup),
  route("DELETE", "/groups/{id}", removeGroup),
  route("GET", "/groups/{id}/permissions", listPrincipalPermissions("group")),
  route("GET", "/domains", listDomains),
  route("GET", "/domains/{id}", getDomain),
  route("GET", "/domains/{id}/users", listDomainUsers),
  route("GET", "/domains/{id}/users/{userId}", getDomainUser),
  route("GET", "/domains/{id}/groups", listDomainGroups),
  route("GET", "/domains/{id}/groups/{groupId}", getDomainGroup),
  route("GET", "/vms/{id}/sessions", listVmSessions),
  route("GET", "/users", listUsers),
  route("POST", "/users", addUser),
  route("GET", "/users/{id}", getUser),
  route("DELETE", "/users/{id}", removeUser),
  route("GET", "/users/{id}/permissions", listPrincipalPermissions("user")),
  route("GET", "/roles", listRoles),
  route("GET", "/roles/{id}", getRole),
];

const ID_PARENTS = new Set([
  "vms", "templates", "vmpools", "clusters", "datacenters", "graphicsconsoles", "permissions", "users", "roles", "hosts",
  "storagedomains", "disks", "diskattachments", "networks", "vnicprofiles", "nics", "tags", "affinitygroups",
  "affinitylabels", "imagetransfers", "jobs", "affinitygroups", "instancetypes", "groups", "domains", "sessions",
]);

/** Link names ignore case and underscores (graphics_consoles = graphicsconsoles). */
export function normalizePath(path: string): string {
  return path
    .split("/")
    .map((seg, i, all) => {
      const prev = all[i - 1];
      // Ids keep their case; fixed segments are normalised.
      if (prev && ID_PARENTS.has(prev)) return seg;
      return seg.toLowerCase().replace(/_/g, "");
    })
    .join("/");
}

export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | "method" | undefined {
  const normalized = normalizePath(path);
  let pathMatched = false;
  for (const r of ROUTES) {
    const m = r.regex.exec(normalized);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? "")));
    return { route: r, params };
  }
  return pathMatched ? "method" : undefined;
}
