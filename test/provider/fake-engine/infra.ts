// The fake's infrastructure: two clusters and two users; storage domains, networks and vNIC
// profiles are refused (see devices.ts). Lookups match exact names, as the real client filters
// the engine's case-insensitive search.

import type { InfraCalls } from "../../../provider/engine/index.ts";
import { EngineError } from "../../../provider/engine/index.ts";
import { refused } from "./devices.ts";
import { clone, type FakeState } from "./state.ts";

export function fakeInfraCalls(s: FakeState): InfraCalls {
  return {
    async resolveCluster(nameOrId) {
      s.log(`resolveCluster ${nameOrId}`);
      const c = s.clusters.find((x) => x.id === nameOrId || x.name === nameOrId);
      if (!c) throw new EngineError(`cluster ${nameOrId} not found`, { kind: "not_found", status: 404 });
      return c;
    },
    async getCluster(id) {
      s.log(`getCluster ${id}`);
      return s.clusters.find((c) => c.id === id);
    },
    async clustersNamed(name) {
      s.log(`clustersNamed ${name}`);
      return s.clusters.filter((c) => c.name === name).map(clone);
    },
    async findUser(userName) {
      s.log(`findUser ${userName}`);
      return s.users.find((u) => u.user_name === userName);
    },
    async getUser(id) {
      s.log(`getUser ${id}`);
      return s.users.find((u) => u.id === id);
    },
    resolveStorageDomain: refused("storage domains"),
    getStorageDomain: async () => undefined,
    dataStorageDomains: async () => [],
    resolveNetwork: refused("networks"),
    resolveVnicProfile: refused("vNIC profiles"),
    getVnicProfile: async () => undefined,
    defaultVnicProfile: refused("vNIC profiles"),
  };
}
