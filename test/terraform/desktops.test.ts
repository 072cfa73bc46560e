// Issue #24 through tfplugin6, called as Terraform's core calls the provider, against the engine
// emulator: a Windows 11 ovirt_vm (Secure Boot, TPM, time zone, sound, keyboard layout, an ISO)
// planned and applied with Terraform's own consistency checks, planned again with no change and
// refreshed with no drift; the ISO swapped in the running VM; a boot-order change planned for the
// next run (pending_restart); a device rule as a diagnostic on its attribute in snake_case; a
// destroy of a protected VM refused naming delete_protected.

import { credentials, makeClientConstructor, type Client, type ServiceError } from "@grpc/grpc-js";
import { decode, encode, ExtData } from "@msgpack/msgpack";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineApi, removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import * as registry from "../../provider/registry.ts";
import { createTerraformServer, type TerraformServer } from "../../provider/terraform/index.ts";
import { providerService } from "../../provider/terraform/proto.ts";
import { resourceTypes } from "../../provider/terraform/schema.ts";

const ProviderClient = makeClientConstructor(providerService, "tfplugin6.Provider");
type Value = Record<string, unknown>;
type Call = (method: string, request: Value) => Promise<Value>;

const dv = (value: unknown) => ({ msgpack: Buffer.from(encode(value, { useBigInt64: true })) });
const undv = (value: unknown) => decode((value as { msgpack: Buffer }).msgpack, { useBigInt64: true }) as Value;
const diagnostics = (response: Value) => (response.diagnostics ?? []) as { severity: string; detail: string; attribute?: { steps: Value[] } }[];

function vmConfig(values: Value): Value {
  return Object.fromEntries(resourceTypes.get("ovirt_vm")!.attributes.map((a) => [a.name, values[a.name] ?? null]));
}

/** Terraform's proposed new state: the configuration, with unset fields from the prior state, list entries by position. */
function proposed(config: unknown, prior: unknown): unknown {
  if (config === null) return prior ?? null;
  if (Array.isArray(config)) return config.map((item, i) => proposed(item, Array.isArray(prior) ? prior[i] : undefined));
  if (config && typeof config === "object" && !(config instanceof ExtData)) {
    const before = (prior && typeof prior === "object" ? prior : {}) as Value;
    return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, proposed(v, before[k])]));
  }
  return config;
}

/** What Terraform insists on at plan: every configured value planned exactly as written. */
function expectPlanKeepsConfig(config: unknown, planned: unknown, path = "") {
  if (config === null || config === undefined) return;
  if (Array.isArray(config)) {
    expect((planned as unknown[]).length, `${path} length`).toBe(config.length);
    config.forEach((item, i) => expectPlanKeepsConfig(item, (planned as unknown[])[i], `${path}[${i}]`));
  } else if (typeof config === "object" && !(config instanceof ExtData)) {
    for (const [k, v] of Object.entries(config)) expectPlanKeepsConfig(v, (planned as Value)[k], `${path}.${k}`);
  } else expect(planned, path).toEqual(config);
}

/** What Terraform insists on after apply: every value the plan knew, unchanged; nothing unknown left. */
function expectApplyMatchesPlan(planned: unknown, state: unknown, path = "") {
  expect(state, `${path} is unknown after apply`).not.toBeInstanceOf(ExtData);
  if (planned instanceof ExtData) return;
  if (Array.isArray(planned)) {
    expect((state as unknown[]).length, `${path} length`).toBe(planned.length);
    planned.forEach((item, i) => expectApplyMatchesPlan(item, (state as unknown[])[i], `${path}[${i}]`));
  } else if (planned && typeof planned === "object") {
    for (const [k, v] of Object.entries(planned)) expectApplyMatchesPlan(v, (state as Value)[k], `${path}.${k}`);
  } else expect(state, path).toEqual(planned);
}

describe("Windows 11 ovirt_vm through tfplugin6 (#24)", () => {
  const workDir = mkdtempSync(join(tmpdir(), "pulumi-ovirt-tfdesktops-"));
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let server: TerraformServer;
  let client: Client;
  let call: Call;
  let state: Value;

  beforeAll(async () => {
    emulator = await startEmulator(join(workDir, "engine"), password, ["--delay-ms", "0"]);
    server = createTerraformServer({
      resources: registry.resources, functions: registry.functions, engineFactory: registry.engineFactory,
      env: { OVIRT_USERNAME: "admin@internal", OVIRT_PASSWORD: password, OVIRT_TERRAFORM_OWNER: "desktops-test" },
    });
    client = new ProviderClient((await server.listen()).split("|")[3]!, credentials.createInsecure());
    call = (method, request) =>
      new Promise((resolve, reject) => {
        const fn = (client as unknown as Record<string, (req: unknown, cb: (err: ServiceError | null, res: unknown) => void) => void>)[method]!;
        fn.call(client, request, (err, res) => (err ? reject(err) : resolve(res as Value)));
      });
    const configured = await call("ConfigureProvider", { config: dv({ url: emulator.apiUrl, username: null, password: null, ca_file: emulator.caFile, insecure: null }) });
    expect(diagnostics(configured)).toEqual([]);
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
    client?.close();
    await server?.shutdown();
    await emulator?.stop();
    removeWorkDir(workDir);
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

  const win11 = (values: Value = {}) => vmConfig({
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
