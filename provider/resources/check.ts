// Shared input checking: first the schema (through the zod schema derived from schema.json), then
// each resource's own rules. Every failure names the property and says how to fix it. During
// preview an input may be UNKNOWN: it is not validated (nothing is known about it yet), and rules
// must treat it as "could be anything".

import type { ZodError } from "zod";
import { enumValues, inputProperties, inputSchema, objectProperties, type PropertySpec } from "../schema.ts";
import type { CheckFailure, CheckResult, RawInputs, SchemaChecked } from "./types.ts";
import { UNKNOWN } from "./types.ts";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value, or anything inside it, is unknown. */
export function holdsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(holdsUnknown);
  return typeof value === "object" && value !== null && Object.values(value).some(holdsUnknown);
}

/** True when the value is present and known. */
export function isKnown(value: unknown): boolean {
  return value !== undefined && value !== UNKNOWN;
}

/** A rule sees the inputs with defaults applied; UNKNOWN values are left in place. What it marks `warning` never blocks. */
export type CheckRule = (inputs: SchemaChecked) => CheckFailure[] | Promise<CheckFailure[]>;

const SECRET_PLACEHOLDER = Symbol("secret");

function describeValue(value: unknown): string {
  if (value === SECRET_PLACEHOLDER) return "the value given (a secret, not shown)";
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** The spec of the property at `path` (list indexes skipped), following arrays and object types. */
function specAt(token: string, path: readonly PropertyKey[]): PropertySpec | undefined {
  let properties: Record<string, PropertySpec> | undefined = inputProperties(token);
  let spec: PropertySpec | undefined;
  for (const key of path) {
    if (typeof key === "number") {
      spec = spec?.items;
      continue;
    }
    spec = properties?.[String(key)];
    if (!spec) return undefined;
    properties = objectProperties(spec.type === "array" && spec.items ? spec.items : spec)?.properties;
  }
  return spec;
}

/** The properties known at `path` (the resource's, or a nested object type's), for unknown-key hints. */
function knownPropertiesAt(token: string, path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(inputProperties(token));
  const spec = specAt(token, path);
  const objectSpec = spec?.type === "array" && spec.items ? spec.items : spec;
  return Object.keys((objectSpec && objectProperties(objectSpec)?.properties) ?? {});
}

function expectedText(spec: PropertySpec | undefined): string {
  if (!spec) return "a valid value";
  const values = enumValues(spec);
  if (values) return `one of ${values.map((v) => `"${v}"`).join(", ")}`;
  const object = objectProperties(spec);
  if (object) return `an object with ${Object.keys(object.properties).map((k) => `\`${k}\``).join(", ")}`;
  switch (spec.type) {
    case "integer":
      return "a whole number";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "string":
      return "a string";
    case "array":
      return `a list whose items are each ${expectedText(spec.items)}`;
    default:
      return `a ${spec.type ?? "value"}`;
  }
}

/** A property path as users write it: `disks[1].sizeGb`. */
export function propertyPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join("");
}

function valueAt(news: RawInputs, path: readonly PropertyKey[]): unknown {
  let value: unknown = news;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key as string];
  }
  return value;
}

/** Turns zod's issues into failures a person can act on. */
function schemaFailures(token: string, error: ZodError, news: RawInputs): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const where = issue.path.length === 0 ? token : `\`${propertyPath(issue.path)}\``;
      for (const key of issue.keys) {
        const property = propertyPath([...issue.path, key]);
        const known = knownPropertiesAt(token, issue.path).join(", ");
        failures.push({ property, reason: `\`${key}\` is not a property of ${where}; remove it. Known properties: ${known}.` });
      }
      continue;
    }
    const property = propertyPath(issue.path);
    const spec = specAt(token, issue.path);
    const expected = expectedText(spec);
    // A secret is never repeated back, even when it has the wrong type.
    const given = spec?.secret === true && valueAt(news, issue.path) !== undefined ? SECRET_PLACEHOLDER : valueAt(news, issue.path);
    if (given === undefined) {
      failures.push({ property, reason: `\`${property}\` is required: set it to ${expected}.` });
    } else {
      failures.push({ property, reason: `\`${property}\` must be ${expected}, not ${describeValue(given)}.` });
    }
  }
  return failures;
}

/** Pulumi may add bookkeeping keys such as `__defaults`; they are not user inputs. */
function userInputs(news: RawInputs): RawInputs {
  return Object.fromEntries(Object.entries(news).filter(([key]) => !key.startsWith("__")));
}

/**
 * Validates `news` against the schema of `token`, applies the schema's defaults, then runs the
 * resource's rules on the result. Rules only run when the schema check passed, so they can rely
 * on types. Nothing here talks to the engine; a rule may, if its resource allows it.
 */
/**
 * Validates `news` against the resource's schema (from schema.json) and its rules. The schema is
 * what makes the inputs an `I`: this is where raw inputs become typed. On a failure the inputs are
 * the given ones, only to be echoed back to the front end.
 */
export async function checkInputs<I extends object = SchemaChecked>(token: string, news: RawInputs, rules: CheckRule[] = []): Promise<CheckResult<I>> {
  const given = userInputs(news);
  const unknownKeys = Object.keys(given).filter((key) => isUnknown(given[key]));
  const knownOnly = Object.fromEntries(Object.entries(given).filter(([key]) => !unknownKeys.includes(key)));

  const schema = inputSchema(token);
  // An unknown input is not validated, but it is not "missing" either: make it optional here.
  const tolerant = unknownKeys.length === 0
    ? schema
    : schema.extend(Object.fromEntries(unknownKeys.filter((k) => k in schema.shape).map((k) => [k, schema.shape[k]!.optional()])));
  const parsed = tolerant.safeParse(knownOnly);
  if (!parsed.success) {
    return { inputs: given as I, failures: schemaFailures(token, parsed.error, given) };
  }
  const inputs: SchemaChecked = { ...(parsed.data as SchemaChecked) };
  for (const key of unknownKeys) inputs[key] = UNKNOWN;

  const found: CheckFailure[] = [];
  for (const rule of rules) found.push(...(await rule(inputs)));
  const failures = found.filter((f) => f.warning !== true);
  const warnings = found.filter((f) => f.warning === true).map(({ warning: _, ...rest }) => rest);
  return { inputs: inputs as I, failures, ...(warnings.length > 0 ? { warnings } : {}) };
}

// Small rule builders, so resource files read like the rules they state.

/** `name` must be at least `min` when known. */
export function atLeast(name: string, min: number, why: string): CheckRule {
  return (inputs) => {
    const value = inputs[name];
    if (typeof value === "number" && value < min) {
      return [{ property: name, reason: `\`${name}\` must be at least ${min} (got ${value}): ${why}` }];
    }
    return [];
  };
}

/** `name`, when given and known, must be one of `allowed`. */
export function oneOfNumbers(name: string, allowed: number[], why: string): CheckRule {
  return (inputs) => {
    const value = inputs[name];
    if (typeof value === "number" && !allowed.includes(value)) {
      return [{ property: name, reason: `\`${name}\` must be one of ${allowed.join(", ")} (got ${value}): ${why}` }];
    }
    return [];
  };
}

/** A non-empty string when known (required strings must not be blank). */
export function notBlank(name: string): CheckRule {
  return (inputs) => {
    const value = inputs[name];
    if (typeof value === "string" && !isUnknown(value) && value.trim() === "") {
      return [{ property: name, reason: `\`${name}\` must not be empty.` }];
    }
    return [];
  };
}

/** Memory and CPU sanity shared by Vm and Pool. */
export const VALID_MONITORS = [1, 2, 4];
