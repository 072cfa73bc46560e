// Engine mistakes are caught at preview, through the real plugin over gRPC against the emulator:
// Configure logs in (URL, credentials, CA), and check asks the engine, read-only, what only it
// knows (the cluster and template exist, the name is free or this resource's own). Inputs unknown
// at preview are skipped.

import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.ts";
import { logged } from "./engine-access.ts";
import { rejection, secret, startPlugin, UNKNOWN, urnFor, type PluginProcess } from "./harness.ts";

const VM = "ovirt:index:Vm";
const POOL = "ovirt:index:Pool";
const PASSWORD = "Preview-Checks-Pa55";

/** A VM made outside Pulumi (or by an interrupted create, when `comment` is a resource's marker). */
function makeVm(emulator: RunningEmulator, name: string, comment?: string): Promise<number> {
  const body = `<vm><name>${name}</name>${comment ? `<comment>${comment}</comment>` : ""}<cluster><name>Default</name></cluster><template><name>Blank</name></template></vm>`;
  return new Promise((resolve, reject) => {
    const req = request(new URL(`${emulator.apiUrl}/vms`), {
      method: "POST",
      ca: readFileSync(emulator.caFile),
      headers: { Authorization: `Basic ${Buffer.from(`admin@internal:${PASSWORD}`).toString("base64")}`, "Content-Type": "application/xml" },
    }, (res) => {
      res.resume().on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** How many entities a list answers (JSON), through the engine's API as admin. */
function engineCount(emulator: RunningEmulator, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(`${emulator.apiUrl}${path}`), {
      ca: readFileSync(emulator.caFile),
      headers: { Authorization: `Basic ${Buffer.from(`admin@internal:${PASSWORD}`).toString("base64")}`, Accept: "application/json" },
    }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => {
        const parsed = JSON.parse(body || "{}") as Record<string, unknown>;
        const list = Object.values(parsed).find(Array.isArray) as unknown[] | undefined;
        resolve(list?.length ?? 0);
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("engine mistakes at preview", () => {
  let dataDir: string;
  let otherDir: string;
  let emulator: RunningEmulator;
  let other: RunningEmulator;
  let plugin: PluginProcess;
  const config = () => ({ url: emulator.apiUrl, username: "admin@internal", password: secret(PASSWORD), caFile: emulator.caFile });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ovirt-preview-checks-"));
    otherDir = await mkdtemp(join(tmpdir(), "ovirt-preview-other-"));
    emulator = await startEmulator({ port: 0, dataDir, adminPassword: PASSWORD, asyncDelayMs: 0 });
    // Another engine, for a CA file that is valid but not this engine's.
    other = await startEmulator({ port: 0, dataDir: otherDir, adminPassword: PASSWORD, asyncDelayMs: 0 });
    plugin = await startPlugin({ args: ["127.0.0.1:0"], env: { OVIRT_URL: undefined, OVIRT_PASSWORD: undefined } });
  });
  afterAll(async () => {
    await plugin?.stop();
    await emulator?.close();
    await other?.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(otherDir, { recursive: true, force: true });
  });

  it("Configure fails naming the setting: a typo in the URL path, a wrong password, a CA that is not the engine's", async () => {
    const typo = await rejection(plugin.client.configure({ ...config(), url: emulator.apiUrl.replace("/ovirt-engine/", "/ovirt-engin/") }));
    expect(typo.message).toContain("ovirt:url");
    const password = await rejection(plugin.client.configure({ ...config(), password: secret("not-the-password") }));
    expect(password.message).toContain("ovirt:password");
    expect(password.message).not.toContain("not-the-password");
    const ca = await rejection(plugin.client.configure({ ...config(), caFile: other.caFile }));
    expect(ca.message).toContain("ovirt:caFile");
    // The right settings configure.
    await plugin.client.configure(config());
  });

  it("check names an unknown cluster or template and a name held by a VM this resource did not create", async () => {
    await plugin.client.configure(config());
    expect(await makeVm(emulator, "taken-by-someone")).toBe(201);

    const cluster = await plugin.client.check(VM, { name: "fresh-1", cluster: "Nowhere" });
    expect(cluster.failures.map((f) => f.property)).toEqual(["cluster"]);
    expect(cluster.failures[0]?.reason).toContain('cluster "Nowhere" not found');

    // A template may still be created by this deployment before the pool: a warning, not a failure (#22).
    const template = await plugin.client.check(POOL, { name: "fresh-pool", template: "No-Such-Template", size: 1 });
    expect(template.failures).toEqual([]);

    const taken = await plugin.client.check(VM, { name: "taken-by-someone" });
    expect(taken.failures.map((f) => f.property)).toEqual(["name"]);
    expect(taken.failures[0]?.reason).toMatch(/already has a VM named "taken-by-someone" \(id [0-9a-f-]+\), which this resource did not create/);
  });

  it("check passes a name held by this resource's own VM (an interrupted create), a kept name, and skips unknowns", async () => {
    await plugin.client.configure(config());
    expect(await makeVm(emulator, "left-by-a-crash", `pulumi-ovirt: ${urnFor(VM, "desk")}`)).toBe(201);
    expect((await plugin.client.check(VM, { name: "left-by-a-crash" }, {}, { name: "desk" })).failures).toEqual([]);
    // Another resource may not take it.
    expect((await plugin.client.check(VM, { name: "left-by-a-crash" }, {}, { name: "other" })).failures.map((f) => f.property)).toEqual(["name"]);
    // A resource that keeps its name holds it already.
    expect((await plugin.client.check(VM, { name: "taken-by-someone" }, { name: "taken-by-someone" })).failures).toEqual([]);
    // Unknown at preview: nothing is guessed.
    expect((await plugin.client.check(VM, { name: UNKNOWN, cluster: UNKNOWN, template: UNKNOWN })).failures).toEqual([]);
  });

  it("a template not in the engine yet warns at check naming `template`; the create then fails naming it, with nothing made (#22)", async () => {
    await plugin.client.configure(config());
    // The natural program: `template: tpl.name`, known at preview while the template does not exist yet.
    const checked = await plugin.client.check(POOL, { name: "linked-pool", cluster: "Default", template: "tpl-made-later", size: 1 });
    expect(checked.failures).toEqual([]);
    await logged(plugin, /`template`: [^\n]*tpl-made-later[^\n]*that create fails if `template` is still missing/);
    // Still missing at the create: an error naming `template`, before anything reaches the engine.
    const failed = await rejection(plugin.client.create(POOL, checked.inputs));
    expect(failed.message).toMatch(/^`template`: [^\n]*tpl-made-later[^\n]*nothing was created/);
    expect(await engineCount(emulator, "/vmpools?search=name%3Dlinked-pool")).toBe(0);
  });
});
