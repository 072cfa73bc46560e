// Terraform's names for the schema's resources and properties: `ovirt_console_policy` for
// `ovirt:index:ConsolePolicy`, `ticket_expiry_seconds` for `ticketExpirySeconds`. They follow
// from schema.json by the provider's own rule (test/policy-plan proves that both agree), so the
// rules can keep reading the schema's shapes whatever wrote the plan.

import schema from "../../schema.json" with { type: "json" };

interface SchemaObject {
  properties?: Record<string, unknown>;
  inputProperties?: Record<string, unknown>;
}

/** `memoryMb` -> `memory_mb`, `vnicProfile` -> `vnic_profile`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z])([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

function propertyNames(object: SchemaObject): string[] {
  return [...Object.keys(object.properties ?? {}), ...Object.keys(object.inputProperties ?? {})];
}

function buildPropertyNames(): ReadonlyMap<string, string> {
  const objects: SchemaObject[] = [
    ...Object.values(schema.resources as Record<string, SchemaObject>),
    ...Object.values(schema.types as Record<string, SchemaObject>),
  ];
  const names = new Map<string, string>();
  for (const object of objects) {
    for (const name of propertyNames(object)) names.set(snakeCase(name), name);
  }
  return names;
}

function buildResourceTypes(): ReadonlyMap<string, string> {
  const types = new Map<string, string>();
  for (const token of Object.keys(schema.resources)) {
    types.set(`ovirt_${snakeCase(token.split(":").pop() ?? token)}`, token);
  }
  return types;
}

/** Attribute name -> schema property name, for every property of every resource and type. */
export const PROPERTY_BY_ATTRIBUTE: ReadonlyMap<string, string> = buildPropertyNames();

/** Terraform resource type -> schema type token. */
export const TOKEN_BY_RESOURCE_TYPE: ReadonlyMap<string, string> = buildResourceTypes();

const INPUTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(schema.resources as Record<string, SchemaObject>).map(([token, resource]) => [token, new Set(Object.keys(resource.inputProperties ?? {}))]),
);

/** Whether a property is one the configuration sets (not an output the provider computes). */
export function isInput(token: string, property: string): boolean {
  return INPUTS.get(token)?.has(property) ?? false;
}

/** The schema property an attribute stands for (unchanged when the schema has none by that name). */
export function propertyOf(attribute: string): string {
  return PROPERTY_BY_ATTRIBUTE.get(attribute) ?? attribute;
}
