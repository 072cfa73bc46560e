// libvirt's other smartcard modes from the preview library: each validates against the schema and
// survives libvirt's parser; malformed devices that the library's rules refuse, libvirt refuses too.
import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { deviceProblems, renderDomainXml } from "../../domainxml/index.ts";
import type { DomainSettings, SmartcardDevice } from "../../domainxml/index.ts";
import { RUN_ID, scratchForFile, validateDomain, testDriverMissing, validateMissing, virsh, warnSkipped } from "./host.ts";
import { qemuSmartcardDesktop } from "./settings.ts";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["controller", "smartcard", "certificate"].includes(name) });

function withSmartcard(name: string, smartcard: SmartcardDevice): DomainSettings {
  return qemuSmartcardDesktop(`pov-${RUN_ID}-${name}`, 256, { smartcard });
}

const modes: { label: string; device: SmartcardDevice; expectDumped: (card: Record<string, unknown>) => void }[] = [
  {
    label: "host",
    device: { mode: "host" },
    expectDumped: (card) => expect(card["@mode"]).toBe("host"),
  },
  {
    label: "host-certificates with three certificates and a database",
    device: { mode: "host-certificates", certificates: ["cert1", "cert2", "cert3"], database: "/etc/pki/nssdb" },
    expectDumped: (card) => {
      expect(card["@mode"]).toBe("host-certificates");
      expect(card.certificate).toEqual(["cert1", "cert2", "cert3"]);
      expect(card.database).toBe("/etc/pki/nssdb");
    },
  },
  {
    label: "passthrough over tcp, connecting to a source",
    device: { mode: "passthrough", type: "tcp", source: { mode: "connect", host: "127.0.0.1", service: "2001" } },
    expectDumped: (card) => {
      expect(card).toMatchObject({ "@mode": "passthrough", "@type": "tcp" });
      expect(card.source).toMatchObject({ "@mode": "connect", "@host": "127.0.0.1", "@service": "2001" });
      expect(card.protocol).toMatchObject({ "@type": "raw" });
    },
  },
  {
    label: "passthrough over tcp, binding a source",
    device: { mode: "passthrough", type: "tcp", source: { mode: "bind", host: "127.0.0.1", service: "2002" } },
    expectDumped: (card) => expect(card.source).toMatchObject({ "@mode": "bind", "@service": "2002" }),
  },
];

// Devices the library's rules refuse; libvirt must refuse them as well.
const malformed: { label: string; device: unknown }[] = [
  { label: "host-certificates with two certificates", device: { mode: "host-certificates", certificates: ["cert1", "cert2"] } },
  { label: "host-certificates with four certificates", device: { mode: "host-certificates", certificates: ["a", "b", "c", "d"] } },
  { label: "host-certificates with a relative database", device: { mode: "host-certificates", certificates: ["a", "b", "c"], database: "nssdb" } },
];

// Incomplete tcp sources pass the schema; libvirt's parser refuses them, as the library's rules do.
const incompleteTcp: { label: string; source: unknown; error: RegExp }[] = [
  { label: "no source at all", source: undefined, error: /Missing source host attribute/ },
  { label: "a source without a service", source: { mode: "connect", host: "127.0.0.1" }, error: /Missing source service attribute/ },
  { label: "a bind source without a host", source: { mode: "bind", service: "2001" }, error: /Missing source host attribute/ },
];

const scratch = scratchForFile();

warnSkipped("schema validation of the smartcard modes", validateMissing);
warnSkipped("test-driver checks of the smartcard modes", testDriverMissing);

describe.skipIf(validateMissing !== undefined)("virt-xml-validate and the smartcard modes", () => {
  it.each(modes)("accepts $label", async ({ device }) => {
    const settings = withSmartcard("valid", device);
    expect(deviceProblems(device)).toEqual([]);
    const file = await scratch.write(`mode-${modes.findIndex((m) => m.device === device)}.xml`, renderDomainXml(settings));
    const result = await validateDomain(file);
    expect(result.stdout + result.stderr).toContain("validates");
    expect(result.code).toBe(0);
  });

  it.each(malformed)("refuses $label, as the library's rules do", async ({ label, device }) => {
    expect(deviceProblems(device as SmartcardDevice)).not.toEqual([]);
    const settings = withSmartcard("bad", device as SmartcardDevice);
    const file = await scratch.write(`bad-${malformed.findIndex((m) => m.label === label)}.xml`, renderDomainXml(settings));
    const result = await validateDomain(file);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("fails to validate");
  });
});

describe.skipIf(testDriverMissing !== undefined)("libvirt's test driver and the smartcard modes", () => {
  it.each(modes)("defines $label and adds the CCID controller", async ({ device, expectDumped }) => {
    const settings = withSmartcard(`m${modes.findIndex((m) => m.device === device)}`, device);
    const file = await scratch.write(`${settings.name}.xml`, renderDomainXml(settings));
    const result = await virsh("test:///default", `define --validate ${file}; dumpxml ${settings.name}`);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const devices = parser.parse(result.stdout.slice(result.stdout.indexOf("<domain"))).domain.devices;
    expect(devices.smartcard).toHaveLength(1);
    expectDumped(devices.smartcard[0]);
    expect(devices.smartcard[0].address).toMatchObject({ "@type": "ccid", "@controller": "0" });
    expect(devices.controller.filter((c: { "@type": string }) => c["@type"] === "ccid")).toHaveLength(1);
  });

  it.each(incompleteTcp)("refuses passthrough over tcp with $label, as the library's rules do", async ({ label, source, error }) => {
    const device = { mode: "passthrough", type: "tcp", source } as unknown as SmartcardDevice;
    expect(deviceProblems(device).map((p) => p.property)[0]).toMatch(/^smartcard\.source/);
    const settings = withSmartcard(`tcp${incompleteTcp.findIndex((c) => c.label === label)}`, device);
    const file = await scratch.write(`${settings.name}.xml`, renderDomainXml(settings));
    const result = await virsh("test:///default", `define ${file}`);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(error);
  });

  it("refuses an unknown mode (written by hand: the library will not render it)", async () => {
    const xml = renderDomainXml(withSmartcard("bogus", { mode: "host" })).replace('<smartcard mode="host"/>', '<smartcard mode="bogus"/>');
    expect(xml).toContain('mode="bogus"');
    const file = await scratch.write("bogus.xml", xml);
    if (validateMissing === undefined) expect((await validateDomain(file)).code).not.toBe(0);
    const result = await virsh("test:///default", `define ${file}`);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/smartcard|bogus/i);
  });

  it("refuses host-certificates with two certificates when defining", async () => {
    const settings = withSmartcard("two", { mode: "host-certificates", certificates: ["cert1", "cert2"] as unknown as [string, string, string] });
    const file = await scratch.write(`${settings.name}.xml`, renderDomainXml(settings));
    const result = await virsh("test:///default", `define ${file}`);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/certificate/i);
  });
});
