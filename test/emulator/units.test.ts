// Pure pieces: the codec, the search language, the body-to-settings mapping and the engine rules.
import { describe, expect, it } from "vitest";
import { parseBody, renderJson, renderXml, SyntaxProblem } from "../../emulator/http/codec.ts";
import { EngineFault } from "../../emulator/http/faults.ts";
import { blankConfig, protocolFromHex, protocolHex } from "../../emulator/model.ts";
import { applyPatch, normalizeDisconnectAction, readConfigPatch, validateConfig, validateName } from "../../emulator/rules.ts";
import { matches, parseSearch } from "../../emulator/search.ts";

describe("codec", () => {
  it("renders attributes, repeated elements and escapes", () => {
    const xml = renderXml("vm", { "@id": "a&b", name: "x<y", link: [{ "@rel": "r1" }, { "@rel": "r2" }], gone: undefined });
    expect(xml).toContain('<vm id="a&amp;b">');
    expect(xml).toContain("<name>x&lt;y</name>");
    expect(xml.match(/<link /g)).toHaveLength(2);
    expect(xml).not.toContain("gone");
    expect(JSON.parse(renderJson({ "@id": "1", memory: 5, flag: false, sub: { n: 1 } }))).toEqual({
      id: "1", memory: "5", flag: "false", sub: { n: "1" },
    });
  });

  it("checks the root element and the syntax", () => {
    expect(parseBody("xml", "<vm><name>a</name></vm>", ["vm"])).toEqual({ name: "a" });
    expect(parseBody("xml", "", ["action"])).toEqual({});
    expect(parseBody("xml", "<action/>", ["action"])).toEqual({});
    expect(() => parseBody("xml", "<template/>", ["vm"])).toThrow(SyntaxProblem);
    expect(() => parseBody("xml", "<vm><name></vm>", ["vm"])).toThrow(SyntaxProblem);
    expect(() => parseBody("json", "[1]", ["vm"])).toThrow(SyntaxProblem);
  });
});

describe("search", () => {
  it("matches names with wildcards, quotes, case and negation", () => {
    const names = ["desk-001", "Desk-002", "server"];
    const run = (q: string): string[] => {
      const c = parseSearch(q, ["name"]);
      return names.filter((n) => matches(c, () => n));
    };
    expect(run("name=desk-*")).toEqual(["desk-001", "Desk-002"]);
    expect(run('name="SERVER"')).toEqual(["server"]);
    expect(run("name!=desk*")).toEqual(["server"]);
    expect(run("Vms: name=server sortby name asc")).toEqual(["server"]);
    expect(() => parseSearch("colour=red", ["name"])).toThrow(EngineFault);
  });

  it("reads and/or with the engine's precedence, parentheses, spaces around operators and multi-valued keys", () => {
    const vms = [
      { name: "a", status: "up", tags: ["red"] },
      { name: "b", status: "down", tags: [] },
      { name: "c", status: "paused", tags: ["red", "blue"] },
    ];
    const run = (q: string): string[] => {
      const c = parseSearch(q, ["name", "status", "tag"]);
      return vms.filter((v) => matches(c, (k) => (k === "tag" ? v.tags : k === "status" ? v.status : v.name))).map((v) => v.name);
    };
    expect(run("(status = up OR status = down) AND (status != down)")).toEqual(["a"]);
    expect(run("status=paused or status=down and name=b")).toEqual(["b", "c"]);
    expect(run('tag = "blue"')).toEqual(["c"]);
    expect(run("tag != red")).toEqual(["b"]);
    expect(() => parseSearch("(status = up", ["status"])).toThrow(EngineFault);
    expect(() => parseSearch("status = ", ["status"])).toThrow(EngineFault);
  });
});

describe("settings mapping and rules", () => {
  it("reads the display, SSO, USB and memory as the engine maps them", () => {
    const { name, patch } = readConfigPatch({
      name: "x",
      memory: "1073741825",
      display: { type: "VNC", disconnect_action: "reboot", monitors: "1" },
      sso: { methods: "" },
      usb: { enabled: "true" },
    });
    expect(name).toBe("x");
    expect(patch).toMatchObject({ memoryMb: 1024, graphics: ["vnc"], disconnectAction: "REBOOT", ssoGuestAgent: false, usbEnabled: true });
    expect(readConfigPatch({ sso: { methods: { method: { "@id": "guest_agent" } } } }).patch.ssoGuestAgent).toBe(true);
    expect(() => readConfigPatch({ stateless: "maybe" })).toThrow(EngineFault);
  });

  it("normalises disconnect actions", () => {
    expect(normalizeDisconnectAction("lock_screen")).toBe("LOCK_SCREEN");
    expect(normalizeDisconnectAction("None")).toBe("NONE");
    expect(normalizeDisconnectAction("")).toBe("LOCK_SCREEN");
    expect(normalizeDisconnectAction("nonsense")).toBe("LOCK_SCREEN");
  });

  it("derives memory defaults and validates configurations", () => {
    const c = applyPatch(blankConfig(), { memoryMb: 2048 }, true);
    expect(c.maxMb).toBe(8192);
    expect(c.guaranteedMb).toBe(2048);
    expect(() => validateConfig({ ...c, monitors: 3 }, "add", "VM")).toThrow(/Illegal number of monitors/);
    expect(() => validateConfig({ ...c, graphics: ["vnc"], monitors: 2 }, "add", "VM")).toThrow(/Illegal number of monitors/);
    expect(() => validateConfig({ ...c, type: "high_performance", usbEnabled: false, smartcardEnabled: true }, "edit", "VM"))
      .toThrow(/Cannot edit VM\. Enabling Smartcard/);
    expect(() => validateConfig({ ...c, disconnectActionDelay: -1 }, "add", "VM")).toThrow(EngineFault);
    expect(() => validateConfig(c, "add", "VM")).not.toThrow();
  });

  it("checks names", () => {
    expect(() => validateName("ok-name_1.2", "add", "VM")).not.toThrow();
    expect(() => validateName("bad name", "add", "VM")).toThrow(/special characters/);
    expect(() => validateName("x".repeat(65), "add", "VM")).toThrow(/too long/);
    expect(() => validateName("desk-???", "create", "VM-Pool")).not.toThrow();
  });

  it("encodes console ids as the protocol in hex", () => {
    expect(protocolHex("spice")).toBe("7370696365");
    expect(protocolHex("vnc")).toBe("766e63");
    expect(protocolFromHex("766E63")).toBe("vnc");
    expect(protocolFromHex("zz")).toBeUndefined();
    expect(protocolFromHex("616263")).toBeUndefined();
  });
});
