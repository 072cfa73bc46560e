// provider/bin/pulumi-resource-ovirt picks what to run: the release executable of `npm run dist`
// while it is newer than every file it was built from, the TypeScript sources otherwise. The run's
// shared build (test/dist/shared.ts) is copied, times kept, into a temporary directory
// (OVIRT_PROVIDER_DIST_DIR) that this file may change, so the repository's dist/ is never touched
// while other tests launch the plugin.

import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedRelease, SHARED_RELEASE_TIMEOUT } from "../dist/shared.ts";
import { startPlugin } from "./harness.ts";

const REPO_ROOT = join(import.meta.dirname, "../..");
const schemaText = readFileSync(join(REPO_ROOT, "schema.json"), "utf8");

/** The command line of a running process, as the kernel has it. */
function commandLine(pid: number | undefined): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
}

describe("the in-repository plugin launcher", () => {
  const distDir = mkdtempSync(join(tmpdir(), "pulumi-ovirt-launcher-"));
  const env = { OVIRT_PROVIDER_DIST_DIR: distDir, OVIRT_PROVIDER_FROM_SOURCE: undefined };

  /** Starts the plugin, returns what it runs and the schema it serves, and stops it. */
  const launch = async (extraEnv: Record<string, string | undefined> = {}): Promise<{ argv: string[]; schema: string }> => {
    const plugin = await startPlugin({ env: { ...env, ...extraEnv } });
    try {
      return { argv: commandLine(plugin.child.pid), schema: await plugin.client.getSchemaText() };
    } finally {
      await plugin.stop();
    }
  };

  beforeAll(async () => {
    const release = await sharedRelease();
    for (const entry of ["plugin", "plugin.inputs"]) cpSync(join(release, entry), join(distDir, entry), { recursive: true, preserveTimestamps: true });
  }, SHARED_RELEASE_TIMEOUT);

  afterAll(() => rmSync(distDir, { recursive: true, force: true }));

  it("runs the fresh release executable, which serves schema.json unchanged", async () => {
    const { argv, schema } = await launch();
    expect(argv[0]).toBe(join(distDir, "plugin/pulumi-resource-ovirt"));
    expect(schema).toBe(schemaText);
  });

  it("runs the sources when OVIRT_PROVIDER_FROM_SOURCE=1", async () => {
    const { argv } = await launch({ OVIRT_PROVIDER_FROM_SOURCE: "1" });
    expect(argv.slice(1)).toContain(join(REPO_ROOT, "provider/main.ts"));
  });

  it("runs the sources once a file the executable was built from is newer than it", async () => {
    const executable = join(distDir, "plugin/pulumi-resource-ovirt");
    utimesSync(executable, new Date(0), new Date(0));
    const { argv, schema } = await launch();
    expect(argv.slice(1)).toContain(join(REPO_ROOT, "provider/main.ts"));
    expect(schema).toBe(schemaText);
  });
});
