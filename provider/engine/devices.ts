// Disks and NICs of VMs and templates, and the storage domains, networks and vNIC profiles they
// link to: the engine's model (sizes in bytes, snake_case) and the HTTP + XML calls. client.ts
// hands this module its request plumbing, so retries, auth and "gone" stay decided there alone.

import { z } from "zod";
import { EngineError, isNotFound } from "./errors.ts";
import { rootElement, validate } from "./model.ts";
import type { XmlObject } from "./xml.ts";
import { rememberUnlessFailed } from "../memo.ts";

export type DiskInterfaceName = "virtio_scsi" | "virtio" | "sata" | "ide" | "spapr_vscsi";
export type DiskFormatName = "cow" | "raw";

export interface EngineDisk {
  id: string;
  /** The engine's alias: what users see as the disk's name. */
  alias: string;
  provisionedSize: number;
  format: DiskFormatName;
  sparse: boolean;
  status: string;
  storageDomainIds: string[];
}

/** A disk as attached to a VM or template: the attachment's id is the disk's id. */
export interface EngineDiskAttachment {
  id: string;
  interface: string;
  bootable: boolean;
  active: boolean;
  disk: EngineDisk;
}

export interface NewDiskAttachment {
  alias: string;
  provisionedSize: number;
  format: DiskFormatName;
  sparse: boolean;
  storageDomainId: string;
  interface: string;
  bootable: boolean;
}

export interface EngineNic {
  id: string;
  name: string;
  interface: string;
  vnicProfileId?: string;
  macAddress?: string;
  plugged: boolean;
}

export interface NicSpec {
  name: string;
  interface: string;
  vnicProfileId: string;
}

/** A VM's or template's disks and NICs. */
export interface EngineDevices {
  disks: EngineDiskAttachment[];
  nics: EngineNic[];
}

/** The `follow` value that makes the engine inline a VM's or template's disks (each with its disk) and NICs. */
export const DEVICE_LINKS = "disk_attachments.disk,nics";

export interface StorageDomain { id: string; name: string; type?: string }
export interface Network { id: string; name: string }
export interface VnicProfile { id: string; name: string; networkId?: string }

/** What the resources call for disks and NICs (part of EngineClient). */
export interface EngineDeviceCalls {
  /** A VM's disk attachments, each with its disk. */
  listVmDiskAttachments(vmId: string): Promise<EngineDiskAttachment[]>;
  /** A template's disk attachments, each with its disk. */
  listTemplateDiskAttachments(templateId: string): Promise<EngineDiskAttachment[]>;
  /** Creates a disk and attaches it in one POST; the disk is `locked` until its image exists. */
  addVmDisk(vmId: string, disk: NewDiskAttachment): Promise<EngineDiskAttachment>;
  /** Grows the attached disk (PUT of the attachment with the disk's new provisioned size). */
  resizeVmDisk(vmId: string, diskId: string, provisionedSize: number): Promise<void>;
  /** Detaches the disk and removes it; quiet when it is already gone. */
  removeVmDisk(vmId: string, diskId: string): Promise<void>;
  /** Polls until every listed disk of the VM has left `locked`. */
  waitForVmDisksReady(vmId: string, opts?: { timeoutMs?: number; pollIntervalMs?: number; signal?: AbortSignal }): Promise<EngineDiskAttachment[]>;
  listVmNics(vmId: string): Promise<EngineNic[]>;
  listTemplateNics(templateId: string): Promise<EngineNic[]>;
  addVmNic(vmId: string, nic: NicSpec): Promise<EngineNic>;
  updateVmNic(vmId: string, nicId: string, nic: Partial<NicSpec>): Promise<EngineNic>;
  /** Removes the NIC (unplugging it first on a running VM); quiet when it is already gone. */
  removeVmNic(vmId: string, nicId: string): Promise<void>;
  resolveStorageDomain(nameOrId: string): Promise<StorageDomain>;
  getStorageDomain(id: string): Promise<StorageDomain | undefined>;
  /** The active data domains of the data center a cluster belongs to (the default for a new disk). */
  dataStorageDomains(): Promise<StorageDomain[]>;
  resolveNetwork(nameOrId: string): Promise<Network>;
  resolveVnicProfile(nameOrId: string): Promise<VnicProfile>;
  getVnicProfile(id: string): Promise<VnicProfile | undefined>;
  /** The vNIC profile of a network that carries the network's name (the engine makes it with the network). */
  defaultVnicProfile(network: Network): Promise<VnicProfile>;
}

/** The request plumbing client.ts lends this module. */
export interface DevicePlumbing {
  getOne<T>(path: string, root: string, map: (v: unknown, c: string) => T): Promise<T | undefined>;
  list<T>(path: string, plural: string, singular: string, map: (v: unknown, c: string) => T, query?: Record<string, string | undefined>): Promise<T[]>;
  sendXml(method: "POST" | "PUT", path: string, body: XmlObject, opts?: { idempotent?: boolean; query?: Record<string, string | undefined> }): Promise<{ doc: XmlObject | undefined; context: string }>;
  remove(path: string, query?: Record<string, string | undefined>): Promise<void>;
  resolveBy<T extends { id: string; name: string }>(what: string, nameOrId: string, byId: (id: string) => Promise<T | undefined>, byName: (name: string) => Promise<T | undefined>): Promise<T>;
  waitUntil<T>(what: string, id: string, goal: string, poll: () => Promise<{ done: boolean; value?: T; status?: string }>, opts?: { timeoutMs?: number; pollIntervalMs?: number; signal?: AbortSignal }): Promise<T>;
  /** Whether reads may come from per-process lists (see snapshot.ts). */
  snapshots: boolean;
  /** The VM's disks and NICs as the VM snapshot has them; undefined when it has none (then they are listed). */
  vmDevices(vmId: string): Promise<EngineDevices | undefined>;
  templateDevices(templateId: string): Promise<EngineDevices | undefined>;
  /** Runs a write of the VM's devices (its snapshot entries are read from the engine from then on). */
  vmWrite<R>(vmId: string, op: () => Promise<R>): Promise<R>;
}

// ---------------------------------------------------------------------------------------------
// XML ↔ model

const text = z.string().optional();
const bool = z.preprocess((v) => (typeof v === "string" ? v.trim() === "true" : v), z.boolean().optional());
const int = z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v), z.number().int().nonnegative());
const ref = z.preprocess((v) => (v === "" ? {} : v), z.object({ "@_id": z.string().optional() }).optional());
const many = (v: unknown): unknown[] => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

const diskSchema = z.object({
  "@_id": z.string().min(1),
  alias: text,
  name: text,
  provisioned_size: int,
  format: z.preprocess((v) => (typeof v === "string" ? v.toLowerCase() : v), z.enum(["cow", "raw"])),
  sparse: bool,
  status: text,
  storage_domains: z.preprocess((v) => (v === "" ? {} : v), z.object({ storage_domain: z.unknown() }).partial().optional()),
});

const attachmentSchema = z.object({
  "@_id": z.string().min(1),
  interface: text,
  bootable: bool,
  active: bool,
  disk: ref,
});

const nicSchema = z.object({
  "@_id": z.string().min(1),
  name: z.string(),
  interface: text,
  plugged: bool,
  vnic_profile: ref,
  mac: z.preprocess((v) => (v === "" ? {} : v), z.object({ address: text }).optional()),
});

const namedSchema = z.object({ "@_id": z.string().min(1), name: z.string(), type: text, network: ref });

export function diskFromXml(value: unknown, context: string): EngineDisk {
  const raw = validate(diskSchema, value, "disk", context);
  const domains = many(raw.storage_domains?.storage_domain).flatMap((d) => {
    const id = d && typeof d === "object" ? (d as XmlObject)["@_id"] : undefined;
    return typeof id === "string" ? [id] : [];
  });
  return {
    id: raw["@_id"],
    alias: raw.alias ?? raw.name ?? "",
    provisionedSize: raw.provisioned_size,
    format: raw.format,
    sparse: raw.sparse ?? false,
    status: (raw.status ?? "ok").toLowerCase(),
    storageDomainIds: domains,
  };
}

/**
 * The disks and NICs the engine inlined in a VM or template (`follow=disk_attachments.disk,nics`),
 * or undefined when it did not (an engine that ignores `follow`).
 */
export function followedDevices(value: unknown, context: string): EngineDevices | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const item = value as XmlObject;
  if (!("disk_attachments" in item) || !("nics" in item)) return undefined;
  const disks: EngineDiskAttachment[] = [];
  for (const raw of many(childrenOf(item.disk_attachments, "disk_attachment"))) {
    const a = attachmentFromXml(raw, context);
    const disk = (raw as XmlObject).disk;
    // A link alone (no size) means the disk was not inlined: the list cannot speak for this owner.
    if (disk === null || typeof disk !== "object" || !("provisioned_size" in disk)) return undefined;
    disks.push({ id: a.id, interface: a.interface, bootable: a.bootable, active: a.active, disk: diskFromXml(disk, context) });
  }
  const nics = many(childrenOf(item.nics, "nic")).map((n) => nicFromXml(n, context));
  return { disks, nics };
}

const childrenOf = (element: unknown, singular: string): unknown =>
  element !== null && typeof element === "object" ? (element as XmlObject)[singular] : undefined;

function attachmentFromXml(value: unknown, context: string) {
  const raw = validate(attachmentSchema, value, "disk_attachment", context);
  return { id: raw["@_id"], interface: raw.interface ?? "virtio", bootable: raw.bootable ?? false, active: raw.active ?? false, diskId: raw.disk?.["@_id"] ?? raw["@_id"] };
}

export function nicFromXml(value: unknown, context: string): EngineNic {
  const raw = validate(nicSchema, value, "nic", context);
  const nic: EngineNic = { id: raw["@_id"], name: raw.name, interface: raw.interface ?? "virtio", plugged: raw.plugged ?? true };
  if (raw.vnic_profile?.["@_id"]) nic.vnicProfileId = raw.vnic_profile["@_id"];
  if (raw.mac?.address) nic.macAddress = raw.mac.address;
  return nic;
}

const storageDomainFromXml = (v: unknown, c: string): StorageDomain => {
  const raw = validate(namedSchema, v, "storage_domain", c);
  return { id: raw["@_id"], name: raw.name, type: raw.type };
};
const networkFromXml = (v: unknown, c: string): Network => {
  const raw = validate(namedSchema, v, "network", c);
  return { id: raw["@_id"], name: raw.name };
};
const vnicProfileFromXml = (v: unknown, c: string): VnicProfile => {
  const raw = validate(namedSchema, v, "vnic_profile", c);
  return { id: raw["@_id"], name: raw.name, networkId: raw.network?.["@_id"] };
};

function newAttachmentToXml(d: NewDiskAttachment): XmlObject {
  return {
    disk_attachment: {
      bootable: String(d.bootable),
      active: "true",
      interface: d.interface,
      disk: {
        alias: d.alias,
        name: d.alias,
        provisioned_size: String(d.provisionedSize),
        format: d.format,
        sparse: String(d.sparse),
        storage_domains: { storage_domain: { "@_id": d.storageDomainId } },
      },
    },
  };
}

function nicToXml(n: Partial<NicSpec>): XmlObject {
  const nic: XmlObject = {};
  if (n.name !== undefined) nic.name = n.name;
  if (n.interface !== undefined) nic.interface = n.interface;
  if (n.vnicProfileId !== undefined) nic.vnic_profile = { "@_id": n.vnicProfileId };
  return { nic };
}

// ---------------------------------------------------------------------------------------------
// The calls

const seg = (s: string) => encodeURIComponent(s);
const exactly = <T extends { name: string }>(items: T[], name: string) => items.find((i) => i.name === name);
const search = (name: string) => ({ search: /^[\w.-]+$/.test(name) ? `name=${name}` : `name="${name.replace(/["\\]/g, "\\$&")}"` });

export function createDeviceCalls(p: DevicePlumbing): EngineDeviceCalls {
  const getDisk = (id: string) => p.getOne(`/disks/${seg(id)}`, "disk", diskFromXml);
  const vmWrite = p.vmWrite;

  async function attachmentsWithDisks(path: string): Promise<EngineDiskAttachment[]> {
    const attachments = await p.list(path, "disk_attachments", "disk_attachment", attachmentFromXml);
    const out: EngineDiskAttachment[] = [];
    for (const a of attachments) {
      const disk = await getDisk(a.diskId);
      // A disk removed between the two reads is no longer attached.
      if (disk) out.push({ id: a.id, interface: a.interface, bootable: a.bootable, active: a.active, disk });
    }
    return out;
  }

  // Storage domains, networks and vNIC profiles are data-center infrastructure a deployment does
  // not change: with snapshots on, each is listed once per process; ids the list lacks are asked for.
  const allStorageDomains = onceIf(p.snapshots, () => p.list("/storagedomains", "storage_domains", "storage_domain", storageDomainFromXml));
  const allNetworks = onceIf(p.snapshots, () => p.list("/networks", "networks", "network", networkFromXml));
  const allVnicProfiles = onceIf(p.snapshots, () => p.list("/vnicprofiles", "vnic_profiles", "vnic_profile", vnicProfileFromXml));
  const byId = <T extends { id: string }>(all: (() => Promise<T[]>) | undefined, direct: (id: string) => Promise<T | undefined>) =>
    async (id: string): Promise<T | undefined> => (all ? (await all()).find((e) => e.id === id) : undefined) ?? direct(id);
  const byName = <T extends { name: string }>(all: (() => Promise<T[]>) | undefined, direct: (name: string) => Promise<T | undefined>) =>
    async (name: string): Promise<T | undefined> => (all ? exactly(await all(), name) : undefined) ?? direct(name);

  const getStorageDomain = byId(allStorageDomains, (id) => p.getOne(`/storagedomains/${seg(id)}`, "storage_domain", storageDomainFromXml));
  const getNetwork = byId(allNetworks, (id) => p.getOne(`/networks/${seg(id)}`, "network", networkFromXml));
  const getVnicProfile = byId(allVnicProfiles, (id) => p.getOne(`/vnicprofiles/${seg(id)}`, "vnic_profile", vnicProfileFromXml));
  const listVmNicsDirect = (vmId: string) => p.list(`/vms/${seg(vmId)}/nics`, "nics", "nic", nicFromXml);
  const listVmNics = async (vmId: string) => (await p.vmDevices(vmId))?.nics ?? listVmNicsDirect(vmId);

  const calls: EngineDeviceCalls = {
    listVmDiskAttachments: async (vmId) => (await p.vmDevices(vmId))?.disks ?? attachmentsWithDisks(`/vms/${seg(vmId)}/diskattachments`),
    listTemplateDiskAttachments: async (templateId) =>
      (await p.templateDevices(templateId))?.disks ?? attachmentsWithDisks(`/templates/${seg(templateId)}/diskattachments`),

    addVmDisk: (vmId, disk) => vmWrite(vmId, async () => {
      const { doc, context } = await p.sendXml("POST", `/vms/${seg(vmId)}/diskattachments`, newAttachmentToXml(disk));
      const a = attachmentFromXml(rootElement(doc ?? {}, "disk_attachment", context), context);
      const created = await getDisk(a.diskId);
      if (!created) throw new EngineError(`disk ${disk.alias} (id ${a.diskId}) disappeared right after ${context}`, { kind: "not_found", status: 404 });
      return { id: a.id, interface: a.interface, bootable: a.bootable, active: a.active, disk: created };
    }),

    resizeVmDisk: (vmId, diskId, provisionedSize) => vmWrite(vmId, async () => {
      await p.sendXml("PUT", `/vms/${seg(vmId)}/diskattachments/${seg(diskId)}`, {
        disk_attachment: { disk: { provisioned_size: String(provisionedSize) } },
      }, { idempotent: true });
    }),

    removeVmDisk: (vmId, diskId) => vmWrite(vmId, async () => {
      // A running VM's disk is unplugged first; detach_only=false: the disk goes with its attachment.
      try {
        await p.sendXml("PUT", `/vms/${seg(vmId)}/diskattachments/${seg(diskId)}`, { disk_attachment: { active: "false" } }, { idempotent: true });
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
      await p.remove(`/vms/${seg(vmId)}/diskattachments/${seg(diskId)}`, { detach_only: "false" });
    }),

    // A wait polls the engine itself; the disks it sees change (locked, then ok) without a write of ours.
    waitForVmDisksReady: (vmId, opts) => vmWrite(vmId, () =>
      p.waitUntil("VM", vmId, "have its disks ready (not locked)", async () => {
        const attachments = await attachmentsWithDisks(`/vms/${seg(vmId)}/diskattachments`);
        const locked = attachments.filter((a) => a.disk.status === "locked");
        return { done: locked.length === 0, value: attachments, status: locked.length > 0 ? `disks locked: ${locked.map((a) => a.disk.alias).join(", ")}` : "ok" };
      }, opts)),

    listVmNics,
    listTemplateNics: async (templateId) =>
      (await p.templateDevices(templateId))?.nics ?? p.list(`/templates/${seg(templateId)}/nics`, "nics", "nic", nicFromXml),

    addVmNic: (vmId, nic) => vmWrite(vmId, async () => {
      const { doc, context } = await p.sendXml("POST", `/vms/${seg(vmId)}/nics`, nicToXml(nic));
      return nicFromXml(rootElement(doc ?? {}, "nic", context), context);
    }),

    updateVmNic: (vmId, nicId, nic) => vmWrite(vmId, async () => {
      const { doc, context } = await p.sendXml("PUT", `/vms/${seg(vmId)}/nics/${seg(nicId)}`, nicToXml(nic), { idempotent: true });
      return nicFromXml(rootElement(doc ?? {}, "nic", context), context);
    }),

    removeVmNic: (vmId, nicId) => vmWrite(vmId, async () => {
      const nic = (await listVmNicsDirect(vmId)).find((n) => n.id === nicId);
      if (!nic) return;
      // The engine removes a NIC of a running VM only once it is unplugged (a hot-unplug).
      if (nic.plugged) {
        await p.sendXml("PUT", `/vms/${seg(vmId)}/nics/${seg(nicId)}`, { nic: { plugged: "false" } }, { idempotent: true });
      }
      await p.remove(`/vms/${seg(vmId)}/nics/${seg(nicId)}`);
    }),

    resolveStorageDomain: (nameOrId) =>
      p.resolveBy("storage domain", nameOrId, getStorageDomain, byName(allStorageDomains, async (name) =>
        exactly(await p.list("/storagedomains", "storage_domains", "storage_domain", storageDomainFromXml, search(name)), name))),
    getStorageDomain,
    async dataStorageDomains() {
      const all = await (allStorageDomains ?? (() => p.list("/storagedomains", "storage_domains", "storage_domain", storageDomainFromXml)))();
      return all.filter((d) => d.type === "data");
    },
    resolveNetwork: (nameOrId) =>
      p.resolveBy("network", nameOrId, getNetwork, byName(allNetworks, async (name) =>
        exactly(await p.list("/networks", "networks", "network", networkFromXml, search(name)), name))),
    resolveVnicProfile: (nameOrId) =>
      p.resolveBy("vNIC profile", nameOrId, getVnicProfile, async (name) =>
        exactly(await (allVnicProfiles ?? (() => p.list("/vnicprofiles", "vnic_profiles", "vnic_profile", vnicProfileFromXml)))(), name)),
    getVnicProfile,
    async defaultVnicProfile(network) {
      const known = allVnicProfiles ? (await allVnicProfiles()).filter((v) => v.networkId === network.id) : [];
      const profiles = known.length > 0
        ? known
        : await p.list(`/networks/${seg(network.id)}/vnicprofiles`, "vnic_profiles", "vnic_profile", vnicProfileFromXml);
      const profile = profiles.find((v) => v.name === network.name) ?? profiles[0];
      if (!profile) throw new EngineError(`network "${network.name}" has no vNIC profile: give a \`vnicProfile\` instead`, { kind: "not_found", status: 404 });
      return profile;
    },
  };
  return calls;
}

/** `list`, called once and remembered (a failed call is not), when `enabled`; else undefined. */
function onceIf<T>(enabled: boolean, list: () => Promise<T>): (() => Promise<T>) | undefined {
  if (!enabled) return undefined;
  const taken = rememberUnlessFailed(list);
  return () => taken.get();
}
