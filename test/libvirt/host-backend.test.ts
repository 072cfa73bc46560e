// The emulator's libvirt host backend used directly: a VM's previewed domain runs under QEMU with
// the VM id as its UUID, its state follows the domain, and libvirt's refusals reach the caller.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLibvirtBackend, domainName, domainUuid, withIdentity } from "../../emulator/host/libvirt.ts";
import type { HostBackend } from "../../emulator/host/types.ts";
import { renderDomainXml } from "../../domainxml/index.ts";
import type { DomainSettings } from "../../domainxml/index.ts";
import { RUN_ID, SYSTEM_URI, systemMissing, virsh, warnSkipped } from "./host.ts";

function preview(name: string, uuid: string, display: DomainSettings["display"]): string {
  return renderDomainXml({ name, uuid, memoryMb: 128, cpuCores: 1, vmType: "desktop", usbEnabled: true, display, domainType: "qemu", spiceListen: "127.0.0.1" });
}

describe("libvirt backend: naming", () => {
  it("keeps a UUID vm id as the domain UUID and derives a stable one otherwise", () => {
    const id = randomUUID();
    expect(domainUuid(id.toUpperCase())).toBe(id);
    expect(domainUuid("vm-42")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(domainUuid("vm-42")).toBe(domainUuid("vm-42"));
    expect(domainUuid("vm-42")).not.toBe(domainUuid("vm-43"));
  });

  it("derives a libvirt-safe domain name from the VM's name and id", () => {
    const id = "0f4e2a6c-7d51-4bde-9c3a-1b2c3d4e5f60";
    expect(domainName({ id, name: "desk-01" })).toBe("ovirt-desk-01-0f4e2a6c");
    expect(domainName({ id, name: "a/b <c> & d" })).toBe("ovirt-a-b-c-d-0f4e2a6c");
    expect(domainName({ id, name: "///" })).toBe("ovirt-vm-0f4e2a6c");
  });

  it("sets the domain's name and uuid in the XML, adding the uuid when missing", () => {
    const xml = "<domain type=\"qemu\">\n  <name>x</name>\n  <devices/>\n</domain>\n";
    expect(withIdentity(xml, "ovirt-a&b", "0f4e2a6c-7d51-4bde-9c3a-1b2c3d4e5f60")).toBe(
      "<domain type=\"qemu\">\n  <name>ovirt-a&amp;b</name>\n  <uuid>0f4e2a6c-7d51-4bde-9c3a-1b2c3d4e5f60</uuid>\n  <devices/>\n</domain>\n",
    );
    const withUuid = xml.replace("<name>x</name>", "<name>x</name><uuid>11111111-1111-1111-1111-111111111111</uuid>");
    expect(withIdentity(withUuid, "n", "22222222-2222-2222-2222-222222222222")).toContain("<uuid>22222222-2222-2222-2222-222222222222</uuid>");
    expect(withIdentity(withUuid, "n", "22222222-2222-2222-2222-222222222222")).not.toContain("11111111");
  });
});

warnSkipped("the libvirt host backend against qemu:///system", systemMissing);

describe.skipIf(systemMissing !== undefined)("libvirt backend on qemu:///system", () => {
  let backend: HostBackend;
  const ids: string[] = [];
  const domainNames: string[] = [];

  beforeAll(async () => {
    backend = await createLibvirtBackend(SYSTEM_URI);
  });
  afterAll(async () => {
    for (const id of ids) await backend?.stopVm(id).catch(() => undefined);
    await backend?.close();
    // QEMU's per-domain logs of this run would otherwise pile up.
    for (const name of domainNames) rmSync(`/var/log/libvirt/qemu/${name}.log`, { force: true });
  });

  it("starts a VM's preview with a CCID reader, keeps start idempotent, and stops it", async () => {
    const id = randomUUID();
    ids.push(id);
    const name = `pov ${RUN_ID} <desk> & co`;
    domainNames.push(domainName({ id, name }));
    expect(await backend.vmState(id)).toBe("missing");
    await backend.startVm({ id, name, domainXml: preview("whatever", id, { type: "spice", smartcardEnabled: true }) });
    expect(await backend.vmState(id)).toBe("running");
    await backend.startVm({ id, name, domainXml: preview("whatever", id, { type: "spice", smartcardEnabled: true }) });

    const info = await virsh(SYSTEM_URI, "domname", id);
    expect(info.stdout.trim()).toBe(domainName({ id, name }));
    const usb = await virsh(SYSTEM_URI, "qemu-monitor-command", id, "--hmp", "info usb");
    expect(usb.stdout).toMatch(/QEMU USB CCID/);

    await backend.stopVm(id);
    expect(await backend.vmState(id)).toBe("missing");
    await backend.stopVm(id); // already gone: still fine
  });

  it("uses a stable UUID for ids that are not UUIDs", async () => {
    const id = `vm-${RUN_ID}`;
    ids.push(id);
    domainNames.push(domainName({ id, name: "plain" }));
    await backend.startVm({ id, name: "plain", domainXml: preview("plain", domainUuid(id), { type: "spice", smartcardEnabled: false }) });
    expect(await backend.vmState(id)).toBe("running");
    expect((await virsh(SYSTEM_URI, "domuuid", domainName({ id, name: "plain" }))).stdout.trim()).toBe(domainUuid(id));
    await backend.stopVm(id);
    expect(await backend.vmState(id)).toBe("missing");
  });

  it("rejects a VNC VM with a smartcard with libvirt's own reason, and leaves nothing behind", async () => {
    const id = randomUUID();
    ids.push(id);
    domainNames.push(domainName({ id, name: "vnc-card" }));
    const start = backend.startVm({ id, name: "vnc-card", domainXml: preview("vnc-card", id, { type: "vnc", smartcardEnabled: true }) });
    await expect(start).rejects.toThrow(/VM "vnc-card".*chardev 'spicevmc' not supported without spice graphics/);
    await expect(start).rejects.not.toThrow(/\.xml/);
    expect(await backend.vmState(id)).toBe("missing");
  });

  it("says clearly when libvirt cannot be reached", async () => {
    await expect(createLibvirtBackend("test:///nonexistent/path.xml")).rejects.toThrow(/cannot connect to libvirt at "test:\/\/\/nonexistent\/path\.xml"/);
  });
});
