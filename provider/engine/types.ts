import type { EngineDeviceCalls, EngineDiskAttachment, EngineNic } from "./devices.ts";

// The engine client's contract: the engine's own model (snake_case elements, memory in bytes,
// upper-case disconnect actions as the engine echoes them) and the calls the resources make.
// Only provider/engine/ knows HTTP and XML; resources translate to user-facing properties.

export type VmStatus =
  | "unassigned" | "down" | "up" | "powering_up" | "paused" | "migrating" | "unknown"
  | "not_responding" | "wait_for_launch" | "reboot_in_progress" | "saving_state"
  | "restoring_state" | "suspended" | "image_locked" | "powering_down";
export type TemplateStatus = "illegal" | "locked" | "ok";
export type VmType = "desktop" | "server" | "high_performance";
export type DisplayType = "spice" | "vnc";
export type PoolType = "automatic" | "manual";

/** A link to another entity; the engine accepts either field on input. */
export interface Ref {
  id?: string;
  name?: string;
}

/** `<display>`; absent on headless VMs. */
export interface Display {
  type?: DisplayType;
  smartcard_enabled?: boolean;
  allow_override?: boolean;
  copy_paste_enabled?: boolean;
  file_transfer_enabled?: boolean;
  monitors?: number;
  keyboard_layout?: string;
  /** The engine echoes NONE | LOCK_SCREEN | LOGOUT | REBOOT | SHUTDOWN; input is any case. */
  disconnect_action?: string;
  /** Minutes. */
  disconnect_action_delay?: number;
}

/** One guest interface in `<initialization><nic_configurations>` (cloud-init). */
export interface NicConfiguration {
  name: string;
  /** dhcp | static | none (the engine also knows autoconf and poly_dhcp_autoconf). */
  boot_protocol?: string;
  ip?: { address?: string; netmask?: string; gateway?: string };
  on_boot?: boolean;
}

/**
 * `<initialization>` (the engine's VmInit): cloud-init and sysprep share it. The engine stores the
 * root password but never shows it again: on GET it answers `******` whenever one is stored.
 */
export interface Initialization {
  host_name?: string;
  timezone?: string;
  user_name?: string;
  /** Newline-separated public keys. */
  authorized_ssh_keys?: string;
  custom_script?: string;
  /** Space-separated addresses. */
  dns_servers?: string;
  nic_configurations?: NicConfiguration[];
  domain?: string;
  org_name?: string;
  root_password?: string;
}

/** What the engine shows instead of a stored root password. */
export const MASKED_ROOT_PASSWORD = "******";

/** Settings shared by VMs and templates (the engine's VmBase). */
export interface VmBase {
  id?: string;
  name?: string;
  description?: string;
  comment?: string;
  /** Bytes. */
  memory?: number;
  cpu?: { topology?: { sockets?: number; cores?: number; threads?: number } };
  type?: VmType;
  display?: Display;
  /** `["guest_agent"]` or `[]` (off). */
  sso_methods?: string[];
  usb?: { enabled?: boolean };
  stateless?: boolean;
  delete_protected?: boolean;
  cluster?: Ref;
  initialization?: Initialization;
}

export interface Vm extends VmBase {
  id: string;
  name: string;
  status: VmStatus;
  template?: Ref;
  vm_pool?: Ref;
  next_run_configuration_exists?: boolean;  /** The VM's disks (each with its disk) and NICs, when the engine inlined them (`follow=disk_attachments.disk,nics`). */
  disk_attachments?: EngineDiskAttachment[];
  nics?: EngineNic[];
}

export interface Template extends VmBase {
  id: string;
  name: string;
  status: TemplateStatus;
  /** The source VM, on input. */
  vm?: Ref;  /** As on Vm: inlined by the engine when asked. */
  disk_attachments?: EngineDiskAttachment[];
  nics?: EngineNic[];
}

export interface VmPool {
  id: string;
  name: string;
  description?: string;
  comment?: string;
  size: number;
  prestarted_vms?: number;
  max_user_vms?: number;
  type?: PoolType;
  stateful?: boolean;
  cluster?: Ref;
  template?: Ref;
  /** One of the pool's VMs, as the engine embeds it on GET: the pool's effective display settings. */
  vm?: VmBase;
}

export interface VmCreate extends VmBase {
  name: string;
  cluster: Ref;
  template: Ref;
}
export interface TemplateCreate extends VmBase {
  name: string;
  vm: Ref;
}
export interface VmPoolCreate {
  name: string;
  description?: string;
  /** The provider's creation marker (see EngineClient.createVm). */
  comment?: string;
  cluster: Ref;
  template: Ref;
  size?: number;
  prestarted_vms?: number;
  max_user_vms?: number;
  type?: PoolType;
  stateful?: boolean;
  /** Settings for the pool's VMs; the engine honours them only at creation. */
  vm?: VmBase;
}
export type VmPoolUpdate = Partial<Omit<VmPoolCreate, "vm" | "comment">>;

export interface GraphicsConsole {
  /** The protocol name in hex: `7370696365` is spice, `766e63` is vnc. */
  id: string;
  protocol: DisplayType;
}

export interface Cluster {
  id: string;
  name: string;
}

/** A user the engine knows (`/users`): `user_name` is `principal@authz`, e.g. `alice@internal-authz`. */
export interface EngineUser {
  id: string;
  user_name: string;
}

/** A role given to a user on one VM or pool (`/vms/{id}/permissions`, `/vmpools/{id}/permissions`). */
export interface Permission {
  id: string;
  role?: Ref;
  user?: Ref;
}

/** The entity a permission is on. */
export interface PermissionTarget {
  kind: "vm" | "pool";
  id: string;
}

export interface StartOptions {
  useCloudInit?: boolean;
  useSysprep?: boolean;
}

/** Every wait has a deadline; the error says what was awaited. */
export interface WaitOptions {
  /** Deadline; defaults to EngineConfig.waitTimeoutMs (300 s). */
  timeoutMs?: number;
  /** Poll interval; defaults to EngineConfig.pollIntervalMs (2 s). */
  pollIntervalMs?: number;
  /** Gives the wait up with a WaitCancelledError (the provider raises it on Pulumi's Cancel). */
  signal?: AbortSignal;
}

export interface EngineClient extends EngineDeviceCalls {
  /**
   * Logs in and reads the API root (once per client: every other call waits for it), proving that
   * the URL is an engine; returns the product version. Fails naming the setting to fix.
   */
  ping(): Promise<{ version: string }>;

  /** Resolves a cluster by name or id (once per client: clusters do not change under a deployment); throws a clear error when it does not exist. */
  resolveCluster(nameOrId: string): Promise<Cluster>;
  /** Resolves a template by name or id ("Blank" is the all-zero id). */
  resolveTemplate(nameOrId: string): Promise<Template>;

  /**
   * Runs `op` with every read of VMs, templates, pools, permissions and consoles taken from the
   * engine, not from this client's collection snapshots: creates and updates must act on what the
   * engine holds now. Lookups resolved once per client (clusters, templates by name) still apply.
   */
  withFreshReads<R>(op: () => Promise<R>): Promise<R>;

  /** Undefined when the engine answers 404. `nextRun` reads the pending next-run configuration. */
  getVm(id: string, opts?: { nextRun?: boolean; allContent?: boolean }): Promise<Vm | undefined>;
  findVmByName(name: string): Promise<Vm | undefined>;
  listVms(search?: string): Promise<Vm[]>;
  /**
   * Creates a VM and returns it once it exists (blocking with `Expect: 201-created`). `comment` is
   * the creation marker that ties the VM to its resource: after a failure that may have reached the
   * engine, or an engine answer "name already in use", the VM found by name is adopted only when it
   * carries the same marker; else the create fails naming the VM that holds the name. Transient
   * failures are retried with backoff. Templates and pools are created the same way.
   */
  /** `clone`: the template's disks become independent copies (the engine's `clone` parameter). */
  createVm(vm: VmCreate, opts?: { clone?: boolean }): Promise<Vm>;
  /** PUT; on a running VM the engine saves Down-only fields as the next-run configuration. */
  updateVm(id: string, patch: Partial<VmBase>, opts?: { nextRun?: boolean }): Promise<Vm>;
  /** Removes the VM; succeeds quietly when it is already gone. */
  deleteVm(id: string): Promise<void>;
  /**
   * `useCloudInit` / `useSysprep` are the start action's run-once flags: this start hands the
   * VM's initialization to the guest as cloud-init or as sysprep, whatever its OS type.
   */
  startVm(id: string, opts?: StartOptions): Promise<void>;
  stopVm(id: string): Promise<void>;
  shutdownVm(id: string): Promise<void>;
  /** Polls until the VM's status is one of `statuses`; returns the VM. */
  waitForVm(id: string, statuses: VmStatus[], opts?: WaitOptions): Promise<Vm>;
  /** Polls until GET answers 404. */
  waitForVmGone(id: string, opts?: WaitOptions): Promise<void>;

  getTemplate(id: string): Promise<Template | undefined>;
  findTemplateByName(name: string): Promise<Template | undefined>;
  createTemplate(template: TemplateCreate): Promise<Template>;
  updateTemplate(id: string, patch: Partial<VmBase>): Promise<Template>;
  deleteTemplate(id: string): Promise<void>;
  waitForTemplate(id: string, statuses: TemplateStatus[], opts?: WaitOptions): Promise<Template>;

  getPool(id: string): Promise<VmPool | undefined>;
  findPoolByName(name: string): Promise<VmPool | undefined>;
  createPool(pool: VmPoolCreate): Promise<VmPool>;
  updatePool(id: string, patch: VmPoolUpdate): Promise<VmPool>;
  deletePool(id: string): Promise<void>;
  /** The VMs that belong to the pool. */
  listPoolVms(poolId: string): Promise<Vm[]>;
  waitForPoolGone(id: string, opts?: WaitOptions): Promise<void>;

  /** The user whose engine user name is exactly `userName` (`alice@internal-authz`), if the engine knows it. */
  findUser(userName: string): Promise<EngineUser | undefined>;
  getUser(id: string): Promise<EngineUser | undefined>;
  listPermissions(target: PermissionTarget): Promise<Permission[]>;
  /** Gives `userId` the role named `role` (e.g. `UserRole`) on the target. */
  addPermission(target: PermissionTarget, grant: { role: string; userId: string }): Promise<Permission>;
  /** Takes a permission back; succeeds quietly when it is already gone. */
  removePermission(target: PermissionTarget, permissionId: string): Promise<void>;

  listGraphicsConsoles(vmId: string): Promise<GraphicsConsole[]>;
  /** Sets a console ticket; expiry in seconds (engine default 7200). Returns the ticket value. */
  setTicket(vmId: string, consoleId: string, expirySeconds?: number): Promise<{ value: string; expiry: number }>;
  /** The `.vv` file content; undefined when the VM is not running (engine answers 204). */
  remoteViewerFile(vmId: string, consoleId: string): Promise<string | undefined>;

  // Lookups (the get* functions).
  /** Undefined when the engine answers 404. */
  getCluster(id: string): Promise<Cluster | undefined>;
  /** Every cluster named exactly `name` (case-sensitive): what a lookup by name matches. */
  clustersNamed(name: string): Promise<Cluster[]>;
  /** Every template named exactly `name`; more than one where the engine allows it (data centers, template versions). */
  templatesNamed(name: string): Promise<Template[]>;
  vmsNamed(name: string): Promise<Vm[]>;
  poolsNamed(name: string): Promise<VmPool[]>;

  /** Releases kept-alive connections; the client must not be used afterwards. Optional for fakes. */
  close?(): void;
}

/** How the provider reaches the engine; built once at Configure. */
export interface EngineConfig {
  /** API root, such as https://engine/ovirt-engine/api. */
  url: string;
  username: string;
  password: string;
  caFile?: string;
  insecure?: boolean;
  /** Per-request timeout. */
  requestTimeoutMs?: number;
  /** Receives one line per request (method, path, status, ms): never bodies, tokens or passwords. */
  log?: (line: string) => void;
  /**
   * Retries on 5xx, dropped connections, timeouts and 409 "locked" conflicts, for every call:
   * GET, PUT, DELETE and actions as they are, creates and grants after a lookup shows nothing was
   * made. Defaults: 6 attempts, 500 ms doubling, capped at 10 s, with jitter.
   */
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Default poll interval for waits (2000 ms). */
  pollIntervalMs?: number;
  /** Default deadline for waits (300000 ms). */
  waitTimeoutMs?: number;
  /**
   * The provider's cancellation: once aborted, no call is retried again and every wait gives up
   * (pauses end at once, the last failure stands). A request already sent is never cut off, so a
   * create's answer is not lost.
   */
  signal?: AbortSignal;
  /**
   * Serve plain reads of VMs, templates, pools, their disks, NICs, consoles and permissions, users,
   * storage domains, networks and vNIC profiles from one list call per kind and client (see
   * snapshot.ts). The provider turns this on: its client lives in one plugin process, one command.
   */
  snapshots?: boolean;
}

/** An engine fault or transport failure, with the engine's own reason and detail when there was one. */
export interface EngineErrorInfo {
  status?: number;
  reason?: string;
  detail?: string;
}
