// Shared input checking: first the schema (through the zod schema derived from schema.json), then
// each resource's own rules. Every failure names the property and says how to fix it. During
// preview an input may be UNKNOWN: it is not validated (nothing is known about it yet), and rules
// must treat it as "could be anything".

import type { ZodError } from "zod";
import { inputProperties, inputSchema, enumValues } from "../schema.ts";
import type { CheckFailure, CheckResult, PropertyMap } from "./types.ts";
import { UNKNOWN } from "./types.ts";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value is present and known. */
export function isKnown(value: unknown): boolean {
  return value !== undefined && value !== UNKNOWN;
}

/** A rule sees the inputs with defaults applied; UNKNOWN values are left in place. */
export type CheckRule = (inputs: PropertyMap) => CheckFailure[] | Promise<CheckFailure[]>;

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

function expectedText(name: string, token: string): string {
  const spec = inputProperties(token)[name];
  if (!spec) return "a valid value";
  const values = enumValues(spec);
  if (values) return `one of ${values.map((v) => `"${v}"`).join(", ")}`;
  switch (spec.type) {
    case "integer":
      return "a whole number";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "string":
      return "a string";
    default:
      return `a ${spec.type ?? "value"}`;
  }
}

/** Turns zod's issues into failures a person can act on. */
function schemaFailures(token: string, error: ZodError, news: PropertyMap): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const known = Object.keys(inputProperties(token)).join(", ");
        failures.push({ property: key, reason: `\`${key}\` is not a property of ${token}; remove it. Known properties: ${known}.` });
      }
      continue;
    }
    const property = String(issue.path[0] ?? "");
    const given = news[property];
    if (given === undefined) {
      failures.push({ property, reason: `\`${property}\` is required: set it to ${expectedText(property, token)}.` });
    } else {
      failures.push({
        property,
        reason: `\`${property}\` must be ${expectedText(property, token)}, not ${describeValue(given)}.`,
      });
    }
  }
  return failures;
}

/** Pulumi may add bookkeeping keys such as `__defaults`; they are not user inputs. */
function userInputs(news: PropertyMap): PropertyMap {
  return Object.fromEntries(Object.entries(news).filter(([key]) => !key.startsWith("__")));
}

/**
 * Validates `news` against the schema of `token`, applies the schema's defaults, then runs the
 * resource's rules on the result. Rules only run when the schema check passed, so they can rely
 * on types. Nothing here talks to the engine; a rule may, if its resource allows it.
 */
export async function checkInputs(token: string, news: PropertyMap, rules: CheckRule[] = []): Promise<CheckResult> {
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
    return { inputs: given, failures: schemaFailures(token, parsed.error, given) };
  }
  const inputs: PropertyMap = { ...(parsed.data as PropertyMap) };
  for (const key of unknownKeys) inputs[key] = UNKNOWN;

  const failures: CheckFailure[] = [];
  for (const rule of rules) failures.push(...(await rule(inputs)));
  return { inputs, failures };
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
