// DynamicValue <-> plain values. Terraform sends objects as msgpack maps (JSON only for old states)
// and marks values not known yet with a msgpack extension: code 0, or code 12 for an unknown that
// carries refinements (such as "not null"); any extension counts as unknown. Those become the
// core's UNKNOWN marker. Numbers may come as integers, floats, 64-bit integers or, beyond those, as
// decimal strings; a value that is not a safe JavaScript number stays a string, so the core's
// check rejects it by name instead of silently rounding it. Every attribute is always written,
// with null for unset ones, as Terraform requires.

import { decode, encode, ExtData } from "@msgpack/msgpack";
import type { PropertyMap } from "../resources/types.ts";
import { UNKNOWN } from "../resources/types.ts";
import type { DynamicValue } from "./proto.ts";
import type { AttributeSpec, BlockSpec, CtyType, NestedSpec } from "./schema.ts";

/** One attribute value as Terraform holds it: null when unset. */
export type TfObject = Record<string, unknown>;

const UNKNOWN_EXT = new ExtData(0, new Uint8Array([0]));

function isUnknownValue(value: unknown): boolean {
  return value instanceof ExtData;
}

function normaliseNumber(value: unknown): unknown {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === "string") {
    const parsed = Number(value);
    return Number.isFinite(parsed) && (!Number.isInteger(parsed) || Number.isSafeInteger(parsed)) ? parsed : value;
  }
  return value;
}

function textOf(bytes: unknown): string {
  if (typeof bytes === "string") return bytes;
  if (bytes instanceof Uint8Array) return Buffer.from(bytes).toString("utf8");
  return "";
}

/** Normalises one decoded value of cty type `type`. */
function fromWire(value: unknown, type: CtyType | unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isUnknownValue(value)) return UNKNOWN;
  if (type === "number") return normaliseNumber(value);
  if (type === "dynamic") {
    // A dynamic value is [type as JSON, value].
    if (Array.isArray(value) && value.length === 2) {
      const inner = JSON.parse(textOf(value[0]) || "null") as unknown;
      return fromWire(value[1], inner);
    }
    return value;
  }
  if (Array.isArray(type) && (type[0] === "list" || type[0] === "set") && Array.isArray(value)) {
    return value.map((item) => fromWire(item, type[1]));
  }
  if (Array.isArray(type) && type[0] === "object" && typeof value === "object") {
    const fields = (type[1] ?? {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromWire(v, fields[k])]));
  }
  if (Array.isArray(value)) return value.map((item) => fromWire(item, undefined));
  if (value instanceof Uint8Array) return textOf(value);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromWire(v, undefined)]));
  }
  // A string stays a string unless the type says number: "" and "0123" are text.
  return typeof value === "bigint" ? normaliseNumber(value) : value;
}

function rawDecode(dv: DynamicValue | null | undefined): unknown {
  if (!dv) return null;
  if (dv.msgpack && dv.msgpack.length > 0) return decode(dv.msgpack, { useBigInt64: true });
  if (dv.json && dv.json.length > 0) return JSON.parse(Buffer.from(dv.json).toString("utf8"));
  return null;
}

/**
 * An object of `spec`: attribute name -> value, null for unset, UNKNOWN for unknown. The whole
 * object is null (absent: a create's prior state, a destroy's planned state) or UNKNOWN.
 */
export function decodeObject(dv: DynamicValue | null | undefined, spec: BlockSpec): TfObject | null | typeof UNKNOWN {
  const raw = rawDecode(dv);
  if (raw === null || raw === undefined) return null;
  if (isUnknownValue(raw)) return UNKNOWN;
  if (typeof raw !== "object" || Array.isArray(raw)) throw new Error("expected an object value from Terraform");
  const out: TfObject = {};
  for (const attribute of spec.attributes) out[attribute.name] = fromWire((raw as Record<string, unknown>)[attribute.name], attribute.type);
  return out;
}

/** One function argument of cty type `type`. */
export function decodeValue(dv: DynamicValue | null | undefined, type: CtyType): unknown {
  const raw = rawDecode(dv);
  return fromWire(raw, type);
}

function toWire(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value === UNKNOWN) return UNKNOWN_EXT;
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === "object" && !(value instanceof ExtData)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toWire(v)]));
  }
  return value;
}

/** A Terraform-form value with every field of its nested objects present (null when unset), as cty wants. */
function complete(attribute: AttributeSpec, value: unknown): unknown {
  const nested = attribute.nested;
  if (!nested || value === null || value === undefined || value === UNKNOWN) return value ?? null;
  return eachObject(nested, value, (object) => Object.fromEntries(nested.attributes.map((a) => [a.name, complete(a, object[a.name])])));
}

/** Every attribute of `spec`, null when missing. */
export function encodeObject(value: TfObject | null, spec: BlockSpec): DynamicValue {
  if (value === null) return { msgpack: encode(null) };
  const ordered: Record<string, unknown> = {};
  for (const attribute of spec.attributes) ordered[attribute.name] = toWire(complete(attribute, value[attribute.name]));
  return { msgpack: encode(ordered, { useBigInt64: true }) };
}

export function encodeValue(value: unknown): DynamicValue {
  return { msgpack: encode(toWire(value), { useBigInt64: true }) };
}

/** Each object of a nested attribute's value (one, or each of a list), mapped by `map`. */
function eachObject(nested: NestedSpec, value: unknown, map: (object: Record<string, unknown>) => unknown): unknown {
  const one = (item: unknown) => (item !== null && typeof item === "object" && !Array.isArray(item) ? map(item as Record<string, unknown>) : item);
  return nested.nesting === "LIST" && Array.isArray(value) ? value.map(one) : one(value);
}

/**
 * A Terraform value -> the core's: nested fields by their camelCase property names, unset (null)
 * fields left out as the core's checks expect; fields only the provider sets are kept when
 * `withOutputs` (a prior state), dropped otherwise (inputs).
 */
export function toCoreValue(attribute: AttributeSpec, value: unknown, withOutputs: boolean): unknown {
  if (value === null || value === undefined) return undefined;
  const nested = attribute.nested;
  if (!nested || value === UNKNOWN) return value;
  return eachObject(nested, value, (object) => {
    const out: PropertyMap = {};
    for (const field of nested.attributes) {
      if (field.role === "output" && !withOutputs) continue;
      const converted = toCoreValue(field, object[field.name], withOutputs);
      if (converted !== undefined) out[field.property] = converted;
    }
    return out;
  });
}

/** A core value -> Terraform's: nested fields by their snake_case names, every one present. */
export function toTerraformValue(attribute: AttributeSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const nested = attribute.nested;
  if (!nested || value === UNKNOWN) return value;
  return eachObject(nested, value, (object) => Object.fromEntries(nested.attributes.map((f) => [f.name, toTerraformValue(f, object[f.property])])));
}

/** Terraform attributes -> the core's camelCase properties (only the given roles; nulls dropped). */
export function toProperties(object: TfObject, spec: BlockSpec, roles: readonly AttributeSpec["role"][] = ["input", "output"]): PropertyMap {
  const out: PropertyMap = {};
  for (const attribute of spec.attributes) {
    if (!roles.includes(attribute.role)) continue;
    const value = toCoreValue(attribute, object[attribute.name], roles.includes("output"));
    if (value !== undefined) out[attribute.property] = value;
  }
  return out;
}

/** A core value (camelCase) with its unknown object fields left out, at any depth; an unknown whole stays. */
export function withoutUnknownFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUnknownFields);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== UNKNOWN).map(([k, v]) => [k, withoutUnknownFields(v)]));
  }
  return value;
}

/** Unknowns, at any depth, as null: Terraform never stores an unknown. */
export function withoutUnknowns(value: unknown): unknown {
  if (value === UNKNOWN) return null;
  if (Array.isArray(value)) return value.map(withoutUnknowns);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutUnknowns(v)]));
  return value;
}
