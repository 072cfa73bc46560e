// Finding entities: search terms, exact-name picks over the engine's case-insensitive searches,
// lookups by name or id, and the entities of a list that do not fit the model ("broken"): they
// stay errors for whoever asks for them, and never stop a list from answering for the others.

import { EngineError, isEngineError } from "./errors.ts";
import type { XmlObject } from "./xml.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** Path segments from callers (ids) are encoded so they cannot change the route. */
export const seg = (s: string) => encodeURIComponent(s);

/**
 * A search term `key=value`. Plain names go as they are; others are quoted so spaces and the
 * search language's keywords stay part of the value.
 */
export function searchTerm(key: string, value: string): string {
  return /^[\w.\-*]+$/.test(value) ? `${key}=${value}` : `${key}="${value.replace(/["\\]/g, "\\$&")}"`;
}

/** A member of a list answer that does not fit the model: its id and name, and the error a read of it gives. */
export class BrokenEntity {
  readonly id: string;
  readonly name: string;
  readonly error: EngineError;

  constructor(id: string, name: string, error: EngineError) {
    this.id = id;
    this.name = name;
    this.error = error;
  }
}

/** A list's members as the client keeps them: mapped, or broken. */
export type Listed<T> = T | BrokenEntity;

export const isBroken = (item: unknown): item is BrokenEntity => item instanceof BrokenEntity;

/** The members that fit the model. */
export const usable = <T>(items: readonly Listed<T>[]): T[] => items.filter((item): item is T => !isBroken(item));

/** A broken member named exactly `name` is the answer to a lookup of that name: its error. */
function failIfBroken(items: readonly Listed<unknown>[], name: string): void {
  const broken = items.find((item): item is BrokenEntity => isBroken(item) && item.name === name);
  if (broken) throw broken.error;
}

/** The entities named exactly `name`: the engine's name search ignores case and treats `*` as a wildcard. */
export function namedExactly<T extends { name: string }>(items: readonly Listed<T>[], name: string): T[] {
  failIfBroken(items, name);
  return usable(items).filter((item) => item.name === name);
}

/** Picks the entity named exactly `name` from a search answer (searches are case-insensitive and allow `*`). */
export function exactName<T extends { name: string }>(items: readonly Listed<T>[], name: string): T | undefined {
  failIfBroken(items, name);
  const fit = usable(items);
  return fit.find((i) => i.name === name) ?? (fit.length === 1 && fit[0]?.name.toLowerCase() === name.toLowerCase() ? fit[0] : undefined);
}

/**
 * `map`, made to keep a member that does not fit the model as a BrokenEntity (when it has an id to
 * own the error), so one bad entity cannot break the list for the others. `what` names it (`VM`).
 */
export function tolerant<T>(what: string, map: (item: unknown, context: string) => T): (item: unknown, context: string) => Listed<T> {
  return (item, context) => {
    try {
      return map(item, context);
    } catch (err) {
      const owner = item !== null && typeof item === "object" ? (item as XmlObject) : {};
      const id = owner["@_id"];
      if (!isEngineError(err) || err.kind !== "malformed" || typeof id !== "string" || id === "") throw err;
      // A user is known by its user name (`alice@internal-authz`); `name` is its first name.
      const name = typeof owner.user_name === "string" ? owner.user_name : typeof owner.name === "string" ? owner.name : "";
      const label = `${what}${name ? ` "${name}"` : ""} (id ${id})`;
      return new BrokenEntity(id, name, new EngineError(`${label} cannot be read: ${err.message}`, { kind: "malformed", cause: err }));
    }
  };
}

/** The lookup for `key`, made once; a failed one is not remembered. */
export function remembered<T>(cache: Map<string, Promise<T>>, key: string, lookUp: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) {
    found = lookUp();
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

/** The entity `nameOrId` names (an id when it is a UUID, else an exact name), or an error saying it is not there. */
export async function resolveBy<T extends { id: string; name: string }>(
  what: string,
  nameOrId: string,
  byId: (id: string) => Promise<T | undefined>,
  byName: (name: string) => Promise<T | undefined>,
): Promise<T> {
  if (nameOrId.trim() === "") {
    throw new EngineError(`${what} is empty: give its name or id`, { kind: "not_found" });
  }
  if (isUuid(nameOrId)) {
    const found = await byId(nameOrId);
    if (found) return found;
    throw new EngineError(`${what} "${nameOrId}" not found: the engine has no ${what} with that id`, { kind: "not_found", status: 404 });
  }
  const found = await byName(nameOrId);
  if (found) return found;
  throw new EngineError(`${what} "${nameOrId}" not found: the engine has no ${what} with that name (${what}s are matched by exact name or by id)`, {
    kind: "not_found",
    status: 404,
  });
}
