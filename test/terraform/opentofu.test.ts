// End to end with the real OpenTofu CLI and terraform-provider-ovirt against the engine emulator:
// all four resources, the data source and the provider function, through plan, apply, no-op plans,
// in-place and replacing changes, refusals at plan, drift, import and destroy.

import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineApi, engineInventory, removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import { devOverridesConfig, probeTofu, providerBlock, stateValues, workspace, type Workspace } from "./harness.ts";

const probe = probeTofu();
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/terraform/opentofu (real OpenTofu end to end): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const SMARTCARD_XML = '<smartcard mode="passthrough" type="spicevmc"/>';
const STEP_TIMEOUT = 240_000;

interface Settings {
  deskSmartcard?: boolean;
  deskCluster?: string;
  deskRunning?: boolean;
  poolSize?: number;
  extra?: string;
}

/** The configuration under test: a golden VM, its template, a pool of desktops, their console policy, and a desk. */
function configuration(emulator: Emulator, s: Settings = {}): string {
  return `${providerBlock(emulator)}
resource "ovirt_vm" "golden" {
  name              = "tf-golden"
  memory_mb         = 1024
  smartcard_enabled = true
  usb_enabled       = true
}

resource "ovirt_template" "desk" {
  name              = "tf-desk-template"
  source_vm         = ovirt_vm.golden.vm_id
  smartcard_enabled = true
}

resource "ovirt_pool" "desks" {
  name              = "tf-desks"
  template          = ovirt_template.desk.template_id
  size              = ${s.poolSize ?? 2}
  smartcard_enabled = true
}

resource "ovirt_console_policy" "desks" {
  pool_id               = ovirt_pool.desks.pool_id
  disconnect_action     = "lock_screen"
  ticket_expiry_seconds = 90
}

resource "ovirt_vm" "desk" {
  name              = "tf-desk"
  memory_mb         = 512
  smartcard_enabled = ${s.deskSmartcard ?? false}
  running           = ${s.deskRunning ?? false}${s.deskCluster ? `\n  cluster           = "${s.deskCluster}"` : ""}
}

data "ovirt_domain_xml" "preview" {
  name              = "tf-preview"
  smartcard_enabled = true
}

output "preview_xml" {
  value = data.ovirt_domain_xml.preview.xml
}

output "function_xml" {
  value = provider::ovirt::preview_domain_xml({ name = "tf-function", smartcard_enabled = true, memory_mb = 2048 })
}

output "pool_console" {
  value = ovirt_pool.desks.console_description
}
${s.extra ?? ""}`;
}

describe.skipIf(!probe.tofu)("the real OpenTofu CLI, end to end against the emulator", () => {
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let ws: Workspace;
  let importWs: Workspace;
  /** The settings of the last configuration written; each step changes some. */
  let settings: Settings = {};
  const configure = (patch: Settings): string => configuration(emulator, { ...settings, ...patch });
  const keep = (patch: Settings): void => {
    settings = { ...settings, ...patch };
    ws.write(configuration(emulator, settings));
  };

  const plan = async (target: Workspace, args: string[] = []) => target.tofu(["plan", "-detailed-exitcode", "-input=false", ...args], STEP_TIMEOUT);
  const apply = async (target: Workspace, args: string[] = []) => target.ok(["apply", "-auto-approve", "-input=false", ...args], STEP_TIMEOUT);

  beforeAll(async () => {
    emulator = await startEmulator(join(probe.workDir, "engine"), password);
    ws = workspace(probe.tofu!, join(probe.workDir, "main"), emulator, devOverridesConfig(join(probe.workDir, "dev.tfrc")));
    importWs = workspace(probe.tofu!, join(probe.workDir, "import"), emulator, devOverridesConfig(join(probe.workDir, "dev-import.tfrc")));
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("plans the four resources with what is known before apply, and the data source and function", async () => {
    keep({});
    const result = await plan(ws);
    expect(result.code, result.stderr).toBe(2);
    for (const address of ["ovirt_vm.golden", "ovirt_template.desk", "ovirt_pool.desks", "ovirt_console_policy.desks", "ovirt_vm.desk"]) {
      expect(result.stdout).toContain(`# ${address} will be created`);
    }
    expect(result.stdout).toContain("Plan: 5 to add, 0 to change, 0 to destroy.");
    // Known at plan: the pool's console and the golden VM's domain XML; unknown: ids.
    expect(result.stdout).toMatch(/pool_console\s+= "Spice with Smartcard"/);
    expect(result.stdout).toMatch(/vm_id\s+= \(known after apply\)/);
    expect(result.stdout).toContain(SMARTCARD_XML);
  }, STEP_TIMEOUT);

  it("applies, then a second plan has no changes (-detailed-exitcode 0)", async () => {
    await apply(ws);
    const state = await stateValues(ws);
    expect(state["ovirt_pool.desks"]).toMatchObject({ name: "tf-desks", size: 2, smartcard_enabled: true, console_description: "Spice with Smartcard" });
    expect((state["ovirt_pool.desks"]?.vm_names as string[]).length).toBe(2);
    expect(state["ovirt_console_policy.desks"]).toMatchObject({ effective_smartcard: true, ticket_expiry_seconds: 90, sso: "guest_agent" });
    expect(String(state["ovirt_console_policy.desks"]?.id)).toMatch(/^pool:/);
    expect(state["ovirt_template.desk"]).toMatchObject({ status: "ok", smartcard_enabled: true });
    expect(state["ovirt_vm.desk"]).toMatchObject({ status: "down", pending_restart: false, console_description: "Spice" });
    const outputs = JSON.parse(await ws.ok(["output", "-json"])) as Record<string, { value: string }>;
    expect(outputs.preview_xml?.value).toContain("<name>tf-preview</name>");
    expect(outputs.preview_xml?.value).toContain(SMARTCARD_XML);
    expect(outputs.function_xml?.value).toContain('<memory unit="MiB">2048</memory>');
    expect(outputs.function_xml?.value).toContain(SMARTCARD_XML);

    const inventory = await engineInventory(emulator);
    expect(inventory.pools).toEqual(["tf-desks"]);
    expect(inventory.templates).toContain("tf-desk-template");

    const again = await plan(ws);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain("No changes.");
  }, STEP_TIMEOUT * 2);

  it("flips the desk's smartcard in place", async () => {
    const before = (await stateValues(ws))["ovirt_vm.desk"]!;
    keep({ deskSmartcard: true });
    const result = await plan(ws);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("# ovirt_vm.desk will be updated in-place");
    expect(result.stdout).toMatch(/~ smartcard_enabled\s+= false -> true/);
    expect(result.stdout).toMatch(/~ console_description\s+= "Spice" -> "Spice with Smartcard"/);
    expect(result.stdout).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
    await apply(ws);
    const after = (await stateValues(ws))["ovirt_vm.desk"]!;
    expect(after.id).toBe(before.id);
    expect(after.domain_xml).toContain(SMARTCARD_XML);
    const engineVm = await engineApi(emulator, "GET", `/vms/${String(after.id)}`);
    expect((engineVm.json.display as { smartcard_enabled?: unknown }).smartcard_enabled).toBe("true");
    expect((await plan(ws)).code).toBe(0);
  }, STEP_TIMEOUT * 2);

  it("shows pending_restart when a running VM gets a boot-time change", async () => {
    keep({ deskRunning: true });
    await apply(ws);
    expect((await stateValues(ws))["ovirt_vm.desk"]).toMatchObject({ status: "up", pending_restart: false });
    keep({ deskSmartcard: false });
    const result = await plan(ws);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/~ pending_restart\s+= false -> true/);
    await apply(ws);
    expect((await stateValues(ws))["ovirt_vm.desk"]).toMatchObject({ status: "up", pending_restart: true, smartcard_enabled: false });
    // Stopping applies the next-run configuration.
    keep({ deskRunning: false });
    await apply(ws);
    expect((await stateValues(ws))["ovirt_vm.desk"]).toMatchObject({ status: "down", pending_restart: false });
    expect((await plan(ws)).code).toBe(0);
  }, STEP_TIMEOUT * 3);

  it("replaces the desk when its cluster changes", async () => {
    const before = (await stateValues(ws))["ovirt_vm.desk"]!;
    const clusterId = String(before.cluster_id);
    keep({ deskCluster: clusterId });
    const result = await plan(ws);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("# ovirt_vm.desk must be replaced");
    expect(result.stdout).toMatch(/~ cluster\s+= "Default" -> "[0-9a-f-]+" # forces replacement/);
    expect(result.stdout).toContain("Plan: 1 to add, 0 to change, 1 to destroy.");
    await apply(ws);
    const after = (await stateValues(ws))["ovirt_vm.desk"]!;
    expect(after.id).not.toBe(before.id);
    expect((await engineApi(emulator, "GET", `/vms/${String(before.id)}`)).status).toBe(404);
    expect((await plan(ws)).code).toBe(0);
  }, STEP_TIMEOUT * 2);

  it("refuses a pool shrink at plan, naming size", async () => {
    ws.write(configure({ poolSize: 1 }));
    const result = await plan(ws);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Invalid value for size");
    expect(result.stderr).toMatch(/`size` cannot go down from 2 to 1/);
    expect(result.stderr).toContain("ovirt_pool.desks");
  }, STEP_TIMEOUT);

  it("refuses VNC with a smartcard at plan, naming smartcard_enabled", async () => {
    const extra = `
resource "ovirt_vm" "vnc" {
  name              = "tf-vnc"
  display_type      = "vnc"
  smartcard_enabled = true
}
`;
    ws.write(configure({ extra }));
    const result = await plan(ws);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Invalid value for smartcard_enabled");
    expect(result.stderr).toMatch(/`smartcard_enabled` cannot be true here/);
    expect(result.stderr).not.toContain("smartcardEnabled");
  }, STEP_TIMEOUT);

  it("refuses a console policy that would enable a smartcard its target lacks", async () => {
    const extra = `
resource "ovirt_console_policy" "desk" {
  vm_id             = ovirt_vm.desk.vm_id
  smartcard_enabled = true
}
`;
    ws.write(configure({ extra }));
    const result = await plan(ws);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Invalid value for smartcard_enabled");
    expect(result.stderr.replace(/\s+/g, " ")).toContain("can only disable a smartcard");
  }, STEP_TIMEOUT);

  it("shows drift after an out-of-band change, and puts it back", async () => {
    keep({});
    const desk = (await stateValues(ws))["ovirt_vm.desk"]!;
    const put = await engineApi(emulator, "PUT", `/vms/${String(desk.id)}`, { memory: 768 * 1024 * 1024 });
    expect(put.status).toBe(200);
    const refresh = await plan(ws, ["-refresh-only"]);
    expect(refresh.code).toBe(2);
    expect(refresh.stdout).toContain("changed outside of OpenTofu");
    expect(refresh.stdout).toMatch(/~ memory_mb\s+= 512 -> 768/);
    const result = await plan(ws);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/~ memory_mb\s+= 768 -> 512/);
    await apply(ws);
    expect((await engineApi(emulator, "GET", `/vms/${String(desk.id)}`)).json.memory).toBe(String(512 * 1024 * 1024));
    expect((await plan(ws)).code).toBe(0);
  }, STEP_TIMEOUT * 2);

  it("imports each resource by id, and a configuration naming only what it sets plans no change", async () => {
    const state = await stateValues(ws);
    const id = (address: string) => String(state[address]?.id);
    importWs.write(`${providerBlock(emulator)}
import {
  to = ovirt_vm.desk
  id = "${id("ovirt_vm.desk")}"
}

resource "ovirt_vm" "desk" {
  name      = "tf-desk"
  memory_mb = 512
}

import {
  to = ovirt_pool.desks
  id = "${id("ovirt_pool.desks")}"
}

resource "ovirt_pool" "desks" {
  name              = "tf-desks"
  template          = "tf-desk-template"
  size              = 2
  smartcard_enabled = true
}

import {
  to = ovirt_console_policy.desks
  id = "${id("ovirt_console_policy.desks")}"
}

resource "ovirt_console_policy" "desks" {
  pool_id = "${String(state["ovirt_pool.desks"]?.pool_id)}"
}
`);
    const result = await plan(importWs);
    expect(result.stdout + result.stderr).toContain("Plan: 3 to import, 0 to add, 0 to change, 0 to destroy.");
    await apply(importWs);
    // The template through the `tofu import` command, once the configuration names it.
    importWs.write(readFileSync(join(importWs.dir, "main.tf"), "utf8") + `
resource "ovirt_template" "desk" {
  name              = "tf-desk-template"
  source_vm         = "${String(state["ovirt_vm.golden"]?.id)}"
  smartcard_enabled = true
}
`);
    await importWs.ok(["import", "-input=false", "ovirt_template.desk", id("ovirt_template.desk")], STEP_TIMEOUT);
    // The engine does not say which VM a template was copied from: the import adopts the
    // configuration's source_vm, the only change planned, and the engine is not called for it.
    const adopt = await plan(importWs);
    expect(adopt.code).toBe(2);
    expect(adopt.stdout).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
    expect(adopt.stdout).toMatch(/\+ source_vm\s+= "[0-9a-f-]+"\n\s+# \(\d+ unchanged attributes hidden\)/);
    await apply(importWs);
    const again = await plan(importWs);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    // Hand the entities back to the main workspace: forget them here without touching the engine.
    for (const address of ["ovirt_vm.desk", "ovirt_pool.desks", "ovirt_console_policy.desks", "ovirt_template.desk"]) {
      await importWs.ok(["state", "rm", address]);
    }
  }, STEP_TIMEOUT * 3);

  it("never writes the password to the CLI's output or its trace log", async () => {
    const logPath = join(probe.workDir, "tofu-trace.log");
    const traced = workspace(probe.tofu!, ws.dir, emulator, ws.env.TF_CLI_CONFIG_FILE!, { TF_LOG: "trace", TF_LOG_PATH: logPath, OVIRT_PROVIDER_VERBOSITY: "2" });
    const result = await traced.tofu(["plan", "-input=false"], STEP_TIMEOUT);
    expect(result.code).toBe(0);
    const log = readFileSync(logPath, "utf8");
    expect(log).toContain("[ovirt]");
    for (const text of [log, result.stdout, result.stderr]) expect(text).not.toContain(password);
  }, STEP_TIMEOUT);

  it("destroys everything it made, leaving the engine as it was", async () => {
    await ws.ok(["destroy", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    const inventory = await engineInventory(emulator);
    expect(inventory).toEqual({ vms: [], templates: ["Blank"], pools: [] });
    expect(await stateValues(ws)).toEqual({});
  }, STEP_TIMEOUT);
});
