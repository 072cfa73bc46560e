// The session every collection shares: HTTP, SSO auth, the engine check, retries, XML in and out,
// safe creates, collection snapshots and waits. Collections (collections/*.ts) speak in paths,
// elements and mappers; "gone" is decided here alone: only the verified engine's own 404 means it.

import { AsyncLocalStorage } from "node:async_hooks";
import { SsoSession } from "./auth.ts";
import { createAttempt, type CreateSpec } from "./creates.ts";
import { isNotFound } from "./errors.ts";
import { createHttpTransport, type HttpRequest, type HttpResponse, type HttpTransport } from "./http.ts";
import { tolerant, usable, type Listed } from "./lookups.ts";
import { collection, rootElement } from "./model.ts";
import { createRequests, isOwnRefusal, requestContext, type CallOptions, type Requests } from "./requests.ts";
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from "./retry.ts";
import { collectionSnapshot, directReads, type Snapshot } from "./snapshot.ts";
import type { EngineConfig } from "./types.ts";
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_WAIT_TIMEOUT_MS, createWaits, type Waits } from "./wait.ts";
import { buildXml, mapMembers, parseXml, type XmlObject } from "./xml.ts";

export type Query = Record<string, string | undefined>;
/** Maps one element of an answer to the model; `context` names the request for messages. */
export type Mapper<T> = (item: unknown, context: string) => T;

export interface SendOptions extends CallOptions {
  query?: Query;
  headers?: Record<string, string>;
}

export interface EngineSession extends Requests {
  readonly config: EngineConfig;
  readonly http: HttpTransport;
  readonly waits: Waits;
  /** Whether plain reads may be served from per-process lists (config.snapshots; see snapshot.ts). */
  readonly snapshots: boolean;
  /** Runs `fn` with the client's retry policy, until the client is cancelled. */
  retry<T>(fn: () => Promise<T>): Promise<T>;
  /** GET of one entity; undefined on the engine's 404. */
  getOne<T>(path: string, root: string, map: Mapper<T>, query?: Query, headers?: Record<string, string>): Promise<T | undefined>;
  /** GET of a list whose members all must fit the model (a sub-collection of one owner). */
  list<T>(path: string, plural: string, singular: string, map: Mapper<T>, query?: Query): Promise<T[]>;
  /** GET of a collection: a member that does not fit the model is kept as a BrokenEntity, not a failed list. */
  listEach<T>(path: string, plural: string, singular: string, map: Mapper<T>, query?: Query): Promise<Listed<T>[]>;
  /** `listEach` without the broken members. */
  listUsable<T>(path: string, plural: string, singular: string, map: Mapper<T>, query?: Query): Promise<T[]>;
  sendXml(method: "POST" | "PUT", path: string, body: XmlObject, opts?: SendOptions): Promise<{ doc: XmlObject | undefined; context: string; res: HttpResponse }>;
  /** DELETE; quiet when the entity is already gone. */
  remove(path: string, query?: Query): Promise<void>;
  /** A create safe against lost answers (see creates.ts). */
  create<T extends { id: string; name: string; comment?: string }>(spec: CreateSpec<T>): Promise<T>;
  /**
   * A snapshot of one collection when snapshots are on, else direct reads (see snapshot.ts).
   * `readOnly`: a kind this client never writes (users), so withFreshReads leaves it listed.
   */
  snapshot<T extends { id: string; name: string }>(listAll: () => Promise<Listed<T>[]>, direct: (id: string) => Promise<T | undefined>, opts?: { readOnly?: boolean }): Snapshot<T>;
  /** The `follow` query for a list a snapshot takes (undefined when snapshots are off). */
  follow(links: string): Query | undefined;
  /** A snapshot's list with `links` inlined; an engine that refuses that `follow` (its own 400) gives an empty list. */
  followedList<T>(path: string, plural: string, singular: string, map: Mapper<T>, links: string): Promise<Listed<T>[]>;
  /** Runs `op` with every snapshot read going to the engine (EngineClient.withFreshReads). */
  withFreshReads<R>(op: () => Promise<R>): Promise<R>;
  /** Registers a snapshot keyed by VM id: a write of a VM makes it read that VM from the engine. */
  trackVmKeyed(snapshot: Snapshot<{ id: string; name: string }>): void;
  /** A write of one VM: its entries in every VM-keyed snapshot are read from the engine from now on. */
  vmWrite<R>(id: string, op: () => Promise<R>): Promise<R>;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What a list member is called in messages about it. */
const LABELS: Record<string, string> = { vm: "VM", vm_pool: "pool", storage_domain: "storage domain", vnic_profile: "vNIC profile" };
const labelOf = (singular: string) => LABELS[singular] ?? singular.replace(/_/g, " ");

export function createSession(config: EngineConfig): EngineSession {
  const http = createHttpTransport(config);
  const sso = new SsoSession(http, config.username, config.password);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(config.retry ?? {}) };
  const hooks = { signal: config.signal };
  const requests = createRequests(http, sso, config.username, policy, hooks);
  const retry = <T>(fn: () => Promise<T>) => withRetry(policy, fn, hooks);
  const waits = createWaits({
    timeoutMs: config.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS,
    intervalMs: config.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    signal: config.signal,
  });
  const exchanges = documentCalls(requests);
  return {
    ...requests,
    ...exchanges,
    ...snapshotReads(config.snapshots === true, exchanges.listEach),
    config,
    http,
    waits,
    retry,
    async create(spec) {
      // Log in and verify first (safe to retry), so neither is ever mistaken for an uncertain create.
      await retry(() => sso.currentToken());
      await requests.verifyEngine();
      return retry(() => createAttempt(spec, config.log));
    },
  };
}

/** The calls that send and read XML documents, over the authenticated requests. */
function documentCalls(requests: Requests) {
  const { call } = requests;

  async function getOne<T>(path: string, root: string, map: Mapper<T>, query?: Query, headers?: Record<string, string>): Promise<T | undefined> {
    const req: HttpRequest = { method: "GET", path, query, headers };
    try {
      const res = await call(req, { idempotent: true });
      const context = requestContext(req);
      return map(rootElement(parseXml(res.body, context), root, context), context);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async function list<T>(path: string, plural: string, singular: string, map: Mapper<T>, query?: Query): Promise<T[]> {
    const req: HttpRequest = { method: "GET", path, query };
    const res = await call(req, { idempotent: true });
    const context = requestContext(req);
    const members = mapMembers(res.body, plural, singular, context, (item) => map(item, context));
    return members ?? collection(parseXml(res.body, context), plural, singular, context).map((item) => map(item, context));
  }

  const listEach = <T>(path: string, plural: string, singular: string, map: Mapper<T>, query?: Query): Promise<Listed<T>[]> =>
    list(path, plural, singular, tolerant(labelOf(singular), map), query);

  async function sendXml(method: "POST" | "PUT", path: string, body: XmlObject, opts: SendOptions = {}) {
    const req: HttpRequest = { method, path, query: opts.query, body: buildXml(body), headers: opts.headers };
    const res = await call(req, opts);
    const doc = res.status === 204 || res.body.trim() === "" ? undefined : parseXml(res.body, requestContext(req));
    return { doc, context: requestContext(req), res };
  }

  async function remove(path: string, query?: Query): Promise<void> {
    try {
      await call({ method: "DELETE", path, query }, { idempotent: true });
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
  }

  return {
    getOne, list, listEach, sendXml, remove,
    listUsable: async <T>(path: string, plural: string, singular: string, map: Mapper<T>, query?: Query) => usable(await listEach(path, plural, singular, map, query)),
  };
}

/**
 * Reads served from the process's collection snapshots when `snapshots` is on (see snapshot.ts):
 * one list per kind, carrying what the engine can inline with it (`follow`), so a refresh of N VMs
 * costs a few lists, not N reads of each part.
 */
function snapshotReads(snapshots: boolean, listEach: EngineSession["listEach"]) {
  /** Set inside withFreshReads: creates and updates decide from the engine's current answers, never a list. */
  const freshReads = new AsyncLocalStorage<true>();
  const bypass = () => freshReads.getStore() === true;
  const follow = (links: string): Query | undefined => (snapshots ? { follow: links } : undefined);
  const vmKeyed: Snapshot<{ id: string; name: string }>[] = [];
  return {
    snapshots,
    follow,
    snapshot: <T extends { id: string; name: string }>(listAll: () => Promise<Listed<T>[]>, direct: (id: string) => Promise<T | undefined>, opts: { readOnly?: boolean } = {}) =>
      (snapshots ? collectionSnapshot : directReads)(listAll, direct, opts.readOnly ? undefined : bypass),
    async followedList<T>(path: string, plural: string, singular: string, map: Mapper<T>, links: string): Promise<Listed<T>[]> {
      const query = follow(links);
      try {
        return await listEach(path, plural, singular, map, query);
      } catch (err) {
        // Only the list's own 400 (a link this engine cannot follow): a refused login or any
        // other failure on the way is that failure, never an empty collection.
        if (isOwnRefusal(err, 400, "GET", path)) return [];
        throw err;
      }
    },
    withFreshReads: <R>(op: () => Promise<R>) => freshReads.run(true, op),
    trackVmKeyed: (snapshot: Snapshot<{ id: string; name: string }>) => void vmKeyed.push(snapshot),
    vmWrite: <R>(id: string, op: () => Promise<R>): Promise<R> => vmKeyed.reduceRight<() => Promise<R>>((inner, s) => () => s.write(id, inner), op)(),
  };
}
