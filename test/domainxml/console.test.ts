import { describe, expect, it } from "vitest";
import { consoleDescription } from "../../domainxml/index.ts";

describe("consoleDescription", () => {
  it("describes each display", () => {
    expect(consoleDescription({ type: "spice", smartcardEnabled: true })).toBe("Spice with Smartcard");
    expect(consoleDescription({ type: "spice", smartcardEnabled: false })).toBe("Spice");
    expect(consoleDescription({ type: "vnc", smartcardEnabled: false })).toBe("VNC");
    expect(consoleDescription({ type: "vnc", smartcardEnabled: true })).toBe("VNC");
    expect(consoleDescription(null)).toBe("Headless");
  });
});
