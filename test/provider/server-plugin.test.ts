// The real plugin process (provider/bin/pulumi-resource-ovirt), spawned and driven over gRPC the
// way the Pulumi engine drives it: startup contract, schema, configuration, a real function,
// secrets kept out of errors and logs, and clean exits on Cancel and SIGTERM.

import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLUGIN_BIN, rejection, secret, startPlugin, type PluginProcess } from "./harness.ts";

const PASSWORD = "plugin-test-Pa55word";
const schemaText = readFileSync(new URL("../../schema.json", import.meta.url), "utf8");
// The plugin must not pick up a developer's real engine from the environment.
const cleanEnv = { OVIRT_URL: undefined, OVIRT_USERNAME: undefined, OVIRT_PASSWORD: undefined, OVIRT_CAFILE: undefined, OVIRT_INSECURE: undefined, PULUMI_CONFIG: undefined };

describe("the spawned plugin", () => {
  let plugin: PluginProcess;

  beforeAll(async () => {
    plugin = await startPlugin({ env: cleanEnv, args: ["127.0.0.1:1", "--logtostderr", "-v=2", "--tracing", "127.0.0.1:2"] });
  });

  afterAll(async () => {
    await plugin?.stop();
  });

  it("prints only its port on stdout and serves schema.json and its version", async () => {
    expect(plugin.port).toBeGreaterThan(0);
    expect(await plugin.client.getSchemaText()).toBe(schemaText);
    expect((await plugin.client.getPluginInfo()).version).toBe((JSON.parse(schemaText) as { version: string }).version);
    expect(plugin.stdoutAfterPort()).toBe("");
  });

  it("names the property in CheckConfig failures", async () => {
    const { failures } = await plugin.client.checkConfig({ url: "not a url", username: "admin@internal" });
    expect(failures.map((f) => f.property)).toEqual(["url"]);
  });

  it("answers a real function without any engine", async () => {
    const { outputs, failures } = await plugin.client.invoke("ovirt:index:previewDomainXml", { name: "desk", smartcardEnabled: true });
    expect(failures).toEqual([]);
    expect(String(outputs.xml)).toMatch(/<smartcard[^>]*mode=["']passthrough["']/);
  });

  it("reports an unknown type token by name", async () => {
    const err = await rejection(plugin.client.check("ovirt:index:Desktop", { name: "x" }));
    expect(err.message).toContain('"ovirt:index:Desktop"');
  });

  it("keeps the password out of errors and the log even when the engine cannot be reached", async () => {
    // Configure logs in at once: an engine that cannot be reached fails it, naming ovirt:url.
    const err = await rejection(
      plugin.client.configure({ url: "https://127.0.0.1:1/ovirt-engine/api", username: "admin@internal", password: secret(PASSWORD), insecure: "true" }),
    );
    expect(err.message).toContain("check ovirt:url");
    expect(err.message).not.toContain(PASSWORD);
    expect(plugin.stderr()).not.toContain(PASSWORD);
    expect(plugin.stderr()).not.toContain(Buffer.from(`admin@internal:${PASSWORD}`).toString("base64"));
  });
});

describe("plugin lifecycle", () => {
  it("exits cleanly when the engine calls Cancel", async () => {
    const plugin = await startPlugin({ env: cleanEnv });
    try {
      await plugin.client.cancel();
      expect(await plugin.exited).toBe(0);
    } finally {
      await plugin.stop();
    }
  });

  it("exits cleanly on SIGTERM", async () => {
    const plugin = await startPlugin({ env: cleanEnv });
    expect(await plugin.stop()).toBe(0);
  });

  it("runs through a symlink, as when installed on PATH or in the plugin cache", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ovirt-plugin-link-"));
    const link = join(dir, "pulumi-resource-ovirt");
    symlinkSync(PLUGIN_BIN, link);
    const plugin = await startPlugin({ env: cleanEnv, bin: link });
    try {
      expect((await plugin.client.getPluginInfo()).version).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      await plugin.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
