// https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface VmConfig extends cdktn.TerraformMetaArguments {
  /**
  * Name of the VM, unique within the data center (64 characters at most).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#name Vm#name}
  */
  readonly name: string;
  /**
  * Guest operating system as the engine names it (`os.type`), e.g. `windows_11`, `windows_2022`, `rhel_9x64`, `other`. The engine takes OS-specific defaults and rules from it (Windows 11 needs `bios_type` `q35_secure_boot` and `tpm_enabled`; Windows guests take Windows time zone names). Changes in place, also on a running VM.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#os_type Vm#os_type}
  */
  readonly osType?: string;
  /**
  * Chipset and firmware (`bios.type`): `cluster_default`, `i440fx_sea_bios`, `q35_sea_bios`, `q35_ovmf` (UEFI) or `q35_secure_boot` (UEFI with Secure Boot; the host writes the secure OVMF loader and SMM). On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again. One of "cluster_default", "i440fx_sea_bios", "q35_sea_bios", "q35_ovmf", "q35_secure_boot".
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#bios_type Vm#bios_type}
  */
  readonly biosType?: string;
  /**
  * An emulated TPM 2.0 (`tpm_enabled`; the host writes `<tpm model="tpm-crb">` on an swtpm backend). The engine adds a TPM only with UEFI firmware (`bios_type` `q35_ovmf` or `q35_secure_boot`). On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#tpm_enabled Vm#tpm_enabled}
  */
  readonly tpmEnabled?: boolean | cdktn.IResolvable;
  /**
  * The guest's hardware clock time zone (`time_zone.name`): a Windows zone name for Windows guests (e.g. `W. Europe Standard Time`), a zone id for the others (e.g. `Europe/Berlin`); the engine refuses the other family's spelling. Unset: the engine's default. On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#time_zone Vm#time_zone}
  */
  readonly timeZone?: string;
  /**
  * A sound device (`soundcard_enabled`; the host writes `<sound model="ich6"/>`). VMs from Blank have one unless told otherwise. On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#soundcard_enabled Vm#soundcard_enabled}
  */
  readonly soundcardEnabled?: boolean | cdktn.IResolvable;
  /**
  * The VNC console's keyboard layout (`display.keyboard_layout`), one of the engine's VncKeyboardLayoutValidValues such as `de`, `fr`, `en-us`. Unset: the engine's default (`en-us`). On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#keyboard_layout Vm#keyboard_layout}
  */
  readonly keyboardLayout?: string;
  /**
  * Video device (`display.video_type`): `qxl`, `vga`, `bochs` or `cirrus`. SPICE needs `qxl`. Unset: `qxl` with SPICE, `vga` with VNC. On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again. One of "qxl", "vga", "bochs", "cirrus".
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#video_type Vm#video_type}
  */
  readonly videoType?: string;
  /**
  * No graphics console and no video device (the engine's headless mode: the VM's graphics consoles are removed). Leave `display_type`, `video_type` unset and `smartcard_enabled` false on a headless VM. On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#headless Vm#headless}
  */
  readonly headless?: boolean | cdktn.IResolvable;
  /**
  * Delete protection (`delete_protected`): the engine refuses to remove the VM while it is on, so a destroy fails naming `delete_protected`; set it to false (and apply) before destroying. Changes in place, also on a running VM.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#delete_protected Vm#delete_protected}
  */
  readonly deleteProtected?: boolean | cdktn.IResolvable;
  /**
  * Stateless runs (`stateless`): each run starts from a snapshot of the disks, and the engine throws the run's changes away when the VM stops. The engine does not start a highly available VM as stateless, so a `running` VM cannot have both. On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#stateless Vm#stateless}
  */
  readonly stateless?: boolean | cdktn.IResolvable;
  /**
  * High availability (`high_availability`): restart the VM when it goes down unexpectedly, in `priority` order. Changes in place, also on a running VM.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#high_availability Vm#high_availability}
  */
  readonly highAvailability?: VmHighAvailability;
  /**
  * Memory the host guarantees, in MiB (`memory_policy.guaranteed`); at most `memory_mb`. Unset: the engine's default (all of `memory_mb`). Changes in place, also on a running VM.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#memory_guaranteed_mb Vm#memory_guaranteed_mb}
  */
  readonly memoryGuaranteedMb?: number;
  /**
  * The memory hot-plug ceiling in MiB (`memory_policy.max`); at least `memory_mb`. Unset: the engine's default (4 × `memory_mb`). On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#memory_max_mb Vm#memory_max_mb}
  */
  readonly memoryMaxMb?: number;
  /**
  * The virtio memory balloon (`memory_policy.ballooning`). Unset: on, as the engine defaults it. On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#ballooning Vm#ballooning}
  */
  readonly ballooning?: boolean | cdktn.IResolvable;
  /**
  * CPU sockets (`cpu.topology.sockets`). With `cpu_sockets` or `cpu_threads` set, `cpu_cores` counts cores per socket and the VM has sockets × cores × threads vCPUs. The engine hot-plugs sockets: changes in place, also on a running VM.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#cpu_sockets Vm#cpu_sockets}
  */
  readonly cpuSockets?: number;
  /**
  * Threads per core (`cpu.topology.threads`); see `cpu_sockets`. On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#cpu_threads Vm#cpu_threads}
  */
  readonly cpuThreads?: number;
  /**
  * Boot order (`os.boot.devices`), each of `hd`, `cdrom`, `network` at most once. Unset: the engine's default (`hd`). On a running VM the engine keeps a change for the next run (`pending_restart` shows it) until the VM is stopped and started again.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#boot_devices Vm#boot_devices}
  */
  readonly bootDevices?: string[];
  /**
  * The ISO in the VM's CD-ROM, by file name or id: an ISO disk (`content_type` iso) on a data domain, or a file of an ISO domain (the storage domain's files). Empty or unset: no medium. A change swaps the medium in place, also in a running VM (the engine's `current` CD-ROM), and keeps it for the next runs.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#cdrom Vm#cdrom}
  */
  readonly cdrom?: string;
  /**
  * Cluster to run in, by name or id. Changing it replaces the VM. Defaults to `"Default"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#cluster Vm#cluster}
  */
  readonly cluster?: string;
  /**
  * Template to create the VM from, by name or id. Changing it replaces the VM. Defaults to `"Blank"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#template Vm#template}
  */
  readonly template?: string;
  /**
  * Memory in MiB. Defaults to `1024`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#memory_mb Vm#memory_mb}
  */
  readonly memoryMb?: number;
  /**
  * Number of virtual CPU cores (one socket). Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#cpu_cores Vm#cpu_cores}
  */
  readonly cpuCores?: number;
  /**
  * Free-text description shown in the engine.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#description Vm#description}
  */
  readonly description?: string;
  /**
  * Users who may use this desktop through the VM portal and its console, as login names in `user@profile` form (`alice@corp`) or as the engine's user names (`alice@corp-authz`). Each gets the engine's UserRole on the VM; a user taken off the list loses it. Other roles and group permissions are left alone. Leave unset to manage no permissions. A user the directory knows but the engine does not yet is added to the engine first (as the admin portal does); one the directory does not know is an error naming `users`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#users Vm#users}
  */
  readonly users?: string[];
  /**
  * Optimisation profile: `desktop` (the default), `server` or `high_performance`. One of "desktop", "server", "high_performance". Defaults to `"desktop"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#vm_type Vm#vm_type}
  */
  readonly vmType?: string;
  /**
  * Enable SPICE USB redirection. High-performance VMs with USB off cannot use a smartcard. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#usb_enabled Vm#usb_enabled}
  */
  readonly usbEnabled?: boolean | cdktn.IResolvable;
  /**
  * Keep the VM running (`true`) or stopped (`false`). Settings that only apply at boot are saved as the next-run configuration while it runs; see `pending_restart`. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#running Vm#running}
  */
  readonly running?: boolean | cdktn.IResolvable;
  /**
  * Graphics protocol of the console: `spice` (the default; needed for smartcard, multiple monitors, clipboard and file transfer) or `vnc`. One of "spice", "vnc". Defaults to `"spice"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#display_type Vm#display_type}
  */
  readonly displayType?: string;
  /**
  * Pass the client's smartcard reader through to the guest (oVirt `display.smartcard_enabled`). Needs a SPICE display, and USB on high-performance VMs; the host then gets `<smartcard mode="passthrough" type="spicevmc"/>`. Console users may still switch it off for a session, never on. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#smartcard_enabled Vm#smartcard_enabled}
  */
  readonly smartcardEnabled?: boolean | cdktn.IResolvable;
  /**
  * Number of SPICE monitors: 1, 2 or 4 (oVirt `display.monitors`). Left unset, the engine's value stays: a VM has its template's, a template its source VM's (1 from the Blank template).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#monitors Vm#monitors}
  */
  readonly monitors?: number;
  /**
  * Allow clipboard copy and paste between client and guest over SPICE. Left unset, the engine's value stays: a VM has its template's, a template its source VM's (true from the Blank template).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#copy_paste_enabled Vm#copy_paste_enabled}
  */
  readonly copyPasteEnabled?: boolean | cdktn.IResolvable;
  /**
  * Allow drag-and-drop file transfer from the client into the guest over SPICE. Left unset, the engine's value stays: a VM has its template's, a template its source VM's (true from the Blank template).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#file_transfer_enabled Vm#file_transfer_enabled}
  */
  readonly fileTransferEnabled?: boolean | cdktn.IResolvable;
  /**
  * Disks of the VM, by name. Disks the template gives are kept; naming one here lets it grow. A listed disk grows in place and never shrinks; a disk taken off the list is detached and removed. Leave unset to manage no disks (disks attached by other means are left alone).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#disks Vm#disks}
  */
  readonly disks?: VmDisks[] | cdktn.IResolvable;
  /**
  * Network interfaces of the VM, by name. NICs are added and removed in place (hot-plugged while the VM runs, where the engine allows it). Leave unset to manage no NICs.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#nics Vm#nics}
  */
  readonly nics?: VmNics[] | cdktn.IResolvable;
  /**
  * Copy the template's disks into independent disks (`true`), instead of thin copy-on-write disks based on the template's (`false`, the default). Changing it replaces the VM. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#clone_from_template Vm#clone_from_template}
  */
  readonly cloneFromTemplate?: boolean | cdktn.IResolvable;
  /**
  * Guest initialization: exactly one of `cloud_init` or `sysprep`. Applied by the engine on the VM's first start; changed in place, and on a running VM the change waits for the next run. Leave unset to manage none.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#initialization Vm#initialization}
  */
  readonly initialization?: VmInitialization;
  /**
  * Follow the template's newest version: when a new version of the template's lineage is made, the engine moves this VM to it (a desktop that is down at once, a running one when it next comes down), with no change to this resource. The engine's `use_latest_template_version`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#use_latest_template_version Vm#use_latest_template_version}
  */
  readonly useLatestTemplateVersion?: boolean | cdktn.IResolvable;
  /**
  * Directory groups whose members may use this VM, written as users are: `NAME@PROFILE` (`vdi-users@corp`, `vdi-users@corp.example.com`) or the engine's form (`vdi-users@corp-authz`). Each group gets the engine's UserRole; a group taken off the list loses it. A group the directory knows but the engine does not yet is added to the engine first (as the admin portal does); one the directory does not know is an error naming `groups`. Leave unset to manage no group permissions.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#groups Vm#groups}
  */
  readonly groups?: string[];
}
export interface VmHighAvailability {
  /**
  * Restart the VM when it dies (the engine's `high_availability.enabled`); false when left out.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#enabled Vm#enabled}
  */
  readonly enabled?: boolean | cdktn.IResolvable;
  /**
  * Restart order among highly available VMs: a higher priority is restarted first (the engine's `high_availability.priority`).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#priority Vm#priority}
  */
  readonly priority?: number;
}

export function vmHighAvailabilityToTerraform(struct?: VmHighAvailability | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    enabled: cdktn.booleanToTerraform(struct!.enabled),
    priority: cdktn.numberToTerraform(struct!.priority),
  }
}


export function vmHighAvailabilityToHclTerraform(struct?: VmHighAvailability | cdktn.IResolvable): any {
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

export class VmHighAvailabilityOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): VmHighAvailability | cdktn.IResolvable | undefined {
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

  public set internalValue(value: VmHighAvailability | cdktn.IResolvable | undefined) {
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
export interface VmDisks {
  /**
  * Name (alias) of the disk, unique among the VM's disks.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#name Vm#name}
  */
  readonly name: string;
  /**
  * Provisioned size in GiB. A disk grows in place and never shrinks.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#size_gb Vm#size_gb}
  */
  readonly sizeGb: number;
  /**
  * Data storage domain to create the disk on, by name or id. Defaults to the first active data domain of the cluster's data center. Changing it replaces the VM.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#storage_domain Vm#storage_domain}
  */
  readonly storageDomain?: string;
  /**
  * Bus: `virtio_scsi` (the default), `virtio` or `sata`. Changing it replaces the VM. One of "virtio_scsi", "virtio", "sata". Defaults to `"virtio_scsi"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#interface Vm#interface}
  */
  readonly interface?: string;
  /**
  * Image format: `cow` (the default) or `raw`. Changing it replaces the VM. One of "cow", "raw". Defaults to `"cow"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#format Vm#format}
  */
  readonly format?: string;
  /**
  * Thin-provisioned (allocated as written). Defaults to true. Changing it replaces the VM. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#sparse Vm#sparse}
  */
  readonly sparse?: boolean | cdktn.IResolvable;
  /**
  * Boot from this disk. At most one disk of a VM is bootable. Defaults to false. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#bootable Vm#bootable}
  */
  readonly bootable?: boolean | cdktn.IResolvable;
}

export function vmDisksToTerraform(struct?: VmDisks | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    name: cdktn.stringToTerraform(struct!.name),
    size_gb: cdktn.numberToTerraform(struct!.sizeGb),
    storage_domain: cdktn.stringToTerraform(struct!.storageDomain),
    interface: cdktn.stringToTerraform(struct!.interface),
    format: cdktn.stringToTerraform(struct!.format),
    sparse: cdktn.booleanToTerraform(struct!.sparse),
    bootable: cdktn.booleanToTerraform(struct!.bootable),
  }
}


export function vmDisksToHclTerraform(struct?: VmDisks | cdktn.IResolvable): any {
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
    size_gb: {
      value: cdktn.numberToHclTerraform(struct!.sizeGb),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    storage_domain: {
      value: cdktn.stringToHclTerraform(struct!.storageDomain),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    interface: {
      value: cdktn.stringToHclTerraform(struct!.interface),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    format: {
      value: cdktn.stringToHclTerraform(struct!.format),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    sparse: {
      value: cdktn.booleanToHclTerraform(struct!.sparse),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    bootable: {
      value: cdktn.booleanToHclTerraform(struct!.bootable),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class VmDisksOutputReference extends cdktn.ComplexObject {
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

  public get internalValue(): VmDisks | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._sizeGb !== undefined) {
      hasAnyValues = true;
      internalValueResult.sizeGb = this._sizeGb;
    }
    if (this._storageDomain !== undefined) {
      hasAnyValues = true;
      internalValueResult.storageDomain = this._storageDomain;
    }
    if (this._interface !== undefined) {
      hasAnyValues = true;
      internalValueResult.interface = this._interface;
    }
    if (this._format !== undefined) {
      hasAnyValues = true;
      internalValueResult.format = this._format;
    }
    if (this._sparse !== undefined) {
      hasAnyValues = true;
      internalValueResult.sparse = this._sparse;
    }
    if (this._bootable !== undefined) {
      hasAnyValues = true;
      internalValueResult.bootable = this._bootable;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: VmDisks | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._name = undefined;
      this._sizeGb = undefined;
      this._storageDomain = undefined;
      this._interface = undefined;
      this._format = undefined;
      this._sparse = undefined;
      this._bootable = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._name = value.name;
      this._sizeGb = value.sizeGb;
      this._storageDomain = value.storageDomain;
      this._interface = value.interface;
      this._format = value.format;
      this._sparse = value.sparse;
      this._bootable = value.bootable;
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

  // size_gb - computed: true, optional: false, required: true
  private _sizeGb?: number; 
  public get sizeGb() {
    return this.getNumberAttribute('size_gb');
  }
  public set sizeGb(value: number) {
    this._sizeGb = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sizeGbInput() {
    return this._sizeGb;
  }

  // storage_domain - computed: true, optional: true, required: false
  private _storageDomain?: string; 
  public get storageDomain() {
    return this.getStringAttribute('storage_domain');
  }
  public set storageDomain(value: string) {
    this._storageDomain = value;
  }
  public resetStorageDomain() {
    this._storageDomain = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get storageDomainInput() {
    return this._storageDomain;
  }

  // interface - computed: true, optional: true, required: false
  private _interface?: string; 
  public get interface() {
    return this.getStringAttribute('interface');
  }
  public set interface(value: string) {
    this._interface = value;
  }
  public resetInterface() {
    this._interface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get interfaceInput() {
    return this._interface;
  }

  // format - computed: true, optional: true, required: false
  private _format?: string; 
  public get format() {
    return this.getStringAttribute('format');
  }
  public set format(value: string) {
    this._format = value;
  }
  public resetFormat() {
    this._format = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get formatInput() {
    return this._format;
  }

  // sparse - computed: true, optional: true, required: false
  private _sparse?: boolean | cdktn.IResolvable; 
  public get sparse() {
    return this.getBooleanAttribute('sparse');
  }
  public set sparse(value: boolean | cdktn.IResolvable) {
    this._sparse = value;
  }
  public resetSparse() {
    this._sparse = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sparseInput() {
    return this._sparse;
  }

  // bootable - computed: true, optional: true, required: false
  private _bootable?: boolean | cdktn.IResolvable; 
  public get bootable() {
    return this.getBooleanAttribute('bootable');
  }
  public set bootable(value: boolean | cdktn.IResolvable) {
    this._bootable = value;
  }
  public resetBootable() {
    this._bootable = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bootableInput() {
    return this._bootable;
  }

  // disk_id - computed: true, optional: false, required: false
  public get diskId() {
    return this.getStringAttribute('disk_id');
  }
}

export class VmDisksList extends cdktn.ComplexList {
  public internalValue? : VmDisks[] | cdktn.IResolvable

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
  public get(index: number): VmDisksOutputReference {
    return new VmDisksOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface VmNics {
  /**
  * Name of the NIC, unique among the VM's NICs (for example `nic1`).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#name Vm#name}
  */
  readonly name: string;
  /**
  * vNIC profile to plug the NIC into, by name or id.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#vnic_profile Vm#vnic_profile}
  */
  readonly vnicProfile?: string;
  /**
  * Logical network to plug the NIC into, by name or id; its default vNIC profile (named like the network) is used.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#network Vm#network}
  */
  readonly network?: string;
  /**
  * Card model: `virtio` (the default), `e1000` or `rtl8139`. One of "virtio", "e1000", "rtl8139". Defaults to `"virtio"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#interface Vm#interface}
  */
  readonly interface?: string;
}

export function vmNicsToTerraform(struct?: VmNics | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    name: cdktn.stringToTerraform(struct!.name),
    vnic_profile: cdktn.stringToTerraform(struct!.vnicProfile),
    network: cdktn.stringToTerraform(struct!.network),
    interface: cdktn.stringToTerraform(struct!.interface),
  }
}


export function vmNicsToHclTerraform(struct?: VmNics | cdktn.IResolvable): any {
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
    vnic_profile: {
      value: cdktn.stringToHclTerraform(struct!.vnicProfile),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    network: {
      value: cdktn.stringToHclTerraform(struct!.network),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    interface: {
      value: cdktn.stringToHclTerraform(struct!.interface),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class VmNicsOutputReference extends cdktn.ComplexObject {
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

  public get internalValue(): VmNics | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._vnicProfile !== undefined) {
      hasAnyValues = true;
      internalValueResult.vnicProfile = this._vnicProfile;
    }
    if (this._network !== undefined) {
      hasAnyValues = true;
      internalValueResult.network = this._network;
    }
    if (this._interface !== undefined) {
      hasAnyValues = true;
      internalValueResult.interface = this._interface;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: VmNics | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._name = undefined;
      this._vnicProfile = undefined;
      this._network = undefined;
      this._interface = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._name = value.name;
      this._vnicProfile = value.vnicProfile;
      this._network = value.network;
      this._interface = value.interface;
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

  // vnic_profile - computed: true, optional: true, required: false
  private _vnicProfile?: string; 
  public get vnicProfile() {
    return this.getStringAttribute('vnic_profile');
  }
  public set vnicProfile(value: string) {
    this._vnicProfile = value;
  }
  public resetVnicProfile() {
    this._vnicProfile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vnicProfileInput() {
    return this._vnicProfile;
  }

  // network - computed: true, optional: true, required: false
  private _network?: string; 
  public get network() {
    return this.getStringAttribute('network');
  }
  public set network(value: string) {
    this._network = value;
  }
  public resetNetwork() {
    this._network = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get networkInput() {
    return this._network;
  }

  // interface - computed: true, optional: true, required: false
  private _interface?: string; 
  public get interface() {
    return this.getStringAttribute('interface');
  }
  public set interface(value: string) {
    this._interface = value;
  }
  public resetInterface() {
    this._interface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get interfaceInput() {
    return this._interface;
  }

  // mac_address - computed: true, optional: false, required: false
  public get macAddress() {
    return this.getStringAttribute('mac_address');
  }

  // nic_id - computed: true, optional: false, required: false
  public get nicId() {
    return this.getStringAttribute('nic_id');
  }
}

export class VmNicsList extends cdktn.ComplexList {
  public internalValue? : VmNics[] | cdktn.IResolvable

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
  public get(index: number): VmNicsOutputReference {
    return new VmNicsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface VmInitializationCloudInitNicConfigurations {
  /**
  * Interface name inside the guest, such as `eth0`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#name Vm#name}
  */
  readonly name: string;
  /**
  * `dhcp`, `static` (with `address` and `netmask`) or `none`. One of "dhcp", "static", "none".
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#boot_protocol Vm#boot_protocol}
  */
  readonly bootProtocol?: string;
  /**
  * IPv4 address, for `static`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#address Vm#address}
  */
  readonly address?: string;
  /**
  * IPv4 netmask such as `255.255.255.0`, for `static`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#netmask Vm#netmask}
  */
  readonly netmask?: string;
  /**
  * IPv4 default gateway, for `static`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#gateway Vm#gateway}
  */
  readonly gateway?: string;
  /**
  * Bring the interface up at boot. Defaults to true. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#on_boot Vm#on_boot}
  */
  readonly onBoot?: boolean | cdktn.IResolvable;
}

export function vmInitializationCloudInitNicConfigurationsToTerraform(struct?: VmInitializationCloudInitNicConfigurations | cdktn.IResolvable): any {
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


export function vmInitializationCloudInitNicConfigurationsToHclTerraform(struct?: VmInitializationCloudInitNicConfigurations | cdktn.IResolvable): any {
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

export class VmInitializationCloudInitNicConfigurationsOutputReference extends cdktn.ComplexObject {
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

  public get internalValue(): VmInitializationCloudInitNicConfigurations | cdktn.IResolvable | undefined {
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

  public set internalValue(value: VmInitializationCloudInitNicConfigurations | cdktn.IResolvable | undefined) {
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

export class VmInitializationCloudInitNicConfigurationsList extends cdktn.ComplexList {
  public internalValue? : VmInitializationCloudInitNicConfigurations[] | cdktn.IResolvable

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
  public get(index: number): VmInitializationCloudInitNicConfigurationsOutputReference {
    return new VmInitializationCloudInitNicConfigurationsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface VmInitializationCloudInit {
  /**
  * Host name the guest sets.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#hostname Vm#hostname}
  */
  readonly hostname?: string;
  /**
  * Time zone, such as `Europe/Berlin`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#timezone Vm#timezone}
  */
  readonly timezone?: string;
  /**
  * User that cloud-init creates (and gives the SSH keys to).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#user_name Vm#user_name}
  */
  readonly userName?: string;
  /**
  * Public SSH keys that may log in as `user_name`, one per item.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#authorized_ssh_keys Vm#authorized_ssh_keys}
  */
  readonly authorizedSshKeys?: string[];
  /**
  * Extra cloud-config YAML the engine appends to its own.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#custom_script Vm#custom_script}
  */
  readonly customScript?: string;
  /**
  * DNS server addresses.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#dns_servers Vm#dns_servers}
  */
  readonly dnsServers?: string[];
  /**
  * Guest network interfaces cloud-init configures.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#nic_configurations Vm#nic_configurations}
  */
  readonly nicConfigurations?: VmInitializationCloudInitNicConfigurations[] | cdktn.IResolvable;
}

export function vmInitializationCloudInitToTerraform(struct?: VmInitializationCloudInit | cdktn.IResolvable): any {
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
    nic_configurations: cdktn.listMapper(vmInitializationCloudInitNicConfigurationsToTerraform, false)(struct!.nicConfigurations),
  }
}


export function vmInitializationCloudInitToHclTerraform(struct?: VmInitializationCloudInit | cdktn.IResolvable): any {
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
      value: cdktn.listMapperHcl(vmInitializationCloudInitNicConfigurationsToHclTerraform, false)(struct!.nicConfigurations),
      isBlock: true,
      type: "list",
      storageClassType: "VmInitializationCloudInitNicConfigurationsList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class VmInitializationCloudInitOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): VmInitializationCloudInit | cdktn.IResolvable | undefined {
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

  public set internalValue(value: VmInitializationCloudInit | cdktn.IResolvable | undefined) {
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
  private _nicConfigurations = new VmInitializationCloudInitNicConfigurationsList(this, "nic_configurations", false);
  public get nicConfigurations() {
    return this._nicConfigurations;
  }
  public putNicConfigurations(value: VmInitializationCloudInitNicConfigurations[] | cdktn.IResolvable) {
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
export interface VmInitializationSysprep {
  /**
  * Computer name (15 characters at most, as Windows requires).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#hostname Vm#hostname}
  */
  readonly hostname?: string;
  /**
  * Active Directory domain to join.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#domain Vm#domain}
  */
  readonly domain?: string;
  /**
  * Organization name Windows registers.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#organization Vm#organization}
  */
  readonly organization?: string;
  /**
  * Password of the local Administrator. Kept secret in state; the engine never shows it again (it answers `******`), so a change made outside Pulumi is not seen.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#admin_password Vm#admin_password}
  */
  readonly adminPassword?: string;
  /**
  * Windows time zone name, such as `W. Europe Standard Time`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#timezone Vm#timezone}
  */
  readonly timezone?: string;
}

export function vmInitializationSysprepToTerraform(struct?: VmInitializationSysprep | cdktn.IResolvable): any {
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


export function vmInitializationSysprepToHclTerraform(struct?: VmInitializationSysprep | cdktn.IResolvable): any {
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

export class VmInitializationSysprepOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): VmInitializationSysprep | cdktn.IResolvable | undefined {
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

  public set internalValue(value: VmInitializationSysprep | cdktn.IResolvable | undefined) {
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
export interface VmInitialization {
  /**
  * cloud-init settings (Linux guests).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#cloud_init Vm#cloud_init}
  */
  readonly cloudInit?: VmInitializationCloudInit;
  /**
  * Sysprep settings (Windows guests).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#sysprep Vm#sysprep}
  */
  readonly sysprep?: VmInitializationSysprep;
}

export function vmInitializationToTerraform(struct?: VmInitialization | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    cloud_init: vmInitializationCloudInitToTerraform(struct!.cloudInit),
    sysprep: vmInitializationSysprepToTerraform(struct!.sysprep),
  }
}


export function vmInitializationToHclTerraform(struct?: VmInitialization | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    cloud_init: {
      value: vmInitializationCloudInitToHclTerraform(struct!.cloudInit),
      isBlock: true,
      type: "struct",
      storageClassType: "VmInitializationCloudInit",
    },
    sysprep: {
      value: vmInitializationSysprepToHclTerraform(struct!.sysprep),
      isBlock: true,
      type: "struct",
      storageClassType: "VmInitializationSysprep",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class VmInitializationOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): VmInitialization | cdktn.IResolvable | undefined {
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

  public set internalValue(value: VmInitialization | cdktn.IResolvable | undefined) {
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
  private _cloudInit = new VmInitializationCloudInitOutputReference(this, "cloud_init");
  public get cloudInit() {
    return this._cloudInit;
  }
  public putCloudInit(value: VmInitializationCloudInit) {
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
  private _sysprep = new VmInitializationSysprepOutputReference(this, "sysprep");
  public get sysprep() {
    return this._sysprep;
  }
  public putSysprep(value: VmInitializationSysprep) {
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

/**
* Represents a {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm ovirt_vm}
*/
export class Vm extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ovirt_vm";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Vm resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Vm to import
  * @param importFromId The id of the existing Vm that should be imported. Refer to the {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Vm to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "ovirt_vm", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/vm ovirt_vm} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options VmConfig
  */
  public constructor(scope: Construct, id: string, config: VmConfig) {
    super(scope, id, {
      terraformResourceType: 'ovirt_vm',
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
    this._stateless = config.stateless;
    this._highAvailability.internalValue = config.highAvailability;
    this._memoryGuaranteedMb = config.memoryGuaranteedMb;
    this._memoryMaxMb = config.memoryMaxMb;
    this._ballooning = config.ballooning;
    this._cpuSockets = config.cpuSockets;
    this._cpuThreads = config.cpuThreads;
    this._bootDevices = config.bootDevices;
    this._cdrom = config.cdrom;
    this._cluster = config.cluster;
    this._template = config.template;
    this._memoryMb = config.memoryMb;
    this._cpuCores = config.cpuCores;
    this._description = config.description;
    this._users = config.users;
    this._vmType = config.vmType;
    this._usbEnabled = config.usbEnabled;
    this._running = config.running;
    this._displayType = config.displayType;
    this._smartcardEnabled = config.smartcardEnabled;
    this._monitors = config.monitors;
    this._copyPasteEnabled = config.copyPasteEnabled;
    this._fileTransferEnabled = config.fileTransferEnabled;
    this._disks.internalValue = config.disks;
    this._nics.internalValue = config.nics;
    this._cloneFromTemplate = config.cloneFromTemplate;
    this._initialization.internalValue = config.initialization;
    this._useLatestTemplateVersion = config.useLatestTemplateVersion;
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

  // stateless - computed: true, optional: true, required: false
  private _stateless?: boolean | cdktn.IResolvable; 
  public get stateless() {
    return this.getBooleanAttribute('stateless');
  }
  public set stateless(value: boolean | cdktn.IResolvable) {
    this._stateless = value;
  }
  public resetStateless() {
    this._stateless = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get statelessInput() {
    return this._stateless;
  }

  // high_availability - computed: true, optional: true, required: false
  private _highAvailability = new VmHighAvailabilityOutputReference(this, "high_availability");
  public get highAvailability() {
    return this._highAvailability;
  }
  public putHighAvailability(value: VmHighAvailability) {
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

  // cdrom - computed: true, optional: true, required: false
  private _cdrom?: string; 
  public get cdrom() {
    return this.getStringAttribute('cdrom');
  }
  public set cdrom(value: string) {
    this._cdrom = value;
  }
  public resetCdrom() {
    this._cdrom = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cdromInput() {
    return this._cdrom;
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

  // template - computed: true, optional: true, required: false
  private _template?: string; 
  public get template() {
    return this.getStringAttribute('template');
  }
  public set template(value: string) {
    this._template = value;
  }
  public resetTemplate() {
    this._template = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get templateInput() {
    return this._template;
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

  // running - computed: true, optional: true, required: false
  private _running?: boolean | cdktn.IResolvable; 
  public get running() {
    return this.getBooleanAttribute('running');
  }
  public set running(value: boolean | cdktn.IResolvable) {
    this._running = value;
  }
  public resetRunning() {
    this._running = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get runningInput() {
    return this._running;
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

  // disks - computed: true, optional: true, required: false
  private _disks = new VmDisksList(this, "disks", false);
  public get disks() {
    return this._disks;
  }
  public putDisks(value: VmDisks[] | cdktn.IResolvable) {
    this._disks.internalValue = value;
  }
  public resetDisks() {
    this._disks.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disksInput() {
    return this._disks.internalValue;
  }

  // nics - computed: true, optional: true, required: false
  private _nics = new VmNicsList(this, "nics", false);
  public get nics() {
    return this._nics;
  }
  public putNics(value: VmNics[] | cdktn.IResolvable) {
    this._nics.internalValue = value;
  }
  public resetNics() {
    this._nics.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nicsInput() {
    return this._nics.internalValue;
  }

  // clone_from_template - computed: true, optional: true, required: false
  private _cloneFromTemplate?: boolean | cdktn.IResolvable; 
  public get cloneFromTemplate() {
    return this.getBooleanAttribute('clone_from_template');
  }
  public set cloneFromTemplate(value: boolean | cdktn.IResolvable) {
    this._cloneFromTemplate = value;
  }
  public resetCloneFromTemplate() {
    this._cloneFromTemplate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cloneFromTemplateInput() {
    return this._cloneFromTemplate;
  }

  // initialization - computed: true, optional: true, required: false
  private _initialization = new VmInitializationOutputReference(this, "initialization");
  public get initialization() {
    return this._initialization;
  }
  public putInitialization(value: VmInitialization) {
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

  // vm_id - computed: true, optional: false, required: false
  public get vmId() {
    return this.getStringAttribute('vm_id');
  }

  // cluster_id - computed: true, optional: false, required: false
  public get clusterId() {
    return this.getStringAttribute('cluster_id');
  }

  // template_id - computed: true, optional: false, required: false
  public get templateId() {
    return this.getStringAttribute('template_id');
  }

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute('status');
  }

  // console_description - computed: true, optional: false, required: false
  public get consoleDescription() {
    return this.getStringAttribute('console_description');
  }

  // domain_xml - computed: true, optional: false, required: false
  public get domainXml() {
    return this.getStringAttribute('domain_xml');
  }

  // pending_restart - computed: true, optional: false, required: false
  public get pendingRestart() {
    return this.getBooleanAttribute('pending_restart');
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
      stateless: cdktn.booleanToTerraform(this._stateless),
      high_availability: vmHighAvailabilityToTerraform(this._highAvailability.internalValue),
      memory_guaranteed_mb: cdktn.numberToTerraform(this._memoryGuaranteedMb),
      memory_max_mb: cdktn.numberToTerraform(this._memoryMaxMb),
      ballooning: cdktn.booleanToTerraform(this._ballooning),
      cpu_sockets: cdktn.numberToTerraform(this._cpuSockets),
      cpu_threads: cdktn.numberToTerraform(this._cpuThreads),
      boot_devices: cdktn.listMapper(cdktn.stringToTerraform, false)(this._bootDevices),
      cdrom: cdktn.stringToTerraform(this._cdrom),
      cluster: cdktn.stringToTerraform(this._cluster),
      template: cdktn.stringToTerraform(this._template),
      memory_mb: cdktn.numberToTerraform(this._memoryMb),
      cpu_cores: cdktn.numberToTerraform(this._cpuCores),
      description: cdktn.stringToTerraform(this._description),
      users: cdktn.listMapper(cdktn.stringToTerraform, false)(this._users),
      vm_type: cdktn.stringToTerraform(this._vmType),
      usb_enabled: cdktn.booleanToTerraform(this._usbEnabled),
      running: cdktn.booleanToTerraform(this._running),
      display_type: cdktn.stringToTerraform(this._displayType),
      smartcard_enabled: cdktn.booleanToTerraform(this._smartcardEnabled),
      monitors: cdktn.numberToTerraform(this._monitors),
      copy_paste_enabled: cdktn.booleanToTerraform(this._copyPasteEnabled),
      file_transfer_enabled: cdktn.booleanToTerraform(this._fileTransferEnabled),
      disks: cdktn.listMapper(vmDisksToTerraform, false)(this._disks.internalValue),
      nics: cdktn.listMapper(vmNicsToTerraform, false)(this._nics.internalValue),
      clone_from_template: cdktn.booleanToTerraform(this._cloneFromTemplate),
      initialization: vmInitializationToTerraform(this._initialization.internalValue),
      use_latest_template_version: cdktn.booleanToTerraform(this._useLatestTemplateVersion),
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
      stateless: {
        value: cdktn.booleanToHclTerraform(this._stateless),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      high_availability: {
        value: vmHighAvailabilityToHclTerraform(this._highAvailability.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "VmHighAvailability",
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
      cdrom: {
        value: cdktn.stringToHclTerraform(this._cdrom),
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
      running: {
        value: cdktn.booleanToHclTerraform(this._running),
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
      disks: {
        value: cdktn.listMapperHcl(vmDisksToHclTerraform, false)(this._disks.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "VmDisksList",
      },
      nics: {
        value: cdktn.listMapperHcl(vmNicsToHclTerraform, false)(this._nics.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "VmNicsList",
      },
      clone_from_template: {
        value: cdktn.booleanToHclTerraform(this._cloneFromTemplate),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      initialization: {
        value: vmInitializationToHclTerraform(this._initialization.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "VmInitialization",
      },
      use_latest_template_version: {
        value: cdktn.booleanToHclTerraform(this._useLatestTemplateVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
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
