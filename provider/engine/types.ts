// The engine's own model as the client hands it out (snake_case elements, memory in bytes,
// upper-case disconnect actions as the engine echoes them), and the client's configuration. The
// calls live with their collection (collections/*.ts); client.ts composes them into EngineClient.
// Only provider/engine/ knows HTTP and XML; resources translate to user-facing properties.
// This file imports nothing, so no module of the engine layer can form a type cycle through it.

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
  /** qxl | vga | bochs | cirrus (the engine's defaultDisplayType). */
  video_type?: string;
  /** The SPICE proxy (a pool's `display.proxy`). */
  proxy?: string;
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
  /** A VM follows its template's newest version (the engine moves it when it comes down). */
  use_latest_template_version?: boolean;
  cluster?: Ref;
  initialization?: Initialization;
  /** `os.type` (the engine's OS id, e.g. windows_11) and `os.boot.devices` in boot order. */
  os?: { type?: string; boot_devices?: string[] };
  /** `bios.type`: cluster_default | i440fx_sea_bios | q35_sea_bios | q35_ovmf | q35_secure_boot. */
  bios_type?: string;
  /** Shown by the engine only with All-Content. */
  tpm_enabled?: boolean;
  /** Shown by the engine only with All-Content. */
  soundcard_enabled?: boolean;
  /** `time_zone.name`. */
  time_zone?: string;
  high_availability?: { enabled?: boolean; priority?: number };
  /** `memory_policy`: guaranteed and max in bytes. */
  memory_policy?: { guaranteed?: number; max?: number; ballooning?: boolean };
}

export interface Vm extends VmBase {
  id: string;
  name: string;
  status: VmStatus;
  template?: Ref;
  vm_pool?: Ref;
  next_run_configuration_exists?: boolean;
  /** The VM's disks (each with its disk) and NICs, when the engine inlined them (`follow=disk_attachments.disk,nics`). */
  disk_attachments?: EngineDiskAttachment[];
  nics?: EngineNic[];
}

export interface Template extends VmBase {
  id: string;
  name: string;
  status: TemplateStatus;
  /** The source VM, on input. */
  vm?: Ref;
  /** Template versions: the base (itself for a base), the version's name and the engine's number (1 = the base). */
  version?: TemplateVersion;
  /** As on Vm: inlined by the engine when asked. */
  disk_attachments?: EngineDiskAttachment[];
  nics?: EngineNic[];
}

export interface TemplateVersion {
  base_template?: Ref;
  version_name?: string;
  version_number?: number;
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
  auto_storage_select?: boolean;
  /** The pool's own `display` (its SPICE `proxy`). */
  display?: Display;
  cluster?: Ref;
  template?: Ref;
  use_latest_template_version?: boolean;
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
  /** A new version of `base_template` (the engine names it after the base and numbers it). */
  version?: { base_template: Ref; version_name?: string };
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
  use_latest_template_version?: boolean;
  auto_storage_select?: boolean;
  /** The pool's own `display`: its SPICE `proxy`, which the engine changes in place. */
  display?: Display;
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
  group?: Ref;
}

/** A directory group the engine knows (`/groups`): its name without the domain, and its authz domain. */
export interface EngineGroup {
  id: string;
  name: string;
  domain?: Ref;
}

/** A user or group a directory domain holds (the engine may not know it yet): its directory entry id and names. */
export interface DirectoryEntry {
  id: string;
  /** A group's name; a user's given name on an LDAP directory, its principal on the internal one. */
  name?: string;
  principal?: string;
  /** A user's `principal@authz`. */
  user_name?: string;
}

/** Who uses a VM now (`/vms/{id}/sessions`): the console user, by user name when the engine knows it. */
export interface VmSession {
  id: string;
  user_name?: string;
  console_user?: boolean;
}

/** A role for a user or a group (by engine id). */
export type PermissionGrant = { role: string; userId: string } | { role: string; groupId: string };

/** The entity a permission is on. */
export interface PermissionTarget {
  kind: "vm" | "pool" | "template" | "cluster";
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

// ---------------------------------------------------------------------------------------------
// Disks and NICs of VMs and templates, and the infrastructure they link to

export type DiskInterfaceName = "virtio_scsi" | "virtio" | "sata" | "ide" | "spapr_vscsi";
export type DiskFormatName = "cow" | "raw";

export interface EngineDisk {
  id: string;
  /** The engine's alias: what users see as the disk's name. */
  alias: string;
  provisionedSize: number;
  format: DiskFormatName;
  sparse: boolean;
  status: string;
  storageDomainIds: string[];
}

/** A disk as attached to a VM or template: the attachment's id is the disk's id. */
export interface EngineDiskAttachment {
  id: string;
  interface: string;
  bootable: boolean;
  active: boolean;
  disk: EngineDisk;
}

export interface NewDiskAttachment {
  alias: string;
  provisionedSize: number;
  format: DiskFormatName;
  sparse: boolean;
  storageDomainId: string;
  interface: string;
  bootable: boolean;
}

export interface EngineNic {
  id: string;
  name: string;
  interface: string;
  vnicProfileId?: string;
  macAddress?: string;
  plugged: boolean;
}

export interface NicSpec {
  name: string;
  interface: string;
  vnicProfileId: string;
}

/** A VM's or template's disks and NICs. */
export interface EngineDevices {
  disks: EngineDiskAttachment[];
  nics: EngineNic[];
}

export interface StorageDomain { id: string; name: string; type?: string }
export interface Network { id: string; name: string }
export interface VnicProfile { id: string; name: string; networkId?: string }
