// createTerraformServer: the tfplugin6 gRPC server as go-plugin expects it. Terraform and OpenTofu
// start the plugin with a magic cookie in the environment, read one handshake line from stdout
// (`1|6|tcp|127.0.0.1:PORT|grpc|<server certificate>`), then call tfplugin6.Provider over mutual
// TLS, and plugin.GRPCController/Shutdown when they are done with it. Tests build it in-process.

import { Server, ServerCredentials, type ServerWritableStream } from "@grpc/grpc-js";
import { shutdownGracefully } from "../grpcServer.ts";
import { createLogger, Scrubber, type Logger } from "../logging.ts";
import type { FunctionHandler, ResourceHandler } from "../resources/types.ts";
import { controllerService, providerService, stdioService } from "./proto.ts";
import { createTerraformService, type EngineFactory } from "./service.ts";
import { createPluginCertificate } from "./tls.ts";

/** go-plugin's handshake cookie for Terraform providers (the same for Terraform and OpenTofu). */
export const MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
export const MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
export const PROTOCOL_VERSION = 6;

export interface TerraformServerOptions {
  resources: readonly ResourceHandler[];
  functions?: readonly FunctionHandler[];
  engineFactory: EngineFactory;
  env?: Record<string, string | undefined>;
  verbosity?: number;
  writeLog?: (line: string) => void;
  /** Called after GRPCController/Shutdown has been answered. */
  onShutdown?: () => void;
}

export interface TerraformServer {
  /** Binds 127.0.0.1 on a free port; resolves to the handshake line (without the newline). */
  listen(): Promise<string>;
  /** What StopProvider does: waits in progress give up. */
  stop(): void;
  shutdown(graceMs?: number): Promise<void>;
  readonly logger: Logger;
}

export function createTerraformServer(options: TerraformServerOptions): TerraformServer {
  const env = options.env ?? process.env;
  const scrubber = new Scrubber();
  const logger = createLogger({ verbosity: options.verbosity ?? 0, scrub: (text) => scrubber.scrub(text), write: options.writeLog });
  const cancellation = new AbortController();
  const streams = new Set<ServerWritableStream<unknown, unknown>>();

  const server = new Server({
    "grpc.max_receive_message_length": 256 * 1024 * 1024,
    "grpc.max_send_message_length": 256 * 1024 * 1024,
  });
  server.addService(providerService, createTerraformService({
    resources: options.resources,
    functions: options.functions ?? [],
    engineFactory: options.engineFactory,
    logger,
    scrubber,
    env,
    cancellation,
  }));
  server.addService(controllerService, {
    shutdown: (_call: unknown, callback: (err: null, res: object) => void) => {
      callback(null, {});
      logger.info("Shutdown requested by the CLI");
      if (options.onShutdown) setImmediate(options.onShutdown);
    },
  });
  // The CLI mirrors the plugin's stdout and stderr through this stream; the log goes to stderr
  // directly, so the stream stays open and silent until the server stops.
  server.addService(stdioService, {
    streamStdio: (call: ServerWritableStream<unknown, unknown>) => {
      streams.add(call);
      call.on("cancelled", () => streams.delete(call));
    },
  });

  let stopped: Promise<void> | undefined;
  return {
    logger,
    stop: () => cancellation.abort(),
    listen() {
      // With AutoMTLS (the default) the CLI sends its certificate; TF_DISABLE_PLUGIN_TLS turns it off.
      const clientCert = env.PLUGIN_CLIENT_CERT;
      const certificate = clientCert ? createPluginCertificate() : undefined;
      const credentials = certificate
        ? ServerCredentials.createSsl(Buffer.from(clientCert!), [{ private_key: Buffer.from(certificate.keyPem), cert_chain: Buffer.from(certificate.certPem) }], true)
        : ServerCredentials.createInsecure();
      return new Promise<string>((resolve, reject) => {
        server.bindAsync("127.0.0.1:0", credentials, (err, port) => {
          if (err) return reject(err);
          const fields = ["1", String(PROTOCOL_VERSION), "tcp", `127.0.0.1:${port}`, "grpc"];
          if (certificate) fields.push(certificate.handshakeField);
          resolve(fields.join("|"));
        });
      });
    },
    shutdown(graceMs = 2000) {
      if (!stopped) {
        for (const stream of streams) stream.end();
        stopped = shutdownGracefully(server, graceMs);
      }
      return stopped;
    },
  };
}
