// What only the engine knows, checked at `check` (so at `pulumi preview`) with read-only calls:
// the cluster and template a resource links to exist, and its name is free or already held by this
// resource's own entity (the creation marker, left by an interrupted create). Inputs unknown at
// preview are skipped, never guessed; a lookup that fails for another reason (the engine is busy) is
// left to the create, which checks the same things again.

import { isEngineError } from "../engine/index.ts";
import type { EngineClient } from "../engine/index.ts";
import { isKnown } from "./check.ts";
import { creationMarker } from "./context.ts";
import type { CheckFailure, CheckResult, PropertyMap, ResourceContext } from "./types.ts";

type Named = { id: string; comment?: string };

export interface EngineCheck {
  /** `VM`, `template`, `pool`: for messages. */
  kind: string;
  /** The resource's type token, for the import hint. */
  token: string;
  findByName: (engine: EngineClient, name: string) => Promise<Named | undefined>;
  /** The inputs that link to a cluster or a template by name or id. */
  links: ("cluster" | "template")[];
}

/** Runs the engine checks when the inputs passed the schema and rules and the engine is configured. */
export async function checkInEngine(result: CheckResult, olds: PropertyMap, ctx: ResourceContext, spec: EngineCheck): Promise<CheckResult> {
  const engine = ctx.engine;
  if (!engine || result.failures.length > 0) return result;
  const failures: CheckFailure[] = [];
  for (const link of spec.links) {
    const failure = await linkFailure(engine, link, result.inputs[link]);
    if (failure) failures.push(failure);
  }
  const nameFailure = await nameTakenFailure(engine, result.inputs.name, olds, ctx, spec);
  if (nameFailure) failures.push(nameFailure);
  return failures.length === 0 ? result : { ...result, failures: [...result.failures, ...failures] };
}

/** Only the engine's definite "no such cluster / template" is a failure. */
async function linkFailure(engine: EngineClient, link: "cluster" | "template", value: unknown): Promise<CheckFailure | undefined> {
  if (!isKnown(value) || typeof value !== "string" || value.trim() === "") return undefined;
  try {
    await (link === "cluster" ? engine.resolveCluster(value) : engine.resolveTemplate(value));
    return undefined;
  } catch (err) {
    if (!(isEngineError(err) && err.kind === "not_found")) return undefined;
    const hint = link === "template"
      ? " If this program creates the template, pass the ovirt.Template's `name` output, so that Pulumi creates it first."
      : "";
    return { property: link, reason: `\`${link}\`: ${err.message}.${hint}` };
  }
}

async function nameTakenFailure(engine: EngineClient, name: unknown, olds: PropertyMap, ctx: ResourceContext, spec: EngineCheck): Promise<CheckFailure | undefined> {
  // A resource that keeps its name holds it already (its own entity, or a replacement's predecessor).
  if (!isKnown(name) || typeof name !== "string" || olds.name === name) return undefined;
  // Without a marker there is nothing to tell this resource's own entity from a stranger's: the
  // engine's "name already in use" at apply is then the check.
  const marker = creationMarker(ctx);
  if (marker === undefined) return undefined;
  let found: Named | undefined;
  try {
    found = await spec.findByName(engine, name);
  } catch {
    return undefined;
  }
  if (!found || found.comment === marker) return undefined;
  return {
    property: "name",
    reason:
      `\`name\`: the engine already has a ${spec.kind} named "${name}" (id ${found.id}), which this resource did not create. ` +
      `Choose another name, or adopt that ${spec.kind} with \`pulumi import ${spec.token} <resource name> ${found.id}\`.`,
  };
}
