// Helpers the collections share: permissions, body parsing, lookups by id or name, and the
// rendering of the settings VMs, templates and pool VMs have in common.
import { parseBody, ref, SyntaxProblem, text, type Node } from "../http/codec.ts";
import { entityNotFound, EngineFault, incomplete, notAuthorized, pathNotFound, syntaxError } from "../http/faults.ts";
import { href, link, type Ctx } from "../http/context.ts";
import { SHAPES, unknownElement } from "../http/elements.ts";
import { matches, parseSearch, type Fields } from "../search.ts";
import type { Reach } from "../acl.ts";
import type { KindMap } from "../store.ts";
import { effectiveVideoType } from "../rules.ts";
import { windowsNodes } from "./vmfields.ts";
import { mbToBytes, BLANK_TEMPLATE_ID, type ClusterRecord, type TemplateRecord, type VmConfig, type VmRecord, type PoolRecord } from "../model.ts";

export function requireAdmin(ctx: Ctx): void {
  if (!ctx.user.admin) throw notAuthorized();
}

/** Non-admin users must ask for filtered results, as with the real engine. */
export function requireFilterOrAdmin(ctx: Ctx): void {
  if (!ctx.user.admin && !ctx.filter) throw notAuthorized();
}

const reachCache = new WeakMap<Ctx, Reach>();

/** What the caller reaches through their own permissions and their directory groups' (by object id), once per request. */
export function reachOf(ctx: Ctx): Reach {
  let r = reachCache.get(ctx);
  if (!r) {
    r = ctx.engine.acl.reach(ctx.user.name, ctx.engine.groupIdsOf(ctx.user.name));
    reachCache.set(ctx, r);
  }
  return r;
}

/** A role on the VM, its pool or its cluster (permissions inherit down the object tree). */
export function canSeeVm(ctx: Ctx, vm: VmRecord): boolean {
  if (ctx.user.admin) return true;
  const r = reachOf(ctx);
  return r.vm.has(vm.id) || (vm.poolId !== undefined && r.pool.has(vm.poolId)) || r.cluster.has(vm.clusterId);
}

export function canSeePool(ctx: Ctx, pool: PoolRecord): boolean {
  if (ctx.user.admin) return true;
  const r = reachOf(ctx);
  return r.pool.has(pool.id) || r.cluster.has(pool.clusterId);
}

/** Parses the request body; any syntax problem is the engine's "Request syntactically incorrect." */
export function body(ctx: Ctx, roots: string[], service: string, method: string): Node {
  let node: Node;
  try {
    node = parseBody(ctx.inFormat, ctx.body, roots);
  } catch (err) {
    if (err instanceof SyntaxProblem) throw syntaxError(ctx.host, service, method);
    throw err;
  }
  // Unknown elements are refused like malformed ones.
  const root = roots[0] === "vmpool" ? "vm_pool" : roots[0];
  const shape = root === "vm" || root === "template" || root === "vm_pool" ? SHAPES[root] : undefined;
  if (shape && unknownElement(node, shape) !== undefined) throw syntaxError(ctx.host, service, method);
  return node;
}

export function requireFields(type: string, node: Node, checks: [string, () => boolean][], method = "add"): void {
  const missing = checks.filter(([, present]) => !present()).map(([name]) => name);
  if (missing.length > 0) throw incomplete(type, missing, method);
}

export const hasRef = (node: Node, key: string): boolean => {
  const r = ref(node, key);
  return r !== undefined && (r.id !== undefined || r.name !== undefined);
};

export const hasText = (node: Node, key: string): boolean => (text(node, key) ?? "") !== "";

/** A reference by id, or without one by name (the first of that name); a miss is the engine's "not found" saying which it sought. */
function resolveRef<K extends "cluster" | "vm">(ctx: Ctx, kind: K, label: string, r: { id?: string; name?: string }): KindMap[K] {
  const store = ctx.engine.store;
  const found = r.id ? store.get(kind, r.id) : store.byName(kind, r.name ?? "")[0];
  if (!found) throw entityNotFound(r.id ? `${label}: id=${r.id}` : `${label}: name=${r.name ?? ""}`);
  return found;
}

export function resolveCluster(ctx: Ctx, r: { id?: string; name?: string }): ClusterRecord {
  return resolveRef(ctx, "cluster", "Cluster", r);
}

export function resolveTemplate(ctx: Ctx, r: { id?: string; name?: string }): TemplateRecord {
  const store = ctx.engine.store;
  // By name: the newest version of that name (GetVmTemplateByVmtName orders by template_version_number DESC).
  const t = r.id ? store.get("template", r.id) : store.byName("template", r.name ?? "").sort((a, b) => b.versionNumber - a.versionNumber)[0];
  if (!t) throw entityNotFound("GetVmTemplate");
  return t;
}

export function resolveVm(ctx: Ctx, r: { id?: string; name?: string }): VmRecord {
  return resolveRef(ctx, "vm", "VM", r);
}

export function vmOr404(ctx: Ctx, id: string | undefined): VmRecord {
  const vm = id ? ctx.engine.store.get("vm", id) : undefined;
  if (!vm || !canSeeVm(ctx, vm)) throw pathNotFound();
  return vm;
}

/** Names must be unique among VMs (or templates) of the same data center. */
export function nameTakenInDataCenter(ctx: Ctx, kind: "vm" | "template", name: string, clusterId: string | undefined, exceptId?: string): boolean {
  const dc = ctx.engine.dataCenterOf(clusterId);
  return ctx.engine.store.byName(kind, name).some((e) => {
    if (e.id === exceptId) return false;
    if (kind === "template" && e.id === BLANK_TEMPLATE_ID) return true;
    return ctx.engine.dataCenterOf(e.clusterId) === dc;
  });
}

export const isoTime = (ms: number): string => new Date(ms).toISOString().replace("Z", "+00:00");

/** Max count from `max`; negative or absent means all. */
export function applyMax<T>(ctx: Ctx, items: T[]): T[] {
  const raw = ctx.query.get("max");
  if (raw === null || raw.trim() === "") return items;
  const max = Number(raw);
  if (!Number.isInteger(max)) throw new EngineFault(400, "Invalid value", `Value "${raw}" of parameter "max" is not a valid number`);
  return max < 0 ? items : items.slice(0, max);
}

export type { Fields };

/** The items a `search=` (over the given keys) selects, cut to `max`. */
export function searched<T>(ctx: Ctx, items: T[], keys: string[], fields: (item: T) => Fields): T[] {
  const search = ctx.query.get("search");
  const caseSensitive = ["t", "true", "y", "yes", "1"].includes((ctx.query.get("case_sensitive") ?? "").toLowerCase());
  const criteria = search ? parseSearch(search, keys, caseSensitive) : [];
  return applyMax(ctx, items.filter((i) => matches(criteria, fields(i))));
}

export function actionsNode(ctx: Ctx, path: string, names: string[]): Node {
  return { link: names.map((n) => ({ "@href": href(ctx, `${path}/${n}`), "@rel": n })) };
}

/** The VmBase settings as the engine renders them on a VM, template or pool VM. */
export function configNode(
  ctx: Ctx, c: VmConfig, runtime?: { address: string; port: number; securePort: number }, opts: { withDevices?: boolean } = {},
): Node {
  const node: Node = {
    // The engine always sends the comment, empty when there is none.
    comment: c.comment,
    cpu: { architecture: "x86_64", mode: c.cpuMode, topology: { cores: c.cores, sockets: c.sockets, threads: c.threads } },
    custom_properties: c.customProperties && c.customProperties.length > 0
      ? { custom_property: c.customProperties.map((p) => ({ name: p.name, value: p.value })) }
      : undefined,
    delete_protected: c.deleteProtected,
  };
  if (c.graphics.length > 0) {
    // SPICE wins when the VM has both graphics devices; headless VMs have no <display> at all.
    const type = c.graphics.includes("spice") ? "spice" : "vnc";
    node.display = {
      address: runtime?.address,
      allow_override: c.allowOverride,
      copy_paste_enabled: c.copyPasteEnabled,
      disconnect_action: c.disconnectAction,
      disconnect_action_delay: c.disconnectActionDelay,
      file_transfer_enabled: c.fileTransferEnabled,
      keyboard_layout: c.keyboardLayout === "" ? undefined : c.keyboardLayout,
      monitors: c.monitors,
      port: runtime?.port,
      secure_port: type === "spice" ? runtime?.securePort : undefined,
      single_qxl_pci: false,
      smartcard_enabled: c.smartcardEnabled,
      type,
      video_type: effectiveVideoType(c),
    };
  }
  Object.assign(node, windowsNodes(c));
  Object.assign(node, {
    memory: mbToBytes(c.memoryMb),
    memory_policy: { ballooning: c.ballooning, guaranteed: mbToBytes(c.guaranteedMb), max: mbToBytes(c.maxMb) },
    os: { boot: { devices: { device: [...(c.bootDevices ?? ["hd"])] } }, type: c.osType },
    sso: { methods: c.ssoGuestAgent ? { method: [{ "@id": "guest_agent" }] } : {} },
    stateless: c.stateless,
    type: c.type,
    usb: c.usbEnabled ? { enabled: true, type: "native" } : { enabled: false },
  });
  if (c.initialization) {
    const nics = c.initialization.nics ?? [];
    const init = c.initialization;
    node.initialization = {
      authorized_ssh_keys: init.authorizedSshKeys,
      custom_script: init.customScript,
      dns_servers: init.dnsServers,
      domain: init.domain,
      host_name: init.hostName,
      nic_configurations: nics.length > 0
        ? { nic_configuration: nics.map((n) => ({ boot_protocol: n.bootProtocol, ip: n.ip ? { ...n.ip } : undefined, ipv6: n.ipv6 ? { ...n.ipv6 } : undefined, name: n.name, on_boot: n.onBoot })) }
        : undefined,
      org_name: init.orgName,
      // Never the password itself: the engine masks a stored one.
      root_password: init.rootPassword !== undefined ? "******" : undefined,
      timezone: init.timezone,
      user_name: init.userName,
    };
  }
  node.placement_policy = {
    affinity: c.placementAffinity ?? "migratable",
    hosts: c.placementHostIds && c.placementHostIds.length > 0 ? { host: c.placementHostIds.map((id) => link(ctx, "/hosts", id)) } : undefined,
  };
  if (c.instanceTypeId) node.instance_type = link(ctx, "/instancetypes", c.instanceTypeId);
  if (ctx.allContent || opts.withDevices) {
    node.console = { enabled: c.consoleEnabled };
    node.soundcard_enabled = c.soundcardEnabled;
    node.tpm_enabled = c.tpmEnabled ?? false;
  }
  return node;
}

export const clusterLink = (ctx: Ctx, id: string): Node => link(ctx, "/clusters", id);
export const templateLink = (ctx: Ctx, id: string): Node => link(ctx, "/templates", id);
