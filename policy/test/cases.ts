// One table of programs and the verdicts the pack must give on them, whichever runner checks them:
// the Pulumi policy pack (under `pulumi preview`) or `ovirt-policy check` (on `tofu show -json`).
// Each case is written once in the schema's shapes; test/terraform/policy-plan.test.ts renders
// it as a Pulumi program and as an OpenTofu configuration.

export type TableType = "Vm" | "Template" | "Pool" | "ConsolePolicy";

export interface TableResource {
  type: TableType;
  /** The resource's name in the program or configuration. */
  name: string;
  /** Inputs by schema name, all known before apply. */
  props: Record<string, string | number | boolean>;
  /** Inputs taken from another resource's output: input -> [resource name, output]. */
  links?: Record<string, [string, string]>;
}

export interface Verdict {
  policy: string;
  /** The resource the violation is about, by name. */
  resource: string;
  /** The property at fault, by schema name. */
  property: string;
  level: "mandatory" | "advisory";
}

export interface PolicyCase {
  name: string;
  resources: TableResource[];
  verdicts: Verdict[];
}

const desk: TableResource = {
  type: "Vm",
  name: "desk",
  props: { name: "policy-desk", displayType: "spice", smartcardEnabled: true, usbEnabled: true },
};

function consolePolicy(props: TableResource["props"]): TableResource {
  return {
    type: "ConsolePolicy",
    name: "cp",
    props: { sso: "none", disconnectAction: "lock_screen", ticketExpirySeconds: 120, ...props },
    links: { vmId: ["desk", "vmId"] },
  };
}

/** A golden VM and the template made from it, which pools are built from. */
const goldImage: TableResource[] = [
  { type: "Vm", name: "gold", props: { name: "policy-gold", running: false } },
  { type: "Template", name: "tpl", props: { name: "policy-tpl" }, links: { sourceVm: ["gold", "vmId"] } },
];

function pool(name: string, size: number, props: TableResource["props"] = {}): TableResource {
  return { type: "Pool", name, props: { name: `policy-${name}-???`, size, smartcardEnabled: true, ...props }, links: { template: ["tpl", "templateId"] } };
}

export const POLICY_CASES: readonly PolicyCase[] = [
  { name: "a good configuration", resources: [desk, consolePolicy({}), ...goldImage, pool("sales", 3)], verdicts: [] },
  {
    name: "a 7200 s console ticket",
    resources: [desk, consolePolicy({ ticketExpirySeconds: 7200 })],
    verdicts: [{ policy: "console-ticket-expiry-limit", resource: "cp", property: "ticketExpirySeconds", level: "mandatory" }],
  },
  {
    name: "a smartcard desktop's console that does not lock on disconnect",
    resources: [desk, consolePolicy({ disconnectAction: "none" })],
    verdicts: [{ policy: "smartcard-targets-lock-on-disconnect", resource: "cp", property: "disconnectAction", level: "mandatory" }],
  },
  {
    name: "pools over the capacity cap",
    resources: [...goldImage, pool("east", 60), pool("west", 50)],
    verdicts: [{ policy: "pool-capacity-limit", resource: "east", property: "size", level: "mandatory" }],
  },
  {
    name: "a pool without smartcard (advisory)",
    resources: [...goldImage, pool("kiosk", 2, { smartcardEnabled: false })],
    verdicts: [{ policy: "desktop-pools-require-smartcard", resource: "kiosk", property: "smartcardEnabled", level: "advisory" }],
  },
];
