// Transient faults are ridden out, creates included: against an emulator that answers a fifth of
// all requests with 503 and drops a tenth of the connections after processing them, a batch of VM
// creates, their waits, user grants and deletes all succeed, with exactly one VM per name (a lookup
// by name and marker decides whether a create went through).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.ts";
import { createEngineClient } from "../../provider/engine/index.ts";

const PASSWORD = "Faults-Ridden-Pa55";
const COUNT = 12;

describe("an engine that fails often", () => {
  let dir: string;
  let emu: RunningEmulator;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "engine-faults-"));
    emu = await startEmulator({ port: 0, dataDir: dir, adminPassword: PASSWORD, asyncDelayMs: 0, users: [{ name: "alice@internal", password: "Alice-Pa55" }] });
  });
  afterAll(async () => {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates, grants and deletes every VM once, whatever is dropped", async () => {
    // Many quick attempts: at these rates six attempts could all fail now and then.
    const client = createEngineClient({
      url: emu.apiUrl, username: "admin@internal", password: PASSWORD, caFile: emu.caFile,
      retry: { attempts: 14, baseDelayMs: 5, maxDelayMs: 40 }, pollIntervalMs: 10,
    });
    const cluster = await client.resolveCluster("Default");
    const alice = await client.findUser("alice@internal-authz");
    emu.setFaults({ errorRate: 0.2, dropRate: 0.1 });
    const names = Array.from({ length: COUNT }, (_, i) => `faulty-${i}`);
    const vms = await Promise.all(names.map(async (name) => {
      const vm = await client.createVm({ name, comment: `pulumi-ovirt: urn:${name}`, cluster: { id: cluster.id }, template: { name: "Blank" } });
      await client.waitForVm(vm.id, ["down"]);
      await client.addPermission({ kind: "vm", id: vm.id }, { role: "UserRole", userId: alice!.id });
      return vm;
    }));
    const stats = emu.stats().requests;
    emu.setFaults({});

    // The faults did happen, creates included, and yet every name is there exactly once.
    expect((stats["POST 503"] ?? 0) + (stats["GET 503"] ?? 0)).toBeGreaterThan(0);
    const all = await client.listVms("name=faulty-*");
    expect(all.map((v) => v.name).sort()).toEqual([...names].sort());
    expect(new Set(vms.map((v) => v.id)).size).toBe(COUNT);
    for (const vm of vms) expect((await client.listPermissions({ kind: "vm", id: vm.id })).filter((p) => p.user?.id === alice!.id)).toHaveLength(1);

    emu.setFaults({ errorRate: 0.2, dropRate: 0.1 });
    await Promise.all(vms.map(async (vm) => {
      await client.deleteVm(vm.id);
      await client.waitForVmGone(vm.id);
    }));
    emu.setFaults({});
    expect(await client.listVms("name=faulty-*")).toEqual([]);
    client.close?.();
  }, 60_000);
});
