// Every resource and function the plugin serves, keyed by type token.

import { consolePolicyResource } from "./consolePolicy.ts";
import { getClusterFunction, getPoolFunction, getTemplateFunction, getVmFunction, lookupFunctions } from "./lookups.ts";
import { poolResource } from "./pool.ts";
import { previewDomainXmlFunction } from "./previewDomainXml.ts";
import { templateResource } from "./template.ts";
import type { FunctionHandler, ResourceHandler } from "./types.ts";
import { vmResource } from "./vm.ts";

export const resourceHandlers: ReadonlyMap<string, ResourceHandler> = new Map(
  [vmResource, templateResource, poolResource, consolePolicyResource].map((h) => [h.token, h]),
);

export const functionHandlers: ReadonlyMap<string, FunctionHandler> = new Map(
  [previewDomainXmlFunction, ...lookupFunctions].map((h) => [h.token, h]),
);

export {
  consolePolicyResource, getClusterFunction, getPoolFunction, getTemplateFunction, getVmFunction, poolResource, previewDomainXmlFunction, templateResource, vmResource,
};
