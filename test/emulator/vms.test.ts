import { describe, expect, it } from "vitest";
import { at, blankVm, createVm, type Emu, emulatorPerSuite, removeDir, request, waitUntil, withEmulator } from "./helpers.ts";

const vmId = (a: { body: Record<string, unknown> }): string => String(at(a.body, "vm.@id"));

describe("emulator VMs", () => {
  let emu: Emu;
  emulatorPerSuite({ asyncDelayMs: 0 }, (started) => {
    emu = started;
  });

  it("creates a VM from Blank with 201, status down, a Location and the engine's defaults", async () => {
    const a = await createVm(emu, blankVm("defaults", "<memory>1073741999</memory>"));
    expect(a.status).toBe(201);
    expect(String(a.headers.location)).toBe(`${emu.baseUrl}/ovirt-engine/api/vms/${vmId(a)}`);
    expect(at(a.body, "vm.status")).toBe("down");
    expect(at(a.body, "vm.memory")).toBe(String(1024 * 1024 * 1024));
    expect(at(a.body, "vm.memory_policy.max")).toBe(String(4 * 1024 * 1024 * 1024));
    expect(at(a.body, "vm.display.smartcard_enabled")).toBe("false");
    expect(at(a.body, "vm.display.disconnect_action")).toBe("LOCK_SCREEN");
    expect(at(a.body, "vm.template.@id")).toBe("00000000-0000-0000-0000-000000000000");
    expect(at(a.body, "vm.next_run_configuration_exists")).toBe("false");
    // Serial console and sound card: in the create answer, then only with all_content. Blank has a sound card.
    expect(at(a.body, "vm.console.enabled")).toBe("false");
    expect(at(a.body, "vm.soundcard_enabled")).toBe("true");
    const plain = await request(emu, "GET", `/vms/${vmId(a)}`);
    expect(at(plain.body, "vm.console")).toBeUndefined();
    expect(at(plain.body, "vm.soundcard_enabled")).toBeUndefined();
    const full = await request(emu, "GET", `/vms/${vmId(a)}?all_content=true`);
    expect(at(full.body, "vm.console.enabled")).toBe("false");
    expect(at(full.body, "vm.soundcard_enabled")).toBe("true");
    const viaHeader = await request(emu, "GET", `/vms/${vmId(a)}`, { headers: { "All-Content": "true" } });
    expect(at(viaHeader.body, "vm.soundcard_enabled")).toBe("true");
  });

  it("echoes disconnect_action in upper case and maps invalid values to LOCK_SCREEN", async () => {
    const a = await createVm(emu, blankVm("disc1", "<display><disconnect_action>logout</disconnect_action><disconnect_action_delay>5</disconnect_action_delay></display>"));
    expect(at(a.body, "vm.display.disconnect_action")).toBe("LOGOUT");
    expect(at(a.body, "vm.display.disconnect_action_delay")).toBe("5");
    const b = await createVm(emu, blankVm("disc2", "<display><disconnect_action>explode</disconnect_action></display>"));
    expect(at(b.body, "vm.display.disconnect_action")).toBe("LOCK_SCREEN");
  });

  it("reports missing mandatory parameters", async () => {
    const a = await createVm(emu, "<name>x</name>");
    expect(a.status).toBe(400);
    expect(at(a.body, "fault.reason")).toBe("Incomplete parameters");
    expect(at(a.body, "fault.detail")).toBe("Vm [cluster.id|name, template.id|name] required for add");
  });

  it("answers unparsable bodies with Request syntactically incorrect.", async () => {
    const a = await request(emu, "POST", "/vms", { body: "<vm><name>x</vm>" });
    expect(a.status).toBe(400);
    expect(at(a.body, "fault.reason")).toBe("Request syntactically incorrect.");
    const b = await request(emu, "POST", "/vms", { body: "<template><name>x</name></template>" });
    expect(b.status).toBe(400);
  });

  it("refuses elements the engine does not know, such as console_disconnect_action", async () => {
    const a = await createVm(emu, blankVm("unknown1", "<console_disconnect_action>LOGOUT</console_disconnect_action>"));
    expect(a.status).toBe(400);
    expect(at(a.body, "fault.reason")).toBe("Request syntactically incorrect.");
    expect(String(at(a.body, "fault.detail"))).toContain("/ovirt-engine/apidoc#services/vms/methods/add");
    const b = await createVm(emu, blankVm("unknown2", "<display><smartcard>true</smartcard></display>"));
    expect(b.status).toBe(400);
    expect((await request(emu, "GET", `/vms?search=${encodeURIComponent("name=unknown*")}`)).text).not.toContain("unknown");
  });

  it("404s unknown clusters and templates given by name, and unknown ids in the path with an empty body", async () => {
    const a = await createVm(emu, "<name>x</name><cluster><name>Nope</name></cluster><template><name>Blank</name></template>");
    expect(a.status).toBe(404);
    expect(at(a.body, "fault.detail")).toBe("Entity not found: Cluster: name=Nope");
    const b = await createVm(emu, "<name>x</name><cluster><name>Default</name></cluster><template><name>Nope</name></template>");
    expect(b.status).toBe(404);
    expect(at(b.body, "fault.detail")).toBe("Entity not found: GetVmTemplate");
    const c = await request(emu, "GET", "/vms/does-not-exist");
    expect(c.status).toBe(404);
    expect(c.text).toBe("");
  });

  it("refuses duplicate names with 409 and the engine text", async () => {
    await createVm(emu, blankVm("dup"));
    const a = await createVm(emu, blankVm("dup"));
    expect(a.status).toBe(409);
    expect(at(a.body, "fault.reason")).toBe("Operation Failed");
    expect(at(a.body, "fault.detail")).toBe("[Cannot add VM. The VM name is already in use, please choose a unique name and try again.]");
  });

  it("validates monitors, enums and the smartcard / high-performance / USB rule", async () => {
    const m = await createVm(emu, blankVm("mon3", "<display><monitors>3</monitors></display>"));
    expect(m.status).toBe(400);
    expect(String(at(m.body, "fault.detail"))).toContain("Illegal number of monitors");
    const ok = await createVm(emu, blankVm("mon4", "<display><monitors>4</monitors></display>"));
    expect(ok.status).toBe(201);
    const e = await createVm(emu, blankVm("badtype", "<type>laptop</type>"));
    expect(e.status).toBe(400);
    expect(String(at(e.body, "fault.detail"))).toContain("laptop is not a member of VmType");
    const sc = await createVm(emu, blankVm("hp", "<type>high_performance</type><usb><enabled>false</enabled></usb><display><smartcard_enabled>true</smartcard_enabled></display>"));
    expect(sc.status).toBe(400);
    expect(at(sc.body, "fault.detail")).toBe(
      "[Cannot add VM. Enabling Smartcard device while USB is disabled for High Performance VM type is not supported.]",
    );
    const scUsb = await createVm(emu, blankVm("hp-usb", "<type>high_performance</type><usb><enabled>true</enabled></usb><display><smartcard_enabled>true</smartcard_enabled></display>"));
    expect(scUsb.status).toBe(201);
  });

  it("walks start and stop through the status sequence and refuses double starts", async () => {
    const slow = await withEmulator({ asyncDelayMs: 300 });
    try {
      const a = await createVm(slow, blankVm("power"));
      const id = vmId(a);
      const start = await request(slow, "POST", `/vms/${id}/start`, { body: "<action/>" });
      expect(start.status).toBe(200);
      expect(at(start.body, "action.status")).toBe("complete");
      const first = await request(slow, "GET", `/vms/${id}`);
      expect(["wait_for_launch", "powering_up"]).toContain(at(first.body, "vm.status"));
      const again = await request(slow, "POST", `/vms/${id}/start`, { body: "<action/>" });
      expect(again.status).toBe(409);
      expect(at(again.body, "fault.detail")).toBe("[Cannot run VM. VM is running.]");
      await waitUntil(slow, `/vms/${id}`, (r) => at(r.body, "vm.status") === "up");
      const running = await request(slow, "DELETE", `/vms/${id}`);
      expect(running.status).toBe(409);
      expect(at(running.body, "fault.detail")).toBe("[Cannot remove VM. VM is running.]");
      await request(slow, "POST", `/vms/${id}/shutdown`, { body: "<action/>" });
      const down1 = await request(slow, "GET", `/vms/${id}`);
      expect(at(down1.body, "vm.status")).toBe("powering_down");
      await waitUntil(slow, `/vms/${id}`, (r) => at(r.body, "vm.status") === "down");
      // Already down: the engine skips the command and answers success; the VM stays down.
      for (const action of ["stop", "shutdown"]) {
        const again = await request(slow, "POST", `/vms/${id}/${action}`, { body: "<action/>" });
        expect(again.status).toBe(200);
        expect(at(again.body, "action.status")).toBe("complete");
        expect(at((await request(slow, "GET", `/vms/${id}`)).body, "vm.status")).toBe("down");
      }
    } finally {
      await slow.close();
      removeDir(slow.dataDir);
    }
  });

  it("keeps Down-only changes on a running VM for the next run and applies them on a cold start", async () => {
    const a = await createVm(emu, blankVm("nextrun", "<display><type>spice</type></display>"));
    const id = vmId(a);
    await request(emu, "POST", `/vms/${id}/start`, { body: "<action/>" });
    await waitUntil(emu, `/vms/${id}`, (r) => at(r.body, "vm.status") === "up");
    const put = await request(emu, "PUT", `/vms/${id}`, {
      body: "<vm><description>now</description><display><smartcard_enabled>true</smartcard_enabled><monitors>2</monitors><disconnect_action>shutdown</disconnect_action></display></vm>",
    });
    expect(put.status).toBe(200);
    // The answer is the current configuration: immediate fields changed, Down-only ones not yet.
    expect(at(put.body, "vm.description")).toBe("now");
    expect(at(put.body, "vm.display.disconnect_action")).toBe("SHUTDOWN");
    expect(at(put.body, "vm.display.smartcard_enabled")).toBe("false");
    expect(at(put.body, "vm.next_run_configuration_exists")).toBe("true");
    const pending = await request(emu, "GET", `/vms/${id}?next_run=true`);
    expect(at(pending.body, "vm.display.smartcard_enabled")).toBe("true");
    expect(at(pending.body, "vm.display.monitors")).toBe("2");
    await request(emu, "POST", `/vms/${id}/stop`, { body: "<action/>" });
    const down = await waitUntil(emu, `/vms/${id}`, (r) => at(r.body, "vm.status") === "down");
    expect(at(down.body, "vm.display.smartcard_enabled")).toBe("true");
    expect(at(down.body, "vm.next_run_configuration_exists")).toBe("false");
  });

  it("fails to start a smartcard VM without SPICE graphics with libvirt's reason", async () => {
    const a = await createVm(emu, blankVm("vnc-sc", "<display><type>vnc</type><smartcard_enabled>true</smartcard_enabled></display>"));
    expect(a.status).toBe(201);
    const start = await request(emu, "POST", `/vms/${vmId(a)}/start`, { body: "<action/>" });
    expect(start.status).toBe(400);
    expect(String(at(start.body, "fault.detail"))).toContain("unsupported configuration: chardev 'spicevmc' not supported without spice graphics");
  });

  it("refuses to remove delete-protected VMs", async () => {
    const a = await createVm(emu, blankVm("protected", "<delete_protected>true</delete_protected>"));
    const del = await request(emu, "DELETE", `/vms/${vmId(a)}`);
    expect(del.status).toBe(409);
    expect(at(del.body, "fault.detail")).toBe(
      "[Cannot remove VM. Delete protection is enabled. In order to delete, disable Delete protection first.]",
    );
    await request(emu, "PUT", `/vms/${vmId(a)}`, { body: "<vm><delete_protected>false</delete_protected></vm>" });
    const ok = await request(emu, "DELETE", `/vms/${vmId(a)}`);
    expect(ok.status).toBe(200);
    expect(at(ok.body, "action.status")).toBe("complete");
    expect((await request(emu, "GET", `/vms/${vmId(a)}`)).status).toBe(404);
  });

  it("searches by name with wildcards, case-insensitively, with quotes, and honours max", async () => {
    await createVm(emu, blankVm("Search-Alpha"));
    await createVm(emu, blankVm("search-beta"));
    const names = async (q: string): Promise<string[]> => {
      const a = await request(emu, "GET", `/vms?${q}`);
      return ((a.body.vms as { vm?: { name: string }[] }).vm ?? []).map((v) => v.name);
    };
    expect(await names(`search=${encodeURIComponent("name=search-*")}`)).toEqual(["Search-Alpha", "search-beta"]);
    expect(await names(`search=${encodeURIComponent('name="SEARCH-ALPHA"')}`)).toEqual(["Search-Alpha"]);
    expect(await names(`search=${encodeURIComponent("name=search-*")}&max=1`)).toEqual(["Search-Alpha"]);
    expect(await names(`search=${encodeURIComponent("name=nothing*")}`)).toEqual([]);
  });
});
