// Messages that point the user at a command or a setting, without naming a front end. The core
// (resources, config) writes a message as text with structured hints in it, and each front end
// words the hints in its own terms: Pulumi says `pulumi refresh` and `ovirt:url`, Terraform says
// `terraform apply -refresh-only` and `url` in the provider "ovirt" block.
//
// Property names are written in backticks in their schema (camelCase) spelling, such as
// `smartcardEnabled`: that is the core's property reference, which the Terraform front end shows
// as the attribute name (`smartcard_enabled`).

/** The provider settings a hint may name (the keys of schema.json's `config`). */
export type SettingKey = "url" | "username" | "password" | "caFile" | "insecure" | "insecureHttp";

export type Hint =
  /** The entity is gone from the engine: refresh the state to drop it. */
  | { kind: "refresh" }
  /** Run the deployment again (once the engine is ready for it). */
  | { kind: "apply-again" }
  /** The entity was made but is not ready: it stays in the state; refresh or deploy again later. */
  | { kind: "kept" }
  /** Adopt an existing entity into the state; `token` is the resource type (the front end knows it when absent). */
  | { kind: "import"; token?: string; id: string }
  /** How to set provider settings; `example` is a value to show. */
  | { kind: "config"; key: SettingKey; example?: string }
  /** Names one provider setting (`ovirt:url`, `url`). */
  | { kind: "setting"; key: SettingKey }
  /** The provider settings that are missing, with their environment variables. */
  | { kind: "missing-config"; keys: readonly SettingKey[] }
  /** A resource type of this provider, as a program names it (`ovirt.Template`, `ovirt_template`). */
  | { kind: "resource"; token: string };

export type Part = string | Hint;
/** A message as the core writes it: text and hints, in order. */
export type Said = readonly Part[];

/** `say\`the VM is gone; ${{ kind: "refresh" }}\`` : text with hints in it. */
export function say(strings: TemplateStringsArray, ...values: (string | number | Hint)[]): Said {
  const parts: Part[] = [];
  strings.forEach((text, i) => {
    if (text !== "") parts.push(text);
    if (i < values.length) {
      const value = values[i]!;
      parts.push(typeof value === "number" ? String(value) : value);
    }
  });
  return parts;
}

/** Renders a message with a front end's wording of the hints. */
export function word(said: Said, render: (hint: Hint) => string): string {
  return said.map((part) => (typeof part === "string" ? part : render(part))).join("");
}

/**
 * The neutral wording, used where no front end is involved (Error.message, the log, unit tests of
 * the core): it names the action, not a command.
 */
export function neutralHint(hint: Hint): string {
  switch (hint.kind) {
    case "refresh": return "refresh the state to drop it";
    case "apply-again": return "deploy again";
    case "kept": return "It is kept in the state; refresh or deploy again once the engine has finished.";
    case "import": return `import it (id ${hint.id})`;
    case "config": return `set the provider setting ${hint.key}`;
    case "setting": return hint.key;
    case "missing-config": return `set the provider settings ${hint.keys.join(", ")}`;
    case "resource": return `a ${hint.token.split(":").pop() ?? hint.token} resource`;
  }
}

/** An error whose message holds hints: front ends render `said`; `message` is the neutral wording. */
export class HintedError extends Error {
  readonly said: Said;
  constructor(said: Said) {
    super(word(said, neutralHint));
    this.name = "HintedError";
    this.said = said;
  }
}

/** The `said` of an error or failure that has one, or the hints its structured fields stand for. */
export function saidOf(value: unknown): Said | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const said = (value as { said?: unknown }).said;
  return Array.isArray(said) ? (said as Said) : saidOfFields(value);
}

/**
 * The fields an engine error carries instead of front-end words (provider/engine's EngineError
 * `settings` and NameTakenError `existingId`), read by shape so this module imports nothing.
 */
interface HintFields {
  message?: unknown;
  settings?: unknown;
  existingId?: unknown;
}

const SETTING_KEYS: ReadonlySet<string> = new Set<SettingKey>(["url", "username", "password", "caFile", "insecure", "insecureHttp"]);

/**
 * An engine error's message with its structured hints appended: the settings it points at (named,
 * and how to set the first) or the import of the entity that holds a name.
 */
function saidOfFields(value: object): Said | undefined {
  const { message, settings, existingId } = value as HintFields;
  if (typeof message !== "string") return undefined;
  if (typeof existingId === "string" && existingId !== "") return say`${message}: ${{ kind: "import", id: existingId }}`;
  const keys = Array.isArray(settings) ? settings.filter((key): key is SettingKey => typeof key === "string" && SETTING_KEYS.has(key)) : [];
  if (keys.length === 0) return undefined;
  const named: Part[] = keys.flatMap((key, i) => [...(i > 0 ? [", "] : []), { kind: "setting", key } as const]);
  return [message, "; check ", ...named, " (", { kind: "config", key: keys[0]! }, ")"];
}
