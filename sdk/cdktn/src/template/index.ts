// https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface TemplateConfig extends cdktn.TerraformMetaArguments {
  /**
  * Name of the template, unique within the data center.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#name Template#name}
  */
  readonly name: string;
  /**
  * Guest operating system as the engine names it (`os.type`), e.g. `windows_11`, `windows_2022`, `rhel_9x64`, `other`. The engine takes OS-specific defaults and rules from it (Windows 11 needs `bios_type` `q35_secure_boot` and `tpm_enabled`; Windows guests take Windows time zone names).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#os_type Template#os_type}
  */
  readonly osType?: string;
  /**
  * Chipset and firmware (`bios.type`): `cluster_default`, `i440fx_sea_bios`, `q35_sea_bios`, `q35_ovmf` (UEFI) or `q35_secure_boot` (UEFI with Secure Boot; the host writes the secure OVMF loader and SMM). One of "cluster_default", "i440fx_sea_bios", "q35_sea_bios", "q35_ovmf", "q35_secure_boot".
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#bios_type Template#bios_type}
  */
  readonly biosType?: string;
  /**
  * An emulated TPM 2.0 (`tpm_enabled`; the host writes `<tpm model="tpm-crb">` on an swtpm backend). The engine adds a TPM only with UEFI firmware (`bios_type` `q35_ovmf` or `q35_secure_boot`).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#tpm_enabled Template#tpm_enabled}
  */
  readonly tpmEnabled?: boolean | cdktn.IResolvable;
  /**
  * The guest's hardware clock time zone (`time_zone.name`): a Windows zone name for Windows guests (e.g. `W. Europe Standard Time`), a zone id for the others (e.g. `Europe/Berlin`); the engine refuses the other family's spelling. Unset: the engine's default.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#time_zone Template#time_zone}
  */
  readonly timeZone?: string;
  /**
  * A sound device (`soundcard_enabled`; the host writes `<sound model="ich6"/>`). VMs from Blank have one unless told otherwise.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#soundcard_enabled Template#soundcard_enabled}
  */
  readonly soundcardEnabled?: boolean | cdktn.IResolvable;
  /**
  * The VNC console's keyboard layout (`display.keyboard_layout`), one of the engine's VncKeyboardLayoutValidValues such as `de`, `fr`, `en-us`. Unset: the engine's default (`en-us`).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#keyboard_layout Template#keyboard_layout}
  */
  readonly keyboardLayout?: string;
  /**
  * Video device (`display.video_type`): `qxl`, `vga`, `bochs` or `cirrus`. SPICE needs `qxl`. Unset: `qxl` with SPICE, `vga` with VNC. One of "qxl", "vga", "bochs", "cirrus".
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#video_type Template#video_type}
  */
  readonly videoType?: string;
  /**
  * No graphics console and no video device (the engine's headless mode: the template's graphics consoles are removed, so VMs and pools made from it start headless). Leave `display_type`, `video_type` unset and `smartcard_enabled` false on a headless template. Changes in place.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#headless Template#headless}
  */
  readonly headless?: boolean | cdktn.IResolvable;
  /**
  * Delete protection (`delete_protected`): the engine refuses to remove the template while it is on, so a destroy fails naming `delete_protected`; set it to false (and apply) before destroying.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#delete_protected Template#delete_protected}
  */
  readonly deleteProtected?: boolean | cdktn.IResolvable;
  /**
  * High availability (`high_availability`): restart the VM when it goes down unexpectedly, in `priority` order.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#high_availability Template#high_availability}
  */
  readonly highAvailability?: TemplateHighAvailability;
  /**
  * Memory the host guarantees, in MiB (`memory_policy.guaranteed`); at most the memory size. Unset: the engine's default (all of the memory).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#memory_guaranteed_mb Template#memory_guaranteed_mb}
  */
  readonly memoryGuaranteedMb?: number;
  /**
  * The memory hot-plug ceiling in MiB (`memory_policy.max`); at least the memory size. Unset: the engine's default (4 × the memory size).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#memory_max_mb Template#memory_max_mb}
  */
  readonly memoryMaxMb?: number;
  /**
  * The virtio memory balloon (`memory_policy.ballooning`). Unset: on, as the engine defaults it.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#ballooning Template#ballooning}
  */
  readonly ballooning?: boolean | cdktn.IResolvable;
  /**
  * CPU sockets (`cpu.topology.sockets`). With `cpu_sockets` or `cpu_threads` set, the cores count per socket and the VM has sockets × cores × threads vCPUs.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#cpu_sockets Template#cpu_sockets}
  */
  readonly cpuSockets?: number;
  /**
  * Threads per core (`cpu.topology.threads`); see `cpu_sockets`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#cpu_threads Template#cpu_threads}
  */
  readonly cpuThreads?: number;
  /**
  * Boot order (`os.boot.devices`), each of `hd`, `cdrom`, `network` at most once. Unset: the engine's default (`hd`).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#boot_devices Template#boot_devices}
  */
  readonly bootDevices?: string[];
  /**
  * Id of the VM to copy the template from. The VM must be down while the template is created. Changing it replaces the template.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#source_vm Template#source_vm}
  */
  readonly sourceVm: string;
  /**
  * Free-text description shown in the engine.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#description Template#description}
  */
  readonly description?: string;
  /**
  * Graphics protocol of the console: `spice` (the default; needed for smartcard, multiple monitors, clipboard and file transfer) or `vnc`. One of "spice", "vnc". Defaults to `"spice"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#display_type Template#display_type}
  */
  readonly displayType?: string;
  /**
  * Pass the client's smartcard reader through to the guest (oVirt `display.smartcard_enabled`). Needs a SPICE display, and USB on high-performance VMs; the host then gets `<smartcard mode="passthrough" type="spicevmc"/>`. Console users may still switch it off for a session, never on. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#smartcard_enabled Template#smartcard_enabled}
  */
  readonly smartcardEnabled?: boolean | cdktn.IResolvable;
  /**
  * Number of SPICE monitors: 1, 2 or 4 (oVirt `display.monitors`). Left unset, the engine's value stays: a VM has its template's, a template its source VM's (1 from the Blank template).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#monitors Template#monitors}
  */
  readonly monitors?: number;
  /**
  * Allow clipboard copy and paste between client and guest over SPICE. Left unset, the engine's value stays: a VM has its template's, a template its source VM's (true from the Blank template).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#copy_paste_enabled Template#copy_paste_enabled}
  */
  readonly copyPasteEnabled?: boolean | cdktn.IResolvable;
  /**
  * Allow drag-and-drop file transfer from the client into the guest over SPICE. Left unset, the engine's value stays: a VM has its template's, a template its source VM's (true from the Blank template).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#file_transfer_enabled Template#file_transfer_enabled}
  */
  readonly fileTransferEnabled?: boolean | cdktn.IResolvable;
  /**
  * Name or id of the base template this template is a new version of. The engine names a version after its base (so `name` must be the base's name) and numbers it (`version_number`). A base that does not exist is a warning at preview when the program may still create it, and an error naming `base_template` at apply. Changing it replaces the template.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#base_template Template#base_template}
  */
  readonly baseTemplate?: string;
  /**
  * A name for this version (the engine's `version_name`, e.g. `2026-12 patch`); the base's own is `base version`. Changing it replaces the template.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#version_name Template#version_name}
  */
  readonly versionName?: string;
}
export interface TemplateHighAvailability {
  /**
  * Restart the VM when it dies (the engine's `high_availability.enabled`); false when left out.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#enabled Template#enabled}
  */
  readonly enabled?: boolean | cdktn.IResolvable;
  /**
  * Restart order among highly available VMs: a higher priority is restarted first (the engine's `high_availability.priority`).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#priority Template#priority}
  */
  readonly priority?: number;
}

export function templateHighAvailabilityToTerraform(struct?: TemplateHighAvailability | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    enabled: cdktn.booleanToTerraform(struct!.enabled),
    priority: cdktn.numberToTerraform(struct!.priority),
  }
}


export function templateHighAvailabilityToHclTerraform(struct?: TemplateHighAvailability | cdktn.IResolvable): any {
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

export class TemplateHighAvailabilityOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): TemplateHighAvailability | cdktn.IResolvable | undefined {
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

  public set internalValue(value: TemplateHighAvailability | cdktn.IResolvable | undefined) {
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
export interface TemplateDisks {
}

export function templateDisksToTerraform(struct?: TemplateDisks): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function templateDisksToHclTerraform(struct?: TemplateDisks): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class TemplateDisksOutputReference extends cdktn.ComplexObject {
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

  public get internalValue(): TemplateDisks | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: TemplateDisks | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // size_gb - computed: true, optional: false, required: false
  public get sizeGb() {
    return this.getNumberAttribute('size_gb');
  }

  // storage_domain - computed: true, optional: false, required: false
  public get storageDomain() {
    return this.getStringAttribute('storage_domain');
  }

  // interface - computed: true, optional: false, required: false
  public get interface() {
    return this.getStringAttribute('interface');
  }

  // format - computed: true, optional: false, required: false
  public get format() {
    return this.getStringAttribute('format');
  }

  // sparse - computed: true, optional: false, required: false
  public get sparse() {
    return this.getBooleanAttribute('sparse');
  }

  // bootable - computed: true, optional: false, required: false
  public get bootable() {
    return this.getBooleanAttribute('bootable');
  }

  // disk_id - computed: true, optional: false, required: false
  public get diskId() {
    return this.getStringAttribute('disk_id');
  }
}

export class TemplateDisksList extends cdktn.ComplexList {

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
  public get(index: number): TemplateDisksOutputReference {
    return new TemplateDisksOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface TemplateNics {
}

export function templateNicsToTerraform(struct?: TemplateNics): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function templateNicsToHclTerraform(struct?: TemplateNics): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class TemplateNicsOutputReference extends cdktn.ComplexObject {
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

  public get internalValue(): TemplateNics | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: TemplateNics | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // vnic_profile - computed: true, optional: false, required: false
  public get vnicProfile() {
    return this.getStringAttribute('vnic_profile');
  }

  // network - computed: true, optional: false, required: false
  public get network() {
    return this.getStringAttribute('network');
  }

  // interface - computed: true, optional: false, required: false
  public get interface() {
    return this.getStringAttribute('interface');
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

export class TemplateNicsList extends cdktn.ComplexList {

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
  public get(index: number): TemplateNicsOutputReference {
    return new TemplateNicsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template ovirt_template}
*/
export class Template extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ovirt_template";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Template resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Template to import
  * @param importFromId The id of the existing Template that should be imported. Refer to the {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Template to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "ovirt_template", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template ovirt_template} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options TemplateConfig
  */
  public constructor(scope: Construct, id: string, config: TemplateConfig) {
    super(scope, id, {
      terraformResourceType: 'ovirt_template',
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
    this._sourceVm = config.sourceVm;
    this._description = config.description;
    this._displayType = config.displayType;
    this._smartcardEnabled = config.smartcardEnabled;
    this._monitors = config.monitors;
    this._copyPasteEnabled = config.copyPasteEnabled;
    this._fileTransferEnabled = config.fileTransferEnabled;
    this._baseTemplate = config.baseTemplate;
    this._versionName = config.versionName;
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
  private _highAvailability = new TemplateHighAvailabilityOutputReference(this, "high_availability");
  public get highAvailability() {
    return this._highAvailability;
  }
  public putHighAvailability(value: TemplateHighAvailability) {
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

  // source_vm - computed: false, optional: false, required: true
  private _sourceVm?: string; 
  public get sourceVm() {
    return this.getStringAttribute('source_vm');
  }
  public set sourceVm(value: string) {
    this._sourceVm = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceVmInput() {
    return this._sourceVm;
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

  // base_template - computed: true, optional: true, required: false
  private _baseTemplate?: string; 
  public get baseTemplate() {
    return this.getStringAttribute('base_template');
  }
  public set baseTemplate(value: string) {
    this._baseTemplate = value;
  }
  public resetBaseTemplate() {
    this._baseTemplate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get baseTemplateInput() {
    return this._baseTemplate;
  }

  // version_name - computed: true, optional: true, required: false
  private _versionName?: string; 
  public get versionName() {
    return this.getStringAttribute('version_name');
  }
  public set versionName(value: string) {
    this._versionName = value;
  }
  public resetVersionName() {
    this._versionName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get versionNameInput() {
    return this._versionName;
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

  // disks - computed: true, optional: false, required: false
  private _disks = new TemplateDisksList(this, "disks", false);
  public get disks() {
    return this._disks;
  }

  // nics - computed: true, optional: false, required: false
  private _nics = new TemplateNicsList(this, "nics", false);
  public get nics() {
    return this._nics;
  }

  // version_number - computed: true, optional: false, required: false
  public get versionNumber() {
    return this.getNumberAttribute('version_number');
  }

  // base_template_id - computed: true, optional: false, required: false
  public get baseTemplateId() {
    return this.getStringAttribute('base_template_id');
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
      high_availability: templateHighAvailabilityToTerraform(this._highAvailability.internalValue),
      memory_guaranteed_mb: cdktn.numberToTerraform(this._memoryGuaranteedMb),
      memory_max_mb: cdktn.numberToTerraform(this._memoryMaxMb),
      ballooning: cdktn.booleanToTerraform(this._ballooning),
      cpu_sockets: cdktn.numberToTerraform(this._cpuSockets),
      cpu_threads: cdktn.numberToTerraform(this._cpuThreads),
      boot_devices: cdktn.listMapper(cdktn.stringToTerraform, false)(this._bootDevices),
      source_vm: cdktn.stringToTerraform(this._sourceVm),
      description: cdktn.stringToTerraform(this._description),
      display_type: cdktn.stringToTerraform(this._displayType),
      smartcard_enabled: cdktn.booleanToTerraform(this._smartcardEnabled),
      monitors: cdktn.numberToTerraform(this._monitors),
      copy_paste_enabled: cdktn.booleanToTerraform(this._copyPasteEnabled),
      file_transfer_enabled: cdktn.booleanToTerraform(this._fileTransferEnabled),
      base_template: cdktn.stringToTerraform(this._baseTemplate),
      version_name: cdktn.stringToTerraform(this._versionName),
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
        value: templateHighAvailabilityToHclTerraform(this._highAvailability.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "TemplateHighAvailability",
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
      source_vm: {
        value: cdktn.stringToHclTerraform(this._sourceVm),
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
      base_template: {
        value: cdktn.stringToHclTerraform(this._baseTemplate),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      version_name: {
        value: cdktn.stringToHclTerraform(this._versionName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
