// Creates that survive lost answers and crashes. The entity carries `marker` (in its comment),
// which ties it to the resource that asked for it. Transient failures (5xx, dropped connections,
// timeouts, "locked" 409s) are retried with backoff; after one that may have reached the engine, a
// lookup by name decides: the entity with our marker is adopted, none means send again. A "name in
// use" refusal adopts the entity when it carries our marker (left by an interrupted create), and
// otherwise fails with a NameTakenError naming the entity that holds the name.

import { EngineError, NameTakenError, isNameInUse, isUncertainFailure } from "./errors.ts";

export interface CreateSpec<T> {
  /** The kind, as messages name it: `VM`, `template`, `pool`. */
  what: string;
  name: string;
  /** The creation marker the entity carries in its comment; undefined adopts any entity a lost answer left. */
  marker: string | undefined;
  post: () => Promise<T>;
  /** The entity named `name` in the engine now. */
  lookup: () => Promise<T | undefined>;
}

type Created = { id: string; name: string; comment?: string };

/** One attempt of a create; a failure it cannot settle is thrown for the retry loop to judge. */
export async function createAttempt<T extends Created>(spec: CreateSpec<T>, log?: (line: string) => void): Promise<T> {
  const { what, name, marker } = spec;
  try {
    return await spec.post();
  } catch (err) {
    const nameInUse = isNameInUse(err);
    if (!nameInUse && !isUncertainFailure(err)) throw err;
    const found = await lookUpAfter(spec, err);
    if (found && (marker === undefined ? !nameInUse : found.comment === marker)) {
      log?.(`adopted ${what} ${name} (id ${found.id}): ${nameInUse ? "it carries this resource's marker (an interrupted create)" : "the create went through"}`);
      return found;
    }
    if (found || nameInUse) throw nameTaken(what, name, found, err);
    throw err; // Nothing was made: a transient failure, sent again.
  }
}

async function lookUpAfter<T>(spec: CreateSpec<T>, err: unknown): Promise<T | undefined> {
  try {
    return await spec.lookup();
  } catch (lookupErr) {
    const e = err as EngineError;
    throw new EngineError(
      `creating ${spec.what} ${spec.name} may or may not have succeeded: ${e.message}; looking it up by name failed too: ${(lookupErr as Error).message}`,
      { kind: e.kind, status: e.status, code: e.code, cause: err },
    );
  }
}

/** The refusal, with the holder's id as a field: the front end words how to adopt it. */
function nameTaken(what: string, name: string, found: Created | undefined, cause: unknown): NameTakenError {
  const holder = found ? `${what} ${found.id}${found.comment ? ` (comment "${found.comment}")` : ""}` : `another ${what}`;
  const e = cause as EngineError;
  return new NameTakenError(
    `${e.status === 409 ? e.message : `engine refused: the ${what} name is in use`}; "${name}" is held by ${holder}, which this resource did not create: ` +
      `choose another name, remove that ${what}, or import it`,
    { kind: "conflict", status: 409, reason: e.reason, detail: e.detail, cause, entity: what, entityName: name, existingId: found?.id },
  );
}
