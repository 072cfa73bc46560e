// https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DataOvirtDomainXmlConfig extends cdktn.TerraformMetaArguments {
  /**
  * Name of the VM.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#name DataOvirtDomainXml#name}
  */
  readonly name: string;
  /**
  * Guest operating system as the engine names it (`os.type`), e.g.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#os_type DataOvirtDomainXml#os_type}
  */
  readonly osType?: string;
  /**
  * Chipset and firmware (`bios.type`): `cluster_default`, `i440fx_sea_bios`, `q35_sea_bios`, `q35_ovmf` (UEFI) or `q35_secure_boot` (UEFI with Secure Boot; the host writes the secure OVMF loader and SMM). One of "cluster_default", "i440fx_sea_bios", "q35_sea_bios", "q35_ovmf", "q35_secure_boot".
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#bios_type DataOvirtDomainXml#bios_type}
  */
  readonly biosType?: string;
  /**
  * An emulated TPM 2.0 (`tpm_enabled`; the host writes `<tpm model="tpm-crb">` on an swtpm backend).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#tpm_enabled DataOvirtDomainXml#tpm_enabled}
  */
  readonly tpmEnabled?: boolean | cdktn.IResolvable;
  /**
  * The guest's hardware clock time zone (`time_zone.name`): a Windows zone name for Windows guests (e.g.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#time_zone DataOvirtDomainXml#time_zone}
  */
  readonly timeZone?: string;
  /**
  * A sound device (`soundcard_enabled`; the host writes `<sound model="ich6"/>`).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#soundcard_enabled DataOvirtDomainXml#soundcard_enabled}
  */
  readonly soundcardEnabled?: boolean | cdktn.IResolvable;
  /**
  * The VNC console's keyboard layout (`display.keyboard_layout`), one of the engine's VncKeyboardLayoutValidValues such as `de`, `fr`, `en-us`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#keyboard_layout DataOvirtDomainXml#keyboard_layout}
  */
  readonly keyboardLayout?: string;
  /**
  * Video device (`display.video_type`): `qxl`, `vga`, `bochs` or `cirrus`. One of "qxl", "vga", "bochs", "cirrus".
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#video_type DataOvirtDomainXml#video_type}
  */
  readonly videoType?: string;
  /**
  * No graphics console and no video device (the engine's headless mode: the VM's graphics consoles are removed).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#headless DataOvirtDomainXml#headless}
  */
  readonly headless?: boolean | cdktn.IResolvable;
  /**
  * Memory the host guarantees, in MiB (`memory_policy.guaranteed`); at most `memory_mb`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#memory_guaranteed_mb DataOvirtDomainXml#memory_guaranteed_mb}
  */
  readonly memoryGuaranteedMb?: number;
  /**
  * The memory hot-plug ceiling in MiB (`memory_policy.max`); at least `memory_mb`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#memory_max_mb DataOvirtDomainXml#memory_max_mb}
  */
  readonly memoryMaxMb?: number;
  /**
  * The virtio memory balloon (`memory_policy.ballooning`).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#ballooning DataOvirtDomainXml#ballooning}
  */
  readonly ballooning?: boolean | cdktn.IResolvable;
  /**
  * CPU sockets (`cpu.topology.sockets`).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#cpu_sockets DataOvirtDomainXml#cpu_sockets}
  */
  readonly cpuSockets?: number;
  /**
  * Threads per core (`cpu.topology.threads`); see `cpu_sockets`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#cpu_threads DataOvirtDomainXml#cpu_threads}
  */
  readonly cpuThreads?: number;
  /**
  * Boot order (`os.boot.devices`), each of `hd`, `cdrom`, `network` at most once.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#boot_devices DataOvirtDomainXml#boot_devices}
  */
  readonly bootDevices?: string[];
  /**
  * The ISO in the VM's CD-ROM, by file name or id: an ISO disk (`content_type` iso) on a data domain, or a file of an ISO domain (the storage domain's files).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#cdrom DataOvirtDomainXml#cdrom}
  */
  readonly cdrom?: string;
  /**
  * Memory in MiB. Defaults to `1024`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#memory_mb DataOvirtDomainXml#memory_mb}
  */
  readonly memoryMb?: number;
  /**
  * Virtual CPU cores. Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#cpu_cores DataOvirtDomainXml#cpu_cores}
  */
  readonly cpuCores?: number;
  /**
  * VM optimisation profile. One of "desktop", "server", "high_performance". Defaults to `"desktop"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#vm_type DataOvirtDomainXml#vm_type}
  */
  readonly vmType?: string;
  /**
  * USB redirection. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#usb_enabled DataOvirtDomainXml#usb_enabled}
  */
  readonly usbEnabled?: boolean | cdktn.IResolvable;
  /**
  * Graphics protocol of the console: `spice` (the default; needed for smartcard, multiple monitors, clipboard and file transfer) or `vnc`. One of "spice", "vnc". Defaults to `"spice"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#display_type DataOvirtDomainXml#display_type}
  */
  readonly displayType?: string;
  /**
  * Pass the client's smartcard reader through to the guest (oVirt `display.smartcard_enabled`). Needs a SPICE display, and USB on high-performance VMs; the host then gets `<smartcard mode="passthrough" type="spicevmc"/>`. Console users may still switch it off for a session, never on. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#smartcard_enabled DataOvirtDomainXml#smartcard_enabled}
  */
  readonly smartcardEnabled?: boolean | cdktn.IResolvable;
  /**
  * Number of SPICE monitors: 1, 2 or 4 (oVirt `display.monitors`). Defaults to 1.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#monitors DataOvirtDomainXml#monitors}
  */
  readonly monitors?: number;
  /**
  * Allow clipboard copy and paste between client and guest over SPICE. Defaults to true.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#copy_paste_enabled DataOvirtDomainXml#copy_paste_enabled}
  */
  readonly copyPasteEnabled?: boolean | cdktn.IResolvable;
  /**
  * Allow drag-and-drop file transfer from the client into the guest over SPICE. Defaults to true.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#file_transfer_enabled DataOvirtDomainXml#file_transfer_enabled}
  */
  readonly fileTransferEnabled?: boolean | cdktn.IResolvable;
  /**
  * Disks of the VM, in order: each becomes a `<disk>` on the bus of its `interface` (virtio_scsi → scsi `sdX`, sata → sata `sdX`, virtio → virtio `vdX`, lettered in order), a qcow2 (`cow`) or raw driver, an image path in the shape a host has it, and the boot order on the bootable disk.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#disks DataOvirtDomainXml#disks}
  */
  readonly disks?: DataOvirtDomainXmlDisks[] | cdktn.IResolvable;
  /**
  * Network interfaces of the VM: each becomes a bridge `<interface>` on the bridge named after its `network` (or its `vnic_profile`, whose network only the engine knows), with the card model of its `interface` and its `mac_address` when given.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#nics DataOvirtDomainXml#nics}
  */
  readonly nics?: DataOvirtDomainXmlNics[] | cdktn.IResolvable;
}
export interface DataOvirtDomainXmlDisks {
  /**
  * Name (alias) of the disk, unique among the VM's disks.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#name DataOvirtDomainXml#name}
  */
  readonly name: string;
  /**
  * Provisioned size in GiB. A disk grows in place and never shrinks.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#size_gb DataOvirtDomainXml#size_gb}
  */
  readonly sizeGb: number;
  /**
  * Data storage domain to create the disk on, by name or id. Defaults to the first active data domain of the cluster's data center. Changing it replaces the VM.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#storage_domain DataOvirtDomainXml#storage_domain}
  */
  readonly storageDomain?: string;
  /**
  * Bus: `virtio_scsi` (the default), `virtio` or `sata`. Changing it replaces the VM. One of "virtio_scsi", "virtio", "sata". Defaults to `"virtio_scsi"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#interface DataOvirtDomainXml#interface}
  */
  readonly interface?: string;
  /**
  * Image format: `cow` (the default) or `raw`. Changing it replaces the VM. One of "cow", "raw". Defaults to `"cow"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#format DataOvirtDomainXml#format}
  */
  readonly format?: string;
  /**
  * Thin-provisioned (allocated as written). Defaults to true. Changing it replaces the VM. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#sparse DataOvirtDomainXml#sparse}
  */
  readonly sparse?: boolean | cdktn.IResolvable;
  /**
  * Boot from this disk. At most one disk of a VM is bootable. Defaults to false. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#bootable DataOvirtDomainXml#bootable}
  */
  readonly bootable?: boolean | cdktn.IResolvable;
}

export function dataOvirtDomainXmlDisksToTerraform(struct?: DataOvirtDomainXmlDisks | cdktn.IResolvable): any {
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


export function dataOvirtDomainXmlDisksToHclTerraform(struct?: DataOvirtDomainXmlDisks | cdktn.IResolvable): any {
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

export class DataOvirtDomainXmlDisksOutputReference extends cdktn.ComplexObject {
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

  public get internalValue(): DataOvirtDomainXmlDisks | cdktn.IResolvable | undefined {
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

  public set internalValue(value: DataOvirtDomainXmlDisks | cdktn.IResolvable | undefined) {
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

export class DataOvirtDomainXmlDisksList extends cdktn.ComplexList {
  public internalValue? : DataOvirtDomainXmlDisks[] | cdktn.IResolvable

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
  public get(index: number): DataOvirtDomainXmlDisksOutputReference {
    return new DataOvirtDomainXmlDisksOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DataOvirtDomainXmlNics {
  /**
  * Name of the NIC, unique among the VM's NICs (for example `nic1`).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#name DataOvirtDomainXml#name}
  */
  readonly name: string;
  /**
  * vNIC profile to plug the NIC into, by name or id.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#vnic_profile DataOvirtDomainXml#vnic_profile}
  */
  readonly vnicProfile?: string;
  /**
  * Logical network to plug the NIC into, by name or id; its default vNIC profile (named like the network) is used.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#network DataOvirtDomainXml#network}
  */
  readonly network?: string;
  /**
  * Card model: `virtio` (the default), `e1000` or `rtl8139`. One of "virtio", "e1000", "rtl8139". Defaults to `"virtio"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#interface DataOvirtDomainXml#interface}
  */
  readonly interface?: string;
}

export function dataOvirtDomainXmlNicsToTerraform(struct?: DataOvirtDomainXmlNics | cdktn.IResolvable): any {
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


export function dataOvirtDomainXmlNicsToHclTerraform(struct?: DataOvirtDomainXmlNics | cdktn.IResolvable): any {
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

export class DataOvirtDomainXmlNicsOutputReference extends cdktn.ComplexObject {
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

  public get internalValue(): DataOvirtDomainXmlNics | cdktn.IResolvable | undefined {
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

  public set internalValue(value: DataOvirtDomainXmlNics | cdktn.IResolvable | undefined) {
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

export class DataOvirtDomainXmlNicsList extends cdktn.ComplexList {
  public internalValue? : DataOvirtDomainXmlNics[] | cdktn.IResolvable

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
  public get(index: number): DataOvirtDomainXmlNicsOutputReference {
    return new DataOvirtDomainXmlNicsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml ovirt_domain_xml}
*/
export class DataOvirtDomainXml extends cdktn.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ovirt_domain_xml";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a DataOvirtDomainXml resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataOvirtDomainXml to import
  * @param importFromId The id of the existing DataOvirtDomainXml that should be imported. Refer to the {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataOvirtDomainXml to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "ovirt_domain_xml", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/data-sources/domain_xml ovirt_domain_xml} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataOvirtDomainXmlConfig
  */
  public constructor(scope: Construct, id: string, config: DataOvirtDomainXmlConfig) {
    super(scope, id, {
      terraformResourceType: 'ovirt_domain_xml',
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
    this._memoryGuaranteedMb = config.memoryGuaranteedMb;
    this._memoryMaxMb = config.memoryMaxMb;
    this._ballooning = config.ballooning;
    this._cpuSockets = config.cpuSockets;
    this._cpuThreads = config.cpuThreads;
    this._bootDevices = config.bootDevices;
    this._cdrom = config.cdrom;
    this._memoryMb = config.memoryMb;
    this._cpuCores = config.cpuCores;
    this._vmType = config.vmType;
    this._usbEnabled = config.usbEnabled;
    this._displayType = config.displayType;
    this._smartcardEnabled = config.smartcardEnabled;
    this._monitors = config.monitors;
    this._copyPasteEnabled = config.copyPasteEnabled;
    this._fileTransferEnabled = config.fileTransferEnabled;
    this._disks.internalValue = config.disks;
    this._nics.internalValue = config.nics;
  }

  // ==========
  // ATTRIBUTES
  // ==========

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

  // disks - computed: true, optional: true, required: false
  private _disks = new DataOvirtDomainXmlDisksList(this, "disks", false);
  public get disks() {
    return this._disks;
  }
  public putDisks(value: DataOvirtDomainXmlDisks[] | cdktn.IResolvable) {
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
  private _nics = new DataOvirtDomainXmlNicsList(this, "nics", false);
  public get nics() {
    return this._nics;
  }
  public putNics(value: DataOvirtDomainXmlNics[] | cdktn.IResolvable) {
    this._nics.internalValue = value;
  }
  public resetNics() {
    this._nics.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nicsInput() {
    return this._nics.internalValue;
  }

  // xml - computed: true, optional: false, required: false
  public get xml() {
    return this.getStringAttribute('xml');
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
      memory_guaranteed_mb: cdktn.numberToTerraform(this._memoryGuaranteedMb),
      memory_max_mb: cdktn.numberToTerraform(this._memoryMaxMb),
      ballooning: cdktn.booleanToTerraform(this._ballooning),
      cpu_sockets: cdktn.numberToTerraform(this._cpuSockets),
      cpu_threads: cdktn.numberToTerraform(this._cpuThreads),
      boot_devices: cdktn.listMapper(cdktn.stringToTerraform, false)(this._bootDevices),
      cdrom: cdktn.stringToTerraform(this._cdrom),
      memory_mb: cdktn.numberToTerraform(this._memoryMb),
      cpu_cores: cdktn.numberToTerraform(this._cpuCores),
      vm_type: cdktn.stringToTerraform(this._vmType),
      usb_enabled: cdktn.booleanToTerraform(this._usbEnabled),
      display_type: cdktn.stringToTerraform(this._displayType),
      smartcard_enabled: cdktn.booleanToTerraform(this._smartcardEnabled),
      monitors: cdktn.numberToTerraform(this._monitors),
      copy_paste_enabled: cdktn.booleanToTerraform(this._copyPasteEnabled),
      file_transfer_enabled: cdktn.booleanToTerraform(this._fileTransferEnabled),
      disks: cdktn.listMapper(dataOvirtDomainXmlDisksToTerraform, false)(this._disks.internalValue),
      nics: cdktn.listMapper(dataOvirtDomainXmlNicsToTerraform, false)(this._nics.internalValue),
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
      disks: {
        value: cdktn.listMapperHcl(dataOvirtDomainXmlDisksToHclTerraform, false)(this._disks.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "DataOvirtDomainXmlDisksList",
      },
      nics: {
        value: cdktn.listMapperHcl(dataOvirtDomainXmlNicsToHclTerraform, false)(this._nics.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "DataOvirtDomainXmlNicsList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
