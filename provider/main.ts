// Entry point of the pulumi-resource-ovirt plugin. The engine starts it with its own address as an
// argument (plus --logtostderr, -v=N, --tracing X), reads the first stdout line as the port, and
// talks gRPC from then on. Nothing but that line may reach stdout, so console.log is sent to stderr
// before any other module is loaded (they are imported dynamically below for that reason).

import * as nodeModule from "node:module";
import { favourSmallHeap } from "./processMemory.ts";

console.log = console.error;
console.info = console.error;
console.debug = console.error;

// Node keeps the compiled code of the modules loaded from here on in its compile cache (a
// directory under the OS temp dir, keyed by file contents and Node version), so the next start
// skips most parsing and compiling. Node 22 releases before 22.10 lack one or both functions.
nodeModule.enableCompileCache?.();

async function run(): Promise<void> {
  const { parsePluginArgs } = await import("./pulumi/args.ts");
  const args = parsePluginArgs(process.argv.slice(2));
  const verbosity = args.verbosity || Number(process.env.OVIRT_PROVIDER_VERBOSITY ?? 0) || 0;
  const { createProviderServer } = await import("./pulumi/index.ts");
  // The resources, the engine client and their validators load at the first call that needs them
  // (and right after the port line, while the engine connects): the port comes first.
  const loadRegistry = async () => {
    const registry = await import("./registry.ts");
    return { resources: registry.resources, functions: registry.functions, engineFactory: registry.engineFactory };
  };

  // A Ctrl-C reaches the plugin as well as the engine. As on Pulumi's Cancel, waits in progress give
  // up, and the calls in flight (a create waiting for its VM) answer with what was made, so the
  // engine records every id; no new call is accepted. A second signal exits at once.
  const DRAIN_MS = 10 * 60 * 1000;
  let exiting = false;
  const server = createProviderServer({
    load: loadRegistry,
    verbosity,
    onCancel: () => void stop("cancel requested by the engine", 0),
  });

  async function stop(reason: string, code: number, graceMs = DRAIN_MS): Promise<void> {
    if (exiting) {
      server.logger.error(`${reason} while stopping: exiting now`);
      process.exit(code === 0 ? 130 : code);
    }
    exiting = true;
    server.logger.info(`stopping (${reason}): finishing calls in progress`);
    server.cancel();
    await server.shutdown(graceMs);
    process.exit(code);
  }

  process.on("SIGINT", () => void stop("SIGINT", 0));
  process.on("SIGTERM", () => void stop("SIGTERM", 0));
  process.on("uncaughtException", (err) => {
    server.logger.error(`uncaught error: ${err.stack ?? err.message}`);
    void stop("uncaught error", 1, 5000);
  });
  process.on("unhandledRejection", (err) => {
    server.logger.error(`unhandled rejection: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  });

  const port = await server.listen("127.0.0.1", 0);
  process.stdout.write(`${port}\n`);
  // Written now rather than at exit: the engine may kill the plugin without a clean exit.
  nodeModule.flushCompileCache?.();
  server.logger.info(`listening on 127.0.0.1:${port}${args.engineAddress ? ` for the engine at ${args.engineAddress}` : ""}`);
  // Warm-up: the engine's first calls (GetPluginInfo, then Configure or Check) find it loaded.
  // The heap setting comes after it (processMemory.ts says why).
  setImmediate(() => void loadRegistry().then(() => nodeModule.flushCompileCache?.(), () => undefined).finally(favourSmallHeap));
}

run().catch((err: unknown) => {
  process.stderr.write(`pulumi-resource-ovirt failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
