import { describe, expect, it } from "vitest";
import { PACK_NAME, policies } from "../policies.ts";

// The analyzer server refuses these at start-up (process.exit), so catch them here instead.
describe("the policy pack", () => {
  it("has a valid pack name", () => {
    expect(PACK_NAME).toMatch(/^[a-zA-Z0-9-_.]{1,100}$/);
    expect(PACK_NAME).toBe("ovirt-smartcard-vdi");
  });

  it("lists each policy once, with its documented default level", () => {
    const levels = Object.fromEntries(policies.map((p) => [p.name, p.enforcementLevel]));
    expect(levels).toEqual({
      "smartcard-requires-spice-and-usb": "mandatory",
      "desktop-pools-require-smartcard": "advisory",
      "console-ticket-expiry-limit": "mandatory",
      "smartcard-console-locks-on-disconnect": "mandatory",
      "smartcard-targets-lock-on-disconnect": "mandatory",
      "guest-agent-sso-requires-opt-in": "advisory",
      "pool-vm-names-not-reused": "mandatory",
      "pool-capacity-limit": "mandatory",
      "pool-desktops-need-allowed-network": "advisory",
      "pools-entitled-by-groups": "advisory",
      "windows11-needs-secure-boot-and-tpm": "mandatory",
      "pool-desktops-need-soundcard": "advisory",
    });
    expect(policies).toHaveLength(Object.keys(levels).length);
  });

  it("keeps enforcementLevel out of every configSchema and gives each policy a description", () => {
    for (const policy of policies) {
      expect(policy.name).not.toBe("all");
      expect(policy.description.length).toBeGreaterThan(20);
      expect(Object.keys(policy.configSchema?.properties ?? {})).not.toContain("enforcementLevel");
      expect(policy.configSchema?.required ?? []).not.toContain("enforcementLevel");
    }
  });

  it("ships a strict example configuration that only names real policies and keys", async () => {
    const { readFile } = await import("node:fs/promises");
    const strict = JSON.parse(await readFile(new URL("../examples/strict.json", import.meta.url), "utf8")) as Record<string, unknown>;
    for (const [name, value] of Object.entries(strict)) {
      const policy = policies.find((p) => p.name === name);
      expect(policy, name).toBeDefined();
      if (typeof value === "string") continue;
      for (const key of Object.keys(value as object)) {
        if (key === "enforcementLevel") continue;
        expect(Object.keys(policy?.configSchema?.properties ?? {}), `${name}.${key}`).toContain(key);
      }
    }
    expect(strict["desktop-pools-require-smartcard"]).toMatchObject({ enforcementLevel: "mandatory" });
  });
});
