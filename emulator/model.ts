// The emulator's records: what the engine keeps about each entity (its VmStatic / VmDynamic split,
// condensed). Persisted as JSON documents by store.ts; rendered by the collections.

export const BLANK_TEMPLATE_ID = "00000000-0000-0000-0000-000000000000";
export const VM_TYPES = ["desktop", "server", "high_performance"] as const;
export const DISPLAY_TYPES = ["spice", "vnc"] as const;
export const POOL_TYPES = ["automatic", "manual"] as const;
export const DISCONNECT_ACTIONS = ["NONE", "LOCK_SCREEN", "LOGOUT", "REBOOT", "SHUTDOWN"] as const;
export const VALID_MONITORS = [1, 2, 4];
/** types/BiosType.java; cluster_default lets the cluster decide. */
export const BIOS_TYPES = ["cluster_default", "i440fx_sea_bios", "q35_sea_bios", "q35_ovmf", "q35_secure_boot"] as const;
/** types/VideoType.java (model 4.6.1): display.video_type. */
export const VIDEO_TYPES = ["qxl", "vga", "bochs", "cirrus"] as const;
/** types/BootDevice.java: os.boot.devices. */
export const BOOT_DEVICES = ["hd", "cdrom", "network"] as const;
/** The REST id of a VM's CD-ROM device (the engine exposes its one CD-ROM under the empty GUID). */
export const CDROM_ID = "00000000-0000-0000-0000-000000000000";

export type VmType = (typeof VM_TYPES)[number];
export type Protocol = (typeof DISPLAY_TYPES)[number];
export type BiosType = (typeof BIOS_TYPES)[number];
export type VideoType = (typeof VIDEO_TYPES)[number];
export type BootDevice = (typeof BOOT_DEVICES)[number];
export type PoolType = (typeof POOL_TYPES)[number];
export type VmStatus =
  | "down" | "up" | "powering_up" | "powering_down" | "wait_for_launch" | "image_locked" | "paused"
  | "suspended" | "unknown" | "reboot_in_progress";
export type TemplateStatus = "ok" | "locked" | "illegal";

/** The settings a VM shares with templates (the engine's VmBase), the part next-run snapshots hold. */
export interface VmConfig {
  description: string;
  comment: string;
  memoryMb: number;
  guaranteedMb: number;
  maxMb: number;
  ballooning: boolean;
  sockets: number;
  cores: number;
  threads: number;
  type: VmType;
  /** Graphics devices; empty means headless (no <display> at all). */
  graphics: Protocol[];
  smartcardEnabled: boolean;
  monitors: number;
  allowOverride: boolean;
  copyPasteEnabled: boolean;
  fileTransferEnabled: boolean;
  keyboardLayout: string;
  disconnectAction: string;
  disconnectActionDelay: number;
  ssoGuestAgent: boolean;
  usbEnabled: boolean;
  stateless: boolean;
  deleteProtected: boolean;
  consoleEnabled: boolean;
  soundcardEnabled: boolean;
  osType: string;
  biosType: BiosType;
  tpmEnabled: boolean;
  /** time_zone.name: a Windows zone name for Windows guests, a zone id otherwise; empty = the engine's default. */
  timeZone: string;
  /** display.video_type (the engine's defaultDisplayType); unset = qxl with SPICE, vga otherwise. */
  videoType?: VideoType;
  /** high_availability.enabled / priority (the engine's autoStartup and priority). */
  haEnabled: boolean;
  haPriority: number;
  /** os.boot.devices in order. */
  bootDevices: BootDevice[];
  /** The ISO in the CD-ROM for the next start (a file id on a storage domain); empty = no medium. */
  cdrom: string;
  /** cpu.mode: custom, host_model or host_passthrough (unset: the cluster's CPU). */
  cpuMode?: string;
  /** custom_properties, e.g. hugepages=2048. */
  customProperties?: { name: string; value: string }[];
  /** cloud-init / sysprep settings the VM was given (the engine's VmInit). */
  initialization?: VmInit;
  /** placement_policy: affinity (migratable, user_migratable, pinned) and pinned hosts. */
  placementAffinity?: string;
  placementHostIds?: string[];
  instanceTypeId?: string;
}

/**
 * The engine's VmInit. The root password is kept as given and never rendered: GET shows
 * `******` whenever one is stored, as the engine's InitializationMapper does.
 */
export interface VmInit {
  customScript?: string;
  hostName?: string;
  nics?: NicConfiguration[];
  timezone?: string;
  userName?: string;
  authorizedSshKeys?: string;
  dnsServers?: string;
  domain?: string;
  orgName?: string;
  rootPassword?: string;
}

/** A guest NIC setting in cloud-init (initialization/nic_configurations). */
export interface NicConfiguration {
  name: string;
  bootProtocol?: string;
  onBoot?: boolean;
  ip?: IpSetting;
  ipv6?: IpSetting;
}

export interface IpSetting {
  address?: string;
  gateway?: string;
  netmask?: string;
  version?: string;
}

export interface VmRecord {
  id: string;
  name: string;
  clusterId: string;
  templateId: string;
  /** The template a cloned VM was made from (its template is then Blank). */
  originalTemplateId?: string;
  poolId?: string;
  status: VmStatus;
  /** Bumped by every state-changing action so stale scheduled transitions are ignored. */
  opSeq: number;
  config: VmConfig;
  /** The pending configuration for the next cold start. */
  nextRun?: VmConfig;
  /** use_latest_template_version: the VM follows its template's newest version (versions.ts). */
  useLatestVersion?: boolean;
  /** A template version change waiting for the next cold stop (UpdateVmCommand on a running VM). */
  nextRunTemplateId?: string;
  creationTime: number;
  startTime?: number;
  /** The host a running VM runs on. */
  hostId?: string;
  /** The last console ticket set on the VM (expiry as epoch ms); never rendered. */
  ticketExpiresAt?: number;
  /** The medium in the running VM's CD-ROM (changed with `current=true`); the config's when started. */
  currentCdrom?: string;
  /** While a stateless VM runs: its disks' state at start, restored when it goes down. */
  statelessSnapshot?: { diskId: string; provisionedSize: number; actualSize: number; content?: string }[];
}

export interface TemplateRecord {
  id: string;
  name: string;
  clusterId?: string;
  status: TemplateStatus;
  config: VmConfig;
  versionName: string;
  versionNumber: number;
  baseTemplateId: string;
  sourceVmId?: string;
  creationTime: number;
}

export interface PoolRecord {
  id: string;
  name: string;
  description: string;
  comment: string;
  clusterId: string;
  templateId: string;
  size: number;
  prestartedVms: number;
  maxUserVms: number;
  type: PoolType;
  stateful: boolean;
  autoStorageSelect: boolean;
  /** display.proxy: the SPICE proxy of the pool's consoles (VmPool's spiceProxy); empty = none. */
  spiceProxy?: string;
  useLatestTemplateVersion: boolean;
}

export interface ClusterRecord {
  id: string;
  name: string;
  description: string;
  dataCenterId: string;
}

export interface DataCenterRecord {
  id: string;
  name: string;
  description: string;
}

const MIB = 1024 * 1024;
export const bytesToMb = (bytes: number): number => Math.floor(bytes / MIB);
export const mbToBytes = (mb: number): number => mb * MIB;

/** The Blank template's settings, which VMs created from Blank start from. */
export function blankConfig(): VmConfig {
  return {
    description: "Blank template",
    comment: "",
    memoryMb: 1024,
    guaranteedMb: 1024,
    maxMb: 4096,
    ballooning: true,
    sockets: 1,
    cores: 1,
    threads: 1,
    type: "server",
    graphics: ["spice"],
    smartcardEnabled: false,
    monitors: 1,
    allowOverride: false,
    copyPasteEnabled: true,
    fileTransferEnabled: true,
    keyboardLayout: "",
    disconnectAction: "LOCK_SCREEN",
    disconnectActionDelay: 0,
    ssoGuestAgent: true,
    usbEnabled: false,
    stateless: false,
    deleteProtected: false,
    consoleEnabled: false,
    // Blank carries a sound device, so VMs from it have one unless told otherwise.
    soundcardEnabled: true,
    osType: "other",
    biosType: "cluster_default",
    tpmEnabled: false,
    timeZone: "",
    haEnabled: false,
    haPriority: 0,
    bootDevices: ["hd"],
    cdrom: "",
  };
}

/** Records written before these fields existed get the Blank template's values. */
export function withConfigDefaults(config: VmConfig): VmConfig {
  const blank = blankConfig();
  return {
    ...config,
    biosType: config.biosType ?? blank.biosType,
    tpmEnabled: config.tpmEnabled ?? blank.tpmEnabled,
    timeZone: config.timeZone ?? blank.timeZone,
    haEnabled: config.haEnabled ?? blank.haEnabled,
    haPriority: config.haPriority ?? blank.haPriority,
    bootDevices: config.bootDevices ?? blank.bootDevices,
    cdrom: config.cdrom ?? blank.cdrom,
  };
}

/**
 * The fields that may only change while the VM is Down: on a running VM they go to the next run.
 * As VmBase's @EditableVmField annotations say: osId is editable in any status (saved at once),
 * minAllocatedMem is hot-settable on a running VM, vncKeyboardLayout is Down-only.
 */
export const DOWN_ONLY_FIELDS: (keyof VmConfig)[] = [
  "smartcardEnabled", "ssoGuestAgent", "usbEnabled", "monitors", "fileTransferEnabled",
  "copyPasteEnabled", "type", "stateless", "cores", "threads", "graphics", "consoleEnabled",
  "soundcardEnabled", "maxMb", "ballooning", "keyboardLayout",
  // Firmware, devices and what the host reads at start: next run on a running VM.
  "biosType", "tpmEnabled", "timeZone", "videoType", "bootDevices", "cdrom",
];

export const isRunning = (status: VmStatus): boolean =>
  status === "up" || status === "powering_up" || status === "wait_for_launch" || status === "powering_down" ||
  status === "paused" || status === "reboot_in_progress";

export function protocolHex(protocol: string): string {
  return Buffer.from(protocol, "utf8").toString("hex");
}

export function protocolFromHex(hex: string): Protocol | undefined {
  if (!/^[0-9a-f]+$/i.test(hex)) return undefined;
  const p = Buffer.from(hex, "hex").toString("utf8");
  return (DISPLAY_TYPES as readonly string[]).includes(p) ? (p as Protocol) : undefined;
}

// ---- infrastructure and storage: what go-ovirt-client and Terraform's provider need ----

export interface HostRecord {
  id: string;
  name: string;
  clusterId: string;
  address: string;
  status: "up" | "maintenance" | "non_responsive";
}

/** An ISO image on an ISO storage domain (listed under /storagedomains/{id}/files; its id is its file name). */
export interface IsoFileRecord {
  name: string;
}

export interface StorageDomainRecord {
  id: string;
  name: string;
  description: string;
  dataCenterId: string;
  /** data | iso | export */
  type: string;
  /** nfs, iscsi, ... */
  storageType: string;
  address: string;
  path: string;
  /** Capacity in bytes; available = size - used by the disks on it. */
  sizeBytes: number;
  master: boolean;
  /** ISO images on an ISO domain. Data domains list their ISO disks (content_type iso) instead. */
  isoFiles?: IsoFileRecord[];
}

export type DiskStatus = "ok" | "locked" | "illegal";
export const DISK_FORMATS = ["cow", "raw"] as const;
export const DISK_INTERFACES = ["virtio", "virtio_scsi", "ide", "sata", "spapr_vscsi"] as const;

export interface DiskAttachmentInfo {
  /** The attachment id is the disk id, as on the engine. */
  vmId?: string;
  templateId?: string;
  interface: string;
  bootable: boolean;
  active: boolean;
  readOnly: boolean;
  logicalName?: string;
}

export interface DiskRecord {
  id: string;
  /** The disk's alias (its name). */
  name: string;
  description: string;
  storageDomainId: string;
  format: (typeof DISK_FORMATS)[number];
  sparse: boolean;
  provisionedSize: number;
  /** Bytes the image occupies on the storage domain. */
  actualSize: number;
  status: DiskStatus;
  shareable: boolean;
  /** Where it is attached: at most one VM or template, unless shareable. */
  attachments: DiskAttachmentInfo[];
  /** Further storage domains a template disk was copied to. */
  copies?: string[];
  /** A thin copy's base: the template disk it was made from. */
  baseDiskId?: string;
  /** content_type: an "iso" disk on a data domain is an ISO image a CD-ROM can take. */
  contentType?: string;
  /** The disk's bytes, base64, as far as they were uploaded (small test images only). */
  content?: string;
  creationTime: number;
}

export interface NetworkRecord {
  id: string;
  name: string;
  description: string;
  dataCenterId: string;
  vlanId?: number;
  mtu: number;
  vmNetwork: boolean;
}

export interface VnicProfileRecord {
  id: string;
  name: string;
  description: string;
  networkId: string;
  portMirroring: boolean;
}

export interface NicRecord {
  id: string;
  name: string;
  /** The VM the NIC belongs to; empty for a template's NIC. */
  vmId: string;
  /** The template the NIC belongs to (a template's NICs have no MAC: each VM gets its own). */
  templateId?: string;
  vnicProfileId?: string;
  interface: string;
  mac: string;
  plugged: boolean;
  linked: boolean;
}

export interface TagRecord {
  id: string;
  name: string;
  description: string;
  parentId: string;
  vmIds: string[];
  templateIds: string[];
  hostIds: string[];
}

export interface AffinityGroupRecord {
  id: string;
  name: string;
  description: string;
  clusterId: string;
  priority: number;
  vmsRule: { enabled: boolean; positive: boolean; enforcing: boolean };
  hostsRule: { enabled: boolean; positive: boolean; enforcing: boolean };
  vmIds: string[];
  hostIds: string[];
}

export interface AffinityLabelRecord {
  id: string;
  name: string;
  vmIds: string[];
  hostIds: string[];
}

export type TransferPhase =
  | "initializing" | "transferring" | "finalizing_success" | "finished_success" | "cancelled_user"
  | "finalizing_failure" | "finished_failure";

export interface ImageTransferRecord {
  id: string;
  name: string;
  diskId: string;
  direction: "upload" | "download";
  format: string;
  phase: TransferPhase;
  /** Secret part of the transfer URL (the imageio ticket); stored as given, never listed. */
  ticket: string;
  transferred: number;
  creationTime: number;
  correlationId?: string;
}

export interface JobRecord {
  id: string;
  name: string;
  description: string;
  status: "started" | "finished" | "failed" | "aborted";
  correlationId?: string;
  startTime: number;
  endTime?: number;
}
