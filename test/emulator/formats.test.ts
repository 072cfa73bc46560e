import { describe, expect, it } from "vitest";
import { at, blankVm, createVm, type Emu, emulatorPerSuite, request } from "./helpers.ts";

describe("emulator formats and versions", () => {
  let emu: Emu;
  emulatorPerSuite({ asyncDelayMs: 0 }, (started) => {
    emu = started;
  });

  it("speaks XML by default, with the XML declaration", async () => {
    const a = await request(emu, "GET", "/clusters");
    expect(String(a.headers["content-type"])).toBe("application/xml");
    expect(a.text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    expect(at(a.body, "clusters.cluster.name")).toBe("Default");
    expect(at(a.body, "clusters.cluster.data_center.@id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("accepts and answers JSON: strings for primitives, a collection under the singular key", async () => {
    const created = await request(emu, "POST", "/vms", {
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        name: "json-vm",
        cluster: { name: "Default" },
        template: { id: "00000000-0000-0000-0000-000000000000" },
        memory: 2147483648,
        display: { type: "spice", smartcard_enabled: true, monitors: 2 },
        sso: { methods: { method: [] } },
      }),
    });
    expect(created.status).toBe(201);
    const vm = created.body as Record<string, unknown>;
    expect(vm.name).toBe("json-vm");
    expect(vm.memory).toBe("2147483648");
    expect(at(vm, "display.smartcard_enabled")).toBe("true");
    expect(at(vm, "display.monitors")).toBe("2");
    expect(at(vm, "sso.methods")).toEqual({});
    const list = await request(emu, "GET", `/vms?search=${encodeURIComponent("name=json-vm")}`, { headers: { Accept: "application/json" } });
    const items = (list.body as { vm: { id: string }[] }).vm;
    expect(items).toHaveLength(1);
    expect(items[0]?.id).toBe(vm.id);
    const empty = await request(emu, "GET", `/vms?search=${encodeURIComponent("name=none")}`, { headers: { Accept: "application/json" } });
    expect(empty.body).toEqual({});
  });

  it("renders faults as JSON when asked", async () => {
    const a = await request(emu, "POST", "/vms", {
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ name: "j" }),
    });
    expect(a.status).toBe(400);
    expect(a.body).toEqual({ reason: "Incomplete parameters", detail: "Vm [cluster.id|name, template.id|name] required for add" });
    const bad = await request(emu, "POST", "/vms", {
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { reason: string }).reason).toBe("Request syntactically incorrect.");
  });

  it("keeps /v4 in hrefs when the version is in the path, accepts Version: 4 and refuses others", async () => {
    const a = await createVm(emu, blankVm("versioned"));
    const id = String(at(a.body, "vm.@id"));
    const v4 = await request(emu, "GET", `/ovirt-engine/api/v4/vms/${id}`);
    expect(v4.status).toBe(200);
    expect(at(v4.body, "vm.@href")).toBe(`/ovirt-engine/api/v4/vms/${id}`);
    const header = await request(emu, "GET", `/vms/${id}`, { headers: { Version: "4" } });
    expect(at(header.body, "vm.@href")).toBe(`/ovirt-engine/api/vms/${id}`);
    expect((await request(emu, "GET", "/vms", { headers: { Version: "3" } })).status).toBe(400);
    expect((await request(emu, "GET", "/ovirt-engine/api/v3/vms")).status).toBe(400);
  });

  it("shows the API root with product info, the blank template and the authenticated user", async () => {
    const a = await request(emu, "GET", "");
    expect(at(a.body, "api.special_objects.blank_template.@id")).toBe("00000000-0000-0000-0000-000000000000");
    expect(at(a.body, "api.product_info.version.major")).toBe("4");
    expect(at(a.body, "api.authenticated_user.@id")).toMatch(/^[0-9a-f-]{36}$/);
    const blank = await request(emu, "GET", "/templates/00000000-0000-0000-0000-000000000000");
    expect(at(blank.body, "template.name")).toBe("Blank");
    expect(at(blank.body, "template.status")).toBe("ok");
  });

  it("accepts sso methods as the SDK writes them and turns SSO off with an empty list", async () => {
    const on = await createVm(emu, blankVm("sso-on", '<sso><methods><method id="guest_agent"/></methods></sso>'));
    expect(at(on.body, "vm.sso.methods.method.@id")).toBe("guest_agent");
    const off = await createVm(emu, blankVm("sso-off", "<sso><methods/></sso>"));
    expect(at(off.body, "vm.sso.methods")).toBe("");
  });
});
