// The engine calls that `ovirt-console` makes as the person who opens a desktop: the user portal's
// view (every call with `Filter: true`, so a user without admin roles sees what they may use, as
// the engine's user portal does), a pool's allocatevm, the console ticket and .vv file, and the
// guest-agent logon (VmLogonCommand). It shares the transport, SSO login and XML mapping with the
// provider's client, and is kept apart from it because the provider acts as an administrator.

import { SsoSession } from "./auth.ts";
import { EngineError, faultError, isEngineError } from "./errors.ts";
import { createHttpTransport, type HttpRequest, type HttpResponse } from "./http.ts";
import { consoleFromXml, faultFromXml, permissionFromXml, poolFromXml, rootElement, ticketFromXml, ticketRequestToXml, vmFromXml, EMPTY_ACTION } from "./model.ts";
import { inlinedMembers } from "./collections/common.ts";
import type { EngineConfig, GraphicsConsole, Vm, VmPool } from "./types.ts";
import { buildXml, parseXml, type XmlObject } from "./xml.ts";

export interface ConsoleClient {
  /** The VM with exactly this name that the user may see, if any. */
  findVm(name: string): Promise<Vm | undefined>;
  /** The pool with exactly this name that the user may see, if any. */
  findPool(name: string): Promise<VmPool | undefined>;
  getVm(id: string, opts?: { nextRun?: boolean }): Promise<Vm | undefined>;
  /**
   * The VMs of the pool that the user already holds: those on which the engine gave them a
   * permission of their own (allocatevm does), as opposed to seeing them through the pool.
   */
  heldPoolVms(poolId: string): Promise<Vm[]>;
  /** Takes a desktop from the pool for the user and starts it (POST /vmpools/{id}/allocatevm); returns its id. */
  allocateVm(poolId: string): Promise<string>;
  startVm(id: string): Promise<void>;
  listGraphicsConsoles(vmId: string): Promise<GraphicsConsole[]>;
  setTicket(vmId: string, consoleId: string, expirySeconds: number): Promise<{ value: string; expiry: number }>;
  remoteViewerFile(vmId: string, consoleId: string): Promise<string | undefined>;
  /** Asks the guest agent to log the user in (POST /vms/{id}/logon). */
  logon(vmId: string): Promise<void>;
  close(): void;
}

const FILTERED = { Filter: "true", Version: "4" };

/** The few calls the console client makes: every request filtered and made as the user. */
interface FilteredCalls {
  /** GET of a document; undefined on a 404. */
  get(path: string, query?: Record<string, string | undefined>): Promise<XmlObject | undefined>;
  post(path: string, body: XmlObject): Promise<{ doc: XmlObject | undefined; status: number }>;
  close(): void;
}

export function createConsoleClient(config: EngineConfig): ConsoleClient {
  const calls = filteredCalls(config);
  return { ...userPortalReads(calls), ...desktopActions(calls), close: () => calls.close() };
}

/** The user's own transport and SSO login: on a 401, one fresh login and one retry; a status ≥ 300 throws. */
function filteredCalls(config: EngineConfig): FilteredCalls {
  const http = createHttpTransport(config);
  const session = new SsoSession(http, config.username, config.password);

  async function exchange(req: HttpRequest): Promise<HttpResponse> {
    const send = async (token: string) => http.send({ ...req, headers: { ...FILTERED, ...req.headers, Authorization: `Bearer ${token}` } });
    const token = await session.currentToken();
    let res = await send(token);
    if (res.status === 401) {
      session.invalidate(token);
      res = await send(await session.currentToken());
    }
    if (res.status >= 300) {
      const body = res.body.trim();
      const fault = body.startsWith("<") ? safeFault(body) : {};
      throw faultError(res.status, { ...fault, statusText: res.statusText, method: req.method, path: req.path });
    }
    return res;
  }

  return {
    async get(path, query) {
      try {
        const res = await exchange({ method: "GET", path, query, headers: { Accept: "application/xml" } });
        return parseXml(res.body, `GET ${path}`);
      } catch (err) {
        if (isEngineError(err) && err.status === 404) return undefined;
        throw err;
      }
    },
    async post(path, body) {
      const res = await exchange({ method: "POST", path, body: buildXml(body), headers: { Accept: "application/xml", "Content-Type": "application/xml" } });
      return { doc: res.body.trim() === "" ? undefined : parseXml(res.body, `POST ${path}`), status: res.status };
    },
    close: () => http.close(),
  };
}

/** The `<singular>` members of the document's `<plural>` list (none when there is no document). */
const listed = (doc: XmlObject | undefined, plural: string, singular: string): unknown[] => inlinedMembers(doc?.[plural], singular);

/** What the user portal shows the user: VMs and pools by name, one VM, and the pool's VMs the user holds. */
function userPortalReads(calls: FilteredCalls): Pick<ConsoleClient, "findVm" | "findPool" | "getVm" | "heldPoolVms"> {
  const vmsWhere = async (search: string): Promise<Vm[]> => listed(await calls.get("/vms", { search }), "vms", "vm").map((v) => vmFromXml(v, "GET /vms"));

  let me: Promise<string> | undefined;
  /** The logged-in user's id, from the API root's <authenticated_user> (read once). */
  function authenticatedUserId(): Promise<string> {
    me ??= calls.get("").then((doc) => {
      const user = ((doc?.api ?? {}) as XmlObject).authenticated_user as XmlObject | undefined;
      const id = user?.["@_id"];
      if (typeof id !== "string") throw new EngineError("the engine's API root names no authenticated_user", { kind: "malformed" });
      return id;
    });
    return me;
  }

  async function vmUserIds(vmId: string): Promise<string[]> {
    const path = `/vms/${encodeURIComponent(vmId)}/permissions`;
    return listed(await calls.get(path), "permissions", "permission").flatMap((p) => {
      const user = permissionFromXml(p, `GET ${path}`).user;
      return user?.id ? [user.id] : [];
    });
  }

  return {
    async findVm(name) {
      return (await vmsWhere(`name=${quoted(name)}`)).find((vm) => vm.name === name);
    },
    async findPool(name) {
      const pools = listed(await calls.get("/vmpools", { search: `name=${quoted(name)}` }), "vm_pools", "vm_pool").map((p) => poolFromXml(p, "GET /vmpools"));
      return pools.find((pool) => pool.name === name);
    },
    async getVm(id, opts) {
      const doc = await calls.get(`/vms/${encodeURIComponent(id)}`, opts?.nextRun ? { next_run: "true" } : undefined);
      return doc ? vmFromXml(rootElement(doc, "vm", `GET /vms/${id}`), `GET /vms/${id}`) : undefined;
    },
    async heldPoolVms(poolId) {
      const me = await authenticatedUserId();
      const members = (await vmsWhere("")).filter((vm) => vm.vm_pool?.id === poolId);
      const held = await Promise.all(members.map(async (vm) => ((await vmUserIds(vm.id)).includes(me) ? [vm] : [])));
      return held.flat();
    },
  };
}

/** What the user does with a desktop: take one from a pool, start it, open its console, log in. */
function desktopActions(calls: FilteredCalls): Omit<ConsoleClient, "findVm" | "findPool" | "getVm" | "heldPoolVms" | "close"> {
  const consolePath = (vmId: string, consoleId: string, action: string) =>
    `/vms/${encodeURIComponent(vmId)}/graphicsconsoles/${encodeURIComponent(consoleId)}/${action}`;
  return {
    async allocateVm(poolId) {
      const { doc } = await calls.post(`/vmpools/${encodeURIComponent(poolId)}/allocatevm`, EMPTY_ACTION);
      const vm = ((doc?.action ?? {}) as XmlObject).vm as XmlObject | undefined;
      const id = vm?.["@_id"];
      if (typeof id !== "string") throw new EngineError(`the engine's answer to allocatevm on pool ${poolId} names no VM`, { kind: "malformed" });
      return id;
    },
    async startVm(id) {
      await calls.post(`/vms/${encodeURIComponent(id)}/start`, EMPTY_ACTION);
    },
    async listGraphicsConsoles(vmId) {
      const path = `/vms/${encodeURIComponent(vmId)}/graphicsconsoles`;
      return listed(await calls.get(path), "graphics_consoles", "graphics_console").map((c) => consoleFromXml(c, `GET ${path}`));
    },
    async setTicket(vmId, consoleId, expirySeconds) {
      const path = consolePath(vmId, consoleId, "ticket");
      const { doc } = await calls.post(path, ticketRequestToXml(expirySeconds));
      const ticket = ticketFromXml(rootElement(doc ?? {}, "action", `POST ${path}`), `POST ${path}`);
      return { value: ticket.value, expiry: ticket.expiry ?? expirySeconds };
    },
    async remoteViewerFile(vmId, consoleId) {
      const { doc, status } = await calls.post(consolePath(vmId, consoleId, "remoteviewerconnectionfile"), EMPTY_ACTION);
      if (status === 204 || !doc) return undefined;
      const file = ((doc.action ?? {}) as XmlObject).remote_viewer_connection_file;
      return typeof file === "string" && file !== "" ? file : undefined;
    },
    async logon(vmId) {
      await calls.post(`/vms/${encodeURIComponent(vmId)}/logon`, EMPTY_ACTION);
    },
  };
}

function quoted(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replace(/"/g, '\\"')}"` : value;
}

function safeFault(body: string): { reason?: string; detail?: string } {
  try {
    return faultFromXml(parseXml(body, "fault"));
  } catch {
    return {};
  }
}
