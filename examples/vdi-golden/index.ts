// Desktops that boot: a golden VM with a boot disk and a NIC -> a template (which copies both)
// -> a pool of smartcard desktops, each with a thin disk on the template's and the template's NIC,
// set up by cloud-init on its first start.
// Provider settings come from `pulumi config set ovirt:url ...` (and username, password, caFile)
// or from OVIRT_URL, OVIRT_USERNAME, OVIRT_PASSWORD and OVIRT_CAFILE.
import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const config = new pulumi.Config();
const prefix = config.get("namePrefix") ?? "gold";
const cluster = config.get("cluster") ?? "Default";
const storageDomain = config.get("storageDomain") ?? "data";
const network = config.get("network") ?? "ovirtmgmt";
// Growing the disk is an in-place update of the golden VM; a smaller size fails the preview.
const diskSizeGb = config.getNumber("diskSizeGb") ?? 10;
// More NICs are added to the golden VM in place; fewer detach and remove the extra ones.
const nicCount = config.getNumber("nicCount") ?? 1;
const poolSize = config.getNumber("poolSize") ?? 3;
// cloud-init on each desktop's first start: the user it creates and the guest's time zone.
const desktopUser = config.get("desktopUser") ?? "vdi";
const timezone = config.get("timezone") ?? "Etc/UTC";
// Public SSH keys for desktopUser, e.g. `pulumi config set --path 'sshKeys[0]' "ssh-ed25519 ..."`.
const sshKeys = config.getObject<string[]>("sshKeys");

const desktop = {
    memoryMb: 4096,
    cpuCores: 2,
    vmType: "desktop",
    usbEnabled: true,
    displayType: "spice",
    smartcardEnabled: true,
} as const;

// The first NIC names its vNIC profile, the others the network (whose default profile is used):
// the two ways the engine plugs a NIC in.
const nics = Array.from({ length: nicCount }, (_, i) =>
    i === 0
        ? { name: "nic1", vnicProfile: network, interface: "virtio" } as const
        : { name: `nic${i + 1}`, network, interface: "virtio" } as const);

// The golden image stays down: the engine copies a template only from a stopped VM.
const golden = new ovirt.Vm("golden", {
    name: `${prefix}-golden`,
    cluster,
    description: "Golden desktop image: boot disk and network",
    running: false,
    disks: [{ name: "system", sizeGb: diskSizeGb, storageDomain, interface: "virtio_scsi", format: "cow", sparse: true, bootable: true }],
    nics,
    ...desktop,
});

// The template takes the golden VM's disk and NICs as they are when it is made.
const template = new ovirt.Template("golden-template", {
    name: `${prefix}-template`,
    sourceVm: golden.vmId,
    description: "Smartcard desktop with a boot disk and a NIC",
    displayType: desktop.displayType,
    smartcardEnabled: desktop.smartcardEnabled,
});

// Each pool desktop gets a thin copy of the template's disk and the template's NICs, and cloud-init
// sets it up on its first start. The engine gives pool VMs these settings only when it creates
// them, so changing the initialization replaces the pool (the plan says so).
const pool = new ovirt.Pool("desktops", {
    name: `${prefix}-desk`,
    cluster,
    template: template.id,
    size: poolSize,
    prestartedVms: 0,
    maxUserVms: 1,
    poolType: "automatic",
    stateful: false,
    initialization: {
        cloudInit: {
            userName: desktopUser,
            authorizedSshKeys: sshKeys,
            timezone,
            nicConfigurations: [{ name: "eth0", bootProtocol: "dhcp", onBoot: true }],
        },
    },
    ...desktop,
});

export const goldenVmId = golden.vmId;
export const goldenDisks = golden.disks;
export const goldenNics = golden.nics;
export const templateDisks = template.disks;
export const templateNics = template.nics;
export const poolVmNames = pool.vmNames;
export const desktopDomainXml = pool.domainXml;
