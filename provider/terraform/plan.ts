// The planned and the settled value of one attribute, at any depth of nested attributes. Terraform
// checks both against the configuration, field by field:
//
// - Plan: a configured value is planned exactly as written; an unset optional field takes the core's
//   value (a default such as a disk's `interface`), else the prior state's, else unknown. A list of
//   objects keeps the configuration's order, and its computed fields (a disk's `disk_id`) come from
//   the core's preview, which knows which entry is which; what the core leaves out is unknown.
// - After apply or read: the core's value, except where the user's spelling and the core's agree
//   after normalisation: then the user's spelling stays, so the next plan shows no change.

import { UNKNOWN } from "../resources/types.ts";
import type { AttributeSpec } from "./schema.ts";
import { toTerraformValue } from "./values.ts";

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The planned value: `config` as written (null when unset), `core` the core's value (camelCase,
 * undefined when it has none), `prior` the prior state's (undefined when there is no prior state).
 */
export function plannedValue(attribute: AttributeSpec, config: unknown, core: unknown, prior: unknown): unknown {
  if (config === UNKNOWN) return UNKNOWN;
  if (config !== null && config !== undefined) return attribute.nested ? plannedNested(attribute, config, core, prior) : config;
  if (attribute.role === "input" && !attribute.computed) return null;
  if (core !== undefined) return toTerraformValue(attribute, core);
  return prior !== undefined ? (prior ?? null) : UNKNOWN;
}

function plannedObject(attribute: AttributeSpec, config: unknown, core: unknown, prior: unknown): unknown {
  if (!isObject(config)) return config;
  const priorFields = isObject(prior) ? prior : undefined;
  // A field the core's (known) object leaves out is unset: the prior's value, else null. Without
  // an object from the core, what the prior state does not say is unknown.
  const fallback = (name: string) => (priorFields ? (priorFields[name] ?? null) : isObject(core) ? null : undefined);
  const coreFields = isObject(core) ? core : {};
  return Object.fromEntries(
    attribute.nested!.attributes.map((field) => [field.name, plannedValue(field, config[field.name] ?? null, coreFields[field.property], fallback(field.name))]),
  );
}

function plannedNested(attribute: AttributeSpec, config: unknown, core: unknown, prior: unknown): unknown {
  if (attribute.nested!.nesting === "SINGLE") return plannedObject(attribute, config, core, prior);
  if (!Array.isArray(config)) return config;
  // Entries are matched by the core (by name, say), never by position: no prior entry here.
  const coreItems = Array.isArray(core) ? core : [];
  return config.map((item, i) => plannedObject(attribute, item, coreItems[i], undefined));
}

/**
 * The settled value: `kept` the planned or current value (Terraform form), `checked` the core's
 * checked input (camelCase), `result` the core's value after the call (camelCase).
 */
export function settledValue(attribute: AttributeSpec, kept: unknown, checked: unknown, result: unknown): unknown {
  const nested = attribute.nested;
  if (!nested || result === null || result === undefined || result === UNKNOWN) {
    const same = JSON.stringify(checked ?? null) === JSON.stringify(result ?? null);
    const keep = attribute.role === "input" && kept !== null && kept !== undefined && kept !== UNKNOWN && same;
    return keep ? kept : toTerraformValue(attribute, result);
  }
  const object = (k: unknown, c: unknown, r: unknown) => {
    if (!isObject(r)) return r;
    const keptFields = isObject(k) ? k : {};
    const checkedFields = isObject(c) ? c : {};
    return Object.fromEntries(nested.attributes.map((f) => [f.name, settledValue(f, keptFields[f.name], checkedFields[f.property], r[f.property])]));
  };
  if (nested.nesting === "SINGLE") return object(kept, checked, result);
  if (!Array.isArray(result)) return result;
  // The core reports a list in the order it was given, so position matches the plan's.
  const keptItems = Array.isArray(kept) ? kept : [];
  const checkedItems = Array.isArray(checked) ? checked : [];
  return result.map((r, i) => object(keptItems[i], checkedItems[i], r));
}
