import { describe, expect, it } from "vitest";
import { renderDomainXml, renderSmartcard, settingsProblems, smartcardProblems } from "../../domainxml/index.ts";
import type { DomainSettings, SmartcardDevice } from "../../domainxml/index.ts";
import { devicesOf, parseXml } from "./parse.ts";
import { desktopSettings } from "./settings.ts";

// Smartcard on unless a test says otherwise.
function settings(overrides: Partial<DomainSettings> = {}): DomainSettings {
  return desktopSettings(true, overrides);
}

describe("the smartcard element in the domain", () => {
  it("is oVirt's passthrough over spicevmc when smartcard is on", () => {
    const xml = renderDomainXml(settings());
    expect(xml).toContain('<smartcard mode="passthrough" type="spicevmc"/>');
    expect(devicesOf(xml).smartcard).toEqual([{ "@mode": "passthrough", "@type": "spicevmc" }]);
  });

  it("is absent when smartcard is off", () => {
    const xml = renderDomainXml(settings({ display: { type: "spice", smartcardEnabled: false } }));
    expect(xml).not.toContain("<smartcard");
  });

  it("is written for VNC too when asked directly (the engine writes it regardless of graphics)", () => {
    const xml = renderDomainXml(settings({ display: { type: "vnc", smartcardEnabled: true } }));
    expect(devicesOf(xml).smartcard).toHaveLength(1);
  });

  it("uses the given device instead of oVirt's default", () => {
    const xml = renderDomainXml(settings({ smartcard: { mode: "host" } }));
    expect(devicesOf(xml).smartcard).toEqual([{ "@mode": "host" }]);
  });
});

describe("renderSmartcard: libvirt's modes", () => {
  it("host", () => {
    expect(renderSmartcard({ mode: "host" })).toBe('<smartcard mode="host"/>');
  });

  it("passthrough over spicevmc", () => {
    expect(renderSmartcard({ mode: "passthrough", type: "spicevmc" })).toBe('<smartcard mode="passthrough" type="spicevmc"/>');
  });

  it("host-certificates with three certificates, in order, with and without a database", () => {
    const certificates: [string, string, string] = ["cert1", "cert2", "cert<3>"];
    const plain = parseXml(renderSmartcard({ mode: "host-certificates", certificates })).smartcard[0];
    expect(plain["@mode"]).toBe("host-certificates");
    expect(plain.certificate).toEqual(["cert1", "cert2", "cert<3>"]);
    expect(plain.database).toBeUndefined();
    const withDb = renderSmartcard({ mode: "host-certificates", certificates, database: "/etc/pki/nssdb" });
    expect(withDb).toContain("<certificate>cert&lt;3&gt;</certificate>");
    expect(parseXml(withDb).smartcard[0].database).toBe("/etc/pki/nssdb");
  });

  it("passthrough over tcp with its source and raw protocol", () => {
    const device: SmartcardDevice = { mode: "passthrough", type: "tcp", source: { mode: "connect", host: "127.0.0.1", service: "2001" } };
    const card = parseXml(renderSmartcard(device)).smartcard[0];
    expect(card).toMatchObject({ "@mode": "passthrough", "@type": "tcp" });
    expect(card.source).toEqual({ "@mode": "connect", "@host": "127.0.0.1", "@service": "2001" });
    expect(card.protocol).toEqual({ "@type": "raw" });
  });
});

describe("smartcardProblems: the provider's rules", () => {
  it("accepts smartcard with SPICE and USB", () => {
    expect(smartcardProblems(settings())).toEqual([]);
  });

  it("accepts no smartcard anywhere", () => {
    expect(smartcardProblems(settings({ display: { type: "vnc", smartcardEnabled: false } }))).toEqual([]);
    expect(smartcardProblems(settings({ display: null }))).toEqual([]);
    expect(smartcardProblems(settings({ vmType: "high_performance", usbEnabled: false, display: { type: "spice", smartcardEnabled: false } }))).toEqual([]);
  });

  it("refuses smartcard with VNC, saying why and what to change", () => {
    const problems = smartcardProblems(settings({ display: { type: "vnc", smartcardEnabled: true } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.property).toBe("smartcardEnabled");
    expect(problems[0]?.reason).toMatch(/SPICE/);
    expect(problems[0]?.reason).toMatch(/spicevmc' not supported without spice graphics/);
    expect(problems[0]?.reason).toMatch(/displayType.*"spice".*smartcardEnabled.*false/);
  });

  it("refuses a smartcard device on a headless VM", () => {
    const problems = smartcardProblems(settings({ display: null, smartcard: { mode: "passthrough", type: "spicevmc" } }));
    expect(problems.map((p) => p.property)).toEqual(["smartcardEnabled"]);
    expect(problems[0]?.reason).toMatch(/headless/);
  });

  it("refuses smartcard on a high-performance VM with USB off, but not with USB on or other types", () => {
    const problems = smartcardProblems(settings({ vmType: "high_performance", usbEnabled: false }));
    expect(problems.map((p) => p.property)).toEqual(["smartcardEnabled"]);
    expect(problems[0]?.reason).toMatch(/USB CCID/);
    expect(problems[0]?.reason).toMatch(/usbEnabled to true/);
    expect(smartcardProblems(settings({ vmType: "high_performance", usbEnabled: true }))).toEqual([]);
    expect(smartcardProblems(settings({ vmType: "desktop", usbEnabled: false }))).toEqual([]);
    expect(smartcardProblems(settings({ vmType: "server", usbEnabled: false }))).toEqual([]);
  });

  it("reports both problems for VNC on a high-performance VM with USB off", () => {
    const problems = smartcardProblems(settings({ vmType: "high_performance", usbEnabled: false, display: { type: "vnc", smartcardEnabled: true } }));
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.property === "smartcardEnabled")).toBe(true);
  });

  it("lets modes that do not use SPICE run with VNC, but still needs USB for them", () => {
    expect(smartcardProblems(settings({ display: { type: "vnc", smartcardEnabled: true }, smartcard: { mode: "host" } }))).toEqual([]);
    const hp = smartcardProblems(settings({ vmType: "high_performance", usbEnabled: false, smartcard: { mode: "host" } }));
    expect(hp.map((p) => p.property)).toEqual(["smartcardEnabled"]);
  });

  it("flags a device given while smartcard is off", () => {
    const problems = smartcardProblems(settings({ display: { type: "spice", smartcardEnabled: false }, smartcard: { mode: "host" } }));
    expect(problems.map((p) => p.property)).toEqual(["smartcard"]);
  });
});

describe("smartcardProblems: libvirt's mode rules", () => {
  function problemsFor(device: unknown) {
    return smartcardProblems(settings({ smartcard: device as SmartcardDevice }));
  }

  it("accepts every well-formed mode", () => {
    expect(problemsFor({ mode: "host" })).toEqual([]);
    expect(problemsFor({ mode: "host-certificates", certificates: ["a", "b", "c"] })).toEqual([]);
    expect(problemsFor({ mode: "host-certificates", certificates: ["a", "b", "c"], database: "/etc/pki/nssdb" })).toEqual([]);
    expect(problemsFor({ mode: "passthrough", type: "tcp", source: { mode: "bind", host: "0.0.0.0", service: "2001" } })).toEqual([]);
    expect(problemsFor({ mode: "passthrough", type: "tcp", source: { mode: "connect", host: "cards.example", service: "vscard" } })).toEqual([]);
  });

  it.each([[[]], [["a"]], [["a", "b"]], [["a", "b", "c", "d"]]])("host-certificates with %j is refused: exactly three are needed", (certificates) => {
    const problems = problemsFor({ mode: "host-certificates", certificates });
    expect(problems.map((p) => p.property)).toEqual(["smartcard.certificates"]);
    expect(problems[0]?.reason).toContain(`exactly three`);
    expect(problems[0]?.reason).toContain(`got ${certificates.length}`);
  });

  it("host-certificates with an empty certificate name or a relative database is refused", () => {
    expect(problemsFor({ mode: "host-certificates", certificates: ["a", " ", "c"] }).map((p) => p.property)).toEqual(["smartcard.certificates[1]"]);
    expect(problemsFor({ mode: "host-certificates", certificates: ["a", "b", "c"], database: "nssdb" }).map((p) => p.property)).toEqual(["smartcard.database"]);
  });

  it("passthrough over tcp needs a source with a host and a service", () => {
    expect(problemsFor({ mode: "passthrough", type: "tcp" }).map((p) => p.property)).toEqual(["smartcard.source"]);
    expect(problemsFor({ mode: "passthrough", type: "tcp", source: { mode: "connect", host: "", service: "2001" } }).map((p) => p.property)).toEqual(["smartcard.source.host"]);
    expect(problemsFor({ mode: "passthrough", type: "tcp", source: { mode: "connect", host: "h", service: "" } }).map((p) => p.property)).toEqual(["smartcard.source.service"]);
    expect(problemsFor({ mode: "passthrough", type: "tcp", source: { mode: "connect", host: "h", service: "70000" } }).map((p) => p.property)).toEqual(["smartcard.source.service"]);
    expect(problemsFor({ mode: "passthrough", type: "tcp", source: { mode: "listen", host: "h", service: "1" } }).map((p) => p.property)).toEqual(["smartcard.source.mode"]);
  });

  it("unknown modes and passthrough types are refused, naming the property", () => {
    expect(problemsFor({ mode: "bogus" }).map((p) => p.property)).toEqual(["smartcard.mode"]);
    expect(problemsFor({ mode: "passthrough", type: "udp" }).map((p) => p.property)).toEqual(["smartcard.type"]);
  });
});

describe("settingsProblems", () => {
  it("joins the shape problems and the smartcard rules", () => {
    const problems = settingsProblems(settings({ name: "", display: { type: "vnc", smartcardEnabled: true } }));
    expect(problems.map((p) => p.property)).toEqual(["name", "smartcardEnabled"]);
  });
});

describe("renderSmartcard: malformed devices from untyped input", () => {
  it("throws for an unknown mode or passthrough type instead of dropping the device", () => {
    expect(() => renderSmartcard({ mode: "bogus" } as unknown as SmartcardDevice)).toThrow(/smartcard\.mode.*unknown smartcard mode "bogus"/);
    expect(() => renderSmartcard({ mode: "passthrough", type: "udp" } as unknown as SmartcardDevice)).toThrow(/smartcard\.type/);
    expect(() => renderDomainXml(settings({ smartcard: { mode: "bogus" } as unknown as SmartcardDevice }))).toThrow(/smartcard\.mode/);
  });

  it("writes an incomplete tcp source as given, so libvirt's own refusal can be shown", () => {
    const card = parseXml(renderSmartcard({ mode: "passthrough", type: "tcp" } as unknown as SmartcardDevice)).smartcard[0];
    expect(card.source).toBe("");
    expect(card.protocol).toEqual({ "@type": "raw" });
  });
});
