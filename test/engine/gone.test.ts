// "Gone" means the engine said so: only the engine's own 404 for an entity, from a URL whose API
// root answered with the engine's product information, reads as "does not exist". A wrong path, a
// web server's error page, a redirect or a failed login is an error that names the engine URL.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.ts";
import { createEngineClient, type EngineError } from "../../provider/engine/index.ts";
import { API, ENGINE, SSO, makeClient, setupNock, ssoLogin, teardownNock, xmlHeaders } from "./helpers.ts";

const VM_ID = "11111111-1111-1111-1111-111111111111";
const PASSWORD = "gone-test-Passw0rd";
const caught = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a rejection"); }, (e: unknown) => e as EngineError);

describe("a wrong URL is never an empty engine (emulator)", () => {
  let dir: string;
  let emu: RunningEmulator;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "engine-gone-"));
    emu = await startEmulator({ port: 0, dataDir: dir, adminPassword: PASSWORD, asyncDelayMs: 0 });
  });
  afterAll(async () => {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const client = (url: string) => createEngineClient({ url, username: "admin@internal", password: PASSWORD, caFile: emu.caFile, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 } });

  it("a typo in the path fails every read and delete naming the engine URL; the right URL reads the same VM", async () => {
    const good = client(emu.apiUrl);
    const cluster = await good.resolveCluster("Default");
    const vm = await good.createVm({ name: "gone-1", cluster: { id: cluster.id }, template: { name: "Blank" } });

    const typo = client(emu.apiUrl.replace("/ovirt-engine/api", "/ovirt-engin/api"));
    for (const attempt of [typo.getVm(vm.id), typo.getTemplate(vm.id), typo.getPool(vm.id), typo.deleteVm(vm.id), typo.waitForVmGone(vm.id)]) {
      const err = await caught(attempt);
      expect(err.kind).toBe("not_engine");
      expect(err.message).toContain("the engine URL");
    }
    expect((await good.getVm(vm.id))?.name).toBe("gone-1");

    // A root that answers, but is not the API (the engine's web root).
    const webRoot = client(emu.apiUrl.replace("/ovirt-engine/api", "/ovirt-engine/api/vms"));
    const err = await caught(webRoot.getVm(vm.id));
    expect(err.kind).toBe("not_engine");
    expect(err.message).toContain("the engine URL");

    // The engine's own 404 for an entity is "gone".
    await good.deleteVm(vm.id);
    expect(await good.getVm(vm.id)).toBeUndefined();
    await expect(good.deleteVm(vm.id)).resolves.toBeUndefined();
    for (const c of [good, typo, webRoot]) c.close?.();
  });
});

describe("answers that are not the engine's (nock)", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("an HTML 404 page for an entity is an error, not gone", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE)
      .get(`${API}/vms/${VM_ID}`).reply(404, "<html><body>Not Found</body></html>", { "Content-Type": "text/html" })
      .delete(`${API}/vms/${VM_ID}`).reply(404, "<!DOCTYPE html><html>gone fishing</html>", { "Content-Type": "text/html" });
    expect((await caught(client.getVm(VM_ID))).kind).toBe("not_engine");
    expect((await caught(client.deleteVm(VM_ID))).message).toContain("the engine URL");
  });

  it("a redirect (a login portal in front of the engine) is an error, not gone", async () => {
    const { client } = makeClient();
    ssoLogin();
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).reply(302, "", { Location: "https://portal.test/login" });
    const err = await caught(client.getVm(VM_ID));
    expect(err.kind).toBe("not_engine");
    expect(err.message).toContain("https://portal.test/login");
  });

  it("an API root without product information is not an engine", async () => {
    const { client } = makeClient();
    nock(ENGINE)
      .post(SSO).reply(200, { access_token: "t" })
      .get(API).reply(200, "<html><body>Welcome</body></html>", xmlHeaders);
    const err = await caught(client.getVm(VM_ID));
    expect(err.kind).toBe("not_engine");
    expect(err.message).toMatch(/^the engine URL \(https:\/\/engine\.test\/ovirt-engine\/api\) is not an oVirt engine API root/);
  });

  it("a login page that answers 404 is not an engine, and nothing is gone", async () => {
    const { client } = makeClient();
    nock(ENGINE).post(SSO).reply(404, "<html>Not Found</html>", { "Content-Type": "text/html" });
    const err = await caught(client.getVm(VM_ID));
    expect(err.kind).toBe("not_engine");
    expect(err.message).toContain("the engine URL");
  });

  it("the root is read once per client, and an empty 404 from the verified engine is gone", async () => {
    const { client, logs } = makeClient();
    ssoLogin();
    nock(ENGINE).get(`${API}/vms/${VM_ID}`).times(2).reply(404, "");
    expect(await client.getVm(VM_ID)).toBeUndefined();
    expect(await client.getVm(VM_ID)).toBeUndefined();
    expect(logs.filter((l) => l.startsWith(`GET ${API} `))).toHaveLength(1);
  });
});
