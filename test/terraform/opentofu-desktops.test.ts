// A Windows 11 ovirt_vm (#24) through the real OpenTofu CLI against the engine emulator: Secure
// Boot, TPM, time zone, sound, keyboard layout and an ISO applied, a second plan with no changes,
// `tofu import` of the VM into a fresh state with no changes planned, the ISO swapped in the running
// VM in place (the engine also keeps it as the next run's medium: pending_restart), a boot-order
// change planned in place, kept for the next run, Windows 11 without Secure Boot planned with a warning on bios_type, and a
// destroy refused naming delete_protected. Beside it, a headless template and a headless, delete-protected pool made from it:
// read back with no changes planned, the pool's destroy refused naming delete_protected too, and allowed once protection is
// off (in place). OpenTofu itself checks each plan against each apply.

import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineApi, removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import { devOverridesConfig, probeTofu, providerBlock, stateValues, workspace, type Workspace } from "./harness.ts";

const probe = probeTofu("tofu-desktops-");
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/terraform/opentofu-desktops (real OpenTofu, Windows 11 desktops): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 240_000;
const CDROM = "00000000-0000-0000-0000-000000000000";

/** A headless template (from a down VM) and a headless, delete-protected pool of it (#24). */
function poolConfiguration(protect: boolean): string {
  return `
resource "ovirt_vm" "gold" {
  name    = "tf-dark-gold"
  running = false
}

resource "ovirt_template" "dark" {
  name      = "tf-dark"
  source_vm = ovirt_vm.gold.vm_id
  headless  = true
}

resource "ovirt_pool" "dark" {
  name             = "tf-dark-pool"
  template         = ovirt_template.dark.name
  size             = 1
  headless         = true
  delete_protected = ${protect}
}
`;
}

function configuration(emulator: Emulator, values: { iso?: string; boot?: string; bios?: string; protect?: boolean; vmOnly?: boolean } = {}): string {
  return `${providerBlock(emulator)}${values.vmOnly === true ? "" : poolConfiguration(values.protect ?? true)}
resource "ovirt_vm" "win11" {
  name              = "tf-win11"
  memory_mb         = 4096
  cpu_cores         = 2
  running           = true
  os_type           = "windows_11"
  bios_type         = "${values.bios ?? "q35_secure_boot"}"
  tpm_enabled       = true
  time_zone         = "W. Europe Standard Time"
  soundcard_enabled = true
  keyboard_layout   = "de"
  cdrom             = "${values.iso ?? "win11.iso"}"
  boot_devices      = [${(values.boot ?? "cdrom,hd").split(",").map((d) => `"${d}"`).join(", ")}]
  delete_protected  = ${values.protect ?? true}
}
`;
}

describe.skipIf(!probe.tofu)("OpenTofu: a Windows 11 desktop (#24)", () => {
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let ws: Workspace;
  let importWs: Workspace;
  const isoIds: Record<string, string> = {};
  const plan = (w = ws) => w.tofu(["plan", "-detailed-exitcode", "-input=false"], STEP_TIMEOUT);
  const apply = () => ws.ok(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
  const vm = async () => (await stateValues(ws))["ovirt_vm.win11"]!;
  const currentCdrom = async (id: unknown) =>
    String(((await engineApi(emulator, "GET", `/vms/${String(id)}/cdroms/${CDROM}?current=true`)).json.file as Record<string, unknown> | undefined)?.id ?? "");

  beforeAll(async () => {
    emulator = await startEmulator(join(probe.workDir, "engine"), password);
    ws = workspace(probe.tofu!, join(probe.workDir, "main"), emulator, devOverridesConfig(join(probe.workDir, "dev.tfrc")));
    importWs = workspace(probe.tofu!, join(probe.workDir, "import"), emulator, devOverridesConfig(join(probe.workDir, "dev-import.tfrc")));
    const sds = await engineApi(emulator, "GET", "/storagedomains?search=name%3Ddata");
    const sd = ((sds.json.storage_domain ?? []) as Record<string, unknown>[])[0]?.id;
    for (const iso of ["win11.iso", "virtio-win.iso"]) {
      const made = await engineApi(emulator, "POST", "/disks", {
        alias: iso, content_type: "iso", format: "raw", sparse: false, provisioned_size: 4194304, storage_domains: { storage_domain: [{ id: sd }] },
      });
      expect(made.status).toBe(201);
      isoIds[iso] = String(made.json.id);
    }
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("applies the Windows 11 desktop; a second plan has no changes", async () => {
    ws.write(configuration(emulator));
    await apply();
    const state = await vm();
    expect(state).toMatchObject({ os_type: "windows_11", bios_type: "q35_secure_boot", tpm_enabled: true, cdrom: "win11.iso", status: "up" });
    const values = await stateValues(ws);
    expect(values["ovirt_template.dark"]).toMatchObject({ headless: true });
    expect(values["ovirt_pool.dark"]).toMatchObject({ headless: true, delete_protected: true });
    expect(await currentCdrom(state.id)).toBe(isoIds["win11.iso"]);
    const again = await plan();
    expect(again.code, again.stdout + again.stderr).toBe(0);
  }, STEP_TIMEOUT * 2);

  it("tofu import brings the VM into a fresh state with no changes planned", async () => {
    importWs.write(configuration(emulator, { vmOnly: true }));
    await importWs.ok(["import", "-input=false", "ovirt_vm.win11", String((await vm()).id)], STEP_TIMEOUT);
    const imported = await plan(importWs);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
  }, STEP_TIMEOUT * 2);

  it("swaps the ISO in the running VM in place", async () => {
    ws.write(configuration(emulator, { iso: "virtio-win.iso" }));
    const planned = await plan();
    expect(planned.code, planned.stdout + planned.stderr).toBe(2);
    expect(planned.stdout).toMatch(/1 to change, 0 to destroy/);
    await apply();
    expect(await currentCdrom((await vm()).id)).toBe(isoIds["virtio-win.iso"]);
  }, STEP_TIMEOUT * 2);

  it("plans a boot-order change in place, waiting for the next run (pending_restart)", async () => {
    ws.write(configuration(emulator, { iso: "virtio-win.iso", boot: "hd,cdrom" }));
    const planned = await plan();
    expect(planned.code, planned.stdout + planned.stderr).toBe(2);
    expect(planned.stdout).toMatch(/~ boot_devices/);
    expect(planned.stdout).toMatch(/1 to change, 0 to destroy/);
    await apply();
    expect((await vm()).pending_restart).toBe(true);
  }, STEP_TIMEOUT * 2);

  // The engine takes Windows 11 on UEFI without Secure Boot (osinfo asks it only a TPM): a warning, not a failure.
  it("plans Windows 11 on q35_ovmf as a change, with a warning naming bios_type and q35_secure_boot", async () => {
    ws.write(configuration(emulator, { iso: "virtio-win.iso", boot: "hd,cdrom", bios: "q35_ovmf" }));
    const planned = await plan();
    expect(planned.code, planned.stdout + planned.stderr).toBe(2);
    expect(planned.stdout + planned.stderr).toMatch(/Warning:[\s\S]*`bios_type` "q35_ovmf"[\s\S]*Set `bios_type` to "q35_secure_boot"/);
  }, STEP_TIMEOUT);

  it("refuses to destroy the protected VM and pool naming delete_protected; once off (in place), destroy removes them", async () => {
    ws.write(configuration(emulator, { iso: "virtio-win.iso", boot: "hd,cdrom" }));
    const refused = await ws.tofu(["destroy", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain("delete_protected");
    expect(refused.stdout + refused.stderr).toMatch(/Pool tf-dark-pool[\s\S]*delete_protected/);
    const id = (await vm()).id;
    const poolId = (await stateValues(ws))["ovirt_pool.dark"]!.id;
    expect((await engineApi(emulator, "GET", `/vms/${String(id)}`)).status).toBe(200);
    expect((await engineApi(emulator, "GET", `/vmpools/${String(poolId)}`)).status).toBe(200);
    ws.write(configuration(emulator, { iso: "virtio-win.iso", boot: "hd,cdrom", protect: false }));
    await apply();
    await ws.ok(["destroy", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    expect((await engineApi(emulator, "GET", `/vms/${String(id)}`)).status).toBe(404);
    expect((await engineApi(emulator, "GET", `/vmpools/${String(poolId)}`)).status).toBe(404);
  }, STEP_TIMEOUT * 3);
});
