// Renders the language-neutral examples of examples.ts into TypeScript, Python, Go, Pulumi YAML
// and Terraform/OpenTofu HCL. Names follow each SDK's rules (Python snake_case, Go Title case and
// `Lookup` for a get function whose name a resource also has), and the Terraform names come from
// the provider's own Terraform view of schema.json, so HCL can never use a name the provider lacks.

import {
  functionTypes, resourceTypes, snakeCase, type BlockSpec, type FunctionSpecTf, type ResourceTypeSpec,
} from "../../provider/terraform/schema.ts";
import { packageSchema, type PropertySpec } from "../../provider/schema.ts";
import type { Example, ExampleInvoke, ExampleResource, ExampleValue } from "./examples.ts";

export const LANGUAGES = ["typescript", "python", "go", "yaml", "hcl"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The Go import path of the SDK package (the module is one level up). */
export const GO_IMPORT = "github.com/ovirt-vdi/pulumi-ovirt/sdk/go/ovirt";

const shortName = (token: string): string => token.split(":")[2] ?? token;
const camel = (name: string): string => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const title = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const isRef = (v: ExampleValue): v is { ref: string; output: string } => typeof v === "object" && !Array.isArray(v);
const quote = (s: string): string => JSON.stringify(s);

function inputSpec(token: string, property: string): PropertySpec {
  const spec = packageSchema.resources[token]?.inputProperties?.[property] ?? packageSchema.functions?.[token]?.inputs?.properties?.[property];
  if (!spec) throw new Error(`example for ${token}: ${property} is not an input in schema.json`);
  return spec;
}

/** Go names a function `LookupX` when a resource is also called X, else `GetX`. */
export function goFunctionName(token: string): string {
  const name = title(shortName(token));
  const resource = name.replace(/^Get/, "");
  return name.startsWith("Get") && packageSchema.resources[`ovirt:index:${resource}`] ? `Lookup${resource}` : name;
}

const pythonName = (name: string): string => snakeCase(name);

/** Pads `key<sep>value` lines so the values line up, as gofmt and `tofu fmt` do. */
function aligned(pairs: [string, string][], indent: string, sep: string): string[] {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${indent}${k}${sep === ":" ? ":" + " ".repeat(width - k.length + 1) : " ".repeat(width - k.length) + " = "}${v}`);
}

function tsValue(v: ExampleValue): string {
  if (isRef(v)) return `${camel(v.ref)}.${v.output}`;
  return Array.isArray(v) ? `[${v.map(quote).join(", ")}]` : typeof v === "string" ? quote(v) : String(v);
}

function typescript(example: Example): string {
  const lines = ['import * as ovirt from "pulumi-ovirt";', ""];
  for (const call of example.invokes ?? []) {
    const args = Object.entries(call.arguments).map(([k, v]) => `${k}: ${tsValue(v)}`).join(", ");
    lines.push(`const ${camel(call.name)} = ovirt.${shortName(call.function)}Output({ ${args} });`);
  }
  for (const r of example.resources ?? []) {
    lines.push(`const ${camel(r.name)} = new ovirt.${shortName(r.type)}(${quote(r.name)}, {`);
    for (const [k, v] of Object.entries(r.properties)) lines.push(`    ${k}: ${tsValue(v)},`);
    lines.push("});");
  }
  lines.push("");
  const declared = new Set([...(example.invokes ?? []), ...(example.resources ?? [])].map((d) => camel(d.name)));
  for (const [name, v] of Object.entries(example.outputs)) {
    // An exported const may not reuse a variable's name (a SyntaxError only the run would show).
    if (declared.has(name)) throw new Error(`example output ${name} has the name of a variable; rename it in examples.ts`);
    lines.push(`export const ${name} = ${tsValue(v)};`);
  }
  return lines.join("\n") + "\n";
}

function pyValue(v: ExampleValue): string {
  if (isRef(v)) return `${pythonName(camel(v.ref))}.${pythonName(v.output)}`;
  if (Array.isArray(v)) return `[${v.map(quote).join(", ")}]`;
  return typeof v === "boolean" ? (v ? "True" : "False") : typeof v === "string" ? quote(v) : String(v);
}

function python(example: Example): string {
  const lines = ["import pulumi", "import pulumi_ovirt as ovirt", ""];
  for (const call of example.invokes ?? []) {
    const args = Object.entries(call.arguments).map(([k, v]) => `${pythonName(k)}=${pyValue(v)}`).join(", ");
    lines.push(`${pythonName(camel(call.name))} = ovirt.${pythonName(shortName(call.function))}_output(${args})`);
  }
  for (const r of example.resources ?? []) {
    lines.push(`${pythonName(camel(r.name))} = ovirt.${shortName(r.type)}(`, `    ${quote(r.name)},`);
    for (const [k, v] of Object.entries(r.properties)) lines.push(`    ${pythonName(k)}=${pyValue(v)},`);
    lines.push(")");
  }
  lines.push("");
  for (const [name, v] of Object.entries(example.outputs)) lines.push(`pulumi.export(${quote(name)}, ${pyValue(v)})`);
  return lines.join("\n") + "\n";
}

function goValue(token: string, property: string, v: ExampleValue): string {
  if (isRef(v)) return `${camel(v.ref)}.${title(v.output)}`;
  const spec = inputSpec(token, property);
  if (spec.$ref) return `ovirt.${spec.$ref.split(":").pop() ?? ""}(${quote(String(v))})`;
  if (Array.isArray(v)) return `pulumi.StringArray{${v.map((s) => `pulumi.String(${quote(s)})`).join(", ")}}`;
  if (typeof v === "string") return `pulumi.String(${quote(v)})`;
  if (typeof v === "boolean") return `pulumi.Bool(${String(v)})`;
  return spec.type === "integer" ? `pulumi.Int(${v})` : `pulumi.Float64(${v})`;
}

function goInvoke(call: ExampleInvoke): string[] {
  const fn = goFunctionName(call.function);
  const args = Object.entries(call.arguments).map(([k, v]): [string, string] => [`${title(k)}`, `${goValue(call.function, k, v)},`]);
  return [`\t\t${camel(call.name)} := ovirt.${fn}Output(ctx, ovirt.${fn}OutputArgs{`, ...aligned(args, "\t\t\t", ":"), "\t\t}, nil)"];
}

function goResource(r: ExampleResource): string[] {
  const fields = Object.entries(r.properties).map(([k, v]): [string, string] => [title(k), `${goValue(r.type, k, v)},`]);
  return [
    `\t\t${camel(r.name)}, err := ovirt.New${shortName(r.type)}(ctx, ${quote(r.name)}, &ovirt.${shortName(r.type)}Args{`,
    ...aligned(fields, "\t\t\t", ":"),
    "\t\t})",
    "\t\tif err != nil {",
    "\t\t\treturn err",
    "\t\t}",
  ];
}

function go(example: Example): string {
  const body = [...(example.invokes ?? []).flatMap(goInvoke), ...(example.resources ?? []).flatMap(goResource)];
  const invoked = new Set((example.invokes ?? []).map((c) => c.name));
  for (const [name, v] of Object.entries(example.outputs)) {
    // A lookup's result is an output object: its fields are methods.
    body.push(`\t\tctx.Export(${quote(name)}, ${camel(v.ref)}.${title(v.output)}${invoked.has(v.ref) ? "()" : ""})`);
  }
  return [
    "package main",
    "",
    "import (",
    `\t"${GO_IMPORT}"`,
    '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
    ")",
    "",
    "func main() {",
    "\tpulumi.Run(func(ctx *pulumi.Context) error {",
    ...body,
    "\t\treturn nil",
    "\t})",
    "}",
    "",
  ].join("\n");
}

function yamlScalar(v: ExampleValue): string {
  if (isRef(v)) return `\${${v.ref}.${v.output}}`;
  if (Array.isArray(v)) return `[${v.map(quote).join(", ")}]`;
  return typeof v === "string" && /^[A-Za-z][\w.-]*$/.test(v) && !/^(true|false|yes|no|null)$/i.test(v) ? v : JSON.stringify(v);
}

/** The program's sections (`variables`, `resources`, `outputs`), without the project header. */
function yaml(example: Example): string {
  const lines: string[] = [];
  if (example.invokes?.length) {
    lines.push("variables:");
    for (const call of example.invokes) {
      lines.push(`  ${call.name}:`, "    fn::invoke:", `      function: ovirt:${shortName(call.function)}`, "      arguments:");
      for (const [k, v] of Object.entries(call.arguments)) lines.push(`        ${k}: ${yamlScalar(v)}`);
    }
  }
  if (example.resources?.length) {
    lines.push("resources:");
    for (const r of example.resources) {
      lines.push(`  ${r.name}:`, `    type: ovirt:${shortName(r.type)}`, "    properties:");
      for (const [k, v] of Object.entries(r.properties)) lines.push(`      ${k}: ${yamlScalar(v)}`);
    }
  }
  lines.push("outputs:");
  for (const [name, v] of Object.entries(example.outputs)) lines.push(`  ${name}: ${yamlScalar(v)}`);
  return lines.join("\n") + "\n";
}

const hclLabel = (name: string): string => name.replace(/-/g, "_");

/** The Terraform resource type of a schema token (`ovirt:index:Vm` -> its `ovirt_vm` spec). */
export function terraformResource(token: string): ResourceTypeSpec | undefined {
  return [...resourceTypes.values()].find((spec) => spec.token === token);
}

/** The Terraform data source of a schema function token. */
export function terraformDataSource(token: string): FunctionSpecTf | undefined {
  return [...functionTypes.values()].find((spec) => spec.token === token);
}

function hclAttribute(block: BlockSpec, owner: string, property: string): string {
  const attribute = block.byProperty.get(property);
  if (!attribute) throw new Error(`example for ${owner}: ${property} has no Terraform attribute`);
  return attribute.name;
}

function hcl(example: Example): string {
  const lines: string[] = [];
  const addresses = new Map<string, { address: string; block: BlockSpec; token: string }>();
  const hclValue = (v: ExampleValue): string => {
    if (!isRef(v)) return Array.isArray(v) ? `[${v.map(quote).join(", ")}]` : typeof v === "string" ? quote(v) : String(v);
    const target = addresses.get(v.ref);
    if (!target) throw new Error(`example reference to ${v.ref} before it is declared`);
    return `${target.address}.${hclAttribute(target.block, target.token, v.output)}`;
  };
  for (const call of example.invokes ?? []) {
    const spec = terraformDataSource(call.function);
    if (!spec) throw new Error(`${call.function} has no Terraform data source`);
    const args = Object.entries(call.arguments).map(([k, v]): [string, string] => [hclAttribute(spec.dataSource, call.function, k), hclValue(v)]);
    lines.push(`data "${spec.dataSourceName}" "${hclLabel(call.name)}" {`, ...aligned(args, "  ", "="), "}", "");
    addresses.set(call.name, { address: `data.${spec.dataSourceName}.${hclLabel(call.name)}`, block: spec.dataSource, token: call.function });
  }
  for (const r of example.resources ?? []) {
    const spec = terraformResource(r.type);
    if (!spec) throw new Error(`${r.type} has no Terraform resource type`);
    const args = Object.entries(r.properties).map(([k, v]): [string, string] => [hclAttribute(spec, r.type, k), hclValue(v)]);
    lines.push(`resource "${spec.typeName}" "${hclLabel(r.name)}" {`, ...aligned(args, "  ", "="), "}", "");
    addresses.set(r.name, { address: `${spec.typeName}.${hclLabel(r.name)}`, block: spec, token: r.type });
  }
  for (const [name, v] of Object.entries(example.outputs)) lines.push(`output "${snakeCase(name)}" {`, `  value = ${hclValue(v)}`, "}", "");
  return lines.join("\n").replace(/\n$/, "");
}

export function render(example: Example, language: Language): string {
  switch (language) {
    case "typescript": return typescript(example);
    case "python": return python(example);
    case "go": return go(example);
    case "yaml": return yaml(example);
    case "hcl": return hcl(example);
  }
}
