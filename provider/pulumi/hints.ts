// The core's hints (provider/hints.ts) in a Pulumi user's words: the `pulumi` commands, the stack,
// `ovirt:key` settings and `ovirt.Template` resource names.

import { notConfigured, type ConfigKey } from "../config.ts";
import { word, type Hint, type Said, type SettingKey } from "../hints.ts";

const ENV: Record<SettingKey, string> = {
  url: "OVIRT_URL", username: "OVIRT_USERNAME", password: "OVIRT_PASSWORD", caFile: "OVIRT_CAFILE",
  insecure: "OVIRT_INSECURE", insecureHttp: "OVIRT_INSECURE_HTTP",
};

const EXAMPLES: Record<SettingKey, string> = {
  url: "https://engine.example.com/ovirt-engine/api",
  username: "admin@internal",
  password: "<password>",
  caFile: "/path/to/ca.pem",
  insecure: "true",
  insecureHttp: "true",
};

/** `pulumi config set [--secret] ovirt:key value`, in backticks. */
function configCommand(key: SettingKey, example?: string): string {
  return `\`pulumi config set ${key === "password" ? "--secret " : ""}ovirt:${key} ${example ?? EXAMPLES[key]}\``;
}

/** `ovirt:index:Template` -> `ovirt.Template`. */
function resourceName(token: string): string {
  return `ovirt.${token.split(":").pop() ?? token}`;
}

export function pulumiHint(hint: Hint, token?: string): string {
  switch (hint.kind) {
    case "refresh": return "run `pulumi refresh` to drop it from the stack";
    case "apply-again": return "run `pulumi up` again";
    case "kept": return "It is kept in the stack; run `pulumi refresh` or `pulumi up` again once the engine has finished.";
    case "import": return `\`pulumi import ${hint.token ?? token ?? "<type>"} <resource name> ${hint.id}\``;
    case "config": return configCommand(hint.key, hint.example);
    case "setting": return `ovirt:${hint.key}`;
    case "missing-config":
      return `Run ${hint.keys.map((key) => configCommand(key)).join(", ")}, or set ${hint.keys.map((key) => ENV[key]).join(", ")} in the environment, ` +
        "or pass them to new ovirt.Provider(...)";
    case "resource": return resourceName(hint.token);
  }
}

/** A core message in Pulumi's words; `token` is the resource the message is about, for import hints that leave it out. */
export function forPulumi(said: Said, token?: string): string {
  return word(said, (hint) => pulumiHint(hint, token));
}

/** The error a call gets when it needs the engine but settings are missing, in Pulumi's words. */
export function missingConfigMessage(missing: readonly ConfigKey[]): string {
  return forPulumi(notConfigured(missing));
}
