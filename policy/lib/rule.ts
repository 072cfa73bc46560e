// What a rule of this pack is, independent of the tool that runs it. A rule reads resources in
// the shapes of schema.json (type tokens such as `ovirt:index:Pool`, camelCase property names)
// and reports what is wrong. Two runners feed it: the Pulumi policy pack (policy/index.ts, which
// hands @pulumi/policy's own argument objects straight through, as they already have this shape)
// and `ovirt-policy check` for Terraform and OpenTofu plans (policy/plan/), which builds the same
// shapes from a plan's JSON and names things in Terraform's words.

import type { EnforcementLevel, PolicyConfigSchema } from "@pulumi/policy";
import { describeResource } from "./describe.ts";
import type { Props } from "./props.ts";

/** A resource as a rule sees it. */
export interface Subject {
  /** The schema's type token, e.g. `ovirt:index:ConsolePolicy`. */
  type: string;
  /** The resource's name in the program (Pulumi) or configuration (Terraform). */
  name: string;
  /** Where a report about it goes: a Pulumi URN, or a Terraform resource address. */
  urn: string;
  /** Properties by schema name; absent or unknown values mean "not decided yet". */
  props: Props;
  /** The resources each input was computed from (Pulumi's propertyDependencies, Terraform's references). */
  propertyDependencies: Record<string, Subject[]>;
}

/** How a runner's users name things; messages are built with these, never with fixed spellings. */
export interface Words {
  /** A resource in prose, e.g. `ConsolePolicy "cp"` or `ovirt_console_policy.cp`. */
  resource(subject: Pick<Subject, "type" | "name" | "urn" | "props">): string;
  /** A short reference to a resource, e.g. in a list: `cp` or `ovirt_console_policy.cp`. */
  ref(subject: Pick<Subject, "name" | "urn">): string;
  /** A property, e.g. `ticketExpirySeconds` or `ticket_expiry_seconds`. */
  property(name: string): string;
}

/** The schema's own words, which are also what Pulumi programs write. */
export const SCHEMA_WORDS: Words = {
  resource: (subject) => describeResource(subject.type, subject.name, subject.props),
  ref: (subject) => subject.name,
  property: (name) => name,
};

/** The words a runner asked for; the Pulumi pack passes none and gets the schema's. */
export function wordsOf(args: { words?: Words }): Words {
  return args.words ?? SCHEMA_WORDS;
}

/**
 * Reports one violation: the message, the resource it is about (its `urn`; omitted in a
 * resource-level rule, where it is the resource checked) and the property at fault, when one is.
 * Pulumi's runner takes the first two and ignores the property.
 */
export type Report = (message: string, urn?: string, property?: string) => void;

interface CommonArgs {
  getConfig<T extends object>(): T;
  /** Ends the validation with a "not applicable" note. */
  notApplicable(reason?: string): never;
  words?: Words;
}

export interface ResourceArgs extends CommonArgs, Pick<Subject, "type" | "name" | "urn" | "props"> {}

export interface StackArgs extends CommonArgs {
  resources: Subject[];
}

interface RuleInfo {
  name: string;
  displayName: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  severity: "low" | "medium" | "high" | "critical";
  remediationSteps: string;
  configSchema?: PolicyConfigSchema;
}

export interface ResourceRule extends RuleInfo {
  validateResource(args: ResourceArgs, report: Report): void;
}

export interface StackRule extends RuleInfo {
  validateStack(args: StackArgs, report: Report): void;
}

export type Rule = ResourceRule | StackRule;
