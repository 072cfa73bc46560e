// Messages for the person running Pulumi, through the engine's own Log service (the address comes
// with Handshake or Attach). Unlike the plugin's stderr, which the CLI hides unless asked, these
// appear in the plan and the update's diagnostics, attached to the resource they are about.

import { credentials, Metadata } from "@grpc/grpc-js";
import engineModule from "@pulumi/pulumi/proto/engine_pb.js";
import engineGrpcModule from "@pulumi/pulumi/proto/engine_grpc_pb.js";
import type * as EnginePb from "@pulumi/pulumi/proto/engine_pb.js";
import type * as EngineGrpcPb from "@pulumi/pulumi/proto/engine_grpc_pb.js";

// The Engine service's stubs from @pulumi/pulumi (CommonJS: the default import is module.exports).
export const enginePb = engineModule as typeof EnginePb;
export const engineGrpc = engineGrpcModule as typeof EngineGrpcPb;

/** Long enough for a loaded engine, short enough that a wrong address cannot stall a diff. */
const LOG_DEADLINE_MS = 5000;

export interface EngineLog {
  /** Resolves once the engine has the message; rejects when it could not be delivered. */
  warn(urn: string, message: string): Promise<void>;
  close(): void;
}

export function connectEngineLog(address: string): EngineLog {
  const client = new engineGrpc.EngineClient(address, credentials.createInsecure());
  return {
    warn(urn, message) {
      const req = new enginePb.LogRequest();
      req.setSeverity(enginePb.LogSeverity.WARNING);
      req.setUrn(urn);
      req.setMessage(message);
      return new Promise((resolve, reject) => {
        client.log(req, new Metadata(), { deadline: Date.now() + LOG_DEADLINE_MS }, (err) => (err ? reject(err) : resolve()));
      });
    },
    close: () => client.close(),
  };
}
