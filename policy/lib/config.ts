// Reading policy configuration. The CLI validates the file against each policy's configSchema,
// but a policy may also run with no configuration at all (or in tests with partial objects), so
// every key falls back to its documented default here instead of trusting the schema's `default`.

export type PolicyConfig = Record<string, unknown>;

export function configBoolean(config: PolicyConfig, key: string, fallback: boolean): boolean {
  const value = config[key];
  return typeof value === "boolean" ? value : fallback;
}

export function configPositiveInteger(config: PolicyConfig, key: string, fallback: number): number {
  const value = config[key];
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : fallback;
}

export function configStringList(config: PolicyConfig, key: string): string[] {
  const value = config[key];
  if (!Array.isArray(value)) return [];
  const items: unknown[] = value;
  return items.filter((item): item is string => typeof item === "string");
}
