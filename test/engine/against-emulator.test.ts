// The engine client end to end against the emulator over real HTTPS, verified with the emulator's
// CA file: VM from Blank with smartcard, next-run on a running VM, template, pool of two, console
// file, engine faults, adopt after a dropped create, token expiry, and removal of everything.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator/index.ts";
import type { RunningEmulator } from "../../emulator/index.ts";
import { BLANK_TEMPLATE_ID, createEngineClient, waitFor, type EngineClient, type Vm } from "../../provider/engine/index.ts";
import { caught } from "./support.ts";

const PASSWORD = "emulator-Admin-pw-42";
const GiB = 1024 ** 3;
const SPICE = "7370696365";

describe("engine client against the emulator", () => {
  let dir: string;
  let emu: RunningEmulator;
  let client: EngineClient;
  const logs: string[] = [];
  const wait = { timeoutMs: 20_000, pollIntervalMs: 10 };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "engine-client-emu-"));
    emu = await startEmulator({ port: 0, dataDir: dir, adminPassword: PASSWORD, asyncDelayMs: 30 });
    client = createEngineClient({
      url: emu.apiUrl,
      username: "admin@internal",
      password: PASSWORD,
      caFile: emu.caFile,
      retry: { attempts: 4, baseDelayMs: 20, maxDelayMs: 100 },
      pollIntervalMs: 10,
      requestTimeoutMs: 15_000,
      log: (line) => {
        logs.push(line);
        // The dropped-create test turns the fault off as soon as the client has seen the drop.
        if (/^POST \/ovirt-engine\/api\/vms ERR /.test(line)) emu.setFaults({});
      },
    });
  });

  afterAll(async () => {
    client?.close?.();
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("walks a VDI estate's lifecycle and removes everything", async () => {
    const { version } = await client.ping();
    expect(version).not.toBe("");

    const cluster = await client.resolveCluster("Default");
    expect(await client.resolveCluster(cluster.id)).toEqual(cluster);
    const blank = await client.resolveTemplate("Blank");
    expect(blank.id).toBe(BLANK_TEMPLATE_ID);
    expect((await client.resolveTemplate(BLANK_TEMPLATE_ID)).name).toBe("Blank");
    expect((await caught(client.resolveCluster("NoSuchCluster"))).message).toContain('cluster "NoSuchCluster" not found');

    // A desktop from Blank with SPICE, smartcard and guest-agent SSO.
    const created = await client.createVm({
      name: "desk-1",
      cluster: { name: "Default" },
      template: { id: blank.id },
      memory: 2 * GiB,
      cpu: { topology: { sockets: 1, cores: 2, threads: 1 } },
      type: "desktop",
      display: { type: "spice", smartcard_enabled: true, monitors: 1, disconnect_action: "lock_screen" },
      sso_methods: ["guest_agent"],
      usb: { enabled: true },
    });
    expect(created.name).toBe("desk-1");
    const vm = await client.waitForVm(created.id, ["down"], wait);
    expect(vm).toMatchObject({
      memory: 2 * GiB,
      type: "desktop",
      cluster: { id: cluster.id },
      template: { id: BLANK_TEMPLATE_ID },
      sso_methods: ["guest_agent"],
      usb: { enabled: true },
    });
    expect(vm.display).toMatchObject({ type: "spice", smartcard_enabled: true, monitors: 1, disconnect_action: "LOCK_SCREEN" });
    expect(vm.cpu?.topology?.cores).toBe(2);
    expect((await client.findVmByName("desk-1"))?.id).toBe(vm.id);
    expect((await client.getVm(vm.id, { allContent: true }))?.id).toBe(vm.id);

    // The engine's duplicate-name fault, quoted.
    const dup = await caught(client.createVm({ name: "desk-1", cluster: { id: cluster.id }, template: { id: blank.id } }));
    expect(dup.message).toContain(
      "engine refused (409): Operation Failed: [Cannot add VM. The VM name is already in use, please choose a unique name and try again.]",
    );
    expect(dup.message).toContain(`"desk-1" is held by VM ${vm.id}, which this resource did not create`);
    expect(dup.kind).toBe("conflict");

    // No console file while down.
    const consoles = await client.listGraphicsConsoles(vm.id);
    expect(consoles).toContainEqual({ id: SPICE, protocol: "spice" });
    expect(await client.remoteViewerFile(vm.id, SPICE)).toBeUndefined();

    // Running: a Down-only change becomes the next-run configuration.
    await client.startVm(vm.id);
    await client.waitForVm(vm.id, ["up"], wait);
    const afterPut = await client.updateVm(vm.id, { display: { smartcard_enabled: false }, sso_methods: [] });
    expect(afterPut.display?.smartcard_enabled).toBe(true);
    expect(afterPut.next_run_configuration_exists).toBe(true);
    const nextRun = await client.getVm(vm.id, { nextRun: true });
    expect(nextRun?.display?.smartcard_enabled).toBe(false);
    expect(nextRun?.sso_methods).toEqual([]);

    // Console: ticket (engine default 7200 s) and the .vv with the running configuration's smartcard.
    const ticket = await client.setTicket(vm.id, SPICE);
    expect(ticket.value).not.toBe("");
    expect(ticket.expiry).toBe(7200);
    expect((await client.setTicket(vm.id, SPICE, 120)).expiry).toBe(120);
    const vv = await client.remoteViewerFile(vm.id, SPICE);
    expect(vv).toMatch(/^\[virt-viewer\]/);
    expect(vv).toMatch(/^enable-smartcard=1$/m);

    // A cold restart applies the next-run configuration.
    await client.stopVm(vm.id);
    const down = await client.waitForVm(vm.id, ["down"], wait);
    expect(down.display?.smartcard_enabled).toBe(false);
    expect(down.next_run_configuration_exists).toBe(false);
    const back = await client.updateVm(vm.id, { display: { smartcard_enabled: true }, description: "desktop one" });
    expect(back.display?.smartcard_enabled).toBe(true);
    expect(back.description).toBe("desktop one");

    // A template from the (down) VM: locked, then ok.
    const tpl = await client.createTemplate({ name: "gold", vm: { id: vm.id }, description: "golden image" });
    const ok = await client.waitForTemplate(tpl.id, ["ok"], wait);
    expect(ok.display?.smartcard_enabled).toBe(true);
    expect((await client.findTemplateByName("gold"))?.id).toBe(tpl.id);
    await client.waitForVm(vm.id, ["down"], wait);
    const tplUpdated = await client.updateTemplate(tpl.id, { display: { smartcard_enabled: false } });
    expect(tplUpdated.display?.smartcard_enabled).toBe(false);

    // A VM from a template with disks is image_locked while they copy; Expect: 201-created blocks until down.
    const fromTpl = await client.createVm({ name: "desk-2", cluster: { id: cluster.id }, template: { name: "gold" } });
    expect(fromTpl.status).toBe("down");
    expect(fromTpl.template?.id).toBe(tpl.id);
    await client.deleteVm(fromTpl.id);
    await client.waitForVmGone(fromTpl.id, wait);

    // A pool of two from the template, with smartcard on its VMs (honoured at creation).
    const pool = await client.createPool({
      name: "desks",
      cluster: { name: "Default" },
      template: { id: tpl.id },
      size: 2,
      max_user_vms: 1,
      type: "automatic",
      vm: { display: { smartcard_enabled: true } },
    });
    expect(pool.size).toBe(2);
    const members = await waitFor<Vm[]>({
      entity: "pool desks",
      entityId: pool.id,
      goal: "have two down VMs",
      ...{ timeoutMs: wait.timeoutMs, intervalMs: 10 },
      poll: async () => {
        const vms = await client.listPoolVms(pool.id);
        const ready = vms.length === 2 && vms.every((v) => v.status === "down");
        return { done: ready, value: vms, status: vms.map((v) => `${v.name}:${v.status}`).join(",") || "no VMs" };
      },
    });
    expect(members.map((m) => m.name).sort()).toEqual(["desks-1", "desks-2"]);
    for (const m of members) expect(m.vm_pool?.id).toBe(pool.id);
    const readPool = await client.getPool(pool.id);
    expect(readPool?.vm?.display?.smartcard_enabled).toBe(true);
    expect((await client.findPoolByName("desks"))?.id).toBe(pool.id);
    const bigger = await client.updatePool(pool.id, { description: "VDI desks" });
    expect(bigger.description).toBe("VDI desks");

    // Engine rules, quoted: shrinking a pool, deleting a template in use.
    const shrink = await caught(client.updatePool(pool.id, { size: 1 }));
    expect(shrink.status).toBe(400);
    expect(shrink.message).toContain("Cannot decrease VMs from VM-Pool.");
    const inUse = await caught(client.deleteTemplate(tpl.id));
    expect(inUse.status).toBe(409);
    expect(inUse.message).toMatch(/^engine refused \(409\): Operation Failed: \[Cannot delete Template\./);

    // Remove everything.
    await client.deletePool(pool.id);
    await client.waitForPoolGone(pool.id, wait);
    for (const m of members) await client.waitForVmGone(m.id, wait);
    await client.deleteTemplate(tpl.id);
    await client.deleteVm(vm.id);
    await client.waitForVmGone(vm.id, wait);
    expect(await client.getVm(vm.id)).toBeUndefined();
    expect(await client.getTemplate(tpl.id)).toBeUndefined();
    expect(await client.getPool(pool.id)).toBeUndefined();
    expect(await client.listVms()).toEqual([]);
    await client.deleteVm(vm.id); // already gone: quiet
  });

  it("adopts a VM whose create answer was lost", async () => {
    await client.ping();
    emu.setFaults({ dropRate: 1 });
    const vm = await client.createVm({ name: "dropped-1", cluster: { name: "Default" }, template: { name: "Blank" } });
    expect(vm.name).toBe("dropped-1");
    expect(logs.some((l) => l.startsWith("adopted VM dropped-1"))).toBe(true);
    expect((await client.listVms("name=dropped-1")).length).toBe(1);
    await client.deleteVm(vm.id);
    await client.waitForVmGone(vm.id, wait);
  });

  it("retries an edit of a locked VM until the engine's lock clears, and retries a create the engine refused because the template was locked", async () => {
    const slowDir = mkdtempSync(join(tmpdir(), "engine-client-slow-"));
    const slow = await startEmulator({ port: 0, dataDir: slowDir, adminPassword: PASSWORD, asyncDelayMs: 400 });
    const lines: string[] = [];
    const c = createEngineClient({
      url: slow.apiUrl,
      username: "admin@internal",
      password: PASSWORD,
      caFile: slow.caFile,
      retry: { attempts: 8, baseDelayMs: 50, maxDelayMs: 400 },
      log: (l) => lines.push(l),
    });
    try {
      const src = await c.createVm({ name: "src", cluster: { name: "Default" }, template: { name: "Blank" } });
      const tpl = await c.createTemplate({ name: "gold", vm: { id: src.id } });
      expect(tpl.status).toBe("locked");
      // The source VM is image_locked while the template is made: the engine answers 409 "VM is locked".
      // A VM from the still-locked template: 409 "Template's Image is locked (temporarily)." (nothing created).
      const [edited, child] = await Promise.all([
        c.updateVm(src.id, { description: "edited while locked" }),
        c.createVm({ name: "child", cluster: { name: "Default" }, template: { id: tpl.id } }),
      ]);
      expect(edited.description).toBe("edited while locked");
      expect(child.template?.id).toBe(tpl.id);
      expect(lines.some((l) => /^PUT \/ovirt-engine\/api\/vms\/\S+ 409 /.test(l))).toBe(true);
      expect(lines.some((l) => /^POST \/ovirt-engine\/api\/vms 409 /.test(l))).toBe(true);
      expect(lines.filter((l) => l.startsWith("POST /ovirt-engine/api/vms ")).at(-1)).toMatch(/ 201 \d+ms$/);
      expect(lines.filter((l) => l.startsWith("PUT ")).at(-1)).toMatch(/ 200 \d+ms$/);
      await c.waitForTemplate(tpl.id, ["ok"], { timeoutMs: 10_000, pollIntervalMs: 20 });
    } finally {
      c.close?.();
      await slow.close();
      rmSync(slowDir, { recursive: true, force: true });
    }
  });

  it("logs in again once its token has expired", async () => {
    const shortDir = mkdtempSync(join(tmpdir(), "engine-client-ttl-"));
    const short = await startEmulator({ port: 0, dataDir: shortDir, adminPassword: PASSWORD, asyncDelayMs: 0, tokenTtlSeconds: 1 });
    const lines: string[] = [];
    const c = createEngineClient({ url: short.apiUrl, username: "admin@internal", password: PASSWORD, caFile: short.caFile, log: (l) => lines.push(l) });
    try {
      await c.ping();
      await new Promise((r) => setTimeout(r, 1_300));
      await c.listVms();
      const statuses = lines.map((l) => l.replace(/ \d+ms$/, ""));
      expect(statuses).toEqual([
        "POST /ovirt-engine/sso/oauth/token 200",
        "GET /ovirt-engine/api 200",
        "GET /ovirt-engine/api/vms 401",
        "POST /ovirt-engine/sso/oauth/token 200",
        "GET /ovirt-engine/api/vms 200",
      ]);
      const bad = createEngineClient({ url: short.apiUrl, username: "admin@internal", password: "wrong-password", caFile: short.caFile });
      const err = await caught(bad.ping());
      expect(err.kind).toBe("auth");
      expect(err.message).toMatch(/^SSO login as admin@internal failed: /);
      expect(err.message).not.toContain("wrong-password");
      bad.close?.();
    } finally {
      c.close?.();
      await short.close();
      rmSync(shortDir, { recursive: true, force: true });
    }
  });

  it("never logged the password, tokens, tickets or the .vv file", () => {
    expect(logs.length).toBeGreaterThan(20);
    for (const line of logs) {
      expect(line).not.toContain(PASSWORD);
      expect(line).not.toMatch(/Bearer|password|virt-viewer|ticket=/i);
      expect(line).toMatch(/^((GET|POST|PUT|DELETE) \/\S* (\d{3}|ERR \S+) \d+ms|adopted .*)$/);
    }
  });
});
