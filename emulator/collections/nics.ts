// /vms/{id}/nics and /templates/{id}/nics: NICs with MACs from the default MAC pool, plugged and linked.
import { randomUUID } from "node:crypto";
import { childNode, ref, text, type Node } from "../http/codec.ts";
import { badRequest, conflict, entityNotFound, invalidEnum, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, type Ctx, type Reply } from "../http/context.ts";
import {
  isRunning, type NicRecord, } from "../model.ts";
import { parseBool } from "../rules.ts";
import { body, hasText, requireAdmin, requireFields, requireFilterOrAdmin, vmOr404 } from "./common.ts";

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
