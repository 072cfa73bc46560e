// Guest initialization (cloud-init and sysprep) of ovirt:index:Vm and ovirt:index:Pool through the
// real plugin process over gRPC, against the engine emulator: create, a change on a running VM
// (next run), drift, import, the check failures, and the sysprep password kept secret.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineRequest, logged, type Emulator } from "./engine-access.ts";
import type { startPlugin} from "./harness.ts";
import { isSecret, reveal, secret, type Props } from "./harness.ts";
import { startPluginOnEmulator, type PluginOnEmulator } from "./on-emulator.ts";

const VM = "ovirt:index:Vm";
const TEMPLATE = "ovirt:index:Template";
const POOL = "ovirt:index:Pool";
const PASSWORD = "Init-Engine-Pa55";
const ADMIN_PASSWORD = "Sysprep-Admin-S3cret-7731";


/** A direct call to the emulator, standing in for someone working outside Pulumi. */
const engineCall = (emulator: Emulator, method: string, path: string, body?: string) =>
  engineRequest(emulator, { name: "admin@internal", password: PASSWORD }, method, path, body);

/** The values of a map with every secret-wrapped value left out, at any depth: what a reader sees in plain text. */
function plainParts(values: unknown): string {
  const visible = (v: unknown): unknown => {
    if (isSecret(v)) return undefined;
    if (Array.isArray(v)) return v.map(visible);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, visible(inner)]));
    return v;
  };
  return JSON.stringify(visible(values));
}

/** The sysprep password as a response holds it: wrapped as a secret on its own, the rest readable. */
function passwordOf(initialization: unknown): unknown {
  return (initialization as { sysprep?: { adminPassword?: unknown } } | undefined)?.sysprep?.adminPassword;
}

describe("Vm and Pool initialization over gRPC against the emulator", () => {
  let emulator: Emulator;
  let plugin: Awaited<ReturnType<typeof startPlugin>>;
  let stack: PluginOnEmulator | undefined;
  const suffix = Date.now().toString(36);
  const name = (base: string) => `${base}-${suffix}`;

  beforeAll(async () => {
    stack = await startPluginOnEmulator("init", PASSWORD, { args: ["-v=2"], env: { OVIRT_PROVIDER_VERBOSITY: "1" } });
    ({ emulator, plugin } = stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function checked(type: string, news: Props, olds: Props = {}) {
    const { inputs, failures } = await plugin.client.check(type, news, olds);
    expect(failures).toEqual([]);
    return inputs;
  }

  const cloudInit = {
    hostname: "desk-ci",
    timezone: "Europe/Berlin",
    userName: "alice",
    authorizedSshKeys: ["ssh-ed25519 AAAAC3Nza alice@laptop", "ssh-ed25519 AAAAC3Nzb alice@phone"],
    customScript: "runcmd:\n  - echo hello\n",
    dnsServers: ["10.0.0.53", "10.0.1.53"],
    nicConfigurations: [{ name: "eth0", bootProtocol: "static", address: "10.0.0.20", netmask: "255.255.255.0", gateway: "10.0.0.1" }],
  };

  it("check: both kinds, a bad boot protocol, a static NIC without an address, a mistyped secret: each names the full path", async () => {
    const cases: [Props, string, RegExp][] = [
      [{ cloudInit: { hostname: "a" }, sysprep: { hostname: "b" } }, "initialization", /both `cloudInit` and `sysprep`.*remove the other/],
      [{}, "initialization", /neither `cloudInit` nor `sysprep`/],
      [{ cloudInit: { nicConfigurations: [{ name: "eth0", bootProtocol: "bootp" }] } }, "initialization.cloudInit.nicConfigurations[0].bootProtocol", /"dhcp", "static", "none"/],
      [{ cloudInit: { nicConfigurations: [{ name: "eth0", bootProtocol: "dhcp" }, { name: "eth1", bootProtocol: "static", netmask: "255.0.0.0" }] } }, "initialization.cloudInit.nicConfigurations[1].address", /required with `bootProtocol: "static"`/],
      [{ sysprep: { hostname: "w", color: "blue" } }, "initialization.sysprep.color", /not a property of `initialization.sysprep`.*adminPassword/],
    ];
    for (const [initialization, property, reason] of cases) {
      const { failures } = await plugin.client.check(VM, { name: name("bad"), initialization });
      expect(failures.map((f) => f.property), JSON.stringify(initialization)).toEqual([property]);
      expect(failures[0]!.reason).toMatch(reason);
    }
    // A password of the wrong type is named, never repeated.
    const { failures } = await plugin.client.check(VM, { name: name("bad"), initialization: { sysprep: { adminPassword: 982451653 } } });
    expect(failures.map((f) => f.property)).toEqual(["initialization.sysprep.adminPassword"]);
    expect(failures[0]!.reason).toMatch(/must be a string/);
    expect(failures[0]!.reason).not.toContain("982451653");
  });

  it("cloud-init: create running, no-op diff, a change on the running VM (next run), drift by refresh, import with no diff", async () => {
    const inputs = await checked(VM, { name: name("ci"), running: true, initialization: { cloudInit } });
    const { id, outputs } = await plugin.client.create(VM, inputs);
    const withDefaults = { cloudInit: { ...cloudInit, nicConfigurations: [{ ...cloudInit.nicConfigurations[0], onBoot: true }] } };
    expect(outputs).toMatchObject({ status: "up", initialization: withDefaults });
    const engineVm = (await engineCall(emulator, "GET", `/vms/${id}`)).body;
    for (const part of ["<host_name>desk-ci</host_name>", "<user_name>alice</user_name>", "<timezone>Europe/Berlin</timezone>",
      "<dns_servers>10.0.0.53 10.0.1.53</dns_servers>", "<boot_protocol>static</boot_protocol>", "<address>10.0.0.20</address>", "<on_boot>true</on_boot>"]) {
      expect(engineVm).toContain(part);
    }
    expect(engineVm).toContain("alice@laptop\nssh-ed25519 AAAAC3Nzb alice@phone</authorized_ssh_keys>");

    const same = await plugin.client.diff(VM, id, outputs, await checked(VM, { name: name("ci"), running: true, initialization: { cloudInit } }, outputs), { oldInputs: inputs });
    expect(same.changes).toBe("none");

    // A new host name and DHCP while it runs: in place, with a note that it waits for the next run.
    const changedInit = { cloudInit: { ...cloudInit, hostname: "desk-ci-2", nicConfigurations: [{ name: "eth0", bootProtocol: "dhcp" }], customScript: undefined } };
    const changed = await checked(VM, { name: name("ci"), running: true, initialization: changedInit }, outputs);
    const plan = await plugin.client.diff(VM, id, outputs, changed, { oldInputs: inputs });
    expect(plan).toMatchObject({ changes: "some", replaces: [] });
    expect(plan.detailedDiff).toMatchObject({ initialization: "update" });
    await logged(plugin, /is running: the engine saves the new initialization at once, but the guest only gets it at its next start/);
    const updated = await plugin.client.update(VM, id, outputs, changed, { oldInputs: inputs });
    expect(updated).toMatchObject({ status: "up", initialization: { cloudInit: { hostname: "desk-ci-2", nicConfigurations: [{ name: "eth0", bootProtocol: "dhcp", onBoot: true }] } } });
    expect((updated.initialization as { cloudInit: Props }).cloudInit.customScript).toBeUndefined();
    const afterUpdate = (await engineCall(emulator, "GET", `/vms/${id}`)).body;
    expect(afterUpdate).toContain("<host_name>desk-ci-2</host_name>");
    // The script taken out is cleared on the engine (which keeps what an update leaves out).
    expect(afterUpdate).not.toContain("echo hello");

    // Out of band: someone renames the guest; refresh reports it.
    expect((await engineCall(emulator, "PUT", `/vms/${id}`, "<vm><initialization><host_name>by-hand</host_name></initialization></vm>")).status).toBe(200);
    const refreshed = await plugin.client.read(VM, id, { properties: updated, inputs: changed });
    expect(refreshed.inputs.initialization).toMatchObject({ cloudInit: { hostname: "by-hand", userName: "alice" } });
    await logged(plugin, /changed in the engine since the last read: .*initialization/);
    const back = await plugin.client.diff(VM, id, refreshed.outputs, changed, { oldInputs: refreshed.inputs });
    expect(back.detailedDiff).toMatchObject({ initialization: "update" });

    // Import by id: a program with the same initialization plans no change.
    const imported = await plugin.client.read(VM, id);
    const program = await checked(VM, { name: name("ci"), running: true, initialization: { cloudInit: { ...changedInit.cloudInit, hostname: "by-hand" } } });
    expect(imported.inputs.initialization).toEqual(program.initialization);
    const importedChecked = await checked(VM, imported.inputs);
    expect((await plugin.client.diff(VM, id, imported.outputs, program, { oldInputs: importedChecked })).changes).toBe("none");

    await plugin.client.delete(VM, id, refreshed.outputs);
  });

  it("sysprep: the admin password is a secret in every response, masked by the engine, and absent from logs and errors", async () => {
    const sysprep = { hostname: "WINDESK01", domain: "corp.example", organization: "Example Corp", timezone: "W. Europe Standard Time" };
    // The program passes the password as a plain string inside the object: the schema alone makes it secret.
    const checkedResult = await plugin.client.check(VM, { name: name("win"), initialization: { sysprep: { ...sysprep, adminPassword: ADMIN_PASSWORD } } });
    expect(checkedResult.failures).toEqual([]);
    expect(isSecret(passwordOf(checkedResult.inputs.initialization))).toBe(true);
    expect(plainParts(checkedResult.inputs)).not.toContain(ADMIN_PASSWORD);
    expect(plainParts(checkedResult.inputs)).toContain("WINDESK01");
    const inputs = reveal<Props>(checkedResult.inputs);

    // Sent as Pulumi sends a program's secret inside an object: the whole value is then secret.
    const { id, outputs } = await plugin.client.create(VM, { ...inputs, initialization: secret(inputs.initialization) });
    expect(isSecret(outputs.initialization)).toBe(true);
    // Sent in plain, only the password is.
    const plainCreate = await plugin.client.create(VM, { ...inputs, name: name("win2") }, { preview: true });
    expect(isSecret(passwordOf(plainCreate.outputs.initialization))).toBe(true);
    expect(plainParts(plainCreate.outputs)).not.toContain(ADMIN_PASSWORD);
    expect(plainParts(outputs)).not.toContain(ADMIN_PASSWORD);
    expect(reveal(outputs.initialization)).toEqual({ sysprep: { ...sysprep, adminPassword: ADMIN_PASSWORD } });
    const engineVm = (await engineCall(emulator, "GET", `/vms/${id}`)).body;
    expect(engineVm).toContain("<root_password>******</root_password>");
    expect(engineVm).toContain("<org_name>Example Corp</org_name>");
    expect(engineVm).not.toContain(ADMIN_PASSWORD);

    // Refresh keeps the password from state (the engine shows only the mask) and keeps it secret.
    const refreshed = await plugin.client.read(VM, id, { properties: reveal(outputs), inputs });
    expect(isSecret(passwordOf(refreshed.outputs.initialization)) && isSecret(passwordOf(refreshed.inputs.initialization))).toBe(true);
    expect(plainParts(refreshed)).not.toContain(ADMIN_PASSWORD);
    expect(reveal(refreshed.inputs.initialization)).toEqual({ sysprep: { ...sysprep, adminPassword: ADMIN_PASSWORD } });
    // An import cannot know the password and never takes the mask for one.
    const imported = await plugin.client.read(VM, id);
    expect(reveal(imported.inputs.initialization)).toEqual({ sysprep });

    // A failing update: the error names the VM, never the password.
    await engineCall(emulator, "DELETE", `/vms/${id}`);
    const next = { ...inputs, memoryMb: 2048, initialization: secret({ sysprep: { ...sysprep, adminPassword: `${ADMIN_PASSWORD}-2` } }) };
    const error = await plugin.client.update(VM, id, outputs, next, { oldInputs: inputs }).then(() => undefined, (e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).not.toContain(ADMIN_PASSWORD);
    expect(plugin.stderr()).not.toContain(ADMIN_PASSWORD);
  });

  it("pool: the pool VMs get the initialization, the outputs show it, and a change replaces the pool", async () => {
    const golden = await plugin.client.create(VM, await checked(VM, { name: name("pgold") }));
    const template = await plugin.client.create(TEMPLATE, await checked(TEMPLATE, { name: name("ptpl"), sourceVm: golden.id }));
    const initialization = { cloudInit: { hostname: "pool-desk", userName: "student", dnsServers: ["10.0.0.53"] } };
    const inputs = await checked(POOL, { name: name("pool"), template: name("ptpl"), size: 2, initialization });
    const pool = await plugin.client.create(POOL, inputs);
    expect(pool.outputs.initialization).toEqual(initialization);
    for (const vmName of pool.outputs.vmNames as string[]) {
      const found = (await engineCall(emulator, "GET", `/vms?search=name%3D${vmName}`)).body;
      expect(found).toContain("<host_name>pool-desk</host_name>");
      expect(found).toContain("<user_name>student</user_name>");
    }
    const read = await plugin.client.read(POOL, pool.id, { properties: pool.outputs, inputs });
    expect(read.inputs.initialization).toEqual(initialization);
    const changed = await checked(POOL, { ...inputs, initialization: { cloudInit: { ...initialization.cloudInit, hostname: "pool-desk-2" } } }, pool.outputs);
    const plan = await plugin.client.diff(POOL, pool.id, pool.outputs, changed, { oldInputs: inputs });
    expect(plan.replaces).toEqual(["initialization"]);
    await logged(plugin, /the engine gives a pool's VMs their initialization only when it creates them/);
    await plugin.client.delete(POOL, pool.id, pool.outputs);
    await plugin.client.delete(TEMPLATE, template.id, template.outputs);
    await plugin.client.delete(VM, golden.id, golden.outputs);
  });
});
