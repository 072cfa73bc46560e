// createProviderServer: the plugin's gRPC server, built from an explicit list of handlers and an
// engine factory so tests can run it in-process with fakes. provider/main.ts builds the real one
// from provider/registry.ts.

import { Server, ServerCredentials } from "@grpc/grpc-js";
import type { FunctionHandler, ResourceHandler } from "../resources/types.ts";
import { shutdownGracefully } from "../grpcServer.ts";
import { createLogger, Scrubber, type Logger } from "../logging.ts";
import { providerGrpc } from "./proto.ts";
import { loadSchemaInfo, schemaInfoFromText, type SchemaInfo } from "./schemaInfo.ts";
import { createResourceProviderService, type EngineFactory, type Handlers } from "./service.ts";

export type { EngineFactory, Handlers } from "./service.ts";
export type { Logger } from "../logging.ts";

export interface ProviderServerOptions {
  resources?: readonly ResourceHandler[];
  functions?: readonly FunctionHandler[];
  /** Builds the engine client at Configure; inject a fake in tests. */
  engineFactory?: EngineFactory;
  /**
   * Instead of the three above: loads them at the first call that needs one, so that the plugin
   * prints its port before it has loaded the resources, the engine client and their validators.
   */
  load?: () => Promise<Handlers>;
  /** The schema text served by GetSchema; defaults to schema.json at the repository root. */
  schemaText?: string;
  /** Environment for OVIRT_* and PULUMI_CONFIG defaults; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** `-v=N` verbosity, when no logger is given. */
  verbosity?: number;
  /** Receives each stderr line; defaults to process.stderr. */
  writeLog?: (line: string) => void;
  /** Called once Cancel has been answered. */
  onCancel?: () => void;
}

export interface ProviderServer {
  /** Binds (127.0.0.1 and a free port by default) and starts serving; resolves to the port. */
  listen(host?: string, port?: number): Promise<number>;
  /**
   * What Pulumi's Cancel does, for the plugin's own signal handlers: waits in progress give up (their
   * creates answer with partial failures that keep the ids) and new calls are refused.
   */
  cancel(): void;
  /** Stops accepting calls, waits up to `graceMs` for calls in flight, then closes everything. */
  shutdown(graceMs?: number): Promise<void>;
  readonly schema: SchemaInfo;
  readonly logger: Logger;
}

export function createProviderServer(options: ProviderServerOptions): ProviderServer {
  const schema = options.schemaText !== undefined ? schemaInfoFromText(options.schemaText) : loadSchemaInfo();
  const scrubber = new Scrubber();
  const logger = createLogger({ verbosity: options.verbosity ?? 0, scrub: (text) => scrubber.scrub(text), write: options.writeLog });
  const env = options.env ?? process.env;
  const cancellation = new AbortController();

  const server = new Server({
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
    "grpc.max_send_message_length": 400 * 1024 * 1024,
  });
  server.addService(
    providerGrpc.ResourceProviderService,
    createResourceProviderService({
      handlers: options.load ?? (async () => {
        if (!options.engineFactory) throw new Error("createProviderServer needs `engineFactory` or `load`");
        return { resources: options.resources ?? [], functions: options.functions ?? [], engineFactory: options.engineFactory };
      }),
      schema,
      logger,
      scrubber,
      env,
      cancellation,
      onCancel: options.onCancel,
    }),
  );

  let stopped: Promise<void> | undefined;
  return {
    schema,
    logger,
    cancel: () => cancellation.abort(),
    listen(host = "127.0.0.1", port = 0) {
      return new Promise<number>((resolve, reject) => {
        server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (err, boundPort) => {
          if (err) reject(err);
          else resolve(boundPort);
        });
      });
    },
    shutdown(graceMs = 5000) {
      stopped ??= shutdownGracefully(server, graceMs);
      return stopped;
    },
  };
}
