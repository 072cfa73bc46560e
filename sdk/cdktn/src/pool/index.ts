// https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface PoolConfig extends cdktn.TerraformMetaArguments {
  /**
  * Name of the pool, unique across the engine. A run of `?` becomes the VM number (`desk-???` gives `desk-001`); otherwise VMs are named `<name>-N`. The engine cannot rename a pool, so changing it replaces the pool.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#name Pool#name}
  */
  readonly name: string;
  /**
  * Guest operating system as the engine names it (`os.type`), e.g. `windows_11`, `windows_2022`, `rhel_9x64`, `other`. The engine takes OS-specific defaults and rules from it (Windows 11 needs `bios_type` `q35_secure_boot` and `tpm_enabled`; Windows guests take Windows time zone names). Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#os_type Pool#os_type}
  */
  readonly osType?: string;
  /**
  * Chipset and firmware (`bios.type`): `cluster_default`, `i440fx_sea_bios`, `q35_sea_bios`, `q35_ovmf` (UEFI) or `q35_secure_boot` (UEFI with Secure Boot; the host writes the secure OVMF loader and SMM). Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it. One of "cluster_default", "i440fx_sea_bios", "q35_sea_bios", "q35_ovmf", "q35_secure_boot".
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#bios_type Pool#bios_type}
  */
  readonly biosType?: string;
  /**
  * An emulated TPM 2.0 (`tpm_enabled`; the host writes `<tpm model="tpm-crb">` on an swtpm backend). The engine adds a TPM only with UEFI firmware (`bios_type` `q35_ovmf` or `q35_secure_boot`). Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#tpm_enabled Pool#tpm_enabled}
  */
  readonly tpmEnabled?: boolean | cdktn.IResolvable;
  /**
  * The guest's hardware clock time zone (`time_zone.name`): a Windows zone name for Windows guests (e.g. `W. Europe Standard Time`), a zone id for the others (e.g. `Europe/Berlin`); the engine refuses the other family's spelling. Unset: the engine's default. Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#time_zone Pool#time_zone}
  */
  readonly timeZone?: string;
  /**
  * A sound device (`soundcard_enabled`; the host writes `<sound model="ich6"/>`). VMs from Blank have one unless told otherwise. Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#soundcard_enabled Pool#soundcard_enabled}
  */
  readonly soundcardEnabled?: boolean | cdktn.IResolvable;
  /**
  * The VNC console's keyboard layout (`display.keyboard_layout`), one of the engine's VncKeyboardLayoutValidValues such as `de`, `fr`, `en-us`. Unset: the engine's default (`en-us`). Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#keyboard_layout Pool#keyboard_layout}
  */
  readonly keyboardLayout?: string;
  /**
  * Video device (`display.video_type`): `qxl`, `vga`, `bochs` or `cirrus`. SPICE needs `qxl`. Unset: `qxl` with SPICE, `vga` with VNC. Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it. One of "qxl", "vga", "bochs", "cirrus".
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#video_type Pool#video_type}
  */
  readonly videoType?: string;
  /**
  * No graphics console and no video device on the pool's desktops (the engine's headless mode: each pool VM's graphics consoles are removed, also on VMs added when `size` grows). Leave `display_type`, `video_type` unset and `smartcard_enabled` false on a headless pool. Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#headless Pool#headless}
  */
  readonly headless?: boolean | cdktn.IResolvable;
  /**
  * Delete protection (`delete_protected`) on every desktop of the pool: the engine refuses to remove a protected VM, so a destroy of the pool fails naming `delete_protected` before anything is stopped or removed; set it to false (and apply) before destroying. Changes in place, also on running desktops: the engine edits a VM's delete protection at once whatever its status, and the provider sets it on each desktop (and on those added when `size` grows).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#delete_protected Pool#delete_protected}
  */
  readonly deleteProtected?: boolean | cdktn.IResolvable;
  /**
  * High availability (`high_availability`) of the pool's desktops: restart a desktop when it goes down unexpectedly, in `priority` order. Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it. A pool that is not `stateful` runs its desktops as stateless, and the engine does not start a highly available VM as stateless: enable it only on a `stateful` pool.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#high_availability Pool#high_availability}
  */
  readonly highAvailability?: PoolHighAvailability;
  /**
  * Memory the host guarantees, in MiB (`memory_policy.guaranteed`); at most `memory_mb`. Unset: the engine's default (all of `memory_mb`). Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#memory_guaranteed_mb Pool#memory_guaranteed_mb}
  */
  readonly memoryGuaranteedMb?: number;
  /**
  * The memory hot-plug ceiling in MiB (`memory_policy.max`); at least `memory_mb`. Unset: the engine's default (4 × `memory_mb`). Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#memory_max_mb Pool#memory_max_mb}
  */
  readonly memoryMaxMb?: number;
  /**
  * The virtio memory balloon (`memory_policy.ballooning`). Unset: on, as the engine defaults it. Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#ballooning Pool#ballooning}
  */
  readonly ballooning?: boolean | cdktn.IResolvable;
  /**
  * CPU sockets (`cpu.topology.sockets`). With `cpu_sockets` or `cpu_threads` set, `cpu_cores` counts cores per socket and the VM has sockets × cores × threads vCPUs. Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#cpu_sockets Pool#cpu_sockets}
  */
  readonly cpuSockets?: number;
  /**
  * Threads per core (`cpu.topology.threads`); see `cpu_sockets`. Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#cpu_threads Pool#cpu_threads}
  */
  readonly cpuThreads?: number;
  /**
  * Boot order (`os.boot.devices`), each of `hd`, `cdrom`, `network` at most once. Unset: the engine's default (`hd`). Applied when the pool is created: the engine gives a pool's VMs their settings only when it creates them, so changing it replaces the pool (and its desktops); to roll a change out to a pool's desktops without replacing it, publish a new version of its template and point the pool at it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#boot_devices Pool#boot_devices}
  */
  readonly bootDevices?: string[];
  /**
  * Let the engine choose the storage domain of each new pool VM's disks (`auto_storage_select`). The engine cannot change it on an existing pool: changing it replaces the pool.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#auto_storage_select Pool#auto_storage_select}
  */
  readonly autoStorageSelect?: boolean | cdktn.IResolvable;
  /**
  * The SPICE proxy consoles of the pool's desktops go through, e.g. `http://proxy.example.com:3128` (the pool's `display.proxy`). Changes in place.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#spice_proxy Pool#spice_proxy}
  */
  readonly spiceProxy?: string;
  /**
  * Cluster for the pool's VMs, by name or id. Changing it replaces the pool. Defaults to `"Default"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#cluster Pool#cluster}
  */
  readonly cluster?: string;
  /**
  * Template for the pool's VMs, by name or id (not Blank). Another version of the same template (the same base) is changed in place: the engine moves each desktop to it, a desktop that is down at once and a running one at its next start (see `rollout`); the plan says which. The engine refuses a template of another lineage; so does the provider's check, naming `template` (give the pool a new `name` to replace it).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#template Pool#template}
  */
  readonly template: string;
  /**
  * Free-text description shown in the engine.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#description Pool#description}
  */
  readonly description?: string;
  /**
  * Users who may take a desktop from this pool, as login names in `user@profile` form (`alice@corp`) or as the engine's user names (`alice@corp-authz`). Each gets the engine's UserRole on the pool; a user taken off the list loses it. Other roles and group permissions are left alone. Leave unset to manage no permissions. A user the directory knows but the engine does not yet is added to the engine first (as the admin portal does); one the directory does not know is an error naming `users`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#users Pool#users}
  */
  readonly users?: string[];
  /**
  * Number of VMs in the pool. The engine can only grow a pool; a smaller size is refused at plan time. Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#size Pool#size}
  */
  readonly size?: number;
  /**
  * How many VMs the engine keeps started and ready for users. At most `size`. Defaults to `0`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#prestarted_vms Pool#prestarted_vms}
  */
  readonly prestartedVms?: number;
  /**
  * How many VMs one user may take from the pool. Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#max_user_vms Pool#max_user_vms}
  */
  readonly maxUserVms?: number;
  /**
  * `automatic` (VMs return to the pool when the user is done) or `manual`. Changing it replaces the pool. One of "automatic", "manual". Defaults to `"automatic"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#pool_type Pool#pool_type}
  */
  readonly poolType?: string;
  /**
  * Keep the VMs' state between users. Changing it replaces the pool. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#stateful Pool#stateful}
  */
  readonly stateful?: boolean | cdktn.IResolvable;
  /**
  * Memory of each pool VM in MiB. Applied when the pool is created; changing it replaces the pool. Defaults to the template's.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#memory_mb Pool#memory_mb}
  */
  readonly memoryMb?: number;
  /**
  * Virtual CPU cores of each pool VM. Applied when the pool is created; changing it replaces the pool. Defaults to the template's.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#cpu_cores Pool#cpu_cores}
  */
  readonly cpuCores?: number;
  /**
  * Optimisation profile of each pool VM: `desktop`, `server` or `high_performance`. Applied when the pool is created; changing it replaces the pool. Defaults to the template's. One of "desktop", "server", "high_performance".
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#vm_type Pool#vm_type}
  */
  readonly vmType?: string;
  /**
  * USB redirection for each pool VM. High-performance VMs with USB off cannot use a smartcard. Applied when the pool is created; changing it replaces the pool. Defaults to the template's.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#usb_enabled Pool#usb_enabled}
  */
  readonly usbEnabled?: boolean | cdktn.IResolvable;
  /**
  * Graphics protocol of the console: `spice` (the default; needed for smartcard, multiple monitors, clipboard and file transfer) or `vnc`. The engine applies display settings to pool VMs only when the pool is created, so changing this replaces the pool. One of "spice", "vnc". Defaults to `"spice"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#display_type Pool#display_type}
  */
  readonly displayType?: string;
  /**
  * Pass the client's smartcard reader through to the guest (oVirt `display.smartcard_enabled`). Needs a SPICE display, and USB on high-performance VMs; the host then gets `<smartcard mode="passthrough" type="spicevmc"/>`. Console users may still switch it off for a session, never on. The engine applies display settings to pool VMs only when the pool is created, so changing this replaces the pool. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#smartcard_enabled Pool#smartcard_enabled}
  */
  readonly smartcardEnabled?: boolean | cdktn.IResolvable;
  /**
  * Number of SPICE monitors: 1, 2 or 4 (oVirt `display.monitors`). Left unset, the engine's value stays: a VM has its template's, a template its source VM's (1 from the Blank template). The engine applies display settings to pool VMs only when the pool is created, so changing this replaces the pool.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#monitors Pool#monitors}
  */
  readonly monitors?: number;
  /**
  * Allow clipboard copy and paste between client and guest over SPICE. Left unset, the engine's value stays: a VM has its template's, a template its source VM's (true from the Blank template). The engine applies display settings to pool VMs only when the pool is created, so changing this replaces the pool.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#copy_paste_enabled Pool#copy_paste_enabled}
  */
  readonly copyPasteEnabled?: boolean | cdktn.IResolvable;
  /**
  * Allow drag-and-drop file transfer from the client into the guest over SPICE. Left unset, the engine's value stays: a VM has its template's, a template its source VM's (true from the Blank template). The engine applies display settings to pool VMs only when the pool is created, so changing this replaces the pool.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#file_transfer_enabled Pool#file_transfer_enabled}
  */
  readonly fileTransferEnabled?: boolean | cdktn.IResolvable;
  /**
  * Guest initialization of each pool VM: exactly one of `cloud_init` or `sysprep`. The engine applies it to each pool VM's first start. It gives pool VMs their settings only when it creates them, so changing this replaces the pool.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#initialization Pool#initialization}
  */
  readonly initialization?: PoolInitialization;
  /**
  * Follow the template's newest version: when a new version of the template's lineage is made, the engine moves the pool's desktops to it (a desktop that is down at once, a running one when it next comes down), with no change to this resource. The engine's `use_latest_template_version`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#use_latest_template_version Pool#use_latest_template_version}
  */
  readonly useLatestTemplateVersion?: boolean | cdktn.IResolvable;
  /**
  * When desktops move to a new template version: `next-start` (the default, the engine's way: a running desktop moves when it next comes down) or `idle-now`: after the update the provider restarts the pool's running desktops that nobody holds or is connected to, so they run the new version at once; busy ones wait for their next start. `rollout_restarted` and `rollout_waiting` say which. Defaults to `"next-start"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#rollout Pool#rollout}
  */
  readonly rollout?: string;
  /**
  * Directory groups whose members may take a desktop from this pool, written as users are: `NAME@PROFILE` (`vdi-users@corp`, `vdi-users@corp.example.com`) or the engine's form (`vdi-users@corp-authz`). Each group gets the engine's UserRole; a group taken off the list loses it. A group the directory knows but the engine does not yet is added to the engine first (as the admin portal does); one the directory does not know is an error naming `groups`. Leave unset to manage no group permissions.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#groups Pool#groups}
  */
  readonly groups?: string[];
}
export interface PoolHighAvailability {
  /**
  * Restart the VM when it dies (the engine's `high_availability.enabled`); false when left out.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#enabled Pool#enabled}
  */
  readonly enabled?: boolean | cdktn.IResolvable;
  /**
  * Restart order among highly available VMs: a higher priority is restarted first (the engine's `high_availability.priority`).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#priority Pool#priority}
  */
  readonly priority?: number;
}

export function poolHighAvailabilityToTerraform(struct?: PoolHighAvailability | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    enabled: cdktn.booleanToTerraform(struct!.enabled),
    priority: cdktn.numberToTerraform(struct!.priority),
  }
}


export function poolHighAvailabilityToHclTerraform(struct?: PoolHighAvailability | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    enabled: {
      value: cdktn.booleanToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    priority: {
      value: cdktn.numberToHclTerraform(struct!.priority),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PoolHighAvailabilityOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PoolHighAvailability | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    if (this._priority !== undefined) {
      hasAnyValues = true;
      internalValueResult.priority = this._priority;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PoolHighAvailability | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._enabled = undefined;
      this._priority = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._enabled = value.enabled;
      this._priority = value.priority;
    }
  }

  // enabled - computed: true, optional: true, required: false
  private _enabled?: boolean | cdktn.IResolvable; 
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | cdktn.IResolvable) {
    this._enabled = value;
  }
  public resetEnabled() {
    this._enabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }

  // priority - computed: true, optional: true, required: false
  private _priority?: number; 
  public get priority() {
    return this.getNumberAttribute('priority');
  }
  public set priority(value: number) {
    this._priority = value;
  }
  public resetPriority() {
    this._priority = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get priorityInput() {
    return this._priority;
  }
}
export interface PoolInitializationCloudInitNicConfigurations {
  /**
  * Interface name inside the guest, such as `eth0`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#name Pool#name}
  */
  readonly name: string;
  /**
  * `dhcp`, `static` (with `address` and `netmask`) or `none`. One of "dhcp", "static", "none".
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#boot_protocol Pool#boot_protocol}
  */
  readonly bootProtocol?: string;
  /**
  * IPv4 address, for `static`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#address Pool#address}
  */
  readonly address?: string;
  /**
  * IPv4 netmask such as `255.255.255.0`, for `static`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#netmask Pool#netmask}
  */
  readonly netmask?: string;
  /**
  * IPv4 default gateway, for `static`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#gateway Pool#gateway}
  */
  readonly gateway?: string;
  /**
  * Bring the interface up at boot. Defaults to true. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#on_boot Pool#on_boot}
  */
  readonly onBoot?: boolean | cdktn.IResolvable;
}

export function poolInitializationCloudInitNicConfigurationsToTerraform(struct?: PoolInitializationCloudInitNicConfigurations | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    name: cdktn.stringToTerraform(struct!.name),
    boot_protocol: cdktn.stringToTerraform(struct!.bootProtocol),
    address: cdktn.stringToTerraform(struct!.address),
    netmask: cdktn.stringToTerraform(struct!.netmask),
    gateway: cdktn.stringToTerraform(struct!.gateway),
    on_boot: cdktn.booleanToTerraform(struct!.onBoot),
  }
}


export function poolInitializationCloudInitNicConfigurationsToHclTerraform(struct?: PoolInitializationCloudInitNicConfigurations | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    name: {
      value: cdktn.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    boot_protocol: {
      value: cdktn.stringToHclTerraform(struct!.bootProtocol),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    address: {
      value: cdktn.stringToHclTerraform(struct!.address),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    netmask: {
      value: cdktn.stringToHclTerraform(struct!.netmask),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    gateway: {
      value: cdktn.stringToHclTerraform(struct!.gateway),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    on_boot: {
      value: cdktn.booleanToHclTerraform(struct!.onBoot),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PoolInitializationCloudInitNicConfigurationsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): PoolInitializationCloudInitNicConfigurations | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._bootProtocol !== undefined) {
      hasAnyValues = true;
      internalValueResult.bootProtocol = this._bootProtocol;
    }
    if (this._address !== undefined) {
      hasAnyValues = true;
      internalValueResult.address = this._address;
    }
    if (this._netmask !== undefined) {
      hasAnyValues = true;
      internalValueResult.netmask = this._netmask;
    }
    if (this._gateway !== undefined) {
      hasAnyValues = true;
      internalValueResult.gateway = this._gateway;
    }
    if (this._onBoot !== undefined) {
      hasAnyValues = true;
      internalValueResult.onBoot = this._onBoot;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PoolInitializationCloudInitNicConfigurations | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._name = undefined;
      this._bootProtocol = undefined;
      this._address = undefined;
      this._netmask = undefined;
      this._gateway = undefined;
      this._onBoot = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._name = value.name;
      this._bootProtocol = value.bootProtocol;
      this._address = value.address;
      this._netmask = value.netmask;
      this._gateway = value.gateway;
      this._onBoot = value.onBoot;
    }
  }

  // name - computed: true, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // boot_protocol - computed: true, optional: true, required: false
  private _bootProtocol?: string; 
  public get bootProtocol() {
    return this.getStringAttribute('boot_protocol');
  }
  public set bootProtocol(value: string) {
    this._bootProtocol = value;
  }
  public resetBootProtocol() {
    this._bootProtocol = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bootProtocolInput() {
    return this._bootProtocol;
  }

  // address - computed: true, optional: true, required: false
  private _address?: string; 
  public get address() {
    return this.getStringAttribute('address');
  }
  public set address(value: string) {
    this._address = value;
  }
  public resetAddress() {
    this._address = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get addressInput() {
    return this._address;
  }

  // netmask - computed: true, optional: true, required: false
  private _netmask?: string; 
  public get netmask() {
    return this.getStringAttribute('netmask');
  }
  public set netmask(value: string) {
    this._netmask = value;
  }
  public resetNetmask() {
    this._netmask = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get netmaskInput() {
    return this._netmask;
  }

  // gateway - computed: true, optional: true, required: false
  private _gateway?: string; 
  public get gateway() {
    return this.getStringAttribute('gateway');
  }
  public set gateway(value: string) {
    this._gateway = value;
  }
  public resetGateway() {
    this._gateway = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get gatewayInput() {
    return this._gateway;
  }

  // on_boot - computed: true, optional: true, required: false
  private _onBoot?: boolean | cdktn.IResolvable; 
  public get onBoot() {
    return this.getBooleanAttribute('on_boot');
  }
  public set onBoot(value: boolean | cdktn.IResolvable) {
    this._onBoot = value;
  }
  public resetOnBoot() {
    this._onBoot = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get onBootInput() {
    return this._onBoot;
  }
}

export class PoolInitializationCloudInitNicConfigurationsList extends cdktn.ComplexList {
  public internalValue? : PoolInitializationCloudInitNicConfigurations[] | cdktn.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): PoolInitializationCloudInitNicConfigurationsOutputReference {
    return new PoolInitializationCloudInitNicConfigurationsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface PoolInitializationCloudInit {
  /**
  * Host name the guest sets.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#hostname Pool#hostname}
  */
  readonly hostname?: string;
  /**
  * Time zone, such as `Europe/Berlin`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#timezone Pool#timezone}
  */
  readonly timezone?: string;
  /**
  * User that cloud-init creates (and gives the SSH keys to).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#user_name Pool#user_name}
  */
  readonly userName?: string;
  /**
  * Public SSH keys that may log in as `user_name`, one per item.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#authorized_ssh_keys Pool#authorized_ssh_keys}
  */
  readonly authorizedSshKeys?: string[];
  /**
  * Extra cloud-config YAML the engine appends to its own.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#custom_script Pool#custom_script}
  */
  readonly customScript?: string;
  /**
  * DNS server addresses.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#dns_servers Pool#dns_servers}
  */
  readonly dnsServers?: string[];
  /**
  * Guest network interfaces cloud-init configures.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#nic_configurations Pool#nic_configurations}
  */
  readonly nicConfigurations?: PoolInitializationCloudInitNicConfigurations[] | cdktn.IResolvable;
}

export function poolInitializationCloudInitToTerraform(struct?: PoolInitializationCloudInit | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    hostname: cdktn.stringToTerraform(struct!.hostname),
    timezone: cdktn.stringToTerraform(struct!.timezone),
    user_name: cdktn.stringToTerraform(struct!.userName),
    authorized_ssh_keys: cdktn.listMapper(cdktn.stringToTerraform, false)(struct!.authorizedSshKeys),
    custom_script: cdktn.stringToTerraform(struct!.customScript),
    dns_servers: cdktn.listMapper(cdktn.stringToTerraform, false)(struct!.dnsServers),
    nic_configurations: cdktn.listMapper(poolInitializationCloudInitNicConfigurationsToTerraform, false)(struct!.nicConfigurations),
  }
}


export function poolInitializationCloudInitToHclTerraform(struct?: PoolInitializationCloudInit | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    hostname: {
      value: cdktn.stringToHclTerraform(struct!.hostname),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    timezone: {
      value: cdktn.stringToHclTerraform(struct!.timezone),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    user_name: {
      value: cdktn.stringToHclTerraform(struct!.userName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    authorized_ssh_keys: {
      value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(struct!.authorizedSshKeys),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    custom_script: {
      value: cdktn.stringToHclTerraform(struct!.customScript),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    dns_servers: {
      value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(struct!.dnsServers),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    nic_configurations: {
      value: cdktn.listMapperHcl(poolInitializationCloudInitNicConfigurationsToHclTerraform, false)(struct!.nicConfigurations),
      isBlock: true,
      type: "list",
      storageClassType: "PoolInitializationCloudInitNicConfigurationsList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PoolInitializationCloudInitOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PoolInitializationCloudInit | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._hostname !== undefined) {
      hasAnyValues = true;
      internalValueResult.hostname = this._hostname;
    }
    if (this._timezone !== undefined) {
      hasAnyValues = true;
      internalValueResult.timezone = this._timezone;
    }
    if (this._userName !== undefined) {
      hasAnyValues = true;
      internalValueResult.userName = this._userName;
    }
    if (this._authorizedSshKeys !== undefined) {
      hasAnyValues = true;
      internalValueResult.authorizedSshKeys = this._authorizedSshKeys;
    }
    if (this._customScript !== undefined) {
      hasAnyValues = true;
      internalValueResult.customScript = this._customScript;
    }
    if (this._dnsServers !== undefined) {
      hasAnyValues = true;
      internalValueResult.dnsServers = this._dnsServers;
    }
    if (this._nicConfigurations?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.nicConfigurations = this._nicConfigurations?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PoolInitializationCloudInit | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._hostname = undefined;
      this._timezone = undefined;
      this._userName = undefined;
      this._authorizedSshKeys = undefined;
      this._customScript = undefined;
      this._dnsServers = undefined;
      this._nicConfigurations.internalValue = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._hostname = value.hostname;
      this._timezone = value.timezone;
      this._userName = value.userName;
      this._authorizedSshKeys = value.authorizedSshKeys;
      this._customScript = value.customScript;
      this._dnsServers = value.dnsServers;
      this._nicConfigurations.internalValue = value.nicConfigurations;
    }
  }

  // hostname - computed: true, optional: true, required: false
  private _hostname?: string; 
  public get hostname() {
    return this.getStringAttribute('hostname');
  }
  public set hostname(value: string) {
    this._hostname = value;
  }
  public resetHostname() {
    this._hostname = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hostnameInput() {
    return this._hostname;
  }

  // timezone - computed: true, optional: true, required: false
  private _timezone?: string; 
  public get timezone() {
    return this.getStringAttribute('timezone');
  }
  public set timezone(value: string) {
    this._timezone = value;
  }
  public resetTimezone() {
    this._timezone = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timezoneInput() {
    return this._timezone;
  }

  // user_name - computed: true, optional: true, required: false
  private _userName?: string; 
  public get userName() {
    return this.getStringAttribute('user_name');
  }
  public set userName(value: string) {
    this._userName = value;
  }
  public resetUserName() {
    this._userName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userNameInput() {
    return this._userName;
  }

  // authorized_ssh_keys - computed: true, optional: true, required: false
  private _authorizedSshKeys?: string[]; 
  public get authorizedSshKeys() {
    return this.getListAttribute('authorized_ssh_keys');
  }
  public set authorizedSshKeys(value: string[]) {
    this._authorizedSshKeys = value;
  }
  public resetAuthorizedSshKeys() {
    this._authorizedSshKeys = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authorizedSshKeysInput() {
    return this._authorizedSshKeys;
  }

  // custom_script - computed: true, optional: true, required: false
  private _customScript?: string; 
  public get customScript() {
    return this.getStringAttribute('custom_script');
  }
  public set customScript(value: string) {
    this._customScript = value;
  }
  public resetCustomScript() {
    this._customScript = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get customScriptInput() {
    return this._customScript;
  }

  // dns_servers - computed: true, optional: true, required: false
  private _dnsServers?: string[]; 
  public get dnsServers() {
    return this.getListAttribute('dns_servers');
  }
  public set dnsServers(value: string[]) {
    this._dnsServers = value;
  }
  public resetDnsServers() {
    this._dnsServers = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dnsServersInput() {
    return this._dnsServers;
  }

  // nic_configurations - computed: true, optional: true, required: false
  private _nicConfigurations = new PoolInitializationCloudInitNicConfigurationsList(this, "nic_configurations", false);
  public get nicConfigurations() {
    return this._nicConfigurations;
  }
  public putNicConfigurations(value: PoolInitializationCloudInitNicConfigurations[] | cdktn.IResolvable) {
    this._nicConfigurations.internalValue = value;
  }
  public resetNicConfigurations() {
    this._nicConfigurations.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nicConfigurationsInput() {
    return this._nicConfigurations.internalValue;
  }
}
export interface PoolInitializationSysprep {
  /**
  * Computer name (15 characters at most, as Windows requires).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#hostname Pool#hostname}
  */
  readonly hostname?: string;
  /**
  * Active Directory domain to join.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#domain Pool#domain}
  */
  readonly domain?: string;
  /**
  * Organization name Windows registers.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#organization Pool#organization}
  */
  readonly organization?: string;
  /**
  * Password of the local Administrator. Kept secret in state; the engine never shows it again (it answers `******`), so a change made outside Pulumi is not seen.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#admin_password Pool#admin_password}
  */
  readonly adminPassword?: string;
  /**
  * Windows time zone name, such as `W. Europe Standard Time`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#timezone Pool#timezone}
  */
  readonly timezone?: string;
}

export function poolInitializationSysprepToTerraform(struct?: PoolInitializationSysprep | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    hostname: cdktn.stringToTerraform(struct!.hostname),
    domain: cdktn.stringToTerraform(struct!.domain),
    organization: cdktn.stringToTerraform(struct!.organization),
    admin_password: cdktn.stringToTerraform(struct!.adminPassword),
    timezone: cdktn.stringToTerraform(struct!.timezone),
  }
}


export function poolInitializationSysprepToHclTerraform(struct?: PoolInitializationSysprep | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    hostname: {
      value: cdktn.stringToHclTerraform(struct!.hostname),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    domain: {
      value: cdktn.stringToHclTerraform(struct!.domain),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    organization: {
      value: cdktn.stringToHclTerraform(struct!.organization),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    admin_password: {
      value: cdktn.stringToHclTerraform(struct!.adminPassword),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    timezone: {
      value: cdktn.stringToHclTerraform(struct!.timezone),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PoolInitializationSysprepOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PoolInitializationSysprep | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._hostname !== undefined) {
      hasAnyValues = true;
      internalValueResult.hostname = this._hostname;
    }
    if (this._domain !== undefined) {
      hasAnyValues = true;
      internalValueResult.domain = this._domain;
    }
    if (this._organization !== undefined) {
      hasAnyValues = true;
      internalValueResult.organization = this._organization;
    }
    if (this._adminPassword !== undefined) {
      hasAnyValues = true;
      internalValueResult.adminPassword = this._adminPassword;
    }
    if (this._timezone !== undefined) {
      hasAnyValues = true;
      internalValueResult.timezone = this._timezone;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PoolInitializationSysprep | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._hostname = undefined;
      this._domain = undefined;
      this._organization = undefined;
      this._adminPassword = undefined;
      this._timezone = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._hostname = value.hostname;
      this._domain = value.domain;
      this._organization = value.organization;
      this._adminPassword = value.adminPassword;
      this._timezone = value.timezone;
    }
  }

  // hostname - computed: true, optional: true, required: false
  private _hostname?: string; 
  public get hostname() {
    return this.getStringAttribute('hostname');
  }
  public set hostname(value: string) {
    this._hostname = value;
  }
  public resetHostname() {
    this._hostname = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hostnameInput() {
    return this._hostname;
  }

  // domain - computed: true, optional: true, required: false
  private _domain?: string; 
  public get domain() {
    return this.getStringAttribute('domain');
  }
  public set domain(value: string) {
    this._domain = value;
  }
  public resetDomain() {
    this._domain = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get domainInput() {
    return this._domain;
  }

  // organization - computed: true, optional: true, required: false
  private _organization?: string; 
  public get organization() {
    return this.getStringAttribute('organization');
  }
  public set organization(value: string) {
    this._organization = value;
  }
  public resetOrganization() {
    this._organization = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get organizationInput() {
    return this._organization;
  }

  // admin_password - computed: true, optional: true, required: false
  private _adminPassword?: string; 
  public get adminPassword() {
    return this.getStringAttribute('admin_password');
  }
  public set adminPassword(value: string) {
    this._adminPassword = value;
  }
  public resetAdminPassword() {
    this._adminPassword = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get adminPasswordInput() {
    return this._adminPassword;
  }

  // timezone - computed: true, optional: true, required: false
  private _timezone?: string; 
  public get timezone() {
    return this.getStringAttribute('timezone');
  }
  public set timezone(value: string) {
    this._timezone = value;
  }
  public resetTimezone() {
    this._timezone = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timezoneInput() {
    return this._timezone;
  }
}
export interface PoolInitialization {
  /**
  * cloud-init settings (Linux guests).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#cloud_init Pool#cloud_init}
  */
  readonly cloudInit?: PoolInitializationCloudInit;
  /**
  * Sysprep settings (Windows guests).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#sysprep Pool#sysprep}
  */
  readonly sysprep?: PoolInitializationSysprep;
}

export function poolInitializationToTerraform(struct?: PoolInitialization | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    cloud_init: poolInitializationCloudInitToTerraform(struct!.cloudInit),
    sysprep: poolInitializationSysprepToTerraform(struct!.sysprep),
  }
}


export function poolInitializationToHclTerraform(struct?: PoolInitialization | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    cloud_init: {
      value: poolInitializationCloudInitToHclTerraform(struct!.cloudInit),
      isBlock: true,
      type: "struct",
      storageClassType: "PoolInitializationCloudInit",
    },
    sysprep: {
      value: poolInitializationSysprepToHclTerraform(struct!.sysprep),
      isBlock: true,
      type: "struct",
      storageClassType: "PoolInitializationSysprep",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PoolInitializationOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PoolInitialization | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._cloudInit?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.cloudInit = this._cloudInit?.internalValue;
    }
    if (this._sysprep?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.sysprep = this._sysprep?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PoolInitialization | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._cloudInit.internalValue = undefined;
      this._sysprep.internalValue = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._cloudInit.internalValue = value.cloudInit;
      this._sysprep.internalValue = value.sysprep;
    }
  }

  // cloud_init - computed: true, optional: true, required: false
  private _cloudInit = new PoolInitializationCloudInitOutputReference(this, "cloud_init");
  public get cloudInit() {
    return this._cloudInit;
  }
  public putCloudInit(value: PoolInitializationCloudInit) {
    this._cloudInit.internalValue = value;
  }
  public resetCloudInit() {
    this._cloudInit.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cloudInitInput() {
    return this._cloudInit.internalValue;
  }

  // sysprep - computed: true, optional: true, required: false
  private _sysprep = new PoolInitializationSysprepOutputReference(this, "sysprep");
  public get sysprep() {
    return this._sysprep;
  }
  public putSysprep(value: PoolInitializationSysprep) {
    this._sysprep.internalValue = value;
  }
  public resetSysprep() {
    this._sysprep.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sysprepInput() {
    return this._sysprep.internalValue;
  }
}
export interface PoolVmTemplateVersions {
}

export function poolVmTemplateVersionsToTerraform(struct?: PoolVmTemplateVersions): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function poolVmTemplateVersionsToHclTerraform(struct?: PoolVmTemplateVersions): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class PoolVmTemplateVersionsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): PoolVmTemplateVersions | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PoolVmTemplateVersions | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // vm_name - computed: true, optional: false, required: false
  public get vmName() {
    return this.getStringAttribute('vm_name');
  }

  // vm_id - computed: true, optional: false, required: false
  public get vmId() {
    return this.getStringAttribute('vm_id');
  }

  // template_id - computed: true, optional: false, required: false
  public get templateId() {
    return this.getStringAttribute('template_id');
  }

  // version_number - computed: true, optional: false, required: false
  public get versionNumber() {
    return this.getNumberAttribute('version_number');
  }

  // pending_template_id - computed: true, optional: false, required: false
  public get pendingTemplateId() {
    return this.getStringAttribute('pending_template_id');
  }

  // pending_version_number - computed: true, optional: false, required: false
  public get pendingVersionNumber() {
    return this.getNumberAttribute('pending_version_number');
  }
}

export class PoolVmTemplateVersionsList extends cdktn.ComplexList {

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): PoolVmTemplateVersionsOutputReference {
    return new PoolVmTemplateVersionsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool ovirt_pool}
*/
export class Pool extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ovirt_pool";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Pool resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Pool to import
  * @param importFromId The id of the existing Pool that should be imported. Refer to the {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Pool to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "ovirt_pool", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool ovirt_pool} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options PoolConfig
  */
  public constructor(scope: Construct, id: string, config: PoolConfig) {
    super(scope, id, {
      terraformResourceType: 'ovirt_pool',
      terraformGeneratorMetadata: {
        providerName: 'ovirt',
        providerVersion: '0.1.0'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._name = config.name;
    this._osType = config.osType;
    this._biosType = config.biosType;
    this._tpmEnabled = config.tpmEnabled;
    this._timeZone = config.timeZone;
    this._soundcardEnabled = config.soundcardEnabled;
    this._keyboardLayout = config.keyboardLayout;
    this._videoType = config.videoType;
    this._headless = config.headless;
    this._deleteProtected = config.deleteProtected;
    this._highAvailability.internalValue = config.highAvailability;
    this._memoryGuaranteedMb = config.memoryGuaranteedMb;
    this._memoryMaxMb = config.memoryMaxMb;
    this._ballooning = config.ballooning;
    this._cpuSockets = config.cpuSockets;
    this._cpuThreads = config.cpuThreads;
    this._bootDevices = config.bootDevices;
    this._autoStorageSelect = config.autoStorageSelect;
    this._spiceProxy = config.spiceProxy;
    this._cluster = config.cluster;
    this._template = config.template;
    this._description = config.description;
    this._users = config.users;
    this._size = config.size;
    this._prestartedVms = config.prestartedVms;
    this._maxUserVms = config.maxUserVms;
    this._poolType = config.poolType;
    this._stateful = config.stateful;
    this._memoryMb = config.memoryMb;
    this._cpuCores = config.cpuCores;
    this._vmType = config.vmType;
    this._usbEnabled = config.usbEnabled;
    this._displayType = config.displayType;
    this._smartcardEnabled = config.smartcardEnabled;
    this._monitors = config.monitors;
    this._copyPasteEnabled = config.copyPasteEnabled;
    this._fileTransferEnabled = config.fileTransferEnabled;
    this._initialization.internalValue = config.initialization;
    this._useLatestTemplateVersion = config.useLatestTemplateVersion;
    this._rollout = config.rollout;
    this._groups = config.groups;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // os_type - computed: true, optional: true, required: false
  private _osType?: string; 
  public get osType() {
    return this.getStringAttribute('os_type');
  }
  public set osType(value: string) {
    this._osType = value;
  }
  public resetOsType() {
    this._osType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get osTypeInput() {
    return this._osType;
  }

  // bios_type - computed: true, optional: true, required: false
  private _biosType?: string; 
  public get biosType() {
    return this.getStringAttribute('bios_type');
  }
  public set biosType(value: string) {
    this._biosType = value;
  }
  public resetBiosType() {
    this._biosType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get biosTypeInput() {
    return this._biosType;
  }

  // tpm_enabled - computed: true, optional: true, required: false
  private _tpmEnabled?: boolean | cdktn.IResolvable; 
  public get tpmEnabled() {
    return this.getBooleanAttribute('tpm_enabled');
  }
  public set tpmEnabled(value: boolean | cdktn.IResolvable) {
    this._tpmEnabled = value;
  }
  public resetTpmEnabled() {
    this._tpmEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tpmEnabledInput() {
    return this._tpmEnabled;
  }

  // time_zone - computed: true, optional: true, required: false
  private _timeZone?: string; 
  public get timeZone() {
    return this.getStringAttribute('time_zone');
  }
  public set timeZone(value: string) {
    this._timeZone = value;
  }
  public resetTimeZone() {
    this._timeZone = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeZoneInput() {
    return this._timeZone;
  }

  // soundcard_enabled - computed: true, optional: true, required: false
  private _soundcardEnabled?: boolean | cdktn.IResolvable; 
  public get soundcardEnabled() {
    return this.getBooleanAttribute('soundcard_enabled');
  }
  public set soundcardEnabled(value: boolean | cdktn.IResolvable) {
    this._soundcardEnabled = value;
  }
  public resetSoundcardEnabled() {
    this._soundcardEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get soundcardEnabledInput() {
    return this._soundcardEnabled;
  }

  // keyboard_layout - computed: true, optional: true, required: false
  private _keyboardLayout?: string; 
  public get keyboardLayout() {
    return this.getStringAttribute('keyboard_layout');
  }
  public set keyboardLayout(value: string) {
    this._keyboardLayout = value;
  }
  public resetKeyboardLayout() {
    this._keyboardLayout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keyboardLayoutInput() {
    return this._keyboardLayout;
  }

  // video_type - computed: true, optional: true, required: false
  private _videoType?: string; 
  public get videoType() {
    return this.getStringAttribute('video_type');
  }
  public set videoType(value: string) {
    this._videoType = value;
  }
  public resetVideoType() {
    this._videoType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get videoTypeInput() {
    return this._videoType;
  }

  // headless - computed: true, optional: true, required: false
  private _headless?: boolean | cdktn.IResolvable; 
  public get headless() {
    return this.getBooleanAttribute('headless');
  }
  public set headless(value: boolean | cdktn.IResolvable) {
    this._headless = value;
  }
  public resetHeadless() {
    this._headless = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get headlessInput() {
    return this._headless;
  }

  // delete_protected - computed: true, optional: true, required: false
  private _deleteProtected?: boolean | cdktn.IResolvable; 
  public get deleteProtected() {
    return this.getBooleanAttribute('delete_protected');
  }
  public set deleteProtected(value: boolean | cdktn.IResolvable) {
    this._deleteProtected = value;
  }
  public resetDeleteProtected() {
    this._deleteProtected = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteProtectedInput() {
    return this._deleteProtected;
  }

  // high_availability - computed: true, optional: true, required: false
  private _highAvailability = new PoolHighAvailabilityOutputReference(this, "high_availability");
  public get highAvailability() {
    return this._highAvailability;
  }
  public putHighAvailability(value: PoolHighAvailability) {
    this._highAvailability.internalValue = value;
  }
  public resetHighAvailability() {
    this._highAvailability.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get highAvailabilityInput() {
    return this._highAvailability.internalValue;
  }

  // memory_guaranteed_mb - computed: true, optional: true, required: false
  private _memoryGuaranteedMb?: number; 
  public get memoryGuaranteedMb() {
    return this.getNumberAttribute('memory_guaranteed_mb');
  }
  public set memoryGuaranteedMb(value: number) {
    this._memoryGuaranteedMb = value;
  }
  public resetMemoryGuaranteedMb() {
    this._memoryGuaranteedMb = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memoryGuaranteedMbInput() {
    return this._memoryGuaranteedMb;
  }

  // memory_max_mb - computed: true, optional: true, required: false
  private _memoryMaxMb?: number; 
  public get memoryMaxMb() {
    return this.getNumberAttribute('memory_max_mb');
  }
  public set memoryMaxMb(value: number) {
    this._memoryMaxMb = value;
  }
  public resetMemoryMaxMb() {
    this._memoryMaxMb = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memoryMaxMbInput() {
    return this._memoryMaxMb;
  }

  // ballooning - computed: true, optional: true, required: false
  private _ballooning?: boolean | cdktn.IResolvable; 
  public get ballooning() {
    return this.getBooleanAttribute('ballooning');
  }
  public set ballooning(value: boolean | cdktn.IResolvable) {
    this._ballooning = value;
  }
  public resetBallooning() {
    this._ballooning = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ballooningInput() {
    return this._ballooning;
  }

  // cpu_sockets - computed: true, optional: true, required: false
  private _cpuSockets?: number; 
  public get cpuSockets() {
    return this.getNumberAttribute('cpu_sockets');
  }
  public set cpuSockets(value: number) {
    this._cpuSockets = value;
  }
  public resetCpuSockets() {
    this._cpuSockets = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cpuSocketsInput() {
    return this._cpuSockets;
  }

  // cpu_threads - computed: true, optional: true, required: false
  private _cpuThreads?: number; 
  public get cpuThreads() {
    return this.getNumberAttribute('cpu_threads');
  }
  public set cpuThreads(value: number) {
    this._cpuThreads = value;
  }
  public resetCpuThreads() {
    this._cpuThreads = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cpuThreadsInput() {
    return this._cpuThreads;
  }

  // boot_devices - computed: true, optional: true, required: false
  private _bootDevices?: string[]; 
  public get bootDevices() {
    return this.getListAttribute('boot_devices');
  }
  public set bootDevices(value: string[]) {
    this._bootDevices = value;
  }
  public resetBootDevices() {
    this._bootDevices = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bootDevicesInput() {
    return this._bootDevices;
  }

  // auto_storage_select - computed: true, optional: true, required: false
  private _autoStorageSelect?: boolean | cdktn.IResolvable; 
  public get autoStorageSelect() {
    return this.getBooleanAttribute('auto_storage_select');
  }
  public set autoStorageSelect(value: boolean | cdktn.IResolvable) {
    this._autoStorageSelect = value;
  }
  public resetAutoStorageSelect() {
    this._autoStorageSelect = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get autoStorageSelectInput() {
    return this._autoStorageSelect;
  }

  // spice_proxy - computed: true, optional: true, required: false
  private _spiceProxy?: string; 
  public get spiceProxy() {
    return this.getStringAttribute('spice_proxy');
  }
  public set spiceProxy(value: string) {
    this._spiceProxy = value;
  }
  public resetSpiceProxy() {
    this._spiceProxy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get spiceProxyInput() {
    return this._spiceProxy;
  }

  // cluster - computed: true, optional: true, required: false
  private _cluster?: string; 
  public get cluster() {
    return this.getStringAttribute('cluster');
  }
  public set cluster(value: string) {
    this._cluster = value;
  }
  public resetCluster() {
    this._cluster = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clusterInput() {
    return this._cluster;
  }

  // template - computed: false, optional: false, required: true
  private _template?: string; 
  public get template() {
    return this.getStringAttribute('template');
  }
  public set template(value: string) {
    this._template = value;
  }
  // Temporarily expose input value. Use with caution.
  public get templateInput() {
    return this._template;
  }

  // description - computed: true, optional: true, required: false
  private _description?: string; 
  public get description() {
    return this.getStringAttribute('description');
  }
  public set description(value: string) {
    this._description = value;
  }
  public resetDescription() {
    this._description = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get descriptionInput() {
    return this._description;
  }

  // users - computed: true, optional: true, required: false
  private _users?: string[]; 
  public get users() {
    return this.getListAttribute('users');
  }
  public set users(value: string[]) {
    this._users = value;
  }
  public resetUsers() {
    this._users = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get usersInput() {
    return this._users;
  }

  // size - computed: true, optional: true, required: false
  private _size?: number; 
  public get size() {
    return this.getNumberAttribute('size');
  }
  public set size(value: number) {
    this._size = value;
  }
  public resetSize() {
    this._size = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sizeInput() {
    return this._size;
  }

  // prestarted_vms - computed: true, optional: true, required: false
  private _prestartedVms?: number; 
  public get prestartedVms() {
    return this.getNumberAttribute('prestarted_vms');
  }
  public set prestartedVms(value: number) {
    this._prestartedVms = value;
  }
  public resetPrestartedVms() {
    this._prestartedVms = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get prestartedVmsInput() {
    return this._prestartedVms;
  }

  // max_user_vms - computed: true, optional: true, required: false
  private _maxUserVms?: number; 
  public get maxUserVms() {
    return this.getNumberAttribute('max_user_vms');
  }
  public set maxUserVms(value: number) {
    this._maxUserVms = value;
  }
  public resetMaxUserVms() {
    this._maxUserVms = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxUserVmsInput() {
    return this._maxUserVms;
  }

  // pool_type - computed: true, optional: true, required: false
  private _poolType?: string; 
  public get poolType() {
    return this.getStringAttribute('pool_type');
  }
  public set poolType(value: string) {
    this._poolType = value;
  }
  public resetPoolType() {
    this._poolType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get poolTypeInput() {
    return this._poolType;
  }

  // stateful - computed: true, optional: true, required: false
  private _stateful?: boolean | cdktn.IResolvable; 
  public get stateful() {
    return this.getBooleanAttribute('stateful');
  }
  public set stateful(value: boolean | cdktn.IResolvable) {
    this._stateful = value;
  }
  public resetStateful() {
    this._stateful = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get statefulInput() {
    return this._stateful;
  }

  // memory_mb - computed: true, optional: true, required: false
  private _memoryMb?: number; 
  public get memoryMb() {
    return this.getNumberAttribute('memory_mb');
  }
  public set memoryMb(value: number) {
    this._memoryMb = value;
  }
  public resetMemoryMb() {
    this._memoryMb = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memoryMbInput() {
    return this._memoryMb;
  }

  // cpu_cores - computed: true, optional: true, required: false
  private _cpuCores?: number; 
  public get cpuCores() {
    return this.getNumberAttribute('cpu_cores');
  }
  public set cpuCores(value: number) {
    this._cpuCores = value;
  }
  public resetCpuCores() {
    this._cpuCores = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cpuCoresInput() {
    return this._cpuCores;
  }

  // vm_type - computed: true, optional: true, required: false
  private _vmType?: string; 
  public get vmType() {
    return this.getStringAttribute('vm_type');
  }
  public set vmType(value: string) {
    this._vmType = value;
  }
  public resetVmType() {
    this._vmType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vmTypeInput() {
    return this._vmType;
  }

  // usb_enabled - computed: true, optional: true, required: false
  private _usbEnabled?: boolean | cdktn.IResolvable; 
  public get usbEnabled() {
    return this.getBooleanAttribute('usb_enabled');
  }
  public set usbEnabled(value: boolean | cdktn.IResolvable) {
    this._usbEnabled = value;
  }
  public resetUsbEnabled() {
    this._usbEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get usbEnabledInput() {
    return this._usbEnabled;
  }

  // display_type - computed: true, optional: true, required: false
  private _displayType?: string; 
  public get displayType() {
    return this.getStringAttribute('display_type');
  }
  public set displayType(value: string) {
    this._displayType = value;
  }
  public resetDisplayType() {
    this._displayType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get displayTypeInput() {
    return this._displayType;
  }

  // smartcard_enabled - computed: true, optional: true, required: false
  private _smartcardEnabled?: boolean | cdktn.IResolvable; 
  public get smartcardEnabled() {
    return this.getBooleanAttribute('smartcard_enabled');
  }
  public set smartcardEnabled(value: boolean | cdktn.IResolvable) {
    this._smartcardEnabled = value;
  }
  public resetSmartcardEnabled() {
    this._smartcardEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get smartcardEnabledInput() {
    return this._smartcardEnabled;
  }

  // monitors - computed: true, optional: true, required: false
  private _monitors?: number; 
  public get monitors() {
    return this.getNumberAttribute('monitors');
  }
  public set monitors(value: number) {
    this._monitors = value;
  }
  public resetMonitors() {
    this._monitors = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get monitorsInput() {
    return this._monitors;
  }

  // copy_paste_enabled - computed: true, optional: true, required: false
  private _copyPasteEnabled?: boolean | cdktn.IResolvable; 
  public get copyPasteEnabled() {
    return this.getBooleanAttribute('copy_paste_enabled');
  }
  public set copyPasteEnabled(value: boolean | cdktn.IResolvable) {
    this._copyPasteEnabled = value;
  }
  public resetCopyPasteEnabled() {
    this._copyPasteEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get copyPasteEnabledInput() {
    return this._copyPasteEnabled;
  }

  // file_transfer_enabled - computed: true, optional: true, required: false
  private _fileTransferEnabled?: boolean | cdktn.IResolvable; 
  public get fileTransferEnabled() {
    return this.getBooleanAttribute('file_transfer_enabled');
  }
  public set fileTransferEnabled(value: boolean | cdktn.IResolvable) {
    this._fileTransferEnabled = value;
  }
  public resetFileTransferEnabled() {
    this._fileTransferEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fileTransferEnabledInput() {
    return this._fileTransferEnabled;
  }

  // initialization - computed: true, optional: true, required: false
  private _initialization = new PoolInitializationOutputReference(this, "initialization");
  public get initialization() {
    return this._initialization;
  }
  public putInitialization(value: PoolInitialization) {
    this._initialization.internalValue = value;
  }
  public resetInitialization() {
    this._initialization.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get initializationInput() {
    return this._initialization.internalValue;
  }

  // use_latest_template_version - computed: true, optional: true, required: false
  private _useLatestTemplateVersion?: boolean | cdktn.IResolvable; 
  public get useLatestTemplateVersion() {
    return this.getBooleanAttribute('use_latest_template_version');
  }
  public set useLatestTemplateVersion(value: boolean | cdktn.IResolvable) {
    this._useLatestTemplateVersion = value;
  }
  public resetUseLatestTemplateVersion() {
    this._useLatestTemplateVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get useLatestTemplateVersionInput() {
    return this._useLatestTemplateVersion;
  }

  // rollout - computed: true, optional: true, required: false
  private _rollout?: string; 
  public get rollout() {
    return this.getStringAttribute('rollout');
  }
  public set rollout(value: string) {
    this._rollout = value;
  }
  public resetRollout() {
    this._rollout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rolloutInput() {
    return this._rollout;
  }

  // groups - computed: true, optional: true, required: false
  private _groups?: string[]; 
  public get groups() {
    return this.getListAttribute('groups');
  }
  public set groups(value: string[]) {
    this._groups = value;
  }
  public resetGroups() {
    this._groups = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get groupsInput() {
    return this._groups;
  }

  // pool_id - computed: true, optional: false, required: false
  public get poolId() {
    return this.getStringAttribute('pool_id');
  }

  // cluster_id - computed: true, optional: false, required: false
  public get clusterId() {
    return this.getStringAttribute('cluster_id');
  }

  // template_id - computed: true, optional: false, required: false
  public get templateId() {
    return this.getStringAttribute('template_id');
  }

  // vm_names - computed: true, optional: false, required: false
  public get vmNames() {
    return this.getListAttribute('vm_names');
  }

  // console_description - computed: true, optional: false, required: false
  public get consoleDescription() {
    return this.getStringAttribute('console_description');
  }

  // domain_xml - computed: true, optional: false, required: false
  public get domainXml() {
    return this.getStringAttribute('domain_xml');
  }

  // vm_template_versions - computed: true, optional: false, required: false
  private _vmTemplateVersions = new PoolVmTemplateVersionsList(this, "vm_template_versions", false);
  public get vmTemplateVersions() {
    return this._vmTemplateVersions;
  }

  // rollout_restarted - computed: true, optional: false, required: false
  public get rolloutRestarted() {
    return this.getListAttribute('rollout_restarted');
  }

  // rollout_waiting - computed: true, optional: false, required: false
  public get rolloutWaiting() {
    return this.getListAttribute('rollout_waiting');
  }

  // added_principals - computed: true, optional: false, required: false
  public get addedPrincipals() {
    return this.getListAttribute('added_principals');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      name: cdktn.stringToTerraform(this._name),
      os_type: cdktn.stringToTerraform(this._osType),
      bios_type: cdktn.stringToTerraform(this._biosType),
      tpm_enabled: cdktn.booleanToTerraform(this._tpmEnabled),
      time_zone: cdktn.stringToTerraform(this._timeZone),
      soundcard_enabled: cdktn.booleanToTerraform(this._soundcardEnabled),
      keyboard_layout: cdktn.stringToTerraform(this._keyboardLayout),
      video_type: cdktn.stringToTerraform(this._videoType),
      headless: cdktn.booleanToTerraform(this._headless),
      delete_protected: cdktn.booleanToTerraform(this._deleteProtected),
      high_availability: poolHighAvailabilityToTerraform(this._highAvailability.internalValue),
      memory_guaranteed_mb: cdktn.numberToTerraform(this._memoryGuaranteedMb),
      memory_max_mb: cdktn.numberToTerraform(this._memoryMaxMb),
      ballooning: cdktn.booleanToTerraform(this._ballooning),
      cpu_sockets: cdktn.numberToTerraform(this._cpuSockets),
      cpu_threads: cdktn.numberToTerraform(this._cpuThreads),
      boot_devices: cdktn.listMapper(cdktn.stringToTerraform, false)(this._bootDevices),
      auto_storage_select: cdktn.booleanToTerraform(this._autoStorageSelect),
      spice_proxy: cdktn.stringToTerraform(this._spiceProxy),
      cluster: cdktn.stringToTerraform(this._cluster),
      template: cdktn.stringToTerraform(this._template),
      description: cdktn.stringToTerraform(this._description),
      users: cdktn.listMapper(cdktn.stringToTerraform, false)(this._users),
      size: cdktn.numberToTerraform(this._size),
      prestarted_vms: cdktn.numberToTerraform(this._prestartedVms),
      max_user_vms: cdktn.numberToTerraform(this._maxUserVms),
      pool_type: cdktn.stringToTerraform(this._poolType),
      stateful: cdktn.booleanToTerraform(this._stateful),
      memory_mb: cdktn.numberToTerraform(this._memoryMb),
      cpu_cores: cdktn.numberToTerraform(this._cpuCores),
      vm_type: cdktn.stringToTerraform(this._vmType),
      usb_enabled: cdktn.booleanToTerraform(this._usbEnabled),
      display_type: cdktn.stringToTerraform(this._displayType),
      smartcard_enabled: cdktn.booleanToTerraform(this._smartcardEnabled),
      monitors: cdktn.numberToTerraform(this._monitors),
      copy_paste_enabled: cdktn.booleanToTerraform(this._copyPasteEnabled),
      file_transfer_enabled: cdktn.booleanToTerraform(this._fileTransferEnabled),
      initialization: poolInitializationToTerraform(this._initialization.internalValue),
      use_latest_template_version: cdktn.booleanToTerraform(this._useLatestTemplateVersion),
      rollout: cdktn.stringToTerraform(this._rollout),
      groups: cdktn.listMapper(cdktn.stringToTerraform, false)(this._groups),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      name: {
        value: cdktn.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      os_type: {
        value: cdktn.stringToHclTerraform(this._osType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      bios_type: {
        value: cdktn.stringToHclTerraform(this._biosType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      tpm_enabled: {
        value: cdktn.booleanToHclTerraform(this._tpmEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      time_zone: {
        value: cdktn.stringToHclTerraform(this._timeZone),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      soundcard_enabled: {
        value: cdktn.booleanToHclTerraform(this._soundcardEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      keyboard_layout: {
        value: cdktn.stringToHclTerraform(this._keyboardLayout),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      video_type: {
        value: cdktn.stringToHclTerraform(this._videoType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      headless: {
        value: cdktn.booleanToHclTerraform(this._headless),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      delete_protected: {
        value: cdktn.booleanToHclTerraform(this._deleteProtected),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      high_availability: {
        value: poolHighAvailabilityToHclTerraform(this._highAvailability.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "PoolHighAvailability",
      },
      memory_guaranteed_mb: {
        value: cdktn.numberToHclTerraform(this._memoryGuaranteedMb),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      memory_max_mb: {
        value: cdktn.numberToHclTerraform(this._memoryMaxMb),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      ballooning: {
        value: cdktn.booleanToHclTerraform(this._ballooning),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      cpu_sockets: {
        value: cdktn.numberToHclTerraform(this._cpuSockets),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      cpu_threads: {
        value: cdktn.numberToHclTerraform(this._cpuThreads),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      boot_devices: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._bootDevices),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      auto_storage_select: {
        value: cdktn.booleanToHclTerraform(this._autoStorageSelect),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      spice_proxy: {
        value: cdktn.stringToHclTerraform(this._spiceProxy),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cluster: {
        value: cdktn.stringToHclTerraform(this._cluster),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      template: {
        value: cdktn.stringToHclTerraform(this._template),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      description: {
        value: cdktn.stringToHclTerraform(this._description),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      users: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._users),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      size: {
        value: cdktn.numberToHclTerraform(this._size),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      prestarted_vms: {
        value: cdktn.numberToHclTerraform(this._prestartedVms),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      max_user_vms: {
        value: cdktn.numberToHclTerraform(this._maxUserVms),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      pool_type: {
        value: cdktn.stringToHclTerraform(this._poolType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      stateful: {
        value: cdktn.booleanToHclTerraform(this._stateful),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      memory_mb: {
        value: cdktn.numberToHclTerraform(this._memoryMb),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      cpu_cores: {
        value: cdktn.numberToHclTerraform(this._cpuCores),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      vm_type: {
        value: cdktn.stringToHclTerraform(this._vmType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      usb_enabled: {
        value: cdktn.booleanToHclTerraform(this._usbEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      display_type: {
        value: cdktn.stringToHclTerraform(this._displayType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      smartcard_enabled: {
        value: cdktn.booleanToHclTerraform(this._smartcardEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      monitors: {
        value: cdktn.numberToHclTerraform(this._monitors),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      copy_paste_enabled: {
        value: cdktn.booleanToHclTerraform(this._copyPasteEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      file_transfer_enabled: {
        value: cdktn.booleanToHclTerraform(this._fileTransferEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      initialization: {
        value: poolInitializationToHclTerraform(this._initialization.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "PoolInitialization",
      },
      use_latest_template_version: {
        value: cdktn.booleanToHclTerraform(this._useLatestTemplateVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      rollout: {
        value: cdktn.stringToHclTerraform(this._rollout),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      groups: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._groups),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
