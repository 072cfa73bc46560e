// A Windows 11 golden desktop: a VM with UEFI Secure Boot, a TPM 2.0, the users' time zone and
// keyboard, sound, and the guest-tools ISO in its CD-ROM (boot from the CD first while installing);
// a template from it; and a pool of desktops made from the template with the same settings.
// Provider settings come from `pulumi config set ovirt:url ...` (and username, password, caFile)
// or from OVIRT_URL, OVIRT_USERNAME, OVIRT_PASSWORD and OVIRT_CAFILE.
import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const config = new pulumi.Config();
const prefix = config.get("namePrefix") ?? "win11";
const cluster = config.get("cluster") ?? "Default";
const storageDomain = config.get("storageDomain") ?? "data";
// An ISO on a storage domain, by file name or id (an ISO disk of a data domain, or an ISO domain's file).
const iso = config.get("iso") ?? "virtio-win.iso";
// Boot from the CD while Windows installs, from the disk afterwards ("hd,cdrom"): next run on a running VM.
const bootDevices = (config.get("bootDevices") ?? "cdrom,hd").split(",") as ovirt.types.enums.BootDevice[];
// Windows 11 needs q35_secure_boot; anything else fails the preview, naming biosType.
const biosType = (config.get("biosType") ?? "q35_secure_boot") as ovirt.types.enums.BiosType;
// The golden image is delete-protected: a destroy fails naming deleteProtected until this is false.
const deleteProtected = config.getBoolean("deleteProtected") ?? true;
const poolSize = config.getNumber("poolSize") ?? 2;

/** What every Windows 11 desktop has, on the golden VM, the template and the pool alike. */
const windows11 = {
    osType: "windows_11",
    biosType,
    tpmEnabled: true,
    timeZone: config.get("timeZone") ?? "W. Europe Standard Time",
    keyboardLayout: config.get("keyboardLayout") ?? "de",
    soundcardEnabled: true,
    videoType: "qxl",
} as const;

const desktop = { memoryMb: 4096, cpuCores: 2, vmType: "desktop", usbEnabled: true, displayType: "spice", smartcardEnabled: true } as const;

// The golden VM stays down: the engine copies a template only from a stopped VM.
const golden = new ovirt.Vm("golden", {
    name: `${prefix}-golden`,
    cluster,
    running: false,
    description: "Windows 11 golden image: Secure Boot, TPM, guest tools ISO",
    disks: [{ name: "system", sizeGb: 64, storageDomain, interface: "virtio_scsi", format: "cow", sparse: true, bootable: true }],
    cdrom: iso,
    bootDevices,
    deleteProtected,
    ...windows11,
    ...desktop,
});

const template = new ovirt.Template("golden-template", {
    name: `${prefix}-template`,
    sourceVm: golden.vmId,
    description: "Windows 11 desktop",
    // The engine copies the golden VM's delete protection into the template: only the golden VM keeps it.
    deleteProtected: false,
    ...windows11,
    displayType: desktop.displayType,
    smartcardEnabled: desktop.smartcardEnabled,
});

// The engine gives a pool's desktops their settings when it creates them: a change to them
// replaces the pool (the plan says so); roll changes out through a new template version instead.
const pool = new ovirt.Pool("desktops", {
    name: `${prefix}-desk`,
    cluster,
    template: template.id,
    size: poolSize,
    prestartedVms: 0,
    maxUserVms: 1,
    poolType: "automatic",
    stateful: false,
    ...windows11,
    ...desktop,
});

export const goldenVmId = golden.vmId;
export const goldenCdrom = golden.cdrom;
export const goldenDomainXml = golden.domainXml;
export const poolVmNames = pool.vmNames;
