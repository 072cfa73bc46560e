// The policy configuration file, the same one `pulumi preview --policy-pack-config` takes: a JSON
// object keyed by policy name, each an enforcement level ("mandatory") or an object with an
// optional `enforcementLevel` and the policy's options; the key `all` sets every policy's level.
// Pulumi validates it against each policy's configSchema; this checks the same things, so a typo
// fails here too instead of silently falling back to a default.

import type { EnforcementLevel } from "@pulumi/policy";
import type { Rule } from "../lib/rule.ts";

const LEVELS: ReadonlySet<string> = new Set(["advisory", "mandatory", "remediate", "disabled"]);

export class ConfigError extends Error {}

export interface RuleSettings {
  level: EnforcementLevel;
  options: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function levelOf(entry: unknown, where: string): EnforcementLevel | undefined {
  const level = typeof entry === "string" ? entry : isObject(entry) ? entry["enforcementLevel"] : undefined;
  if (level === undefined) return undefined;
  if (typeof level !== "string" || !LEVELS.has(level)) {
    throw new ConfigError(`${where}: enforcementLevel must be one of ${[...LEVELS].join(", ")}, not ${JSON.stringify(level)}`);
  }
  return level as EnforcementLevel;
}

/** Whether a value matches the (small) JSON-schema subset the pack's options use. */
function matches(value: unknown, spec: Json): boolean {
  switch (spec["type"]) {
    case "integer":
      return Number.isInteger(value) && (typeof spec["minimum"] !== "number" || (value as number) >= spec["minimum"]);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    default:
      return true;
  }
}

function optionsOf(rule: Rule, entry: unknown): Record<string, unknown> {
  const specs = (rule.configSchema?.properties ?? {}) as Record<string, Json>;
  const options: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    if (spec["default"] !== undefined) options[key] = spec["default"];
  }
  if (!isObject(entry)) return options;
  for (const [key, value] of Object.entries(entry)) {
    if (key === "enforcementLevel") continue;
    const spec = specs[key];
    if (spec === undefined) {
      const known = Object.keys(specs);
      throw new ConfigError(`${rule.name}: unknown option "${key}"${known.length ? ` (it takes ${known.join(", ")})` : " (it takes no options)"}`);
    }
    if (!matches(value, spec)) {
      throw new ConfigError(`${rule.name}.${key}: expected ${String(spec["type"])}${spec["minimum"] !== undefined ? ` >= ${String(spec["minimum"])}` : ""}, got ${JSON.stringify(value)}`);
    }
    options[key] = value;
  }
  return options;
}

/** Each rule's level and options under a configuration file's contents (undefined: none given). */
export function ruleSettings(rules: readonly Rule[], config: unknown): Map<string, RuleSettings> {
  if (config !== undefined && !isObject(config)) throw new ConfigError("the configuration must be a JSON object keyed by policy name");
  const file = config ?? {};
  const names = new Set(rules.map((rule) => rule.name));
  for (const key of Object.keys(file)) {
    if (key !== "all" && !names.has(key)) throw new ConfigError(`unknown policy "${key}" (the policies are ${[...names].join(", ")})`);
  }
  const all = levelOf(file["all"], "all");
  return new Map(
    rules.map((rule) => [rule.name, { level: levelOf(file[rule.name], rule.name) ?? all ?? rule.enforcementLevel, options: optionsOf(rule, file[rule.name]) }]),
  );
}
