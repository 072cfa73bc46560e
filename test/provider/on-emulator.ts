// What most gRPC tests start with: a fresh emulator (its own data directory, no delay on async
// steps) and one plugin process configured against it as admin@internal.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type Emulator } from "./engine-access.ts";
import { secret, startPlugin, type PluginProcess } from "./harness.ts";

export interface PluginOnEmulator {
  emulator: Emulator;
  plugin: PluginProcess;
  /** Stops the plugin and the emulator and removes the data directory. */
  close(): Promise<void>;
}

/** `label` names the temporary data directory; `args`/`env` go to the plugin beside the defaults. */
export async function startPluginOnEmulator(
  label: string, adminPassword: string, options: { args?: string[]; env?: Record<string, string | undefined> } = {},
): Promise<PluginOnEmulator> {
  const dataDir = await mkdtemp(join(tmpdir(), `ovirt-${label}-`));
  const emulator = await startEmulator({ port: 0, dataDir, adminPassword, asyncDelayMs: 0 });
  const plugin = await startPlugin({
    args: ["127.0.0.1:0", ...(options.args ?? [])],
    env: { OVIRT_URL: undefined, OVIRT_PASSWORD: undefined, ...options.env },
  });
  await plugin.client.configure({ url: emulator.apiUrl, username: "admin@internal", password: secret(adminPassword), caFile: emulator.caFile });
  return {
    emulator,
    plugin,
    async close() {
      await plugin.stop();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
