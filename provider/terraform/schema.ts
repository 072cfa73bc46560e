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
};

/**
 * Properties made of nested objects (a Vm's `disks` and `nics`, a template's) are not offered to
 * Terraform yet: they need nested attributes with optional and computed fields (a plain object type
 * makes every field required and breaks on the engine-given ids), which this front end does not map.
 * Left out, Terraform neither sets nor sees them, and the core manages none for Terraform resources.
 */
export function offeredToTerraform(spec: PropertySpec): boolean {
  const nested = spec.type === "array" && spec.items ? spec.items : spec;
  return objectProperties(nested) === undefined;
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
      description: describe(spec, names, spec.replaceOnChanges === true),
    });
  }
  for (const [property, spec] of Object.entries(outputs)) {
    if (property in inputs || !offeredToTerraform(spec)) continue;
    attributes.push({
      name: nameOf(property), property, role: "output", type: ctyTypeOf(spec), integer: spec.type === "integer",
      required: false, optional: false, computed: true, sensitive: spec.secret === true, forcesReplacement: false,
      description: describe(spec, names, false),
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
