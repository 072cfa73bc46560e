// The infrastructure a fresh engine has: hosts, storage domains (whose free space the disks
// consume), networks and vNIC profiles, and the data center sub-collections clients walk
// (/datacenters/{id}/clusters, /storagedomains, /networks).
import { randomUUID } from "node:crypto";
import { ref, text, type Node } from "../http/codec.ts";
import { conflict, entityNotFound, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, type Ctx, type Reply } from "../http/context.ts";
import type { HostRecord, NetworkRecord, StorageDomainRecord, VnicProfileRecord } from "../model.ts";
import { body, hasRef, hasText, requireAdmin, requireFields, requireFilterOrAdmin, searched, type Fields } from "./common.ts";

const GIB = 1024 ** 3;

// ---- hosts ----

function hostNode(ctx: Ctx, h: HostRecord): Node {
  return {
    "@href": href(ctx, `/hosts/${h.id}`),
    "@id": h.id,
    name: h.name,
    description: "",
    comment: "",
    address: h.address,
    cpu: { name: "Intel(R) Xeon(R) CPU", speed: 2400, topology: { cores: 4, sockets: 1, threads: 2 }, type: "Intel Nehalem Family" },
    external_status: "ok",
    kdump_status: "disabled",
    max_scheduling_memory: 15 * GIB,
    memory: 16 * GIB,
    os: { type: "RHEL", version: { full_version: "9", major: 9 } },
    port: 54321,
    protocol: "stomp",
    spm: { priority: 5, status: "spm" },
    status: h.status,
    summary: { active: runningOn(ctx, h.id), migrating: 0, total: runningOn(ctx, h.id) },
    type: "rhel",
    update_available: false,
    version: { build: 7, full_version: "vdsm-4.50.7", major: 4, minor: 50, revision: 0 },
    cluster: link(ctx, "/clusters", h.clusterId),
  };
}

function runningOn(ctx: Ctx, hostId: string): number {
  return ctx.engine.store.list("vm").filter((vm) => vm.hostId === hostId).length;
}

function hostFields(ctx: Ctx, h: HostRecord): Fields {
  return (k) => {
    switch (k) {
      case "id": return h.id;
      case "name": return h.name;
      case "status": return h.status;
      case "address": return h.address;
      case "cluster": return ctx.engine.store.get("cluster", h.clusterId)?.name ?? "";
      case "datacenter": return ctx.engine.dataCenterName(h.clusterId);
      case "tag": return ctx.engine.store.list("tag").filter((t) => t.hostIds.includes(h.id)).map((t) => t.name);
      default: return "";
    }
  };
}

export function listHosts(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const hosts = searched(ctx, ctx.engine.store.list("host"), ["id", "name", "status", "address", "cluster", "datacenter", "tag"], (h) => hostFields(ctx, h));
  return { status: 200, root: "hosts", node: { host: hosts.map((h) => hostNode(ctx, h)) } };
}

export function getHost(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const h = ctx.engine.store.get("host", ctx.params.id ?? "");
  if (!h) throw pathNotFound();
  return { status: 200, root: "host", node: hostNode(ctx, h) };
}

// ---- storage domains ----

/** Space the disks on a domain take (actual) and promise (provisioned), in bytes. */
export function storageUse(ctx: Ctx, sdId: string): { used: number; committed: number } {
  let used = 0;
  let committed = 0;
  for (const d of ctx.engine.store.list("disk")) {
    if (d.storageDomainId !== sdId) continue;
    used += d.actualSize;
    committed += d.provisionedSize;
  }
  return { used, committed };
}

function storageDomainNode(ctx: Ctx, sd: StorageDomainRecord, inDataCenter = false): Node {
  const path = inDataCenter ? `/datacenters/${sd.dataCenterId}/storagedomains/${sd.id}` : `/storagedomains/${sd.id}`;
  const { used, committed } = storageUse(ctx, sd.id);
  return {
    "@href": href(ctx, path),
    "@id": sd.id,
    name: sd.name,
    description: sd.description,
    comment: "",
    link: [{ "@href": href(ctx, `/storagedomains/${sd.id}/disks`), "@rel": "disks" }],
    available: Math.max(0, sd.sizeBytes - used),
    backup: false,
    block_size: 512,
    committed,
    critical_space_action_blocker: 5,
    discard_after_delete: false,
    // The engine reports a domain's status only as seen from its data center; the system-wide
    // view carries the external status.
    external_status: "ok",
    master: sd.master,
    status: inDataCenter ? "active" : undefined,
    storage: { address: sd.address, nfs_version: "auto", path: sd.path, type: sd.storageType },
    storage_format: "v5",
    supports_discard: false,
    supports_discard_zeroes_data: false,
    type: sd.type,
    used,
    warning_low_space_indicator: 10,
    wipe_after_delete: false,
    data_center: inDataCenter ? link(ctx, "/datacenters", sd.dataCenterId) : undefined,
    data_centers: inDataCenter ? undefined : { data_center: [link(ctx, "/datacenters", sd.dataCenterId)] },
  };
}

function storageDomainFields(ctx: Ctx, sd: StorageDomainRecord): Fields {
  return (k) => {
    switch (k) {
      case "id": return sd.id;
      case "name": return sd.name;
      case "description": return sd.description;
      case "type": return sd.type;
      case "status": return "active";
      case "datacenter": return ctx.engine.store.get("datacenter", sd.dataCenterId)?.name ?? "";
      case "size": return String(Math.floor(sd.sizeBytes / GIB));
      case "used": return String(Math.floor(storageUse(ctx, sd.id).used / GIB));
      default: return "";
    }
  };
}

const SD_KEYS = ["id", "name", "description", "type", "status", "datacenter", "size", "used"];

export function listStorageDomains(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const sds = searched(ctx, ctx.engine.store.list("storagedomain"), SD_KEYS, (sd) => storageDomainFields(ctx, sd));
  return { status: 200, root: "storage_domains", node: { storage_domain: sds.map((sd) => storageDomainNode(ctx, sd)) } };
}

export function storageDomainOr404(ctx: Ctx, id = ctx.params.id): StorageDomainRecord {
  const sd = ctx.engine.store.get("storagedomain", id ?? "");
  if (!sd) throw pathNotFound();
  return sd;
}

export function getStorageDomain(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "storage_domain", node: storageDomainNode(ctx, storageDomainOr404(ctx)) };
}

// ---- data center sub-collections ----

function dataCenterOr404(ctx: Ctx): string {
  const dc = ctx.engine.store.get("datacenter", ctx.params.id ?? "");
  if (!dc) throw pathNotFound();
  return dc.id;
}

export function listDataCenterStorageDomains(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const dcId = dataCenterOr404(ctx);
  const sds = ctx.engine.store.list("storagedomain").filter((sd) => sd.dataCenterId === dcId);
  return { status: 200, root: "storage_domains", node: { storage_domain: sds.map((sd) => storageDomainNode(ctx, sd, true)) } };
}

export function getDataCenterStorageDomain(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const dcId = dataCenterOr404(ctx);
  const sd = storageDomainOr404(ctx, ctx.params.sdId);
  if (sd.dataCenterId !== dcId) throw pathNotFound();
  return { status: 200, root: "storage_domain", node: storageDomainNode(ctx, sd, true) };
}

export function listDataCenterNetworks(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const dcId = dataCenterOr404(ctx);
  const nets = ctx.engine.store.list("network").filter((n) => n.dataCenterId === dcId);
  return { status: 200, root: "networks", node: { network: nets.map((n) => networkNode(ctx, n)) } };
}

// ---- networks and vNIC profiles ----

function networkNode(ctx: Ctx, n: NetworkRecord): Node {
  const path = `/networks/${n.id}`;
  return {
    "@href": href(ctx, path),
    "@id": n.id,
    name: n.name,
    description: n.description,
    comment: "",
    link: [{ "@href": href(ctx, `${path}/vnicprofiles`), "@rel": "vnicprofiles" }],
    mtu: n.mtu,
    port_isolation: false,
    stp: false,
    usages: { usage: n.vmNetwork ? ["vm", "management", "display", "migration", "default_route"] : [] },
    vdsm_name: n.name,
    vlan: n.vlanId !== undefined ? { "@id": String(n.vlanId) } : undefined,
    data_center: link(ctx, "/datacenters", n.dataCenterId),
  };
}

export function listNetworks(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const nets = searched(ctx, ctx.engine.store.list("network"), ["id", "name", "description", "datacenter"], (n) => (k) => {
    if (k === "datacenter") return ctx.engine.store.get("datacenter", n.dataCenterId)?.name ?? "";
    return k === "id" ? n.id : k === "description" ? n.description : k === "name" ? n.name : "";
  });
  return { status: 200, root: "networks", node: { network: nets.map((n) => networkNode(ctx, n)) } };
}

export function getNetwork(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const n = ctx.engine.store.get("network", ctx.params.id ?? "");
  if (!n) throw pathNotFound();
  return { status: 200, root: "network", node: networkNode(ctx, n) };
}

function vnicProfileNode(ctx: Ctx, p: VnicProfileRecord): Node {
  return {
    "@href": href(ctx, `/vnicprofiles/${p.id}`),
    "@id": p.id,
    name: p.name,
    description: p.description,
    comment: "",
    migratable: false,
    pass_through: { mode: "disabled" },
    port_mirroring: p.portMirroring,
    network: link(ctx, "/networks", p.networkId),
  };
}

export function listVnicProfiles(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const profiles = ctx.engine.store.list("vnicprofile");
  return { status: 200, root: "vnic_profiles", node: { vnic_profile: profiles.map((p) => vnicProfileNode(ctx, p)) } };
}

export function listNetworkVnicProfiles(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const n = ctx.engine.store.get("network", ctx.params.id ?? "");
  if (!n) throw pathNotFound();
  const profiles = ctx.engine.store.list("vnicprofile").filter((p) => p.networkId === n.id);
  return { status: 200, root: "vnic_profiles", node: { vnic_profile: profiles.map((p) => vnicProfileNode(ctx, p)) } };
}

export function getVnicProfile(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const p = ctx.engine.store.get("vnicprofile", ctx.params.id ?? "");
  if (!p) throw pathNotFound();
  return { status: 200, root: "vnic_profile", node: vnicProfileNode(ctx, p) };
}

export function addVnicProfile(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const node = body(ctx, ["vnic_profile"], "vnicprofiles", "add");
  requireFields("VnicProfile", node, [["name", () => hasText(node, "name")], ["network.id", () => hasRef(node, "network")]]);
  const netId = ref(node, "network")?.id ?? "";
  const network = ctx.engine.store.get("network", netId);
  if (!network) throw entityNotFound(`Network: id=${netId}`);
  const name = text(node, "name") ?? "";
  const taken = ctx.engine.store.byName("vnicprofile", name).some((p) => p.networkId === network.id);
  if (taken) throw conflict("Cannot add VM network interface profile. The VM network interface profile's name is already used by an existing profile for the same network.\n-Please choose a different name.");
  const profile: VnicProfileRecord = {
    id: randomUUID(), name, description: text(node, "description") ?? "", networkId: network.id,
    portMirroring: text(node, "port_mirroring") === "true",
  };
  ctx.engine.store.put("vnicprofile", profile);
  return { status: 201, root: "vnic_profile", node: vnicProfileNode(ctx, profile), headers: { Location: `https://${ctx.host}${href(ctx, `/vnicprofiles/${profile.id}`)}` } };
}

export function removeVnicProfile(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const p = ctx.engine.store.get("vnicprofile", ctx.params.id ?? "");
  if (!p) throw pathNotFound();
  const users = ctx.engine.store.list("nic").filter((n) => n.vnicProfileId === p.id);
  if (users.length > 0) throw conflict("Cannot remove VM network interface profile. VM network interface profile is in use.");
  ctx.engine.store.delete("vnicprofile", p.id);
  return actionComplete();
}
