// What the server needs from schema.json (the single source of truth): the text for GetSchema,
// the version for GetPluginInfo, and which properties are secret, so that outputs marked
// `secret: true` always leave the provider wrapped.

import { schemaText } from "../schemaText.ts";

interface PropertyLike {
  secret?: boolean;
}

interface SchemaShape {
  name: string;
  version?: string;
  config?: { variables?: Record<string, PropertyLike> };
  provider?: { inputProperties?: Record<string, PropertyLike> };
  resources?: Record<string, { properties?: Record<string, PropertyLike>; inputProperties?: Record<string, PropertyLike> }>;
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
}

function secretKeys(props: Record<string, PropertyLike> | undefined): Set<string> {
  return new Set(Object.entries(props ?? {}).filter(([, spec]) => spec.secret === true).map(([key]) => key));
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
  };
}

let cached: SchemaInfo | undefined;

/** schema.json at the repository root (or embedded in the release bundle), read once. */
export function loadSchemaInfo(): SchemaInfo {
  cached ??= schemaInfoFromText(schemaText());
  return cached;
}
