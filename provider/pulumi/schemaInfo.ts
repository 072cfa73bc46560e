// What the server needs from schema.json (the single source of truth): the text for GetSchema,
// the version for GetPluginInfo, and which properties are secret, so that outputs marked
// `secret: true` always leave the provider wrapped.

import { schemaText } from "../schema.ts";

interface PropertyLike {
  secret?: boolean;
  $ref?: string;
  type?: string;
  items?: PropertyLike;
}

interface TypeLike {
  properties?: Record<string, PropertyLike>;
}

interface SchemaShape {
  name: string;
  version?: string;
  config?: { variables?: Record<string, PropertyLike> };
  provider?: { inputProperties?: Record<string, PropertyLike> };
  resources?: Record<string, { properties?: Record<string, PropertyLike>; inputProperties?: Record<string, PropertyLike> }>;
  types?: Record<string, TypeLike>;
  functions?: Record<string, { outputs?: { properties?: Record<string, PropertyLike> } }>;
}

export interface SchemaInfo {
  /** The schema document exactly as stored, for GetSchema. */
  readonly text: string;
  readonly name: string;
  readonly version: string;
  /** Provider configuration keys marked secret (e.g. `password`). */
  readonly configSecrets: ReadonlySet<string>;
  resourceSecretOutputs(token: string): ReadonlySet<string>;
  resourceSecretInputs(token: string): ReadonlySet<string>;
  functionSecretOutputs(token: string): ReadonlySet<string>;
  /**
   * Top-level keys of `values` that hold a value for a property marked secret inside an object
   * type (such as `initialization.sysprep.adminPassword`): Pulumi secrets are kept per top-level
   * property here, so the whole value is wrapped.
   */
  nestedSecretKeys(token: string, values: Record<string, unknown>): Set<string>;
}

function secretKeys(props: Record<string, PropertyLike> | undefined): Set<string> {
  return new Set(Object.entries(props ?? {}).filter(([, spec]) => spec.secret === true).map(([key]) => key));
}

/** True when `value` sets, somewhere inside, a property that `spec`'s types mark secret. */
function holdsNestedSecret(schema: SchemaShape, spec: PropertyLike | undefined, value: unknown, depth = 0): boolean {
  if (!spec || value === undefined || value === null || depth > 8) return false;
  if (depth > 0 && spec.secret === true) return true;
  if (Array.isArray(value)) return value.some((item) => holdsNestedSecret(schema, spec.items, item, depth + 1));
  const type = spec.$ref ? schema.types?.[spec.$ref.replace(/^#\/types\//, "")] : undefined;
  if (!type?.properties || typeof value !== "object") return false;
  return Object.entries(type.properties).some(([key, inner]) => holdsNestedSecret(schema, inner, (value as Record<string, unknown>)[key], depth + 1));
}

export function schemaInfoFromText(text: string): SchemaInfo {
  const schema = JSON.parse(text) as SchemaShape;
  const configSecrets = new Set([...secretKeys(schema.config?.variables), ...secretKeys(schema.provider?.inputProperties)]);
  return {
    text,
    name: schema.name,
    version: (schema.version ?? "0.0.0").replace(/^v/, ""),
    configSecrets,
    resourceSecretOutputs: (token) => secretKeys(schema.resources?.[token]?.properties),
    resourceSecretInputs: (token) => secretKeys(schema.resources?.[token]?.inputProperties),
    functionSecretOutputs: (token) => secretKeys(schema.functions?.[token]?.outputs?.properties),
    nestedSecretKeys: (token, values) => {
      const resource = schema.resources?.[token];
      const specs = { ...resource?.properties, ...resource?.inputProperties };
      return new Set(Object.keys(values).filter((key) => holdsNestedSecret(schema, specs[key], values[key])));
    },
  };
}

let cached: SchemaInfo | undefined;

/** schema.json at the repository root (or embedded in the release bundle), read once. */
export function loadSchemaInfo(): SchemaInfo {
  cached ??= schemaInfoFromText(schemaText());
  return cached;
}
