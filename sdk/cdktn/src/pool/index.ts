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
  * Cluster for the pool's VMs, by name or id. Changing it replaces the pool. Defaults to `"Default"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#cluster Pool#cluster}
  */
  readonly cluster?: string;
  /**
  * Template for the pool's VMs, by name or id (not Blank). Changing it replaces the pool.
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
  * Users who may take a desktop from this pool, as login names in `user@profile` form (`alice@corp`) or as the engine's user names (`alice@corp-authz`). Each gets the engine's UserRole on the pool; a user taken off the list loses it. Other roles and group permissions are left alone. Leave unset to manage no permissions. The users must already be known to the engine (added from their directory).
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
  * Number of SPICE monitors: 1, 2 or 4 (oVirt `display.monitors`). Defaults to 1. The engine applies display settings to pool VMs only when the pool is created, so changing this replaces the pool.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#monitors Pool#monitors}
  */
  readonly monitors?: number;
  /**
  * Allow clipboard copy and paste between client and guest over SPICE. Defaults to true. The engine applies display settings to pool VMs only when the pool is created, so changing this replaces the pool.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#copy_paste_enabled Pool#copy_paste_enabled}
  */
  readonly copyPasteEnabled?: boolean | cdktn.IResolvable;
  /**
  * Allow drag-and-drop file transfer from the client into the guest over SPICE. Defaults to true. The engine applies display settings to pool VMs only when the pool is created, so changing this replaces the pool.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/pool#file_transfer_enabled Pool#file_transfer_enabled}
  */
  readonly fileTransferEnabled?: boolean | cdktn.IResolvable;
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

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      name: cdktn.stringToTerraform(this._name),
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
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
