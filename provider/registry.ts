// The one place that lists what the plugin serves. A new resource or function is added here (and
// in schema.json); the server finds handlers by their token and knows nothing else about them.

import { createEngineClient } from "./engine/index.ts";
import { consolePolicyResource } from "./resources/consolePolicy.ts";
import { lookupFunctions } from "./resources/lookups.ts";
import { poolResource } from "./resources/pool.ts";
import { previewDomainXmlFunction } from "./resources/previewDomainXml.ts";
import { templateResource } from "./resources/template.ts";
import type { FunctionHandler, ResourceContext, ResourceHandler } from "./resources/types.ts";
import { vmResource } from "./resources/vm.ts";
import type { EngineFactory } from "./pulumi/index.ts";

/**
 * Creates and updates decide from what the engine holds now (a VM's status, a pool's size, who has
 * a role), never from a collection list taken earlier in the same plugin process.
 */
function actingOnFreshReads(handler: ResourceHandler): ResourceHandler {
  const fresh = <R>(ctx: ResourceContext, op: () => Promise<R>): Promise<R> =>
    ctx.preview || !ctx.engine ? op() : ctx.engine.withFreshReads(op);
  return {
    ...handler,
    create: (inputs, ctx) => fresh(ctx, () => handler.create(inputs, ctx)),
    update: (id, olds, news, oldInputs, ctx) => fresh(ctx, () => handler.update(id, olds, news, oldInputs, ctx)),
  };
}

export const resources: readonly ResourceHandler[] = [vmResource, templateResource, poolResource, consolePolicyResource].map(actingOnFreshReads);

export const functions: readonly FunctionHandler[] = [previewDomainXmlFunction, ...lookupFunctions];

/** Builds the engine client once the provider is configured. */
// One client per plugin process, and Pulumi starts a plugin process per command (and per refresh
// pass): collection snapshots can never carry one command's reads into the next.
export const engineFactory: EngineFactory = (config) => createEngineClient({ ...config, snapshots: true });
