import { describe, expect, it } from "vitest";
import { at, basic, blankVm, createVm, type Emu, emulatorPerSuite, request } from "./helpers.ts";

async function token(emu: Emu, form: string): Promise<{ status: number; json: Record<string, string>; type: string }> {
  const a = await request(emu, "POST", "/ovirt-engine/sso/oauth/token", {
    auth: "none",
    body: form,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
  });
  return { status: a.status, json: a.body as Record<string, string>, type: String(a.headers["content-type"]) };
}

describe("emulator auth", () => {
  let emu: Emu;
  emulatorPerSuite({ users: [{ name: "user@internal", password: "userpw", vms: ["granted-vm"] }], tokenTtlSeconds: 1 }, async (started) => {
    emu = started;
    await createVm(emu, blankVm("granted-vm"));
    await createVm(emu, blankVm("other-vm"));
  });

  it("answers 401 with the RESTAPI Basic realm when no credentials are sent", async () => {
    const a = await request(emu, "GET", "/vms", { auth: "none" });
    expect(a.status).toBe(401);
    expect(a.headers["www-authenticate"]).toBe('Basic realm="RESTAPI"');
  });

  it("rejects wrong Basic credentials", async () => {
    const a = await request(emu, "GET", "/vms", { auth: basic("admin@internal", "wrong") });
    expect(a.status).toBe(401);
  });

  it("issues bearer tokens for the password grant with scope ovirt-app-api", async () => {
    const t = await token(emu, "grant_type=password&scope=ovirt-app-api&username=admin%40internal&password=secret");
    expect(t.status).toBe(200);
    expect(t.type).toContain("application/json");
    expect(t.json.token_type).toBe("bearer");
    expect(Number(t.json.exp)).toBeGreaterThan(Date.now());
    const a = await request(emu, "GET", "", { auth: `Bearer ${t.json.access_token}` });
    expect(a.status).toBe(200);
    expect(at(a.body, "api.product_info.name")).toBe("oVirt Engine");
  });

  it("requires scope ovirt-app-api", async () => {
    const t = await token(emu, "grant_type=password&username=admin%40internal&password=secret");
    expect(t.status).toBe(400);
    expect(t.json.error).toBe("invalid_scope");
  });

  it("answers bad passwords with the access_denied JSON shape", async () => {
    const t = await token(emu, "grant_type=password&scope=ovirt-app-api&username=admin%40internal&password=nope");
    expect(t.status).toBe(400);
    expect(t.json.error_code).toBe("access_denied");
    expect(t.json.error).toContain("Cannot authenticate user");
  });

  it("expires tokens after their lifetime and revokes them on logout", async () => {
    const t = await token(emu, "grant_type=password&scope=ovirt-app-api&username=admin%40internal&password=secret");
    const auth = `Bearer ${t.json.access_token}`;
    expect((await request(emu, "GET", "/vms", { auth })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await request(emu, "GET", "/vms", { auth })).status).toBe(401);

    const t2 = await token(emu, "grant_type=password&scope=ovirt-app-api&username=admin%40internal&password=secret");
    const logout = await request(emu, "POST", "/ovirt-engine/services/sso-logout", {
      auth: "none",
      body: `scope=ovirt-app-api&token=${encodeURIComponent(t2.json.access_token ?? "")}`,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(logout.status).toBe(200);
    expect(logout.body).toEqual({});
    expect((await request(emu, "GET", "/vms", { auth: `Bearer ${t2.json.access_token}` })).status).toBe(401);
  });

  it("keeps a session with Prefer: persistent-auth", async () => {
    const a = await request(emu, "GET", "", { headers: { Prefer: "persistent-auth" } });
    const cookie = String(a.headers["set-cookie"]);
    expect(cookie).toMatch(/^JSESSIONID=/);
    const b = await request(emu, "GET", "/vms", { auth: "none", headers: { Cookie: cookie.split(";")[0] ?? "" } });
    expect(b.status).toBe(200);
  });

  it("shows a non-admin user only granted VMs, and only with filter=true", async () => {
    const auth = basic("user@internal", "userpw");
    const unfiltered = await request(emu, "GET", "/vms", { auth });
    expect(unfiltered.status).toBe(403);
    const filtered = await request(emu, "GET", "/vms?filter=true", { auth });
    expect(filtered.status).toBe(200);
    const names = ((filtered.body.vms as { vm?: { name: string }[] }).vm ?? []).map((v) => v.name);
    expect(names).toEqual(["granted-vm"]);
    const viaHeader = await request(emu, "GET", "/vms", { auth, headers: { Filter: "true" } });
    expect(viaHeader.status).toBe(200);
    // The admin sees both.
    const admin = await request(emu, "GET", "/vms");
    expect(((admin.body.vms as { vm?: unknown[] }).vm ?? []).length).toBe(2);
  });

  it("refuses changes by a non-admin user", async () => {
    const auth = basic("user@internal", "userpw");
    const a = await request(emu, "POST", "/vms?filter=true", { auth, body: `<vm>${blankVm("x")}</vm>` });
    expect(a.status).toBe(403);
    expect(at(a.body, "fault.detail")).toBe("[User is not authorized to perform this action.]");
  });

  it("grants more VMs at run time", async () => {
    emu.grant("user@internal", { vms: ["other-vm"] });
    const a = await request(emu, "GET", "/vms?filter=true", { auth: basic("user@internal", "userpw") });
    expect(((a.body.vms as { vm?: unknown[] }).vm ?? []).length).toBe(2);
  });

  it("serves the CA certificate without authentication", async () => {
    const a = await request(emu, "GET", "/ovirt-engine/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA", { auth: "none" });
    expect(a.status).toBe(200);
    expect(a.text).toBe(emu.caPem);
    expect(a.text).toContain("BEGIN CERTIFICATE");
  });
});

describe("emulator permissions over REST", () => {
  let emu: Emu;
  emulatorPerSuite({ users: [{ name: "user@internal", password: "userpw" }] }, (started) => {
    emu = started;
  });

  it("grants a VM to a user through /vms/{id}/permissions, and revokes it", async () => {
    const vm = await createVm(emu, blankVm("perm-vm"));
    const id = String(at(vm.body, "vm.@id"));
    const auth = basic("user@internal", "userpw");
    const before = await request(emu, "GET", "/vms?filter=true", { auth });
    expect((before.body.vms as { vm?: unknown[] }).vm).toBeUndefined();
    // The engine names users after their authorization provider; the login name finds them too.
    const users = await request(emu, "GET", `/users?search=${encodeURIComponent("usrname=user@internal-authz")}`);
    const userId = String(at(users.body, "users.user.@id"));
    expect(at(users.body, "users.user.user_name")).toBe("user@internal-authz");
    expect(at(users.body, "users.user.domain.name")).toBe("internal-authz");
    const byLogin = await request(emu, "GET", `/users?search=${encodeURIComponent("usrname=user@internal")}`);
    expect(at(byLogin.body, "users.user.@id")).toBe(userId);
    const added = await request(emu, "POST", `/vms/${id}/permissions`, {
      body: `<permission><role><name>UserRole</name></role><user id="${userId}"/></permission>`,
    });
    expect(added.status).toBe(201);
    expect(at(added.body, "permission.user.@id")).toBe(userId);
    const after = await request(emu, "GET", "/vms?filter=true", { auth });
    expect(((after.body.vms as { vm?: { name: string }[] }).vm ?? []).map((v) => v.name)).toEqual(["perm-vm"]);
    const permId = String(at(added.body, "permission.@id"));
    expect((await request(emu, "DELETE", `/vms/${id}/permissions/${permId}`)).status).toBe(200);
    const revoked = await request(emu, "GET", "/vms?filter=true", { auth });
    expect((revoked.body.vms as { vm?: unknown[] }).vm).toBeUndefined();
  });

  it("refuses unknown roles and users", async () => {
    const vm = await createVm(emu, blankVm("perm-vm2"));
    const id = String(at(vm.body, "vm.@id"));
    const badRole = await request(emu, "POST", `/vms/${id}/permissions`, {
      body: '<permission><role><name>NoSuchRole</name></role><user id="x"/></permission>',
    });
    expect(badRole.status).toBe(404);
    const badUser = await request(emu, "POST", `/vms/${id}/permissions`, {
      body: '<permission><role><name>UserRole</name></role><user id="nobody"/></permission>',
    });
    expect(badUser.status).toBe(404);
  });
});
