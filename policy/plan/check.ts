// Runs the pack's rules over a plan's subjects, as the Pulumi CLI runs them over a preview: every
// resource-level rule on each resource, every stack-level rule once. What a rule reports becomes a
// violation at the level configured for it. Where a rule read an input that is known only after
// apply and reported nothing about that resource, a note says it could not check it, so a passing
// check never hides a decision that was not made.

import { knownString } from "../lib/props.ts";
import type { Report, Rule, Subject, Words } from "../lib/rule.ts";
import { ruleSettings, type RuleSettings } from "./config.ts";
import { isInput, snakeCase } from "./names.ts";
import { UNKNOWN } from "./readPlan.ts";

export interface Violation {
  policy: string;
  level: "mandatory" | "advisory" | "remediate";
  severity: string;
  /** The resource address, or undefined for a finding about the whole plan. */
  address: string | undefined;
  /** The attribute at fault, in Terraform's words. */
  attribute: string | undefined;
  message: string;
  remediation: string;
}

export interface Note {
  policy: string;
  address: string;
  message: string;
}

export interface CheckOutcome {
  violations: Violation[];
  notes: Note[];
  /** Stack-level policies that did not apply, with their reasons (e.g. nothing configured to check against). */
  notApplicable: { policy: string; reason: string }[];
}

/** How messages name things for Terraform and OpenTofu users. */
export const TERRAFORM_WORDS: Words = {
  resource: (subject) => {
    const engineName = knownString(subject.props, "name");
    return engineName !== undefined && engineName !== subject.name ? `${subject.urn} (engine name "${engineName}")` : subject.urn;
  },
  ref: (subject) => subject.urn,
  property: (name) => snakeCase(name),
};

class NotApplicable extends Error {}

/** Records, per run of a rule, which subjects' inputs it read while they were still unknown. */
class UnknownReads {
  private current = new Map<Subject, Set<string>>();

  watch(subject: Subject): void {
    const record = (key: string) => this.add(subject, key);
    subject.props = new Proxy(subject.props, {
      getOwnPropertyDescriptor(target, key) {
        const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
        if (descriptor?.value === UNKNOWN && typeof key === "string" && isInput(subject.type, key)) record(key);
        return descriptor;
      },
    });
  }

  private add(subject: Subject, key: string): void {
    this.current.set(subject, (this.current.get(subject) ?? new Set()).add(key));
  }

  take(): Map<Subject, Set<string>> {
    const reads = this.current;
    this.current = new Map();
    return reads;
  }
}

interface Run {
  rule: Rule;
  settings: RuleSettings;
  outcome: CheckOutcome;
  reads: UnknownReads;
}

function violationOf(run: Run, message: string, address: string | undefined, property: string | undefined): Violation {
  const level = run.settings.level === "disabled" ? "advisory" : run.settings.level;
  return {
    policy: run.rule.name,
    level,
    severity: run.rule.severity,
    address,
    attribute: property === undefined ? undefined : snakeCase(property),
    message,
    remediation: run.rule.remediationSteps,
  };
}

/** Calls one validation, collecting its reports; false when it declared itself not applicable. */
function collect(run: Run, fallbackAddress: string | undefined, validate: (report: Report) => void): { applicable: boolean; reason?: string; addresses: Set<string | undefined> } {
  const addresses = new Set<string | undefined>();
  try {
    validate((message, urn, property) => {
      const address = urn ?? fallbackAddress;
      addresses.add(address);
      run.outcome.violations.push(violationOf(run, message, address, property));
    });
  } catch (error) {
    if (error instanceof NotApplicable) return { applicable: false, reason: error.message, addresses };
    throw error;
  }
  return { applicable: true, addresses };
}

function noteUnchecked(run: Run, reported: Set<string | undefined>): void {
  for (const [subject, keys] of run.reads.take()) {
    if (reported.has(subject.urn)) continue;
    const attributes = [...keys].map(snakeCase).join(", ");
    run.outcome.notes.push({
      policy: run.rule.name,
      address: subject.urn,
      message: `could not check ${run.rule.name} on ${subject.urn}: ${attributes} ${keys.size === 1 ? "is" : "are"} known only after apply`,
    });
  }
}

function runRule(run: Run, subjects: Subject[]): void {
  const common = {
    getConfig: <T extends object>() => run.settings.options as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason ?? "");
    },
    words: TERRAFORM_WORDS,
  };
  if ("validateResource" in run.rule) {
    const rule = run.rule;
    for (const subject of subjects) {
      run.reads.take();
      const result = collect(run, subject.urn, (report) => rule.validateResource({ ...common, type: subject.type, name: subject.name, urn: subject.urn, props: subject.props }, report));
      if (result.applicable) noteUnchecked(run, result.addresses);
    }
    return;
  }
  const rule = run.rule;
  run.reads.take();
  const result = collect(run, undefined, (report) => rule.validateStack({ ...common, resources: subjects }, report));
  if (!result.applicable) run.outcome.notApplicable.push({ policy: rule.name, reason: result.reason ?? "" });
  else noteUnchecked(run, result.addresses);
}

/** Every rule over the subjects of one plan, under a configuration file's contents. */
export function checkSubjects(rules: readonly Rule[], subjects: Subject[], config?: unknown): CheckOutcome {
  const settings = ruleSettings(rules, config);
  const outcome: CheckOutcome = { violations: [], notes: [], notApplicable: [] };
  const reads = new UnknownReads();
  for (const subject of subjects) reads.watch(subject);
  for (const rule of rules) {
    const ruleSettings = settings.get(rule.name);
    if (ruleSettings === undefined || ruleSettings.level === "disabled") continue;
    runRule({ rule, settings: ruleSettings, outcome, reads }, subjects);
  }
  return outcome;
}
