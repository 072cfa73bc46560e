// The engine layer's only door: everything outside provider/engine imports from here (an eslint
// rule holds it). Inside, the layer may change shape without touching its callers.

export { createEngineClient, BLANK_TEMPLATE_ID } from "./client.ts";
export type { EngineClient, SessionCalls } from "./client.ts";
export type { VmCalls } from "./collections/vms.ts";
export type { TemplateCalls } from "./collections/templates.ts";
export type { PoolCalls } from "./collections/pools.ts";
export type { PermissionCalls } from "./collections/permissions.ts";
export type { GroupCalls } from "./collections/groups.ts";
export { DEFAULT_TICKET_EXPIRY_SECONDS } from "./collections/consoles.ts";
export type { ConsoleCalls } from "./collections/consoles.ts";
export type { DeviceCalls } from "./collections/devices.ts";
export type { InfraCalls } from "./collections/infra.ts";
export { isUuid, searchTerm } from "./lookups.ts";
export {
  EngineError, NameTakenError, WaitCancelledError, WaitTimeoutError, isEngineError, isLockedConflict, isNotFound, isUncertainFailure,
} from "./errors.ts";
export type { EngineErrorKind, EngineSetting } from "./errors.ts";
export { waitFor } from "./wait.ts";
export type { WaitSpec } from "./wait.ts";
export type * from "./types.ts";
export { MASKED_ROOT_PASSWORD } from "./types.ts";
export { createConsoleClient } from "./console.ts";
export type { ConsoleClient } from "./console.ts";
