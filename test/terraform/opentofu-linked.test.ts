// The natural configuration of #22, with the real OpenTofu CLI against the emulator: a template
// and a pool linked by name (`template = ovirt_template.desk.name`, known at plan while the
// template does not exist yet). The plan passes with a warning on `template` at most, apply makes
// both, destroy removes both. And a template that nothing creates: the plan warns, the apply fails
// naming `template`, and nothing is left in the engine.

import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineInventory, removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import { devOverridesConfig, probeTofu, providerBlock, stateValues, workspace, type Workspace } from "./harness.ts";

const probe = probeTofu("tofu-linked-");
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/terraform/opentofu-linked (real OpenTofu, template and pool linked by name): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 240_000;

function linkedByName(emulator: Emulator): string {
  return `${providerBlock(emulator)}
resource "ovirt_vm" "golden" {
  name      = "tf-linked-golden"
  memory_mb = 512
}

resource "ovirt_template" "desk" {
  name      = "tf-linked-template"
  source_vm = ovirt_vm.golden.vm_id
}

resource "ovirt_pool" "desks" {
  name     = "tf-linked-pool"
  template = ovirt_template.desk.name
  size     = 1
}
`;
}

function missingTemplate(emulator: Emulator): string {
  return `${providerBlock(emulator)}
resource "ovirt_pool" "orphan" {
  name     = "tf-orphan-pool"
  template = "tf-no-such-template"
  size     = 1
}
`;
}

describe.skipIf(!probe.tofu)("OpenTofu: a template and a pool linked by name (#22)", () => {
  let emulator: Emulator;
  let ws: Workspace;
  let missing: Workspace;

  beforeAll(async () => {
    emulator = await startEmulator(join(probe.workDir, "engine"), randomBytes(12).toString("hex"));
    ws = workspace(probe.tofu!, join(probe.workDir, "linked"), emulator, devOverridesConfig(join(probe.workDir, "linked.tfrc")));
    missing = workspace(probe.tofu!, join(probe.workDir, "missing"), emulator, devOverridesConfig(join(probe.workDir, "missing.tfrc")));
  }, 60_000);
  afterAll(async () => {
    await emulator?.stop();
  });

  it("plans (a warning on template at most), applies both, and destroys both", async () => {
    ws.write(linkedByName(emulator));
    const plan = await ws.tofu(["plan", "-detailed-exitcode", "-input=false"], STEP_TIMEOUT);
    expect(plan.code, plan.stdout + plan.stderr).toBe(2);
    expect(plan.stdout).toContain("Plan: 3 to add, 0 to change, 0 to destroy.");
    expect(plan.stdout + plan.stderr).not.toMatch(/Error:/);
    await ws.ok(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    const state = await stateValues(ws);
    expect(state["ovirt_pool.desks"]).toMatchObject({ name: "tf-linked-pool", template: "tf-linked-template" });
    expect(state["ovirt_template.desk"]).toMatchObject({ status: "ok" });
    await ws.ok(["destroy", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    const left = await engineInventory(emulator);
    expect(JSON.stringify(left)).not.toMatch(/tf-linked-/);
  }, STEP_TIMEOUT * 3);

  it("a template nothing creates: the plan warns on template, the apply fails naming it, nothing is left", async () => {
    missing.write(missingTemplate(emulator));
    const plan = await missing.tofu(["plan", "-detailed-exitcode", "-input=false"], STEP_TIMEOUT);
    const planned = (plan.stdout + plan.stderr).replace(/\s+/g, " ");
    expect(plan.code, planned).toBe(2);
    expect(planned).toMatch(/Warning: Invalid value for template/);
    expect(planned).toMatch(/create fails if `template` is still missing/);
    const applied = await missing.tofu(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    const text = (applied.stdout + applied.stderr).replace(/\s+/g, " ");
    expect(applied.code).toBe(1);
    expect(text).toMatch(/`template`: .*tf-no-such-template.*nothing was created/);
    expect(JSON.stringify(await engineInventory(emulator))).not.toMatch(/tf-orphan-pool/);
  }, STEP_TIMEOUT * 2);
});
