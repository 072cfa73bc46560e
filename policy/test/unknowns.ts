// The policy SDK's own unknown-value sentinels, read at run time (they are internal to its typings).

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const proxyModule = require("@pulumi/policy/proxy.js") as Record<string, unknown>;

function sentinel(name: string): string {
  const value = proxyModule[name];
  if (typeof value !== "string") throw new Error(`@pulumi/policy/proxy.js no longer exports ${name}`);
  return value;
}

export const UNKNOWN_BOOLEAN = sentinel("unknownBooleanValue");
export const UNKNOWN_NUMBER = sentinel("unknownNumberValue");
export const UNKNOWN_STRING = sentinel("unknownStringValue");
export const UNKNOWN_ARRAY = sentinel("unknownArrayValue");
export const ALL_SDK_SENTINELS = [
  "unknownBooleanValue",
  "unknownNumberValue",
  "unknownStringValue",
  "unknownArrayValue",
  "unknownAssetValue",
  "unknownArchiveValue",
  "unknownObjectValue",
].map(sentinel);
