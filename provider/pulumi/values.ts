// Struct <-> plain JavaScript, the one place that knows Pulumi's special values.
//
// On the way in, secrets are unwrapped (handlers never see sentinels) and the top-level keys that
// held a secret are reported, so the caller can mark the matching outputs secret again; nothing is
// remembered between calls. Pulumi's unknown (its wire sentinel, UNKNOWN here) becomes the core's
// own marker (CORE_UNKNOWN) and back. Resource references become the
// referenced id. On the way out, the chosen keys (or nested fields) are wrapped in the secret
// sentinel and values that a Struct cannot hold (undefined, NaN, Dates) are normalised.

import { struct as structPb, type Struct } from "./proto.ts";
import { UNKNOWN as CORE_UNKNOWN, type PropertyMap } from "../resources/types.ts";

/** Pulumi's marker for a value that is not known until apply (it may appear during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Key that marks an object as one of Pulumi's special values. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

export interface DecodedProperties {
  values: PropertyMap;
  /** Top-level keys whose value held a secret anywhere inside. */
  secretKeys: Set<string>;
}

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Wraps a value in Pulumi's secret sentinel. */
export function secret(value: unknown): Record<string, unknown> {
  return { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecretSentinel(value: unknown): value is { value: unknown } {
  return isPlainObject(value) && value[SIG_KEY] === SECRET_SIG;
}

/** Removes every special value from `value`; `secret` is true when a secret was found inside. */
export function unwrapValue(value: unknown): { value: unknown; secret: boolean } {
  if (value === UNKNOWN) return { value: CORE_UNKNOWN, secret: false };
  if (Array.isArray(value)) {
    let found = false;
    const items = value.map((item) => {
      const inner = unwrapValue(item);
      found ||= inner.secret;
      return inner.value;
    });
    return { value: items, secret: found };
  }
  if (!isPlainObject(value)) return { value, secret: false };

  switch (value[SIG_KEY]) {
    case SECRET_SIG: {
      const inner = unwrapValue(value.value);
      return { value: inner.value, secret: true };
    }
    case OUTPUT_VALUE_SIG: {
      // Only sent to providers that accept outputs; handled anyway, as the plain value or UNKNOWN.
      const known = "value" in value;
      const inner = known ? unwrapValue(value.value) : { value: CORE_UNKNOWN, secret: false };
      return { value: inner.value, secret: inner.secret || value.secret === true };
    }
    case RESOURCE_REF_SIG: {
      // A custom resource is referred to by its id (empty while unknown), a component by its URN.
      if ("id" in value) {
        const id = unwrapValue(value.id).value;
        return { value: typeof id === "string" && id !== "" ? id : CORE_UNKNOWN, secret: false };
      }
      return { value: value.urn, secret: false };
    }
    default:
      break;
  }

  let found = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const inner = unwrapValue(item);
    found ||= inner.secret;
    out[key] = inner.value;
  }
  return { value: out, secret: found };
}

/** Plain properties from a request Struct (an absent Struct is an empty map). */
export function decodeProperties(struct: Struct | undefined): DecodedProperties {
  const values: PropertyMap = {};
  const secretKeys = new Set<string>();
  if (!struct) return { values, secretKeys };
  for (const [key, raw] of Object.entries(struct.toJavaScript())) {
    const { value, secret: isSecret } = unwrapValue(raw);
    values[key] = value;
    if (isSecret) secretKeys.add(key);
  }
  return { values, secretKeys };
}

/** Makes a value a Struct can hold: drops undefined members, turns non-finite numbers into null. */
export function toJsonValue(value: unknown): JsonValue | undefined {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  if (value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (value === CORE_UNKNOWN) return UNKNOWN;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item) ?? null);
  if (isPlainObject(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      const json = toJsonValue(item);
      if (json !== undefined) out[key] = json;
    }
    return out;
  }
  return String(value);
}

/**
 * A Struct of `values` with the values at `secretPaths` wrapped as secrets. A path is a top-level
 * key (`password`) or a dotted path into nested objects, `[]` marking a list's items
 * (`initialization.sysprep.adminPassword`, `disks[].key`): only that field is hidden, so the rest
 * of the object stays readable in previews and state.
 */
export function encodeProperties(values: PropertyMap, secretPaths: Iterable<string> = []): Struct {
  const paths = [...secretPaths].map((p) => p.split("."));
  const out: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(values)) {
    // A handler might hand back a value it received still wrapped; unwrap so nothing is double-wrapped.
    const { value, secret: wasSecret } = unwrapValue(item);
    const json = toJsonValue(value);
    if (json === undefined) continue;
    const own = paths.filter(([head]) => head !== undefined && stripListMark(head) === key);
    if (wasSecret || own.some((p) => p.length === 1)) out[key] = secret(json) as { [key: string]: JsonValue };
    else out[key] = own.reduce((acc, path) => wrapAt(acc, path), json);
  }
  return structPb.Struct.fromJavaScript(out);
}

const stripListMark = (segment: string) => (segment.endsWith("[]") ? segment.slice(0, -2) : segment);

/** `json` (the value at the path's first segment) with the field at the rest of the path wrapped. */
function wrapAt(json: JsonValue, [head = "", ...rest]: string[]): JsonValue {
  if (head.endsWith("[]")) {
    return Array.isArray(json) ? json.map((item) => wrapAt(item, [stripListMark(head), ...rest])) : json;
  }
  const [next, ...deeper] = rest;
  if (next === undefined) return json === null || json === UNKNOWN ? json : (secret(json) as JsonValue);
  if (!isPlainObject(json)) return json;
  const field = json[stripListMark(next)];
  if (field === undefined) return json;
  return { ...json, [stripListMark(next)]: wrapAt(field, [next, ...deeper]) };
}

/** The string values found at `paths` (as in encodeProperties) in `values`. */
export function valuesAtPaths(values: PropertyMap, paths: Iterable<string>): string[] {
  const found: string[] = [];
  const visit = (value: unknown, [head, ...rest]: string[]): void => {
    if (head === undefined) {
      if (typeof value === "string") found.push(value);
      return;
    }
    const item = isPlainObject(value) ? value[stripListMark(head)] : undefined;
    if (!head.endsWith("[]")) visit(item, rest);
    else if (Array.isArray(item)) item.forEach((entry) => visit(entry, rest));
  };
  for (const path of paths) visit(values, path.split("."));
  return found;
}
