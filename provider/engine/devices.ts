// The XML of disks, NICs, storage domains, networks and vNIC profiles, validated with zod and mapped
// to the model in types.ts (sizes in bytes). The calls that send it are collections/devices.ts
// and collections/infra.ts.

import { z } from "zod";
import { validate } from "./model.ts";
import type {
  EngineDevices, EngineDisk, EngineDiskAttachment, EngineNic, Network, NewDiskAttachment, NicSpec, StorageDomain, VnicProfile,
} from "./types.ts";
import type { XmlObject } from "./xml.ts";

/** The `follow` value that makes the engine inline a VM's or template's disks (each with its disk) and NICs. */
export const DEVICE_LINKS = "disk_attachments.disk,nics";

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

export function attachmentFromXml(value: unknown, context: string) {
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

export const storageDomainFromXml = (v: unknown, c: string): StorageDomain => {
  const raw = validate(namedSchema, v, "storage_domain", c);
  return { id: raw["@_id"], name: raw.name, type: raw.type };
};
export const networkFromXml = (v: unknown, c: string): Network => {
  const raw = validate(namedSchema, v, "network", c);
  return { id: raw["@_id"], name: raw.name };
};
export const vnicProfileFromXml = (v: unknown, c: string): VnicProfile => {
  const raw = validate(namedSchema, v, "vnic_profile", c);
  return { id: raw["@_id"], name: raw.name, networkId: raw.network?.["@_id"] };
};

export function newAttachmentToXml(d: NewDiskAttachment): XmlObject {
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

export function nicToXml(n: Partial<NicSpec>): XmlObject {
  const nic: XmlObject = {};
  if (n.name !== undefined) nic.name = n.name;
  if (n.interface !== undefined) nic.interface = n.interface;
  if (n.vnicProfileId !== undefined) nic.vnic_profile = { "@_id": n.vnicProfileId };
  return { nic };
}
