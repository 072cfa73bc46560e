// Lifecycle of every resource through the real plugin process, over gRPC as the Pulumi engine
// drives it, against the engine emulator: check, diff, create, read (drift, gone), import,
// update, delete, preview with unknowns, secrets, partial failure and Cancel during a wait.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineRequest, logged } from "./engine-access.ts";
import { isSecret, ProviderCallError, reveal, secret, startPlugin, UNKNOWN, type PluginProcess, type Props } from "./harness.ts";

const VM = "ovirt:index:Vm";
const TEMPLATE = "ovirt:index:Template";
const POOL = "ovirt:index:Pool";
const POLICY = "ovirt:index:ConsolePolicy";
const PASSWORD = "Lifecycle-Secret-Pa55";

interface Emulator {
  apiUrl: string;
  caFile: string;
  close(): Promise<void>;
}
type StartEmulator = (options: {
  port: number; dataDir: string; adminPassword: string; asyncDelayMs: number; users?: { name: string; password: string }[];
}) => Promise<Emulator>;
/** A desktop user the emulator knows, for `users` and what that user then sees. */
const DESK_USER = { name: "alice@internal", password: "Alice-Desk-Pa55" };

async function loadEmulator(): Promise<StartEmulator | undefined> {
  const path = "../../emulator/index.ts";
  try {
    const mod = (await import(/* @vite-ignore */ path)) as { startEmulator?: StartEmulator };
    return mod.startEmulator;
  } catch (error) {
    console.warn(`lifecycle tests skipped: the engine emulator (emulator/index.ts) cannot be loaded: ${String(error)}`);
    return undefined;
  }
}

const startEmulator = await loadEmulator();

/** A direct call to the emulator, standing in for someone working outside Pulumi. */
const engineCall = (emulator: Emulator, method: string, path: string, body?: string, as = { name: "admin@internal", password: PASSWORD }) =>
  engineRequest(emulator, as, method, path, body);

/** Engine requests the plugin made so far, from its request log (`-v=2`: one line per request). */
function pluginRequests(plugin: PluginProcess): number {
  return (plugin.stderr().match(/\b(GET|POST|PUT|DELETE) \/\S* (\d{3}|ERR)\b/g) ?? []).length;
}

/** Requests that change the engine (a login changes nothing): check may read, preview must never write. */
function pluginWrites(plugin: PluginProcess): number {
  return (plugin.stderr().match(/\b(POST|PUT|DELETE) \/\S* (\d{3}|ERR)\b/g) ?? []).filter((l) => !l.includes("/sso/oauth/token")).length;
}

/** The emulator's own request counter, when it offers one. */
async function emulatorRequests(emulator: Emulator): Promise<number | undefined> {
  const stats = await engineCall(emulator, "GET", "/../emulator/stats").catch(() => undefined);
  if (!stats || stats.status !== 200) return undefined;
  try {
    const total = (JSON.parse(stats.body) as { total?: unknown }).total;
    return typeof total === "number" ? total : undefined;
  } catch {
    return undefined;
  }
}

async function startStack(asyncDelayMs: number, env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), "ovirt-lifecycle-"));
  const emulator = await startEmulator!({ port: 0, dataDir, adminPassword: PASSWORD, asyncDelayMs, users: [DESK_USER] });
  const plugin = await startPlugin({ args: ["127.0.0.1:0", "-v=2"], env: { OVIRT_URL: undefined, OVIRT_PASSWORD: undefined, ...env } });
  await plugin.client.configure({ url: emulator.apiUrl, username: "admin@internal", password: secret(PASSWORD), caFile: emulator.caFile });
  return {
    emulator,
    plugin,
    client: plugin.client,
    async stop() {
      await plugin.stop();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describe.skipIf(!startEmulator)("provider lifecycle over gRPC against the emulator", () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const suffix = Date.now().toString(36);
  const name = (base: string) => `${base}-${suffix}`;

  beforeAll(async () => {
    stack = await startStack(0);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function checkedVm(news: Props, olds: Props = {}) {
    const { inputs, failures } = await stack.client.check(VM, news, olds);
    expect(failures).toEqual([]);
    return inputs;
  }

  it("check: every bad input fails naming its property, and nothing reaches the engine", async () => {
    const before = pluginRequests(stack.plugin);
    const emulatorBefore = await emulatorRequests(stack.emulator);
    const cases: [Props, string][] = [
      [{ name: "x", memoryMb: "much" }, "memoryMb"],
      [{ name: "x", displayType: "rdp" }, "displayType"],
      [{ name: "x", smartcardEnabled: true, displayType: "vnc" }, "smartcardEnabled"],
      [{ name: "x", smartcardEnabled: true, vmType: "high_performance", usbEnabled: false }, "smartcardEnabled"],
      [{ name: "x", monitors: 3 }, "monitors"],
      [{}, "name"],
    ];
    for (const [news, property] of cases) {
      const { failures } = await stack.client.check(VM, news);
      expect(failures.map((f) => f.property), JSON.stringify(news)).toContain(property);
      expect(failures.every((f) => f.reason.length > 20)).toBe(true);
    }
    const pool = await stack.client.check(POOL, { name: "p", template: "t", size: 1, prestartedVms: 2 });
    expect(pool.failures.map((f) => f.property)).toEqual(["prestartedVms"]);
    const policy = await stack.client.check(POLICY, {});
    expect(policy.failures.map((f) => f.property)).toEqual(["vmId"]);
    expect(pluginRequests(stack.plugin)).toBe(before);
    const emulatorAfter = await emulatorRequests(stack.emulator);
    if (emulatorBefore === undefined || emulatorAfter === undefined) console.warn("the emulator offers no request counter: relying on the plugin's request log");
    else expect(emulatorAfter).toBe(emulatorBefore);
  });

  it("preview: computes the domain XML with unknown inputs elsewhere and touches nothing", async () => {
    const before = pluginWrites(stack.plugin);
    const inputs = await checkedVm({ name: name("preview"), smartcardEnabled: true, template: UNKNOWN });
    const { id, outputs } = await stack.client.create(VM, inputs, { preview: true });
    expect(id).toBe("");
    expect(outputs.domainXml).toContain('<smartcard mode="passthrough" type="spicevmc"/>');
    expect(outputs.consoleDescription).toBe("Spice with Smartcard");
    expect(outputs.vmId).toBe(UNKNOWN);
    const unknownName = await stack.client.create(VM, await checkedVm({ name: UNKNOWN }), { preview: true });
    expect(unknownName.outputs.domainXml).toBe(UNKNOWN);
    expect(pluginWrites(stack.plugin)).toBe(before);
  });

  it("vm: create, no-op diff, in-place smartcard flip, replace on cluster, drift, import, pending restart, delete", async () => {
    const inputs = await checkedVm({ name: name("desk"), memoryMb: 512 });
    const requestsBefore = pluginRequests(stack.plugin);
    const { id, outputs } = await stack.client.create(VM, inputs);
    // The request log that proves "check sends nothing" does see real requests.
    expect(pluginRequests(stack.plugin)).toBeGreaterThan(requestsBefore);
    expect(outputs).toMatchObject({ vmId: id, status: "down", cluster: "Default", template: "Blank", consoleDescription: "Spice", pendingRestart: false });

    const same = await stack.client.diff(VM, id, outputs, await checkedVm({ name: name("desk"), memoryMb: 512 }), { oldInputs: inputs });
    expect(same.changes).toBe("none");

    const flipped = await checkedVm({ name: name("desk"), memoryMb: 512, smartcardEnabled: true });
    const flip = await stack.client.diff(VM, id, outputs, flipped, { oldInputs: inputs });
    expect(flip).toMatchObject({ changes: "some", replaces: [], detailedDiff: { smartcardEnabled: "update" } });
    const moved = await stack.client.diff(VM, id, outputs, { ...inputs, cluster: "Elsewhere" }, { oldInputs: inputs });
    expect(moved).toMatchObject({ changes: "some", replaces: ["cluster"], deleteBeforeReplace: true });

    const updated = await stack.client.update(VM, id, outputs, flipped, { oldInputs: inputs });
    expect(updated).toMatchObject({ smartcardEnabled: true, consoleDescription: "Spice with Smartcard", pendingRestart: false });
    expect(updated.domainXml).toContain("<smartcard");

    // Out of band: someone turns the smartcard off in the engine.
    const put = await engineCall(stack.emulator, "PUT", `/vms/${id}`, "<vm><display><smartcard_enabled>false</smartcard_enabled></display></vm>");
    expect(put.status).toBe(200);
    const refreshed = await stack.client.read(VM, id, { properties: updated, inputs: flipped });
    expect(refreshed.inputs.smartcardEnabled).toBe(false);
    expect(refreshed.outputs.consoleDescription).toBe("Spice");

    // Import by id: inputs come back, and a program with those settings plans no change.
    const imported = await stack.client.read(VM, id);
    expect(imported.inputs).toMatchObject({ name: name("desk"), cluster: "Default", template: "Blank", memoryMb: 512, smartcardEnabled: false });
    const importedChecked = await checkedVm(imported.inputs);
    const afterImport = await stack.client.diff(VM, id, imported.outputs, await checkedVm({ name: name("desk"), memoryMb: 512 }), { oldInputs: importedChecked });
    expect(afterImport.changes).toBe("none");

    // Running: a Down-only change is kept for the next run and the plan says so.
    const runningInputs = await checkedVm({ name: name("desk"), memoryMb: 512, running: true });
    const running = await stack.client.update(VM, id, refreshed.outputs, runningInputs, { oldInputs: refreshed.inputs });
    expect(running.status).toBe("up");
    const withCard = await checkedVm({ name: name("desk"), memoryMb: 512, running: true, smartcardEnabled: true });
    const plan = await stack.client.diff(VM, id, running, withCard, { oldInputs: runningInputs });
    expect(plan.detailedDiff).toMatchObject({ smartcardEnabled: "update", pendingRestart: "update" });
    const pending = await stack.client.update(VM, id, running, withCard, { oldInputs: runningInputs });
    expect(pending).toMatchObject({ pendingRestart: true, smartcardEnabled: true, status: "up" });
    await logged(stack.plugin, /next-run configuration/);
    const reread = await stack.client.read(VM, id, { properties: pending, inputs: withCard });
    expect(reread.inputs.smartcardEnabled).toBe(true);
    expect(reread.outputs.pendingRestart).toBe(true);

    // Delete stops it first; then it is gone, and a refresh drops it.
    await stack.client.delete(VM, id, pending);
    const gone = await stack.client.read(VM, id, { properties: pending, inputs: withCard });
    expect(gone.id).toBe("");
    await expect(stack.client.read(VM, id)).rejects.toThrow(/not found/);
  });

  it("vm: an out-of-band delete reads as gone", async () => {
    const inputs = await checkedVm({ name: name("oob") });
    const { id, outputs } = await stack.client.create(VM, inputs);
    expect((await engineCall(stack.emulator, "DELETE", `/vms/${id}`)).status).toBe(200);
    const read = await stack.client.read(VM, id, { properties: outputs, inputs });
    expect(read.id).toBe("");
  });

  it("template, pool and console policy: create, shrink refused, secrets wrapped, delete", async () => {
    const golden = await stack.client.create(VM, await checkedVm({ name: name("golden"), smartcardEnabled: true }));
    const runningGolden = await stack.client.create(VM, await checkedVm({ name: name("golden-up"), running: true }));

    const refusedTemplate = await stack.client.check(TEMPLATE, { name: name("tpl-bad"), sourceVm: runningGolden.id });
    await expect(stack.client.create(TEMPLATE, refusedTemplate.inputs)).rejects.toThrow(/running: false/);

    const tplInputs = (await stack.client.check(TEMPLATE, { name: name("tpl"), sourceVm: golden.id, smartcardEnabled: true })).inputs;
    const template = await stack.client.create(TEMPLATE, tplInputs);
    expect(template.outputs).toMatchObject({ status: "ok", consoleDescription: "Spice with Smartcard" });
    const tplFlip = (await stack.client.check(TEMPLATE, { ...tplInputs, smartcardEnabled: false })).inputs;
    expect((await stack.client.diff(TEMPLATE, template.id, template.outputs, tplFlip, { oldInputs: tplInputs })).replaces).toEqual([]);
    const tplUpdated = await stack.client.update(TEMPLATE, template.id, template.outputs, tplFlip, { oldInputs: tplInputs });
    expect(tplUpdated.consoleDescription).toBe("Spice");

    const poolCheck = await stack.client.check(POOL, { name: name("pool"), template: name("tpl"), size: 2, smartcardEnabled: true, memoryMb: 1024, cpuCores: 1, vmType: "desktop", usbEnabled: true });
    expect(poolCheck.failures).toEqual([]);
    const pool = await stack.client.create(POOL, poolCheck.inputs);
    expect(pool.outputs).toMatchObject({ poolId: pool.id, consoleDescription: "Spice with Smartcard" });
    expect(pool.outputs.vmNames).toHaveLength(2);
    expect(pool.outputs.domainXml).toContain("<smartcard");

    const shrink = await stack.client.check(POOL, { ...poolCheck.inputs, size: 1 }, poolCheck.inputs);
    expect(shrink.failures).toEqual([{ property: "size", reason: expect.stringMatching(/cannot go down from 2 to 1/) }]);
    const grow = await stack.client.diff(POOL, pool.id, pool.outputs, { ...poolCheck.inputs, size: 3 }, { oldInputs: poolCheck.inputs });
    expect(grow).toMatchObject({ changes: "some", replaces: [], detailedDiff: { size: "update" } });
    const repaint = await stack.client.diff(POOL, pool.id, pool.outputs, { ...poolCheck.inputs, smartcardEnabled: false }, { oldInputs: poolCheck.inputs });
    expect(repaint).toMatchObject({ replaces: ["smartcardEnabled"], deleteBeforeReplace: true });
    const grown = await stack.client.update(POOL, pool.id, pool.outputs, { ...poolCheck.inputs, size: 3 }, { oldInputs: poolCheck.inputs });
    expect(grown.vmNames).toHaveLength(3);

    // Import by id: the inputs check cleanly and plan no change.
    const poolImported = await stack.client.read(POOL, pool.id);
    expect(poolImported.inputs).toMatchObject({ name: name("pool"), template: name("tpl"), size: 3, smartcardEnabled: true });
    const poolRechecked = await stack.client.check(POOL, poolImported.inputs);
    expect(poolRechecked.failures).toEqual([]);
    expect((await stack.client.diff(POOL, pool.id, poolImported.outputs, poolRechecked.inputs, { oldInputs: poolRechecked.inputs })).changes).toBe("none");
    const tplImported = await stack.client.read(TEMPLATE, template.id);
    expect(tplImported.inputs).toMatchObject({ name: name("tpl"), smartcardEnabled: false });

    // A policy cannot enable a smartcard the target lacks.
    const noCard = await stack.client.check(POLICY, { vmId: runningGolden.id, smartcardEnabled: true });
    expect(noCard.failures.map((f) => f.property)).toEqual(["smartcardEnabled"]);

    const policyInputs = (await stack.client.check(POLICY, { vmId: golden.id, smartcardEnabled: false, disconnectAction: "logout", sso: "none" })).inputs;
    const policy = await stack.client.create(POLICY, policyInputs);
    expect(policy.id).toBe(`vm:${golden.id}`);
    expect(isSecret(policy.outputs.remoteViewerFile)).toBe(true);
    expect(reveal<string>(policy.outputs.remoteViewerFile)).toContain("enable-smartcard=0");
    expect(policy.outputs).toMatchObject({ effectiveSmartcard: false, consoleDescription: "Spice" });
    const vmXml = (await engineCall(stack.emulator, "GET", `/vms/${golden.id}`)).body;
    expect(vmXml).toMatch(/<disconnect_action>LOGOUT<\/disconnect_action>/);
    const imported = await stack.client.read(POLICY, policy.id);
    expect(imported.inputs).toMatchObject({ vmId: golden.id, disconnectAction: "logout", sso: "none" });
    const policyNews = (await stack.client.check(POLICY, { ...policyInputs, disconnectAction: "shutdown", disconnectActionDelayMinutes: 3 })).inputs;
    const policyDiff = await stack.client.diff(POLICY, policy.id, policy.outputs, policyNews, { oldInputs: policyInputs });
    expect(policyDiff).toMatchObject({ changes: "some", replaces: [] });
    await stack.client.update(POLICY, policy.id, policy.outputs, policyNews, { oldInputs: policyInputs });
    expect((await engineCall(stack.emulator, "GET", `/vms/${golden.id}`)).body).toMatch(/<disconnect_action>SHUTDOWN<\/disconnect_action>/);

    // On a running VM the file is the engine's own, minus its live ticket and SSO token.
    const livePolicy = await stack.client.create(POLICY, (await stack.client.check(POLICY, { vmId: runningGolden.id, ticketExpirySeconds: 45 })).inputs);
    const liveFile = reveal<string>(livePolicy.outputs.remoteViewerFile);
    expect(liveFile).toMatch(/^host=/m);
    expect(liveFile).toContain("enable-smartcard=0");
    expect(liveFile).toContain("45 seconds");
    expect(liveFile).not.toMatch(/^(password|sso-token)=/m);

    const poolPolicyInputs = (await stack.client.check(POLICY, { poolId: pool.id, disconnectAction: "lock_screen" })).inputs;
    const poolPolicy = await stack.client.create(POLICY, poolPolicyInputs);
    expect(poolPolicy.outputs).toMatchObject({ effectiveSmartcard: true, consoleDescription: "Spice with Smartcard" });

    // The password never appears in the plugin's log.
    expect(stack.plugin.stderr()).not.toContain(PASSWORD);

    await stack.client.delete(POLICY, poolPolicy.id, poolPolicy.outputs);
    await stack.client.delete(POLICY, policy.id, policy.outputs);
    await stack.client.delete(POOL, pool.id, grown);
    await stack.client.delete(TEMPLATE, template.id, tplUpdated);
    await stack.client.delete(VM, golden.id, golden.outputs);
    await stack.client.delete(VM, runningGolden.id, runningGolden.outputs);
    const left = (await engineCall(stack.emulator, "GET", `/vms?search=name%3D*${suffix}*`)).body;
    expect(left).not.toContain(suffix);
  });

  it("users: the listed user sees the desktop and the pool (filter=true), and loses them when taken off", async () => {
    const seenBy = async (path: string) =>
      [...(await engineCall(stack.emulator, "GET", `${path}?filter=true`, undefined, DESK_USER)).body.matchAll(/<name>([^<]+)<\/name>/g)].map((m) => m[1]);

    // Unknown to the engine and to its directory: a failure at check naming `users`; the create, should
    // it run anyway, is an error naming `users` too (the apply's safety net).
    const unknown = await stack.client.check(VM, { name: name("desk-users"), users: ["nobody@internal"] });
    expect(unknown.failures.map((f) => f.property)).toEqual(["users"]);
    const refused = await stack.client.create(VM, unknown.inputs).then(() => undefined, (e: unknown) => e as ProviderCallError);
    expect(refused?.partialFailure?.reasons.join()).toMatch(/`users`: the directory internal-authz has no user nobody/);
    await stack.client.delete(VM, refused?.partialFailure?.id ?? "", refused?.partialFailure?.properties ?? {});

    const inputs = await checkedVm({ name: name("desk-users"), users: [DESK_USER.name] });
    expect(inputs.users).toEqual(["alice@internal-authz"]);
    const vm = await stack.client.create(VM, inputs);
    expect(vm.outputs.users).toEqual(["alice@internal-authz"]);
    expect(await seenBy("/vms")).toContain(name("desk-users"));
    expect((await stack.client.read(VM, vm.id, { properties: vm.outputs, inputs })).inputs.users).toEqual(["alice@internal-authz"]);

    const none = await checkedVm({ name: name("desk-users"), users: [] });
    const diff = await stack.client.diff(VM, vm.id, vm.outputs, none, { oldInputs: inputs });
    expect(diff).toMatchObject({ changes: "some", replaces: [] });
    await stack.client.update(VM, vm.id, vm.outputs, none, { oldInputs: inputs });
    expect(await seenBy("/vms")).not.toContain(name("desk-users"));
    await stack.client.delete(VM, vm.id, vm.outputs);

    const template = await stack.client.create(VM, await checkedVm({ name: name("pool-src") }));
    const tpl = await stack.client.create(TEMPLATE, (await stack.client.check(TEMPLATE, { name: name("pool-tpl"), sourceVm: template.id })).inputs);
    const poolInputs = (await stack.client.check(POOL, { name: name("pool-users"), template: name("pool-tpl"), size: 1, users: ["alice@internal-authz"] })).inputs;
    const pool = await stack.client.create(POOL, poolInputs);
    expect(await seenBy("/vmpools")).toContain(name("pool-users"));
    await stack.client.delete(POOL, pool.id, pool.outputs);
    await stack.client.delete(TEMPLATE, tpl.id, tpl.outputs);
    await stack.client.delete(VM, template.id, template.outputs);
  });

  it("previewDomainXml answers through Invoke", async () => {
    const { outputs, failures } = await stack.client.invoke("ovirt:index:previewDomainXml", { name: "d", smartcardEnabled: true }, { preview: true });
    expect(failures).toEqual([]);
    expect(outputs.xml).toContain('<smartcard mode="passthrough" type="spicevmc"/>');
  });
});

describe.skipIf(!startEmulator)("partial failure and secrets in errors", () => {
  let stack: Awaited<ReturnType<typeof startStack>>;

  beforeAll(async () => {
    // A slow engine (every asynchronous step takes 4 s) and a 1 s wait deadline.
    stack = await startStack(4000, { OVIRT_WAIT_TIMEOUT_SECONDS: "1" });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("a VM that did not come up by the deadline is a partial failure that keeps the id", async () => {
    const { inputs } = await stack.client.check(VM, { name: "slow-start", running: true });
    const error = await stack.client.create(VM, inputs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderCallError);
    const partial = (error as ProviderCallError).partialFailure;
    expect(partial?.id).toMatch(/[0-9a-f-]{36}/);
    expect(partial?.properties.vmId).toBe(partial?.id);
    expect(partial?.reasons.join(" ")).toMatch(/not ready/);
    const vm = await engineCall(stack.emulator, "GET", `/vms/${partial!.id}`);
    expect(vm.status).toBe(200);
  });

  it("a wrong password is not echoed in errors or logs", async () => {
    const wrong = "Wrong-Pa55word-Never-Shown";
    // Configure logs in at once (at preview too), so the mistake is caught there, naming the setting.
    const error = (await stack.client
      .configure({ url: stack.emulator.apiUrl, username: "admin@internal", password: secret(wrong), caFile: stack.emulator.caFile })
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ProviderCallError);
    expect(error.message).toContain("ovirt:password");
    expect(error.message).not.toContain(wrong);
    expect(stack.plugin.stderr()).not.toContain(wrong);
    expect(stack.plugin.stderr()).not.toContain(PASSWORD);
  });
});

describe.skipIf(!startEmulator)("Cancel while a create waits", () => {
  let stack: Awaited<ReturnType<typeof startStack>>;

  beforeAll(async () => {
    // Every asynchronous step takes two minutes, and the wait deadline is the default ten: only
    // Cancel can end this create within the test's timeout.
    stack = await startStack(120_000);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("gives up the wait at once and answers with a partial failure that keeps the id", async () => {
    const { inputs } = await stack.client.check(VM, { name: "cancelled-start", running: true });
    const creating = stack.client.create(VM, inputs).catch((e: unknown) => e);
    // Cancel once the VM exists and its start is under way.
    const starting = ["wait_for_launch", "powering_up"];
    let status = "";
    for (let i = 0; i < 200 && !starting.includes(status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const found = await engineCall(stack.emulator, "GET", "/vms?search=name%3Dcancelled-start");
      status = /<status>([a-z_]+)<\/status>/.exec(found.body)?.[1] ?? "";
    }
    expect(starting).toContain(status);
    await stack.client.cancel();

    const error = await creating;
    expect(error).toBeInstanceOf(ProviderCallError);
    const partial = (error as ProviderCallError).partialFailure;
    expect(partial?.id).toMatch(/[0-9a-f-]{36}/);
    expect(partial?.properties.vmId).toBe(partial?.id);
    expect(partial?.reasons.join(" ")).toMatch(/cancelled after .* while waiting for VM cancelled-start .* to become up; last status (wait_for_launch|powering_up)/);
    // Nothing is orphaned: the VM the engine made is the one in the partial failure.
    expect((await engineCall(stack.emulator, "GET", `/vms/${partial!.id}`)).status).toBe(200);
    // Then the plugin shuts down, as Cancel asks.
    expect(await stack.plugin.exited).toBe(0);
  }, 30_000);
});
