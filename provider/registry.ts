// The one place that lists what the plugin serves. A new resource or function is added here (and
// in schema.json); the server finds handlers by their token and knows nothing else about them.

import { createEngineClient } from "./engine/client.ts";
import { consolePolicyResource } from "./resources/consolePolicy.ts";
import { lookupFunctions } from "./resources/lookups.ts";
import { poolResource } from "./resources/pool.ts";
import { previewDomainXmlFunction } from "./resources/previewDomainXml.ts";
import { templateResource } from "./resources/template.ts";
import type { FunctionHandler, ResourceHandler } from "./resources/types.ts";
import { vmResource } from "./resources/vm.ts";
import type { EngineFactory } from "./pulumi/index.ts";

export const resources: readonly ResourceHandler[] = [vmResource, templateResource, poolResource, consolePolicyResource];

export const functions: readonly FunctionHandler[] = [previewDomainXmlFunction, ...lookupFunctions];

/** Builds the engine client once the provider is configured. */
// One client per plugin process, and Pulumi starts a plugin process per command (and per refresh
// pass): collection snapshots can never carry one command's reads into the next.
export const engineFactory: EngineFactory = (config) => createEngineClient({ ...config, snapshots: true });
