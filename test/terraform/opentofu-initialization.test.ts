// An ovirt_vm's `initialization` through the real OpenTofu CLI against the engine emulator: a
// Windows desktop with sysprep whose admin password comes from a sensitive variable, and a Linux
// desktop with cloud-init. The engine never shows a stored password again (it answers `******`),
// so the plan after apply must still have no changes, and the password must not reach the CLI's
// output; OpenTofu checks each apply against its plan, so a provider that returned the masked
// value would fail with "Provider produced inconsistent result".

import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineApi, engineInventory, removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import { devOverridesConfig, probeTofu, providerBlock, stateValues, workspace, type Workspace } from "./harness.ts";

const probe = probeTofu("tofu-init-");
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/terraform/opentofu-initialization (real OpenTofu, initialization): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 240_000;
const ADMIN_PASSWORD = `Sysprep-${randomBytes(6).toString("hex")}`;

function configuration(emulator: Emulator, windowsHostname: string): string {
  return `${providerBlock(emulator)}
variable "admin_password" {
  type      = string
  sensitive = true
}

resource "ovirt_vm" "windows" {
  name      = "tf-init-windows"
  memory_mb = 2048
  initialization = {
    sysprep = {
      hostname       = "${windowsHostname}"
      domain         = "desks.example.org"
      admin_password = var.admin_password
      timezone       = "W. Europe Standard Time"
    }
  }
}

resource "ovirt_vm" "linux" {
  name      = "tf-init-linux"
  memory_mb = 1024
  initialization = {
    cloud_init = {
      hostname            = "lab-01"
      user_name           = "student"
      authorized_ssh_keys = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTests student@lab"]
      dns_servers         = ["10.0.0.53"]
      nic_configurations = [
        { name = "eth0", boot_protocol = "static", address = "10.0.0.21", netmask = "255.255.255.0", gateway = "10.0.0.1" },
      ]
    }
  }
}
`;
}

describe.skipIf(!probe.tofu)("OpenTofu: initialization with sysprep and cloud-init", () => {
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let ws: Workspace;
  const plan = () => ws.tofu(["plan", "-detailed-exitcode", "-input=false"], STEP_TIMEOUT);
  const engineVm = async (name: string) => {
    const listed = await engineApi(emulator, "GET", `/vms?search=${encodeURIComponent(`name=${name}`)}`);
    const [vm] = (listed.json.vm ?? []) as Record<string, unknown>[];
    return (await engineApi(emulator, "GET", `/vms/${String(vm!.id)}`)).json;
  };

  beforeAll(async () => {
    emulator = await startEmulator(join(probe.workDir, "engine"), password);
    ws = workspace(probe.tofu!, join(probe.workDir, "main"), emulator, devOverridesConfig(join(probe.workDir, "dev.tfrc")), {
      TF_VAR_admin_password: ADMIN_PASSWORD,
    });
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("plans the password as sensitive, applies both kinds to the engine, and never prints the password", async () => {
    ws.write(configuration(emulator, "DESK-01"));
    const planned = await plan();
    expect(planned.code, planned.stdout + planned.stderr).toBe(2);
    expect(planned.stdout).toMatch(/admin_password\s+= \(sensitive value\)/);
    expect(planned.stdout).toContain("Plan: 2 to add, 0 to change, 0 to destroy.");
    const applied = await ws.tofu(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    for (const output of [planned.stdout, planned.stderr, applied.stdout, applied.stderr]) expect(output).not.toContain(ADMIN_PASSWORD);

    const windows = (await engineVm("tf-init-windows")).initialization as Record<string, unknown>;
    expect(windows).toMatchObject({ host_name: "DESK-01", domain: "desks.example.org", timezone: "W. Europe Standard Time", root_password: "******" });
    const linux = (await engineVm("tf-init-linux")).initialization as Record<string, unknown>;
    expect(linux).toMatchObject({ host_name: "lab-01", user_name: "student", dns_servers: "10.0.0.53" });
    expect(JSON.stringify(linux.nic_configurations)).toContain("10.0.0.21");
  }, STEP_TIMEOUT * 2);

  it("the next plan has no changes: the state keeps the password the engine masks", async () => {
    const again = await plan();
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain("No changes.");
    const state = await stateValues(ws);
    const sysprep = (state["ovirt_vm.windows"]!.initialization as Record<string, Record<string, unknown>>).sysprep!;
    expect(sysprep.admin_password).toBe(ADMIN_PASSWORD);
  }, STEP_TIMEOUT);

  it("a new host name is an in-place update, and the engine has it", async () => {
    ws.write(configuration(emulator, "DESK-02"));
    const planned = await plan();
    expect(planned.code, planned.stdout + planned.stderr).toBe(2);
    expect(planned.stdout).toContain("# ovirt_vm.windows will be updated in-place");
    expect(planned.stdout).toMatch(/hostname\s+= "DESK-01" -> "DESK-02"/);
    expect(planned.stdout).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
    await ws.ok(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    expect(((await engineVm("tf-init-windows")).initialization as Record<string, unknown>).host_name).toBe("DESK-02");
    const again = await plan();
    expect(again.code, again.stdout + again.stderr).toBe(0);
  }, STEP_TIMEOUT * 3);

  it("destroys both VMs", async () => {
    await ws.ok(["destroy", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    const { vms } = await engineInventory(emulator);
    expect(vms).not.toContain("tf-init-windows");
    expect(vms).not.toContain("tf-init-linux");
  }, STEP_TIMEOUT);
});
