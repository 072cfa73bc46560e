// The engine client's public surface. Resources import from here (or from types.ts for types only).

export { createEngineClient, BLANK_TEMPLATE_ID, DEFAULT_TICKET_EXPIRY_SECONDS, isUuid } from "./client.ts";
export { EngineError, WaitCancelledError, WaitTimeoutError, isEngineError, isLockedConflict, isNotFound, isUncertainFailure } from "./errors.ts";
export type { EngineErrorKind } from "./errors.ts";
export type * from "./types.ts";
export { createConsoleClient } from "./console.ts";
export type { ConsoleClient } from "./console.ts";
