// /clusters/{id}/affinitygroups: affinity groups of a cluster, with the VMs in them.
import { randomUUID } from "node:crypto";
import { childNode, text, type Node } from "../http/codec.ts";
import { conflict, entityNotFound, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, type Ctx, type Reply } from "../http/context.ts";
import {
  type AffinityGroupRecord, } from "../model.ts";
import { parseBool, parseInteger } from "../rules.ts";
import { body, hasText, requireAdmin, requireFields, requireFilterOrAdmin } from "./common.ts";

function ruleNode(r: AffinityGroupRecord["vmsRule"]): Node {
  return { enabled: r.enabled, enforcing: r.enforcing, positive: r.positive };
}

function groupNode(ctx: Ctx, g: AffinityGroupRecord): Node {
  const path = `/clusters/${g.clusterId}/affinitygroups/${g.id}`;
  return {
    "@href": href(ctx, path),
    "@id": g.id,
    name: g.name,
    description: g.description,
    link: [{ "@href": href(ctx, `${path}/vms`), "@rel": "vms" }],
    enforcing: g.vmsRule.enforcing,
    positive: g.vmsRule.positive,
    priority: g.priority,
    hosts_rule: ruleNode(g.hostsRule),
    vms_rule: ruleNode(g.vmsRule),
    cluster: link(ctx, "/clusters", g.clusterId),
    hosts: { host: g.hostIds.map((id) => link(ctx, "/hosts", id)) },
    vms: { vm: g.vmIds.map((id) => link(ctx, "/vms", id)) },
  };
}

function clusterIdOr404(ctx: Ctx): string {
  const c = ctx.engine.store.get("cluster", ctx.params.id ?? "");
  if (!c) throw pathNotFound();
  return c.id;
}

function groupOr404(ctx: Ctx): AffinityGroupRecord {
  const clusterId = clusterIdOr404(ctx);
  const g = ctx.engine.store.get("affinitygroup", ctx.params.groupId ?? "");
  if (!g || g.clusterId !== clusterId) throw pathNotFound();
  return g;
}

function readRule(node: Node | undefined, fallback: AffinityGroupRecord["vmsRule"]): AffinityGroupRecord["vmsRule"] {
  if (!node) return fallback;
  const flag = (k: string, d: boolean): boolean => {
    const v = text(node, k);
    return v === undefined || v === "" ? d : parseBool(v, k);
  };
  return { enabled: flag("enabled", fallback.enabled), positive: flag("positive", fallback.positive), enforcing: flag("enforcing", fallback.enforcing) };
}

export function listAffinityGroups(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const clusterId = clusterIdOr404(ctx);
  const groups = ctx.engine.store.list("affinitygroup").filter((g) => g.clusterId === clusterId);
  return { status: 200, root: "affinity_groups", node: { affinity_group: groups.map((g) => groupNode(ctx, g)) } };
}

export function getAffinityGroup(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "affinity_group", node: groupNode(ctx, groupOr404(ctx)) };
}

export function addAffinityGroup(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const clusterId = clusterIdOr404(ctx);
  const node = body(ctx, ["affinity_group"], "affinitygroups", "add");
  requireFields("AffinityGroup", node, [["name", () => hasText(node, "name")]]);
  const name = text(node, "name") ?? "";
  if (ctx.engine.store.byName("affinitygroup", name).some((g) => g.clusterId === clusterId)) {
    throw conflict("Cannot add Affinity Group. Affinity Group name is already in use.");
  }
  // The VMs rule is off unless given; the deprecated top-level positive/enforcing turn it on.
  const legacyGiven = text(node, "positive") !== undefined || text(node, "enforcing") !== undefined;
  const legacy = readRule(node, { enabled: legacyGiven, positive: true, enforcing: false });
  const priorityText = text(node, "priority");
  const group: AffinityGroupRecord = {
    id: randomUUID(),
    name,
    description: text(node, "description") ?? "",
    clusterId,
    priority: priorityText ? Number(priorityText) : 1,
    vmsRule: readRule(childNode(node, "vms_rule"), legacy),
    hostsRule: readRule(childNode(node, "hosts_rule"), { enabled: false, positive: true, enforcing: false }),
    vmIds: [],
    hostIds: [],
  };
  if (!Number.isFinite(group.priority)) parseInteger(priorityText ?? "", "priority");
  ctx.engine.store.put("affinitygroup", group);
  return { status: 201, root: "affinity_group", node: groupNode(ctx, group), headers: { Location: `https://${ctx.host}${href(ctx, `/clusters/${clusterId}/affinitygroups/${group.id}`)}` } };
}

export function removeAffinityGroup(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const g = groupOr404(ctx);
  ctx.engine.store.delete("affinitygroup", g.id);
  return actionComplete();
}

export function listAffinityGroupVms(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const g = groupOr404(ctx);
  return { status: 200, root: "vms", node: { vm: g.vmIds.map((id) => link(ctx, "/vms", id)) } };
}

export function addAffinityGroupVm(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const g = groupOr404(ctx);
  const node = body(ctx, ["vm"], "vms", "add");
  const vmId = text(node, "id");
  const vm = vmId ? ctx.engine.store.get("vm", vmId) : undefined;
  if (!vm) throw entityNotFound(`VM: id=${vmId ?? ""}`);
  if (vm.clusterId !== g.clusterId) throw conflict("Cannot edit Affinity Group. The VM is not in the affinity group's cluster.");
  if (!g.vmIds.includes(vm.id)) g.vmIds.push(vm.id);
  ctx.engine.store.put("affinitygroup", g);
  return { status: 201, root: "vm", node: link(ctx, "/vms", vm.id) };
}

export function removeAffinityGroupVm(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const g = groupOr404(ctx);
  const vmId = ctx.params.vmId ?? "";
  if (!g.vmIds.includes(vmId)) throw pathNotFound();
  g.vmIds = g.vmIds.filter((id) => id !== vmId);
  ctx.engine.store.put("affinitygroup", g);
  return actionComplete();
}
