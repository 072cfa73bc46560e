// The lookup functions through the real plugin process, over gRPC's Invoke as the Pulumi engine
// calls them, against the engine emulator: entities made by the provider and by the engine (a
// pool's desktops, the seeded cluster and Blank template), by name and by id, and the failures.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./engine-access.ts";
import { rejection, secret, startPlugin, type PluginProcess, type Props } from "./harness.ts";
import { startPluginOnEmulator, type PluginOnEmulator } from "./on-emulator.ts";

const PASSWORD = "Lookup-Secret-Pa55";
const BLANK_ID = "00000000-0000-0000-0000-000000000000";

describe("lookups over gRPC against the emulator", () => {
  let stack: PluginOnEmulator | undefined;
  let emulator: Emulator;
  let plugin: PluginProcess;
  const made: { type: string; id: string; outputs: Props }[] = [];

  async function create(type: string, news: Props) {
    const { inputs, failures } = await plugin.client.check(type, news);
    expect(failures).toEqual([]);
    const result = await plugin.client.create(type, inputs);
    made.unshift({ type, ...result });
    return result;
  }

  beforeAll(async () => {
    stack = await startPluginOnEmulator("lookups", PASSWORD);
    ({ emulator, plugin } = stack);
  });
  afterAll(async () => {
    for (const { type, id, outputs } of made) await plugin?.client.delete(type, id, outputs).catch(() => undefined);
    await stack?.close();
  });

  it("finds the seeded cluster and Blank template by name and by id", async () => {
    const cluster = await plugin.client.invoke("ovirt:index:getCluster", { name: "Default" }, { preview: true });
    expect(cluster.failures).toEqual([]);
    expect(cluster.outputs).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: "Default" });
    const byId = await plugin.client.invoke("ovirt:index:getCluster", { id: cluster.outputs.id });
    expect(byId.outputs).toEqual(cluster.outputs);

    const blank = await plugin.client.invoke("ovirt:index:getTemplate", { id: BLANK_ID });
    expect(blank.failures).toEqual([]);
    expect(blank.outputs).toMatchObject({ id: BLANK_ID, name: "Blank", status: "ok" });
  });

  it("finds a VM, a template and a pool the provider made, and the pool's desktops", async () => {
    const source = await create("ovirt:index:Vm", { name: "lookup-src", memoryMb: 2048, smartcardEnabled: true });
    const vm = await plugin.client.invoke("ovirt:index:getVm", { name: "lookup-src" });
    expect(vm.failures).toEqual([]);
    expect(vm.outputs).toMatchObject({
      id: source.id, name: "lookup-src", status: "down", running: false, memoryMb: 2048, smartcardEnabled: true,
      clusterId: source.outputs.clusterId, templateId: BLANK_ID, poolId: "", consoleDescription: "Spice with Smartcard",
    });

    const template = await create("ovirt:index:Template", { name: "lookup-tpl", sourceVm: source.id, smartcardEnabled: true });
    const foundTemplate = await plugin.client.invoke("ovirt:index:getTemplate", { name: "lookup-tpl" });
    expect(foundTemplate.outputs).toMatchObject({ id: template.id, memoryMb: 2048, smartcardEnabled: true });

    const pool = await create("ovirt:index:Pool", { name: "lookup-pool", template: "lookup-tpl", size: 2, smartcardEnabled: true });
    const foundPool = await plugin.client.invoke("ovirt:index:getPool", { name: "lookup-pool" });
    expect(foundPool.failures).toEqual([]);
    expect(foundPool.outputs).toMatchObject({ id: pool.id, size: 2, templateId: template.id, vmNames: pool.outputs.vmNames, smartcardEnabled: true });

    // A pool's desktop was made by the engine, not by Pulumi: the lookup finds it all the same.
    const desktop = await plugin.client.invoke("ovirt:index:getVm", { name: (pool.outputs.vmNames as string[])[0]! });
    expect(desktop.outputs).toMatchObject({ poolId: pool.id, templateId: template.id });
  });

  it("fails on the property when nothing matches, or when the input is not usable", async () => {
    const missing = await plugin.client.invoke("ovirt:index:getPool", { name: "no-such-pool" });
    expect(missing.outputs).toEqual({});
    expect(missing.failures).toEqual([{ property: "name", reason: expect.stringMatching(/no pool named "no-such-pool"/) }]);
    const wrongCase = await plugin.client.invoke("ovirt:index:getCluster", { name: "default" });
    expect(wrongCase.failures.map((f) => f.property)).toEqual(["name"]);
    const wrongId = await plugin.client.invoke("ovirt:index:getVm", { id: "7d5a4c3e-0000-4000-8000-000000000000" });
    expect(wrongId.failures).toEqual([{ property: "id", reason: expect.stringMatching(/no VM with id/) }]);
    const neither = await plugin.client.invoke("ovirt:index:getTemplate", {});
    expect(neither.failures.map((f) => f.property)).toEqual(["name"]);
  });
  it("a wrong URL, CA file or password names the setting in Pulumi's words, as `pulumi config set` (#21)", async () => {
    const cases = [
      { config: { url: "https://127.0.0.1:1/ovirt-engine/api", caFile: emulator.caFile }, password: PASSWORD, said: "check the engine URL", setting: "check ovirt:url (`pulumi config set ovirt:url https://engine.example.com/ovirt-engine/api`)" },
      // No CA file: the system's CAs do not know the emulator's.
      { config: { url: emulator.apiUrl }, password: PASSWORD, said: "set the CA file to the engine's CA", setting: "check ovirt:caFile, ovirt:url, ovirt:insecure (`pulumi config set ovirt:caFile /path/to/ca.pem`)" },
      { config: { url: emulator.apiUrl, caFile: emulator.caFile }, password: "Not-The-Pa55word", said: "check the user name", setting: "check ovirt:username, ovirt:password (`pulumi config set ovirt:username admin@internal`)" },
    ];
    for (const { config, password, said, setting } of cases) {
      const wrong = await startPlugin({ env: { OVIRT_URL: undefined, OVIRT_PASSWORD: undefined, OVIRT_CAFILE: undefined, OVIRT_INSECURE: undefined } });
      try {
        // Configure logs in at once: each mistake fails it.
        const err = await rejection(wrong.client.configure({ ...config, username: "admin@internal", password: secret(password) }));
        expect(err.message).toContain(said);
        expect(err.message).toContain(setting);
        expect(err.message).not.toContain(password);
      } finally {
        await wrong.stop();
      }
    }
  }, 60_000);

  it("a name held by another resource's VM says how to import the holder, as `pulumi import` (#21)", async () => {
    const holder = await create("ovirt:index:Vm", { name: "lookup-taken" });
    const { inputs } = await plugin.client.check("ovirt:index:Vm", { name: "lookup-taken" });
    const err = await rejection(plugin.client.create("ovirt:index:Vm", inputs, { name: "intruder" }));
    expect(err.message).toContain(`"lookup-taken" is held by VM ${holder.id}`);
    expect(err.message).toContain(`\`pulumi import ovirt:index:Vm <resource name> ${holder.id}\``);
    expect(err.message).not.toMatch(/terraform|tofu/);
  }, 30_000);
});
