// The engine's XML shapes, validated with zod and mapped to and from the model in types.ts.
// Parsed XML holds only strings; the schemas coerce numbers and booleans and name the field that
// does not fit, so a malformed answer fails with a message rather than as a wrong value downstream.

import { z } from "zod";
import { EngineError } from "./errors.ts";
import type {
  Cluster, DirectoryEntry, Display, EngineGroup, EngineUser, GraphicsConsole, Initialization, Permission, PermissionGrant, Ref, StartOptions, Template, TemplateCreate, TemplateStatus, Vm, VmBase, VmCreate, VmPool, VmSession,
  VmPoolCreate, VmPoolUpdate, VmStatus,
} from "./types.ts";
import type { XmlObject } from "./xml.ts";

// ---------------------------------------------------------------------------------------------
// Leaf coercions (XML text → typed values)

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const optText = z.string().optional();
const optInt = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  return v.trim() === "" ? undefined : Number(v.trim());
}, z.number().int().optional());
const reqInt = z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v), z.number().int());
const optBool = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const t = v.trim().toLowerCase();
  return t === "true" ? true : t === "false" ? false : t === "" ? undefined : v;
}, z.boolean().optional());
const optEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === "string" ? emptyToUndefined(v.trim().toLowerCase()) : v), z.enum(values).optional());
/** Statuses are kept open: a newer engine may report one this client does not know yet. */
const status = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.string().min(1));
/** An element that may be empty (`<display/>`) or absent. */
const obj = <S extends z.ZodRawShape>(shape: S) => z.preprocess((v) => (v === "" ? {} : v), z.object(shape).optional());
const id = z.string().min(1);

const refSchema = obj({ "@_id": z.string().optional(), name: optText });

const displaySchema = obj({
  type: optEnum(["spice", "vnc"] as const),
  smartcard_enabled: optBool,
  allow_override: optBool,
  copy_paste_enabled: optBool,
  file_transfer_enabled: optBool,
  monitors: optInt,
  keyboard_layout: optText,
  disconnect_action: optText,
  disconnect_action_delay: optInt,
  video_type: optText,
  proxy: optText,
});

/** A list element the parser gives as one string or an array of strings (`<devices><device>hd</device></devices>`). */
const textList = z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(z.string()).optional());

const ssoSchema = obj({
  methods: obj({ method: z.array(z.object({ "@_id": id })).optional() }),
});

const nicConfigurationSchema = z.object({
  name: z.string().default(""),
  boot_protocol: optText,
  ip: obj({ address: optText, netmask: optText, gateway: optText }),
  on_boot: optBool,
});

const initializationSchema = obj({
  host_name: optText,
  timezone: optText,
  user_name: optText,
  authorized_ssh_keys: optText,
  custom_script: optText,
  dns_servers: optText,
  nic_configurations: obj({ nic_configuration: z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(nicConfigurationSchema).optional()) }),
  domain: optText,
  org_name: optText,
  root_password: optText,
});

const vmBaseShape = {
  "@_id": z.string().optional(),
  name: optText,
  description: optText,
  comment: optText,
  memory: optInt,
  cpu: obj({ topology: obj({ sockets: optInt, cores: optInt, threads: optInt }) }),
  type: optEnum(["desktop", "server", "high_performance"] as const),
  display: displaySchema,
  sso: ssoSchema,
  usb: obj({ enabled: optBool }),
  stateless: optBool,
  delete_protected: optBool,
  use_latest_template_version: optBool,
  cluster: refSchema,
  initialization: initializationSchema,
  os: obj({ type: optText, boot: obj({ devices: obj({ device: textList }) }) }),
  bios: obj({ type: optText }),
  tpm_enabled: optBool,
  soundcard_enabled: optBool,
  time_zone: obj({ name: optText }),
  high_availability: obj({ enabled: optBool, priority: optInt }),
  memory_policy: obj({ guaranteed: optInt, max: optInt, ballooning: optBool }),
};

const vmSchema = z.object({
  ...vmBaseShape,
  "@_id": id,
  name: z.string(),
  status,
  template: refSchema,
  vm_pool: refSchema,
  next_run_configuration_exists: optBool,
});

const templateSchema = z.object({
  ...vmBaseShape,
  "@_id": id,
  name: z.string(),
  status,
  vm: refSchema,
  version: obj({ base_template: refSchema, version_name: optText, version_number: optInt }),
});

const poolSchema = z.object({
  "@_id": id,
  name: z.string(),
  description: optText,
  comment: optText,
  size: reqInt,
  prestarted_vms: optInt,
  max_user_vms: optInt,
  type: optEnum(["automatic", "manual"] as const),
  stateful: optBool,
  auto_storage_select: optBool,
  display: displaySchema,
  cluster: refSchema,
  template: refSchema,
  use_latest_template_version: optBool,
  vm: obj(vmBaseShape),
});

const clusterSchema = z.object({ "@_id": id, name: z.string() });
const userSchema = z.object({ "@_id": id, user_name: z.string().min(1) });
const permissionSchema = z.object({ "@_id": id, role: refSchema, user: refSchema, group: refSchema });
const groupSchema = z.object({ "@_id": id, name: z.string().min(1), domain: refSchema });
const directoryEntrySchema = z.object({ "@_id": id, name: optText, principal: optText, user_name: optText });
const sessionSchema = z.object({ "@_id": id, console_user: optBool, user: obj({ user_name: optText, name: optText }) });
const consoleSchema = z.object({ "@_id": id, protocol: z.preprocess((v) => (typeof v === "string" ? v.toLowerCase() : v), z.enum(["spice", "vnc"])) });

const apiSchema = z.object({
  product_info: obj({
    version: obj({ full_version: optText, major: optText, minor: optText, build: optText }),
  }),
});

const ticketActionSchema = z.object({
  ticket: z.object({ value: z.string().min(1), expiry: optInt }),
});

const cdromSchema = z.object({ "@_id": z.string().optional(), file: obj({ "@_id": z.string().optional() }) });

const faultSchema = z.object({ reason: optText, detail: optText });

// ---------------------------------------------------------------------------------------------
// Validation helper

function describePath(root: string, path: readonly PropertyKey[]): string {
  return [root, ...path.map((p) => (typeof p === "string" && p.startsWith("@_") ? `@${p.slice(2)}` : String(p)))].join(".");
}

/** Validates `value` against `schema`; the error names the element and says what was wrong. */
export function validate<T>(schema: z.ZodType<T>, value: unknown, root: string, context: string): T {
  const result = schema.safeParse(value === "" ? {} : value);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 3).map((i) => `${describePath(root, i.path)}: ${i.message}`);
  const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : "";
  throw new EngineError(`the engine's answer to ${context} is not a valid ${root}: ${issues.join("; ")}${more}`, {
    kind: "malformed",
  });
}

/** The document's root element, which must be `name`. */
export function rootElement(doc: XmlObject, name: string, context: string): unknown {
  if (!(name in doc)) {
    const found = Object.keys(doc).filter((k) => !k.startsWith("?")).join(", ") || "nothing";
    throw new EngineError(`the engine's answer to ${context} has no <${name}> element (found: ${found})`, { kind: "malformed" });
  }
  return doc[name];
}

/** The members of a collection document (`<vms><vm/>...</vms>`); an empty collection is `[]`. */
export function collection(doc: XmlObject, plural: string, singular: string, context: string): unknown[] {
  const root = rootElement(doc, plural, context);
  if (root === "" || root === undefined || root === null) return [];
  if (typeof root !== "object") {
    throw new EngineError(`the engine's answer to ${context} has an unexpected <${plural}> element`, { kind: "malformed" });
  }
  const items = (root as XmlObject)[singular];
  if (items === undefined) return [];
  return Array.isArray(items) ? items : [items];
}

// ---------------------------------------------------------------------------------------------
// XML → model

/** Drops keys whose value is undefined, so mapped objects compare cleanly. */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

type RawRef = z.infer<typeof refSchema>;
type RawBase = z.infer<z.ZodObject<typeof vmBaseShape>>;

function refFromXml(r: RawRef): Ref | undefined {
  if (r === undefined) return undefined;
  return defined({ id: r["@_id"], name: r.name });
}

function displayFromXml(d: z.infer<typeof displaySchema>): Display | undefined {
  if (d === undefined) return undefined;
  return defined({ ...d });
}

function initializationFromXml(raw: z.infer<typeof initializationSchema>): Initialization | undefined {
  if (raw === undefined) return undefined;
  const { nic_configurations: nics, ...fields } = raw;
  const init: Initialization = defined({ ...fields });
  const list = nics?.nic_configuration;
  if (list !== undefined) {
    init.nic_configurations = list.map((n) => defined({
      name: n.name, boot_protocol: n.boot_protocol?.toLowerCase(), on_boot: n.on_boot,
      ip: n.ip === undefined ? undefined : defined({ ...n.ip }),
    }));
  }
  return init;
}

function baseFromXml(raw: RawBase): VmBase {
  const topology = raw.cpu?.topology;
  return defined({
    id: raw["@_id"],
    name: raw.name,
    description: raw.description,
    comment: raw.comment,
    memory: raw.memory,
    cpu: topology === undefined ? undefined : { topology: defined({ ...topology }) },
    type: raw.type,
    display: displayFromXml(raw.display),
    sso_methods: raw.sso === undefined ? undefined : (raw.sso.methods?.method ?? []).map((m) => m["@_id"]),
    usb: raw.usb === undefined ? undefined : defined({ enabled: raw.usb.enabled }),
    stateless: raw.stateless,
    delete_protected: raw.delete_protected,
    use_latest_template_version: raw.use_latest_template_version,
    cluster: refFromXml(raw.cluster),
    initialization: initializationFromXml(raw.initialization),
    ...desktopFromXml(raw),
  });
}

/** The firmware, OS, device, time zone, availability and memory-policy elements (issue #24). */
function desktopFromXml(raw: RawBase): Partial<VmBase> {
  const devices = raw.os?.boot?.devices?.device;
  const os = raw.os === undefined ? undefined : defined({ type: raw.os.type, boot_devices: devices?.map((d) => d.trim().toLowerCase()) });
  return defined({
    os: os === undefined || Object.keys(os).length === 0 ? undefined : os,
    bios_type: raw.bios?.type?.trim().toLowerCase() || undefined,
    tpm_enabled: raw.tpm_enabled,
    soundcard_enabled: raw.soundcard_enabled,
    time_zone: raw.time_zone?.name || undefined,
    high_availability: raw.high_availability === undefined ? undefined : defined({ ...raw.high_availability }),
    memory_policy: raw.memory_policy === undefined ? undefined : defined({ ...raw.memory_policy }),
  });
}

export function vmFromXml(value: unknown, context: string): Vm {
  const raw = validate(vmSchema, value, "vm", context);
  return defined({
    ...baseFromXml(raw),
    id: raw["@_id"],
    name: raw.name,
    status: raw.status as VmStatus,
    template: refFromXml(raw.template),
    vm_pool: refFromXml(raw.vm_pool),
    next_run_configuration_exists: raw.next_run_configuration_exists,
  });
}

export function templateFromXml(value: unknown, context: string): Template {
  const raw = validate(templateSchema, value, "template", context);
  return defined({
    ...baseFromXml(raw),
    id: raw["@_id"],
    name: raw.name,
    status: raw.status as TemplateStatus,
    vm: refFromXml(raw.vm),
    version: raw.version === undefined ? undefined : defined({
      base_template: refFromXml(raw.version.base_template),
      version_name: raw.version.version_name,
      version_number: raw.version.version_number,
    }),
  });
}

export function poolFromXml(value: unknown, context: string): VmPool {
  const raw = validate(poolSchema, value, "vm_pool", context);
  return defined({
    id: raw["@_id"],
    name: raw.name,
    description: raw.description,
    comment: raw.comment,
    size: raw.size,
    prestarted_vms: raw.prestarted_vms,
    max_user_vms: raw.max_user_vms,
    type: raw.type,
    stateful: raw.stateful,
    auto_storage_select: raw.auto_storage_select,
    display: displayFromXml(raw.display),
    cluster: refFromXml(raw.cluster),
    template: refFromXml(raw.template),
    use_latest_template_version: raw.use_latest_template_version,
    vm: raw.vm === undefined ? undefined : baseFromXml(raw.vm),
  });
}

export function clusterFromXml(value: unknown, context: string): Cluster {
  const raw = validate(clusterSchema, value, "cluster", context);
  return { id: raw["@_id"], name: raw.name };
}

export function userFromXml(value: unknown, context: string): EngineUser {
  const raw = validate(userSchema, value, "user", context);
  return { id: raw["@_id"], user_name: raw.user_name };
}

export function permissionFromXml(value: unknown, context: string): Permission {
  const raw = validate(permissionSchema, value, "permission", context);
  return defined({ id: raw["@_id"], role: refFromXml(raw.role), user: refFromXml(raw.user), group: refFromXml(raw.group) });
}

/** `<permission><role><name>UserRole</name></role><user id="…"/></permission>` (or `<group id="…"/>`). */
export function permissionToXml(grant: PermissionGrant): XmlObject {
  const principal = "groupId" in grant ? { group: { "@_id": grant.groupId } } : { user: { "@_id": grant.userId } };
  return { permission: { role: { name: grant.role }, ...principal } };
}

export function groupFromXml(value: unknown, context: string): EngineGroup {
  const raw = validate(groupSchema, value, "group", context);
  return defined({ id: raw["@_id"], name: raw.name, domain: refFromXml(raw.domain) });
}

/** A user or group of a directory domain (`/domains/{id}/users`, `/domains/{id}/groups`). */
export function directoryEntryFromXml(value: unknown, context: string): DirectoryEntry {
  const raw = validate(directoryEntrySchema, value, "directory entry", context);
  return defined({ id: raw["@_id"], name: raw.name, principal: raw.principal, user_name: raw.user_name });
}

/** `<group><name>vdi-users</name><domain><name>internal-authz</name></domain></group>` (AddGroupCommand). */
export function groupToXml(name: string, authz: string): XmlObject {
  return { group: { name, domain: { name: authz } } };
}

export function sessionFromXml(value: unknown, context: string): VmSession {
  const raw = validate(sessionSchema, value, "session", context);
  return defined({ id: raw["@_id"], console_user: raw.console_user, user_name: raw.user?.user_name ?? raw.user?.name });
}

export function consoleFromXml(value: unknown, context: string): GraphicsConsole {
  const raw = validate(consoleSchema, value, "graphics_console", context);
  return { id: raw["@_id"], protocol: raw.protocol };
}

export function versionFromXml(value: unknown, context: string): string {
  const raw = validate(apiSchema, value, "api", context);
  const v = raw.product_info?.version;
  if (v?.full_version) return v.full_version;
  if (v?.major !== undefined) return [v.major, v.minor, v.build].filter((p) => p !== undefined).join(".");
  return "unknown";
}

export function ticketFromXml(value: unknown, context: string): { value: string; expiry?: number } {
  const raw = validate(ticketActionSchema, value, "action", context);
  return defined({ value: raw.ticket.value, expiry: raw.ticket.expiry });
}

/** The file id in a VM's CD-ROM; "" when the drive is empty. */
export function cdromFileFromXml(value: unknown, context: string): string {
  return validate(cdromSchema, value, "cdrom", context).file?.["@_id"] ?? "";
}

/** `<cdrom><file id="…"/></cdrom>`; an empty id ejects the medium. */
export function cdromToXml(file: string): XmlObject {
  return { cdrom: { file: { "@_id": file } } };
}

/** The engine's `<fault>`; empty when the body is not a fault. */
export function faultFromXml(doc: XmlObject): { reason?: string; detail?: string } {
  const fault = doc.fault;
  if (fault === undefined) return {};
  const parsed = faultSchema.safeParse(fault === "" ? {} : fault);
  return parsed.success ? defined({ ...parsed.data }) : {};
}

// ---------------------------------------------------------------------------------------------
// model → XML

const bool = (b: boolean | undefined) => (b === undefined ? undefined : b ? "true" : "false");
const num = (n: number | undefined) => (n === undefined ? undefined : String(n));

function clean(o: XmlObject): XmlObject {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** `{id}` becomes `<x id="…"/>`; a name-only ref becomes `<x><name>…</name></x>`. */
export function refToXml(ref: Ref | undefined): XmlObject | undefined {
  if (ref === undefined) return undefined;
  if (ref.id !== undefined && ref.id !== "") return { "@_id": ref.id };
  if (ref.name !== undefined) return { name: ref.name };
  return undefined;
}

export function displayToXml(d: Display | undefined): XmlObject | undefined {
  if (d === undefined) return undefined;
  return clean({
    type: d.type,
    smartcard_enabled: bool(d.smartcard_enabled),
    allow_override: bool(d.allow_override),
    copy_paste_enabled: bool(d.copy_paste_enabled),
    file_transfer_enabled: bool(d.file_transfer_enabled),
    monitors: num(d.monitors),
    keyboard_layout: d.keyboard_layout,
    disconnect_action: d.disconnect_action,
    disconnect_action_delay: num(d.disconnect_action_delay),
    video_type: d.video_type,
    proxy: d.proxy,
  });
}

/** `["guest_agent"]` → `<sso><methods><method id="guest_agent"/></methods></sso>`; `[]` → `<sso><methods/></sso>`. */
export function ssoToXml(methods: string[] | undefined): XmlObject | undefined {
  if (methods === undefined) return undefined;
  return { methods: methods.length === 0 ? "" : { method: methods.map((m) => ({ "@_id": m })) } };
}

/** `<initialization>`: only the fields given, so a cloud-init VM gets no sysprep fields and the reverse. */
export function initializationToXml(i: Initialization | undefined): XmlObject | undefined {
  if (i === undefined) return undefined;
  const nics = i.nic_configurations;
  return clean({
    authorized_ssh_keys: i.authorized_ssh_keys,
    custom_script: i.custom_script,
    dns_servers: i.dns_servers,
    domain: i.domain,
    host_name: i.host_name,
    nic_configurations: nics === undefined ? undefined : nics.length === 0 ? "" : {
      nic_configuration: nics.map((n) => clean({
        boot_protocol: n.boot_protocol,
        ip: n.ip === undefined ? undefined : clean({ address: n.ip.address, gateway: n.ip.gateway, netmask: n.ip.netmask }),
        name: n.name,
        on_boot: bool(n.on_boot),
      })),
    },
    org_name: i.org_name,
    root_password: i.root_password,
    timezone: i.timezone,
    user_name: i.user_name,
  });
}

/** The start action's body: empty, or with the run-once initialization flags. */
export function startActionToXml(opts: StartOptions = {}): XmlObject {
  const flags = clean({ use_cloud_init: opts.useCloudInit ? "true" : undefined, use_sysprep: opts.useSysprep ? "true" : undefined });
  return { action: Object.keys(flags).length === 0 ? "" : flags };
}

/** The VmBase elements, in the engine's order; `id` is never sent in a body. */
export function baseToXml(b: Partial<VmBase>): XmlObject {
  const topology = b.cpu?.topology;
  return clean({
    name: b.name,
    description: b.description,
    comment: b.comment,
    cluster: refToXml(b.cluster),
    memory: num(b.memory),
    cpu: topology === undefined ? undefined : { topology: clean({ sockets: num(topology.sockets), cores: num(topology.cores), threads: num(topology.threads) }) },
    type: b.type,
    display: displayToXml(b.display),
    sso: ssoToXml(b.sso_methods),
    usb: b.usb === undefined ? undefined : clean({ enabled: bool(b.usb.enabled) }),
    stateless: bool(b.stateless),
    delete_protected: bool(b.delete_protected),
    use_latest_template_version: bool(b.use_latest_template_version),
    initialization: initializationToXml(b.initialization),
    ...desktopToXml(b),
  });
}

function desktopToXml(b: Partial<VmBase>): XmlObject {
  const devices = b.os?.boot_devices;
  const ha = b.high_availability;
  const memory = b.memory_policy;
  return clean({
    os: b.os === undefined ? undefined : clean({
      type: b.os.type,
      boot: devices === undefined ? undefined : { devices: devices.length === 0 ? "" : { device: devices } },
    }),
    bios: b.bios_type === undefined ? undefined : { type: b.bios_type },
    tpm_enabled: bool(b.tpm_enabled),
    soundcard_enabled: bool(b.soundcard_enabled),
    time_zone: b.time_zone === undefined ? undefined : { name: b.time_zone },
    high_availability: ha === undefined ? undefined : clean({ enabled: bool(ha.enabled), priority: num(ha.priority) }),
    memory_policy: memory === undefined ? undefined : clean({ guaranteed: num(memory.guaranteed), max: num(memory.max), ballooning: bool(memory.ballooning) }),
  });
}

export function vmCreateToXml(vm: VmCreate): XmlObject {
  const { template, ...base } = vm;
  return { vm: clean({ ...baseToXml(base), template: refToXml(template) }) };
}

export function vmUpdateToXml(patch: Partial<VmBase>): XmlObject {
  return { vm: baseToXml(patch) };
}

export function templateCreateToXml(t: TemplateCreate): XmlObject {
  const { vm, version, ...base } = t;
  const versionXml = version === undefined ? undefined : clean({ base_template: refToXml(version.base_template), version_name: version.version_name });
  return { template: clean({ ...baseToXml(base), vm: refToXml(vm), version: versionXml }) };
}

export function templateUpdateToXml(patch: Partial<VmBase>): XmlObject {
  return { template: baseToXml(patch) };
}

export function poolToXml(p: VmPoolCreate | VmPoolUpdate): XmlObject {
  const vm = "vm" in p ? p.vm : undefined;
  return {
    vm_pool: clean({
      name: p.name,
      description: p.description,
      comment: "comment" in p ? p.comment : undefined,
      cluster: refToXml(p.cluster),
      template: refToXml(p.template),
      size: num(p.size),
      prestarted_vms: num(p.prestarted_vms),
      max_user_vms: num(p.max_user_vms),
      type: p.type,
      stateful: bool(p.stateful),
      use_latest_template_version: bool(p.use_latest_template_version),
      auto_storage_select: bool(p.auto_storage_select),
      display: displayToXml(p.display),
      vm: vm === undefined ? undefined : baseToXml(vm),
    }),
  };
}

export function ticketRequestToXml(expirySeconds: number | undefined): XmlObject {
  return { action: expirySeconds === undefined ? { ticket: "" } : { ticket: { expiry: String(expirySeconds) } } };
}

export const EMPTY_ACTION: XmlObject = { action: "" };
