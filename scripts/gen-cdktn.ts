// Writes the CDK bindings in sdk/cdktn/src from the provider's own schema, with CDK Terrain's
// generator (@cdktn/provider-generator, the maintained fork of @cdktf/provider-generator). The
// schema is the one terraform-provider-ovirt serves (provider/terraform/schema.ts), put in the form
// `tofu providers schema -json` prints, so no registry and no CLI are needed.
// test/cdktn/bindings.test.ts fails when the committed bindings differ from a fresh generation.
//
//   node scripts/gen-cdktn.ts                regenerate sdk/cdktn/src (commit the result)
//   node scripts/gen-cdktn.ts --out DIR      generate into DIR/src only
//   node scripts/gen-cdktn.ts --print-schema print the `providers schema -json` document (for other generators)

import { mkdtempSync, readdirSync, rmSync, cpSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packageSchema } from "../provider/schema.ts";
import { functionTypes, providerConfig, providerFunctions, resourceTypes, STATE_VERSION, type AttributeSpec, type BlockSpec } from "../provider/terraform/schema.ts";

/**
 * The provider's full address, the key the generator wants: the bindings write it as the
 * `required_providers` source (OpenTofu's registry host is what a bare `ovirt-vdi/ovirt` means there).
 */
export const PROVIDER_SOURCE = "registry.opentofu.org/ovirt-vdi/ovirt";
export const CDKTN_DIR = fileURLToPath(new URL("../sdk/cdktn/", import.meta.url));

/**
 * One attribute as `providers schema -json` prints it. An object-typed one is a nested attribute
 * (`nested_type`, no `type`), as GetProviderSchema serves it; the generator makes a typed struct of
 * it (and would throw "unexpected array" on the 3-element optional-attributes object type).
 */
function attributeJson(attribute: AttributeSpec): Record<string, unknown> {
  const nested = attribute.nested;
  const out: Record<string, unknown> = nested
    ? {
        nested_type: {
          attributes: Object.fromEntries(nested.attributes.map((a) => [a.name, attributeJson(a)])),
          nesting_mode: nested.nesting.toLowerCase(),
        },
      }
    : { type: attribute.type };
  Object.assign(out, { description: attribute.description, description_kind: "markdown" });
  if (attribute.required) out.required = true;
  if (attribute.optional) out.optional = true;
  if (attribute.computed) out.computed = true;
  if (attribute.sensitive) out.sensitive = true;
  return out;
}

function blockJson(spec: BlockSpec, version = 0): Record<string, unknown> {
  return {
    version,
    block: {
      attributes: Object.fromEntries(spec.attributes.map((a) => [a.name, attributeJson(a)])),
      description: spec.description,
      description_kind: "markdown",
    },
  };
}

/** The provider's schema as `providers schema -json` shows it. */
export function providerSchemaJson(): Record<string, unknown> {
  return {
    format_version: "1.0",
    // The generator pins this version in the bindings' required_providers.
    provider_versions: { [PROVIDER_SOURCE]: packageSchema.version },
    provider_schemas: {
      [PROVIDER_SOURCE]: {
        provider: blockJson(providerConfig),
        resource_schemas: Object.fromEntries([...resourceTypes].map(([name, spec]) => [name, blockJson(spec, STATE_VERSION)])),
        data_source_schemas: Object.fromEntries([...functionTypes].map(([name, fn]) => [name, blockJson(fn.dataSource)])),
        functions: Object.fromEntries(
          [...providerFunctions].map(([name, fn]) => [
            name,
            {
              description: fn.dataSource.description,
              summary: `The ${fn.resultProperty} of ${fn.dataSourceName}, as a function`,
              return_type: "string",
              parameters: [{ name: "settings", type: "dynamic", description: `The settings of ${fn.dataSourceName}, as an object.` }],
            },
          ]),
        ),
      },
    },
  };
}

/** Generates the bindings into `dir`/src (replacing it) and writes the index that re-exports them. */
export async function generateBindings(dir: string): Promise<void> {
  // Loading the generator runs a `terraform version` probe; point it nowhere and keep it quiet.
  process.env.TERRAFORM_BINARY_NAME ??= "/nonexistent/terraform";
  process.env.CHECKPOINT_DISABLE = "1";
  const { generateProviderBindingsFromSchema } = (await import("@cdktn/provider-generator")) as {
    generateProviderBindingsFromSchema: (target: string, schema: unknown) => Promise<void>;
  };
  const scratch = mkdtempSync(join(tmpdir(), "pulumi-ovirt-cdktn-"));
  try {
    await generateProviderBindingsFromSchema(scratch, providerSchemaJson());
    const generated = join(scratch, "providers", "ovirt");
    const src = join(dir, "src");
    rmSync(src, { recursive: true, force: true });
    mkdirSync(src, { recursive: true });
    cpSync(generated, src, { recursive: true });
    const namespaces = readdirSync(src, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    writeFileSync(
      join(dir, "index.ts"),
      [
        "// Generated by scripts/gen-cdktn.ts: re-exports each namespace of the generated bindings.",
        ...namespaces.map((name) => `export * as ${camel(name)} from "./src/${name}/index";`),
        "",
      ].join("\n"),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outAt = process.argv.indexOf("--out");
  if (process.argv.includes("--print-schema")) process.stdout.write(`${JSON.stringify(providerSchemaJson(), null, 2)}\n`);
  else await generateBindings(outAt > 0 ? process.argv[outAt + 1]! : CDKTN_DIR);
}
