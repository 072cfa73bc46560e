// Entry point of terraform-provider-ovirt. Terraform or OpenTofu starts it with go-plugin's magic
// cookie in the environment and reads the handshake line from stdout; nothing else may go there,
// so console output is sent to stderr before any other module loads (they are imported below).

import { favourSmallHeap } from "../processMemory.ts";

console.log = console.error;
console.info = console.error;
console.debug = console.error;

async function run(): Promise<void> {
  const { createTerraformServer, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, PROTOCOL_VERSION } = await import("./index.ts");
  if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    process.stderr.write(
      "terraform-provider-ovirt is a plugin for Terraform and OpenTofu, not a command to run by hand.\n" +
        "Name the provider ovirt-vdi/ovirt in a configuration's required_providers and run `tofu plan` or `terraform plan` (see the README).\n",
    );
    process.exit(1);
  }
  const offered = (process.env.PLUGIN_PROTOCOL_VERSIONS ?? String(PROTOCOL_VERSION)).split(",").map((v) => v.trim());
  if (!offered.includes(String(PROTOCOL_VERSION))) {
    process.stderr.write(`terraform-provider-ovirt speaks plugin protocol ${PROTOCOL_VERSION}; this CLI offers ${offered.join(", ")}. Use Terraform 1.0 or newer, or OpenTofu.\n`);
    process.exit(1);
  }
  const verbosity = Number(process.env.OVIRT_PROVIDER_VERBOSITY ?? 1) || 0;
  let exiting = false;
  // The resources, the engine client and the Terraform schema load after the handshake line (the
  // CLI waits for that line; its first call finds them loaded or waits for them).
  const server = createTerraformServer({
    load: () => import("../registry.ts"),
    verbosity,
    onShutdown: () => void exit(0),
  });

  async function exit(code: number): Promise<void> {
    if (exiting) return;
    exiting = true;
    server.stop();
    await server.shutdown();
    process.exit(code);
  }

  // The CLI forwards a Ctrl-C as StopProvider; a signal of our own ends the waits the same way.
  process.on("SIGINT", () => server.stop());
  process.on("SIGTERM", () => void exit(0));
  process.on("uncaughtException", (err) => {
    server.logger.error(`uncaught error: ${err.stack ?? err.message}`);
    void exit(1);
  });
  process.on("unhandledRejection", (err) => {
    server.logger.error(`unhandled rejection: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  });

  const handshake = await server.listen();
  process.stdout.write(`${handshake}\n`);
  // Loaded now, while the CLI connects; the heap setting comes after (processMemory.ts says why).
  setImmediate(() =>
    void server
      .warmUp()
      .catch((err: unknown) => server.logger.error(`loading the provider failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`))
      .finally(favourSmallHeap),
  );
}

run().catch((err: unknown) => {
  process.stderr.write(`terraform-provider-ovirt failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
