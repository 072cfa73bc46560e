// The one list of what the plugin serves, read by both front ends (through provider/session.ts),
// the schema checks and the tests (which so get the handlers exactly as served, wrappers included).
// A new resource or function is added here (and in schema.json); the front ends find handlers by
// their token and know nothing else about them.

import { createEngineClient } from "./engine/index.ts";
import { consolePolicyResource as consolePolicy } from "./resources/consolePolicy.ts";
import { getClusterFunction, getGroupFunction, getPoolFunction, getTemplateFunction, getUserFunction, getVmFunction } from "./resources/lookups.ts";
import { permissionResource as permission } from "./resources/permission.ts";
import { poolResource as pool } from "./resources/pool.ts";
import { previewDomainXmlFunction } from "./resources/previewDomainXml.ts";
import { templateResource as template } from "./resources/template.ts";
import { served, type FunctionHandler, type ResourceContext, type ResourceHandler } from "./resources/types.ts";
import { vmResource as vm } from "./resources/vm.ts";
import type { EngineFactory } from "./session.ts";

/**
 * Creates and updates decide from what the engine holds now (a VM's status, a pool's size, who has
 * a role), never from a collection list taken earlier in the same plugin process.
 */
function actingOnFreshReads(resource: ResourceHandler): ResourceHandler {
  const fresh = <R>(ctx: ResourceContext, op: () => Promise<R>): Promise<R> =>
    ctx.preview || !ctx.engine ? op() : ctx.engine.withFreshReads(op);
  return {
    ...resource,
    check: (request, ctx) => resource.check(request, ctx),
    diff: (request) => resource.diff(request),
    read: (request, ctx) => resource.read(request, ctx),
    delete: (request, ctx) => resource.delete(request, ctx),
    create: (request, ctx) => fresh(ctx, () => resource.create(request, ctx)),
    update: (request, ctx) => fresh(ctx, () => resource.update(request, ctx)),
  };
}

// The one place the resources' types are erased (served): the front ends see property maps.
export const vmResource = actingOnFreshReads(served(vm));
export const templateResource = actingOnFreshReads(served(template));
export const poolResource = actingOnFreshReads(served(pool));
export const consolePolicyResource = actingOnFreshReads(served(consolePolicy));
export const permissionResource = actingOnFreshReads(served(permission));

export const resources: readonly ResourceHandler[] = [vmResource, templateResource, poolResource, consolePolicyResource, permissionResource];

export { getClusterFunction, getGroupFunction, getPoolFunction, getTemplateFunction, getUserFunction, getVmFunction, previewDomainXmlFunction };

export const functions: readonly FunctionHandler[] = [previewDomainXmlFunction, getClusterFunction, getTemplateFunction, getVmFunction, getPoolFunction, getGroupFunction, getUserFunction];

/** Builds the engine client once the provider is configured. */
// One client per plugin process, and Pulumi starts a plugin process per command (and per refresh
// pass): collection snapshots can never carry one command's reads into the next.
export const engineFactory: EngineFactory = (config) => createEngineClient({ ...config, snapshots: true });
