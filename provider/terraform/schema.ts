// The Terraform view of schema.json: every resource and function property becomes an attribute
// with a snake_case name, a cty type, its description, and required/optional/computed/sensitive
// flags. Nothing here is written by hand per attribute: a new property in schema.json appears in
// Terraform as it does in the Pulumi SDK. A test compares the result with schema.json.

import { enumValues, objectProperties, packageSchema, type PropertySpec } from "../schema.ts";
import { TERRAFORM_NAMES } from "../shapes.generated.ts";

const generatedNames: Record<string, { type: string; attributes: Record<string, string> } | undefined> = TERRAFORM_NAMES;

/** cty type constraints as they travel in the protocol (JSON). */
export type CtyType =
  | "string" | "number" | "bool" | "dynamic" | ["list", CtyType] | ["map", CtyType]
  | ["object", Record<string, CtyType>];

/** A nested attribute's object (tfplugin6 Schema.Object): one object, or a list of them. */
export interface NestedSpec {
  nesting: "SINGLE" | "LIST";
  attributes: AttributeSpec[];
  byName: ReadonlyMap<string, AttributeSpec>;
}

export interface AttributeSpec {
  /** The Terraform attribute name, e.g. `memory_mb`. */
  name: string;
  /** The schema.json property name, e.g. `memoryMb`; `id` for the resource id. */
  property: string;
  /** An input the configuration may set, or an output only the provider sets. */
  role: "input" | "output" | "id";
  type: CtyType;
  /** Terraform's integer check: `number` attributes that schema.json says are integers. */
  integer: boolean;
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
  /** `replaceOnChanges` in schema.json: a change shows as `# forces replacement`. */
  forcesReplacement: boolean;
  /** schema.json's default, when it has one. */
  default?: unknown;
  description: string;
  /** An object-typed property (`$ref` to an object type, or a list of them): a nested attribute. */
  nested?: NestedSpec;
}

export interface BlockSpec {
  attributes: AttributeSpec[];
  description: string;
  byName: ReadonlyMap<string, AttributeSpec>;
  byProperty: ReadonlyMap<string, AttributeSpec>;
}

export interface ResourceTypeSpec extends BlockSpec {
  /** `ovirt_vm` */
  typeName: string;
  /** `ovirt:index:Vm` */
  token: string;
}

/** A schema.json function as Terraform sees it: a data source, and for pure ones a provider function too. */
export interface FunctionSpecTf {
  token: string;
  /** The data source offering the call as attributes (`ovirt_domain_xml`, `ovirt_cluster`). */
  dataSourceName: string;
  /** The provider function's name (`provider::ovirt::preview_domain_xml`); lookups have none. */
  functionName?: string;
  /** The output the provider function returns. */
  resultProperty?: string;
  /** The data source: the inputs, plus the outputs as computed attributes. */
  dataSource: BlockSpec;
  inputs: BlockSpec;
}

export interface ProviderFunctionSpec extends FunctionSpecTf {
  functionName: string;
  resultProperty: string;
}

/** The provider's local name and the type prefix of every resource. */
export const PROVIDER_NAME = "ovirt";

/** The state schema version; UpgradeResourceState accepts this one and older. */
export const STATE_VERSION = 0;

/**
 * Optional inputs where "unset" means something of its own, so Terraform must not fill them from
 * the last state: a console policy targets exactly one of a VM and a pool, and its unset
 * `smartcardEnabled` means "follow the target". Every other optional input is also computed: left
 * out of the configuration, it takes the engine's value (an imported VM plans with no diff).
 */
const NOT_COMPUTED: Record<string, readonly string[]> = {
  "ovirt:index:ConsolePolicy": ["vmId", "poolId", "smartcardEnabled"],
};

/**
 * schema.json's functions as Terraform offers them: each as a data source, and the pure ones also
 * as a provider function. The lookups are data sources only: Terraform calls provider functions
 * before the provider is configured (so there is no engine to ask), and expects them to give the
 * same answer for the same arguments, which a read of the engine does not.
 */
const FUNCTIONS: Record<string, { dataSourceName: string; functionName?: string; resultProperty?: string }> = {
  "ovirt:index:previewDomainXml": { dataSourceName: "ovirt_domain_xml", functionName: "preview_domain_xml", resultProperty: "xml" },
  "ovirt:index:getCluster": { dataSourceName: "ovirt_cluster" },
  "ovirt:index:getTemplate": { dataSourceName: "ovirt_template" },
  "ovirt:index:getVm": { dataSourceName: "ovirt_vm" },
  "ovirt:index:getPool": { dataSourceName: "ovirt_pool" },
  "ovirt:index:getGroup": { dataSourceName: "ovirt_group" },
  "ovirt:index:getUser": { dataSourceName: "ovirt_user" },
};

/**
 * Every schema.json property is offered to Terraform; object types (a Vm's `disks` and `nics`, a
 * template's) become nested attributes. Kept as a predicate so the schema test states it.
 */
export function offeredToTerraform(_spec: PropertySpec): boolean {
  return true;
}

/**
 * A field of an object type that only the provider sets (a disk's `diskId`, a NIC's `macAddress`):
 * schema.json object types have no output flag, so their descriptions say it, starting "Output:".
 * Terraform needs to know, because a configured value of a computed-only attribute is an error.
 */
export function isNestedOutput(spec: PropertySpec): boolean {
  return /^Output:/.test(spec.description ?? "");
}

/** `memoryMb` -> `memory_mb`, `caFile` -> `ca_file`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z])([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

/** `ovirt:index:ConsolePolicy` -> `ovirt_console_policy` (from the generated shapes when listed there). */
export function resourceTypeName(token: string): string {
  const name = token.split(":").pop() ?? token;
  return generatedNames[token]?.type ?? `${PROVIDER_NAME}_${snakeCase(name)}`;
}

export function ctyTypeOf(spec: PropertySpec): CtyType {
  if (spec.$ref) {
    if (enumValues(spec)) return "string";
    const object = objectProperties(spec);
    if (object) {
      const names = Object.keys(object.properties);
      return ["object", Object.fromEntries(names.map((n) => [snakeCase(n), ctyTypeOf(object.properties[n]!)]))];
    }
    throw new Error(`schema.json: ${spec.$ref} is not a string enum; the Terraform front end cannot map it`);
  }
  switch (spec.type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "bool";
    case "array":
      return ["list", spec.items ? ctyTypeOf(spec.items) : "string"];
    case "object":
      return ["map", "string"];
    default:
      throw new Error(`schema.json: property type ${String(spec.type)} has no Terraform type`);
  }
}

/**
 * The nested attributes of an object-typed property, or undefined for a plain one. `computedOnly`
 * (an output of the resource, such as a template's `disks`) makes every field computed-only, as
 * Terraform wants inside a computed-only attribute. Optional fields are computed too: Terraform
 * then takes the provider's default (`interface` = "virtio_scsi") instead of insisting on null.
 */
export function nestedSpecOf(spec: PropertySpec, computedOnly: boolean): NestedSpec | undefined {
  const list = spec.type === "array" && spec.items !== undefined;
  const object = objectProperties(list ? spec.items! : spec);
  if (!object) return undefined;
  const names = new Map(Object.keys(object.properties).map((p) => [p, snakeCase(p)]));
  const attributes = Object.entries(object.properties).map(([property, field]): AttributeSpec => {
    const output = computedOnly || isNestedOutput(field);
    const required = !output && object.required.includes(property) && field.default === undefined;
    return {
      name: snakeCase(property), property, role: output ? "output" : "input", type: ctyTypeOf(field), integer: field.type === "integer",
      required, optional: !output && !required, computed: !required, sensitive: field.secret === true,
      forcesReplacement: field.replaceOnChanges === true, default: field.default,
      description: describe(field, withFieldNames(names, field), false), nested: nestedSpecOf(field, output),
    };
  });
  return { nesting: list ? "LIST" : "SINGLE", attributes, byName: new Map(attributes.map((a) => [a.name, a])) };
}

/** `names` plus the fields of an object-typed `spec`, which its description may name too. */
function withFieldNames(names: ReadonlyMap<string, string>, spec: PropertySpec): ReadonlyMap<string, string> {
  const object = objectProperties(spec.type === "array" && spec.items !== undefined ? spec.items : spec);
  if (!object) return names;
  return new Map([...Object.keys(object.properties).map((p): [string, string] => [p, snakeCase(p)]), ...names]);
}

/** Property -> attribute names of a block and, at every depth, of its nested attributes. */
export function attributeNames(attributes: readonly AttributeSpec[], into = new Map<string, string>()): Map<string, string> {
  for (const a of attributes) {
    if (!into.has(a.property)) into.set(a.property, a.name);
    if (a.nested) attributeNames(a.nested.attributes, into);
  }
  return into;
}

/** Backticked camelCase property names in a text become the Terraform attribute names. */
export function terraformText(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(/`([A-Za-z][A-Za-z0-9]*)([^`]*)`/g, (whole, name: string, rest: string) => {
    const snake = names.get(name);
    return snake ? `\`${snake}${rest.replace(/:\s*/, " = ")}\`` : whole;
  });
}

function describe(spec: PropertySpec, names: ReadonlyMap<string, string>, forcesReplacement: boolean): string {
  let text = terraformText(spec.description ?? "", names);
  const values = enumValues(spec);
  if (values && !text.includes(`"${values[0]}"`)) text += ` One of ${values.map((v) => `"${v}"`).join(", ")}.`;
  if (spec.default !== undefined) text += ` Defaults to \`${JSON.stringify(spec.default)}\`.`;
  if (forcesReplacement && !/replace/i.test(text)) text += " Changing it replaces the resource.";
  return text.trim();
}

function block(
  description: string,
  inputs: Record<string, PropertySpec>,
  required: readonly string[],
  outputs: Record<string, PropertySpec>,
  options: { notComputed?: readonly string[]; withId?: boolean; inputsComputed?: boolean; attributeNames?: Record<string, string> },
): BlockSpec {
  const nameOf = (property: string) => options.attributeNames?.[property] ?? snakeCase(property);
  const names = new Map<string, string>([...Object.keys(inputs), ...Object.keys(outputs)].map((p) => [p, nameOf(p)]));
  const attributes: AttributeSpec[] = [];
  if (options.withId) {
    attributes.push({
      name: "id", property: "id", role: "id", type: "string", integer: false, required: false, optional: false, computed: true,
      sensitive: false, forcesReplacement: false, description: "The engine's id of the entity; `terraform import` takes it.",
    });
  }
  for (const [property, spec] of Object.entries(inputs)) {
    if (!offeredToTerraform(spec)) continue;
    const isRequired = required.includes(property) && spec.default === undefined;
    const computed = !isRequired && options.inputsComputed !== false && !(options.notComputed ?? []).includes(property);
    attributes.push({
      name: nameOf(property), property, role: "input", type: ctyTypeOf(spec), integer: spec.type === "integer",
      required: isRequired, optional: !isRequired, computed,
      sensitive: spec.secret === true || outputs[property]?.secret === true,
      forcesReplacement: spec.replaceOnChanges === true, default: spec.default,
      description: describe(spec, withFieldNames(names, spec), spec.replaceOnChanges === true), nested: nestedSpecOf(spec, false),
    });
  }
  for (const [property, spec] of Object.entries(outputs)) {
    if (property in inputs || !offeredToTerraform(spec)) continue;
    attributes.push({
      name: nameOf(property), property, role: "output", type: ctyTypeOf(spec), integer: spec.type === "integer",
      required: false, optional: false, computed: true, sensitive: spec.secret === true, forcesReplacement: false,
      description: describe(spec, withFieldNames(names, spec), false), nested: nestedSpecOf(spec, true),
    });
  }
  return {
    attributes,
    description: terraformText(description, names),
    byName: new Map(attributes.map((a) => [a.name, a])),
    byProperty: new Map(attributes.map((a) => [a.property, a])),
  };
}

function buildResources(): Map<string, ResourceTypeSpec> {
  const out = new Map<string, ResourceTypeSpec>();
  for (const [token, spec] of Object.entries(packageSchema.resources)) {
    const typeName = resourceTypeName(token);
    const shape = block(spec.description ?? "", spec.inputProperties, spec.requiredInputs ?? [], spec.properties, {
      notComputed: NOT_COMPUTED[token],
      withId: true,
      attributeNames: generatedNames[token]?.attributes,
    });
    out.set(typeName, { ...shape, typeName, token });
  }
  return out;
}

function buildFunctions(): Map<string, FunctionSpecTf> {
  const out = new Map<string, FunctionSpecTf>();
  for (const [token, names] of Object.entries(FUNCTIONS)) {
    const spec = packageSchema.functions[token];
    if (!spec) throw new Error(`schema.json has no function ${token}`);
    const required = spec.inputs.required ?? [];
    out.set(names.dataSourceName, {
      token,
      ...names,
      // A data source shows the defaults it applied, so its optional inputs are computed too.
      dataSource: block(spec.description ?? "", spec.inputs.properties, required, spec.outputs.properties, {}),
      inputs: block(spec.description ?? "", spec.inputs.properties, required, {}, { inputsComputed: false }),
    });
  }
  return out;
}

function buildProviderConfig(): BlockSpec {
  const variables = (packageSchema.config as { variables?: Record<string, PropertySpec> } | undefined)?.variables ?? {};
  const withEnv = Object.fromEntries(
    Object.entries(variables).map(([name, spec]) => {
      const env = (spec as { defaultInfo?: { environment?: string[] } }).defaultInfo?.environment ?? [];
      const fallback = env.length > 0 ? ` Falls back to the \`${env.join("`, `")}\` environment variable.` : "";
      return [name, { ...spec, description: `${spec.description ?? ""}${fallback}` }];
    }),
  );
  return block("The oVirt engine to manage.", withEnv, [], {}, { inputsComputed: false });
}

/** Resources by Terraform type name. */
export const resourceTypes: ReadonlyMap<string, ResourceTypeSpec> = buildResources();
/** Functions as data sources, by data source name. */
export const functionTypes: ReadonlyMap<string, FunctionSpecTf> = buildFunctions();
/** The functions that are also provider functions, by function name. */
export const providerFunctions: ReadonlyMap<string, ProviderFunctionSpec> = new Map(
  [...functionTypes.values()].flatMap((fn) => (fn.functionName && fn.resultProperty ? [[fn.functionName, fn as ProviderFunctionSpec] as const] : [])),
);
export const providerConfig: BlockSpec = buildProviderConfig();

export function functionByName(name: string): ProviderFunctionSpec | undefined {
  return providerFunctions.get(name);
}

/** The object type of a block, for values that must be encoded as a whole. */
export function objectType(spec: BlockSpec): ["object", Record<string, CtyType>] {
  return ["object", Object.fromEntries(spec.attributes.map((a) => [a.name, a.type]))];
}
