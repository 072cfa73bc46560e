// https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/template
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DataOvirtTemplateConfig extends cdktn.TerraformMetaArguments {
  /**
  * The template's exact name (case-sensitive). Give `name` or `id`, not both.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/template#name DataOvirtTemplate#name}
  */
  readonly name?: string;
  /**
  * The template's engine id. Give `name` or `id`, not both.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/template#id DataOvirtTemplate#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * With `name`: the version whose `version_name` is this.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/template#version_name DataOvirtTemplate#version_name}
  */
  readonly versionName?: string;
  /**
  * With `name`: the version with this number (1 is the base).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/template#version_number DataOvirtTemplate#version_number}
  */
  readonly versionNumber?: number;
}
export interface DataOvirtTemplateHighAvailability {
}

export function dataOvirtTemplateHighAvailabilityToTerraform(struct?: DataOvirtTemplateHighAvailability): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function dataOvirtTemplateHighAvailabilityToHclTerraform(struct?: DataOvirtTemplateHighAvailability): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class DataOvirtTemplateHighAvailabilityOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataOvirtTemplateHighAvailability | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataOvirtTemplateHighAvailability | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // enabled - computed: true, optional: false, required: false
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }

  // priority - computed: true, optional: false, required: false
  public get priority() {
    return this.getNumberAttribute('priority');
  }
}

/**
* Represents a {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/template ovirt_template}
*/
export class DataOvirtTemplate extends cdktn.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ovirt_template";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a DataOvirtTemplate resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataOvirtTemplate to import
  * @param importFromId The id of the existing DataOvirtTemplate that should be imported. Refer to the {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/template#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataOvirtTemplate to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "ovirt_template", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/template ovirt_template} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataOvirtTemplateConfig = {}
  */
  public constructor(scope: Construct, id: string, config: DataOvirtTemplateConfig = {}) {
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
    this._id = config.id;
    this._versionName = config.versionName;
    this._versionNumber = config.versionNumber;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // name - computed: true, optional: true, required: false
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  public resetName() {
    this._name = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // id - computed: true, optional: true, required: false
  private _id?: string; 
  public get id() {
    return this.getStringAttribute('id');
  }
  public set id(value: string) {
    this._id = value;
  }
  public resetId() {
    this._id = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get idInput() {
    return this._id;
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

  // version_number - computed: true, optional: true, required: false
  private _versionNumber?: number; 
  public get versionNumber() {
    return this.getNumberAttribute('version_number');
  }
  public set versionNumber(value: number) {
    this._versionNumber = value;
  }
  public resetVersionNumber() {
    this._versionNumber = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get versionNumberInput() {
    return this._versionNumber;
  }

  // os_type - computed: true, optional: false, required: false
  public get osType() {
    return this.getStringAttribute('os_type');
  }

  // bios_type - computed: true, optional: false, required: false
  public get biosType() {
    return this.getStringAttribute('bios_type');
  }

  // tpm_enabled - computed: true, optional: false, required: false
  public get tpmEnabled() {
    return this.getBooleanAttribute('tpm_enabled');
  }

  // time_zone - computed: true, optional: false, required: false
  public get timeZone() {
    return this.getStringAttribute('time_zone');
  }

  // soundcard_enabled - computed: true, optional: false, required: false
  public get soundcardEnabled() {
    return this.getBooleanAttribute('soundcard_enabled');
  }

  // keyboard_layout - computed: true, optional: false, required: false
  public get keyboardLayout() {
    return this.getStringAttribute('keyboard_layout');
  }

  // video_type - computed: true, optional: false, required: false
  public get videoType() {
    return this.getStringAttribute('video_type');
  }

  // headless - computed: true, optional: false, required: false
  public get headless() {
    return this.getBooleanAttribute('headless');
  }

  // delete_protected - computed: true, optional: false, required: false
  public get deleteProtected() {
    return this.getBooleanAttribute('delete_protected');
  }

  // high_availability - computed: true, optional: false, required: false
  private _highAvailability = new DataOvirtTemplateHighAvailabilityOutputReference(this, "high_availability");
  public get highAvailability() {
    return this._highAvailability;
  }

  // memory_guaranteed_mb - computed: true, optional: false, required: false
  public get memoryGuaranteedMb() {
    return this.getNumberAttribute('memory_guaranteed_mb');
  }

  // memory_max_mb - computed: true, optional: false, required: false
  public get memoryMaxMb() {
    return this.getNumberAttribute('memory_max_mb');
  }

  // ballooning - computed: true, optional: false, required: false
  public get ballooning() {
    return this.getBooleanAttribute('ballooning');
  }

  // cpu_sockets - computed: true, optional: false, required: false
  public get cpuSockets() {
    return this.getNumberAttribute('cpu_sockets');
  }

  // cpu_threads - computed: true, optional: false, required: false
  public get cpuThreads() {
    return this.getNumberAttribute('cpu_threads');
  }

  // boot_devices - computed: true, optional: false, required: false
  public get bootDevices() {
    return this.getListAttribute('boot_devices');
  }

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute('status');
  }

  // description - computed: true, optional: false, required: false
  public get description() {
    return this.getStringAttribute('description');
  }

  // memory_mb - computed: true, optional: false, required: false
  public get memoryMb() {
    return this.getNumberAttribute('memory_mb');
  }

  // cpu_cores - computed: true, optional: false, required: false
  public get cpuCores() {
    return this.getNumberAttribute('cpu_cores');
  }

  // vm_type - computed: true, optional: false, required: false
  public get vmType() {
    return this.getStringAttribute('vm_type');
  }

  // usb_enabled - computed: true, optional: false, required: false
  public get usbEnabled() {
    return this.getBooleanAttribute('usb_enabled');
  }

  // display_type - computed: true, optional: false, required: false
  public get displayType() {
    return this.getStringAttribute('display_type');
  }

  // smartcard_enabled - computed: true, optional: false, required: false
  public get smartcardEnabled() {
    return this.getBooleanAttribute('smartcard_enabled');
  }

  // monitors - computed: true, optional: false, required: false
  public get monitors() {
    return this.getNumberAttribute('monitors');
  }

  // console_description - computed: true, optional: false, required: false
  public get consoleDescription() {
    return this.getStringAttribute('console_description');
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
      id: cdktn.stringToTerraform(this._id),
      version_name: cdktn.stringToTerraform(this._versionName),
      version_number: cdktn.numberToTerraform(this._versionNumber),
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
      id: {
        value: cdktn.stringToHclTerraform(this._id),
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
      version_number: {
        value: cdktn.numberToHclTerraform(this._versionNumber),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
