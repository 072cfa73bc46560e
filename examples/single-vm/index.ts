// One desktop VM with a SPICE console and the user's smartcard reader passed through.
// Provider settings come from `pulumi config set ovirt:url ...` (and username, password, caFile)
// or from OVIRT_URL, OVIRT_USERNAME, OVIRT_PASSWORD and OVIRT_CAFILE.
import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const config = new pulumi.Config();
const name = config.get("name") ?? "desktop-01";

const settings = {
    memoryMb: 4096,
    cpuCores: 2,
    vmType: "desktop",
    usbEnabled: true,
    displayType: "spice",
    smartcardEnabled: true,
} as const;

const vm = new ovirt.Vm("desktop", {
    name,
    cluster: "Default",
    template: "Blank",
    description: "SPICE desktop with smartcard pass-through",
    running: config.getBoolean("running") ?? false,
    ...settings,
});

// The function behind every domainXml output, callable on its own: what the host will run.
const preview = ovirt.previewDomainXmlOutput({ name, ...settings });

export const vmId = vm.vmId;
export const status = vm.status;
export const consoleDescription = vm.consoleDescription;
export const pendingRestart = vm.pendingRestart;
export const domainXml = preview.xml;
