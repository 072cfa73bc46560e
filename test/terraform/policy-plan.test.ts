// One table of cases (policy/test/cases.ts), two real runners, the same verdicts: each case is
// planned by the real OpenTofu CLI against the emulator and checked with `ovirt-policy check` on
// `tofu show -json`, and previewed by the real Pulumi CLI with the policy pack. Both must name the
// same policies, resources and properties, at the same levels.

import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snakeCase } from "../../policy/plan/names.ts";
import { POLICY_CASES, type PolicyCase, type TableResource, type Verdict } from "../../policy/test/cases.ts";
import { REPO_ROOT, probePulumiCli, removeWorkDir, run, startEmulator, type Emulator } from "../e2e/harness.ts";
import { devOverridesConfig, probeTofu, providerBlock, workspace } from "./harness.ts";

const tofuProbe = probeTofu("tofu-policy-");
const pulumiProbe = probePulumiCli();
if (!tofuProbe.tofu) console.warn(`\n!!! SKIPPING test/terraform/policy-plan (ovirt-policy on real OpenTofu plans): ${tofuProbe.missing}\n`);
if (pulumiProbe.missing) console.warn(`\n!!! SKIPPING the Pulumi half of test/terraform/policy-plan: ${pulumiProbe.missing}\n`);
afterAll(() => {
  removeWorkDir(tofuProbe.workDir);
  removeWorkDir(pulumiProbe.workDir);
});

const OVIRT_POLICY = join(REPO_ROOT, "policy/bin/ovirt-policy");
const PACK = join(REPO_ROOT, "policy");

function hclValue(value: string | number | boolean): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function hclResource(resource: TableResource): string {
  const lines = Object.entries(resource.props).map(([key, value]) => `  ${snakeCase(key)} = ${hclValue(value)}`);
  for (const [input, [target, output]] of Object.entries(resource.links ?? {})) {
    const targetType = POLICY_CASES.flatMap((c) => c.resources).find((r) => r.name === target)!.type;
    lines.push(`  ${snakeCase(input)} = ovirt_${snakeCase(targetType)}.${target}.${snakeCase(output)}`);
  }
  return `resource "ovirt_${snakeCase(resource.type)}" "${resource.name}" {\n${lines.join("\n")}\n}\n`;
}

/** A Pulumi program declaring the case's resources by type token (no SDK needed). */
function pulumiProgram(policyCase: PolicyCase): string {
  const outputsNeeded = new Map<string, Set<string>>();
  for (const resource of policyCase.resources) {
    for (const [target, output] of Object.values(resource.links ?? {})) outputsNeeded.set(target, (outputsNeeded.get(target) ?? new Set()).add(output));
  }
  const lines = ['const pulumi = require("@pulumi/pulumi");', "const r = {};"];
  for (const resource of policyCase.resources) {
    const props: string[] = Object.entries(resource.props).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
    // Declaring an output (as undefined) makes it an Output of the resource, unknown during preview.
    for (const output of outputsNeeded.get(resource.name) ?? []) props.push(`${output}: undefined`);
    for (const [input, [target, output]] of Object.entries(resource.links ?? {})) props.push(`${input}: r[${JSON.stringify(target)}].${output}`);
    lines.push(`r[${JSON.stringify(resource.name)}] = new pulumi.CustomResource("ovirt:index:${resource.type}", ${JSON.stringify(resource.name)}, { ${props.join(", ")} });`);
  }
  return lines.join("\n") + "\n";
}

function sortVerdicts(verdicts: Verdict[]): Verdict[] {
  return [...verdicts].sort((a, b) => `${a.policy}/${a.resource}`.localeCompare(`${b.policy}/${b.resource}`));
}

interface PlanReport {
  passed: boolean;
  violations: { policy: string; level: "mandatory" | "advisory"; address?: string; attribute?: string; message: string }[];
}

describe.skipIf(!tofuProbe.tofu)("ovirt-policy check on real OpenTofu plans, and the same cases under the Pulumi pack", () => {
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let cliConfig: string;

  beforeAll(async () => {
    emulator = await startEmulator(join(tofuProbe.workDir, "engine"), password);
    cliConfig = devOverridesConfig(join(tofuProbe.workDir, "dev.tfrc"));
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  /** Each case's plan is made once: its verdicts test and the output-formats test read the same file. */
  const plans = new Map<PolicyCase, Promise<string>>();
  function planOf(policyCase: PolicyCase): Promise<string> {
    let plan = plans.get(policyCase);
    if (!plan) {
      plan = planJson(policyCase, join(tofuProbe.workDir, `case-${POLICY_CASES.indexOf(policyCase)}`, "tofu"));
      plans.set(policyCase, plan);
    }
    return plan;
  }

  async function planJson(policyCase: PolicyCase, dir: string): Promise<string> {
    const ws = workspace(tofuProbe.tofu!, dir, emulator, cliConfig);
    ws.write(providerBlock(emulator) + policyCase.resources.map(hclResource).join("\n"));
    await ws.ok(["plan", "-input=false", "-out", "plan.out"], 240_000);
    const shown = await ws.ok(["show", "-json", "plan.out"]);
    const path = join(dir, "plan.json");
    writeFileSync(path, shown);
    return path;
  }

  async function pulumiVerdicts(policyCase: PolicyCase, dir: string): Promise<{ verdicts: Verdict[]; code: number | null; output: string }> {
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
    writeFileSync(join(dir, "Pulumi.yaml"), "name: policy-table\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "policy-table", type: "commonjs", main: "index.js" }));
    writeFileSync(join(dir, "index.js"), pulumiProgram(policyCase));
    const script = [
      `source "${join(REPO_ROOT, "scripts/lib/pulumi.sh")}"`,
      "unset OVIRT_URL OVIRT_USERNAME OVIRT_PASSWORD OVIRT_CAFILE OVIRT_INSECURE",
      "pulumi stack select dev >/dev/null 2>&1 || pulumi stack init dev >/dev/null",
      `exec pulumi preview --non-interactive --policy-pack "${PACK}"`,
    ].join("\n");
    const env = { ...process.env, PULUMI_OVIRT_STATE_DIR: join(dir, "state"), PULUMI_HOME: join(dir, "home") };
    const result = await run("bash", ["-c", script], { cwd: dir, env, timeoutMs: 150_000 });
    const output = result.stdout + result.stderr;
    // Pulumi prints each violation as: [level] [severity: s] policy-name  (ovirt:index:Type: resource-name)
    const pattern = /\[(mandatory|advisory)\]\s+\[severity: \w+\]\s+([a-z-]+)\s+\(ovirt:index:\w+: ([\w-]+)\)/g;
    const verdicts = [...output.matchAll(pattern)].map((m): Verdict => {
      const policy = m[2]!;
      // Pulumi prints no property of its own: the message after the line must name it.
      const expected = policyCase.verdicts.find((v) => v.policy === policy);
      const message = output.slice(m.index + m[0].length, m.index + m[0].length + 600);
      const property = expected !== undefined && message.includes(expected.property) ? expected.property : "?";
      return { policy, resource: m[3]!, property, level: m[1] as Verdict["level"] };
    });
    return { verdicts, code: result.code, output };
  }

  for (const [index, policyCase] of POLICY_CASES.entries()) {
    const mandatory = policyCase.verdicts.some((v) => v.level === "mandatory");

    it(`${policyCase.name}: ovirt-policy on the OpenTofu plan gives the table's verdicts`, async () => {
      const dir = join(tofuProbe.workDir, `case-${index}`);
      const plan = await planOf(policyCase);
      const checked = await run(OVIRT_POLICY, ["check", plan, "--format", "json"], { cwd: dir, env: process.env, timeoutMs: 60_000 });
      const report = JSON.parse(checked.stdout) as PlanReport;
      expect(checked.code, checked.stderr).toBe(mandatory ? 1 : 0);
      expect(report.passed).toBe(!mandatory);
      const fromPlan = report.violations.map((v): Verdict => {
        const resource = policyCase.resources.find((r) => v.address === `ovirt_${snakeCase(r.type)}.${r.name}`);
        const property = Object.keys({ ...resource?.props, ...resource?.links }).find((p) => snakeCase(p) === v.attribute);
        return { policy: v.policy, resource: resource?.name ?? String(v.address), property: property ?? String(v.attribute), level: v.level };
      });
      expect(sortVerdicts(fromPlan)).toEqual(sortVerdicts(policyCase.verdicts));
      // Each message speaks Terraform: the attribute by its HCL name.
      for (const v of report.violations) expect(v.message).toContain(v.attribute!);
    }, 400_000);

    it.skipIf(pulumiProbe.missing !== undefined)(`${policyCase.name}: the Pulumi pack under pulumi preview gives the table's verdicts`, async () => {
      const pulumi = await pulumiVerdicts(policyCase, join(tofuProbe.workDir, `case-${index}`, "pulumi"));
      expect(sortVerdicts(pulumi.verdicts), pulumi.output).toEqual(sortVerdicts(policyCase.verdicts));
      expect(pulumi.code === 0, pulumi.output).toBe(!mandatory);
    }, 400_000);
  }

  it("prints violations for people, naming the address and the attribute, and SARIF for CI", async () => {
    const policyCase = POLICY_CASES.find((c) => c.name.includes("7200"))!;
    const plan = await planOf(policyCase);
    const text = await run(OVIRT_POLICY, ["check", plan], { cwd: tofuProbe.workDir, env: process.env, timeoutMs: 60_000 });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("error: ovirt_console_policy.cp: ticket_expiry_seconds [console-ticket-expiry-limit, mandatory]");
    expect(text.stdout).toContain("ticket_expiry_seconds is 7200, above the allowed maximum of 120 seconds");
    expect(text.stdout).toMatch(/FAILED: 1 mandatory violation/);
    const sarif = await run(OVIRT_POLICY, ["check", plan, "--format", "sarif"], { cwd: tofuProbe.workDir, env: process.env, timeoutMs: 60_000 });
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { results: { ruleId: string; level: string; locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }[] }[] };
    expect(log.version).toBe("2.1.0");
    // Notes (level "note") say what a rule could not check yet, such as an OS type the engine picks.
    expect(log.runs[0]!.results.filter((r) => r.level !== "note")).toEqual([
      expect.objectContaining({
        ruleId: "console-ticket-expiry-limit",
        level: "error",
        locations: [{ logicalLocations: [expect.objectContaining({ fullyQualifiedName: "ovirt_console_policy.cp.ticket_expiry_seconds" })] }],
      }),
    ]);
    const strict = await run(OVIRT_POLICY, ["check", plan, "--config", join(PACK, "examples/strict.json")], { cwd: tofuProbe.workDir, env: process.env, timeoutMs: 60_000 });
    expect(strict.stdout).toContain("above the allowed maximum of 60 seconds");
  }, 400_000);
});

