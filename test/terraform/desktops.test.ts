// Issue #24 through tfplugin6, called as Terraform's core calls the provider, against the engine
// emulator: a Windows 11 ovirt_vm (Secure Boot, TPM, time zone, sound, keyboard layout, an ISO)
// planned and applied with Terraform's own consistency checks, planned again with no change and
// refreshed with no drift; the ISO swapped in the running VM; a boot-order change planned for the
// next run (pending_restart); a device rule as a diagnostic on its attribute in snake_case; a
// destroy of a protected VM refused naming delete_protected.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configOf, diagnostics, dv, expectApplyMatchesPlan, expectPlanKeepsConfig, proposed, startInProcessProvider, undv, type Call, type InProcessProvider, type Value } from "./in-process.ts";
import { engineApi, type Emulator } from "../e2e/harness.ts";

describe("Windows 11 ovirt_vm through tfplugin6 (#24)", () => {
  let provider: InProcessProvider | undefined;
  let emulator: Emulator;
  let call: Call;
  let state: Value;

  beforeAll(async () => {
    provider = await startInProcessProvider("desktops", 0);
    ({ emulator, call } = provider);
    const sds = await engineApi(emulator, "GET", "/storagedomains?search=name%3Ddata");
    const sd = ((sds.json.storage_domain as Value[] | undefined) ?? [])[0]?.id;
    for (const iso of ["win11.iso", "virtio-win.iso"]) {
      const made = await engineApi(emulator, "POST", "/disks", {
        alias: iso, content_type: "iso", format: "raw", sparse: false, provisioned_size: 4194304, storage_domains: { storage_domain: [{ id: sd }] },
      });
      expect(made.status).toBe(201);
    }
  }, 60_000);

  afterAll(async () => {
    await provider?.close();
  });

  /** Plans `config` over the current state (none at first), checks it as Terraform would, and applies it. */
  async function planAndApply(config: Value) {
    const prior = state ?? null;
    const plan = await call("PlanResourceChange", {
      type_name: "ovirt_vm", prior_state: dv(prior), proposed_new_state: dv(proposed(config, prior)), config: dv(config), prior_private: Buffer.alloc(0),
    });
    expect(diagnostics(plan)).toEqual([]);
    expect(plan.requires_replace ?? []).toEqual([]);
    const planned = undv(plan.planned_state);
    expectPlanKeepsConfig(config, planned);
    const applied = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(prior), planned_state: plan.planned_state, config: dv(config), planned_private: plan.planned_private });
    expect(diagnostics(applied)).toEqual([]);
    const next = undv(applied.new_state);
    expectApplyMatchesPlan(planned, next);
    state = next;
    return { planned, state: next };
  }

  const win11 = (values: Value = {}) => configOf("ovirt_vm", {
    name: "tf-win11", cluster: "Default", template: "Blank", memory_mb: 4096, cpu_cores: 2, running: true,
    os_type: "windows_11", bios_type: "q35_secure_boot", tpm_enabled: true, time_zone: "W. Europe Standard Time",
    soundcard_enabled: true, keyboard_layout: "de", cdrom: "win11.iso", boot_devices: ["cdrom", "hd"], delete_protected: true, ...values,
  });

  it("a device rule is a diagnostic on its attribute, worded in snake_case", async () => {
    const config = win11({ tpm_enabled: false });
    const problems = diagnostics(await call("ValidateResourceConfig", { type_name: "ovirt_vm", config: dv(config) }));
    const problem = problems.find((p) => p.attribute?.steps.some((s) => s.attribute_name === "tpm_enabled"));
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem!.detail).toContain("Set `tpm_enabled` to true");
    expect(problem!.detail).not.toMatch(/tpmEnabled|biosType/);
  });

  // osinfo lists for windows_11 only a required TPM; the engine takes it on q35_ovmf, so the plan warns and goes on.
  it("Windows 11 on q35_ovmf validates, and its plan warns on bios_type, in snake_case", async () => {
    const config = win11({ bios_type: "q35_ovmf" });
    expect(diagnostics(await call("ValidateResourceConfig", { type_name: "ovirt_vm", config: dv(config) }))).toEqual([]);
    const plan = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), proposed_new_state: dv(config), config: dv(config) });
    const [warning, ...rest] = diagnostics(plan);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ severity: "WARNING", attribute: { steps: [{ attribute_name: "bios_type" }] } });
    expect(warning!.detail).toContain('Set `bios_type` to "q35_secure_boot"');
    expect(warning!.detail).not.toMatch(/biosType/);
  });

  it("creates the Windows 11 desktop as planned; a second plan and a refresh change nothing", async () => {
    const { state: created } = await planAndApply(win11());
    expect(created).toMatchObject({ os_type: "windows_11", tpm_enabled: true, cdrom: "win11.iso", status: "up", pending_restart: false });
    expect(String(created.domain_xml)).toContain('<tpm model="tpm-crb">');
    const again = await call("PlanResourceChange", {
      type_name: "ovirt_vm", prior_state: dv(state), proposed_new_state: dv(proposed(win11(), state)), config: dv(win11()), prior_private: Buffer.alloc(0),
    });
    expect(undv(again.planned_state)).toEqual(state);
    const refreshed = await call("ReadResource", { type_name: "ovirt_vm", current_state: dv(state), private: Buffer.alloc(0) });
    expect(diagnostics(refreshed)).toEqual([]);
    expect(undv(refreshed.new_state)).toEqual(state);
    // An update to Windows 11 without Secure Boot is planned with the check's warning, as a create is.
    const ovmf = win11({ bios_type: "q35_ovmf" });
    const update = await call("PlanResourceChange", {
      type_name: "ovirt_vm", prior_state: dv(state), proposed_new_state: dv(proposed(ovmf, state)), config: dv(ovmf), prior_private: Buffer.alloc(0),
    });
    const [warning, ...others] = diagnostics(update);
    expect(others).toEqual([]);
    expect(warning).toMatchObject({ severity: "WARNING", attribute: { steps: [{ attribute_name: "bios_type" }] } });
  }, 60_000);

  it("swaps the ISO in the running VM, and plans a boot-order change for the next run", async () => {
    const { state: swapped } = await planAndApply(win11({ cdrom: "virtio-win.iso" }));
    expect(swapped.cdrom).toBe("virtio-win.iso");
    const current = await engineApi(emulator, "GET", `/vms/${String(state.id)}/cdroms/00000000-0000-0000-0000-000000000000?current=true`);
    expect(JSON.stringify(current.json)).toMatch(/"file":\{"id":"[0-9a-f-]{36}"/);
    const { planned, state: reordered } = await planAndApply(win11({ cdrom: "virtio-win.iso", boot_devices: ["hd", "cdrom"] }));
    expect(planned.pending_restart).toBe(true);
    expect(reordered.boot_devices).toEqual(["hd", "cdrom"]);
  }, 60_000);

  it("refuses to destroy a protected VM naming delete_protected, and leaves it running", async () => {
    const destroyed = await call("ApplyResourceChange", {
      type_name: "ovirt_vm", prior_state: dv(state), planned_state: dv(null), config: dv(null), planned_private: Buffer.alloc(0),
    });
    const [problem] = diagnostics(destroyed);
    expect(problem?.detail ?? "").toContain("delete_protected");
    expect((await engineApi(emulator, "GET", `/vms/${String(state.id)}`)).json.status).toBe("up");
    await planAndApply(win11({ cdrom: "virtio-win.iso", boot_devices: ["hd", "cdrom"], delete_protected: false }));
    const gone = await call("ApplyResourceChange", {
      type_name: "ovirt_vm", prior_state: dv(state), planned_state: dv(null), config: dv(null), planned_private: Buffer.alloc(0),
    });
    expect(diagnostics(gone)).toEqual([]);
  }, 60_000);
});
