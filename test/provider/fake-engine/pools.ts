// The fake's pools: VMs made from the template with the pool's settings, pools that only grow.

import type { PoolCalls, Vm, VmBase, VmPool } from "../../../provider/engine/index.ts";
import { clone, type FakeState } from "./state.ts";

function addPoolVms(s: FakeState, pool: VmPool, settings: VmBase | undefined, from: number, to: number): void {
  const template = s.templates.get(pool.template!.id!)!;
  for (let n = from; n <= to; n++) {
    const id = s.newId("poolvm");
    s.vms.set(id, {
      ...clone(template), ...clone(settings ?? {}), display: { ...template.display, ...settings?.display },
      id, name: `${pool.name}-${n}`, status: s.newVmStatus, vm_pool: { id: pool.id }, template: { id: template.id },
    } as Vm);
  }
}

export function fakePoolCalls(s: FakeState): PoolCalls {
  return {
    async getPool(id) {
      s.log(`getPool ${id}`);
      const pool = s.pools.get(id);
      if (!pool) return undefined;
      const first = [...s.vms.values()].find((v) => v.vm_pool?.id === id);
      return clone({ ...pool, ...(first ? { vm: first } : {}) });
    },
    findPoolByName: async (name) => [...s.pools.values()].find((p) => p.name === name),
    async createPool(pool) {
      s.log(`createPool ${pool.name}`);
      const created: VmPool = {
        id: s.newId("pool"), name: pool.name, size: pool.size ?? 1, prestarted_vms: pool.prestarted_vms ?? 0,
        max_user_vms: pool.max_user_vms ?? 1, type: pool.type ?? "automatic", stateful: pool.stateful ?? false,
        cluster: pool.cluster, template: { id: pool.template.id! },
        ...(pool.description !== undefined ? { description: pool.description } : {}),
      };
      s.pools.set(created.id, created);
      addPoolVms(s, created, pool.vm, 1, created.size);
      return clone(created);
    },
    async updatePool(id, patch) {
      s.log(`updatePool ${id} ${JSON.stringify(patch)}`);
      const pool = s.pools.get(id)!;
      if (patch.size !== undefined && patch.size < pool.size) throw new Error("Cannot decrease VMs from VM-Pool.");
      const oldSize = pool.size;
      Object.assign(pool, patch);
      const existing = [...s.vms.values()].find((v) => v.vm_pool?.id === id);
      if (patch.size !== undefined && patch.size > oldSize) addPoolVms(s, pool, existing, oldSize + 1, patch.size);
      return clone(pool);
    },
    async deletePool(id) {
      s.log(`deletePool ${id}`);
      s.pools.delete(id);
      s.permissions.delete(`pool:${id}`);
      for (const [vmId, vm] of s.vms) {
        if (vm.vm_pool?.id !== id) continue;
        s.vms.delete(vmId);
        s.permissions.delete(`vm:${vmId}`);
      }
    },
    async listPoolVms(poolId) {
      s.log(`listPoolVms ${poolId}`);
      return [...s.vms.values()].filter((v) => v.vm_pool?.id === poolId).map(clone);
    },
    async waitForPoolGone(id) {
      s.log(`waitForPoolGone ${id}`);
    },
    async poolsNamed(name) {
      s.log(`poolsNamed ${name}`);
      return [...s.pools.values()].filter((p) => p.name === name).map(clone);
    },
  };
}
