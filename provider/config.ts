// The provider configuration: ovirt:url, ovirt:username, ovirt:password (secret), ovirt:caFile and
// ovirt:insecure. Values come, in order of precedence, from the Configure request's args, its
// deprecated `variables` map (`ovirt:config:<key>`), the stack config in PULUMI_CONFIG (default
// provider only), and the OVIRT_* environment variables. Messages name the property and say how
// to fix it; the password never appears in any of them.

import { accessSync, constants, readFileSync } from "node:fs";
import type { EngineConfig } from "./engine/index.ts";
import { HintedError, say, type Hint, type Said } from "./hints.ts";
import type { CheckFailure, DiffKind, PropertyMap } from "./resources/types.ts";
import { failureSaying, UNKNOWN } from "./resources/types.ts";

export const CONFIG_KEYS = ["url", "username", "password", "caFile", "insecure", "insecureHttp"] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

export const CONFIG_ENV: Record<ConfigKey, string> = {
  url: "OVIRT_URL",
  username: "OVIRT_USERNAME",
  password: "OVIRT_PASSWORD",
  caFile: "OVIRT_CAFILE",
  insecure: "OVIRT_INSECURE",
  insecureHttp: "OVIRT_INSECURE_HTTP",
};

/** How a person sets a key, in their front end's words. */
const howToSet = (key: ConfigKey): Hint => ({ kind: "config", key });
/** A key's name, in the front end's words (`ovirt:url`, `url`). */
const setting = (key: ConfigKey): Hint => ({ kind: "setting", key });

/** A configuration problem; `property` is the schema name of the key at fault. */
export class ConfigError extends HintedError {
  readonly property: string;
  constructor(property: string, said: Said) {
    super(said);
    this.name = "ConfigError";
    this.property = property;
  }
}

type Env = Record<string, string | undefined>;

/** A raw value and where it came from (for messages). */
interface Sourced {
  value: unknown;
  source: string;
}

function isUnknownValue(value: unknown): boolean {
  return value === UNKNOWN;
}

/** Accepts booleans and the strings config and env vars carry ("true", "false", "1", "0", "yes", "no"). */
export function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return undefined;
  switch (value.trim().toLowerCase()) {
    case "true": case "1": case "yes": case "on":
      return true;
    case "false": case "0": case "no": case "off": case "":
      return false;
    default:
      return undefined;
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : String(value);
}

/** The API root the engine client expects: a bare host gets the standard `/ovirt-engine/api` path. */
export function normaliseUrl(raw: string): string {
  const url = new URL(raw.trim());
  let path = url.pathname.replace(/\/+$/, "");
  if (path === "") path = "/ovirt-engine/api";
  url.pathname = path;
  url.search = "";
  url.hash = "";
  return url.toString().replace(/\/+$/, "");
}

/**
 * A plain http:// URL sends the password and console tickets in clear: refused unless the user
 * opted in with insecureHttp (for test engines); the session then warns on every run.
 */
function plainHttpRefused(value: unknown, source: string, insecureHttp: unknown): Said | undefined {
  if (typeof value !== "string" || parseBoolean(insecureHttp) === true) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:") return undefined;
  const from = source === "ovirt:url" ? "" : ` (from ${source})`;
  return say`url${from} ${describe(value)} is plain http://, which would send the password in clear: use the engine's https:// address, or, for a test engine only, set ${howToSet("insecureHttp")}`;
}

/** Problems with one known value; never quotes a password. */
function validateValue(key: ConfigKey, value: unknown, source: string): Said | undefined {
  const from = source === `ovirt:${key}` ? "" : ` (from ${source})`;
  switch (key) {
    case "url": {
      if (typeof value !== "string" || value.trim() === "") {
        return say`url${from} must be the engine's API address as text, got ${describe(value)}; set it with ${howToSet("url")}`;
      }
      let url: URL;
      try {
        url = new URL(value.trim());
      } catch {
        return [`url${from} ${describe(value)} is not a URL; set it to the engine's API address, such as https://engine.example.com/ovirt-engine/api`];
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") {
        return [`url${from} must use https:// (the engine serves its API over HTTPS), got ${describe(url.protocol)}`];
      }
      if (url.username !== "" || url.password !== "") {
        return say`url${from} must not carry credentials; remove them from the URL and set ${setting("username")} and ${setting("password")} instead`;
      }
      return undefined;
    }
    case "username": {
      if (typeof value !== "string" || value.trim() === "") {
        return [`username${from} must be a user name in user@profile form, such as admin@internal, got ${describe(value)}`];
      }
      if (!value.includes("@")) {
        return [`username${from} ${describe(value)} has no profile: the engine logs users in as user@profile, such as ${value}@internal`];
      }
      return undefined;
    }
    case "password":
      if (typeof value !== "string" || value === "") {
        return say`password${from} must be a non-empty string; set it with ${howToSet("password")}`;
      }
      return undefined;
    case "caFile": {
      if (typeof value !== "string" || value.trim() === "") {
        return [`caFile${from} must be the path of a PEM file with the engine's CA certificate, got ${describe(value)}`];
      }
      try {
        accessSync(value, constants.R_OK);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? "unreadable";
        return [`caFile${from} ${describe(value)} cannot be read (${code}): set it to the path of the engine's CA certificate in PEM form, downloadable from /ovirt-engine/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA`];
      }
      const text = readFileSync(value, "utf8");
      if (!text.includes("-----BEGIN CERTIFICATE-----")) {
        return [`caFile${from} ${describe(value)} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" line): point it at the engine's CA certificate`];
      }
      return undefined;
    }
    case "insecure":
    case "insecureHttp":
      if (parseBoolean(value) === undefined) {
        return [`${key}${from} must be true or false, got ${describe(value)}`];
      }
      return undefined;
  }
}

/**
 * CheckConfig: validates the values that are set (in `news` or, failing that, in the OVIRT_*
 * environment). Missing values are not failures here: a program that only calls
 * previewDomainXml needs no engine. Unknown values are not checked.
 */
export function checkConfig(news: PropertyMap, env: Env = process.env): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const picked: Partial<Record<ConfigKey, Sourced>> = {};
  for (const key of CONFIG_KEYS) {
    let sourced: Sourced | undefined;
    if (news[key] !== undefined && news[key] !== null) sourced = { value: news[key], source: `ovirt:${key}` };
    else if (env[CONFIG_ENV[key]] !== undefined && env[CONFIG_ENV[key]] !== "") sourced = { value: env[CONFIG_ENV[key]], source: CONFIG_ENV[key] };
    if (!sourced || isUnknownValue(sourced.value)) continue;
    picked[key] = sourced;
    const reason = validateValue(key, sourced.value, sourced.source);
    if (reason) failures.push(failureSaying(key, reason));
  }
  const url = picked.url;
  const refused = url && !failures.some((f) => f.property === "url") ? plainHttpRefused(url.value, url.source, picked.insecureHttp?.value) : undefined;
  if (refused) failures.push(failureSaying("url", refused));
  return failures;
}

/**
 * DiffConfig: which settings changed. A new engine address or credentials never replaces the
 * resources managed through the provider (they are the same entities), so there are no replaces.
 */
export function diffConfig(olds: PropertyMap, news: PropertyMap): { changes: boolean; detailedDiff: Record<string, DiffKind> } {
  const detailedDiff: Record<string, DiffKind> = {};
  for (const key of CONFIG_KEYS) {
    const before = olds[key];
    const after = news[key];
    if (isUnknownValue(after)) {
      detailedDiff[key] = "update";
      continue;
    }
    const had = before !== undefined && before !== null;
    const has = after !== undefined && after !== null;
    if (!had && has) detailedDiff[key] = "add";
    else if (had && !has) detailedDiff[key] = "delete";
    else if (had && has && !sameValue(key, before, after)) detailedDiff[key] = "update";
  }
  return { changes: Object.keys(detailedDiff).length > 0, detailedDiff };
}

function sameValue(key: ConfigKey, a: unknown, b: unknown): boolean {
  if (key === "insecure" || key === "insecureHttp") return parseBoolean(a) === parseBoolean(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface ConfigSources {
  /** Configure's args, secrets already unwrapped. */
  args: PropertyMap;
  /** Configure's deprecated variables map, keyed `ovirt:config:<key>`. */
  variables?: Record<string, string>;
  /** The PULUMI_CONFIG JSON the engine gives the plugin; only for the default provider. */
  pulumiConfig?: string;
  env?: Env;
}

export type ResolvedConfig =
  /** Every value known and present; `insecureHttp` when the user allowed a plain http:// URL. */
  | { state: "ready"; config: EngineConfig; insecureHttp: boolean }
  /** Some value is unknown (preview): run without an engine. */
  | { state: "unknown"; unknownKeys: ConfigKey[] }
  /** Nothing points at an engine yet; a call that needs one gets `missingConfigMessage`. */
  | { state: "incomplete"; missing: ConfigKey[]; partial: Partial<Record<ConfigKey, unknown>> };

function parsePulumiConfig(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(parsed)) {
      // Keys arrive with the namespace stripped; accept the full `ovirt:key` form too.
      const bare = key.startsWith("ovirt:") ? key.slice("ovirt:".length) : key;
      out[bare] = value;
    }
    return out;
  } catch {
    return {};
  }
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** Picks each key from the first source that has it, validates, and builds the EngineConfig. */
export function resolveConfig(sources: ConfigSources): ResolvedConfig {
  const env = sources.env ?? process.env;
  const stack = parsePulumiConfig(sources.pulumiConfig);
  const picked: Partial<Record<ConfigKey, Sourced>> = {};
  const unknownKeys: ConfigKey[] = [];
  for (const key of CONFIG_KEYS) {
    const candidates: Sourced[] = [
      { value: sources.args[key], source: `ovirt:${key}` },
      { value: sources.variables?.[`ovirt:config:${key}`], source: `ovirt:${key}` },
      { value: stack[key], source: `ovirt:${key}` },
      { value: env[CONFIG_ENV[key]], source: CONFIG_ENV[key] },
    ];
    const found = candidates.find((c) => present(c.value));
    if (!found) continue;
    if (isUnknownValue(found.value)) unknownKeys.push(key);
    else picked[key] = found;
  }
  if (unknownKeys.length > 0) return { state: "unknown", unknownKeys };

  for (const key of CONFIG_KEYS) {
    const entry = picked[key];
    if (!entry) continue;
    const reason = validateValue(key, entry.value, entry.source);
    if (reason) throw new ConfigError(key, ["invalid provider configuration: ", ...reason]);
  }
  const insecureHttp = parseBoolean(picked.insecureHttp?.value) === true;
  const refused = picked.url ? plainHttpRefused(picked.url.value, picked.url.source, insecureHttp) : undefined;
  if (refused) throw new ConfigError("url", ["invalid provider configuration: ", ...refused]);

  const missing = (["url", "username", "password"] as const).filter((key) => !picked[key]);
  if (missing.length > 0) {
    const partial: Partial<Record<ConfigKey, unknown>> = {};
    for (const key of CONFIG_KEYS) if (picked[key] && key !== "password") partial[key] = picked[key]?.value;
    return { state: "incomplete", missing, partial };
  }

  const config: EngineConfig = {
    url: normaliseUrl(String(picked.url?.value)),
    username: String(picked.username?.value).trim(),
    password: String(picked.password?.value),
  };
  if (picked.caFile) config.caFile = String(picked.caFile.value);
  if (picked.insecure) config.insecure = parseBoolean(picked.insecure.value) ?? false;
  return { state: "ready", config, insecureHttp };
}

/** The error a call gets when it needs the engine but settings are missing. */
export function notConfigured(missing: readonly ConfigKey[]): Said {
  const keys = missing.flatMap((key, i) => (i === 0 ? [setting(key)] : [", ", setting(key)]));
  return ["the oVirt provider is not configured: ", ...keys, ` ${missing.length === 1 ? "is" : "are"} not set. `, { kind: "missing-config", keys: missing }];
}

/** A one-line description of the configuration for the log (never the password). */
export function describeConfig(config: EngineConfig): string {
  const tls = config.insecure ? "TLS verification off" : config.caFile ? `CA ${config.caFile}` : "system CAs";
  return `${config.username} at ${config.url} (${tls})`;
}
