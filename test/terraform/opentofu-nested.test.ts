// An ovirt_vm with a disk and a NIC (nested attributes, `disks = [{ ... }]`) through the real
// OpenTofu CLI against the engine emulator: apply, a plan with no changes, growing the disk in place
// (its disk_id stays known in the plan), adding a NIC, and destroy. OpenTofu itself checks each plan
// against the configuration and each apply against the plan, so a provider that plans a field
// differently from what it then returns fails here with "Provider produced inconsistent result".

import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineApi, engineInventory, removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import { devOverridesConfig, probeTofu, providerBlock, stateValues, workspace, type Workspace } from "./harness.ts";

const probe = probeTofu("tofu-nested-");
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/terraform/opentofu-nested (real OpenTofu, nested attributes): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 240_000;
const GIB = 1024 ** 3;

function configuration(emulator: Emulator, sizeGb: number, secondNic: boolean, swapped = false): string {
  const nics = ['{ name = "nic1", network = "ovirtmgmt" },', ...(secondNic ? ['{ name = "nic2", vnic_profile = "ovirtmgmt", interface = "e1000" },'] : [])];
  if (swapped) nics.reverse();
  return `${providerBlock(emulator)}
resource "ovirt_vm" "server" {
  name      = "tf-nested-server"
  memory_mb = 512
  disks = [
    { name = "data", size_gb = ${sizeGb} },
  ]
  nics = [
${nics.map((n) => `    ${n}`).join("\n")}
  ]
}

output "disk_id" {
  value = ovirt_vm.server.disks[0].disk_id
}
`;
}

describe.skipIf(!probe.tofu)("OpenTofu: an ovirt_vm with a disk and a NIC as nested attributes", () => {
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let ws: Workspace;
  const plan = () => ws.tofu(["plan", "-detailed-exitcode", "-input=false"], STEP_TIMEOUT);
  const apply = () => ws.ok(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
  const vm = async () => (await stateValues(ws))["ovirt_vm.server"]!;

  beforeAll(async () => {
    emulator = await startEmulator(join(probe.workDir, "engine"), password);
    ws = workspace(probe.tofu!, join(probe.workDir, "main"), emulator, devOverridesConfig(join(probe.workDir, "dev.tfrc")));
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("plans the disk with the provider's defaults and the ids for after apply, then applies", async () => {
    ws.write(configuration(emulator, 2, false));
    const planned = await plan();
    expect(planned.code, planned.stdout + planned.stderr).toBe(2);
    expect(planned.stdout).toMatch(/interface\s+= "virtio_scsi"/);
    expect(planned.stdout).toMatch(/disk_id\s+= \(known after apply\)/);
    expect(planned.stdout).toMatch(/mac_address\s+= \(known after apply\)/);
    await apply();
    const state = await vm();
    const [disk] = state.disks as Record<string, unknown>[];
    expect(disk).toMatchObject({ name: "data", size_gb: 2, interface: "virtio_scsi", format: "cow", sparse: true, bootable: false });
    expect(disk!.disk_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((state.nics as Record<string, unknown>[])[0]).toMatchObject({ name: "nic1", network: "ovirtmgmt", interface: "virtio", mac_address: expect.stringMatching(/:/) });
    expect(Number((await engineApi(emulator, "GET", `/disks/${String(disk!.disk_id)}`)).json.provisioned_size)).toBe(2 * GIB);
  }, STEP_TIMEOUT * 2);

  it("a second plan has no changes", async () => {
    const again = await plan();
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain("No changes.");
  }, STEP_TIMEOUT);

  it("grows the disk in place, keeping its id, and adds a NIC; the NICs listed the other way round plan no change", async () => {
    const before = await vm();
    const diskId = (before.disks as Record<string, unknown>[])[0]!.disk_id;
    ws.write(configuration(emulator, 4, true));
    const planned = await plan();
    expect(planned.code, planned.stdout + planned.stderr).toBe(2);
    expect(planned.stdout).toContain("# ovirt_vm.server will be updated in-place");
    expect(planned.stdout).toMatch(/size_gb\s+= 2 -> 4/);
    expect(planned.stdout).not.toMatch(/disk_id\s+= "[^"]+" -> \(known after apply\)/);
    expect(planned.stdout).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
    await apply();
    const after = await vm();
    expect((after.disks as Record<string, unknown>[])[0]).toMatchObject({ size_gb: 4, disk_id: diskId });
    expect((after.nics as Record<string, unknown>[]).map((n) => n.name)).toEqual(["nic1", "nic2"]);
    expect(after.id).toBe(before.id);
    expect(Number((await engineApi(emulator, "GET", `/disks/${String(diskId)}`)).json.provisioned_size)).toBe(4 * GIB);
    const again = await plan();
    expect(again.code, again.stdout + again.stderr).toBe(0);
    // The same NICs listed the other way round: still no changes (entries are matched by name).
    ws.write(configuration(emulator, 4, true, true));
    const swapped = await plan();
    expect(swapped.code, swapped.stdout + swapped.stderr).toBe(0);
  }, STEP_TIMEOUT * 3);

  it("destroys the VM and its disk", async () => {
    const diskId = (((await vm()).disks as Record<string, unknown>[])[0]!).disk_id;
    await ws.ok(["destroy", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    expect((await engineInventory(emulator)).vms).not.toContain("tf-nested-server");
    expect((await engineApi(emulator, "GET", `/disks/${String(diskId)}`)).status).toBe(404);
  }, STEP_TIMEOUT);
});
