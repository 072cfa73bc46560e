// /affinitylabels and /vms/{id}/affinitylabels.
import { randomUUID } from "node:crypto";
import { text, type Node } from "../http/codec.ts";
import { conflict, entityNotFound, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, type Ctx, type Reply } from "../http/context.ts";
import {
  type AffinityLabelRecord, } from "../model.ts";
import { body, hasText, requireAdmin, requireFields, requireFilterOrAdmin, vmOr404 } from "./common.ts";

function labelNode(ctx: Ctx, l: AffinityLabelRecord): Node {
  const path = `/affinitylabels/${l.id}`;
  return {
    "@href": href(ctx, path),
    "@id": l.id,
    name: l.name,
    link: [{ "@href": href(ctx, `${path}/vms`), "@rel": "vms" }],
    read_only: false,
    hosts: { host: l.hostIds.map((id) => link(ctx, "/hosts", id)) },
    vms: { vm: l.vmIds.map((id) => link(ctx, "/vms", id)) },
  };
}

function labelOr404(ctx: Ctx): AffinityLabelRecord {
  const l = ctx.engine.store.get("affinitylabel", ctx.params.id ?? "");
  if (!l) throw pathNotFound();
  return l;
}

export function listAffinityLabels(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "affinity_labels", node: { affinity_label: ctx.engine.store.list("affinitylabel").map((l) => labelNode(ctx, l)) } };
}

export function getAffinityLabel(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "affinity_label", node: labelNode(ctx, labelOr404(ctx)) };
}

export function addAffinityLabel(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const node = body(ctx, ["affinity_label"], "affinitylabels", "add");
  requireFields("AffinityLabel", node, [["name", () => hasText(node, "name")]]);
  const name = text(node, "name") ?? "";
  if (ctx.engine.store.byName("affinitylabel", name).length > 0) throw conflict("Cannot add Affinity Label. Affinity Label name is already in use.");
  const label: AffinityLabelRecord = { id: randomUUID(), name, vmIds: [], hostIds: [] };
  ctx.engine.store.put("affinitylabel", label);
  return { status: 201, root: "affinity_label", node: labelNode(ctx, label), headers: { Location: `https://${ctx.host}${href(ctx, `/affinitylabels/${label.id}`)}` } };
}

export function removeAffinityLabel(ctx: Ctx): Reply {
  requireAdmin(ctx);
  ctx.engine.store.delete("affinitylabel", labelOr404(ctx).id);
  return actionComplete();
}

export function listAffinityLabelVms(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "vms", node: { vm: labelOr404(ctx).vmIds.map((id) => link(ctx, "/vms", id)) } };
}

export function addAffinityLabelVm(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const l = labelOr404(ctx);
  const vmId = text(body(ctx, ["vm"], "vms", "add"), "id");
  if (!vmId || !ctx.engine.store.get("vm", vmId)) throw entityNotFound(`VM: id=${vmId ?? ""}`);
  if (!l.vmIds.includes(vmId)) l.vmIds.push(vmId);
  ctx.engine.store.put("affinitylabel", l);
  return { status: 201, root: "vm", node: link(ctx, "/vms", vmId) };
}

export function removeAffinityLabelVm(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const l = labelOr404(ctx);
  if (!l.vmIds.includes(ctx.params.vmId ?? "")) throw pathNotFound();
  l.vmIds = l.vmIds.filter((id) => id !== ctx.params.vmId);
  ctx.engine.store.put("affinitylabel", l);
  return actionComplete();
}

export function listVmAffinityLabels(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const labels = ctx.engine.store.list("affinitylabel").filter((l) => l.vmIds.includes(vm.id));
  return { status: 200, root: "affinity_labels", node: { affinity_label: labels.map((l) => labelNode(ctx, l)) } };
}
