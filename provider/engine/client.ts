// The engine client: the EngineClient calls over HTTP + XML, with SSO auth, a check that the URL is
// an engine, retries with backoff (creates included, made safe by the creation marker), and waits
// with deadlines. "Gone" is decided here alone: only the verified engine's own 404 means it.

import { AsyncLocalStorage } from "node:async_hooks";
import { SsoSession } from "./auth.ts";
import { EngineError, faultError, isEngineError, isNameInUse, isNotFound, isUncertainFailure } from "./errors.ts";
import { createHttpTransport } from "./http.ts";
import type { HttpRequest, HttpResponse } from "./http.ts";
import {
  EMPTY_ACTION, startActionToXml, clusterFromXml, collection, consoleFromXml, faultFromXml, permissionFromXml, permissionToXml, poolFromXml, poolToXml,
  rootElement, userFromXml,
  templateCreateToXml, templateFromXml, templateUpdateToXml, ticketFromXml, ticketRequestToXml, versionFromXml,
  vmCreateToXml, vmFromXml, vmUpdateToXml,
} from "./model.ts";
import { createDeviceCalls, DEVICE_LINKS, followedDevices } from "./devices.ts";
import type { EngineDevices } from "./devices.ts";
import { DEFAULT_RETRY_POLICY, withRetry } from "./retry.ts";
import { collectionSnapshot, directReads, type Snapshot } from "./snapshot.ts";
import type { RetryPolicy } from "./retry.ts";
import type {
  Cluster, EngineClient, EngineConfig, GraphicsConsole, Permission, PermissionTarget, Template, TemplateStatus, Vm, VmBase, VmStatus,
  WaitOptions,
} from "./types.ts";
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_WAIT_TIMEOUT_MS, waitFor } from "./wait.ts";
import { buildXml, mapMembers, parseXml } from "./xml.ts";
import type { XmlObject } from "./xml.ts";

export const BLANK_TEMPLATE_ID = "00000000-0000-0000-0000-000000000000";
export const DEFAULT_TICKET_EXPIRY_SECONDS = 7200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/**
 * A search term `key=value`. Plain names go as they are; others are quoted so spaces and the
 * search language's keywords stay part of the value.
 */
export function searchTerm(key: string, value: string): string {
  return /^[\w.\-*]+$/.test(value) ? `${key}=${value}` : `${key}="${value.replace(/["\\]/g, "\\$&")}"`;
}

/** The entities named exactly `name`: the engine's name search ignores case and treats `*` as a wildcard. */
const named = <T extends { name: string }>(items: T[], name: string): T[] => items.filter((item) => item.name === name);

/** Path segments from callers (ids) are encoded so they cannot change the route. */
const seg = (s: string) => encodeURIComponent(s);

const permissionsPath = (target: PermissionTarget) => `/${target.kind === "vm" ? "vms" : "vmpools"}/${seg(target.id)}/permissions`;

/** A VM as a snapshot keeps it: the mapped VM (with its disks and NICs when the engine inlined them). */
interface VmEntry {
  id: string;
  name: string;
  vm: Vm;
}

interface TemplateEntry {
  id: string;
  name: string;
  template: Template;
}

/** A VM's or pool's permissions or consoles, from a followed list; `items` undefined when the engine did not inline them. */
interface LinkedEntry<T> {
  id: string;
  name: string;
  items?: T[];
}

interface CallOptions {
  /** Safe to repeat: retried on transient failures. */
  idempotent?: boolean;
}

export function createEngineClient(config: EngineConfig): EngineClient {
  const http = createHttpTransport(config);
  const session = new SsoSession(http, config.username, config.password);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(config.retry ?? {}) };
  const retryUntilCancelled = { signal: config.signal };
  const waitDefaults = {
    timeoutMs: config.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS,
    intervalMs: config.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
  };
  /** Apache in front of a real engine answers 417 to unknown `Expect` values; then X-Ovirt-Expect alone is used. */
  let expectHeaderRefused = false;

  // ------------------------------------------------------------------------------------------
  // Request plumbing

  /**
   * An answer no engine API gives: a redirect, or an HTML page where the engine sends a `<fault>`
   * or nothing (a web server's 404, a login portal). The URL points somewhere else.
   */
  function notEngineAnswer(res: HttpResponse, req: HttpRequest): EngineError | undefined {
    const redirect = res.status >= 300 && res.status < 400;
    if (!redirect && !(res.status === 404 && isHtml(res))) return undefined;
    const what = redirect ? `a redirect (${res.status}) to ${res.headers.location ?? "elsewhere"}` : `a web page (${res.status} ${res.statusText}), not the engine's answer`;
    return new EngineError(
      `${req.method} ${req.path} got ${what}: ovirt:url (${http.apiUrl}) does not point at an oVirt engine API; ` +
        "set it to the engine's API root, e.g. https://engine.example.com/ovirt-engine/api",
      { kind: "not_engine", status: res.status, method: req.method, path: req.path },
    );
  }

  function faultFromResponse(res: HttpResponse, req: HttpRequest): EngineError {
    const notEngine = notEngineAnswer(res, req);
    if (notEngine) return notEngine;
    let reason: string | undefined;
    let detail: string | undefined;
    const body = res.body.trim();
    if (body.startsWith("<")) {
      try {
        ({ reason, detail } = faultFromXml(parseXml(body, `${req.method} ${req.path}`)));
      } catch {
        // An HTML error page: fall back to the status text.
      }
    } else if (body.startsWith("{")) {
      try {
        const j = JSON.parse(body) as { reason?: unknown; detail?: unknown };
        if (typeof j.reason === "string") reason = j.reason;
        if (typeof j.detail === "string") detail = j.detail;
      } catch {
        // Not JSON after all.
      }
    }
    return faultError(res.status, { reason, detail, statusText: res.statusText, method: req.method, path: req.path });
  }

  /** One authenticated exchange: on 401, exactly one fresh login and one retry. */
  async function exchange(req: HttpRequest): Promise<HttpResponse> {
    const withToken = (token: string): HttpRequest => ({ ...req, headers: { ...req.headers, Authorization: `Bearer ${token}` } });
    const token = await session.currentToken();
    let res = await http.send(withToken(token));
    if (res.status === 401) {
      session.invalidate(token);
      const fresh = await session.currentToken();
      res = await http.send(withToken(fresh));
      if (res.status === 401) {
        throw new EngineError(
          `engine refused (401): it rejected a freshly issued SSO token for ${config.username} on ${req.method} ${req.path}; ` +
            "check that this user may use the REST API",
          { kind: "auth", status: 401, method: req.method, path: req.path },
        );
      }
    }
    if (res.status >= 300) throw faultFromResponse(res, req);
    return res;
  }

  /**
   * The API root, read once per client before any other call: only an answer with the engine's
   * product information proves that ovirt:url is an engine, so that its 404s mean "no such entity".
   * A failed check is not remembered (the next call checks again).
   */
  let verified: Promise<string> | undefined;
  function verifyEngine(): Promise<string> {
    verified ??= withRetry(policy, () => readApiRoot(), retryUntilCancelled);
    verified.catch(() => (verified = undefined));
    return verified;
  }

  async function readApiRoot(): Promise<string> {
    const req: HttpRequest = { method: "GET", path: "" };
    let doc: XmlObject;
    try {
      doc = parseXml((await exchange(req)).body, ctx(req));
    } catch (err) {
      if (isEngineError(err) && (err.kind === "malformed" || (err.kind === "fault" && err.status !== undefined && err.status < 500))) {
        throw notAnEngine(`it answered ${err.message}`, err);
      }
      throw err;
    }
    const api = doc.api;
    if (api === null || typeof api !== "object" || (api as XmlObject).product_info === undefined) {
      throw notAnEngine(`its answer has no <api> root with <product_info> (root elements: ${Object.keys(doc).join(", ") || "none"})`);
    }
    return versionFromXml(api, ctx(req));
  }

  function notAnEngine(why: string, cause?: unknown): EngineError {
    return new EngineError(
      `ovirt:url (${http.apiUrl}) is not an oVirt engine API root: ${why}; ` +
        "set it to the engine's API root, e.g. https://engine.example.com/ovirt-engine/api",
      { kind: "not_engine", cause },
    );
  }

  async function call(req: HttpRequest, opts: CallOptions = {}): Promise<HttpResponse> {
    await verifyEngine();
    if (!opts.idempotent) return exchange(req);
    return withRetry(policy, () => exchange(req), retryUntilCancelled);
  }

  const ctx = (req: HttpRequest) => `${req.method} ${req.path}`;

  async function getDoc(path: string, query?: Record<string, string | undefined>, headers?: Record<string, string>): Promise<{ doc: XmlObject; context: string }> {
    const req: HttpRequest = { method: "GET", path, query, headers };
    const res = await call(req, { idempotent: true });
    return { doc: parseXml(res.body, ctx(req)), context: ctx(req) };
  }

  /** GET of one entity; undefined on 404. */
  async function getOne<T>(path: string, root: string, map: (v: unknown, c: string) => T, query?: Record<string, string | undefined>, headers?: Record<string, string>): Promise<T | undefined> {
    try {
      const { doc, context } = await getDoc(path, query, headers);
      return map(rootElement(doc, root, context), context);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async function list<T>(path: string, plural: string, singular: string, map: (v: unknown, c: string) => T, query?: Record<string, string | undefined>): Promise<T[]> {
    const req: HttpRequest = { method: "GET", path, query };
    const res = await call(req, { idempotent: true });
    const context = ctx(req);
    const members = mapMembers(res.body, plural, singular, context, (item) => map(item, context));
    return members ?? collection(parseXml(res.body, context), plural, singular, context).map((item) => map(item, context));
  }

  async function sendXml(method: "POST" | "PUT", path: string, body: XmlObject, opts: CallOptions & { query?: Record<string, string | undefined>; headers?: Record<string, string> } = {}): Promise<{ doc: XmlObject | undefined; context: string; res: HttpResponse }> {
    const req: HttpRequest = { method, path, query: opts.query, body: buildXml(body), headers: opts.headers };
    const res = await call(req, opts);
    const doc = res.status === 204 || res.body.trim() === "" ? undefined : parseXml(res.body, ctx(req));
    return { doc, context: ctx(req), res };
  }

  async function remove(path: string, query?: Record<string, string | undefined>): Promise<void> {
    try {
      await call({ method: "DELETE", path, query }, { idempotent: true });
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
  }

  /** Picks the entity named exactly `name` from a search answer (searches are case-insensitive and allow `*`). */
  function exactName<T extends { name: string }>(items: T[], name: string): T | undefined {
    return items.find((i) => i.name === name) ?? (items.length === 1 && items[0]?.name.toLowerCase() === name.toLowerCase() ? items[0] : undefined);
  }

  /**
   * A create, safe against lost answers and crashes. The entity carries `marker` (in its comment),
   * which ties it to the resource that asked for it. Transient failures (5xx, dropped connections,
   * timeouts, "locked" 409s) are retried with backoff; after one that may have reached the engine, a
   * lookup by name decides: the entity with our marker is adopted, none means send again. A "name in
   * use" refusal adopts the entity when it carries our marker (left by an interrupted create), and
   * otherwise fails naming the entity that holds the name.
   */
  async function create<T extends { id: string; name: string; comment?: string }>(
    what: string, name: string, marker: string | undefined, post: () => Promise<T>, lookup: () => Promise<T | undefined>,
  ): Promise<T> {
    // Log in and verify first (safe to retry), so neither is ever mistaken for an uncertain create.
    await withRetry(policy, () => session.currentToken(), retryUntilCancelled);
    await verifyEngine();
    const adopt = (found: T, why: string): T => {
      config.log?.(`adopted ${what} ${name} (id ${found.id}): ${why}`);
      return found;
    };
    return withRetry(
      policy,
      async () => {
        try {
          return await post();
        } catch (err) {
          const nameInUse = isNameInUse(err);
          if (!nameInUse && !isUncertainFailure(err)) throw err;
          const found = await lookUpAfter(what, name, lookup, err);
          if (found && (marker === undefined ? !nameInUse : found.comment === marker)) {
            return adopt(found, nameInUse ? "it carries this resource's marker (an interrupted create)" : "the create went through");
          }
          if (found || nameInUse) throw nameTaken(what, name, found, err);
          throw err; // Nothing was made: a transient failure, sent again.
        }
      },
      retryUntilCancelled,
    );
  }

  async function lookUpAfter<T>(what: string, name: string, lookup: () => Promise<T | undefined>, err: unknown): Promise<T | undefined> {
    try {
      return await lookup();
    } catch (lookupErr) {
      const e = err as EngineError;
      throw new EngineError(
        `creating ${what} ${name} may or may not have succeeded: ${e.message}; looking it up by name failed too: ${(lookupErr as Error).message}`,
        { kind: e.kind, status: e.status, code: e.code, cause: err },
      );
    }
  }

  function nameTaken(what: string, name: string, found: { id: string; comment?: string } | undefined, cause: unknown): EngineError {
    const holder = found ? `${what} ${found.id}${found.comment ? ` (comment "${found.comment}")` : ""}` : `another ${what}`;
    const e = cause as EngineError;
    return new EngineError(
      `${e.status === 409 ? e.message : `engine refused: the ${what} name is in use`}; "${name}" is held by ${holder}, which this resource did not create: ` +
        `choose another name, remove that ${what}, or import it (pulumi import ... ${found?.id ?? "<id>"})`,
      { kind: "conflict", status: 409, reason: e.reason, detail: e.detail, cause },
    );
  }

  // ------------------------------------------------------------------------------------------
  // Lookups

  async function resolveBy<T extends { id: string; name: string }>(
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

  const clusters = new Map<string, Promise<Cluster>>();
  const getCluster = (id: string) => getOne(`/clusters/${seg(id)}`, "cluster", clusterFromXml);
  const findClusterByName = async (name: string) =>
    exactName(await list("/clusters", "clusters", "cluster", clusterFromXml, { search: searchTerm("name", name) }), name);

  // Reads, served from the process's collection snapshots when config.snapshots is on (see
  // snapshot.ts): one list per kind, carrying what the engine can inline with it (`follow`), so a
  // refresh of N VMs costs a few lists, not N reads of each part.
  const snapshots = config.snapshots === true;
  const snapshot = snapshots ? collectionSnapshot : directReads;
  /** Set inside withFreshReads: creates and updates decide from the engine's current answers, never a list. */
  const freshReads = new AsyncLocalStorage<true>();
  const bypass = () => freshReads.getStore() === true;
  /** Inlined with VMs and templates when snapshots are on: what every VM read needs besides the VM. */
  const follow = (links: string) => (snapshots ? { follow: links } : undefined);
  /** A followed list the engine refuses (400: a link it cannot follow) counts as empty: every read then asks per entity. */
  const followedList = async <T>(path: string, plural: string, singular: string, map: (v: unknown, c: string) => T, links: string): Promise<T[]> => {
    try {
      return await list(path, plural, singular, map, follow(links));
    } catch (err) {
      if (isEngineError(err) && err.status === 400) return [];
      throw err;
    }
  };

  /** A lookup by name: from the snapshot's list when it can answer, else a name search in the engine. */
  const findByName = <E extends { id: string; name: string }, T extends { name: string }>(
    snap: Snapshot<E>,
    entity: (entry: E) => T,
    direct: (name: string) => Promise<T | undefined>,
  ) =>
    async (name: string): Promise<T | undefined> => {
      const listed = await snap.named(name);
      return listed ? exactName(listed.map(entity), name) : direct(name);
    };

  const vmEntry = (item: unknown, context: string): VmEntry => {
    const vm = withDevices(vmFromXml(item, context), item, context);
    return { id: vm.id, name: vm.name, vm };
  };
  const vms = snapshot(
    () => followedList("/vms", "vms", "vm", vmEntry, DEVICE_LINKS),
    (id) => getOne(`/vms/${seg(id)}`, "vm", vmEntry, follow(DEVICE_LINKS)),
    bypass,
  );
  /** One VM straight from the engine: the next-run configuration or all content, which no list carries. */
  const getVmDirect: EngineClient["getVm"] = (id, opts = {}) =>
    getOne(
      `/vms/${seg(id)}`,
      "vm",
      vmFromXml,
      { next_run: opts.nextRun ? "true" : undefined, all_content: opts.allContent ? "true" : undefined },
      opts.allContent ? { "All-Content": "true" } : undefined,
    );
  const listVms: EngineClient["listVms"] = (search) =>
    list("/vms", "vms", "vm", vmFromXml, search === undefined || search === "" ? undefined : { search });
  const getVm: EngineClient["getVm"] = async (id, opts = {}) =>
    opts.nextRun || opts.allContent ? getVmDirect(id, opts) : (await vms.get(id))?.vm;
  const findVmByNameDirect = async (name: string) => exactName(await listVms(searchTerm("name", name)), name);
  const findVmByName: EngineClient["findVmByName"] = findByName(vms, (e) => e.vm, findVmByNameDirect);

  const templateEntry = (item: unknown, context: string): TemplateEntry => {
    const template = withDevices(templateFromXml(item, context), item, context);
    return { id: template.id, name: template.name, template };
  };
  const templateSnapshot = snapshot(
    () => followedList("/templates", "templates", "template", templateEntry, DEVICE_LINKS),
    (id) => getOne(`/templates/${seg(id)}`, "template", templateEntry, follow(DEVICE_LINKS)),
    bypass,
  );
  const getTemplate: EngineClient["getTemplate"] = async (id) => (await templateSnapshot.get(id))?.template;
  /** Template lookups by name or id, once per process like clusters; any template write forgets them. */
  const templates = new Map<string, Promise<Template>>();
  const templateWrite = <R>(id: string, op: () => Promise<R>): Promise<R> => {
    templates.clear();
    return templateSnapshot.write(id, op);
  };
  const findTemplateByNameDirect = async (name: string) =>
    exactName(await list("/templates", "templates", "template", templateFromXml, { search: searchTerm("name", name) }), name);
  const findTemplateByName: EngineClient["findTemplateByName"] = findByName(templateSnapshot, (e) => e.template, findTemplateByNameDirect);

  const poolEntry = (item: unknown, context: string) => {
    const pool = poolFromXml(item, context);
    return { id: pool.id, name: pool.name, pool };
  };
  const pools = snapshot(
    () => list("/vmpools", "vm_pools", "vm_pool", poolEntry),
    (id) => getOne(`/vmpools/${seg(id)}`, "vm_pool", poolEntry),
    bypass,
  );
  const getPool: EngineClient["getPool"] = async (id) => (await pools.get(id))?.pool;
  const findPoolByNameDirect = async (name: string) =>
    exactName(await list("/vmpools", "vm_pools", "vm_pool", poolFromXml, { search: searchTerm("name", name) }), name);
  const findPoolByName: EngineClient["findPoolByName"] = findByName(pools, (e) => e.pool, findPoolByNameDirect);
  /** A pool write: its VMs come and go with it, so the VM list is taken again. */
  const poolWrite = <R>(id: string, op: () => Promise<R>): Promise<R> => {
    vms.invalidate();
    return pools.write(id, op).finally(() => vms.invalidate());
  };

  // Permissions and consoles: each its own followed list, taken at the first read of that kind
  // (only programs that manage users or console policies need them).
  const permissionsEntry = (item: unknown, context: string): LinkedEntry<Permission> => {
    const owner = item !== null && typeof item === "object" ? (item as XmlObject) : {};
    return {
      id: String(owner["@_id"] ?? ""),
      name: typeof owner.name === "string" ? owner.name : "",
      items: "permissions" in owner ? members(owner.permissions, "permission").map((p) => permissionFromXml(p, context)) : undefined,
    };
  };
  const listPermissionsDirect = (target: PermissionTarget) => list(permissionsPath(target), "permissions", "permission", permissionFromXml);
  const permissionsOf = (kind: PermissionTarget["kind"]) =>
    snapshot(
      () => followedList(kind === "vm" ? "/vms" : "/vmpools", kind === "vm" ? "vms" : "vm_pools", kind === "vm" ? "vm" : "vm_pool", permissionsEntry, "permissions"),
      async (id) => ({ id, name: "", items: await listPermissionsDirect({ kind, id }) }),
      bypass,
    );
  const permissions = { vm: permissionsOf("vm"), pool: permissionsOf("pool") };
  const listPermissions: EngineClient["listPermissions"] = async (target) => {
    const entry = await permissions[target.kind].get(target.id);
    return entry?.items ?? listPermissionsDirect(target);
  };

  const consolesEntry = (item: unknown, context: string): LinkedEntry<GraphicsConsole> => {
    const owner = item !== null && typeof item === "object" ? (item as XmlObject) : {};
    return {
      id: String(owner["@_id"] ?? ""),
      name: typeof owner.name === "string" ? owner.name : "",
      items: "graphics_consoles" in owner ? members(owner.graphics_consoles, "graphics_console").map((c) => consoleFromXml(c, context)) : undefined,
    };
  };
  const listConsolesDirect = (vmId: string) => list(`/vms/${seg(vmId)}/graphicsconsoles`, "graphics_consoles", "graphics_console", consoleFromXml);
  const consoles = snapshot(
    () => followedList("/vms", "vms", "vm", consolesEntry, "graphics_consoles"),
    async (id) => ({ id, name: "", items: await listConsolesDirect(id) }),
    bypass,
  );

  /** A write of one VM: its entries in every VM-keyed snapshot are read from the engine from now on. */
  const vmWrite = <R>(id: string, op: () => Promise<R>): Promise<R> =>
    vms.write(id, () => consoles.write(id, () => permissions.vm.write(id, op)));

  const userEntry = (item: unknown, context: string) => {
    const user = userFromXml(item, context);
    return { id: user.id, name: user.user_name, user };
  };
  const users = snapshot(() => list("/users", "users", "user", userEntry), (id) => getOne(`/users/${seg(id)}`, "user", userEntry));

  // ------------------------------------------------------------------------------------------
  // Actions and waits

  /**
   * A VM action (`<action/>`), retried like idempotent calls. If a retry after an uncertain failure
   * is refused with 409, the VM's status decides whether the first attempt did take effect.
   */
  async function vmAction(id: string, action: "start" | "stop" | "shutdown", settled: VmStatus[], body: XmlObject = EMPTY_ACTION): Promise<void> {
    let uncertain = false;
    await verifyEngine();
    await vmWrite(id, () => withRetry(policy, async () => {
      try {
        await exchange({ method: "POST", path: `/vms/${seg(id)}/${action}`, body: buildXml(body) });
      } catch (err) {
        if (uncertain && isEngineError(err) && err.status === 409) {
          const vm = await getVmDirect(id);
          if (vm && settled.includes(vm.status)) return;
        }
        if (isUncertainFailure(err)) uncertain = true;
        throw err;
      }
    }, retryUntilCancelled));
  }

  function waitOpts(opts: WaitOptions | undefined) {
    return {
      timeoutMs: opts?.timeoutMs ?? waitDefaults.timeoutMs,
      intervalMs: opts?.pollIntervalMs ?? waitDefaults.intervalMs,
      // The client's own cancellation (the provider's Cancel) applies to every wait, not just those given one.
      signal: opts?.signal ?? config.signal,
    };
  }

  const goneError = (what: string, id: string, goal: string) =>
    new EngineError(`${what} ${id} disappeared while waiting for it to ${goal}`, { kind: "not_found", status: 404 });

  /** Polls `get` until the entity's status is one of `statuses`; an entity that vanishes is an error. */
  function waitForStatus<T extends { name: string; status: string }>(
    what: string, id: string, statuses: readonly string[], get: () => Promise<T | undefined>, opts?: WaitOptions,
  ): Promise<T> {
    const goal = `become ${statuses.join(" or ")}`;
    return waitFor<T>({
      entity: what,
      entityId: id,
      goal,
      ...waitOpts(opts),
      poll: async () => {
        const e = await get();
        if (!e) throw goneError(what, id, goal);
        return { done: statuses.includes(e.status), value: e, status: e.status, entity: `${what} ${e.name}` };
      },
    });
  }

  async function waitForGone(what: string, id: string, get: () => Promise<{ name: string; status?: string } | undefined>, opts?: WaitOptions): Promise<void> {
    await waitFor<void>({
      entity: what,
      entityId: id,
      goal: "be removed",
      ...waitOpts(opts),
      poll: async () => {
        const e = await get();
        return e === undefined ? { done: true } : { done: false, status: e.status ?? "present", entity: `${what} ${e.name}` };
      },
    });
  }

  // ------------------------------------------------------------------------------------------
  // The client

  const client: EngineClient = {
    async ping() {
      return { version: await verifyEngine() };
    },

    // Clusters are data-center infrastructure that a deployment does not change, and templates
    // change only through this client (which forgets them then): each is looked up once per
    // provider process (a hundred desktops need one lookup, not a hundred).
    resolveCluster: (nameOrId): Promise<Cluster> => remembered(clusters, nameOrId, () => resolveBy("cluster", nameOrId, getCluster, findClusterByName)),
    resolveTemplate: (nameOrId): Promise<Template> =>
      remembered(templates, nameOrId, () => resolveBy("template", nameOrId, getTemplate, findTemplateByName)),

    getVm,
    findVmByName,
    listVms,

    createVm: (vm, opts = {}) => {
      // The new VM is not in a list taken before: reads of its id ask the engine, lookups of its name too.
      vms.touchName(vm.name);
      return create("VM", vm.name, vm.comment, async () => {
        const query = opts.clone ? { clone: "true" } : undefined;
        const headers: Record<string, string> = expectHeaderRefused
          ? { "X-Ovirt-Expect": "201-created" }
          : { Expect: "201-created", "X-Ovirt-Expect": "201-created" };
        try {
          const { doc, context } = await sendXml("POST", "/vms", vmCreateToXml(vm), { headers, query });
          return vmFromXml(rootElement(doc ?? {}, "vm", context), context);
        } catch (err) {
          // 417 Expectation Failed is a definite refusal (nothing created): resend without `Expect`.
          if (isEngineError(err) && err.status === 417 && !expectHeaderRefused) {
            expectHeaderRefused = true;
            const { doc, context } = await sendXml("POST", "/vms", vmCreateToXml(vm), { headers: { "X-Ovirt-Expect": "201-created" }, query });
            return vmFromXml(rootElement(doc ?? {}, "vm", context), context);
          }
          throw err;
        }
      }, () => findVmByNameDirect(vm.name));
    },

    updateVm: (id, patch: Partial<VmBase>, opts = {}) => {
      if (patch.name !== undefined) vms.touchName(patch.name);
      return vmWrite(id, async () => {
        const { doc, context } = await sendXml("PUT", `/vms/${seg(id)}`, vmUpdateToXml(patch), {
          idempotent: true,
          query: opts.nextRun ? { next_run: "true" } : undefined,
        });
        return vmFromXml(rootElement(doc ?? {}, "vm", context), context);
      });
    },

    deleteVm: (id) => vmWrite(id, () => remove(`/vms/${seg(id)}`)),
    startVm: (id, opts) => vmAction(id, "start", ["up", "powering_up", "wait_for_launch"], startActionToXml(opts)),
    stopVm: (id) => vmAction(id, "stop", ["down"]),
    shutdownVm: (id) => vmAction(id, "shutdown", ["down", "powering_down"]),

    waitForVm: (id, statuses, opts) => waitForStatus("VM", id, statuses, async () => (await vms.fresh(id))?.vm, opts),

    waitForVmGone: (id, opts) => waitForGone("VM", id, async () => (await vms.fresh(id))?.vm, opts),

    getTemplate,
    findTemplateByName,

    createTemplate: (t) => {
      templates.clear();
      templateSnapshot.touchName(t.name);
      const post = () => create("template", t.name, t.comment, async () => {
        const { doc, context } = await sendXml("POST", "/templates", templateCreateToXml(t));
        return templateFromXml(rootElement(doc ?? {}, "template", context), context);
      }, () => findTemplateByNameDirect(t.name));
      // The source VM is locked while its disks are copied: its reads ask the engine from now on.
      return t.vm.id ? vmWrite(t.vm.id, post) : post();
    },

    updateTemplate: (id, patch) => {
      if (patch.name !== undefined) templateSnapshot.touchName(patch.name);
      return templateWrite(id, async () => {
        const { doc, context } = await sendXml("PUT", `/templates/${seg(id)}`, templateUpdateToXml(patch), { idempotent: true });
        return templateFromXml(rootElement(doc ?? {}, "template", context), context);
      });
    },

    deleteTemplate: (id) => templateWrite(id, () => remove(`/templates/${seg(id)}`)),

    waitForTemplate: (id, statuses: TemplateStatus[], opts) =>
      waitForStatus("template", id, statuses, async () => (await templateSnapshot.fresh(id))?.template, opts),

    getPool,
    findPoolByName,

    createPool: async (p) => {
      pools.touchName(p.name);
      vms.invalidate();
      try {
        return await create("pool", p.name, p.comment, async () => {
          const { doc, context } = await sendXml("POST", "/vmpools", poolToXml(p));
          return poolFromXml(rootElement(doc ?? {}, "vm_pool", context), context);
        }, () => findPoolByNameDirect(p.name));
      } finally {
        vms.invalidate(); // the pool's VMs
      }
    },

    updatePool: (id, patch) =>
      poolWrite(id, async () => {
        const { doc, context } = await sendXml("PUT", `/vmpools/${seg(id)}`, poolToXml(patch), { idempotent: true });
        return poolFromXml(rootElement(doc ?? {}, "vm_pool", context), context);
      }),

    // Removing a pool removes its VMs too.
    deletePool: (id) => poolWrite(id, () => remove(`/vmpools/${seg(id)}`)),

    async listPoolVms(poolId): Promise<Vm[]> {
      // From the VM list, unless this process has written the pool (then its VMs are being made: ask).
      const listed = pools.wasWritten(poolId) ? undefined : await vms.listed();
      if (listed) {
        const members = listed.filter((e) => e.vm.vm_pool?.id === poolId);
        return (await Promise.all(members.map((e) => vms.get(e.id)))).flatMap((e) => (e ? [e.vm] : []));
      }
      const pool = await getPool(poolId);
      if (!pool) return [];
      let found: Vm[];
      try {
        found = await listVms(searchTerm("pool", pool.name));
      } catch (err) {
        // An engine that does not know the `pool` search key: list all and filter by link.
        if (!(isEngineError(err) && err.status === 400)) throw err;
        found = await listVms();
      }
      // The search is a name match (wildcards, case): the vm_pool link is what decides membership.
      return found.filter((vm) => vm.vm_pool?.id === poolId);
    },

    waitForPoolGone: (id, opts) => waitForGone("pool", id, async () => (await pools.fresh(id))?.pool, opts),

    async findUser(userName) {
      // Users are only read here: the list serves the names it has; any other is searched for.
      const listed = (await users.named(userName))?.find((e) => e.user.user_name === userName);
      if (listed) return listed.user;
      const found = await list("/users", "users", "user", userFromXml, { search: searchTerm("usrname", userName) });
      return found.find((u) => u.user_name === userName);
    },
    getUser: async (id) => (await users.get(id))?.user,
    listPermissions,
    addPermission: (target, grant) => {
      // Retried like the VM actions: when a resend after a lost answer is refused (409), the
      // permission list shows whether the first one took.
      let uncertain = false;
      return permissions[target.kind].write(target.id, () => withRetry(policy, async () => {
        try {
          const { doc, context } = await sendXml("POST", permissionsPath(target), permissionToXml(grant));
          return permissionFromXml(rootElement(doc ?? {}, "permission", context), context);
        } catch (err) {
          if (uncertain && isEngineError(err) && err.status === 409) {
            const granted = (await listPermissions(target)).find((p) => p.user?.id === grant.userId);
            if (granted) return granted;
          }
          if (isUncertainFailure(err)) uncertain = true;
          throw err;
        }
      }, retryUntilCancelled));
    },
    removePermission: (target, permissionId) =>
      permissions[target.kind].write(target.id, () => remove(`${permissionsPath(target)}/${seg(permissionId)}`)),

    listGraphicsConsoles: async (vmId): Promise<GraphicsConsole[]> => (await consoles.get(vmId))?.items ?? listConsolesDirect(vmId),

    async setTicket(vmId, consoleId, expirySeconds) {
      const { doc, context } = await sendXml("POST", `/vms/${seg(vmId)}/graphicsconsoles/${seg(consoleId)}/ticket`, ticketRequestToXml(expirySeconds), {
        idempotent: true,
      });
      const t = ticketFromXml(rootElement(doc ?? {}, "action", context), context);
      return { value: t.value, expiry: t.expiry ?? expirySeconds ?? DEFAULT_TICKET_EXPIRY_SECONDS };
    },

    async remoteViewerFile(vmId, consoleId) {
      const { doc, context, res } = await sendXml("POST", `/vms/${seg(vmId)}/graphicsconsoles/${seg(consoleId)}/remoteviewerconnectionfile`, EMPTY_ACTION, {
        idempotent: true,
      });
      if (res.status === 204 || doc === undefined) return undefined;
      const action = rootElement(doc, "action", context);
      const file = action !== null && typeof action === "object" ? (action as XmlObject).remote_viewer_connection_file : undefined;
      if (typeof file !== "string" || file === "") {
        throw new EngineError(`the engine's answer to ${context} has no remote_viewer_connection_file`, { kind: "malformed" });
      }
      return file.endsWith("\n") ? file : `${file}\n`;
    },

    getCluster,
    clustersNamed: async (name) => named(await list("/clusters", "clusters", "cluster", clusterFromXml, { search: searchTerm("name", name) }), name),
    templatesNamed: async (name) => named(await list("/templates", "templates", "template", templateFromXml, { search: searchTerm("name", name) }), name),
    vmsNamed: async (name) => named(await listVms(searchTerm("name", name)), name),
    poolsNamed: async (name) => named(await list("/vmpools", "vm_pools", "vm_pool", poolFromXml, { search: searchTerm("name", name) }), name),

    ...createDeviceCalls({
      getOne, list, sendXml, remove, resolveBy, snapshots,
      vmDevices: async (vmId) => devicesOf((await vms.get(vmId))?.vm),
      templateDevices: async (templateId) => devicesOf((await templateSnapshot.get(templateId))?.template),
      vmWrite,
      waitUntil: (what, id, goal, poll, opts) =>
        waitFor({ entity: what, entityId: id, goal, ...waitOpts(opts), poll: async () => ({ ...(await poll()), entity: `${what} ${id}` }) }),
    }),

    withFreshReads: (op) => freshReads.run(true, op),

    close() {
      http.close();
    },
  };
  return client;
}

/** The lookup for `key`, made once; a failed one is not remembered. */
function remembered<T>(cache: Map<string, Promise<T>>, key: string, lookUp: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) {
    found = lookUp();
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

/** The entity with the disks and NICs the engine inlined in `item` (when it did). */
function withDevices<T extends Vm | Template>(entity: T, item: unknown, context: string): T {
  const devices = followedDevices(item, context);
  if (devices) {
    entity.disk_attachments = devices.disks;
    entity.nics = devices.nics;
  }
  return entity;
}

function devicesOf(entity: Vm | Template | undefined): EngineDevices | undefined {
  return entity?.disk_attachments && entity.nics ? { disks: entity.disk_attachments, nics: entity.nics } : undefined;
}

/** The members of an inlined collection element (`<nics><nic/>…</nics>`; empty is ""). */
function members(element: unknown, singular: string): unknown[] {
  if (element === null || typeof element !== "object") return [];
  const items = (element as XmlObject)[singular];
  return items === undefined ? [] : Array.isArray(items) ? items : [items];
}

function isHtml(res: HttpResponse): boolean {
  return (res.headers["content-type"] ?? "").includes("text/html") || /^\s*<(!doctype html|html)/i.test(res.body);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
