// The tfplugin6 Provider service: Terraform's protocol only. It turns Terraform's calls into the
// same resource calls the Pulumi front end makes (check, diff, create, read, update, delete):
//
// - Terraform keeps one object per resource; its input attributes are the resource's last checked
//   inputs, the others its outputs. Optional inputs are also computed, so one left out of the
//   configuration keeps its value from the engine (the proposed new state carries it).
// - Plan: check (failures become diagnostics on the attribute), then diff and a preview create or
//   update, whose outputs fill the planned state; what the core cannot know yet is unknown.
//   A value the user wrote is planned exactly as written (Terraform insists), while the core
//   compares normalised values (for example `alice@internal` and `alice@internal-authz`).
// - Apply: create, update or delete. A partial failure still records the entity in the state,
//   with the error, so nothing is orphaned.
// - StopProvider aborts the waits in progress, as Pulumi's Cancel does.
// - Creation marker: Terraform sends no resource address, so a create's marker (the engine entity's
//   comment) is `terraform-ovirt: <owner>/<type>/<name>`, the owner being OVIRT_TERRAFORM_OWNER or
//   else the directory Terraform runs in. A create interrupted by a crash is adopted by the next
//   apply of the same configuration; a name held by anything else is a conflict, at plan already.

import type { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from "@grpc/grpc-js";
import { checkConfig, ConfigError, notConfigured, type ConfigKey } from "../config.ts";
import { saidOf, type Said } from "../hints.ts";
import type { Logger, Scrubber } from "../logging.ts";
import { holdsUnknown } from "../resources/check.ts";
import type { CheckFailure, FunctionHandler, PropertyMap, ResourceContext, ResourceHandler } from "../resources/types.ts";
import { PartialFailure, PropertyError, UNKNOWN } from "../resources/types.ts";
import { looksLikeBug, ProviderSession, type EngineFactory } from "../session.ts";
import { forTerraform } from "./hints.ts";
import type { Diagnostic, DynamicValue, FunctionDefinition, Schema, SchemaAttribute } from "./proto.ts";
import {
  attributeNames, functionByName, functionTypes, providerConfig, providerFunctions, resourceTypes, snakeCase, STATE_VERSION,
  type AttributeSpec, type BlockSpec, type FunctionSpecTf, type ProviderFunctionSpec, type ResourceTypeSpec,
} from "./schema.ts";
import { plannedValue, settledValue } from "./plan.ts";
import {
  decodeObject, decodeValue, encodeObject, encodeValue, toProperties, toTerraformValue, withoutUnknownFields, withoutUnknowns, type TfObject,
} from "./values.ts";

export type { EngineFactory } from "../session.ts";

export interface TerraformServiceOptions {
  resources: readonly ResourceHandler[];
  functions: readonly FunctionHandler[];
  engineFactory: EngineFactory;
  logger: Logger;
  scrubber: Scrubber;
  env: Record<string, string | undefined>;
  /** Aborted by StopProvider: waits in progress give up. */
  cancellation: AbortController;
}

type Handler = (call: ServerUnaryCall<Record<string, unknown>, unknown>, callback: sendUnaryData<unknown>) => void;

/** A resource call failed in a way the core explains to the user (not a bug). */
class UserError extends Error {
  readonly attribute?: string;
  constructor(message: string, attribute?: string) {
    super(message);
    this.name = "UserError";
    this.attribute = attribute;
  }
}

/** Property -> attribute names, nested fields included (for messages such as `disks[0].sizeGb`). */
function propertyNames(spec: BlockSpec): Map<string, string> {
  return attributeNames(spec.attributes);
}

/** `disks[0].size_gb` -> the steps disks, [0], size_gb. */
function attributePath(name: string | undefined): Diagnostic["attribute"] {
  if (!name) return undefined;
  const steps = [...name.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? { element_key_int: Number(m[2]) } : { attribute_name: m[1]! }));
  return { steps };
}

/** A core property path (`disks[0].sizeGb`) as the attribute path Terraform shows (`disks[0].size_gb`). */
function attributePathName(spec: BlockSpec, property: string): string {
  let fields: readonly AttributeSpec[] | undefined = spec.attributes;
  return property.replace(/[A-Za-z][A-Za-z0-9]*/g, (part) => {
    const attribute: AttributeSpec | undefined = fields?.find((a) => a.property === part);
    fields = attribute?.nested?.attributes;
    return attribute?.name ?? snakeCase(part);
  });
}

function isPartialFailure(error: unknown): error is PartialFailure {
  if (error instanceof PartialFailure) return true;
  const candidate = error as Partial<PartialFailure> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.id === "string" && candidate.id !== "" && Array.isArray(candidate.reasons);
}

/** A wholly known state: Terraform never stores unknowns, so an unknown left over becomes null. */
function known(object: TfObject): TfObject {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, withoutUnknowns(v)]));
}

/**
 * One attribute of GetProviderSchema. An object-typed one is a nested attribute (nested_type, no
 * type): its fields keep their own optional/computed/sensitive flags, which a plain object type
 * cannot carry, and HCL writes it as `disks = [{ name = "d", size_gb = 10 }]`.
 */
function schemaAttribute(attribute: AttributeSpec): SchemaAttribute {
  const nested = attribute.nested;
  return {
    name: attribute.name,
    type: nested ? Buffer.alloc(0) : Buffer.from(JSON.stringify(attribute.type)),
    ...(nested ? { nested_type: { attributes: nested.attributes.map(schemaAttribute), nesting: nested.nesting } } : {}),
    description: attribute.description,
    description_kind: "MARKDOWN",
    required: attribute.required,
    optional: attribute.optional,
    computed: attribute.computed,
    sensitive: attribute.sensitive,
  };
}

function schemaOf(spec: BlockSpec, version = 0): Schema {
  return {
    version,
    block: { version, attributes: spec.attributes.map(schemaAttribute), block_types: [], description: spec.description, description_kind: "MARKDOWN" },
  };
}

function functionDefinition(fn: ProviderFunctionSpec): FunctionDefinition {
  const settings = fn.inputs.attributes.map((a) => `\`${a.name}\`${a.required ? " (required)" : ""}`).join(", ");
  return {
    parameters: [{
      name: "settings",
      type: Buffer.from(JSON.stringify("dynamic")),
      allow_null_value: false,
      allow_unknown_values: false,
      description: `An object with the VM's settings, named as on the \`${fn.dataSourceName}\` data source: ${settings}.`,
      description_kind: "MARKDOWN",
    }],
    return: { type: Buffer.from(JSON.stringify("string")) },
    summary: `The ${fn.resultProperty} of ${fn.dataSourceName}, as a function`,
    description: fn.dataSource.description,
    description_kind: "MARKDOWN",
  };
}

/** The environment variable that names the owner in Terraform's creation markers. */
export const OWNER_ENV = "OVIRT_TERRAFORM_OWNER";

/**
 * The creation marker of a Terraform resource: deterministic, since Terraform gives no address, and
 * distinct per configuration (owner), resource type and name, which the engine keeps unique.
 */
export function terraformMarker(owner: string, typeName: string, name: unknown): string | undefined {
  return typeof name === "string" && name !== "" ? `terraform-ovirt: ${owner}/${typeName}/${name}` : undefined;
}

/** Private data of a planned replacement: the id of the entity being replaced. */
function replacedId(priv: Buffer | undefined): string | undefined {
  if (!priv || priv.length === 0) return undefined;
  try {
    const parsed = JSON.parse(priv.toString("utf8")) as { replaces?: unknown };
    return typeof parsed.replaces === "string" ? parsed.replaces : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the RPC adapters share, passed to each explicitly: the options, the session (configure,
 * context, errors), the handlers by token, and the owner written in creation markers.
 */
interface TerraformFront {
  readonly options: TerraformServiceOptions;
  readonly logger: Logger;
  readonly scrubber: Scrubber;
  readonly session: ProviderSession;
  readonly handlers: ReadonlyMap<string, ResourceHandler>;
  readonly functions: ReadonlyMap<string, FunctionHandler>;
  readonly signal: AbortSignal;
  /** Terraform starts the provider in its working directory: the root module of the configuration. */
  readonly owner: string;
}

function createFront(options: TerraformServiceOptions): TerraformFront {
  const { logger, scrubber } = options;
  const session = new ProviderSession({
    catalog: async () => ({ resources: options.resources, functions: options.functions, engineFactory: options.engineFactory }),
    logger,
    scrubber,
    env: options.env,
    cancellation: options.cancellation,
    requestLog: "debug",
    checkAtConfigure: false,
    failingEngineWhenMissing: false,
  });
  return {
    options, logger, scrubber, session,
    handlers: new Map(options.resources.map((h) => [h.token, h])),
    functions: new Map(options.functions.map((h) => [h.token, h])),
    signal: options.cancellation.signal,
    owner: options.env[OWNER_ENV]?.trim() || process.cwd(),
  };
}

// --- diagnostics, dispatch, values and secrets -----------------------------------------------------

/** `message`: plain text or the core's words with hints; `token` the resource it is about. */
function diagnostic(front: TerraformFront, message: Said | string, spec?: BlockSpec, attribute?: string, severity: Diagnostic["severity"] = "ERROR", token?: string): Diagnostic {
  const text = front.scrubber.scrub(forTerraform(message, spec ? propertyNames(spec) : undefined, token ?? (spec as { token?: string } | undefined)?.token));
  const summary = attribute ? `Invalid value for ${attribute}` : (text.split(/(?<=[.:])\s/)[0] ?? text);
  return { severity, summary, detail: text, attribute: attributePath(attribute) };
}

const attributeOf = (spec: BlockSpec, property: string) => spec.byProperty.get(property)?.name ?? attributePathName(spec, property);

function failureDiagnostics(front: TerraformFront, failures: readonly CheckFailure[], spec: BlockSpec, severity: Diagnostic["severity"] = "ERROR"): Diagnostic[] {
  return failures.map((f) => diagnostic(front, f.said ?? f.reason, spec, attributeOf(spec, f.property), severity));
}

function errorDiagnostic(front: TerraformFront, error: unknown, operation: string, spec?: BlockSpec): Diagnostic {
  if (looksLikeBug(error)) {
    const bug = error as Error;
    front.logger.error(`${operation} failed with an internal error: ${bug.stack ?? bug.message}`);
    return diagnostic(front, `${operation} failed with an internal error in the ovirt provider: ${bug.message} (the provider log, TF_LOG=debug, has the details)`);
  }
  if (error instanceof ConfigError) return diagnostic(front, error.said, providerConfig, snakeCase(error.property));
  if (isPartialFailure(error)) return diagnostic(front, error.said ?? error.reasons.join("; "), spec);
  const message = saidOf(error) ?? (error instanceof Error ? error.message : String(error));
  const attribute = error instanceof UserError ? error.attribute : error instanceof PropertyError && spec ? attributeOf(spec, error.property) : undefined;
  return diagnostic(front, message, spec, attribute);
}

/** Runs an RPC; a thrown error becomes an error diagnostic on `fallback`'s response. */
function rpc<Req>(front: TerraformFront, name: string, run: (req: Req) => Promise<Record<string, unknown>>, fallback: (req: Req, d: Diagnostic[]) => Record<string, unknown> = (_r, d) => ({ diagnostics: d })): Handler {
  return (call, callback) => {
    const req = call.request as Req;
    front.logger.debug(`${name}${(req as { type_name?: string }).type_name ? ` ${(req as { type_name?: string }).type_name}` : ""}`);
    run(req).then(
      (response) => callback(null, response),
      (error: unknown) => {
        const spec = resourceTypes.get((req as { type_name?: string }).type_name ?? "");
        const d = errorDiagnostic(front, error, name, spec);
        front.logger.info(`${name}: ${d.detail}`);
        callback(null, fallback(req, [d]));
      },
    );
  };
}

function resourceType(front: TerraformFront, typeName: string): { spec: ResourceTypeSpec; handler: ResourceHandler } {
  const spec = resourceTypes.get(typeName);
  const handler = spec ? front.handlers.get(spec.token) : undefined;
  if (!spec || !handler) throw new Error(`the ovirt provider has no resource type ${typeName}; it offers ${[...resourceTypes.keys()].join(", ")}`);
  return { spec, handler };
}

function dataSource(front: TerraformFront, typeName: string): { spec: FunctionSpecTf; handler: FunctionHandler } {
  const spec = functionTypes.get(typeName);
  const handler = spec ? front.functions.get(spec.token) : undefined;
  if (!spec || !handler) throw new Error(`the ovirt provider has no data source ${typeName}; it offers ${[...functionTypes.keys()].join(", ")}`);
  return { spec, handler };
}

/** `marker` is the creation marker of the resource's entity (see terraformMarker), if it has a name. */
function context(front: TerraformFront, label: string, preview: boolean, withEngine = true, marker?: string): ResourceContext {
  return front.session.context({ label, preview, withEngine, marker });
}

function markerOf(front: TerraformFront, typeName: string, object: TfObject | PropertyMap | null): string | undefined {
  return object ? terraformMarker(front.owner, typeName, object.name) : undefined;
}

function requireConfigured(front: TerraformFront, operation: string): void {
  if (front.signal.aborted) throw new Error(`${operation} refused: the provider was asked to stop`);
  if (front.session.missing) throw new Error(missingSettings(front.session.missing));
}

function objectOf(front: TerraformFront, dv: DynamicValue | null | undefined, spec: BlockSpec, what: string): TfObject | null {
  const value = decoded(front, dv, spec);
  if (value === UNKNOWN) throw new Error(`the ${what} is not known yet; the ovirt provider needs it to plan`);
  return value;
}

/** decodeObject, and every sensitive value in it (a sysprep password too) hidden from logs and messages. */
function decoded(front: TerraformFront, dv: DynamicValue | null | undefined, spec: BlockSpec): TfObject | null | typeof UNKNOWN {
  const value = decodeObject(dv, spec);
  if (value !== null && value !== UNKNOWN) hideSensitive(front, value, spec.attributes);
  return value;
}

function hideSensitive(front: TerraformFront, object: TfObject, attributes: readonly AttributeSpec[]): void {
  for (const attribute of attributes) {
    const value = object[attribute.name];
    if (value === null || value === undefined || value === UNKNOWN) continue;
    if (attribute.sensitive) front.session.hideSecret(value);
    else if (attribute.nested) {
      for (const entry of Array.isArray(value) ? value : [value]) {
        if (typeof entry === "object" && entry !== null) hideSensitive(front, entry as TfObject, attribute.nested.attributes);
      }
    }
  }
}

/**
 * The inputs held in a state, as the core normalises them: the last checked inputs. The check
 * runs without the engine, so it only applies the schema and the resource's own rules.
 */
async function storedInputs(front: TerraformFront, handler: ResourceHandler, state: TfObject, spec: ResourceTypeSpec): Promise<PropertyMap> {
  const raw = toProperties(state, spec, ["input"]);
  const checked = await handler.check({ news: raw, olds: {} }, context(front, spec.typeName, false, false)).catch(() => undefined);
  return checked && checked.failures.length === 0 ? checked.inputs : raw;
}

/** The core's value of an attribute: a nested one from the outputs first, which add the computed fields. */
function coreValue(attribute: AttributeSpec, inputs: PropertyMap, outputs: PropertyMap): unknown {
  const property = attribute.property;
  if (attribute.role !== "input") return outputs[property];
  return attribute.nested ? (outputs[property] ?? inputs[property]) : (inputs[property] ?? outputs[property]);
}

/** Inputs the configuration leaves to the engine show as unknown until the entity exists. */
function planned(spec: ResourceTypeSpec, config: TfObject, inputs: PropertyMap, outputs: PropertyMap, prior: TfObject | null, id: unknown): TfObject {
  const out: TfObject = {};
  for (const attribute of spec.attributes) {
    if (attribute.role === "id") out[attribute.name] = id;
    else {
      const written = attribute.role === "input" ? config[attribute.name] : null;
      out[attribute.name] = plannedValue(attribute, written, coreValue(attribute, inputs, outputs), prior ? (prior[attribute.name] ?? null) : undefined);
    }
  }
  return out;
}

/**
 * No change: the proposed state, except that nested attributes keep the prior value. Terraform
 * accepts a prior value for a configured one, and the core, not the position in the list, knows
 * which entry is which (a reordered list is no change, and keeps each entry's computed fields).
 */
function unchanged(spec: ResourceTypeSpec, proposed: TfObject, prior: TfObject): TfObject {
  const out: TfObject = { ...proposed };
  for (const attribute of spec.attributes) {
    if (attribute.nested && prior[attribute.name] !== null && prior[attribute.name] !== undefined) out[attribute.name] = prior[attribute.name];
  }
  return out;
}

/**
 * What the plan asks of the core: the proposed state, but a configured nested attribute as
 * written. Terraform fills a list entry's unset fields from the prior entry at the same position,
 * which is another entry once the list is reordered (a NIC would get both a network and a vNIC
 * profile); the core matches entries itself and fills unset fields by its own rules.
 */
function wantedOf(spec: ResourceTypeSpec, proposed: TfObject, config: TfObject): TfObject {
  const out: TfObject = { ...proposed };
  for (const attribute of spec.attributes) {
    if (attribute.nested && attribute.role === "input" && config[attribute.name] !== null && config[attribute.name] !== undefined) out[attribute.name] = config[attribute.name];
  }
  return out;
}

/** The state after an apply or read: what the user wrote where the core agrees, else the engine's values. */
function settled(spec: ResourceTypeSpec, id: string, outputs: PropertyMap, inputs: PropertyMap, keep: TfObject | null, keepInputs: PropertyMap): TfObject {
  const out: TfObject = {};
  for (const attribute of spec.attributes) {
    if (attribute.role === "id") out.id = id;
    else out[attribute.name] = settledValue(attribute, keep?.[attribute.name], keepInputs[attribute.property], coreValue(attribute, inputs, outputs));
  }
  return known(out);
}

function requiresReplace(spec: ResourceTypeSpec, properties: readonly string[]) {
  return properties.map((p) => ({ steps: [{ attribute_name: spec.byProperty.get(p)?.name ?? snakeCase(p) }] }));
}

// --- schema RPCs -------------------------------------------------------------------------------------

async function getMetadata(): Promise<Record<string, unknown>> {
  return {
    server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
    diagnostics: [],
    resources: [...resourceTypes.keys()].map((type_name) => ({ type_name })),
    data_sources: [...functionTypes.keys()].map((type_name) => ({ type_name })),
    functions: [...providerFunctions.keys()].map((name) => ({ name })),
  };
}

async function getProviderSchema(): Promise<Record<string, unknown>> {
  return {
    provider: schemaOf(providerConfig),
    resource_schemas: Object.fromEntries([...resourceTypes].map(([name, spec]) => [name, schemaOf(spec, STATE_VERSION)])),
    data_source_schemas: Object.fromEntries([...functionTypes].map(([name, fn]) => [name, schemaOf(fn.dataSource)])),
    functions: Object.fromEntries([...providerFunctions].map(([name, fn]) => [name, functionDefinition(fn)])),
    server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
    diagnostics: [],
  };
}

async function getFunctions(): Promise<Record<string, unknown>> {
  return {
    functions: Object.fromEntries([...providerFunctions].map(([name, fn]) => [name, functionDefinition(fn)])),
    diagnostics: [],
  };
}

// --- provider configuration RPCs ---------------------------------------------------------------------

async function validateProviderConfig(front: TerraformFront, req: { config: DynamicValue }): Promise<Record<string, unknown>> {
  const config = decodeObject(req.config, providerConfig);
  if (config === null || config === UNKNOWN) return { diagnostics: [] };
  const failures = checkConfig(toProperties(config, providerConfig), front.options.env);
  return { diagnostics: failureDiagnostics(front, failures, providerConfig) };
}

async function configureProvider(front: TerraformFront, req: { config: DynamicValue }): Promise<Record<string, unknown>> {
  const config = decoded(front, req.config, providerConfig);
  const args = config && config !== UNKNOWN ? toProperties(config, providerConfig) : {};
  await front.session.configure({ args });
  return { diagnostics: front.session.insecureHttp ? [diagnostic(front, front.session.insecureHttp, providerConfig, "url", "WARNING")] : [] };
}

// --- managed resource RPCs -------------------------------------------------------------------------

type TypeRequest = { type_name: string; config: DynamicValue };
type UpgradeRequest = { type_name: string; version: number; raw_state: { json?: Buffer; flatmap?: Record<string, string> } };
type ReadRequest = { type_name: string; current_state: DynamicValue; private: Buffer };
type PlanRequest = { type_name: string; prior_state: DynamicValue; proposed_new_state: DynamicValue; config: DynamicValue; prior_private: Buffer };
type ApplyRequest = { type_name: string; prior_state: DynamicValue; planned_state: DynamicValue; config: DynamicValue; planned_private: Buffer };

async function validateResourceConfig(front: TerraformFront, req: TypeRequest): Promise<Record<string, unknown>> {
  const { spec, handler } = resourceType(front, req.type_name);
  const config = decoded(front, req.config, spec);
  if (config === null || config === UNKNOWN) return { diagnostics: [] };
  // Without the engine: only the schema and the resource's own rules (plan checks the rest).
  const result = await handler.check({ news: toProperties(config, spec, ["input"]), olds: {} }, context(front, req.type_name, false, false));
  return { diagnostics: failureDiagnostics(front, result.failures, spec) };
}

async function upgradeResourceState(front: TerraformFront, req: UpgradeRequest): Promise<Record<string, unknown>> {
  const { spec } = resourceType(front, req.type_name);
  if (req.version > STATE_VERSION) {
    throw new Error(`the state of this ${req.type_name} was written by a newer ovirt provider (schema version ${req.version}; this one reads up to ${STATE_VERSION}): use that provider version or newer`);
  }
  const json = req.raw_state?.json;
  if (!json || json.length === 0) {
    throw new Error(`the state of this ${req.type_name} is in the flatmap form of Terraform 0.11 and older, which the ovirt provider never wrote; remove it with \`terraform state rm\` and import the entity again`);
  }
  const raw = JSON.parse(Buffer.from(json).toString("utf8")) as Record<string, unknown>;
  const dropped = Object.keys(raw).filter((key) => !spec.byName.has(key));
  if (dropped.length > 0) front.logger.info(`UpgradeResourceState ${req.type_name}: dropping attributes no longer in the schema: ${dropped.join(", ")}`);
  const upgraded = decodeObject({ json }, spec) as TfObject;
  return { upgraded_state: encodeObject(upgraded, spec), diagnostics: [] };
}

async function readResource(front: TerraformFront, req: ReadRequest): Promise<Record<string, unknown>> {
  const { spec, handler } = resourceType(front, req.type_name);
  const current = objectOf(front, req.current_state, spec, "current state");
  if (current === null) return { new_state: encodeObject(null, spec), diagnostics: [] };
  requireConfigured(front, `refresh of ${req.type_name}`);
  const olds = toProperties(current, spec);
  const oldInputs = await storedInputs(front, handler, current, spec);
  const id = String(current.id ?? "");
  const result = await handler.read({ id, olds, oldInputs }, context(front, `${req.type_name} ${id}`, false));
  if (!result) {
    front.logger.info(`${req.type_name} ${id} no longer exists in the engine: dropping it from the state`);
    return { new_state: encodeObject(null, spec), diagnostics: [], private: req.private };
  }
  return { new_state: encodeObject(settled(spec, result.id, result.outputs, result.inputs, current, oldInputs), spec), diagnostics: [], private: req.private };
}

async function planResourceChange(front: TerraformFront, req: PlanRequest): Promise<Record<string, unknown>> {
  const { spec, handler } = resourceType(front, req.type_name);
  const prior = objectOf(front, req.prior_state, spec, "prior state");
  const proposed = decoded(front, req.proposed_new_state, spec);
  // A destroy: nothing to plan.
  if (proposed === null) return { planned_state: req.proposed_new_state, requires_replace: [], diagnostics: [] };
  if (proposed === UNKNOWN) return { planned_state: req.proposed_new_state, requires_replace: [], diagnostics: [] };
  const config = objectOf(front, req.config, spec, "configuration") ?? proposed;
  const label = `${req.type_name}${prior ? ` ${String(prior.id)}` : ""}`;
  const oldInputs = prior ? await storedInputs(front, handler, prior, spec) : {};
  const checked = await handler.check({ news: toProperties(wantedOf(spec, proposed, config), spec, ["input"]), olds: oldInputs }, context(front, label, false, true, markerOf(front, req.type_name, proposed)));
  const warnings = failureDiagnostics(front, checked.warnings ?? [], spec, "WARNING");
  if (checked.failures.length > 0) {
    return { planned_state: req.proposed_new_state, requires_replace: [], diagnostics: [...failureDiagnostics(front, checked.failures, spec), ...warnings] };
  }
  const createPlan = async () => {
    const created = await handler.create({ inputs: checked.inputs }, context(front, label, true));
    return planned(spec, config, checked.inputs, created.outputs, null, UNKNOWN);
  };
  if (!prior) return { planned_state: encodeObject(await createPlan(), spec), requires_replace: [], diagnostics: warnings, planned_private: Buffer.alloc(0) };

  const id = String(prior.id ?? "");
  const olds = toProperties(prior, spec);
  const diff = await handler.diff({ id, olds, news: checked.inputs, oldInputs });
  if (!diff.changes) return { planned_state: encodeObject(unchanged(spec, proposed, prior), spec), requires_replace: [], diagnostics: [], planned_private: req.prior_private };
  if (diff.replaces.length > 0) {
    // The create half must never adopt the entity it replaces (create_before_destroy, same name).
    const planned_private = Buffer.from(JSON.stringify({ replaces: id }));
    return { planned_state: encodeObject(await createPlan(), spec), requires_replace: requiresReplace(spec, diff.replaces), diagnostics: warnings, planned_private };
  }
  const outputs = await handler.update({ id, olds, news: checked.inputs, oldInputs }, context(front, label, true));
  return { planned_state: encodeObject(planned(spec, config, checked.inputs, outputs, prior, id), spec), requires_replace: [], diagnostics: warnings, planned_private: req.prior_private };
}

/** An apply whose plan is null: delete the entity; an error keeps it in the state. */
async function applyDelete(front: TerraformFront, req: ApplyRequest, spec: ResourceTypeSpec, handler: ResourceHandler, prior: TfObject | null): Promise<Record<string, unknown>> {
  if (!prior) return { new_state: encodeObject(null, spec), diagnostics: [] };
  try {
    await handler.delete({ id: String(prior.id), olds: toProperties(prior, spec) }, context(front, `${req.type_name} ${String(prior.id)}`, false));
  } catch (error) {
    return { new_state: req.prior_state, diagnostics: [errorDiagnostic(front, error, `apply of ${req.type_name}`, spec)] };
  }
  return { new_state: encodeObject(null, spec), diagnostics: [] };
}

/** Inputs planned as unknown were left to the engine: the core gets them unset (inside a nested attribute, only the unknown fields). */
function wantedInputs(spec: ResourceTypeSpec, plan: TfObject): PropertyMap {
  return Object.fromEntries(
    Object.entries(toProperties(plan, spec, ["input"]))
      .map(([k, v]) => [k, spec.byProperty.get(k)?.nested ? withoutUnknownFields(v) : v] as const)
      .filter(([, v]) => !holdsUnknown(v)),
  );
}

async function applyResourceChange(front: TerraformFront, req: ApplyRequest): Promise<Record<string, unknown>> {
  const { spec, handler } = resourceType(front, req.type_name);
  const prior = objectOf(front, req.prior_state, spec, "prior state");
  const plan = objectOf(front, req.planned_state, spec, "planned state");
  const label = `${req.type_name}${prior ? ` ${String(prior.id)}` : ""}`;
  requireConfigured(front, `${plan === null ? "delete" : prior ? "update" : "create"} of ${req.type_name}`);
  if (plan === null) return applyDelete(front, req, spec, handler, prior);

  const oldInputs = prior ? await storedInputs(front, handler, prior, spec) : {};
  const wanted = wantedInputs(spec, plan);
  const marker = markerOf(front, req.type_name, wanted);
  const checked = await handler.check({ news: wanted, olds: oldInputs }, context(front, label, false, true, marker));
  if (checked.failures.length > 0) return { new_state: req.prior_state, diagnostics: failureDiagnostics(front, checked.failures, spec) };
  const inputsOf = (outputs: PropertyMap) => ({ ...checked.inputs, ...Object.fromEntries(Object.keys(checked.inputs).map((k) => [k, outputs[k] ?? checked.inputs[k]])) });

  try {
    if (!prior) {
      const created = await handler.create({ inputs: checked.inputs }, context(front, label, false, true, marker));
      const replaced = replacedId(req.planned_private);
      if (replaced !== undefined && created.id === replaced) {
        throw new UserError(
          `${req.type_name} "${String(checked.inputs.name)}" still holds its name (id ${replaced}): a replacement with the same name ` +
            "must destroy the old one first. Remove `create_before_destroy` from its lifecycle, or give the new one another name.",
          "name",
        );
      }
      return { new_state: encodeObject(settled(spec, created.id, created.outputs, inputsOf(created.outputs), plan, checked.inputs), spec), diagnostics: [], private: Buffer.alloc(0) };
    }
    const id = String(prior.id);
    const outputs = await handler.update({ id, olds: toProperties(prior, spec), news: checked.inputs, oldInputs }, context(front, label, false));
    return { new_state: encodeObject(settled(spec, id, outputs, inputsOf(outputs), plan, checked.inputs), spec), diagnostics: [], private: req.planned_private };
  } catch (error) {
    if (isPartialFailure(error)) {
      // The entity exists: keep it in the state with the error, so nothing is orphaned.
      const state = settled(spec, error.id, error.outputs, inputsOf(error.outputs), plan, checked.inputs);
      return { new_state: encodeObject(state, spec), diagnostics: [errorDiagnostic(front, error, `apply of ${req.type_name}`, spec)], private: Buffer.alloc(0) };
    }
    if (!prior) return { new_state: encodeObject(null, spec), diagnostics: [errorDiagnostic(front, error, `create of ${req.type_name}`, spec)] };
    return { new_state: req.prior_state, diagnostics: [errorDiagnostic(front, error, `apply of ${req.type_name}`, spec)] };
  }
}

async function importResourceState(front: TerraformFront, req: { type_name: string; id: string }): Promise<Record<string, unknown>> {
  const { spec, handler } = resourceType(front, req.type_name);
  requireConfigured(front, `import of ${req.type_name}`);
  const id = req.id.trim();
  const result = await handler.read({ id, olds: {}, oldInputs: {} }, context(front, `${req.type_name} ${id}`, false));
  if (!result) {
    throw new UserError(`${req.type_name} ${id} was not found in the engine: check the id (${req.type_name} is imported by the engine's id of the entity)`);
  }
  const state = settled(spec, result.id, result.outputs, result.inputs, null, {});
  return { imported_resources: [{ type_name: req.type_name, state: encodeObject(state, spec), private: Buffer.alloc(0) }], diagnostics: [] };
}

// --- data source and function RPCs -----------------------------------------------------------------

async function validateDataResourceConfig(front: TerraformFront, req: TypeRequest): Promise<Record<string, unknown>> {
  const { spec, handler } = dataSource(front, req.type_name);
  const config = decodeObject(req.config, spec.dataSource);
  if (config === null || config === UNKNOWN) return { diagnostics: [] };
  const result = await handler.invoke(toProperties(config, spec.dataSource, ["input"]), context(front, req.type_name, true, false)).catch(() => undefined);
  return { diagnostics: result ? failureDiagnostics(front, result.failures, spec.dataSource) : [] };
}

async function readDataSource(front: TerraformFront, req: TypeRequest): Promise<Record<string, unknown>> {
  const { spec, handler } = dataSource(front, req.type_name);
  const config = objectOf(front, req.config, spec.dataSource, "configuration") ?? {};
  const result = await handler.invoke(toProperties(config, spec.dataSource, ["input"]), context(front, req.type_name, false)).catch((error: unknown) => {
    // A lookup needs the engine: say which provider settings are missing, in Terraform's words.
    throw front.session.missing ? new Error(missingSettings(front.session.missing)) : error;
  });
  if (result.failures.length > 0) return { state: req.config, diagnostics: failureDiagnostics(front, result.failures, spec.dataSource) };
  const state: TfObject = {};
  for (const attribute of spec.dataSource.attributes) {
    // An input the lookup also answers (a cluster found by name gets its id) is filled in.
    state[attribute.name] = attribute.role === "output"
      ? toTerraformValue(attribute, result.outputs[attribute.property])
      : (config[attribute.name] ?? toTerraformValue(attribute, result.outputs[attribute.property]) ?? attribute.default ?? null);
  }
  return { state: encodeObject(state, spec.dataSource), diagnostics: [] };
}

/** A provider function: its errors are the function's own (text and argument), never diagnostics. */
function callFunction(front: TerraformFront): Handler {
  return (call, callback) => {
    const request = call.request as unknown as { name: string; arguments: DynamicValue[] };
    const fail = (text: string) => callback(null, { error: { text: front.scrubber.scrub(text), function_argument: 0 } });
    const fn = functionByName(request.name);
    const handler = fn ? front.functions.get(fn.token) : undefined;
    if (!fn || !handler) {
      callback(null, { error: { text: `the ovirt provider has no function ${request.name}` } });
      return;
    }
    void (async () => {
      const value = decodeValue(request.arguments[0], "dynamic");
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return fail(`${fn.functionName} takes one object of settings, such as { name = "desk-01", smartcard_enabled = true }`);
      }
      const unknownKeys = Object.keys(value).filter((key) => !fn.inputs.byName.has(key));
      if (unknownKeys.length > 0) {
        return fail(`${fn.functionName}: ${unknownKeys.map((k) => `\`${k}\``).join(", ")} ${unknownKeys.length === 1 ? "is not a setting" : "are not settings"}; known settings: ${fn.inputs.attributes.map((a) => a.name).join(", ")}`);
      }
      const result = await handler.invoke(toProperties(value as TfObject, fn.inputs, ["input"]), context(front, fn.functionName, false));
      if (result.failures.length > 0) {
        return fail(result.failures.map((f) => forTerraform(f.reason, propertyNames(fn.inputs))).join(" "));
      }
      callback(null, { result: encodeValue(result.outputs[fn.resultProperty] ?? null) });
    })().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
  };
}

async function stopProvider(front: TerraformFront): Promise<Record<string, unknown>> {
  front.options.cancellation.abort();
  front.logger.info("StopProvider: giving up the waits in progress");
  return { Error: "" };
}

/** The tfplugin6 Provider service: one named adapter per RPC over one explicit front-end state. */
export function createTerraformService(options: TerraformServiceOptions): UntypedServiceImplementation {
  const front = createFront(options);
  return {
    getMetadata: rpc(front, "GetMetadata", getMetadata),
    getProviderSchema: rpc(front, "GetProviderSchema", getProviderSchema),
    getFunctions: rpc(front, "GetFunctions", getFunctions),
    validateProviderConfig: rpc(front, "ValidateProviderConfig", (req: { config: DynamicValue }) => validateProviderConfig(front, req)),
    configureProvider: rpc(front, "ConfigureProvider", (req: { config: DynamicValue }) => configureProvider(front, req)),
    validateResourceConfig: rpc(front, "ValidateResourceConfig", (req: TypeRequest) => validateResourceConfig(front, req)),
    upgradeResourceState: rpc(front, "UpgradeResourceState", (req: UpgradeRequest) => upgradeResourceState(front, req)),
    readResource: rpc(front, "ReadResource", (req: ReadRequest) => readResource(front, req),
      (req, diagnostics) => ({ new_state: req.current_state, diagnostics, private: req.private })),
    planResourceChange: rpc(front, "PlanResourceChange", (req: PlanRequest) => planResourceChange(front, req),
      (req, diagnostics) => ({ planned_state: req.proposed_new_state, requires_replace: [], diagnostics })),
    applyResourceChange: rpc(front, "ApplyResourceChange", (req: ApplyRequest) => applyResourceChange(front, req),
      (req, diagnostics) => ({ new_state: req.prior_state, diagnostics })),
    importResourceState: rpc(front, "ImportResourceState", (req: { type_name: string; id: string }) => importResourceState(front, req)),
    validateDataResourceConfig: rpc(front, "ValidateDataResourceConfig", (req: TypeRequest) => validateDataResourceConfig(front, req)),
    readDataSource: rpc(front, "ReadDataSource", (req: TypeRequest) => readDataSource(front, req)),
    callFunction: callFunction(front),
    stopProvider: rpc(front, "StopProvider", () => stopProvider(front)),
  };
}

/** The error for a call that needs the engine when url, username or password are missing. */
export function missingSettings(missing: readonly ConfigKey[]): string {
  return forTerraform(notConfigured(missing));
}
