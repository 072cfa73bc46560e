// The core's hints (provider/hints.ts) in a Terraform user's words: the terraform commands, the
// state, settings in the provider "ovirt" block, `ovirt_template` resource types, and attribute
// names in snake_case for the core's property references (`smartcardEnabled` in backticks).

import { word, type Hint, type Said, type SettingKey } from "../hints.ts";
import { resourceTypeName, snakeCase, terraformText } from "./schema.ts";

const ENV: Record<SettingKey, string> = {
  url: "OVIRT_URL", username: "OVIRT_USERNAME", password: "OVIRT_PASSWORD", caFile: "OVIRT_CAFILE",
  insecure: "OVIRT_INSECURE", insecureHttp: "OVIRT_INSECURE_HTTP",
};

export function terraformHint(hint: Hint, token?: string): string {
  switch (hint.kind) {
    case "refresh": return "run `terraform apply -refresh-only` to drop it from the state";
    case "apply-again": return "run `terraform apply` again";
    case "kept": return "It is kept in the state; run `terraform apply -refresh-only` or `terraform apply` again once the engine has finished.";
    case "import": {
      const type = hint.token ?? token;
      return `\`terraform import ${type ? resourceTypeName(type) : "<type>"}.<name> ${hint.id}\``;
    }
    case "config": return `\`${snakeCase(hint.key)}\` in the provider "ovirt" block`;
    case "setting": return snakeCase(hint.key);
    case "missing-config": {
      const names = hint.keys.map((key) => snakeCase(key));
      return `Set ${names.map((n) => `\`${n}\``).join(", ")} in the provider "ovirt" block, or ${hint.keys.map((key) => ENV[key]).join(", ")} in the environment.`;
    }
    case "resource": return resourceTypeName(hint.token);
  }
}

/**
 * Property references as attribute names: `smartcardEnabled` -> `smartcard_enabled` (and
 * `running: false` -> `running = false`), and bare camelCase property names in prose ("set
 * smartcardEnabled to false"), which no English word looks like.
 */
export function attributeText(text: string, names: ReadonlyMap<string, string>): string {
  let out = terraformText(text, names);
  for (const [property, attribute] of names) {
    if (/[A-Z]/.test(property)) out = out.replace(new RegExp(`\\b${property}\\b`, "g"), attribute);
  }
  return out;
}

/** A core message in Terraform's words; `names` maps the resource's property names to attributes. */
export function forTerraform(said: Said | string, names: ReadonlyMap<string, string> = new Map(), token?: string): string {
  const text = typeof said === "string" ? said : word(said, (hint) => terraformHint(hint, token));
  return attributeText(text, names);
}
