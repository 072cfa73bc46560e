import { describe, expect, it } from "vitest";
import { renderDomainXml, SPICE_SECURE_CHANNELS } from "../../domainxml/index.ts";
import type { DomainSettings } from "../../domainxml/index.ts";
import { devicesOf, parseXml } from "./parse.ts";
import { desktopSettings } from "./settings.ts";
import type { Loose } from "./parse.ts";

// Smartcard off unless a test says otherwise.
function settings(overrides: Partial<DomainSettings> = {}): DomainSettings {
  return desktopSettings(false, overrides);
}

describe("renderDomainXml: the domain", () => {
  it("writes name, memory in MiB, vcpus with one socket, and kvm by default", () => {
    const domain = parseXml(renderDomainXml(settings({ memoryMb: 4096, cpuCores: 3 }))).domain;
    expect(domain["@type"]).toBe("kvm");
    expect(domain.name).toBe("desk-01");
    expect(domain.memory).toEqual({ "#text": "4096", "@unit": "MiB" });
    expect(domain.currentMemory).toEqual({ "#text": "4096", "@unit": "MiB" });
    expect(domain.vcpu["#text"]).toBe("3");
    expect(domain.cpu.topology).toMatchObject({ "@sockets": "1", "@cores": "3", "@threads": "1" });
    expect(domain.os.type).toMatchObject({ "#text": "hvm", "@arch": "x86_64" });
    expect(domain.uuid).toBeUndefined();
  });

  it("uses the qemu domain type when asked (software emulation)", () => {
    expect(parseXml(renderDomainXml(settings({ domainType: "qemu" }))).domain["@type"]).toBe("qemu");
  });

  it("is deterministic: the same settings give the same text", () => {
    const a = renderDomainXml(settings({ display: { type: "spice", smartcardEnabled: true, monitors: 4 } }));
    const b = renderDomainXml(settings({ display: { type: "spice", smartcardEnabled: true, monitors: 4 } }));
    expect(a).toBe(b);
  });

  it("escapes the name", () => {
    const xml = renderDomainXml(settings({ name: `a<b>&"c'` }));
    expect(xml).toContain("<name>a&lt;b&gt;&amp;\"c'</name>");
    expect(parseXml(xml).domain.name).toBe(`a<b>&"c'`);
  });

  it("escapes attribute values such as the listen address", () => {
    const xml = renderDomainXml(settings({ spiceListen: `1"2<3&` }));
    expect(xml).toContain(`listen="1&quot;2&lt;3&amp;"`);
  });

  it("writes the uuid and names the guest agent socket after it, as the engine does", () => {
    const uuid = "0f4e2a6c-7d51-4bde-9c3a-1b2c3d4e5f60";
    const xml = renderDomainXml(settings({ uuid: uuid.toUpperCase() }));
    expect(parseXml(xml).domain.uuid).toBe(uuid);
    const agent = devicesOf(xml).channel.find((c: Loose) => c.target["@name"] === "org.qemu.guest_agent.0");
    expect(agent.source["@path"]).toBe(`/var/lib/libvirt/qemu/channels/${uuid}.org.qemu.guest_agent.0`);
  });

  it("refuses settings that have no domain, naming the property", () => {
    expect(() => renderDomainXml(settings({ name: "" }))).toThrow(/name/);
    expect(() => renderDomainXml(settings({ name: "a/b" }))).toThrow(/name.*"\/"/);
    expect(() => renderDomainXml(settings({ uuid: "not-a-uuid" }))).toThrow(/uuid/);
    expect(() => renderDomainXml(settings({ memoryMb: 0 }))).toThrow(/memoryMb/);
    expect(() => renderDomainXml(settings({ cpuCores: 1.5 }))).toThrow(/cpuCores/);
    expect(() => renderDomainXml(settings({ display: { type: "spice", smartcardEnabled: false, monitors: 3 as 1 } }))).toThrow(/monitors.*1, 2 or 4/);
  });

  it("passes the host CPU through for high-performance VMs on KVM only", () => {
    expect(parseXml(renderDomainXml(settings({ vmType: "high_performance" }))).domain.cpu["@mode"]).toBe("host-passthrough");
    expect(parseXml(renderDomainXml(settings({ vmType: "high_performance", domainType: "qemu" }))).domain.cpu["@mode"]).toBeUndefined();
    expect(parseXml(renderDomainXml(settings({ vmType: "server" }))).domain.cpu["@mode"]).toBeUndefined();
  });
});

describe("renderDomainXml: SPICE", () => {
  it("writes SPICE graphics with the engine's listen, ports, expired ticket and secure channels", () => {
    const graphics = devicesOf(renderDomainXml(settings())).graphics;
    expect(graphics).toHaveLength(1);
    expect(graphics[0]).toMatchObject({
      "@type": "spice",
      "@port": "-1",
      "@tlsPort": "-1",
      "@autoport": "yes",
      "@listen": "0",
      "@passwdValidTo": "1970-01-01T00:00:01",
    });
    expect(graphics[0].listen).toEqual({ "@type": "address", "@address": "0" });
    expect(graphics[0].channel.map((c: Loose) => [c["@name"], c["@mode"]])).toEqual(SPICE_SECURE_CHANNELS.map((n) => [n, "secure"]));
    expect(SPICE_SECURE_CHANNELS).toContain("smartcard");
    expect(SPICE_SECURE_CHANNELS.some((n) => n.startsWith("s") && SPICE_SECURE_CHANNELS.includes(n.slice(1) as never))).toBe(false);
  });

  it("leaves the secure channels out when asked, and uses the given listen address", () => {
    const graphics = devicesOf(renderDomainXml(settings({ secureChannels: false, spiceListen: "127.0.0.1" }))).graphics[0];
    expect(graphics.channel).toBeUndefined();
    expect(graphics["@listen"]).toBe("127.0.0.1");
    expect(graphics.listen["@address"]).toBe("127.0.0.1");
  });

  it("writes the spicevmc agent channel next to the guest agent channel", () => {
    const names = devicesOf(renderDomainXml(settings())).channel.map((c: Loose) => [c["@type"], c.target["@name"]]);
    expect(names).toEqual([
      ["unix", "org.qemu.guest_agent.0"],
      ["spicevmc", "com.redhat.spice.0"],
    ]);
  });

  it.each([1, 2, 4] as const)("gives qxl %i head(s) for %i monitor(s)", (monitors) => {
    const video = devicesOf(renderDomainXml(settings({ display: { type: "spice", smartcardEnabled: false, monitors } }))).video;
    expect(video).toHaveLength(1);
    expect(video[0].model).toMatchObject({ "@type": "qxl", "@heads": String(monitors), "@primary": "yes" });
  });

  it("writes clipboard and file-transfer elements only when they are disabled", () => {
    const on = devicesOf(renderDomainXml(settings())).graphics[0];
    expect(on.clipboard).toBeUndefined();
    expect(on.filetransfer).toBeUndefined();
    const explicitOn = devicesOf(renderDomainXml(settings({ display: { type: "spice", smartcardEnabled: false, copyPasteEnabled: true, fileTransferEnabled: true } }))).graphics[0];
    expect(explicitOn.clipboard).toBeUndefined();
    expect(explicitOn.filetransfer).toBeUndefined();
    const noClipboard = devicesOf(renderDomainXml(settings({ display: { type: "spice", smartcardEnabled: false, copyPasteEnabled: false } }))).graphics[0];
    expect(noClipboard.clipboard).toEqual({ "@copypaste": "no" });
    expect(noClipboard.filetransfer).toBeUndefined();
    const noFiles = devicesOf(renderDomainXml(settings({ display: { type: "spice", smartcardEnabled: false, fileTransferEnabled: false } }))).graphics[0];
    expect(noFiles.filetransfer).toEqual({ "@enable": "no" });
    expect(noFiles.clipboard).toBeUndefined();
  });

  it("writes USB redirection slots only when USB is on", () => {
    expect(devicesOf(renderDomainXml(settings({ usbEnabled: true }))).redirdev).toHaveLength(4);
    expect(devicesOf(renderDomainXml(settings({ usbEnabled: false }))).redirdev).toBeUndefined();
  });
});

describe("renderDomainXml: VNC and headless", () => {
  it("writes VNC graphics with VGA video and no SPICE-only devices", () => {
    const devices = devicesOf(renderDomainXml(settings({ display: { type: "vnc", smartcardEnabled: false, monitors: 4 } })));
    expect(devices.graphics).toHaveLength(1);
    expect(devices.graphics[0]).toMatchObject({ "@type": "vnc", "@port": "-1", "@autoport": "yes", "@listen": "0" });
    expect(devices.graphics[0]["@tlsPort"]).toBeUndefined();
    expect(devices.graphics[0].channel).toBeUndefined();
    expect(devices.video[0].model).toMatchObject({ "@type": "vga", "@heads": "1" });
    expect(devices.channel.map((c: Loose) => c.target["@name"])).toEqual(["org.qemu.guest_agent.0"]);
    expect(devices.redirdev).toBeUndefined();
    expect(devices.smartcard).toBeUndefined();
  });

  // LibvirtVmXmlBuilder.writeDevices: with no video device it calls writeDefaultVideo (model "none").
  it("writes no graphics, agent channel or smartcard when headless, and a video model of none as the engine does", () => {
    const devices = devicesOf(renderDomainXml(settings({ display: null })));
    expect(devices.graphics).toBeUndefined();
    expect(devices.video).toEqual([{ model: { "@type": "none" } }]);
    expect(devices.redirdev).toBeUndefined();
    expect(devices.smartcard).toBeUndefined();
    expect(devices.channel.map((c: Loose) => c.target["@name"])).toEqual(["org.qemu.guest_agent.0"]);
    expect(devices.controller).toHaveLength(1);
  });
});

describe("renderDomainXml: USB controller", () => {
  const cases = [
    ["desktop", true, "qemu-xhci"],
    ["desktop", false, "qemu-xhci"],
    ["server", true, "qemu-xhci"],
    ["server", false, "qemu-xhci"],
    ["high_performance", true, "qemu-xhci"],
    ["high_performance", false, "none"],
  ] as const;
  it.each(cases)("a %s VM with USB %s gets a %s controller", (vmType, usbEnabled, model) => {
    const controllers = devicesOf(renderDomainXml(settings({ vmType, usbEnabled }))).controller;
    expect(controllers).toHaveLength(1);
    expect(controllers[0]).toMatchObject({ "@type": "usb", "@index": "0", "@model": model });
  });
});
