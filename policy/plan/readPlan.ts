// A Terraform or OpenTofu plan (`tofu show -json plan.out`) as the subjects the rules read: each
// ovirt_* resource the plan leaves in place or creates, with its planned values in the schema's
// names, values known only after apply marked unknown (as Pulumi marks them at preview), and the
// resources each attribute refers to in the configuration (as Pulumi's propertyDependencies).

import { UNKNOWN_SENTINELS } from "../lib/props.ts";
import type { Subject } from "../lib/rule.ts";
import { propertyOf, TOKEN_BY_RESOURCE_TYPE } from "./names.ts";

/** A value known only after apply, in the form the rules' property readers already skip. */
export const UNKNOWN: string = [...UNKNOWN_SENTINELS][0] ?? "unknown";

type Json = Record<string, unknown>;

interface ResourceChange {
  address: string;
  module_address?: string;
  mode: string;
  type: string;
  name: string;
  index?: unknown;
  change: { actions: string[]; after?: unknown; after_unknown?: unknown };
}

interface ConfigResource {
  address: string;
  mode: string;
  expressions?: Record<string, { references?: string[] }>;
}

interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, { module?: ConfigModule }>;
}

export class PlanError extends Error {}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A planned value with attribute names in the schema's words and unknown parts marked. */
export function schemaShape(value: unknown, unknown: unknown): unknown {
  if (unknown === true) return UNKNOWN;
  if (Array.isArray(value)) {
    return value.map((item, i) => schemaShape(item, Array.isArray(unknown) ? unknown[i] : undefined));
  }
  if (!isObject(value)) return value;
  const marks = isObject(unknown) ? unknown : {};
  const out: Json = {};
  for (const [attribute, item] of Object.entries(value)) {
    // An attribute left null is one the configuration does not set: the rules treat absent as undecided.
    if (item === null && marks[attribute] !== true) continue;
    out[propertyOf(attribute)] = schemaShape(item, marks[attribute]);
  }
  for (const [attribute, mark] of Object.entries(marks)) {
    if (mark === true && !(attribute in value)) out[propertyOf(attribute)] = UNKNOWN;
  }
  return out;
}

/** `ovirt_pool.desks[0]` -> `desks[0]`; `module.m.ovirt_pool.desks` -> `desks`. */
function localName(change: ResourceChange): string {
  const index = change.index === undefined ? "" : `[${JSON.stringify(change.index)}]`;
  return `${change.name}${index}`;
}

/** `module.m.ovirt_pool.desks["a"]` -> `module.m.ovirt_pool.desks`: the configuration's address. */
function configAddress(change: ResourceChange): string {
  // The configuration has one block for every instance of a module or resource: no indices.
  const prefix = change.module_address ? `${change.module_address.replace(/\[[^\]]*\]/g, "")}.` : "";
  return `${prefix}${change.type}.${change.name}`;
}

function subjectOf(change: ResourceChange, token: string): Subject {
  const props = schemaShape(change.change.after, change.change.after_unknown);
  return {
    type: token,
    name: localName(change),
    urn: change.address,
    props: isObject(props) ? props : {},
    propertyDependencies: {},
  };
}

/** Every configuration resource by its module-qualified address, with its attribute expressions. */
function configResources(module: ConfigModule | undefined, prefix = "", into = new Map<string, ConfigResource>()): Map<string, ConfigResource> {
  for (const resource of module?.resources ?? []) {
    if (resource.mode === "managed") into.set(`${prefix}${resource.address}`, resource);
  }
  for (const [name, call] of Object.entries(module?.module_calls ?? {})) {
    configResources(call.module, `${prefix}module.${name}.`, into);
  }
  return into;
}

/** `ovirt_template.gold.template_id` (within module prefix `module.m.`) -> `module.m.ovirt_template.gold`. */
function referencedAddress(reference: string, prefix: string): string | undefined {
  const parts = reference.split(".");
  if (parts.length < 2 || parts[0] === "data" || parts[0] === "var" || parts[0] === "local" || parts[0] === "module") return undefined;
  const name = (parts[1] ?? "").replace(/\[.*$/, "");
  return `${prefix}${parts[0]}.${name}`;
}

function linkDependencies(subjects: Map<string, Subject[]>, config: Map<string, ConfigResource>): void {
  for (const [address, group] of subjects) {
    const expressions = config.get(address)?.expressions ?? {};
    const prefix = address.slice(0, address.length - address.replace(/^(module\.[^.]+\.)+/, "").length);
    for (const [attribute, expression] of Object.entries(expressions)) {
      const targets = new Set<Subject>();
      for (const reference of expression.references ?? []) {
        const target = referencedAddress(reference, prefix);
        for (const subject of (target && subjects.get(target)) || []) targets.add(subject);
      }
      if (targets.size === 0) continue;
      for (const subject of group) subject.propertyDependencies[propertyOf(attribute)] = [...targets];
    }
  }
}

/** The ovirt resources of a plan that exist after it is applied, as rule subjects. */
export function readPlan(plan: unknown): Subject[] {
  if (!isObject(plan) || !Array.isArray(plan["resource_changes"]) && !isObject(plan["planned_values"])) {
    throw new PlanError("not a plan in JSON: expected the output of `tofu show -json <plan file>` (or `terraform show -json`)");
  }
  const changes = (plan["resource_changes"] ?? []) as ResourceChange[];
  const byConfigAddress = new Map<string, Subject[]>();
  const subjects: Subject[] = [];
  for (const change of changes) {
    const token = TOKEN_BY_RESOURCE_TYPE.get(change.type);
    if (change.mode !== "managed" || token === undefined) continue;
    if (change.change.actions.length === 1 && change.change.actions[0] === "delete") continue;
    const subject = subjectOf(change, token);
    subjects.push(subject);
    const key = configAddress(change);
    byConfigAddress.set(key, [...(byConfigAddress.get(key) ?? []), subject]);
  }
  const configuration = isObject(plan["configuration"]) ? plan["configuration"] : {};
  linkDependencies(byConfigAddress, configResources(configuration["root_module"] as ConfigModule | undefined));
  return subjects;
}
