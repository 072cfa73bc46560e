// Engine calls per VM on create, counted by the emulator (not timed): a plugin process over gRPC,
// as one `pulumi up` runs it, checks and creates plain VMs. Each VM costs its POST alone: the
// engine answers a VM from Blank `down` (AddVmCommand.addVmDynamic; only addVmImages locks a VM
// whose template has disks), so no wait polls it, and the answer serves the read-back. The login,
// the engine check, the cluster and template lookups and the one VM list behind the name checks
// are made once per process, whatever the count. A change that adds a call per VM fails here.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "./engine-access.ts";
import { secret, startPlugin, type PluginProcess, type Props } from "./harness.ts";

const VM = "ovirt:index:Vm";
const PASSWORD = "Calls-Per-Vm-Pa55";
const API = "/ovirt-engine/api";
const COUNT = 6;

/** The calls one process makes once: at configure (the login, the engine check) or with its first create. */
const ONCE_PER_PROCESS = [
  "POST /ovirt-engine/sso/oauth/token",
  `GET ${API}`,
  `GET ${API}/clusters`,
  `GET ${API}/templates`,
  `GET ${API}/vms`,
];

describe("engine calls per VM on create, counted by the emulator", () => {
  let emulator: Emulator;
  let dataDir: string;
  let plugin: PluginProcess;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ovirt-calls-per-vm-"));
    // Async steps take time here, so a wait would show as polls.
    emulator = await startEmulator({ port: 0, dataDir, adminPassword: PASSWORD, asyncDelayMs: 50 });
    plugin = await startPlugin({ env: { OVIRT_URL: undefined, OVIRT_PASSWORD: undefined } });
  });
  afterAll(async () => {
    await plugin?.stop();
    await emulator?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function checkAndCreate(name: string): Promise<Props> {
    const { inputs, failures } = await plugin.client.check(VM, { name, memoryMb: 512, smartcardEnabled: true }, {}, { name });
    expect(failures).toEqual([]);
    return (await plugin.client.create(VM, inputs, { name })).outputs;
  }

  it(`checks and creates ${COUNT} plain VMs with one POST each and the lookups once`, async () => {
    emulator.resetStats();
    // Configure logs in and checks the engine: counted with the rest of the process.
    await plugin.client.configure({ url: emulator.apiUrl, username: "admin@internal", password: secret(PASSWORD), caFile: emulator.caFile });
    const created: Props[] = [];
    for (let i = 0; i < COUNT; i++) created.push(await checkAndCreate(`calls-${suffix}-${i}`));
    // The outputs come from the engine's answer: the VM is there, down.
    expect(created.map((o) => o.status)).toEqual(Array(COUNT).fill("down"));
    expect(new Set(created.map((o) => o.vmId)).size).toBe(COUNT);

    const { total, requests } = emulator.stats();
    expect(requests[`POST ${API}/vms`]).toBe(COUNT);
    const others = Object.entries(requests).filter(([route]) => route !== `POST ${API}/vms`);
    // Nothing else per VM: no wait (GET /vms/{id}), no lookup repeated.
    expect(others.filter(([, n]) => n > 1)).toEqual([]);
    expect(others.map(([route]) => route).sort()).toEqual([...ONCE_PER_PROCESS].sort());
    expect(total).toBe(COUNT + ONCE_PER_PROCESS.length);
  });

  it("the next VM in the same process costs exactly its POST", async () => {
    emulator.resetStats();
    await checkAndCreate(`calls-${suffix}-last`);
    expect(emulator.stats().requests).toEqual({ [`POST ${API}/vms`]: 1 });
  });
});
