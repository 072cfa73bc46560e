// Turning failures into gRPC errors the engine understands. The message is the handler's own
// (written for the user) with secrets scrubbed; stack traces stay in the plugin log, and only for
// errors that look like bugs. A PartialFailure travels as ErrorResourceInitFailed in
// `grpc-status-details-bin`, so the engine records the id instead of orphaning the entity.

import { Metadata, status as grpcStatus, type ServerErrorResponse } from "@grpc/grpc-js";
import { saidOf } from "../hints.ts";
import { PartialFailure, type PropertyMap } from "../resources/types.ts";
import { looksLikeBug, NotConfiguredError } from "../session.ts";
import { forPulumi } from "./hints.ts";
import { any as anyPb, provider as providerPb, status as statusPb, RESOURCE_INIT_FAILED_TYPE } from "./proto.ts";
import { encodeProperties } from "./values.ts";

/** An error the server raises itself, with the gRPC status code to answer. */
export class ProviderError extends Error {
  readonly code: grpcStatus;
  constructor(code: grpcStatus, message: string) {
    super(message);
    this.name = "ProviderError";
    this.code = code;
  }
}

export function unimplemented(method: string, why: string): ProviderError {
  return new ProviderError(grpcStatus.UNIMPLEMENTED, `the ovirt provider does not implement ${method}: ${why}`);
}

export { looksLikeBug };

/** PartialFailure, or anything shaped like one (a handler module may hold its own copy of the class). */
export function asPartialFailure(err: unknown): PartialFailure | undefined {
  if (err instanceof PartialFailure) return err;
  if (typeof err !== "object" || err === null) return undefined;
  const candidate = err as Partial<PartialFailure>;
  if (typeof candidate.id === "string" && candidate.id !== "" && Array.isArray(candidate.reasons) && typeof candidate.outputs === "object") {
    const said = saidOf(candidate);
    return new PartialFailure(candidate.id, candidate.outputs ?? {}, said ? [said] : candidate.reasons.map(String));
  }
  return undefined;
}

/** An error's message in Pulumi's words; `token` is the resource it is about. */
export function messageOf(err: unknown, token?: string): string {
  const said = saidOf(err);
  if (said) return forPulumi(said, token);
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === "string") return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

export interface ErrorContext {
  /** What was being done, e.g. `create ovirt:index:Vm`. */
  operation: string;
  /** The resource type the call was about, if any. */
  token?: string;
  scrub: (text: string) => string;
  /** Logs bugs with their stack (already scrubbed by the logger). */
  logBug: (text: string) => void;
  /** For a partial failure: which output keys must stay secret. */
  secretOutputs?: Iterable<string>;
}

/** Packs id, outputs and reasons the way the engine's parseError reads them. */
export function partialFailureMetadata(failure: { id: string; outputs: PropertyMap; reasons: string[] }, secretOutputs: Iterable<string>, scrub: (t: string) => string): Metadata {
  const detail = new providerPb.ErrorResourceInitFailed();
  detail.setId(failure.id);
  detail.setProperties(encodeProperties(failure.outputs, secretOutputs));
  detail.setReasonsList(failure.reasons.map(scrub));
  const packed = new anyPb.Any();
  packed.pack(detail.serializeBinary(), RESOURCE_INIT_FAILED_TYPE);
  const status = new statusPb.Status();
  status.setCode(grpcStatus.UNKNOWN);
  status.setMessage(scrub(failure.reasons.join("; ")));
  status.addDetails(packed);
  const metadata = new Metadata();
  metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  return metadata;
}

export function toServiceError(err: unknown, ctx: ErrorContext): ServerErrorResponse {
  const partial = asPartialFailure(err);
  if (partial) {
    const reasons = partial.said ? [forPulumi(partial.said, ctx.token)] : partial.reasons;
    const message = ctx.scrub(reasons.join("; ") || partial.message);
    return {
      name: "PartialFailure",
      message,
      code: grpcStatus.UNKNOWN,
      details: message,
      metadata: partialFailureMetadata({ ...partial, reasons }, ctx.secretOutputs ?? [], ctx.scrub),
    };
  }
  let message = ctx.scrub(messageOf(err, ctx.token));
  let code: grpcStatus = grpcStatus.UNKNOWN;
  if (err instanceof ProviderError) code = err.code;
  if (err instanceof NotConfiguredError) code = grpcStatus.FAILED_PRECONDITION;
  if (looksLikeBug(err)) {
    ctx.logBug(`${ctx.operation} failed with an internal error: ${(err as Error).stack ?? message}`);
    code = grpcStatus.INTERNAL;
    message = `${ctx.operation} failed with an internal error in the ovirt provider: ${message} (the plugin log has the details)`;
  }
  return { name: "Error", message, code, details: message };
}
