// Data-center infrastructure a deployment reads but does not change: clusters, users, storage
// domains, networks and vNIC profiles. Clusters are resolved once per client (a hundred desktops
// need one lookup, not a hundred); with snapshots on, the others are listed once per process and
// ids the list lacks are asked for.

import { networkFromXml, storageDomainFromXml, vnicProfileFromXml } from "../devices.ts";
import { EngineError } from "../errors.ts";
import { exactName, isBroken, namedExactly, remembered, resolveBy, searchTerm, seg, usable, type BrokenEntity, type Listed } from "../lookups.ts";
import { rememberUnlessFailed } from "../../memo.ts";
import { clusterFromXml, userFromXml } from "../model.ts";
import type { EngineSession } from "../session.ts";
import type { Cluster, EngineUser, Network, StorageDomain, VnicProfile } from "../types.ts";

export interface InfraCalls {
  /** Resolves a cluster by name or id (once per client: clusters do not change under a deployment); throws a clear error when it does not exist. */
  resolveCluster(nameOrId: string): Promise<Cluster>;
  /** Undefined when the engine answers 404. */
  getCluster(id: string): Promise<Cluster | undefined>;
  /** Every cluster named exactly `name` (case-sensitive): what a lookup by name matches. */
  clustersNamed(name: string): Promise<Cluster[]>;
  /** The user whose engine user name is exactly `userName` (`alice@internal-authz`), if the engine knows it. */
  findUser(userName: string): Promise<EngineUser | undefined>;
  getUser(id: string): Promise<EngineUser | undefined>;
  resolveStorageDomain(nameOrId: string): Promise<StorageDomain>;
  getStorageDomain(id: string): Promise<StorageDomain | undefined>;
  /** The active data domains of the data center a cluster belongs to (the default for a new disk). */
  dataStorageDomains(): Promise<StorageDomain[]>;
  resolveNetwork(nameOrId: string): Promise<Network>;
  resolveVnicProfile(nameOrId: string): Promise<VnicProfile>;
  getVnicProfile(id: string): Promise<VnicProfile | undefined>;
  /** The vNIC profile of a network that carries the network's name (the engine makes it with the network). */
  defaultVnicProfile(network: Network): Promise<VnicProfile>;
}

export function createInfraCalls(s: EngineSession): InfraCalls {
  return { ...clusterCalls(s), ...userCalls(s), ...storageAndNetworkCalls(s) };
}

function clusterCalls(s: EngineSession): Pick<InfraCalls, "resolveCluster" | "getCluster" | "clustersNamed"> {
  const resolved = new Map<string, Promise<Cluster>>();
  const getCluster = (id: string) => s.getOne(`/clusters/${seg(id)}`, "cluster", clusterFromXml);
  const searchByName = (name: string) => s.listEach("/clusters", "clusters", "cluster", clusterFromXml, { search: searchTerm("name", name) });
  return {
    resolveCluster: (nameOrId) =>
      remembered(resolved, nameOrId, () => resolveBy("cluster", nameOrId, getCluster, async (name) => exactName(await searchByName(name), name))),
    getCluster,
    clustersNamed: async (name) => namedExactly(await searchByName(name), name),
  };
}

function userCalls(s: EngineSession): Pick<InfraCalls, "findUser" | "getUser"> {
  const userEntry = (item: unknown, context: string) => {
    const user = userFromXml(item, context);
    return { id: user.id, name: user.user_name, user };
  };
  const users = s.snapshot(() => s.listEach("/users", "users", "user", userEntry), (id) => s.getOne(`/users/${seg(id)}`, "user", userEntry), { readOnly: true });
  return {
    async findUser(userName) {
      // Users are only read here: the list serves the names it has; any other is searched for.
      const listed = (await users.named(userName))?.find((e) => e.user.user_name === userName);
      if (listed) return listed.user;
      const found = await s.listEach("/users", "users", "user", userFromXml, { search: searchTerm("usrname", userName) });
      const broken = found.find((u): u is BrokenEntity => isBroken(u) && u.name === userName);
      if (broken) throw broken.error;
      return usable(found).find((u) => u.user_name === userName);
    },
    getUser: async (id) => (await users.get(id))?.user,
  };
}

/** `list`, called once and remembered (a failed call is not), when `enabled`; else undefined. */
function onceIf<T>(enabled: boolean, list: () => Promise<T>): (() => Promise<T>) | undefined {
  if (!enabled) return undefined;
  const taken = rememberUnlessFailed(list);
  return () => taken.get();
}

/** A kind of infrastructure: its list (once per process with snapshots), reads by id and by exact name. */
function infraKind<T extends { id: string; name: string }>(s: EngineSession, path: string, plural: string, singular: string, map: (v: unknown, c: string) => T) {
  const listAll = () => s.listEach(path, plural, singular, map);
  const all = onceIf<Listed<T>[]>(s.snapshots, listAll);
  const fromList = async (pick: (items: Listed<T>[]) => T | undefined) => (all ? pick(await all()) : undefined);
  return {
    all: async () => (all ?? listAll)(),
    getById: async (id: string): Promise<T | undefined> =>
      (await fromList((items) => exactId(items, id))) ?? s.getOne(`${path}/${seg(id)}`, singular, map),
    byName: async (name: string, direct: () => Promise<Listed<T>[]>): Promise<T | undefined> =>
      (await fromList((items) => namedExactly(items, name)[0])) ?? namedExactly(await direct(), name)[0],
    search: (name: string) => s.listEach(path, plural, singular, map, { search: searchTerm("name", name) }),
  };
}

/** The listed entity with `id`; a broken one is its error. */
function exactId<T extends { id: string }>(items: Listed<T>[], id: string): T | undefined {
  const found = items.find((item) => item.id === id);
  if (isBroken(found)) throw found.error;
  return found;
}

function storageAndNetworkCalls(s: EngineSession) {
  const domains = infraKind(s, "/storagedomains", "storage_domains", "storage_domain", storageDomainFromXml);
  const networks = infraKind(s, "/networks", "networks", "network", networkFromXml);
  const profiles = infraKind(s, "/vnicprofiles", "vnic_profiles", "vnic_profile", vnicProfileFromXml);
  const calls: Omit<InfraCalls, "resolveCluster" | "getCluster" | "clustersNamed" | "findUser" | "getUser"> = {
    resolveStorageDomain: (nameOrId) =>
      resolveBy("storage domain", nameOrId, domains.getById, (name) => domains.byName(name, () => domains.search(name))),
    getStorageDomain: domains.getById,
    dataStorageDomains: async () => usable(await domains.all()).filter((d) => d.type === "data"),
    resolveNetwork: (nameOrId) => resolveBy("network", nameOrId, networks.getById, (name) => networks.byName(name, () => networks.search(name))),
    // The engine has no name search for vNIC profiles: the whole list is read.
    resolveVnicProfile: (nameOrId) => resolveBy("vNIC profile", nameOrId, profiles.getById, (name) => profiles.byName(name, profiles.all)),
    getVnicProfile: profiles.getById,
    async defaultVnicProfile(network) {
      const known = s.snapshots ? usable(await profiles.all()).filter((v) => v.networkId === network.id) : [];
      const listed = known.length > 0 ? known : await s.listUsable(`/networks/${seg(network.id)}/vnicprofiles`, "vnic_profiles", "vnic_profile", vnicProfileFromXml);
      const profile = listed.find((v) => v.name === network.name) ?? listed[0];
      if (!profile) throw new EngineError(`network "${network.name}" has no vNIC profile: give a \`vnicProfile\` instead`, { kind: "not_found", status: 404 });
      return profile;
    },
  };
  return calls;
}
