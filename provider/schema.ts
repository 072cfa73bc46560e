// schema.json is the single source of truth for every resource and function property. This module
// loads it once and derives from it what the provider needs at run time: zod input schemas (types,
// enums, integers, required inputs, defaults), and the lists of replace-on-change and secret
// properties. Nothing here knows oVirt; resources add their own rules on top.

import { z } from "zod";
import { schemaText } from "./schemaText.ts";

export interface PropertySpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  $ref?: string;
  items?: PropertySpec;
  description?: string;
  default?: unknown;
  replaceOnChanges?: boolean;
  secret?: boolean;
}

interface EnumValue {
  value: string;
  name?: string;
  description?: string;
}

export interface TypeSpec {
  type: string;
  enum?: EnumValue[];
  /** An object type's properties and required names (`type: "object"`). */
  properties?: Record<string, PropertySpec>;
  required?: string[];
  description?: string;
}

export interface ResourceSpec {
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
  inputProperties: Record<string, PropertySpec>;
  requiredInputs?: string[];
}

export interface FunctionSpec {
  description?: string;
  inputs: { properties: Record<string, PropertySpec>; required?: string[] };
  outputs: { properties: Record<string, PropertySpec>; required?: string[] };
}

export interface PackageSchema {
  name: string;
  version: string;
  types: Record<string, TypeSpec>;
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
  [key: string]: unknown;
}

/** The parsed schema.json (read once, when this module loads). */
export const packageSchema: PackageSchema = JSON.parse(schemaText()) as PackageSchema;

export { schemaText };

export function resourceSpec(token: string): ResourceSpec {
  const spec = packageSchema.resources[token];
  if (!spec) throw new Error(`schema.json has no resource ${token}`);
  return spec;
}

export function functionSpec(token: string): FunctionSpec {
  const spec = packageSchema.functions[token];
  if (!spec) throw new Error(`schema.json has no function ${token}`);
  return spec;
}

/** The type a `$ref` points to, or undefined for a property without one. */
export function referencedType(spec: PropertySpec): TypeSpec | undefined {
  if (!spec.$ref) return undefined;
  const typeToken = spec.$ref.replace(/^#\/types\//, "");
  const type = packageSchema.types[typeToken];
  if (!type) throw new Error(`schema.json: ${spec.$ref} points to no type`);
  return type;
}

/** The allowed values of an enum property (`$ref` to a string enum type), or undefined. */
export function enumValues(spec: PropertySpec): string[] | undefined {
  return referencedType(spec)?.enum?.map((e) => e.value);
}

/** The properties of an object type a property points to (`$ref` to an object type), or undefined. */
export function objectProperties(spec: PropertySpec): { properties: Record<string, PropertySpec>; required: string[] } | undefined {
  const type = referencedType(spec);
  if (type?.type !== "object" || !type.properties) return undefined;
  return { properties: type.properties, required: type.required ?? [] };
}

/** The zod type of one property, before optional/default is applied. */
export function zodForProperty(spec: PropertySpec): z.ZodType {
  const values = enumValues(spec);
  if (values) return z.enum(values as [string, ...string[]]);
  const object = objectProperties(spec);
  if (object) return objectSchema(object.properties, object.required);
  switch (spec.type) {
    case "string":
      return z.string();
    case "integer":
      return z.number().int();
    case "number":
      return z.number();
    case "boolean":
      return z.boolean();
    case "array":
      return z.array(spec.items ? zodForProperty(spec.items) : z.unknown());
    case "object":
      return z.record(z.string(), z.unknown());
    default:
      throw new Error(`schema.json: property type ${String(spec.type ?? spec.$ref)} is not supported`);
  }
}

function objectSchema(properties: Record<string, PropertySpec>, required: string[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(properties)) {
    const base = zodForProperty(spec);
    if (spec.default !== undefined) shape[name] = base.default(spec.default as never);
    else if (required.includes(name)) shape[name] = base;
    else shape[name] = base.optional();
  }
  // Strict: a property the schema does not know is an error, not silently dropped.
  return z.strictObject(shape);
}

const inputSchemas = new Map<string, z.ZodObject>();

/** The zod schema of a resource's or function's inputs, exactly as schema.json declares them. */
export function inputSchema(token: string): z.ZodObject {
  let schema = inputSchemas.get(token);
  if (!schema) {
    const resource = packageSchema.resources[token];
    if (resource) schema = objectSchema(resource.inputProperties, resource.requiredInputs ?? []);
    else {
      const fn = functionSpec(token);
      schema = objectSchema(fn.inputs.properties, fn.inputs.required ?? []);
    }
    inputSchemas.set(token, schema);
  }
  return schema;
}

/** The input property specs of a resource or function. */
export function inputProperties(token: string): Record<string, PropertySpec> {
  const resource = packageSchema.resources[token];
  return resource ? resource.inputProperties : functionSpec(token).inputs.properties;
}

/** The required inputs of a resource or function. */
export function requiredInputs(token: string): string[] {
  const resource = packageSchema.resources[token];
  return resource ? (resource.requiredInputs ?? []) : (functionSpec(token).inputs.required ?? []);
}

/** Input properties whose change forces a replacement (`replaceOnChanges` in schema.json). */
export function replaceOnChangesProperties(token: string): string[] {
  return Object.entries(resourceSpec(token).inputProperties)
    .filter(([, spec]) => spec.replaceOnChanges === true)
    .map(([name]) => name);
}

/** Properties (inputs or outputs) marked `secret` in schema.json. */
export function secretProperties(token: string): string[] {
  const resource = packageSchema.resources[token];
  const all: Record<string, PropertySpec> = resource
    ? { ...resource.properties, ...resource.inputProperties }
    : { ...functionSpec(token).inputs.properties, ...functionSpec(token).outputs.properties };
  return Object.entries(all)
    .filter(([, spec]) => spec.secret === true)
    .map(([name]) => name);
}

export function resourceTokens(): string[] {
  return Object.keys(packageSchema.resources);
}

export function functionTokens(): string[] {
  return Object.keys(packageSchema.functions);
}
