// Collection snapshots: the first plain read of a kind (VMs, templates, pools) in a plugin process
// lists the whole collection in one call; later reads of that kind are served from the list.
//
// Why this never hides a change:
// - A snapshot lives in one engine client, which lives in one plugin process. Pulumi starts a new
//   plugin process for every command (and for each refresh pass), so an edit made between two
//   commands, in the console or by another tool, is always seen: the new process lists again.
// - Every write invalidates: a create drops the kind's snapshot (the next read lists again and sees
//   the new entity); an update, delete or action marks its id, whose later reads go to the engine
//   directly. Waits never use a snapshot.
// - The list comes through the client's verified-engine path, so an id missing from it is gone by
//   the engine's own word, as a 404 from the verified engine would say.

export interface CollectionSnapshot<T extends { id: string }> {
  /** The entity by id: from the snapshot, or from `direct` for ids written since it was taken. */
  get(id: string): Promise<T | undefined>;
  /** A write of `id`: its reads bypass the snapshot from now on. */
  written(id: string): void;
  /** A create (or anything that changes membership): the next read lists again. */
  invalidate(): void;
}

export function collectionSnapshot<T extends { id: string }>(
  listAll: () => Promise<T[]>,
  direct: (id: string) => Promise<T | undefined>,
): CollectionSnapshot<T> {
  let snapshot: Promise<Map<string, T>> | undefined;
  let generation = 0;
  const bypass = new Set<string>();

  function take(): Promise<Map<string, T>> {
    if (!snapshot) {
      const taken = listAll().then((items) => new Map(items.map((item) => [item.id, item])));
      snapshot = taken;
      // A failed list is not remembered: the next read tries again.
      taken.catch(() => {
        if (snapshot === taken) snapshot = undefined;
      });
    }
    return snapshot;
  }

  return {
    async get(id) {
      if (bypass.has(id)) return direct(id);
      const startedAt = generation;
      const items = await take();
      // A write that raced with the list: the list may predate it, so ask the engine.
      if (startedAt !== generation || bypass.has(id)) return direct(id);
      return items.get(id);
    },
    written(id) {
      bypass.add(id);
      generation++;
    },
    invalidate() {
      snapshot = undefined;
      bypass.clear();
      generation++;
    },
  };
}

/** No snapshot: every read asks the engine (a client that may outlive one command). */
export function directReads<T extends { id: string }>(_listAll: () => Promise<T[]>, direct: (id: string) => Promise<T | undefined>): CollectionSnapshot<T> {
  return { get: direct, written: () => undefined, invalidate: () => undefined };
}
