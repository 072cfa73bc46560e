// Windows 11 desktops (#24) through the real OpenTofu CLI, against the engine emulator:
// - one `tofu plan` of a configuration with every resource of RULE_CASES (test/e2e/desktops.ts:
//   the VMs, template and pool the Pulumi test previews) fails with every device rule of
//   domainxml/rules.ts at once: each diagnostic is on its resource, is titled with the attribute
//   ("Invalid value for tpm_enabled") and says what to set instead, in snake_case;
// - a plan of the cases that break no rule (Windows 11 on q35_ovmf with a TPM) succeeds, with a
//   warning on bios_type. (A resource that fails validation is never planned, so OpenTofu shows
//   no plan warnings beside failures; Pulumi does.)
// - `tofu import` of a Windows 11 desktop made out of band through the engine's REST API (Secure
//   Boot, TPM, time zone, sound, keyboard layout, ISO) into the configuration an admin writes for
//   it, then a plan with no changes. (test/terraform/opentofu-desktops.test.ts imports a desktop
//   OpenTofu made itself.)

import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import { caseProperties, createRuleFixtures, createWindows11OutOfBand, expectFailures, expectWarnings, inTerraformWords, OUT_OF_BAND_WIN11, RULE_CASES, snake, type ReportedFailure } from "../e2e/desktops.ts";
import { devOverridesConfig, probeTofu, providerBlock, stateValues, workspace, type Workspace } from "./harness.ts";

const probe = probeTofu("tofu-desktop-rules-");
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/terraform/opentofu-desktop-rules (real OpenTofu, Windows 11 rules and import): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 120_000;

/** A resource block from camelCase inputs (JSON's strings, numbers, booleans and lists are HCL's too). */
function block(type: string, name: string, inputs: Readonly<Record<string, unknown>>): string {
  const lines = Object.entries(inputs).map(([key, value]) => `  ${snake(key)} = ${JSON.stringify(value)}`);
  return `resource "ovirt_${type.toLowerCase()}" "${name}" {\n${lines.join("\n")}\n}\n`;
}

const resourceName = (caseName: string): string => caseName.replace(/-/g, "_");

/** The error (or warning) diagnostics of `tofu plan -json`, one per check failure: address, attribute, detail. */
function planFailures(stdout: string, severity: "error" | "warning" = "error"): ReportedFailure[] {
  const failures: ReportedFailure[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const event = JSON.parse(line) as { type?: string; diagnostic?: { severity: string; summary: string; detail: string; address?: string } };
    const d = event.diagnostic;
    if (event.type !== "diagnostic" || d?.severity !== severity) continue;
    const attribute = /^Invalid value for (\w+)$/.exec(d.summary)?.[1] ?? `(summary: ${d.summary})`;
    failures.push({ resource: (d.address ?? "").replace(/^ovirt_\w+\./, ""), property: attribute, message: d.detail });
  }
  return failures;
}

describe.skipIf(!probe.tofu)("OpenTofu: the device rules and an import of a Windows 11 desktop (#24)", () => {
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let rulesWs: Workspace;
  let importWs: Workspace;

  beforeAll(async () => {
    emulator = await startEmulator(join(probe.workDir, "engine"), password);
    rulesWs = workspace(probe.tofu!, join(probe.workDir, "rules"), emulator, devOverridesConfig(join(probe.workDir, "dev-rules.tfrc")));
    importWs = workspace(probe.tofu!, join(probe.workDir, "import"), emulator, devOverridesConfig(join(probe.workDir, "dev-import.tfrc")));
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  const failing = RULE_CASES.filter((c) => c.failures.length > 0);
  const passing = RULE_CASES.filter((c) => c.failures.length === 0);

  it("one plan fails with every rule of every VM, template and pool, each naming its attribute and the fix", async () => {
    const fixtures = await createRuleFixtures(emulator);
    rulesWs.write(providerBlock(emulator) + failing.map((c) => block(c.type, resourceName(c.name), caseProperties(c, fixtures))).join("\n"));
    const planned = await rulesWs.tofu(["plan", "-json", "-input=false"], STEP_TIMEOUT);
    expect(planned.code, planned.stderr.slice(-2000)).toBe(1);
    const failures = planFailures(planned.stdout);
    for (const ruleCase of failing) {
      const inSnakeCase = { ...ruleCase, failures: ruleCase.failures.map((f) => ({ ...f, property: snake(f.property) })) };
      expectFailures(failures, inSnakeCase, inTerraformWords, resourceName(ruleCase.name));
    }
    expect(failures).toHaveLength(failing.reduce((n, c) => n + c.failures.length, 0));
  }, STEP_TIMEOUT);

  it(`a plan of what the engine takes (${passing.map((c) => c.name).join(", ")}) succeeds, warning on its attribute with the fix`, async () => {
    rulesWs.write(providerBlock(emulator) + passing.map((c) => block(c.type, resourceName(c.name), c.properties)).join("\n"));
    const planned = await rulesWs.tofu(["plan", "-json", "-input=false"], STEP_TIMEOUT);
    expect(planned.code, planned.stdout.slice(-2000) + planned.stderr.slice(-2000)).toBe(0);
    expect(planFailures(planned.stdout)).toEqual([]);
    const warnings = planFailures(planned.stdout, "warning");
    for (const ruleCase of passing) {
      expectWarnings(warnings, ruleCase, inTerraformWords, resourceName(ruleCase.name));
      const attributes = warnings.filter((w) => w.resource === resourceName(ruleCase.name)).map((w) => w.property);
      expect(attributes, ruleCase.name).toEqual((ruleCase.warnings ?? []).map((w) => snake(w.property)));
    }
  }, STEP_TIMEOUT);

  it("tofu import adopts a Windows 11 desktop made out of band; the admin's configuration plans no changes", async () => {
    const id = await createWindows11OutOfBand(emulator);
    importWs.write(providerBlock(emulator) + block("Vm", "win11", OUT_OF_BAND_WIN11.inputs));
    await importWs.ok(["import", "-input=false", "ovirt_vm.win11", id], STEP_TIMEOUT);
    expect((await stateValues(importWs))["ovirt_vm.win11"]).toMatchObject({
      id, os_type: "windows_11", bios_type: "q35_secure_boot", tpm_enabled: true, time_zone: "W. Europe Standard Time",
      soundcard_enabled: true, keyboard_layout: "de", cdrom: OUT_OF_BAND_WIN11.iso, boot_devices: ["cdrom", "hd"],
    });
    const planned = await importWs.tofu(["plan", "-detailed-exitcode", "-input=false"], STEP_TIMEOUT);
    expect(planned.code, planned.stdout + planned.stderr).toBe(0);
  }, STEP_TIMEOUT);
});
