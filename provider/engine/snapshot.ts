// Collection snapshots: the first plain read of a kind (VMs, templates, pools, and what the engine
// inlines with them) in a plugin process lists the whole collection in one call; later reads of
// that kind are served from the list, as compact mapped records (never the parsed answer).
//
// Why this never hides a change:
// - A snapshot lives in one engine client, which lives in one plugin process. Pulumi starts a new
//   plugin process for every command (and for each refresh pass), so an edit made between two
//   commands, in the console or by another tool, is always seen: the new process lists again.
// - The list serves hits only. An id it does not hold (created since, or gone) is asked of the
//   engine directly, so "gone" is still the verified engine's own 404.
// - Every write goes through `write`: from its start on, every read of that id goes to the engine.
//   Waits never read a snapshot. A write that changes membership in ways ids cannot follow (a
//   pool's VMs) calls `invalidate`: the next read lists again.
// - Names: a lookup by name is served from the list unless this process has created or renamed an
//   entity to that name (then the engine is asked); written ids are left out of the scan, since
//   their names may have changed. A name taken behind the list's back is still refused by the
//   engine at create, and the create fails naming the holder.
// - An entity the list holds but that does not fit the model (a broken one) is an error for reads
//   of its id and lookups of its exact name only; every other read is served as usual.

import { rememberUnlessFailed } from "../memo.ts";
import { isBroken, type BrokenEntity, type Listed } from "./lookups.ts";

export interface Snapshot<T extends { id: string; name: string }> {
  /** The entity by id: from the list unless this process has written it; anything else from the engine. */
  get(id: string): Promise<T | undefined>;
  /** Straight from the engine (waits). */
  fresh(id: string): Promise<T | undefined>;
  /**
   * Every listed entity, as listed (for filters such as a pool's VMs); undefined when snapshots are
   * off. Those this process has written since are stale copies: read each match again with `get`.
   */
  listed(): Promise<T[] | undefined>;
  /** Entities whose name matches `name` ignoring case (as the engine's name search does) per the list; undefined when the engine must be asked. */
  named(name: string): Promise<T[] | undefined>;
  /** Runs a write of `id` (reads of it bypass the list from now on). */
  write<R>(id: string, op: () => Promise<R>): Promise<R>;
  /** Whether this process has written `id`. */
  wasWritten(id: string): boolean;
  /** A name this process gives an entity (a create or a rename): lookups of it go to the engine. */
  touchName(name: string): void;
  /** The next read lists again (a write whose effects ids cannot follow). */
  invalidate(): void;
}

/** A list by id, and by lower-cased name: a plan checks every new resource's name, so a scan per lookup would grow with the square of the count. */
interface Listing<T> {
  byId: Map<string, Listed<T>>;
  byName: Map<string, Listed<T>[]>;
}

function indexed<T extends { id: string; name: string }>(items: Listed<T>[]): Listing<T> {
  const byName = new Map<string, Listed<T>[]>();
  for (const item of items) {
    const key = item.name.toLowerCase();
    const same = byName.get(key);
    if (same) same.push(item);
    else byName.set(key, [item]);
  }
  return { byId: new Map(items.map((item) => [item.id, item])), byName };
}

export function collectionSnapshot<T extends { id: string; name: string }>(
  listAll: () => Promise<Listed<T>[]>,
  direct: (id: string) => Promise<T | undefined>,
  bypass: () => boolean = () => false,
): Snapshot<T> {
  const listing = rememberUnlessFailed(() => listAll().then(indexed));
  /** Bumped by every invalidation. */
  let epoch = 0;
  /** Ids written in this process: never served from a list again. */
  const written = new Set<string>();
  const touchedNames = new Set<string>();

  /** The list, taken again when an invalidation came while it was in flight. */
  async function current(): Promise<Listing<T>> {
    for (;;) {
      const at = epoch;
      const items = await listing.get();
      if (at === epoch) return items;
    }
  }

  return {
    async get(id) {
      if (bypass() || written.has(id)) return direct(id);
      const found = (await current()).byId.get(id);
      // Written while the list was in flight: the list may predate the write.
      if (!found || written.has(id)) return direct(id);
      if (isBroken(found)) throw found.error;
      return found;
    },
    fresh: direct,
    async listed() {
      if (bypass()) return undefined;
      const { byId } = await current();
      // Written ones stay: leaving them out would drop a pool's desktops this process has changed.
      return [...byId.values()].filter((item): item is T => !isBroken(item));
    },
    async named(name) {
      const wanted = name.toLowerCase();
      if (bypass() || touchedNames.has(wanted)) return undefined;
      const { byName } = await current();
      const same = (byName.get(wanted) ?? []).filter((item) => !written.has(item.id));
      const broken = same.find((item): item is BrokenEntity => isBroken(item) && item.name === name);
      if (broken) throw broken.error;
      return same.filter((item): item is T => !isBroken(item));
    },
    write(id, op) {
      written.add(id);
      return op();
    },
    wasWritten: (id) => written.has(id),
    touchName(name) {
      touchedNames.add(name.toLowerCase());
    },
    invalidate() {
      listing.forget();
      epoch++;
    },
  };
}

/** No snapshot: every read asks the engine (a client that may outlive one command). */
export function directReads<T extends { id: string; name: string }>(
  _listAll: () => Promise<Listed<T>[]>,
  direct: (id: string) => Promise<T | undefined>,
  _bypass?: () => boolean,
): Snapshot<T> {
  return {
    get: direct,
    fresh: direct,
    listed: async () => undefined,
    named: async () => undefined,
    write: (_id, op) => op(),
    wasWritten: () => false,
    touchName: () => undefined,
    invalidate: () => undefined,
  };
}
