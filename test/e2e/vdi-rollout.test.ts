// End to end with the real Pulumi CLI (#23): examples/vdi-rollout against the engine emulator. A
// base template and a pool of three entitled by a directory group; a new version built from the
// updated golden VM and the pool moved to it in place (the plan says update; the desktops keep
// their ids) with `rollout: "idle-now"` restarting exactly the desktop nobody holds; with
// `useLatestTemplateVersion` a third version reaches the desktops with no change to the Pool; a
// permission removed out of band comes back at the next up; a user only the directory knows is added
// and entitled (BackendUsersResource.add, AddUserCommand); destroy leaves no template version,
// permission, group or user the program made (RemoveGroupCommand, RemoveUserCommand).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  copyExample, engineApi, engineInventory, ensureSdkBuilt, initStack, probePulumiCli, removeWorkDir, run, startEmulator, type Emulator, type RunResult,
} from "./harness.ts";
import { errorsIn, opsByName, parseEvents, type EngineEvents } from "./events.ts";

const probe = probePulumiCli();
if (!probe.env) console.warn(`\n!!! SKIPPING test/e2e/vdi-rollout (real Pulumi CLI end to end): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 180_000;
type Row = { vmId: string; vmName: string; templateId: string; versionNumber: number; pendingVersionNumber?: number };
type Entity = Record<string, unknown>;

/** A call as a non-admin user, in the portal's filtered view (the `Filter: true` header). */
function asUser(emulator: Emulator, method: string, path: string, user: string, password: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(new URL(emulator.apiUrl + path), {
      method, ca: readFileSync(emulator.caFile), auth: `${user}:${password}`, timeout: 15_000,
      headers: { Accept: "application/json", "Content-Type": "application/json", Filter: "true" },
    }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(method === "POST" ? "{}" : undefined);
  });
}

describe.skipIf(!probe.env)("examples/vdi-rollout with the real Pulumi CLI: versions, in-place moves, groups (#23)", () => {
  const env: NodeJS.ProcessEnv = { ...probe.env };
  const dir = join(probe.workDir, "vdi-rollout");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let vmIds: string[] = [];
  let poolId = "";

  const pulumi = (args: string[], input?: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> =>
    run("pulumi", [...args, "--non-interactive"], { cwd: dir, env: { ...env, ...extraEnv }, input, timeoutMs: STEP_TIMEOUT });
  const ok = async (args: string[], input?: string, extraEnv?: NodeJS.ProcessEnv): Promise<string> => {
    const result = await pulumi(args, input, extraEnv);
    if (result.code !== 0) {
      const said = args.includes("--json") ? errorsIn(parseEvents(result.stdout)) : result.stdout.slice(-4000);
      throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${said}\n${result.stderr}`);
    }
    return result.stdout;
  };
  const events = async (args: string[]): Promise<EngineEvents> => {
    const parsed = parseEvents(await ok([...args, "--json"], undefined, { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" }));
    expect(parsed.summary?.result, errorsIn(parsed)).toBe("succeeded");
    return parsed;
  };
  const outputs = async (): Promise<Record<string, unknown>> => JSON.parse(await ok(["stack", "output", "--json", "--show-secrets"])) as Record<string, unknown>;
  const setConfig = async (values: Record<string, string>) => {
    for (const [key, value] of Object.entries(values)) await ok(["config", "set", `vdi-rollout:${key}`, value]);
  };
  const list = async (path: string, key: string): Promise<Entity[]> => ((await engineApi(emulator, "GET", path)).json[key] ?? []) as Entity[];
  const statusOf = async (vmId: string) => String((await engineApi(emulator, "GET", `/vms/${vmId}`)).json["status"]);
  const waitForStatus = async (vmId: string, status: string) => {
    for (let i = 0; i < 100 && (await statusOf(vmId)) !== status; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await statusOf(vmId)).toBe(status);
  };

  beforeAll(async () => {
    ensureSdkBuilt(env);
    emulator = await startEmulator(join(probe.workDir, "engine"), password, [
      "--user", "user@internal:userpw", "--user", "tech@internal:techpw",
      "--group", "vdi-users@internal:user@internal,temp@internal", "--group", "helpdesk@internal:tech@internal",
    ]);
    copyExample("vdi-rollout", dir);
    await initStack((args, input) => ok(args, input), emulator);
  }, STEP_TIMEOUT);
  afterAll(async () => {
    await emulator?.stop();
  });

  it("up: a base template and a pool of three, entitled by a group that reaches its member", async () => {
    const result = await events(["up", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ create: 5 });
    const rows = (await outputs()).desktopVersions as Row[];
    vmIds = rows.map((r) => r.vmId).sort();
    expect(rows.map((r) => r.versionNumber)).toEqual([1, 1, 1]);
    const [pool] = await list("/vmpools?search=name%3Droll-desk", "vm_pool");
    poolId = String(pool?.["id"]);
    expect((await asUser(emulator, "GET", "/vmpools", "user@internal", "userpw")).text).toContain("roll-desk");
    expect((await asUser(emulator, "GET", "/vmpools", "tech@internal", "techpw")).text).toContain("roll-desk");
  }, STEP_TIMEOUT * 2);

  it("a new version from the updated golden VM moves the pool in place; idle-now restarts exactly the desktop nobody holds", async () => {
    const take = await asUser(emulator, "POST", `/vmpools/${poolId}/allocatevm`, "user@internal", "userpw");
    expect(take.status, take.text).toBe(200);
    const heldId = String(((JSON.parse(take.text) as Entity)["vm"] as Entity)["id"]);
    await waitForStatus(heldId, "up");
    const idleId = vmIds.find((id) => id !== heldId)!;
    await engineApi(emulator, "POST", `/vms/${idleId}/start`, {});
    await waitForStatus(idleId, "up");

    await setConfig({ goldenMemoryMb: "4096", versions: "2", poolVersion: "2", rollout: "idle-now" });
    const preview = await events(["preview"]);
    expect(opsByName(preview.steps).desktops).toEqual(["update"]);
    expect(preview.diagnostics.map((d) => d.message).join("\n")).toMatch(/Pool roll-desk: 3 of 3 desktops move to the new template once it is made \(it must be a version of roll-image[^\n]*: 1 now \(down: [^)]*\); 2 at their next start/);
    await events(["up", "--yes", "--skip-preview"]);
    const out = await outputs();
    const rows = out.desktopVersions as Row[];
    expect(rows.map((r) => r.vmId).sort()).toEqual(vmIds);
    const names = new Map(rows.map((r) => [r.vmId, r.vmName]));
    expect(out.restarted).toEqual([names.get(idleId)]);
    expect(out.waiting).toEqual([names.get(heldId)]);
    expect(rows.find((r) => r.vmId === heldId)).toMatchObject({ versionNumber: 1, pendingVersionNumber: 2 });
    for (const row of rows.filter((r) => r.vmId !== heldId)) expect(row.versionNumber).toBe(2);
    expect(await statusOf(idleId)).not.toBe("down");
  }, STEP_TIMEOUT * 3);

  it("with useLatestTemplateVersion a third version reaches the desktops with no change to the Pool", async () => {
    await setConfig({ useLatest: "true" });
    await events(["up", "--yes", "--skip-preview"]);
    await setConfig({ versions: "3" });
    const preview = await events(["preview"]);
    expect(opsByName(preview.steps).desktops ?? ["same"]).toEqual(["same"]);
    const up = await events(["up", "--yes", "--skip-preview"]);
    expect(opsByName(up.steps).desktops ?? ["same"]).toEqual(["same"]);
    // The engine moved the desktop that was down at once (UpdateVmVersion for use-latest pool VMs).
    let down = 0;
    for (const vmId of vmIds) {
      const vm = (await engineApi(emulator, "GET", `/vms/${vmId}`)).json;
      if (vm["status"] !== "down") continue;
      down++;
      const template = (await engineApi(emulator, "GET", `/templates/${String((vm["template"] as Entity)["id"])}`)).json;
      expect(Number((template["version"] as Entity)["version_number"])).toBe(3);
    }
    expect(down).toBeGreaterThan(0);
    // The refresh reads it: each desktop's version, the Pool's inputs unchanged.
    await events(["refresh", "--yes", "--skip-preview"]);
    expect(opsByName((await events(["preview"])).steps).desktops ?? ["same"]).toEqual(["same"]);
  }, STEP_TIMEOUT * 4);

  it("a user only the directory knows is added to the engine and entitled on the pool", async () => {
    const userNames = async () => (await list("/users", "user")).map((u) => String(u["user_name"]));
    expect(await userNames()).not.toContain("temp@internal-authz");
    await setConfig({ contractor: "temp@internal" });
    const preview = await events(["preview"]);
    expect(opsByName(preview.steps).contractor).toEqual(["create"]);
    await events(["up", "--yes", "--skip-preview"]);
    expect(await userNames()).toContain("temp@internal-authz");
    const grants = await list(`/vmpools/${poolId}/permissions`, "permission");
    const temp = (await list("/users?search=usrname%3Dtemp%40internal-authz", "user"))[0];
    expect(grants.some((p) => (p["user"] as Entity | undefined)?.["id"] === temp?.["id"])).toBe(true);
    expect((await outputs()).addedToEngine).toEqual(["group:helpdesk@internal-authz", "group:vdi-users@internal-authz", "user:temp@internal-authz"]);
  }, STEP_TIMEOUT * 2);

  it("a permission removed out of band comes back at the next up; destroy leaves nothing behind", async () => {
    const permissionId = String((await outputs()).helpdeskPermission);
    const removed = await engineApi(emulator, "DELETE", `/vmpools/${poolId}/permissions/${permissionId}`);
    expect(removed.status).toBe(200);
    const groupGrants = async () => (await list(`/vmpools/${poolId}/permissions`, "permission")).filter((p) => p["group"] !== undefined).length;
    expect(await groupGrants()).toBe(1);
    await events(["up", "--yes", "--skip-preview", "--refresh"]);
    expect(await groupGrants()).toBe(2);

    await events(["destroy", "--yes", "--skip-preview"]);
    expect(JSON.stringify(await engineInventory(emulator))).not.toMatch(/roll-/);
    // No template version, group or user the program made; the users who were there before stay.
    expect((await list("/templates", "template")).map((t) => t["name"])).toEqual(["Blank"]);
    expect(await list("/groups", "group")).toEqual([]);
    const users = (await list("/users", "user")).map((u) => String(u["user_name"])).sort();
    expect(users).toEqual(["admin@internal-authz", "tech@internal-authz", "user@internal-authz"]);
  }, STEP_TIMEOUT * 3);
});
