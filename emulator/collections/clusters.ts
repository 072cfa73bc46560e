// /clusters and /datacenters: read-only, seeded with `Default`.
import type { Node } from "../http/codec.ts";
import { pathNotFound } from "../http/faults.ts";
import { href, link, type Ctx, type Reply } from "../http/context.ts";
import type { ClusterRecord, DataCenterRecord } from "../model.ts";
import { requireFilterOrAdmin, searched, type Fields } from "./common.ts";

function clusterNode(ctx: Ctx, c: ClusterRecord): Node {
  return {
    "@href": href(ctx, `/clusters/${c.id}`),
    "@id": c.id,
    name: c.name,
    description: c.description,
    comment: "",
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
    comment: "",
    local: false,
    status: "up",
    version: { major: 4, minor: 7 },
  };
}

function clusterFields(ctx: Ctx, c: ClusterRecord): Fields {
  return (k) => {
    switch (k) {
      case "id": return c.id;
      case "name": return c.name;
      case "description": return c.description;
      case "comment": return "";
      case "datacenter": return ctx.engine.store.get("datacenter", c.dataCenterId)?.name ?? "";
      case "architecture": return "x86_64";
      default: return "";
    }
  };
}

function dataCenterFields(d: DataCenterRecord): Fields {
  return (k) => {
    switch (k) {
      case "id": return d.id;
      case "name": return d.name;
      case "description": return d.description;
      case "status": return "up";
      case "comment": return "";
      default: return "";
    }
  };
}

export function listClusters(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const items = searched(ctx, ctx.engine.store.list("cluster"), ["name", "id", "description", "comment", "datacenter", "architecture"], (c) => clusterFields(ctx, c));
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
  const items = searched(ctx, ctx.engine.store.list("datacenter"), ["name", "id", "description", "status", "comment"], dataCenterFields);
  return { status: 200, root: "data_centers", node: { data_center: items.map((d) => dataCenterNode(ctx, d)) } };
}

export function getDataCenter(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const d = ctx.params.id ? ctx.engine.store.get("datacenter", ctx.params.id) : undefined;
  if (!d) throw pathNotFound();
  return { status: 200, root: "data_center", node: dataCenterNode(ctx, d) };
}

export function listDataCenterClusters(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const d = ctx.params.id ? ctx.engine.store.get("datacenter", ctx.params.id) : undefined;
  if (!d) throw pathNotFound();
  const items = ctx.engine.store.list("cluster").filter((c) => c.dataCenterId === d.id);
  return { status: 200, root: "clusters", node: { cluster: items.map((c) => clusterNode(ctx, c)) } };
}
