// The host side of the console without a hypervisor: the graphics element the emulator sends to
// libvirt (as VDSM's SetVmTicket does), libvirt's graphics events, and when a session has ended.
import { describe, expect, it } from "vitest";
import { disconnectCommand, HostBridge } from "../../emulator/host/bridge.ts";
import { graphicsElement, graphicsEventOf, validTo, withTicket } from "../../emulator/host/libvirt.ts";
import type { GraphicsEvent, HostBackend } from "../../emulator/host/types.ts";

const LIVE = `<domain type='qemu'><devices>
    <graphics type='spice' port='5900' tlsPort='5901' autoport='yes' listen='127.0.0.1' passwd='*****' passwdValidTo='1970-01-01T00:00:01'>
      <listen type='address' address='127.0.0.1'/>
      <channel name='main' mode='secure'/>
    </graphics>
    <graphics type='vnc' port='5902' autoport='yes' listen='127.0.0.1'/>
  </devices></domain>`;

describe("the graphics element for update-device", () => {
  it("finds each protocol's element, with its children", () => {
    expect(graphicsElement(LIVE, "spice")).toMatch(/^<graphics type='spice'[\s\S]*<channel name='main' mode='secure'\/>\s*<\/graphics>$/);
    expect(graphicsElement(LIVE, "vnc")).toBe("<graphics type='vnc' port='5902' autoport='yes' listen='127.0.0.1'/>");
    expect(graphicsElement("<domain/>", "spice")).toBeUndefined();
  });

  it("replaces the password and its validity and keeps an open session", () => {
    const spice = withTicket(graphicsElement(LIVE, "spice")!, "t1ck&t", "2026-12-07T08:00:00");
    expect(spice).not.toContain("*****");
    expect(spice).not.toContain("1970-01-01");
    expect(spice).toContain(`passwd="t1ck&amp;t" passwdValidTo="2026-12-07T08:00:00" connected="keep">`);
    expect(spice).toContain("<channel name='main' mode='secure'/>");
    expect(withTicket(graphicsElement(LIVE, "vnc")!, "abc", "2026-12-07T08:00:00")).toMatch(/passwd="abc" passwdValidTo="2026-12-07T08:00:00" connected="keep"\/>$/);
  });

  it("writes the validity in UTC to the second, as libvirt wants it", () => {
    expect(validTo(Date.UTC(2026, 11, 7, 8, 0, 0, 500), 120)).toBe("2026-12-07T08:02:00");
  });
});

describe("libvirt's graphics events", () => {
  it("reads the phase and the client from virsh event lines", () => {
    expect(graphicsEventOf("event 'graphics' for domain 'ovirt-a-1': initialize local[IPv4 127.0.0.1 5901] remote[IPv4 127.0.0.1 34120] spice")).toEqual({ phase: "initialize", client: "IPv4 127.0.0.1 34120" });
    expect(graphicsEventOf("event 'graphics' for domain 'ovirt-a-1': disconnect local[IPv4 127.0.0.1 5900] remote[IPv4 127.0.0.1 42476] ")).toEqual({ phase: "disconnect", client: "IPv4 127.0.0.1 42476" });
    expect(graphicsEventOf("event 'lifecycle' for domain 'x': Started Booted")).toBeUndefined();
  });

  it("maps the engine's disconnect actions to guest-agent commands", () => {
    expect(disconnectCommand("LOCK_SCREEN")).toBe("lock-screen");
    expect(disconnectCommand("logout")).toBe("logoff");
    expect(disconnectCommand("SHUTDOWN")).toBe("shutdown");
    expect(disconnectCommand("REBOOT")).toBe("reboot");
    expect(disconnectCommand("NONE")).toBeUndefined();
  });
});

function scriptedHost(): HostBackend & { emit(e: GraphicsEvent): void; tickets: string[] } {
  let listener: ((e: GraphicsEvent) => void) | undefined;
  const tickets: string[] = [];
  return {
    tickets,
    emit: (e) => listener?.(e),
    async startVm() {},
    async stopVm() {},
    async vmState() { return "running"; },
    async setTicket(_id, _protocol, ticket) { tickets.push(ticket); },
    watchGraphics(_id, onEvent) { listener = onEvent; return { stop: () => (listener = undefined) }; },
    async close() {},
  };
}

describe("the end of a console session (the seed's step 10)", () => {
  it("asks for the disconnect action once, when the last accepted connection goes; refused connections are no session", async () => {
    const host = scriptedHost();
    const bridge = new HostBridge(host);
    const lock = { action: "LOCK_SCREEN", delayMinutes: 5 };
    await bridge.issueTicket("vm-1", { protocol: "spice", value: "t1", validSeconds: 120, onDisconnect: lock });
    expect(host.tickets).toEqual(["t1"]);
    // A client whose ticket was refused (or that was redirected to TLS) connects and goes.
    host.emit({ phase: "connect", client: "a" });
    host.emit({ phase: "disconnect", client: "a" });
    expect(bridge.guestAgent).toEqual([]);
    // A SPICE session: two channels accepted; the first to go does not end it.
    for (const c of ["b", "c"]) host.emit({ phase: "connect", client: c });
    for (const c of ["b", "c"]) host.emit({ phase: "initialize", client: c });
    host.emit({ phase: "disconnect", client: "b" });
    expect(bridge.guestAgent).toEqual([]);
    host.emit({ phase: "disconnect", client: "c" });
    expect(bridge.guestAgent).toEqual([expect.objectContaining({ vmId: "vm-1", command: "lock-screen", delayMinutes: 5 })]);
    // The action that came with the latest ticket applies (SetVmTicketVDSCommand sends it each time).
    await bridge.issueTicket("vm-1", { protocol: "spice", value: "t2", validSeconds: 120, onDisconnect: { action: "NONE", delayMinutes: 0 } });
    host.emit({ phase: "initialize", client: "d" });
    host.emit({ phase: "disconnect", client: "d" });
    expect(bridge.guestAgent).toHaveLength(1);
    await bridge.issueTicket("vm-1", { protocol: "spice", value: "t3", validSeconds: 120, onDisconnect: { action: "LOGOUT", delayMinutes: 0 } });
    host.emit({ phase: "initialize", client: "e" });
    host.emit({ phase: "disconnect", client: "e" });
    expect(bridge.guestAgent.at(-1)).toMatchObject({ command: "logoff" });
    await bridge.close();
  });
});
