// Helpers more than one collection uses: the devices the engine inlines with VMs and templates,
// the members of an inlined sub-collection, and lookups by name that a snapshot can answer.

import { DEVICE_LINKS, followedDevices } from "../devices.ts";
import { exactName, seg } from "../lookups.ts";
import type { EngineSession, Mapper } from "../session.ts";
import type { Snapshot } from "../snapshot.ts";
import type { EngineDevices, Template, Vm } from "../types.ts";
import type { XmlObject } from "../xml.ts";

/** The entity with the disks and NICs the engine inlined in `item` (when it did). */
function withDevices<T extends Vm | Template>(entity: T, item: unknown, context: string): T {
  const devices = followedDevices(item, context);
  if (devices) {
    entity.disk_attachments = devices.disks;
    entity.nics = devices.nics;
  }
  return entity;
}

/** A VM or template as its snapshot keeps it: mapped, with its disks and NICs when the engine inlined them. */
export interface DeviceEntry<T extends Vm | Template> {
  id: string;
  name: string;
  entity: T;
}

/** The snapshot of VMs or templates, each listed or read with the disks and NICs every read of one needs. */
export function snapshotWithDevices<T extends Vm | Template>(
  s: EngineSession, path: string, plural: string, singular: string, fromXml: Mapper<T>,
): Snapshot<DeviceEntry<T>> {
  const entry = (item: unknown, context: string): DeviceEntry<T> => {
    const entity = withDevices(fromXml(item, context), item, context);
    return { id: entity.id, name: entity.name, entity };
  };
  return s.snapshot(
    () => s.followedList(path, plural, singular, entry, DEVICE_LINKS),
    (id) => s.getOne(`${path}/${seg(id)}`, singular, entry, s.follow(DEVICE_LINKS)),
  );
}

/** The disks and NICs a read VM or template carries; undefined when the engine did not inline them. */
export function devicesOf(entity: Vm | Template | undefined): EngineDevices | undefined {
  return entity?.disk_attachments && entity.nics ? { disks: entity.disk_attachments, nics: entity.nics } : undefined;
}

/** A VM's or pool's permissions or consoles, from a followed list; `items` undefined when the engine did not inline them. */
export interface LinkedEntry<T> {
  id: string;
  name: string;
  items?: T[];
}

/** The owner's id and name and its inlined `<plural><singular/>…</plural>` members, each mapped. */
export function linkedEntry<T>(item: unknown, plural: string, singular: string, map: (v: unknown) => T): LinkedEntry<T> {
  const owner = item !== null && typeof item === "object" ? (item as XmlObject) : {};
  return {
    id: String(owner["@_id"] ?? ""),
    name: typeof owner.name === "string" ? owner.name : "",
    items: plural in owner ? inlinedMembers(owner[plural], singular).map(map) : undefined,
  };
}

/** The members of an inlined collection element (`<nics><nic/>…</nics>`; empty is ""). */
export function inlinedMembers(element: unknown, singular: string): unknown[] {
  if (element === null || typeof element !== "object") return [];
  const items = (element as XmlObject)[singular];
  return items === undefined ? [] : Array.isArray(items) ? items : [items];
}

/** A lookup by name: from the snapshot's list when it can answer, else a name search in the engine. */
export function findByName<E extends { id: string; name: string }, T extends { name: string }>(
  snap: Snapshot<E>,
  entity: (entry: E) => T,
  direct: (name: string) => Promise<T | undefined>,
) {
  return async (name: string): Promise<T | undefined> => {
    const listed = await snap.named(name);
    return listed ? exactName(listed.map(entity), name) : direct(name);
  };
}
