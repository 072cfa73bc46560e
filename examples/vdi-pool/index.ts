// A VDI pool with smartcard pass-through:
//   golden VM (stopped, SPICE + smartcard) -> template -> pool of desktops -> console policy.
// Provider settings come from `pulumi config set ovirt:url ...` (and username, password, caFile)
// or from OVIRT_URL, OVIRT_USERNAME, OVIRT_PASSWORD and OVIRT_CAFILE.
import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const config = new pulumi.Config();
const prefix = config.get("namePrefix") ?? "vdi";
const cluster = config.get("cluster") ?? "Default";
const poolSize = config.getNumber("poolSize") ?? 3;
// Smartcard pass-through for the whole estate. Turning it off later updates the golden VM and the
// template in place, and replaces the pool (the engine fixes pool VMs' display at creation).
const smartcard = config.getBoolean("smartcard") ?? true;
// Who may take a desktop from the pool (each gets the engine's UserRole on it); unset: nobody is
// given it by this program. Set with `pulumi config set --path 'users[0]' alice@internal`.
const users = config.getObject<string[]>("users");

// The desktop every user gets: SPICE with the client's smartcard reader passed through.
const desktop = {
    memoryMb: 4096,
    cpuCores: 2,
    vmType: "desktop",
    usbEnabled: true,
    displayType: "spice",
    smartcardEnabled: smartcard,
    monitors: 2,
} as const;

// The golden image. It stays down: the engine copies a template only from a stopped VM.
const golden = new ovirt.Vm("golden", {
    name: `${prefix}-golden`,
    cluster,
    description: "Golden image for the smartcard VDI pool",
    running: false,
    ...desktop,
});

const template = new ovirt.Template("desktop-template", {
    name: `${prefix}-template`,
    sourceVm: golden.vmId,
    description: "Smartcard-enabled SPICE desktop",
    displayType: desktop.displayType,
    smartcardEnabled: desktop.smartcardEnabled,
    monitors: desktop.monitors,
});

// The engine applies a pool VM's display settings only when the pool creates it, so the pool
// repeats them; changing one later replaces the pool (the plan says so).
const pool = new ovirt.Pool("desktops", {
    name: `${prefix}-desk`,
    cluster,
    template: template.id,
    size: poolSize,
    prestartedVms: 1,
    maxUserVms: 1,
    poolType: "automatic",
    stateful: false,
    users,
    ...desktop,
});

// How the pool's consoles behave: the engine logs the user into the guest through the guest
// agent, and the screen locks as soon as the console disconnects.
const consolePolicy = new ovirt.ConsolePolicy("desktops-console", {
    poolId: pool.poolId,
    sso: "guest_agent",
    disconnectAction: "lock_screen",
    allowReconnect: false,
    ticketExpirySeconds: 120,
});

// The libvirt domain the hosts will run for each desktop, known already at `pulumi preview`.
export const desktopDomainXml = pool.domainXml;
export const consoleDescription = consolePolicy.consoleDescription;
export const poolVmNames = pool.vmNames;
export const templateId = template.id;
