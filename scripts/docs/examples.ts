// The examples of the generated docs (scripts/gen-docs.ts), one per resource and function, written
// once in a language-neutral form and rendered into TypeScript, Python, Go, YAML and HCL by
// render.ts. test/docs runs every rendered example against the engine emulator with the real CLI
// of its language, so logical names and engine names are unique across all examples (they run
// together, one program per language). Keep them small: each adds to that test's time.

/** A value in an example: a literal, or another example resource's output. */
export type ExampleValue = string | number | boolean | string[] | { ref: string; output: string };

export interface ExampleResource {
  /** The logical name (`pulumi` URN name, HCL resource label after `-` becomes `_`). */
  name: string;
  /** Schema token, e.g. `ovirt:index:Vm`. */
  type: string;
  properties: Record<string, ExampleValue>;
}

export interface ExampleInvoke {
  /** The variable (and HCL data source label) holding the result. */
  name: string;
  /** Schema token, e.g. `ovirt:index:getCluster`. */
  function: string;
  arguments: Record<string, string | number | boolean>;
}

export interface Example {
  /** One sentence saying what the example builds. */
  summary: string;
  invokes?: ExampleInvoke[];
  resources?: ExampleResource[];
  /** Stack outputs: name -> an invoke's or resource's output. */
  outputs: Record<string, { ref: string; output: string }>;
}

const ref = (name: string, output: string) => ({ ref: name, output });

/** Names the docs-run test creates in the emulator before the lookups run. */
export const SEEDED = { vm: "seed-desk", template: "seed-template", pool: "seed-pool", group: "seed-vdi-users@internal" } as const;

export const EXAMPLES: Record<string, Example> = {
  "ovirt:index:Vm": {
    summary: "A SPICE desktop with the client's smartcard reader passed through to the guest.",
    resources: [{
      name: "desk",
      type: "ovirt:index:Vm",
      properties: {
        name: "doc-desk-01", cluster: "Default", memoryMb: 4096, cpuCores: 2,
        displayType: "spice", smartcardEnabled: true, usbEnabled: true,
      },
    }],
    outputs: { deskConsole: ref("desk", "consoleDescription") },
  },
  "ovirt:index:Template": {
    summary: "A golden VM, kept stopped, and a smartcard-enabled template copied from it.",
    resources: [
      { name: "golden", type: "ovirt:index:Vm", properties: { name: "doc-golden", running: false, smartcardEnabled: true } },
      {
        name: "gold-template",
        type: "ovirt:index:Template",
        properties: { name: "doc-gold-template", sourceVm: ref("golden", "vmId"), smartcardEnabled: true },
      },
    ],
    outputs: { templateId: ref("gold-template", "templateId") },
  },
  "ovirt:index:Pool": {
    summary: "An automatic pool of three smartcard desktops from a template, one prestarted.",
    resources: [
      { name: "pool-golden", type: "ovirt:index:Vm", properties: { name: "doc-pool-golden", running: false } },
      { name: "pool-template", type: "ovirt:index:Template", properties: { name: "doc-pool-template", sourceVm: ref("pool-golden", "vmId") } },
      {
        name: "desktops",
        type: "ovirt:index:Pool",
        properties: {
          name: "doc-desk", template: ref("pool-template", "templateId"), size: 3, prestartedVms: 1,
          displayType: "spice", smartcardEnabled: true,
        },
      },
    ],
    outputs: { poolVms: ref("desktops", "vmNames") },
  },
  "ovirt:index:ConsolePolicy": {
    summary: "Console rules for a desktop: single sign-on through the guest agent, lock the screen on disconnect.",
    resources: [
      { name: "kiosk", type: "ovirt:index:Vm", properties: { name: "doc-kiosk", smartcardEnabled: true } },
      {
        name: "kiosk-console",
        type: "ovirt:index:ConsolePolicy",
        properties: { vmId: ref("kiosk", "vmId"), sso: "guest_agent", disconnectAction: "lock_screen", ticketExpirySeconds: 120 },
      },
    ],
    outputs: { kioskConsoleKind: ref("kiosk-console", "consoleDescription") },
  },
  "ovirt:index:previewDomainXml": {
    summary: "The libvirt domain XML a host would get for a smartcard desktop, without any engine call.",
    invokes: [{ name: "preview", function: "ovirt:index:previewDomainXml", arguments: { name: "preview-desk", smartcardEnabled: true } }],
    outputs: { previewXml: ref("preview", "xml") },
  },
  "ovirt:index:getCluster": {
    summary: "Reads the `Default` cluster, to place resources by its id.",
    invokes: [{ name: "cluster", function: "ovirt:index:getCluster", arguments: { name: "Default" } }],
    outputs: { clusterId: ref("cluster", "id") },
  },
  "ovirt:index:getTemplate": {
    summary: "Reads a golden template by name, with its display settings.",
    invokes: [{ name: "gold", function: "ovirt:index:getTemplate", arguments: { name: SEEDED.template } }],
    outputs: { goldSmartcard: ref("gold", "smartcardEnabled") },
  },
  "ovirt:index:getVm": {
    summary: "Reads an existing VM by name, managed by Pulumi or not.",
    invokes: [{ name: "existing", function: "ovirt:index:getVm", arguments: { name: SEEDED.vm } }],
    outputs: { existingStatus: ref("existing", "status") },
  },
  "ovirt:index:Permission": {
    summary: "Lets a directory group use one desktop: the engine's UserRole for the group on the VM.",
    resources: [
      { name: "shared-desk", type: "ovirt:index:Vm", properties: { name: "doc-shared-desk", smartcardEnabled: true } },
      { name: "desk-users", type: "ovirt:index:Permission", properties: { group: SEEDED.group, role: "UserRole", vmId: ref("shared-desk", "vmId") } },
    ],
    outputs: { permissionRole: ref("desk-users", "role") },
  },
  "ovirt:index:getGroup": {
    summary: "Reads a directory group the engine knows, by NAME@PROFILE.",
    invokes: [{ name: "vdiUsers", function: "ovirt:index:getGroup", arguments: { name: SEEDED.group } }],
    outputs: { vdiUsersId: ref("vdiUsers", "id") },
  },
  "ovirt:index:getUser": {
    summary: "Reads a user the engine knows, by NAME@PROFILE.",
    invokes: [{ name: "admin", function: "ovirt:index:getUser", arguments: { name: "admin@internal" } }],
    outputs: { adminId: ref("admin", "id") },
  },
  "ovirt:index:getPool": {
    summary: "Reads an existing pool by name, with the names of its desktops.",
    invokes: [{ name: "pool", function: "ovirt:index:getPool", arguments: { name: SEEDED.pool } }],
    outputs: { seededVms: ref("pool", "vmNames") },
  },
};

/** The guides' programs (docs/guides/), run by test/docs like the reference examples. */
export const GUIDE_EXAMPLES: Record<string, Example> = {
  "guide:smartcard-pool": {
    summary: "A golden VM kept stopped, a template copied from it, a pool of smartcard desktops, and the pool's console rules.",
    resources: [
      { name: "guide-golden", type: "ovirt:index:Vm", properties: { name: "guide-golden", running: false, smartcardEnabled: true, usbEnabled: true } },
      {
        name: "guide-template",
        type: "ovirt:index:Template",
        properties: { name: "guide-template", sourceVm: ref("guide-golden", "vmId"), smartcardEnabled: true },
      },
      {
        name: "guide-desks",
        type: "ovirt:index:Pool",
        properties: { name: "guide-desk", template: ref("guide-template", "templateId"), size: 2, smartcardEnabled: true, usbEnabled: true },
      },
      {
        name: "guide-console",
        type: "ovirt:index:ConsolePolicy",
        properties: { poolId: ref("guide-desks", "poolId"), sso: "guest_agent", disconnectAction: "lock_screen" },
      },
    ],
    outputs: { guideDeskNames: ref("guide-desks", "vmNames"), guideConsoleKind: ref("guide-console", "consoleDescription") },
  },
  "guide:console": {
    summary: "A SPICE desktop with smartcard pass-through, and a console policy that keeps tickets to 60 seconds and locks the screen on disconnect.",
    resources: [
      { name: "console-desk", type: "ovirt:index:Vm", properties: { name: "console-desk-01", displayType: "spice", smartcardEnabled: true, usbEnabled: true } },
      {
        name: "console-desk-policy",
        type: "ovirt:index:ConsolePolicy",
        properties: { vmId: ref("console-desk", "vmId"), disconnectAction: "lock_screen", ticketExpirySeconds: 60 },
      },
    ],
    outputs: { consoleDeskKind: ref("console-desk-policy", "consoleDescription") },
  },
  "guide:golden-rollout": {
    summary: "A new golden VM, its template as version 2 of the first one, and the pool moved to it in place, restarting its idle desktops at once.",
    resources: [
      { name: "rollout-golden", type: "ovirt:index:Vm", properties: { name: "rollout-golden", running: false, smartcardEnabled: true } },
      {
        name: "rollout-template",
        type: "ovirt:index:Template",
        properties: { name: "rollout-template", sourceVm: ref("rollout-golden", "vmId"), smartcardEnabled: true },
      },
      { name: "rollout-golden-v2", type: "ovirt:index:Vm", properties: { name: "rollout-golden-v2", running: false, smartcardEnabled: true } },
      {
        name: "rollout-template-v2",
        type: "ovirt:index:Template",
        properties: {
          name: "rollout-template", sourceVm: ref("rollout-golden-v2", "vmId"), baseTemplate: ref("rollout-template", "templateId"),
          versionName: "v2", smartcardEnabled: true,
        },
      },
      {
        name: "rollout-desks",
        type: "ovirt:index:Pool",
        properties: { name: "rollout-desk", template: ref("rollout-template-v2", "templateId"), size: 2, smartcardEnabled: true, rollout: "idle-now" },
      },
    ],
    outputs: { rolloutRestarted: ref("rollout-desks", "rolloutRestarted"), rolloutWaiting: ref("rollout-desks", "rolloutWaiting") },
  },
};
