// /tags (a tree under `root`) and /vms/{id}/tags (tags assigned to a VM).
import { randomUUID } from "node:crypto";
import { ref, text, type Node } from "../http/codec.ts";
import { conflict, entityNotFound, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, type Ctx, type Reply } from "../http/context.ts";
import { BLANK_TEMPLATE_ID, type TagRecord } from "../model.ts";
import { body, hasText, requireAdmin, requireFields, requireFilterOrAdmin, searched, vmOr404 } from "./common.ts";

function tagNode(ctx: Ctx, t: TagRecord, under?: string): Node {
  return {
    "@href": href(ctx, `${under ?? ""}/tags/${t.id}`),
    "@id": t.id,
    name: t.name,
    description: t.description,
    parent: t.parentId ? link(ctx, "/tags", t.parentId) : undefined,
    vm: under?.startsWith("/vms/") ? link(ctx, "/vms", under.slice(5)) : undefined,
  };
}

export function listTags(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const tags = searched(ctx, ctx.engine.store.list("tag"), ["id", "name", "description"], (t) => (k) =>
    (k === "id" ? t.id : k === "name" ? t.name : k === "description" ? t.description : ""));
  return { status: 200, root: "tags", node: { tag: tags.map((t) => tagNode(ctx, t)) } };
}

function tagOr404(ctx: Ctx, id = ctx.params.id): TagRecord {
  const t = ctx.engine.store.get("tag", id ?? "");
  if (!t) throw pathNotFound();
  return t;
}

export function getTag(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "tag", node: tagNode(ctx, tagOr404(ctx)) };
}

export function addTag(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const node = body(ctx, ["tag"], "tags", "add");
  requireFields("Tag", node, [["name", () => hasText(node, "name")]]);
  const name = text(node, "name") ?? "";
  if (ctx.engine.store.byName("tag", name).length > 0) throw conflict("Cannot add Tag. Tag name is already in use.");
  const parent = ref(node, "parent");
  const parentTag = parent?.id ? ctx.engine.store.get("tag", parent.id) : parent?.name ? ctx.engine.store.byName("tag", parent.name)[0] : undefined;
  if ((parent?.id || parent?.name) && !parentTag) throw entityNotFound(`Tag: ${parent.id ?? parent.name ?? ""}`);
  const tag: TagRecord = {
    id: randomUUID(), name, description: text(node, "description") ?? "", parentId: parentTag?.id ?? BLANK_TEMPLATE_ID,
    vmIds: [], templateIds: [], hostIds: [],
  };
  ctx.engine.store.put("tag", tag);
  return { status: 201, root: "tag", node: tagNode(ctx, tag), headers: { Location: `https://${ctx.host}${href(ctx, `/tags/${tag.id}`)}` } };
}

export function updateTag(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const tag = tagOr404(ctx);
  const node = body(ctx, ["tag"], "tag", "update");
  const name = text(node, "name");
  if (name !== undefined && name !== tag.name) {
    if (ctx.engine.store.byName("tag", name).length > 0) throw conflict("Cannot edit Tag. Tag name is already in use.");
    tag.name = name;
  }
  const description = text(node, "description");
  if (description !== undefined) tag.description = description;
  ctx.engine.store.put("tag", tag);
  return { status: 200, root: "tag", node: tagNode(ctx, tag) };
}

/** Removes a tag and the tags under it. */
export function removeTag(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const tag = tagOr404(ctx);
  if (tag.id === BLANK_TEMPLATE_ID) throw conflict("Cannot remove Tag. The root tag cannot be removed.");
  const store = ctx.engine.store;
  const doomed = new Set([tag.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of store.list("tag")) if (doomed.has(t.parentId) && !doomed.has(t.id)) { doomed.add(t.id); grew = true; }
  }
  store.tx(() => { for (const id of doomed) store.delete("tag", id); });
  return actionComplete();
}

export function listVmTags(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const tags = ctx.engine.store.list("tag").filter((t) => t.vmIds.includes(vm.id));
  return { status: 200, root: "tags", node: { tag: tags.map((t) => tagNode(ctx, t, `/vms/${vm.id}`)) } };
}

export function addVmTag(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const node = body(ctx, ["tag"], "tags", "add");
  const id = text(node, "id");
  const name = text(node, "name");
  requireFields("Tag", node, [["id|name", () => Boolean(id || name)]]);
  const tag = id ? ctx.engine.store.get("tag", id) : ctx.engine.store.byName("tag", name ?? "")[0];
  if (!tag) throw entityNotFound(`Tag: ${id ? `id=${id}` : `name=${name ?? ""}`}`);
  if (!tag.vmIds.includes(vm.id)) tag.vmIds.push(vm.id);
  ctx.engine.store.put("tag", tag);
  return { status: 201, root: "tag", node: tagNode(ctx, tag, `/vms/${vm.id}`) };
}

export function removeVmTag(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const tag = tagOr404(ctx, ctx.params.tagId);
  if (!tag.vmIds.includes(vm.id)) throw pathNotFound();
  tag.vmIds = tag.vmIds.filter((v) => v !== vm.id);
  ctx.engine.store.put("tag", tag);
  return actionComplete();
}
