import { describe, expect, it } from "vitest";
import { at, blankVm, createVm, type Emu, emulatorPerSuite, removeDir, request, waitUntil, withEmulator } from "./helpers.ts";

const SPICE = "7370696365";
const VNC = "766e63";

describe("emulator graphics consoles", () => {
  let emu: Emu;
  let vmId = "";
  emulatorPerSuite({ asyncDelayMs: 0 }, async (started) => {
    emu = started;
    const a = await createVm(emu, blankVm("console-vm", "<display><type>spice</type><smartcard_enabled>true</smartcard_enabled></display><usb><enabled>true</enabled></usb>"));
    vmId = String(at(a.body, "vm.@id"));
  });

  it("lists consoles with the protocol name in hex as id, for VMs and templates", async () => {
    const a = await request(emu, "GET", `/vms/${vmId}/graphicsconsoles`);
    expect(a.status).toBe(200);
    expect(at(a.body, "graphics_consoles.graphics_console.@id")).toBe(SPICE);
    expect(at(a.body, "graphics_consoles.graphics_console.protocol")).toBe("spice");
    const t = await request(emu, "GET", "/templates/00000000-0000-0000-0000-000000000000/graphicsconsoles");
    expect(at(t.body, "graphics_consoles.graphics_console.@id")).toBe(SPICE);
    // Link names ignore underscores.
    expect((await request(emu, "GET", `/vms/${vmId}/graphics_consoles`)).status).toBe(200);
  });

  it("answers 204 for the .vv file while the VM is down", async () => {
    const a = await request(emu, "POST", `/vms/${vmId}/graphicsconsoles/${SPICE}/remoteviewerconnectionfile`, { body: "<action/>" });
    expect(a.status).toBe(204);
    expect(a.text).toBe("");
  });

  it("sets tickets with the 7200 s default and echoes value and expiry", async () => {
    await request(emu, "POST", `/vms/${vmId}/start`, { body: "<action/>" });
    await waitUntil(emu, `/vms/${vmId}`, (r) => at(r.body, "vm.status") === "up");
    const a = await request(emu, "POST", `/vms/${vmId}/graphicsconsoles/${SPICE}/ticket`, { body: "<action/>" });
    expect(a.status).toBe(200);
    expect(at(a.body, "action.ticket.expiry")).toBe("7200");
    expect(String(at(a.body, "action.ticket.value")).length).toBeGreaterThan(6);
    const b = await request(emu, "POST", `/vms/${vmId}/graphicsconsoles/${SPICE}/ticket`, {
      body: "<action><ticket><value>abc</value><expiry>120</expiry></ticket></action>",
    });
    expect(at(b.body, "action.ticket.expiry")).toBe("120");
    expect(at(b.body, "action.ticket.value")).toBe("abc");
  });

  it("builds a .vv file with its own 120 s ticket and enable-smartcard from the VM flag", async () => {
    const a = await request(emu, "POST", `/vms/${vmId}/graphicsconsoles/${SPICE}/remoteviewerconnectionfile`, { body: "<action/>" });
    expect(a.status).toBe(200);
    const vv = String(at(a.body, "action.remote_viewer_connection_file"));
    expect(vv.startsWith("[virt-viewer]\ntype=spice\n")).toBe(true);
    expect(vv).toContain("# Password is valid for 120 seconds.");
    expect(vv).toContain("enable-smartcard=1");
    expect(vv).toContain("enable-usb-autoshare=1");
    expect(vv).toContain("secure-channels=smain;sinputs;scursor;splayback;srecord;sdisplay;ssmartcard;susbredir");
    expect(vv).toContain(`vm-guid=${vmId}`);
    const raw = await request(emu, "GET", `/vms/${vmId}/graphicsconsoles/${SPICE}`, { headers: { Accept: "application/x-virt-viewer" } });
    expect(raw.status).toBe(200);
    expect(String(raw.headers["content-type"])).toContain("application/x-virt-viewer");
    expect(raw.text).toContain("enable-smartcard=1");
  });

  it("follows the VM flag: enable-smartcard=0 without smartcard", async () => {
    const a = await createVm(emu, blankVm("console-plain", "<display><type>spice</type></display>"));
    const id = String(at(a.body, "vm.@id"));
    await request(emu, "POST", `/vms/${id}/start`, { body: "<action/>" });
    await waitUntil(emu, `/vms/${id}`, (r) => at(r.body, "vm.status") === "up");
    const vv = await request(emu, "POST", `/vms/${id}/graphicsconsoles/${SPICE}/remoteviewerconnectionfile`, { body: "<action/>" });
    expect(String(at(vv.body, "action.remote_viewer_connection_file"))).toContain("enable-smartcard=0");
  });

  it("adds and removes consoles; a VM without any is headless and has no <display>", async () => {
    const a = await createVm(emu, blankVm("headless", "<display><type>vnc</type></display>"));
    const id = String(at(a.body, "vm.@id"));
    expect(at(a.body, "vm.display.type")).toBe("vnc");
    const add = await request(emu, "POST", `/vms/${id}/graphicsconsoles`, { body: "<graphics_console><protocol>spice</protocol></graphics_console>" });
    expect(add.status).toBe(201);
    expect(at((await request(emu, "GET", `/vms/${id}`)).body, "vm.display.type")).toBe("spice");
    expect((await request(emu, "DELETE", `/vms/${id}/graphicsconsoles/${SPICE}`)).status).toBe(200);
    expect((await request(emu, "DELETE", `/vms/${id}/graphicsconsoles/${VNC}`)).status).toBe(200);
    const vm = await request(emu, "GET", `/vms/${id}`);
    expect(at(vm.body, "vm.display")).toBeUndefined();
    expect((await request(emu, "GET", `/vms/${id}/graphicsconsoles/${VNC}`)).status).toBe(404);
  });
});

describe("emulator graphics consoles on a running VM", () => {
  it("lists the next run's consoles by default and the running ones with current=true", async () => {
    const emu = await withEmulator({ asyncDelayMs: 0 });
    try {
      const a = await createVm(emu, blankVm("running-consoles", "<display><type>spice</type></display>"));
      const id = String(at(a.body, "vm.@id"));
      await request(emu, "POST", `/vms/${id}/start`, { body: "<action/>" });
      await waitUntil(emu, `/vms/${id}`, (r) => at(r.body, "vm.status") === "up");
      const add = await request(emu, "POST", `/vms/${id}/graphicsconsoles`, { body: "<graphics_console><protocol>vnc</protocol></graphics_console>" });
      expect(add.status).toBe(201);
      const protocols = async (q: string): Promise<string[]> => {
        const r = await request(emu, "GET", `/vms/${id}/graphicsconsoles${q}`);
        const items = (r.body.graphics_consoles as { graphics_console?: { protocol: string }[] }).graphics_console ?? [];
        return items.map((c) => c.protocol);
      };
      expect(await protocols("")).toEqual(["spice", "vnc"]);
      expect(await protocols("?current=true")).toEqual(["spice"]);
      expect(at((await request(emu, "GET", `/vms/${id}`)).body, "vm.next_run_configuration_exists")).toBe("true");
      await request(emu, "POST", `/vms/${id}/stop`, { body: "<action/>" });
      await waitUntil(emu, `/vms/${id}`, (r) => at(r.body, "vm.status") === "down");
      expect(await protocols("?current=true")).toEqual(["spice", "vnc"]);
    } finally {
      await emu.close();
      removeDir(emu.dataDir);
    }
  });
});
