// /clusters and /datacenters: read-only, seeded with `Default`.
import type { Node } from "../http/codec.ts";
import { pathNotFound } from "../http/faults.ts";
import { href, link, queryFlag, type Ctx, type Reply } from "../http/context.ts";
import type { ClusterRecord, DataCenterRecord } from "../model.ts";
import { matches, parseSearch } from "../search.ts";
import { applyMax, requireFilterOrAdmin } from "./common.ts";

function clusterNode(ctx: Ctx, c: ClusterRecord): Node {
  return {
    "@href": href(ctx, `/clusters/${c.id}`),
    "@id": c.id,
    name: c.name,
    description: c.description,
    cpu: { architecture: "x86_64", type: "Intel Nehalem Family" },
    version: { major: 4, minor: 7 },
    data_center: link(ctx, "/datacenters", c.dataCenterId),
  };
}

function dataCenterNode(ctx: Ctx, d: DataCenterRecord): Node {
  return {
    "@href": href(ctx, `/datacenters/${d.id}`),
    "@id": d.id,
    name: d.name,
    description: d.description,
    local: false,
    status: "up",
    version: { major: 4, minor: 7 },
  };
}

function byNameSearch<T extends { id: string; name: string }>(ctx: Ctx, items: T[]): T[] {
  const search = ctx.query.get("search");
  const criteria = search ? parseSearch(search, ["name", "id"], queryFlag(ctx.query, "case_sensitive")) : [];
  return applyMax(ctx, items.filter((i) => matches(criteria, (k) => (k === "id" ? i.id : i.name))));
}

export function listClusters(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const items = byNameSearch(ctx, ctx.engine.store.list("cluster"));
  return { status: 200, root: "clusters", node: { cluster: items.map((c) => clusterNode(ctx, c)) } };
}

export function getCluster(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const c = ctx.params.id ? ctx.engine.store.get("cluster", ctx.params.id) : undefined;
  if (!c) throw pathNotFound();
  return { status: 200, root: "cluster", node: clusterNode(ctx, c) };
}

export function listDataCenters(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const items = byNameSearch(ctx, ctx.engine.store.list("datacenter"));
  return { status: 200, root: "data_centers", node: { data_center: items.map((d) => dataCenterNode(ctx, d)) } };
}

export function getDataCenter(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const d = ctx.params.id ? ctx.engine.store.get("datacenter", ctx.params.id) : undefined;
  if (!d) throw pathNotFound();
  return { status: 200, root: "data_center", node: dataCenterNode(ctx, d) };
}
