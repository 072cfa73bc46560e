// schema.json as text, with nothing else: the plugin serves it (GetSchema, the version) before it
// loads any validator, so a start that only prints its port never loads zod.

import { readFileSync } from "node:fs";

// The release bundle (scripts/dist) has no schema.json beside it: esbuild replaces this name with
// the file's text at build time, so the plugin serves exactly the schema it was built from.
declare const OVIRT_EMBEDDED_SCHEMA_TEXT: string | undefined;

const packageSchemaText: string =
  typeof OVIRT_EMBEDDED_SCHEMA_TEXT === "string"
    ? OVIRT_EMBEDDED_SCHEMA_TEXT
    : readFileSync(new URL("../schema.json", import.meta.url), "utf8");

/** schema.json as text, for GetSchema. */
export function schemaText(): string {
  return packageSchemaText;
}
