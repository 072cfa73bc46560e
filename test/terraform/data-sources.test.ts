// The lookup data sources (ovirt_cluster, ovirt_template, ovirt_vm, ovirt_pool) with the real
// OpenTofu CLI against the emulator: a cluster and a template found by name place a VM, a data
// source that depends on that VM is read once it exists, a second plan changes nothing, and a
// name that matches nothing stops the plan with an error pointing at the data source's `name`.

import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineApi, engineInventory, removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import { devOverridesConfig, probeTofu, providerBlock, stateValues, workspace, type Workspace } from "./harness.ts";

const probe = probeTofu("tofu-data-");
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/terraform/data-sources (lookups with the real OpenTofu): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 240_000;

function configuration(emulator: Emulator, extra = ""): string {
  return `${providerBlock(emulator)}
data "ovirt_cluster" "default" {
  name = "Default"
}

data "ovirt_template" "blank" {
  name = "Blank"
}

resource "ovirt_vm" "desk" {
  name              = "tf-lookup-desk"
  cluster           = data.ovirt_cluster.default.id
  template          = data.ovirt_template.blank.id
  memory_mb         = data.ovirt_template.blank.memory_mb
  smartcard_enabled = true
}

# By id, so it is read once the VM exists; its name comes back from the engine.
data "ovirt_vm" "desk" {
  id = ovirt_vm.desk.id
}

output "cluster_id" {
  value = data.ovirt_cluster.default.id
}

output "found_name" {
  value = data.ovirt_vm.desk.name
}

output "found_cluster" {
  value = data.ovirt_vm.desk.cluster_id
}

output "found_console" {
  value = data.ovirt_vm.desk.console_description
}
${extra}`;
}

describe.skipIf(!probe.tofu)("the lookup data sources with the real OpenTofu CLI", () => {
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let ws: Workspace;

  beforeAll(async () => {
    emulator = await startEmulator(join(probe.workDir, "engine"), password, ["--delay-ms", "200"]);
    ws = workspace(probe.tofu!, join(probe.workDir, "main"), emulator, devOverridesConfig(join(probe.workDir, "dev.tfrc")));
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("plans with the cluster and template read, and the VM's own data source left for apply", async () => {
    ws.write(configuration(emulator));
    const result = await ws.tofu(["plan", "-detailed-exitcode", "-input=false"], STEP_TIMEOUT);
    expect(result.code, result.stdout + result.stderr).toBe(2);
    const { json } = await engineApi(emulator, "GET", "/clusters?search=name%3DDefault");
    const clusterId = String((json.cluster as { id: string }[])[0]!.id);
    expect(result.stdout).toContain("# ovirt_vm.desk will be created");
    expect(result.stdout).toMatch(new RegExp(`\\+ cluster\\s+= "${clusterId}"`));
    expect(result.stdout).toMatch(/\+ template\s+= "00000000-0000-0000-0000-000000000000"/);
    expect(result.stdout).toContain("# data.ovirt_vm.desk will be read during apply");
    expect(result.stdout).toMatch(/\+ found_name\s+= \(known after apply\)/);
  }, STEP_TIMEOUT);

  it("applies: the VM is placed by the ids found, and ovirt_vm finds it; a second plan has no changes", async () => {
    await ws.ok(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    const state = await stateValues(ws);
    const clusterId = String(state["data.ovirt_cluster.default"]?.id);
    expect(clusterId).toMatch(/^[0-9a-f-]{36}$/);
    expect(state["data.ovirt_template.blank"]).toMatchObject({ name: "Blank", id: "00000000-0000-0000-0000-000000000000", status: "ok" });
    expect(state["data.ovirt_vm.desk"]).toMatchObject({ id: state["ovirt_vm.desk"]?.id, name: "tf-lookup-desk", cluster_id: clusterId, smartcard_enabled: true });

    const outputs = JSON.parse(await ws.ok(["output", "-json"])) as Record<string, { value: unknown }>;
    expect(outputs.found_name?.value).toBe("tf-lookup-desk");
    expect(outputs.found_cluster?.value).toBe(clusterId);
    expect(outputs.cluster_id?.value).toBe(clusterId);
    expect(outputs.found_console?.value).toBe("Spice with Smartcard");
    const vm = await engineApi(emulator, "GET", `/vms/${String(state["ovirt_vm.desk"]?.id)}`);
    expect((vm.json.cluster as { id: string }).id).toBe(clusterId);

    const again = await ws.tofu(["plan", "-detailed-exitcode", "-input=false"], STEP_TIMEOUT);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain("No changes.");
  }, STEP_TIMEOUT * 2);

  it("a name that matches nothing fails the plan, pointing at the data source's name", async () => {
    ws.write(configuration(emulator, `
data "ovirt_pool" "missing" {
  name = "no-such-pool"
}
`));
    const result = await ws.tofu(["plan", "-input=false"], STEP_TIMEOUT);
    expect(result.code).toBe(1);
    const text = result.stderr.replace(/[│╷╵]/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("Error: Invalid value for name");
    expect(text).toContain('with data.ovirt_pool.missing, on main.tf line');
    expect(text).toContain('name = "no-such-pool"');
    expect(text).toContain('the engine has no pool named "no-such-pool" (names are matched exactly, case included); check the name, or give its `id`.');
  }, STEP_TIMEOUT);

  it("destroys the VM; the data sources leave nothing behind", async () => {
    ws.write(configuration(emulator));
    await ws.ok(["destroy", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    expect((await engineInventory(emulator)).vms).not.toContain("tf-lookup-desk");
    expect(await stateValues(ws)).toEqual({});
  }, STEP_TIMEOUT);
});
