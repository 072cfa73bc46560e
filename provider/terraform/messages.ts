// The core writes its messages for Pulumi users (camelCase property names, `pulumi up`,
// `pulumi config set ovirt:url ...`). Terraform users get the same message in their own words:
// attribute names in snake_case, the terraform commands, the provider block.

import { resourceTypeName, snakeCase, terraformText } from "./schema.ts";

const COMMANDS: [RegExp, string][] = [
  [/\(pulumi import \.\.\. ([^)\s]+)\)/g, "(terraform import <address> $1)"],
  [/`pulumi up`/g, "`terraform apply`"],
  [/`pulumi preview`/g, "`terraform plan`"],
  [/`pulumi refresh`/g, "`terraform apply -refresh-only`"],
  [/`pulumi import`/g, "`terraform import`"],
  [/\bpulumi up\b/g, "terraform apply"],
  [/\bpulumi preview\b/g, "terraform plan"],
  [/\b(kept in|drop it from|from) the stack\b/g, "$1 the state"],
  [/new ovirt\.Provider\(\.\.\.\)/g, 'the provider "ovirt" block'],
];

/** `pulumi config set [--secret] ovirt:caFile <value>` -> `ca_file` in the provider block. */
function configHints(text: string): string {
  return text
    .replace(/`pulumi config set (?:--secret )?ovirt:(\w+)[^`]*`/g, (_m, key: string) => `\`${snakeCase(key)}\` in the provider "ovirt" block`)
    .replace(/\bovirt:(\w+)\b/g, (_m, key: string) => snakeCase(key));
}

/** `ovirt.Vm` -> `ovirt_vm`. */
function resourceNames(text: string): string {
  return text.replace(/\bovirt\.([A-Z]\w*)/g, (_m, name: string) => resourceTypeName(`ovirt:index:${name}`));
}

/** `pulumi import ovirt:index:Vm <resource name> <id>` -> `terraform import ovirt_vm.<name> <id>`. */
function importHints(text: string): string {
  return text.replace(/`pulumi import (ovirt:index:\w+) <resource name> ([^`]+)`/g, (_m, token: string, id: string) => `\`terraform import ${resourceTypeName(token)}.<name> ${id}\``);
}

/** A core message, in Terraform's words; `names` maps the resource's property names to attributes. */
export function forTerraform(text: string, names: ReadonlyMap<string, string> = new Map()): string {
  let out = configHints(terraformText(importHints(text), names));
  // Bare camelCase property names too ("set smartcardEnabled to false"): prose has no such words.
  for (const [property, attribute] of names) {
    if (/[A-Z]/.test(property)) out = out.replace(new RegExp(`\\b${property}\\b`, "g"), attribute);
  }
  for (const [pattern, replacement] of COMMANDS) out = out.replace(pattern, replacement);
  return resourceNames(out);
}
