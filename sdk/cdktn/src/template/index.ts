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
  * Number of SPICE monitors: 1, 2 or 4 (oVirt `display.monitors`). Defaults to 1.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#monitors Template#monitors}
  */
  readonly monitors?: number;
  /**
  * Allow clipboard copy and paste between client and guest over SPICE. Defaults to true.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/template#copy_paste_enabled Template#copy_paste_enabled}
  */
  readonly copyPasteEnabled?: boolean | cdktn.IResolvable;
  /**
  * Allow drag-and-drop file transfer from the client into the guest over SPICE. Defaults to true.
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
