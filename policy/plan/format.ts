// What `ovirt-policy check` prints: lines for people, JSON for scripts, and SARIF 2.1.0 for CI
// systems that annotate code reviews with it.

import type { Rule } from "../lib/rule.ts";
import type { CheckOutcome, Violation } from "./check.ts";

export type Format = "text" | "json" | "sarif";

export function passed(outcome: CheckOutcome): boolean {
  return !outcome.violations.some((v) => v.level === "mandatory");
}

function location(v: Pick<Violation, "address" | "attribute">): string {
  const where = v.address ?? "(the plan)";
  return v.attribute === undefined ? where : `${where}: ${v.attribute}`;
}

function summary(outcome: CheckOutcome): string {
  const mandatory = outcome.violations.filter((v) => v.level === "mandatory").length;
  const advisory = outcome.violations.length - mandatory;
  const verdict = mandatory > 0 ? "FAILED" : "passed";
  return `${verdict}: ${mandatory} mandatory violation(s), ${advisory} advisory, ${outcome.notes.length} not checked`;
}

export function formatText(outcome: CheckOutcome): string {
  const lines: string[] = [];
  for (const v of outcome.violations) {
    const label = v.level === "mandatory" ? "error" : "warning";
    lines.push(`${label}: ${location(v)} [${v.policy}, ${v.level}]`, `  ${v.message}`);
  }
  for (const note of outcome.notes) lines.push(`note: ${note.message}`);
  for (const skipped of outcome.notApplicable) lines.push(`note: ${skipped.policy} not applicable: ${skipped.reason}`);
  lines.push(summary(outcome));
  return lines.join("\n") + "\n";
}

export function formatJson(outcome: CheckOutcome): string {
  return JSON.stringify({ passed: passed(outcome), ...outcome }, null, 2) + "\n";
}

function sarifLocation(address: string | undefined, attribute: string | undefined): unknown[] {
  if (address === undefined) return [];
  const fullyQualifiedName = attribute === undefined ? address : `${address}.${attribute}`;
  return [{ logicalLocations: [{ fullyQualifiedName, name: attribute ?? address, kind: attribute === undefined ? "resource" : "member" }] }];
}

export function formatSarif(outcome: CheckOutcome, rules: readonly Rule[], version: string): string {
  const index = new Map(rules.map((rule, i) => [rule.name, i]));
  const results = [
    ...outcome.violations.map((v) => ({
      ruleId: v.policy,
      ruleIndex: index.get(v.policy),
      level: v.level === "mandatory" ? "error" : "warning",
      message: { text: v.message },
      locations: sarifLocation(v.address, v.attribute),
      properties: { enforcementLevel: v.level, severity: v.severity },
    })),
    ...outcome.notes.map((note) => ({
      ruleId: note.policy,
      ruleIndex: index.get(note.policy),
      level: "note",
      message: { text: note.message },
      locations: sarifLocation(note.address, undefined),
    })),
  ];
  const driverRules = rules.map((rule) => ({
    id: rule.name,
    name: rule.displayName,
    shortDescription: { text: rule.displayName },
    fullDescription: { text: rule.description },
    help: { text: rule.remediationSteps },
    defaultConfiguration: { level: rule.enforcementLevel === "mandatory" ? "error" : "warning" },
    properties: { severity: rule.severity },
  }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "ovirt-policy", version, rules: driverRules } }, results }],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
