// Nested attributes through tfplugin6, called the way Terraform's core calls the provider: an
// ovirt_vm with `disks` and `nics` (lists of objects) against the engine emulator. Terraform checks
// every plan against the configuration and every apply against the plan; the same checks run here
// (expectPlanKeepsConfig, expectApplyMatchesPlan), so an "inconsistent result after apply" or a
// "planned value for a non-computed attribute" fails this test as it would fail `terraform apply`.

import { ExtData } from "@msgpack/msgpack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configOf, diagnostics, dv, expectApplyMatchesPlan, expectPlanKeepsConfig, proposed, startInProcessProvider, undv, type Call, type InProcessProvider, type Value } from "./in-process.ts";
import { engineApi, type Emulator } from "../e2e/harness.ts";
import { resourceTypes, type NestedSpec } from "../../provider/terraform/schema.ts";

const GIB = 1024 ** 3;
/** An unknown as the provider sends it back (decoded, its bytes are a Buffer). */
const AN_UNKNOWN: unknown = expect.any(ExtData);

/** A full object of a nested attribute: every field, null unless given. */
function fields(attribute: string, values: Value): Value {
  const nested = resourceTypes.get("ovirt_vm")!.byName.get(attribute)!.nested!;
  return Object.fromEntries(nested.attributes.map((a) => [a.name, values[a.name] ?? null]));
}

describe("ovirt_vm disks and nics as nested attributes, through tfplugin6", () => {
  let provider: InProcessProvider | undefined;
  let emulator: Emulator;
  let call: Call;
  let state: Value;

  beforeAll(async () => {
    provider = await startInProcessProvider("nested", 50);
    ({ emulator, call } = provider);
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

  async function planOnly(config: Value) {
    const plan = await call("PlanResourceChange", {
      type_name: "ovirt_vm", prior_state: dv(state), proposed_new_state: dv(proposed(config, state)), config: dv(config), prior_private: Buffer.alloc(0),
    });
    expect(diagnostics(plan)).toEqual([]);
    return undv(plan.planned_state);
  }

  const disk = (values: Value) => fields("disks", values);
  const nic = (values: Value) => fields("nics", values);
  const nic1 = nic({ name: "nic1", network: "ovirtmgmt" });

  it("serves disks and nics as nested attributes (a list of objects), not as object types", async () => {
    const schema = await call("GetProviderSchema", {});
    type Attr = { name: string; type: Buffer; required: boolean; optional: boolean; computed: boolean; nested_type?: { nesting: string; attributes: Attr[] } };
    const vm = (schema.resource_schemas as Record<string, { block: { attributes: Attr[] } }>).ovirt_vm!.block.attributes;
    const disks = vm.find((a) => a.name === "disks")!;
    expect(disks.type.length).toBe(0);
    expect(disks.nested_type!.nesting).toBe("LIST");
    const flags = (name: string) => {
      const a = disks.nested_type!.attributes.find((f) => f.name === name)!;
      return [JSON.parse(a.type.toString()), a.required, a.optional, a.computed];
    };
    expect(flags("size_gb")).toEqual(["number", true, false, false]);
    expect(flags("interface")).toEqual(["string", false, true, true]);
    expect(flags("disk_id")).toEqual(["string", false, false, true]);
    const template = (schema.resource_schemas as Record<string, { block: { attributes: Attr[] } }>).ovirt_template!.block.attributes;
    expect(template.find((a) => a.name === "nics")!.nested_type!.attributes.every((f) => f.computed && !f.optional && !f.required)).toBe(true);
  });

  it("a bad field is a diagnostic on its full path, in snake_case", async () => {
    const config = configOf("ovirt_vm", { name: "tf-nested-bad", disks: [disk({ name: "data", size_gb: 0 })] });
    const [problem, ...rest] = diagnostics(await call("ValidateResourceConfig", { type_name: "ovirt_vm", config: dv(config) }));
    expect(rest).toEqual([]);
    expect(problem!.attribute!.steps).toEqual([
      expect.objectContaining({ attribute_name: "disks" }), expect.objectContaining({ element_key_int: 0 }), expect.objectContaining({ attribute_name: "size_gb" }),
    ]);
    expect(problem!.detail).toContain("`disks[0].size_gb` must be at least 1");
    expect(problem!.detail).not.toMatch(/sizeGb/);
  });

  it("create: the defaults planned as the provider fills them in, the engine's ids unknown until apply", async () => {
    const { planned, state: created } = await planAndApply(configOf("ovirt_vm", { name: "tf-nested", disks: [disk({ name: "data", size_gb: 2 })], nics: [nic1] }));
    expect((planned.disks as Value[])[0]).toEqual({
      name: "data", size_gb: 2, storage_domain: null, interface: "virtio_scsi", format: "cow", sparse: true, bootable: false, disk_id: AN_UNKNOWN,
    });
    expect((planned.nics as Value[])[0]).toEqual({ name: "nic1", network: "ovirtmgmt", vnic_profile: null, interface: "virtio", mac_address: AN_UNKNOWN, nic_id: AN_UNKNOWN });
    const [data] = created.disks as Value[];
    expect(data!.disk_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((created.nics as Value[])[0]!.mac_address).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    const engineDisk = await engineApi(emulator, "GET", `/disks/${String(data!.disk_id)}`);
    expect(Number(engineDisk.json.provisioned_size)).toBe(2 * GIB);
  }, 60_000);

  it("a second plan, and one with the list reordered, change nothing; a refresh finds no drift", async () => {
    const before = state;
    expect(await planOnly(configOf("ovirt_vm", { name: "tf-nested", disks: [disk({ name: "data", size_gb: 2 })], nics: [nic1] }))).toEqual(before);
    const refreshed = await call("ReadResource", { type_name: "ovirt_vm", current_state: dv(state), private: Buffer.alloc(0) });
    expect(diagnostics(refreshed)).toEqual([]);
    expect(undv(refreshed.new_state)).toEqual(before);
  }, 60_000);

  it("grows the disk in place: the disk keeps its id, known at plan", async () => {
    const diskId = (state.disks as Value[])[0]!.disk_id;
    const nicId = (state.nics as Value[])[0]!.nic_id;
    const { planned, state: grown } = await planAndApply(configOf("ovirt_vm", { name: "tf-nested", disks: [disk({ name: "data", size_gb: 4 })], nics: [nic1] }));
    expect((planned.disks as Value[])[0]).toMatchObject({ size_gb: 4, disk_id: diskId });
    expect((planned.nics as Value[])[0]).toMatchObject({ nic_id: nicId });
    expect((grown.disks as Value[])[0]).toMatchObject({ size_gb: 4, disk_id: diskId });
    expect(Number((await engineApi(emulator, "GET", `/disks/${String(diskId)}`)).json.provisioned_size)).toBe(4 * GIB);
  }, 60_000);

  it("adds a NIC: only the new one is unknown at plan; the reordered list then plans no change", async () => {
    const first = (state.nics as Value[])[0]!;
    const nic2 = nic({ name: "nic2", vnic_profile: "ovirtmgmt", interface: "e1000" });
    const disks = [disk({ name: "data", size_gb: 4 })];
    const { planned, state: added } = await planAndApply(configOf("ovirt_vm", { name: "tf-nested", disks, nics: [nic1, nic2] }));
    expect(planned.nics).toEqual([first, { ...nic2, mac_address: AN_UNKNOWN, nic_id: AN_UNKNOWN }]);
    const [kept, second] = added.nics as Value[];
    expect(kept).toEqual(first);
    expect(second).toMatchObject({ name: "nic2", vnic_profile: "ovirtmgmt", interface: "e1000", nic_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const engineNics = await engineApi(emulator, "GET", `/vms/${String(added.id)}/nics`);
    expect(((engineNics.json.nic ?? []) as Value[]).map((n) => n.name).sort()).toEqual(["nic1", "nic2"]);
    // Swapped in the configuration: the same NICs, so the same state (not each other's ids).
    expect(await planOnly(configOf("ovirt_vm", { name: "tf-nested", disks, nics: [nic2, nic1] }))).toEqual(added);
  }, 60_000);

  it("an apply whose plan left a disk's field unknown still makes the disk, with that field left to the engine", async () => {
    const config = configOf("ovirt_vm", { name: "tf-nested-unknown", disks: [disk({ name: "scratch", size_gb: 1 })] });
    const plan = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), proposed_new_state: dv(config), config: dv(config) });
    const planned = undv(plan.planned_state);
    (planned.disks as Value[])[0]!.storage_domain = new ExtData(0, new Uint8Array([0]));
    const applied = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), planned_state: dv(planned), config: dv(config) });
    expect(diagnostics(applied)).toEqual([]);
    const made = undv(applied.new_state);
    expect((made.disks as Value[]).map((d) => d.name)).toEqual(["scratch"]);
    const attachments = await engineApi(emulator, "GET", `/vms/${String(made.id)}/diskattachments`);
    expect((attachments.json.disk_attachment as unknown[]).length).toBe(1);
    const gone = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: applied.new_state, planned_state: dv(null), config: dv(null) });
    expect(diagnostics(gone)).toEqual([]);
  }, 60_000);

  /** A configured object for a nested attribute: every field at every depth, null unless given. */
  function nestedValue(nested: NestedSpec | undefined, value: unknown): unknown {
    if (!nested || value === null || value === undefined) return value ?? null;
    const one = (item: Value) => Object.fromEntries(nested.attributes.map((a) => [a.name, nestedValue(a.nested, item[a.name])]));
    return nested.nesting === "LIST" ? (value as Value[]).map(one) : one(value as Value);
  }
  const initialization = (value: Value) => nestedValue(resourceTypes.get("ovirt_vm")!.byName.get("initialization")!.nested, value);

  it("initialization is a single nested attribute: the sysprep password sensitive, both kinds a diagnostic on `initialization`", async () => {
    const spec = resourceTypes.get("ovirt_vm")!.byName.get("initialization")!;
    expect(spec.nested!.nesting).toBe("SINGLE");
    const sysprep = spec.nested!.byName.get("sysprep")!.nested!;
    expect(sysprep.byName.get("admin_password")!.sensitive).toBe(true);
    expect(sysprep.byName.get("hostname")!.sensitive).toBe(false);
    const both = configOf("ovirt_vm", { name: "tf-init-both", initialization: initialization({ cloud_init: { hostname: "a" }, sysprep: { hostname: "b" } }) });
    const [problem, ...rest] = diagnostics(await call("ValidateResourceConfig", { type_name: "ovirt_vm", config: dv(both) }));
    expect(rest).toEqual([]);
    expect(problem!.attribute!.steps).toEqual([expect.objectContaining({ attribute_name: "initialization" })]);
    expect(problem!.detail).toContain("`cloud_init`");
    expect(problem!.detail).toContain("`sysprep`");
  });

  it("a VM with cloud-init: planned as written, applied to the engine, then a plan with no change", async () => {
    const config = configOf("ovirt_vm", {
      name: "tf-init",
      initialization: initialization({ cloud_init: { hostname: "tf-desk", user_name: "student", dns_servers: ["10.0.0.53"], nic_configurations: [{ name: "eth0", boot_protocol: "dhcp" }] } }),
    });
    const plan = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), proposed_new_state: dv(config), config: dv(config), prior_private: Buffer.alloc(0) });
    expect(diagnostics(plan)).toEqual([]);
    const planned = undv(plan.planned_state);
    expectPlanKeepsConfig(config, planned);
    const applied = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), planned_state: plan.planned_state, config: dv(config), planned_private: plan.planned_private });
    expect(diagnostics(applied)).toEqual([]);
    const made = undv(applied.new_state);
    expectApplyMatchesPlan(planned, made);
    const vm = await engineApi(emulator, "GET", `/vms/${String(made.id)}`);
    const engineInit = vm.json.initialization as Value;
    expect(engineInit).toMatchObject({ host_name: "tf-desk", user_name: "student", dns_servers: "10.0.0.53" });
    const again = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: applied.new_state, proposed_new_state: dv(proposed(config, made)), config: dv(config), prior_private: Buffer.alloc(0) });
    expect(diagnostics(again)).toEqual([]);
    expect(undv(again.planned_state)).toEqual(made);
    const gone = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: applied.new_state, planned_state: dv(null), config: dv(null) });
    expect(diagnostics(gone)).toEqual([]);
  }, 60_000);

  it("destroys the VM with its disk", async () => {
    const diskId = (state.disks as Value[])[0]!.disk_id;
    const plan = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(state), proposed_new_state: dv(null), config: dv(null) });
    const applied = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(state), planned_state: plan.planned_state, config: dv(null) });
    expect(diagnostics(applied)).toEqual([]);
    expect(undv(applied.new_state)).toBeNull();
    expect((await engineApi(emulator, "GET", `/vms/${String(state.id)}`)).status).toBe(404);
    expect((await engineApi(emulator, "GET", `/disks/${String(diskId)}`)).status).toBe(404);
  }, 60_000);
});
