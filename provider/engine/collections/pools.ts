// VM pools (/vmpools): reads through the pool snapshot, safe creates, updates and removal (each of
// which makes the VM list be taken again: a pool's VMs come and go with it), and the pool's VMs.

import { exactName, namedExactly, searchTerm, seg } from "../lookups.ts";
import { poolFromXml, poolToXml, rootElement } from "../model.ts";
import { isOwnRefusal } from "../requests.ts";
import type { EngineSession } from "../session.ts";
import type { Vm, VmPool, VmPoolCreate, VmPoolUpdate, WaitOptions } from "../types.ts";
import { findByName } from "./common.ts";
import type { VmReads } from "./vms.ts";

export interface PoolCalls {
  getPool(id: string): Promise<VmPool | undefined>;
  findPoolByName(name: string): Promise<VmPool | undefined>;
  createPool(pool: VmPoolCreate): Promise<VmPool>;
  updatePool(id: string, patch: VmPoolUpdate): Promise<VmPool>;
  /** Removes the pool and its VMs; succeeds quietly when it is already gone. */
  deletePool(id: string): Promise<void>;
  /** The VMs that belong to the pool. */
  listPoolVms(poolId: string): Promise<Vm[]>;
  waitForPoolGone(id: string, opts?: WaitOptions): Promise<void>;
  poolsNamed(name: string): Promise<VmPool[]>;
}

export function createPoolCalls(s: EngineSession, vmReads: VmReads): PoolCalls {
  const vms = vmReads.snapshot;
  const poolEntry = (item: unknown, context: string) => {
    const pool = poolFromXml(item, context);
    return { id: pool.id, name: pool.name, pool };
  };
  const pools = s.snapshot(
    () => s.listEach("/vmpools", "vm_pools", "vm_pool", poolEntry),
    (id) => s.getOne(`/vmpools/${seg(id)}`, "vm_pool", poolEntry),
  );
  const searchByName = (name: string) => s.listEach("/vmpools", "vm_pools", "vm_pool", poolFromXml, { search: searchTerm("name", name) });
  const findDirect = async (name: string) => exactName(await searchByName(name), name);
  const getPool = async (id: string) => (await pools.get(id))?.pool;
  /** A pool write: its VMs come and go with it, so the VM list is taken again. */
  const poolWrite = <R>(id: string, op: () => Promise<R>): Promise<R> => {
    vms.invalidate();
    return pools.write(id, op).finally(() => vms.invalidate());
  };
  const sendPool = async (method: "POST" | "PUT", path: string, body: VmPoolCreate | VmPoolUpdate) => {
    const { doc, context } = await s.sendXml(method, path, poolToXml(body), { idempotent: method === "PUT" });
    return poolFromXml(rootElement(doc ?? {}, "vm_pool", context), context);
  };

  return {
    getPool,
    findPoolByName: findByName(pools, (e) => e.pool, findDirect),
    createPool: async (p) => {
      pools.touchName(p.name);
      vms.invalidate();
      try {
        return await s.create({ what: "pool", name: p.name, marker: p.comment, post: () => sendPool("POST", "/vmpools", p), lookup: () => findDirect(p.name) });
      } finally {
        vms.invalidate(); // the pool's VMs
      }
    },
    updatePool: (id, patch) => poolWrite(id, () => sendPool("PUT", `/vmpools/${seg(id)}`, patch)),
    deletePool: (id) => poolWrite(id, () => s.remove(`/vmpools/${seg(id)}`)),
    async listPoolVms(poolId) {
      // From the VM list, unless this process has written the pool (then its VMs are being made: ask).
      const listed = pools.wasWritten(poolId) ? undefined : await vms.listed();
      if (listed) {
        // A desktop this process has written (its consoles, its protection, a restart) is read again,
        // so its membership and status are the engine's now; one gone since is left out.
        const members = listed.filter((e) => e.entity.vm_pool?.id === poolId);
        const current = await Promise.all(members.map((e) => vms.get(e.id)));
        return current.flatMap((e) => (e && e.entity.vm_pool?.id === poolId ? [e.entity] : []));
      }
      const pool = await getPool(poolId);
      return pool ? searchPoolVms(vmReads, pool) : [];
    },
    waitForPoolGone: (id, opts) => s.waits.forGone("pool", id, async () => (await pools.fresh(id))?.pool, opts),
    poolsNamed: async (name) => namedExactly(await searchByName(name), name),
  };
}

/** The pool's VMs by a `pool=` search; the search is a name match (wildcards, case): the vm_pool link decides membership. */
async function searchPoolVms(vmReads: VmReads, pool: VmPool): Promise<Vm[]> {
  let found: Vm[];
  try {
    found = await vmReads.listVms(searchTerm("pool", pool.name));
  } catch (err) {
    // An engine that does not know the `pool` search key (its own 400 to this list): list all and filter by link.
    if (!isOwnRefusal(err, 400, "GET", "/vms")) throw err;
    found = await vmReads.listVms();
  }
  return found.filter((vm) => vm.vm_pool?.id === pool.id);
}
