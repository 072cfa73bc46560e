// terraform-provider-ovirt at its gRPC boundary, called the way Terraform and OpenTofu call it: the
// go-plugin handshake and AutoMTLS of the real executable, then tfplugin6 calls with msgpack values
// (unknowns, refined unknowns, 64-bit and big-number integers, nulls) against the engine emulator.

import { credentials, makeClientConstructor, type Client, type ServiceError } from "@grpc/grpc-js";
import { decode, encode, ExtData } from "@msgpack/msgpack";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineApi, REPO_ROOT, removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import * as registry from "../../provider/registry.ts";
import { createTerraformServer, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, type TerraformServer } from "../../provider/terraform/index.ts";
import { controllerService, providerService } from "../../provider/terraform/proto.ts";
import { functionTypes, resourceTypes } from "../../provider/terraform/schema.ts";
import type { EngineFactory } from "../../provider/terraform/service.ts";
import { FakeEngine } from "../provider/resources-fake-engine.ts";
import { createPluginCertificate, type PluginCertificate } from "../../provider/terraform/tls.ts";

const UNKNOWN = new ExtData(0, new Uint8Array([0]));
/** A refined unknown as cty writes it: ext 12 with a map of refinements (here "not null"). */
const REFINED_UNKNOWN = new ExtData(12, encode({ 1: false }));
const ProviderClient = makeClientConstructor(providerService, "tfplugin6.Provider");
const ControllerClient = makeClientConstructor(controllerService, "plugin.GRPCController");

type Call = (method: string, request: Record<string, unknown>) => Promise<Record<string, unknown>>;

function caller(client: Client): Call {
  return (method, request) =>
    new Promise((resolve, reject) => {
      const fn = (client as unknown as Record<string, (req: unknown, cb: (err: ServiceError | null, res: unknown) => void) => void>)[method];
      if (!fn) return reject(new Error(`no method ${method}`));
      fn.call(client, request, (err, res) => (err ? reject(err) : resolve(res as Record<string, unknown>)));
    });
}

/** go-plugin's client side: the server's certificate is the only root, and the client presents its own. */
function pluginCredentials(serverCertB64: string, client: PluginCertificate) {
  const der = Buffer.from(serverCertB64, "base64");
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString("base64").match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
  return credentials.createSsl(Buffer.from(pem), Buffer.from(client.keyPem), Buffer.from(client.certPem));
}

const TARGET = { "grpc.ssl_target_name_override": "localhost" };

function connect(address: string, serverCertB64: string, client: PluginCertificate): Client {
  return new ProviderClient(address, pluginCredentials(serverCertB64, client), TARGET);
}

/** A full ovirt_vm object: every attribute, null unless given. */
function vmObject(values: Record<string, unknown>): Record<string, unknown> {
  const spec = resourceTypes.get("ovirt_vm")!;
  return Object.fromEntries(spec.attributes.map((a) => [a.name, a.name in values ? values[a.name] : null]));
}

const dv = (value: unknown) => ({ msgpack: Buffer.from(encode(value, { useBigInt64: true })) });
const undv = (value: { msgpack: Buffer }) => decode(value.msgpack, { useBigInt64: true }) as Record<string, unknown>;
const diagnostics = (response: Record<string, unknown>) => (response.diagnostics ?? []) as { severity: string; summary: string; detail: string; attribute?: { steps: { attribute_name: string }[] } }[];

describe("the executable: go-plugin handshake and AutoMTLS", () => {
  const bin = join(REPO_ROOT, "provider/bin/terraform-provider-ovirt");

  it("refuses to run without the magic cookie, saying what it is", async () => {
    const child = spawn(bin, [], { env: { PATH: process.env.PATH }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((r) => child.on("close", r));
    expect(code).toBe(1);
    expect(stderr).toContain("plugin for Terraform and OpenTofu");
  });

  it("prints the handshake line, serves mutual TLS to the CLI's certificate only, and exits on Shutdown", async () => {
    const cli = createPluginCertificate();
    const child = spawn(bin, [], {
      env: { PATH: process.env.PATH, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: "5,6", PLUGIN_CLIENT_CERT: cli.certPem },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((r) => child.on("close", r));
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(out.split("\n")[0]!);
      });
      setTimeout(() => reject(new Error("no handshake line in 20 s")), 20_000).unref();
    });
    const fields = line.split("|");
    expect(fields.slice(0, 3)).toEqual(["1", "6", "tcp"]);
    expect(fields[3]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(fields[4]).toBe("grpc");
    expect(fields[5]!.length).toBeGreaterThan(50);
    expect(fields[5]).not.toMatch(/=$/); // go-plugin decodes it without padding

    const client = connect(fields[3]!, fields[5]!, cli);
    const schema = await caller(client)("GetProviderSchema", {});
    expect(Object.keys(schema.resource_schemas as object).sort()).toEqual(["ovirt_console_policy", "ovirt_permission", "ovirt_pool", "ovirt_template", "ovirt_vm"]);
    client.close();

    // Another client certificate than the one the CLI announced is refused.
    const stranger = connect(fields[3]!, fields[5]!, createPluginCertificate());
    await expect(caller(stranger)("GetProviderSchema", {})).rejects.toThrow();
    stranger.close();

    const controller = new ControllerClient(fields[3]!, pluginCredentials(fields[5]!, cli), TARGET);
    await caller(controller)("Shutdown", {});
    expect(await exited).toBe(0);
  }, 60_000);
});

/** The creation marker this test's provider writes (its owner is OVIRT_TERRAFORM_OWNER). */
const OWNER = "protocol-test";
const markerFor = (name: string, owner = OWNER) => `terraform-ovirt: ${owner}/ovirt_vm/${name}`;

describe("tfplugin6 calls against the emulator", () => {
  const workDir = mkdtempSync(join(tmpdir(), "pulumi-ovirt-tfplugin-"));
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let server: TerraformServer;
  let call: Call;
  let client: Client;
  const logLines: string[] = [];

  beforeAll(async () => {
    // Slow asynchronous steps, so a VM start is still waiting when StopProvider comes.
    // tf-only@internal is in the directory (a member of tf-dir) but not in the engine.
    emulator = await startEmulator(join(workDir, "engine"), password, ["--delay-ms", "1500", "--group", "tf-dir@internal:tf-only@internal"]);
    const cli = createPluginCertificate();
    server = createTerraformServer({
      resources: registry.resources,
      functions: registry.functions,
      engineFactory: registry.engineFactory,
      env: { PLUGIN_CLIENT_CERT: cli.certPem, OVIRT_USERNAME: "admin@internal", OVIRT_PASSWORD: password, OVIRT_TERRAFORM_OWNER: OWNER },
      verbosity: 2,
      writeLog: (line) => void logLines.push(line),
    });
    const fields = (await server.listen()).split("|");
    client = connect(fields[3]!, fields[5]!, cli);
    call = caller(client);
    const configured = await call("ConfigureProvider", {
      config: dv({ url: emulator.apiUrl, username: null, password: null, ca_file: emulator.caFile, insecure: null }),
    });
    expect(diagnostics(configured)).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    client?.close();
    await server?.shutdown();
    await emulator?.stop();
    removeWorkDir(workDir);
  });

  it("plans a create with unknown and refined-unknown inputs: unknown outputs, every attribute present", async () => {
    const config = vmObject({ name: UNKNOWN, template: REFINED_UNKNOWN, smartcard_enabled: true });
    const response = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), proposed_new_state: dv(config), config: dv(config) });
    expect(diagnostics(response)).toEqual([]);
    const planned = undv(response.planned_state as { msgpack: Buffer });
    expect(Object.keys(planned).sort()).toEqual(Object.keys(config).sort());
    expect(planned.name).toBeInstanceOf(ExtData);
    expect(planned.template).toBeInstanceOf(ExtData);
    expect(planned.domain_xml).toBeInstanceOf(ExtData); // it needs the name
    expect(planned.id).toBeInstanceOf(ExtData);
    expect(planned.console_description).toBe("Spice with Smartcard");
    expect(planned.memory_mb).toBe(1024); // schema.json's default
    expect(planned.monitors).toBeInstanceOf(ExtData); // left to the engine
  });

  it("reads integers sent as int64 or as a decimal string, and refuses one too big to be exact", async () => {
    const asString = vmObject({ name: "tf-int", memory_mb: "4096" });
    const ok = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), proposed_new_state: dv(asString), config: dv(asString) });
    expect(diagnostics(ok)).toEqual([]);
    const int64 = vmObject({ name: "tf-int", cpu_cores: 2n ** 40n });
    const big = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), proposed_new_state: dv(int64), config: dv(int64) });
    expect(diagnostics(big)).toEqual([]);
    expect(undv(big.planned_state as { msgpack: Buffer }).cpu_cores).toBe(2 ** 40);
    const huge = vmObject({ name: "tf-int", memory_mb: 2n ** 63n - 1n });
    const refused = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), proposed_new_state: dv(huge), config: dv(huge) });
    expect(diagnostics(refused)).toHaveLength(1);
    expect(diagnostics(refused)[0]!.attribute?.steps).toMatchObject([{ attribute_name: "memory_mb" }]);
    expect(diagnostics(refused)[0]!.detail).toContain("`memory_mb` must be a whole number");
  });

  it("validates with the attribute path and the fix: VNC with a smartcard names smartcard_enabled", async () => {
    const config = vmObject({ name: "tf-vnc", display_type: "vnc", smartcard_enabled: true });
    const response = await call("ValidateResourceConfig", { type_name: "ovirt_vm", config: dv(config) });
    const [problem, ...rest] = diagnostics(response);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: "ERROR", summary: "Invalid value for smartcard_enabled", attribute: { steps: [{ attribute_name: "smartcard_enabled" }] } });
    expect(problem!.detail).toContain('Set `display_type` to "spice", or set `smartcard_enabled` to false.');
  });

  it("upgrades a schema version 0 state from JSON: missing attributes become null, unknown ones are dropped", async () => {
    const raw = { id: "vm-1", name: "old", memory_mb: 2048, retired_attribute: "x" };
    const response = await call("UpgradeResourceState", { type_name: "ovirt_vm", version: 0, raw_state: { json: Buffer.from(JSON.stringify(raw)) } });
    expect(diagnostics(response)).toEqual([]);
    const upgraded = undv(response.upgraded_state as { msgpack: Buffer });
    expect(upgraded).toMatchObject({ id: "vm-1", name: "old", memory_mb: 2048, smartcard_enabled: null });
    expect(upgraded).not.toHaveProperty("retired_attribute");
    expect(Object.keys(upgraded).sort()).toEqual(Object.keys(vmObject({})).sort());
    const newer = await call("UpgradeResourceState", { type_name: "ovirt_vm", version: 7, raw_state: { json: Buffer.from("{}") } });
    expect(diagnostics(newer)[0]!.detail).toContain("written by a newer ovirt provider");
  });

  it("answers an import of an id the engine does not know with a diagnostic", async () => {
    const response = await call("ImportResourceState", { type_name: "ovirt_vm", id: "00000000-0000-0000-0000-00000000dead" });
    expect(response.imported_resources).toEqual([]);
    expect(diagnostics(response)[0]!.detail).toContain("was not found in the engine");
  });

  /** The engine's VMs named exactly `name`, with their comments. */
  async function vmsNamed(name: string): Promise<{ id: string; comment?: string }[]> {
    const { json } = await engineApi(emulator, "GET", `/vms?search=${encodeURIComponent(`name=${name}`)}`);
    return ((json.vm ?? []) as { id: string; name: string; comment?: string }[]).filter((vm) => vm.name === name);
  }

  /** A VM made straight through the API, as a create the provider sent before it was killed (or a person) would. */
  async function postVm(name: string, comment?: string): Promise<string> {
    const created = await engineApi(emulator, "POST", "/vms", { name, cluster: { name: "Default" }, template: { name: "Blank" }, ...(comment ? { comment } : {}) });
    expect(created.status).toBe(201);
    return String(created.json.id);
  }

  async function planCreate(config: Record<string, unknown>) {
    return call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), proposed_new_state: dv(config), config: dv(config) });
  }

  it("a create writes the Terraform marker (owner, type, name) into the VM's comment", async () => {
    const config = vmObject({ name: "tf-marked" });
    const plan = await planCreate(config);
    expect(diagnostics(plan)).toEqual([]);
    const applied = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), planned_state: plan.planned_state, config: dv(config) });
    expect(diagnostics(applied)).toEqual([]);
    const id = undv(applied.new_state as { msgpack: Buffer }).id;
    expect(await vmsNamed("tf-marked")).toEqual([expect.objectContaining({ id, comment: markerFor("tf-marked") })]);
  }, 30_000);

  it("after a crash between the engine's create and the saved state, the next plan and apply adopt the VM: no duplicate", async () => {
    // What a kill right after the POST leaves: the VM, with this configuration's marker, in no state.
    const leftOver = await postVm("tf-crashed", markerFor("tf-crashed"));
    const config = vmObject({ name: "tf-crashed" });
    const plan = await planCreate(config);
    expect(diagnostics(plan)).toEqual([]);
    const applied = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), planned_state: plan.planned_state, config: dv(config) });
    expect(diagnostics(applied)).toEqual([]);
    expect(undv(applied.new_state as { msgpack: Buffer }).id).toBe(leftOver);
    expect((await vmsNamed("tf-crashed")).map((vm) => vm.id)).toEqual([leftOver]);
  }, 30_000);

  it("a name held by a hand-made VM, or by another configuration's, is a plan error on `name` naming the holder; apply refuses it too", async () => {
    for (const [name, comment] of [["tf-handmade", undefined], ["tf-elsewhere", markerFor("tf-elsewhere", "another-configuration")]] as const) {
      const holder = await postVm(name, comment);
      // The stranger was there before this plan began: as OpenTofu does for each command, the
      // provider is configured anew (its engine client, and the lists it took, start over).
      expect(diagnostics(await call("ConfigureProvider", {
        config: dv({ url: emulator.apiUrl, username: null, password: null, ca_file: emulator.caFile, insecure: null }),
      }))).toEqual([]);
      const config = vmObject({ name });
      const plan = await planCreate(config);
      const [problem, ...rest] = diagnostics(plan);
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ severity: "ERROR", attribute: { steps: [{ attribute_name: "name" }] } });
      expect(problem!.detail).toContain(`already has a VM named "${name}" (id ${holder}), which this resource did not create`);
      expect(problem!.detail).toContain(`\`terraform import ovirt_vm.<name> ${holder}\``);
      // An apply planned before the stranger appeared still adopts nothing.
      const planned = dv({ ...config, id: UNKNOWN });
      const applied = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), planned_state: planned, config: dv(config) });
      expect(diagnostics(applied)[0]!.detail).toContain(holder);
      expect(diagnostics(applied)[0]!.detail).toContain(`\`terraform import ovirt_vm.<name> ${holder}\``);
      expect(diagnostics(applied)[0]!.detail).not.toMatch(/pulumi/);
      expect(undv(applied.new_state as { msgpack: Buffer })).toBeNull();
      expect((await vmsNamed(name)).map((vm) => vm.id)).toEqual([holder]);
    }
  }, 30_000);

  it("a template not in the engine yet warns at plan on `template`; the apply then fails on `template` with nothing made (#22)", async () => {
    // `template = ovirt_template.t.name`: known at plan, while the template does not exist yet.
    const spec = resourceTypes.get("ovirt_pool")!;
    const config = Object.fromEntries(spec.attributes.map((a) => [a.name, ({ name: "tf-linked-pool", cluster: "Default", template: "tpl-made-later", size: 1 } as Record<string, unknown>)[a.name] ?? null]));
    const plan = await call("PlanResourceChange", { type_name: "ovirt_pool", prior_state: dv(null), proposed_new_state: dv(config), config: dv(config) });
    const [warning, ...rest] = diagnostics(plan);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ severity: "WARNING", attribute: { steps: [{ attribute_name: "template" }] } });
    expect(warning!.detail).toMatch(/`template`: .*tpl-made-later.*that create fails if `template` is still missing/);
    const applied = await call("ApplyResourceChange", { type_name: "ovirt_pool", prior_state: dv(null), planned_state: plan.planned_state, config: dv(config) });
    const [problem] = diagnostics(applied);
    expect(problem).toMatchObject({ severity: "ERROR", attribute: { steps: [{ attribute_name: "template" }] } });
    expect(problem!.detail).toMatch(/`template`: .*tpl-made-later.*nothing was created/);
    expect(undv(applied.new_state as { msgpack: Buffer })).toBeNull();
    const { json } = await engineApi(emulator, "GET", `/vmpools?search=${encodeURIComponent("name=tf-linked-pool")}`);
    expect((json.vm_pool ?? []) as unknown[]).toEqual([]);
  }, 30_000);

  const configOf = (type: string, values: Record<string, unknown>) =>
    Object.fromEntries(resourceTypes.get(type)!.attributes.map((a) => [a.name, values[a.name] ?? null]));

  it("ovirt_permission with both user and group is an error on group; two targets an error on the second (#23)", async () => {
    const both = configOf("ovirt_permission", { user: "alice@internal", group: "helpdesk@internal", role: "UserRole", vm_id: "x" });
    const [problem, ...rest] = diagnostics(await call("ValidateResourceConfig", { type_name: "ovirt_permission", config: dv(both) }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: "ERROR", attribute: { steps: [{ attribute_name: "group" }] } });
    expect(problem!.detail).toMatch(/Give `?user`? or `?group`?, not both/);
    const twoTargets = configOf("ovirt_permission", { group: "helpdesk@internal", role: "UserRole", vm_id: "x", pool_id: "y" });
    const [second] = diagnostics(await call("ValidateResourceConfig", { type_name: "ovirt_permission", config: dv(twoTargets) }));
    expect(second).toMatchObject({ severity: "ERROR", attribute: { steps: [{ attribute_name: "pool_id" }] } });
  });

  it("ovirt_permission: a principal its directory lacks, or a profile with no directory, is a plan error on user/group; a directory-only one a warning (#23)", async () => {
    const plan = async (values: Record<string, unknown>) => {
      const config = configOf("ovirt_permission", { role: "UserRole", vm_id: "00000000-0000-0000-0000-00000000abcd", ...values });
      return diagnostics(await call("PlanResourceChange", { type_name: "ovirt_permission", prior_state: dv(null), proposed_new_state: dv(config), config: dv(config) }));
    };
    const [ghost, ...noMore] = await plan({ user: "ghost@internal" });
    expect(noMore).toEqual([]);
    expect(ghost).toMatchObject({ severity: "ERROR", attribute: { steps: [{ attribute_name: "user" }] } });
    expect(ghost!.detail).toMatch(/`user`: the directory internal-authz has no user ghost, .*Check the name and its profile/);
    const [group] = await plan({ group: "nobody@internal" });
    expect(group).toMatchObject({ severity: "ERROR", attribute: { steps: [{ attribute_name: "group" }] } });
    const [profile] = await plan({ user: "tf-only@corp" });
    expect(profile).toMatchObject({ severity: "ERROR", attribute: { steps: [{ attribute_name: "user" }] } });
    expect(profile!.detail).toMatch(/profile "corp" .*Its profiles: internal \(internal-authz\)/);
    const [later, ...alone] = await plan({ user: "tf-only@internal" });
    expect(alone).toEqual([]);
    expect(later).toMatchObject({ severity: "WARNING", attribute: { steps: [{ attribute_name: "user" }] } });
    expect(later!.detail).toMatch(/The apply adds it from the directory internal-authz first/);
  });

  it("a template version whose base is not in the engine warns at plan on base_template; the apply fails on it with nothing made (#23)", async () => {
    const config = configOf("ovirt_template", { name: "tf-no-base", source_vm: "00000000-0000-0000-0000-00000000abcd", base_template: "tf-no-base" });
    const plan = await call("PlanResourceChange", { type_name: "ovirt_template", prior_state: dv(null), proposed_new_state: dv(config), config: dv(config) });
    const [warning, ...rest] = diagnostics(plan);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ severity: "WARNING", attribute: { steps: [{ attribute_name: "base_template" }] } });
    const applied = await call("ApplyResourceChange", { type_name: "ovirt_template", prior_state: dv(null), planned_state: plan.planned_state, config: dv(config) });
    const [problem] = diagnostics(applied);
    expect(problem).toMatchObject({ severity: "ERROR", attribute: { steps: [{ attribute_name: "base_template" }] } });
    expect(problem!.detail).toMatch(/nothing was created/);
    expect(undv(applied.new_state as { msgpack: Buffer })).toBeNull();
  }, 30_000);

  it("the create half of a create_before_destroy replacement never adopts the VM it replaces", async () => {
    const config = vmObject({ name: "tf-replaced" });
    const plan = await planCreate(config);
    const first = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), planned_state: plan.planned_state, config: dv(config) });
    const prior = undv(first.new_state as { msgpack: Buffer });
    const moved = { ...config, cluster: String(prior.cluster_id) };
    const replan = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: first.new_state, proposed_new_state: dv({ ...prior, ...moved }), config: dv(moved), prior_private: Buffer.alloc(0) });
    expect(diagnostics(replan)).toEqual([]);
    expect(replan.requires_replace).toMatchObject([{ steps: [{ attribute_name: "cluster" }] }]);
    const replaces = replan.planned_private as Buffer;
    expect(JSON.parse(Buffer.from(replaces).toString())).toEqual({ replaces: prior.id });
    // Create first, while the old VM still holds the name (its own marker).
    const created = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), planned_state: plan.planned_state, config: dv(config), planned_private: replaces });
    expect(diagnostics(created)[0]!.detail).toContain("must destroy the old one first");
    expect(undv(created.new_state as { msgpack: Buffer })).toBeNull();
  }, 30_000);

  it("StopProvider ends a create's wait at once, and the VM the engine made stays in the new state", async () => {
    const config = vmObject({ name: "tf-stopped", running: true });
    const plan = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), proposed_new_state: dv(config), config: dv(config) });
    const started = Date.now();
    const applying = call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), planned_state: plan.planned_state, config: dv(config) });
    await new Promise((r) => setTimeout(r, 400));
    await call("StopProvider", {});
    const response = await applying;
    expect(Date.now() - started).toBeLessThan(1500 * 4);
    const state = undv(response.new_state as { msgpack: Buffer });
    expect(state.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(state.name).toBe("tf-stopped");
    expect(diagnostics(response)[0]!.detail).toMatch(/cancel/i);
    // New work is refused once stopped.
    const after = await call("ReadResource", { type_name: "ovirt_vm", current_state: response.new_state });
    expect(diagnostics(after)[0]!.detail).toContain("asked to stop");
    expect(logLines.join("")).not.toContain(password);
  }, 30_000);
});

/** A full data source object: every attribute, null unless given. */
function dataObject(typeName: string, values: Record<string, unknown>): Record<string, unknown> {
  const spec = functionTypes.get(typeName)!.dataSource;
  return Object.fromEntries(spec.attributes.map((a) => [a.name, a.name in values ? values[a.name] : null]));
}

/** An in-process server without TLS (no PLUGIN_CLIENT_CERT) and a client for it. */
async function plainServer(engineFactory: EngineFactory, env: Record<string, string>): Promise<{ server: TerraformServer; client: Client; call: Call }> {
  const server = createTerraformServer({ resources: registry.resources, functions: registry.functions, engineFactory, env });
  const address = (await server.listen()).split("|")[3]!;
  const client = new ProviderClient(address, credentials.createInsecure());
  return { server, client, call: caller(client) };
}

describe("the lookups as data sources: ovirt_cluster, ovirt_template, ovirt_vm, ovirt_pool", () => {
  const workDir = mkdtempSync(join(tmpdir(), "pulumi-ovirt-tfplugin-data-"));
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let live: Awaited<ReturnType<typeof plainServer>>;

  const read = async (call: Call, typeName: string, values: Record<string, unknown>) => {
    const response = await call("ReadDataSource", { type_name: typeName, config: dv(dataObject(typeName, values)) });
    return { diagnostics: diagnostics(response), state: response.state ? undv(response.state as { msgpack: Buffer }) : {} };
  };

  beforeAll(async () => {
    emulator = await startEmulator(join(workDir, "engine"), password, ["--delay-ms", "50"]);
    live = await plainServer(registry.engineFactory, { OVIRT_USERNAME: "admin@internal", OVIRT_PASSWORD: password });
    const configured = await live.call("ConfigureProvider", {
      config: dv({ url: emulator.apiUrl, username: null, password: null, ca_file: emulator.caFile, insecure: null }),
    });
    expect(diagnostics(configured)).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    live?.client.close();
    await live?.server.shutdown();
    await emulator?.stop();
    removeWorkDir(workDir);
  });

  it("are in the schema as data sources, and not as provider functions", async () => {
    const schema = await live.call("GetProviderSchema", {});
    expect(Object.keys(schema.data_source_schemas as object).sort()).toEqual(["ovirt_cluster", "ovirt_domain_xml", "ovirt_group", "ovirt_pool", "ovirt_template", "ovirt_user", "ovirt_vm"]);
    expect(Object.keys(schema.functions as object)).toEqual(["preview_domain_xml"]);
    const cluster = (schema.data_source_schemas as Record<string, { block: { attributes: { name: string; optional: boolean; computed: boolean }[] } }>).ovirt_cluster!;
    expect(cluster.block.attributes.map((a) => [a.name, a.optional, a.computed])).toEqual([["name", true, true], ["id", true, true]]);
  });

  it("find by name or by id, filling in the other; a cluster and template found feed a VM, which ovirt_vm then finds", async () => {
    const byName = await read(live.call, "ovirt_cluster", { name: "Default" });
    expect(byName.diagnostics).toEqual([]);
    expect(byName.state).toEqual({ name: "Default", id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const byId = await read(live.call, "ovirt_cluster", { id: byName.state.id });
    expect(byId.state).toEqual(byName.state);
    const blank = await read(live.call, "ovirt_template", { name: "Blank" });
    expect(blank.diagnostics).toEqual([]);
    expect(blank.state).toMatchObject({ name: "Blank", status: "ok", display_type: "spice" });

    const config = vmObject({ name: "tf-data-desk", cluster: byName.state.id, template: blank.state.id, smartcard_enabled: true });
    const plan = await live.call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), proposed_new_state: dv(config), config: dv(config) });
    expect(diagnostics(plan)).toEqual([]);
    const applied = await live.call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), planned_state: plan.planned_state, config: dv(config) });
    expect(diagnostics(applied)).toEqual([]);
    const vmId = undv(applied.new_state as { msgpack: Buffer }).id;

    const found = await read(live.call, "ovirt_vm", { name: "tf-data-desk" });
    expect(found.diagnostics).toEqual([]);
    expect(found.state).toMatchObject({
      id: vmId, name: "tf-data-desk", cluster_id: byName.state.id, template_id: blank.state.id, pool_id: "",
      smartcard_enabled: true, console_description: "Spice with Smartcard", running: false,
    });
  }, 60_000);

  it("a name that matches nothing is an error diagnostic on the attribute name, saying what to do", async () => {
    const { diagnostics: [problem, ...rest] } = await read(live.call, "ovirt_pool", { name: "no-such-pool" });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: "ERROR", summary: "Invalid value for name", attribute: { steps: [{ attribute_name: "name" }] } });
    expect(problem!.detail).toContain('the engine has no pool named "no-such-pool"');
    expect(problem!.detail).toContain("give its `id`");
    const missingId = await read(live.call, "ovirt_template", { id: "00000000-0000-0000-0000-00000000dead" });
    expect(missingId.diagnostics[0]).toMatchObject({ summary: "Invalid value for id", attribute: { steps: [{ attribute_name: "id" }] } });
  });

  it("validate, without the engine: neither name nor id is an error on name, both an error on id", async () => {
    const neither = await live.call("ValidateDataResourceConfig", { type_name: "ovirt_template", config: dv(dataObject("ovirt_template", {})) });
    expect(diagnostics(neither)).toMatchObject([{ severity: "ERROR", attribute: { steps: [{ attribute_name: "name" }] } }]);
    expect(diagnostics(neither)[0]!.detail).toMatch(/give `name` .* or `id`/);
    const both = await live.call("ValidateDataResourceConfig", { type_name: "ovirt_vm", config: dv(dataObject("ovirt_vm", { name: "a", id: "b" })) });
    expect(diagnostics(both)).toMatchObject([{ severity: "ERROR", attribute: { steps: [{ attribute_name: "id" }] } }]);
    const unknownName = await live.call("ValidateDataResourceConfig", { type_name: "ovirt_vm", config: dv(dataObject("ovirt_vm", { name: UNKNOWN })) });
    expect(diagnostics(unknownName)).toEqual([]);
  });

  it("a name that two templates share is an error on name listing both ids (an engine the emulator cannot be: two data centers)", async () => {
    const engine = new FakeEngine();
    engine.templates.set("tpl-a", { id: "tpl-a", name: "win11", status: "ok" });
    engine.templates.set("tpl-b", { id: "tpl-b", name: "win11", status: "ok" });
    const fake = await plainServer(() => engine, { OVIRT_USERNAME: "admin@internal", OVIRT_PASSWORD: "fake" });
    try {
      expect(diagnostics(await fake.call("ConfigureProvider", { config: dv({ url: "https://engine.invalid/ovirt-engine/api", username: null, password: null, ca_file: null, insecure: true }) }))).toEqual([]);
      const { diagnostics: [problem] } = await read(fake.call, "ovirt_template", { name: "win11" });
      expect(problem).toMatchObject({ severity: "ERROR", attribute: { steps: [{ attribute_name: "name" }] } });
      expect(problem!.detail).toBe('2 templates are named "win11" (ids tpl-a, tpl-b); give the `id` of the one you mean.');
      expect((await read(fake.call, "ovirt_template", { id: "tpl-b" })).state).toMatchObject({ id: "tpl-b", name: "win11" });
    } finally {
      fake.client.close();
      await fake.server.shutdown();
    }
  });

  it("a wrong URL, CA file or password names the setting in Terraform's words, never Pulumi's (#21)", async () => {
    const cases = [
      { config: { url: "https://127.0.0.1:1/ovirt-engine/api", ca_file: emulator.caFile }, said: "check the engine URL", setting: "check url (`url` in the provider \"ovirt\" block)" },
      // No CA file: the system's CAs do not know the emulator's.
      { config: { url: emulator.apiUrl }, said: "set the CA file to the engine's CA", setting: "check ca_file, url, insecure (`ca_file` in the provider \"ovirt\" block)" },
      { config: { url: emulator.apiUrl, ca_file: emulator.caFile, password: "not-the-password" }, said: "check the user name", setting: "check username, password (`username` in the provider \"ovirt\" block)" },
    ];
    for (const { config, said, setting } of cases) {
      const wrong = await plainServer(registry.engineFactory, { OVIRT_USERNAME: "admin@internal", OVIRT_PASSWORD: password });
      try {
        // Configure checks only the settings' form: each fails at the first call to the engine.
        const configured = await wrong.call("ConfigureProvider", { config: dv({ username: null, password: null, ca_file: null, insecure: null, ...config }) });
        const [problem] = [...diagnostics(configured), ...(await read(wrong.call, "ovirt_cluster", { name: "Default" })).diagnostics];
        expect(problem!.severity).toBe("ERROR");
        expect(problem!.detail).toContain(said);
        expect(problem!.detail).toContain(setting);
        expect(problem!.detail).not.toMatch(/ovirt:|pulumi/);
        expect(problem!.detail).not.toContain("not-the-password");
      } finally {
        wrong.client.close();
        await wrong.server.shutdown();
      }
    }
  }, 30_000);

  it("without the engine's settings, a read names the missing ones in Terraform's words", async () => {
    const unconfigured = await plainServer(() => new FakeEngine(), {});
    try {
      await unconfigured.call("ConfigureProvider", { config: dv({ url: null, username: null, password: null, ca_file: null, insecure: null }) });
      const { diagnostics: [problem] } = await read(unconfigured.call, "ovirt_cluster", { name: "Default" });
      expect(problem!.severity).toBe("ERROR");
      expect(problem!.detail).toMatch(/not configured: url, username, password are not set\. Set `url`, `username`, `password` in the provider "ovirt" block, or OVIRT_URL/);
    } finally {
      unconfigured.client.close();
      await unconfigured.server.shutdown();
    }
  });
});
