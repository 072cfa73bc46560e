// The golden-image pipeline (#23) with the real OpenTofu CLI against the emulator: a base template
// and a pool of three, a directory group entitled on the pool through an ovirt_permission; then a
// new version of the template and the pool moved to it in place (the plan changes the pool, never
// replaces it; the desktops keep their ids and run the new version); a user only the directory
// knows is added to the engine and entitled (BackendUsersResource.add, AddUserCommand); destroy
// leaves no template version, pool, permission, group or user behind that the configuration made
// (RemoveGroupCommand, RemoveUserCommand).

import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineApi, engineInventory, removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import { devOverridesConfig, probeTofu, providerBlock, stateValues, workspace, type Workspace } from "./harness.ts";

const probe = probeTofu("tofu-golden-");
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/terraform/opentofu-golden (real OpenTofu, template versions and in-place pool moves): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 240_000;

function config(emulator: Emulator, withVersion: boolean): string {
  const version = withVersion
    ? `
resource "ovirt_template" "v2" {
  name          = ovirt_template.base.name
  source_vm     = ovirt_vm.golden.vm_id
  base_template = ovirt_template.base.template_id
  version_name  = "v2"
}
`
    : "";
  return `${providerBlock(emulator)}
resource "ovirt_vm" "golden" {
  name      = "tf-golden-src"
  memory_mb = 512
}

resource "ovirt_template" "base" {
  name      = "tf-golden"
  source_vm = ovirt_vm.golden.vm_id
}
${version}
resource "ovirt_pool" "desks" {
  name     = "tf-golden-pool"
  template = ${withVersion ? "ovirt_template.v2.template_id" : "ovirt_template.base.template_id"}
  size     = 3
}

resource "ovirt_permission" "helpdesk" {
  group   = "helpdesk@internal"
  role    = "UserRole"
  pool_id = ovirt_pool.desks.pool_id
}

resource "ovirt_permission" "contractor" {
  user    = "temp@internal"
  role    = "UserRole"
  pool_id = ovirt_pool.desks.pool_id
}
`;
}

/** What a non-admin user sees: the portal's filtered view (the `Filter: true` header). */
function filteredGet(emulator: Emulator, path: string, user: string, password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(new URL(emulator.apiUrl + path), {
      ca: readFileSync(emulator.caFile), auth: `${user}:${password}`, headers: { Accept: "application/json", Filter: "true" }, timeout: 15_000,
    }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve(text));
    });
    req.on("error", reject);
    req.end();
  });
}

type Row = { vm_id: string; template_id: string; version_number: number };

describe.skipIf(!probe.tofu)("OpenTofu: template versions, a pool moved in place, a group's permission (#23)", () => {
  let emulator: Emulator;
  let ws: Workspace;

  beforeAll(async () => {
    emulator = await startEmulator(join(probe.workDir, "engine"), randomBytes(12).toString("hex"), [
      "--user", "desk@internal:deskpw", "--group", "helpdesk@internal:desk@internal,temp@internal",
    ]);
    ws = workspace(probe.tofu!, join(probe.workDir, "golden"), emulator, devOverridesConfig(join(probe.workDir, "golden.tfrc")));
  }, 60_000);
  afterAll(async () => {
    await emulator?.stop();
  });

  it("applies a base and a pool, moves the pool to a new version in place, and destroys everything", async () => {
    ws.write(config(emulator, false));
    await ws.ok(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    const first = await stateValues(ws);
    const before = (first["ovirt_pool.desks"]!.vm_template_versions as Row[]).map((r) => r.vm_id).sort();
    expect(before).toHaveLength(3);
    expect(first["ovirt_template.base"]).toMatchObject({ version_number: 1 });
    expect(first["ovirt_permission.helpdesk"]).toMatchObject({ group: "helpdesk@internal", role: "UserRole", added_principals: ["group:helpdesk@internal-authz"] });
    // temp@internal is only in the directory: the apply added it to the engine, then entitled it.
    expect(first["ovirt_permission.contractor"]).toMatchObject({ user: "temp@internal", added_principals: ["user:temp@internal-authz"] });
    const userNames = async () => ((await engineApi(emulator, "GET", "/users")).json["user"] as { user_name: string }[]).map((u) => u.user_name).sort();
    expect(await userNames()).toContain("temp@internal-authz");
    // The group's member sees the pool in the filtered view.
    expect(await filteredGet(emulator, "/vmpools", "desk@internal", "deskpw")).toContain("tf-golden-pool");

    ws.write(config(emulator, true));
    const plan = await ws.tofu(["plan", "-detailed-exitcode", "-input=false"], STEP_TIMEOUT);
    const planned = plan.stdout + plan.stderr;
    expect(plan.code, planned).toBe(2);
    expect(planned).toContain("Plan: 1 to add, 1 to change, 0 to destroy.");
    expect(planned).not.toMatch(/must be replaced/);
    await ws.ok(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    const second = await stateValues(ws);
    const v2 = second["ovirt_template.v2"]!;
    expect(v2).toMatchObject({ version_number: 2, base_template_id: first["ovirt_template.base"]!.template_id });
    const rows = second["ovirt_pool.desks"]!.vm_template_versions as Row[];
    expect(rows.map((r) => r.vm_id).sort()).toEqual(before);
    for (const row of rows) expect(row).toMatchObject({ template_id: v2.template_id, version_number: 2 });

    await ws.ok(["destroy", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    expect(JSON.stringify(await engineInventory(emulator))).not.toMatch(/tf-golden/);
    expect((await engineApi(emulator, "GET", "/templates")).json["template"]).toEqual([expect.objectContaining({ name: "Blank" })]);
    expect((await engineApi(emulator, "GET", "/groups")).json["group"] ?? []).toEqual([]);
    expect(await userNames()).toEqual(["admin@internal-authz", "desk@internal-authz"]);
  }, STEP_TIMEOUT * 4);
});
