// What the server needs from schema.json (the single source of truth): the text for GetSchema,
// the version for GetPluginInfo, and which properties are secret, so that outputs marked
// `secret: true` always leave the provider wrapped, fields of nested object types included.

import { schemaText } from "../schemaText.ts";

interface PropertyLike {
  secret?: boolean;
  $ref?: string;
  items?: PropertyLike;
}

type TypeMap = Record<string, { properties?: Record<string, PropertyLike> }>;

interface SchemaShape {
  name: string;
  version?: string;
  config?: { variables?: Record<string, PropertyLike> };
  provider?: { inputProperties?: Record<string, PropertyLike> };
  resources?: Record<string, { properties?: Record<string, PropertyLike>; inputProperties?: Record<string, PropertyLike> }>;
  functions?: Record<string, { outputs?: { properties?: Record<string, PropertyLike> } }>;
  types?: TypeMap;
}

export interface SchemaInfo {
  /** The schema document exactly as stored, for GetSchema. */
  readonly text: string;
  readonly name: string;
  readonly version: string;
  /** Provider configuration keys marked secret (e.g. `password`). */
  readonly configSecrets: ReadonlySet<string>;
  /**
   * The secret properties below, as paths for encodeProperties: a top-level key or a field of a
   * nested object type (`initialization.sysprep.adminPassword`, `[]` marking list items).
   */
  resourceSecretOutputs(token: string): ReadonlySet<string>;
  resourceSecretInputs(token: string): ReadonlySet<string>;
  functionSecretOutputs(token: string): ReadonlySet<string>;
}

const TYPE_REF = "#/types/";

/** The paths of every secret property under `props`, following `$ref`s into object types. */
function secretPaths(props: Record<string, PropertyLike> | undefined, types: TypeMap, seen: ReadonlySet<string> = new Set()): string[] {
  return Object.entries(props ?? {}).flatMap(([key, spec]) => {
    if (spec.secret === true) return [key];
    const isList = spec.items !== undefined;
    const ref = (spec.items ?? spec).$ref;
    if (!ref?.startsWith(TYPE_REF)) return [];
    const name = ref.slice(TYPE_REF.length);
    if (seen.has(name)) return [];
    const prefix = isList ? `${key}[]` : key;
    return secretPaths(types[name]?.properties, types, new Set([...seen, name])).map((inner) => `${prefix}.${inner}`);
  });
}

export function schemaInfoFromText(text: string): SchemaInfo {
  const schema = JSON.parse(text) as SchemaShape;
  const types = schema.types ?? {};
  const secretKeys = (props: Record<string, PropertyLike> | undefined) => new Set(secretPaths(props, types));
  const configSecrets = new Set([...secretKeys(schema.config?.variables), ...secretKeys(schema.provider?.inputProperties)]);
  return {
    text,
    name: schema.name,
    version: (schema.version ?? "0.0.0").replace(/^v/, ""),
    configSecrets,
    resourceSecretOutputs: perToken((token) => secretKeys(schema.resources?.[token]?.properties)),
    resourceSecretInputs: perToken((token) => secretKeys(schema.resources?.[token]?.inputProperties)),
    functionSecretOutputs: perToken((token) => secretKeys(schema.functions?.[token]?.outputs?.properties)),
  };
}

/** Works out each token's paths once: every call of every resource asks, and walking the types each time was a large share of the plugin's garbage. */
function perToken(paths: (token: string) => ReadonlySet<string>): (token: string) => ReadonlySet<string> {
  const known = new Map<string, ReadonlySet<string>>();
  return (token) => {
    let found = known.get(token);
    if (found === undefined) known.set(token, (found = paths(token)));
    return found;
  };
}

let cached: SchemaInfo | undefined;

/** schema.json at the repository root (or embedded in the release bundle), read once. */
export function loadSchemaInfo(): SchemaInfo {
  cached ??= schemaInfoFromText(schemaText());
  return cached;
}
