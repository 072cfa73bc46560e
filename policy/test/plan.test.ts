// The plan runner's parts, without a CLI: reading `tofu show -json` into the rules' shapes, the
// configuration file, the notes for values known only after apply, and the command's exit codes.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TERRAFORM_NAMES } from "../../provider/shapes.generated.ts";
import { checkSubjects } from "../plan/check.ts";
import { main } from "../plan/cli.ts";
import { ConfigError, ruleSettings } from "../plan/config.ts";
import { PROPERTY_BY_ATTRIBUTE, TOKEN_BY_RESOURCE_TYPE } from "../plan/names.ts";
import { readPlan, schemaShape, UNKNOWN } from "../plan/readPlan.ts";
import { rules } from "../policies.ts";

type Change = { address: string; type: string; name: string; actions: string[]; after: unknown; after_unknown?: unknown; module_address?: string };

function plan(changes: Change[], configuration: unknown = {}): unknown {
  return {
    format_version: "1.2",
    resource_changes: changes.map((c) => ({
      address: c.address,
      module_address: c.module_address,
      mode: "managed",
      type: c.type,
      name: c.name,
      change: { actions: c.actions, after: c.after, after_unknown: c.after_unknown ?? {} },
    })),
    configuration: { root_module: configuration },
  };
}

const vm = (name: string, after: Record<string, unknown>, unknown: Record<string, unknown> = {}): Change => ({
  address: `ovirt_vm.${name}`, type: "ovirt_vm", name, actions: ["create"], after, after_unknown: unknown,
});
const consolePolicy = (name: string, after: Record<string, unknown>, unknown: Record<string, unknown> = {}): Change => ({
  address: `ovirt_console_policy.${name}`, type: "ovirt_console_policy", name, actions: ["create"], after, after_unknown: unknown,
});

describe("Terraform names", () => {
  it("agree with the provider's own, for every resource and attribute", () => {
    for (const [token, names] of Object.entries(TERRAFORM_NAMES)) {
      expect(TOKEN_BY_RESOURCE_TYPE.get(names.type)).toBe(token);
      for (const [property, attribute] of Object.entries(names.attributes)) expect(PROPERTY_BY_ATTRIBUTE.get(attribute)).toBe(property);
    }
  });
});

describe("readPlan", () => {
  it("renames attributes to the schema's names, drops nulls, and marks values known only after apply", () => {
    const shaped = schemaShape(
      { memory_mb: 2048, display_type: null, nics: [{ name: "nic1", vnic_profile: null }] },
      { vm_id: true, nics: [{ mac_address: true }] },
    );
    expect(shaped).toEqual({ memoryMb: 2048, nics: [{ name: "nic1", macAddress: UNKNOWN }], vmId: UNKNOWN });
  });

  it("keeps what exists after the plan, and links inputs to the resources they refer to", () => {
    const subjects = readPlan(
      plan(
        [
          vm("desk", { name: "d", smartcard_enabled: true }, { vm_id: true }),
          consolePolicy("cp", { disconnect_action: "none" }, { vm_id: true }),
          { ...vm("old", { name: "o" }), address: "ovirt_vm.old", name: "old", actions: ["delete"], after: null },
          { address: "null_resource.x", type: "null_resource", name: "x", actions: ["create"], after: {} },
        ],
        { resources: [{ address: "ovirt_console_policy.cp", mode: "managed", expressions: { vm_id: { references: ["ovirt_vm.desk.vm_id", "ovirt_vm.desk"] } } }] },
      ),
    );
    expect(subjects.map((s) => [s.type, s.urn])).toEqual([
      ["ovirt:index:Vm", "ovirt_vm.desk"],
      ["ovirt:index:ConsolePolicy", "ovirt_console_policy.cp"],
    ]);
    expect(subjects[1]!.propertyDependencies["vmId"]).toEqual([subjects[0]]);
  });

  it("resolves references inside a module, whatever the instance index", () => {
    const subjects = readPlan(
      plan(
        [
          { ...vm("desk", {}), address: "module.m[0].ovirt_vm.desk", module_address: "module.m[0]" },
          { ...consolePolicy("cp", {}), address: "module.m[0].ovirt_console_policy.cp", module_address: "module.m[0]" },
        ],
        { module_calls: { m: { module: { resources: [{ address: "ovirt_console_policy.cp", mode: "managed", expressions: { vm_id: { references: ["ovirt_vm.desk.vm_id"] } } }] } } } },
      ),
    );
    expect(subjects[1]!.propertyDependencies["vmId"]?.[0]?.urn).toBe("module.m[0].ovirt_vm.desk");
  });

  it("refuses what is not a plan", () => {
    expect(() => readPlan({ hello: 1 })).toThrow(/not a plan in JSON/);
    expect(() => readPlan([])).toThrow(/tofu show -json/);
  });
});

describe("checkSubjects", () => {
  it("reports in Terraform's words and notes what it could not check", () => {
    const subjects = readPlan(
      plan([
        consolePolicy("long", { ticket_expiry_seconds: 7200, sso: "none", disconnect_action: "lock_screen" }),
        consolePolicy("later", { sso: "none", disconnect_action: "lock_screen" }, { ticket_expiry_seconds: true }),
      ]),
    );
    const outcome = checkSubjects(rules, subjects);
    expect(outcome.violations).toEqual([
      expect.objectContaining({
        policy: "console-ticket-expiry-limit",
        level: "mandatory",
        address: "ovirt_console_policy.long",
        attribute: "ticket_expiry_seconds",
        message: expect.stringContaining("ovirt_console_policy.long: ticket_expiry_seconds is 7200"),
      }),
    ]);
    expect(outcome.notes).toContainEqual(
      expect.objectContaining({ policy: "console-ticket-expiry-limit", address: "ovirt_console_policy.later", message: expect.stringContaining("ticket_expiry_seconds is known only after apply") }),
    );
    expect(outcome.notApplicable.map((n) => n.policy)).toContain("pool-desktops-need-allowed-network");
  });

  it("takes the pack's configuration: levels, options and `all`", () => {
    const subjects = () => readPlan(plan([consolePolicy("cp", { ticket_expiry_seconds: 90 })]));
    expect(checkSubjects(rules, subjects()).violations).toEqual([]);
    const strict = checkSubjects(rules, subjects(), { "console-ticket-expiry-limit": { maxTicketExpirySeconds: 60 } });
    expect(strict.violations.map((v) => v.policy)).toEqual(["console-ticket-expiry-limit"]);
    const advisory = checkSubjects(rules, subjects(), { all: "advisory", "console-ticket-expiry-limit": { maxTicketExpirySeconds: 60 } });
    expect(advisory.violations.map((v) => v.level)).toEqual(["advisory"]);
    expect(checkSubjects(rules, subjects(), { "console-ticket-expiry-limit": { enforcementLevel: "disabled", maxTicketExpirySeconds: 60 } }).violations).toEqual([]);
  });

  it("refuses a configuration with a typo instead of falling back to defaults", () => {
    expect(() => ruleSettings(rules, { "console-ticket-expiry": {} })).toThrow(ConfigError);
    expect(() => ruleSettings(rules, { "console-ticket-expiry-limit": { maxTicketExpiry: 60 } })).toThrow(/unknown option "maxTicketExpiry".*maxTicketExpirySeconds/);
    expect(() => ruleSettings(rules, { "console-ticket-expiry-limit": { maxTicketExpirySeconds: 0 } })).toThrow(/expected integer >= 1/);
    expect(() => ruleSettings(rules, { all: "strict" })).toThrow(/enforcementLevel must be one of/);
  });
});

describe("ovirt-policy check", () => {
  const dir = mkdtempSync(join(tmpdir(), "ovirt-policy-"));
  const write = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
    return path;
  };

  it("exits 0 on a passing plan, 1 on a mandatory violation, 2 when it cannot check", () => {
    const good = write("good.json", plan([consolePolicy("cp", { ticket_expiry_seconds: 60 })]));
    const bad = write("bad.json", plan([consolePolicy("cp", { ticket_expiry_seconds: 7200 })]));
    const output = join(dir, "out.sarif");
    expect(main(["check", good, "--output", join(dir, "good.txt")])).toBe(0);
    expect(main(["check", bad, "--format", "sarif", "--output", output])).toBe(1);
    expect(main(["check", write("broken.json", "{ nope")])).toBe(2);
    expect(main(["check", good, "--format", "xml"])).toBe(2);
    expect(main(["check", good, "--config", write("typo.json", { nope: {} })])).toBe(2);
    expect(main(["lint", good])).toBe(2);
  });
});
