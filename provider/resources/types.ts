// The contract between the front ends (provider/pulumi/, provider/terraform/) and the per-resource
// files: a front end speaks its protocol and hands each resource plain JavaScript values; a
// resource knows oVirt and nothing of gRPC.
//
// Values: property maps are plain objects keyed by the schema's camelCase names. The server
// unwraps secrets before calling a resource (and marks secret outputs again from schema.json),
// so resources never see secret sentinels. During preview an input may be the UNKNOWN string.

import type { EngineClient } from "../engine/index.ts";
import { neutralHint, word, type Said } from "../hints.ts";
import type { PlannedSettings } from "./plans.ts";

/**
 * The core's marker for a value that is not known until apply (it may appear during preview). Each
 * front end turns its own protocol's unknown into this and back (provider/pulumi/values.ts,
 * provider/terraform/values.ts).
 */
export const UNKNOWN: Unknown = "(ovirt: known after apply)" as Unknown;
/**
 * The type of UNKNOWN: it may stand in any typed field of inputs or state during preview (a number,
 * a list), so it is typed as fitting all of them; code that reads a field that may be unknown tests
 * isKnown first.
 */
export type Unknown = never;

/**
 * Values by property name, as the front ends decode them from the wire, and as the one registry
 * boundary erases a typed resource (ResourceHandler below). Resource code uses the generated types,
 * RawInputs (before check) or SchemaChecked (inside check) instead.
 */
export type PropertyMap = Record<string, unknown>;

export interface CheckFailure {
  /** The schema name of the offending input, e.g. `smartcardEnabled`. */
  property: string;
  /** What is wrong and how to fix it, written for the person reading the plan (hints in neutral words). */
  reason: string;
  /** The reason with its hints, for the front ends to word (see provider/hints.ts); absent when it has none. */
  said?: Said;
  /** From a check rule: the engine takes the value, so checkInputs files this under warnings, not failures. */
  warning?: boolean;
}

/** A failure whose reason holds hints (a command or a setting to point at). */
export function failureSaying(property: string, said: Said): CheckFailure {
  return { property, reason: word(said, neutralHint), said };
}

export interface CheckResult<I extends object> {
  /** The inputs with defaults applied: what Diff, Create and Update will receive. */
  inputs: I;
  failures: CheckFailure[];
  /**
   * What may still change before the create runs (a template this deployment creates first):
   * shown as warnings on the property, never blocking a preview or a plan.
   */
  warnings?: CheckFailure[];
}

export type DiffKind = "add" | "add-replace" | "delete" | "delete-replace" | "update" | "update-replace";

export interface DiffResult {
  changes: boolean;
  /** Top-level properties whose change forces a replacement. */
  replaces: string[];
  /** Property path to kind of change; the CLI shows exactly these. */
  detailedDiff: Record<string, DiffKind>;
  /** Delete the old resource first (when the engine would refuse two with the same name). */
  deleteBeforeReplace: boolean;
  /** Shown in the plan as warnings on the resource: what the change costs (e.g. desktops a replace deletes). */
  warnings?: string[];
}

export interface ResourceContext {
  /**
   * The engine client, built at Configure. Undefined only when the provider configuration is not
   * known yet (preview with unknown config): then a resource must not need the engine.
   */
  engine: EngineClient | undefined;
  /** True during `pulumi preview`: compute what can be known, touch nothing. */
  preview: boolean;
  /** Diagnostic line for the engine log (stderr); never pass secrets. */
  log: (message: string) => void;
  /**
   * Aborted when Pulumi cancels the operation (Cancel, e.g. on Ctrl-C). Waits give up at once, so a
   * create answers with a partial failure that keeps the id instead of holding the run for minutes.
   */
  signal: AbortSignal;
  /** Settings this run plans for engine entities (see plans.ts); shared by every call of one provider. */
  plans: PlannedSettings;
  /**
   * The resource's URN (empty for functions). Entities a create makes carry it as their marker
   * (see creationMarker), so an interrupted create can be recognised and adopted.
   */
  urn: string;
  /**
   * A creation marker given by a front end that has no resource address (Terraform): it replaces
   * the one derived from `urn` (see creationMarker).
   */
  marker?: string;
}

export interface CreateResult<S extends object> {
  /** The engine id; empty during preview. */
  id: string;
  outputs: S;
}

export interface ReadResult<I extends object, S extends object> {
  id: string;
  outputs: S;
  /** The inputs that would reproduce this state (used by refresh and import). */
  inputs: I;
}

declare const SIDE: unique symbol;
/**
 * What the last deployment recorded (its state or its checked inputs), and what this one asks
 * for. The two carry different (phantom) marks, so passing new inputs where old ones are expected,
 * or the other way round, does not compile; a plain value is accepted as either.
 */
export type Old<T> = T & { readonly [SIDE]?: "old" };
export type New<T> = T & { readonly [SIDE]?: "new" };

/**
 * Inputs as the program wrote them, before check: the one place values are untyped, because they
 * have not been validated yet (checkInputs validates them against schema.json and makes them an I).
 */
export type RawInputs = Record<string, unknown>;

/**
 * Inputs that passed the schema (defaults applied, UNKNOWN left in place) but are not an I yet: what
 * check rules see. A rule is shared by several resources and reads properties by name.
 */
export type SchemaChecked = Record<string, unknown>;

/** The request of each lifecycle method, its fields named and typed (I: checked inputs, S: state). */
export interface CheckRequest<I extends object> {
  news: RawInputs;
  /** The last checked inputs; empty for a create. */
  olds: Old<Partial<I>>;
}
export interface DiffRequest<I extends object, S extends object> {
  id: string;
  /** The last state (outputs). */
  olds: Old<S>;
  /** The new checked inputs. */
  news: New<I>;
  /** The last checked inputs. */
  oldInputs: Old<I>;
}
export interface CreateRequest<I extends object> {
  inputs: New<I>;
}
export interface ReadRequest<I extends object, S extends object> {
  id: string;
  /** The state held, empty for an import. */
  olds: Old<Partial<S>>;
  /** The inputs held, empty for an import. */
  oldInputs: Old<Partial<I>>;
}
export type UpdateRequest<I extends object, S extends object> = DiffRequest<I, S>;
export interface DeleteRequest<S extends object> {
  id: string;
  olds: Old<S>;
}

/**
 * A resource: a typed controller over its checked inputs I and its state S (the generated types
 * of provider/shapes.generated.ts). The types are erased once, at the registry (served()).
 */
export interface Resource<I extends object, S extends object> {
  /** Type token, e.g. `ovirt:index:Vm`. */
  readonly token: string;
  /** What a person calls it in a sentence, e.g. `VM`, `Console policy`. */
  readonly label: string;
  /** Validates and applies defaults. May read the engine (e.g. a ConsolePolicy's target), never write. */
  check(request: CheckRequest<I>, ctx: ResourceContext): Promise<CheckResult<I>>;
  diff(request: DiffRequest<I, S>): Promise<DiffResult>;
  create(request: CreateRequest<I>, ctx: ResourceContext): Promise<CreateResult<S>>;
  /** Undefined when the entity no longer exists (refresh then drops it; import reports not found). */
  read(request: ReadRequest<I, S>, ctx: ResourceContext): Promise<ReadResult<I, S> | undefined>;
  update(request: UpdateRequest<I, S>, ctx: ResourceContext): Promise<S>;
  delete(request: DeleteRequest<S>, ctx: ResourceContext): Promise<void>;
}

/** A resource as the front ends see it: plain property maps. */
export type ResourceHandler = Resource<PropertyMap, PropertyMap>;

/**
 * The one place a resource's types are erased: the front ends hand it the values they decoded,
 * which its check made (or, for state, which its create and read returned).
 */
export function served<I extends object, S extends object>(resource: Resource<I, S>): ResourceHandler {
  return resource as unknown as ResourceHandler;
}

export interface FunctionHandler {
  /** Function token, e.g. `ovirt:index:previewDomainXml`. */
  readonly token: string;
  invoke(inputs: PropertyMap, ctx: ResourceContext): Promise<{ outputs: PropertyMap; failures: CheckFailure[] }>;
}

/**
 * Thrown by create or update when the entity exists but did not become ready: Pulumi records the
 * id and outputs in state (nothing is orphaned) and shows the reasons as the error.
 */
export class PartialFailure extends Error {
  readonly id: string;
  readonly outputs: PropertyMap;
  /** The reasons in neutral words. */
  readonly reasons: string[];
  /** The reasons with their hints, for the front ends to word. */
  readonly said?: Said;
  constructor(id: string, outputs: PropertyMap, reasons: (string | Said)[]) {
    const texts = reasons.map((reason) => (typeof reason === "string" ? reason : word(reason, neutralHint)));
    super(texts.join("; "));
    this.name = "PartialFailure";
    this.id = id;
    this.outputs = outputs;
    this.reasons = texts;
    if (reasons.some((reason) => typeof reason !== "string")) {
      this.said = reasons.flatMap((reason, i) => [...(i > 0 ? ["; "] : []), ...(typeof reason === "string" ? [reason] : reason)]);
    }
  }
}

/** An error about one input property (the front ends attach it to that property or attribute). */
export class PropertyError extends Error {
  readonly property: string;
  constructor(property: string, message: string) {
    super(message);
    this.name = "PropertyError";
    this.property = property;
  }
}
