// What only the engine knows, checked at `check` (so at preview) with read-only calls: the cluster
// and template a resource links to exist, and its name is free or already held by this resource's
// own entity (the creation marker, left by an interrupted create). Inputs unknown at preview are
// skipped, never guessed.
//
// Preview never blocks a valid program: a check fails only when its answer cannot change before
// the create runs. Per kind of link:
// - template: a program can create one (ovirt:index:Template), and a name known at preview
//   (`template: tpl.name`) may be that of a template this same deployment creates first. A missing
//   template is a warning at check; the create, which resolves it again, fails naming `template`.
// - cluster: this provider cannot create clusters (nor can anything else in a deployment of it),
//   so a missing one stays a failure at check.
// (Users, storage domains, networks and vNIC profiles are checked in users.ts, vmDisks.ts and
// vmNics.ts: this provider creates none of them, so their "not found" stays a failure too.)
//
// Only the engine's definite "not found" is read as an answer. Any other error (a wrong password,
// URL or CA, a transport failure) is thrown, so it fails the preview with its own message instead
// of being mistaken for, or hidden behind, a missing entity.

import { isEngineError } from "../engine/index.ts";
import type { EngineClient } from "../engine/index.ts";
import { say } from "../hints.ts";
import { isKnown } from "./check.ts";
import { creationMarker } from "./context.ts";
import type { InputValues } from "./diff.ts";
import { failureSaying, PropertyError, type CheckFailure, type CheckResult, type ResourceContext } from "./types.ts";

type Named = { id: string; comment?: string };
/** `baseTemplate`: the base a template version is made of (template.ts), a template too. */
type Link = "cluster" | "template" | "baseTemplate";

export interface EngineCheck {
  /** `VM`, `template`, `pool`: for messages. */
  kind: string;
  /** The resource's type token, for the import hint. */
  token: string;
  findByName: (engine: EngineClient, name: string) => Promise<Named | undefined>;
  /** The inputs that link to a cluster or a template by name or id. */
  links: Link[];
}

/** Links a deployment of this provider can create before the resource that names them: missing is a warning at check. */
const CREATABLE: ReadonlySet<Link> = new Set(["template", "baseTemplate"]);

/** Runs the engine checks when the inputs passed the schema and rules and the engine is configured. */
export async function checkInEngine<I extends InputValues>(result: CheckResult<I>, olds: { readonly name?: unknown }, ctx: ResourceContext, spec: EngineCheck): Promise<CheckResult<I>> {
  const engine = ctx.engine;
  if (!engine || result.failures.length > 0) return result;
  const failures: CheckFailure[] = [];
  const warnings: CheckFailure[] = [];
  // Any resource's inputs: the links and the name are read by their (schema) names.
  const inputs: InputValues = result.inputs;
  for (const link of spec.links) {
    const missing = await missingLink(engine, link, inputs[link]);
    if (missing) (CREATABLE.has(link) ? warnings : failures).push(missing);
  }
  const nameFailure = await nameTakenFailure(engine, inputs.name, olds.name, ctx, spec);
  if (nameFailure) failures.push(nameFailure);
  if (failures.length === 0 && warnings.length === 0) return result;
  return { ...result, failures: [...result.failures, ...failures], warnings: [...(result.warnings ?? []), ...warnings] };
}

/** The failure (or warning) for a link the engine definitely does not have; other errors are thrown. */
async function missingLink(engine: EngineClient, link: Link, value: unknown): Promise<CheckFailure | undefined> {
  if (!isKnown(value) || typeof value !== "string" || value.trim() === "") return undefined;
  try {
    await (link === "cluster" ? engine.resolveCluster(value) : engine.resolveTemplate(value));
    return undefined;
  } catch (err) {
    if (!(isEngineError(err) && err.kind === "not_found")) throw err;
    const later = CREATABLE.has(link)
      ? ` If this deployment creates it, it is looked up again when this resource is created, and that create fails if \`${link}\` is still missing.`
      : "";
    return { property: link, reason: `\`${link}\`: ${err.message}.${later}` };
  }
}

/**
 * At create: the link the create needs, or an error naming the property when the engine does not
 * have it, before anything is made (the check let a missing template through as a warning).
 */
export async function resolveLink<T>(link: Link, value: string, resolve: (value: string) => Promise<T>): Promise<T> {
  try {
    return await resolve(value);
  } catch (err) {
    if (!(isEngineError(err) && err.kind === "not_found")) throw err;
    throw new PropertyError(link, `\`${link}\`: ${err.message}; nothing was created.`);
  }
}

async function nameTakenFailure(engine: EngineClient, name: unknown, oldName: unknown, ctx: ResourceContext, spec: EngineCheck): Promise<CheckFailure | undefined> {
  // A resource that keeps its name holds it already (its own entity, or a replacement's predecessor).
  if (!isKnown(name) || typeof name !== "string" || oldName === name) return undefined;
  // Without a marker there is nothing to tell this resource's own entity from a stranger's: the
  // engine's "name already in use" at apply is then the check.
  const marker = creationMarker(ctx);
  if (marker === undefined) return undefined;
  const found = await spec.findByName(engine, name);
  if (!found || found.comment === marker) return undefined;
  return failureSaying(
    "name",
    say`\`name\`: the engine already has a ${spec.kind} named "${name}" (id ${found.id}), which this resource did not create. Choose another name, or adopt that ${spec.kind} with ${{ kind: "import", token: spec.token, id: found.id }}.`,
  );
}
