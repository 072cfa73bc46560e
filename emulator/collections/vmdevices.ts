// What hangs off VMs besides disks: NICs (MACs from the default MAC pool, plugged and linked),
// tags (a tree under `root`, assigned to VMs), affinity groups of a cluster (with the VMs in them)
// and affinity labels, and the predefined instance types.
import { randomUUID } from "node:crypto";
import { childNode, ref, text, type Node } from "../http/codec.ts";
import { badRequest, conflict, entityNotFound, invalidEnum, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, type Ctx, type Reply } from "../http/context.ts";
import {
  BLANK_TEMPLATE_ID, isRunning, type AffinityGroupRecord, type AffinityLabelRecord, type NicRecord, type TagRecord,
} from "../model.ts";
import { parseBool, parseInteger } from "../rules.ts";
import { body, hasText, requireAdmin, requireFields, requireFilterOrAdmin, searched, vmOr404 } from "./common.ts";

// ---- NICs ----

/** The engine's default MAC pool range. */
const MAC_POOL = { from: 0x001a4a160151, to: 0x001a4a1601e6 };
const NIC_INTERFACES = ["e1000", "e1000e", "pci_passthrough", "rtl8139", "rtl8139_virtio", "spapr_vlan", "virtio"];
const MAC_FORMAT = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i;

const macText = (n: number): string => n.toString(16).padStart(12, "0").replace(/(..)(?!$)/g, "$1:");

function allocateMac(ctx: Ctx): string {
  const used = new Set(ctx.engine.store.list("nic").map((n) => n.mac.toLowerCase()));
  for (let n = MAC_POOL.from; n <= MAC_POOL.to; n++) {
    const mac = macText(n);
    if (!used.has(mac)) return mac;
  }
  throw conflict("Cannot add Interface. Not enough MAC addresses left in MAC Address Pool.");
}

function nicNode(ctx: Ctx, n: NicRecord): Node {
  const path = n.templateId ? `/templates/${n.templateId}/nics/${n.id}` : `/vms/${n.vmId}/nics/${n.id}`;
  return {
    "@href": href(ctx, path),
    "@id": n.id,
    name: n.name,
    interface: n.interface,
    linked: n.linked,
    mac: n.templateId ? undefined : { address: n.mac },
    plugged: n.plugged,
    synced: true,
    vm: n.templateId ? undefined : link(ctx, "/vms", n.vmId),
    template: n.templateId ? link(ctx, "/templates", n.templateId) : undefined,
    vnic_profile: n.vnicProfileId ? link(ctx, "/vnicprofiles", n.vnicProfileId) : undefined,
  };
}

function readNic(ctx: Ctx, node: Node, current: NicRecord | undefined, action: "add" | "edit"): Partial<NicRecord> {
  const out: Partial<NicRecord> = {};
  const name = text(node, "name");
  if (name !== undefined) out.name = name;
  const iface = text(node, "interface");
  if (iface !== undefined && iface !== "") {
    if (!NIC_INTERFACES.includes(iface.toLowerCase())) throw invalidEnum(iface, "NicInterface", NIC_INTERFACES);
    out.interface = iface.toLowerCase();
  }
  const macNode = childNode(node, "mac");
  const mac = macNode ? text(macNode, "address") : undefined;
  if (mac !== undefined && mac !== (current?.mac ?? "")) {
    if (!MAC_FORMAT.test(mac)) throw badRequest(`Cannot ${action} Interface. Invalid MAC address: ${mac}.`);
    const taken = ctx.engine.store.list("nic").some((n) => n.mac.toLowerCase() === mac.toLowerCase() && n.id !== current?.id);
    if (taken) throw conflict(`Cannot ${action} Interface. MAC Address ${mac} is already in use.`);
    out.mac = mac.toLowerCase();
  }
  const profileId = ref(node, "vnic_profile")?.id;
  if (profileId !== undefined) {
    if (!ctx.engine.store.get("vnicprofile", profileId)) throw entityNotFound(`VnicProfile: id=${profileId}`);
    out.vnicProfileId = profileId;
  }
  for (const key of ["plugged", "linked"] as const) {
    const v = text(node, key);
    if (v !== undefined && v !== "") out[key] = parseBool(v, key);
  }
  return out;
}

function nicOr404(ctx: Ctx): NicRecord {
  const vm = vmOr404(ctx, ctx.params.id);
  const nic = ctx.engine.store.get("nic", ctx.params.nicId ?? "");
  if (!nic || nic.vmId !== vm.id) throw pathNotFound();
  return nic;
}

export function listNics(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const nics = ctx.engine.store.list("nic").filter((n) => n.vmId === vm.id);
  return { status: 200, root: "nics", node: { nic: nics.map((n) => nicNode(ctx, n)) } };
}

export function listTemplateNics(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const t = ctx.engine.store.get("template", ctx.params.id ?? "");
  if (!t) throw pathNotFound();
  const nics = ctx.engine.store.list("nic").filter((n) => n.templateId === t.id);
  return { status: 200, root: "nics", node: { nic: nics.map((n) => nicNode(ctx, n)) } };
}

/**
 * The engine copies NICs along with the configuration: a template gets its source VM's NICs
 * (without MACs), and a VM made from a template gets the template's, each with a MAC from the pool.
 * Call inside the store transaction that creates the owner.
 */
export function copyNics(ctx: Ctx, from: { vmId?: string; templateId?: string }, to: { vmId?: string; templateId?: string }): void {
  const store = ctx.engine.store;
  const source = store.list("nic").filter((n) => (from.vmId ? n.vmId === from.vmId && !n.templateId : n.templateId === from.templateId));
  for (const n of source) {
    const copy: NicRecord = {
      ...n,
      id: randomUUID(),
      vmId: to.vmId ?? "",
      templateId: to.templateId,
      mac: to.vmId ? allocateMac(ctx) : "",
    };
    if (!to.templateId) delete copy.templateId;
    store.put("nic", copy);
  }
}

export function getNic(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "nic", node: nicNode(ctx, nicOr404(ctx)) };
}

export function addNic(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const vm = vmOr404(ctx, ctx.params.id);
  const node = body(ctx, ["nic"], "nics", "add");
  requireFields("Nic", node, [["name", () => hasText(node, "name")]]);
  if (vm.status === "image_locked") throw conflict("Cannot add Interface: VM is locked. Please try again in a few minutes.");
  const fields = readNic(ctx, node, undefined, "add");
  const siblings = ctx.engine.store.list("nic").filter((n) => n.vmId === vm.id);
  if (siblings.some((n) => n.name === fields.name)) throw conflict("Cannot add Interface. Interface name is already in use.");
  const nic: NicRecord = {
    id: randomUUID(),
    name: fields.name ?? "",
    vmId: vm.id,
    vnicProfileId: fields.vnicProfileId,
    interface: fields.interface ?? "virtio",
    mac: fields.mac ?? allocateMac(ctx),
    plugged: fields.plugged ?? true,
    linked: fields.linked ?? true,
  };
  ctx.engine.store.put("nic", nic);
  return { status: 201, root: "nic", node: nicNode(ctx, nic), headers: { Location: `https://${ctx.host}${href(ctx, `/vms/${vm.id}/nics/${nic.id}`)}` } };
}

export function updateNic(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const nic = nicOr404(ctx);
  const fields = readNic(ctx, body(ctx, ["nic"], "nic", "update"), nic, "edit");
  if (fields.name !== undefined && fields.name !== nic.name) {
    const siblings = ctx.engine.store.list("nic").filter((n) => n.vmId === nic.vmId && n.id !== nic.id);
    if (siblings.some((n) => n.name === fields.name)) throw conflict("Cannot edit Interface. Interface name is already in use.");
  }
  const vm = ctx.engine.store.get("vm", nic.vmId);
  if (fields.mac !== undefined && vm && isRunning(vm.status) && nic.plugged) {
    throw conflict("Cannot edit Interface. The MAC address of a plugged interface cannot change while the VM is running.");
  }
  Object.assign(nic, fields);
  ctx.engine.store.put("nic", nic);
  return { status: 200, root: "nic", node: nicNode(ctx, nic) };
}

export function removeNic(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const nic = nicOr404(ctx);
  const vm = ctx.engine.store.get("vm", nic.vmId);
  if (vm && isRunning(vm.status) && nic.plugged) throw conflict("Cannot remove Interface. Unplug the interface before removing it from a running VM.");
  ctx.engine.store.delete("nic", nic.id);
  return actionComplete();
}

// ---- tags ----

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

// ---- affinity groups ----

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

// ---- affinity labels ----

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

// ---- instance types: the engine's predefined five ----

export const INSTANCE_TYPES = [
  { id: "00000003-0003-0003-0003-0000000000be", name: "Tiny", memoryMb: 512, cores: 1 },
  { id: "00000005-0005-0005-0005-0000000002e6", name: "Small", memoryMb: 2048, cores: 1 },
  { id: "00000007-0007-0007-0007-00000000010a", name: "Medium", memoryMb: 4096, cores: 2 },
  { id: "00000009-0009-0009-0009-0000000000f1", name: "Large", memoryMb: 8192, cores: 2 },
  { id: "0000000b-000b-000b-000b-00000000021f", name: "XLarge", memoryMb: 16384, cores: 4 },
];

function instanceTypeNode(ctx: Ctx, t: (typeof INSTANCE_TYPES)[number]): Node {
  const bytes = t.memoryMb * 1024 * 1024;
  return {
    "@href": href(ctx, `/instancetypes/${t.id}`),
    "@id": t.id,
    name: t.name,
    description: `${t.name} instance type`,
    comment: "",
    cpu: { topology: { cores: 1, sockets: t.cores, threads: 1 } },
    memory: bytes,
    memory_policy: { guaranteed: bytes, max: bytes * 4 },
  };
}

export function listInstanceTypes(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "instance_types", node: { instance_type: INSTANCE_TYPES.map((t) => instanceTypeNode(ctx, t)) } };
}

export function getInstanceType(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const t = INSTANCE_TYPES.find((i) => i.id === ctx.params.id);
  if (!t) throw pathNotFound();
  return { status: 200, root: "instance_type", node: instanceTypeNode(ctx, t) };
}
