// Warnings in the plan: the real plugin process tells the engine (its Log service, at the address
// Handshake gave) what a change costs. A stand-in for Pulumi's engine records what it is told.

import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enginePb, engineGrpc } from "../../provider/pulumi/engineLog.ts";
import { empty as emptyPb } from "../../provider/pulumi/proto.ts";
import { startPlugin, urnFor, type PluginProcess, type Props } from "./harness.ts";

const POOL = "ovirt:index:Pool";

interface Logged {
  severity: number;
  urn: string;
  message: string;
}

/** Just the Engine service's Log, the way the Pulumi engine receives a provider's diagnostics. */
async function startEngineStandIn(): Promise<{ address: string; logged: Logged[]; stop(): void }> {
  const logged: Logged[] = [];
  const server = new Server();
  const unimplemented = (_call: unknown, callback: sendUnaryData<unknown>) => callback({ code: 12, details: "not in the stand-in" });
  server.addService(engineGrpc.EngineService, {
    log(call: ServerUnaryCall<InstanceType<typeof enginePb.LogRequest>, unknown>, callback: sendUnaryData<unknown>) {
      logged.push({ severity: call.request.getSeverity(), urn: call.request.getUrn(), message: call.request.getMessage() });
      callback(null, new emptyPb.Empty());
    },
    getRootResource: unimplemented,
    setRootResource: unimplemented,
    startDebugging: unimplemented,
    requirePackage: unimplemented,
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))),
  );
  return { address: `127.0.0.1:${port}`, logged, stop: () => server.forceShutdown() };
}

describe("a pool replacement warns in the plan", () => {
  let plugin: PluginProcess;
  let engine: Awaited<ReturnType<typeof startEngineStandIn>>;

  beforeAll(async () => {
    engine = await startEngineStandIn();
    plugin = await startPlugin({ args: [engine.address] });
    await plugin.client.handshake(engine.address);
  });
  afterAll(async () => {
    await plugin?.stop();
    engine?.stop();
  });

  const poolInputs = async (news: Props) => {
    const { inputs, failures } = await plugin.client.check(POOL, { name: "desk", template: "tpl", size: 2, ...news });
    expect(failures).toEqual([]);
    return inputs;
  };

  it("a smartcard change says why, which desktops go, and how to roll without a gap", async () => {
    const olds = await poolInputs({ smartcardEnabled: true });
    const news = await poolInputs({ smartcardEnabled: false });
    const state = { ...olds, poolId: "pool-1", vmNames: ["desk-1", "desk-2"] };
    const diff = await plugin.client.diff(POOL, "pool-1", state, news, { oldInputs: olds, name: "desktops" });
    expect(diff).toMatchObject({ replaces: ["smartcardEnabled"], deleteBeforeReplace: true });

    expect(engine.logged).toHaveLength(1);
    const [warning] = engine.logged;
    expect(warning?.severity).toBe(enginePb.LogSeverity.WARNING);
    expect(warning?.urn).toBe(urnFor(POOL, "desktops"));
    expect(warning?.message).toMatch(/^Replacing pool desk \(changed: smartcardEnabled; the engine applies a pool's VM and display settings \(smartcard included\) only when it creates the pool's VMs\)/);
    expect(warning?.message).toContain("deletes all 2 of its desktops (desk-1, desk-2), and ends the sessions of users on them");
    expect(warning?.message).toContain("add a second pool under a new name");
  });

  it("a rename keeps the old pool until the new one is up, and says so", async () => {
    engine.logged.length = 0;
    const olds = await poolInputs({});
    const news = await poolInputs({ name: "desk-v2" });
    const diff = await plugin.client.diff(POOL, "pool-1", { ...olds, vmNames: ["desk-1"] }, news, { oldInputs: olds, name: "desktops" });
    expect(diff).toMatchObject({ replaces: ["name"], deleteBeforeReplace: false });
    expect(engine.logged.map((l) => l.message)).toEqual([expect.stringMatching(/the engine cannot rename a pool.*The new pool desk-v2 is created first/)]);
  });

  it("an in-place change (a bigger pool) warns of nothing", async () => {
    engine.logged.length = 0;
    const olds = await poolInputs({});
    const diff = await plugin.client.diff(POOL, "pool-1", olds, await poolInputs({ size: 3 }), { oldInputs: olds });
    expect(diff).toMatchObject({ changes: "some", replaces: [] });
    expect(engine.logged).toEqual([]);
  });
});

// The engine takes Windows 11 without Secure Boot (osinfo-defaults.properties asks windows_11 only a
// TPM), so check passes; the installer may not, so check warns on biosType, when the choice is made.
describe("Windows 11 without Secure Boot passes the check with a warning", () => {
  const VM = "ovirt:index:Vm";
  let plugin: PluginProcess;
  let engine: Awaited<ReturnType<typeof startEngineStandIn>>;

  beforeAll(async () => {
    engine = await startEngineStandIn();
    plugin = await startPlugin({ args: [engine.address] });
    await plugin.client.handshake(engine.address);
  });
  afterAll(async () => {
    await plugin?.stop();
    engine?.stop();
  });

  const win11 = { name: "w11", osType: "windows_11", tpmEnabled: true };

  it("on q35_ovmf: no failure, one warning naming biosType and q35_secure_boot", async () => {
    engine.logged.length = 0;
    const { failures } = await plugin.client.check(VM, { ...win11, biosType: "q35_ovmf" }, {}, { name: "desk" });
    expect(failures).toEqual([]);
    expect(engine.logged).toHaveLength(1);
    const [warning] = engine.logged;
    expect(warning?.severity).toBe(enginePb.LogSeverity.WARNING);
    expect(warning?.urn).toBe(urnFor(VM, "desk"));
    expect(warning?.message).toMatch(/`biosType` "q35_ovmf".*Secure Boot.*Set `biosType` to "q35_secure_boot"/);
  });

  it("warns again only when osType or biosType changes; with q35_secure_boot, never", async () => {
    const olds = (await plugin.client.check(VM, { ...win11, biosType: "q35_ovmf" })).inputs;
    engine.logged.length = 0;
    expect((await plugin.client.check(VM, { ...win11, biosType: "q35_ovmf", memoryMb: 4096 }, olds)).failures).toEqual([]);
    expect(engine.logged).toEqual([]);
    expect((await plugin.client.check(VM, { ...win11, biosType: "q35_secure_boot" }, olds)).failures).toEqual([]);
    expect(await plugin.client.check(VM, { ...win11, biosType: "q35_secure_boot" })).toMatchObject({ failures: [] });
    expect(engine.logged).toEqual([]);
    await plugin.client.check(VM, { ...win11 }, olds);
    expect(engine.logged.map((l) => l.message)).toEqual([expect.stringMatching(/`biosType` left to the cluster/)]);
  });
});
