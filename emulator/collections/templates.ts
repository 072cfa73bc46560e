// /templates: list, search, add from a down VM (template locked and VM image_locked until the copy
// finishes), get, update (display settings apply directly), remove (not while VMs use it).
import { randomUUID } from "node:crypto";
import { childNode, ref, text, type Node } from "../http/codec.ts";
import { copyDisksFor, diskOverrides, disksOf } from "./disks.ts";
import { copyNics } from "./vmdevices.ts";
import { badRequest, conflict, pathNotFound } from "../http/faults.ts";
import { href, link, queryFlag, actionComplete, type Ctx, type Reply } from "../http/context.ts";
import { BLANK_TEMPLATE_ID, type TemplateRecord, type VmRecord } from "../model.ts";
import { applyPatch, messages, nameConflict, readConfigPatch, validateConfig, validateName } from "../rules.ts";
import { matches, parseSearch } from "../search.ts";
import {
  applyMax, body, canSeeVm, clusterLink, configNode, hasRef, hasText, isoTime, nameTakenInDataCenter,
  reachOf, requireAdmin, requireFields, requireFilterOrAdmin, resolveCluster, resolveVm,
} from "./common.ts";
import { baseIdOf, lineage, nextVersionNumber, versionMessages } from "../versions.ts";

export function templateNode(ctx: Ctx, t: TemplateRecord): Node {
  const path = `/templates/${t.id}`;
  return {
    "@href": href(ctx, path),
    "@id": t.id,
    name: t.name,
    description: t.config.description,
    link: ["graphicsconsoles", "diskattachments", "permissions"].map((rel) => ({ "@href": href(ctx, `${path}/${rel}`), "@rel": rel })),
    ...configNode(ctx, t.config),
    creation_time: isoTime(t.creationTime),
    status: t.status,
    version: {
      base_template: link(ctx, "/templates", t.baseTemplateId),
      version_name: t.versionName === "" ? undefined : t.versionName,
      version_number: t.versionNumber,
    },
    cluster: t.clusterId ? clusterLink(ctx, t.clusterId) : undefined,
  };
}

/** Non-admin users see Blank, the templates they have a role on (or on their cluster) and those their VMs come from. */
export function visibleTemplate(ctx: Ctx, t: TemplateRecord): boolean {
  if (ctx.user.admin || t.id === BLANK_TEMPLATE_ID) return true;
  const r = reachOf(ctx);
  if (r.template.has(t.id) || (t.clusterId !== undefined && r.cluster.has(t.clusterId))) return true;
  const store = ctx.engine.store;
  return store.list("vm").some((vm) => vm.templateId === t.id && canSeeVm(ctx, vm));
}

function templateOr404(ctx: Ctx): TemplateRecord {
  const t = ctx.params.id ? ctx.engine.store.get("template", ctx.params.id) : undefined;
  if (!t || !visibleTemplate(ctx, t)) throw pathNotFound();
  return t;
}

/** The engine's template search keys (VmTemplateConditionFieldAutoCompleter) and `vm.name`. */
export const TEMPLATE_SEARCH_KEYS = [
  "name", "id", "status", "description", "comment", "cluster", "datacenter", "os", "mem", "childcount",
  "architecture", "vm.name", "vms.name",
];

function templateFields(ctx: Ctx, t: TemplateRecord): (key: string) => string | string[] {
  const store = ctx.engine.store;
  const vmsOf = (): VmRecord[] => store.list("vm").filter((vm) => vm.templateId === t.id);
  return (k) => {
    switch (k) {
      case "name": return t.name;
      case "id": return t.id;
      case "status": return t.status;
      case "description": return t.config.description;
      case "comment": return t.config.comment;
      case "cluster": return t.clusterId ? store.get("cluster", t.clusterId)?.name ?? "" : "";
      // Blank belongs to every data center.
      case "datacenter": return t.clusterId ? ctx.engine.dataCenterName(t.clusterId) : store.list("datacenter").map((d) => d.name);
      case "os": return t.config.osType;
      case "mem": return String(t.config.memoryMb);
      case "childcount": return String(vmsOf().length);
      case "architecture": return "x86_64";
      case "vm.name":
      case "vms.name": return vmsOf().map((vm) => vm.name);
      default: return "";
    }
  };
}

export function listTemplates(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const search = ctx.query.get("search");
  const criteria = search ? parseSearch(search, TEMPLATE_SEARCH_KEYS, queryFlag(ctx.query, "case_sensitive")) : [];
  const all = ctx.engine.store.list("template").filter((t) => visibleTemplate(ctx, t) && matches(criteria, templateFields(ctx, t)));
  return { status: 200, root: "templates", node: { template: applyMax(ctx, all).map((t) => templateNode(ctx, t)) } };
}

export function getTemplate(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "template", node: templateNode(ctx, templateOr404(ctx)) };
}

/** <version><base_template id=""/></version>: the base this template is a new version of (AddVmTemplateCommand). */
function baseOf(ctx: Ctx, node: Node): TemplateRecord | undefined {
  const baseRef = ref(childNode(node, "version"), "base_template");
  if (!baseRef?.id) return undefined;
  const base = ctx.engine.store.get("template", baseRef.id);
  if (!base) throw badRequest(versionMessages.baseMissing);
  if (baseIdOf(base) !== base.id) throw badRequest(versionMessages.versionOfVersion);
  return base;
}

export async function addTemplate(ctx: Ctx): Promise<Reply> {
  requireAdmin(ctx);
  const node = body(ctx, ["template"], "templates", "add");
  requireFields("Template", node, [
    ["name", () => hasText(node, "name")],
    ["vm.id|name", () => hasRef(node, "vm")],
  ]);
  const vm = resolveVm(ctx, ref(node, "vm") ?? {});
  const clusterRef = ref(node, "cluster");
  const cluster = clusterRef && (clusterRef.id || clusterRef.name) ? resolveCluster(ctx, clusterRef) : undefined;
  const { name: given = "", patch } = readConfigPatch(node);
  validateName(given, "add", "Template");
  const base = baseOf(ctx, node);
  if (vm.status !== "down") throw conflict(messages.templateFromRunningVm);
  const clusterId = cluster?.id ?? vm.clusterId;
  // AddVmTemplateCommand: a version takes its base's name, so only a new base needs a free one.
  const name = base ? base.name : given;
  if (!base && nameTakenInDataCenter(ctx, "template", name, clusterId)) throw nameConflict("add", "Template");
  // The template starts from the VM's whole configuration, then the body's fields.
  const config = applyPatch({ ...vm.config, description: "" }, patch, false);
  validateConfig(config, "add", "Template");
  const id = randomUUID();
  const template: TemplateRecord = {
    id,
    name,
    clusterId,
    status: "locked",
    config,
    // A base is version 1, "base version" unless named; a version gets the next number.
    versionName: text(childNode(node, "version"), "version_name") ?? (base ? "" : "base version"),
    versionNumber: base ? nextVersionNumber(ctx.engine, base.id) : 1,
    baseTemplateId: base ? base.id : id,
    sourceVmId: vm.id,
    creationTime: Date.now(),
  };
  const engine = ctx.engine;
  const overrides = diskOverrides(childNode(node, "vm") ?? {});
  engine.store.tx(() => {
    engine.store.put("template", template);
    vm.status = "image_locked";
    engine.store.put("vm", vm);
    // The template gets its own copy of each of the VM's disks.
    const jobId = engine.startJob(`Creating Template ${name} from VM ${vm.name}`, ctx.query.get("correlation_id") ?? undefined);
    copyDisksFor(ctx, { vmId: vm.id }, { templateId: id }, "full", overrides, jobId);
    copyNics(ctx, { vmId: vm.id }, { templateId: id });
    engine.scheduler.schedule(engine.delay, "template-ready", { templateId: id, vmId: vm.id, jobId });
  });
  engine.scheduler.notify();
  const location = `https://${ctx.host}${href(ctx, `/templates/${id}`)}`;
  if (ctx.blocking) {
    const done = await engine.scheduler.waitFor(() => {
      const t = engine.store.get("template", id);
      return t && t.status !== "locked" ? t : undefined;
    }, 10 * 60_000);
    return { status: 201, root: "template", node: templateNode(ctx, done ?? template), headers: { Location: location } };
  }
  return { status: 202, root: "template", node: { ...templateNode(ctx, template), creation_status: "in_progress" }, headers: { Location: location } };
}

export function updateTemplate(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const t = templateOr404(ctx);
  const node = body(ctx, ["template"], "template", "update");
  const { name, patch } = readConfigPatch(node);
  if (t.status === "locked") throw conflict(messages.templateLocked);
  if (name !== undefined && name !== t.name) {
    validateName(name, "edit", "Template");
    if (nameTakenInDataCenter(ctx, "template", name, t.clusterId, t.id)) throw nameConflict("edit", "Template");
    t.name = name;
  }
  const config = applyPatch(t.config, patch, false);
  validateConfig(config, "edit", "Template");
  t.config = config;
  ctx.engine.store.put("template", t);
  return { status: 200, root: "template", node: templateNode(ctx, t) };
}

export function removeTemplate(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const t = templateOr404(ctx);
  if (t.id === BLANK_TEMPLATE_ID) throw conflict(messages.templateBlank);
  if (t.status === "locked") throw conflict(messages.templateLocked);
  const store = ctx.engine.store;
  const users = store.list("vm").filter((vm) => vm.templateId === t.id).map((vm) => vm.name);
  if (users.length > 0) throw conflict(messages.templateInUse(users));
  const pools = store.list("pool").filter((p) => p.templateId === t.id);
  if (pools.length > 0) throw conflict(messages.templateInUse(pools.map((p) => p.name)));
  // RemoveVmTemplateCommand: a base goes only after its versions.
  const versions = baseIdOf(t) === t.id ? lineage(ctx.engine, t.id).filter((v) => v.id !== t.id) : [];
  if (versions.length > 0) throw conflict(versionMessages.baseWithVersions(versions.map((v) => v.name)));
  store.tx(() => {
    store.delete("template", t.id);
    ctx.engine.acl.removeFor("template", t.id);
    for (const d of disksOf(ctx.engine, { templateId: t.id })) store.delete("disk", d.id);
    for (const n of store.list("nic").filter((nic) => nic.templateId === t.id)) store.delete("nic", n.id);
  });
  return actionComplete();
}
