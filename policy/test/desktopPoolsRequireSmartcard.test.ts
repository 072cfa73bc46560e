import { describe, expect, it } from "vitest";
import { desktopPoolsRequireSmartcard } from "../policies.ts";
import { runResourcePolicy } from "./harness.ts";
import { UNKNOWN_BOOLEAN } from "./unknowns.ts";

const POOL = "ovirt:index:Pool";

describe("desktop-pools-require-smartcard", () => {
  it("is advisory by default and offers exemptPools", () => {
    expect(desktopPoolsRequireSmartcard.enforcementLevel).toBe("advisory");
    expect(Object.keys(desktopPoolsRequireSmartcard.configSchema?.properties ?? {})).toEqual(["exemptPools"]);
  });

  it("passes a pool with smartcard", async () => {
    const outcome = await runResourcePolicy(desktopPoolsRequireSmartcard, POOL, "sales", { name: "sales-???", smartcardEnabled: true });
    expect(outcome.messages).toEqual([]);
  });

  it("reports a pool without smartcard, naming the property and the exemption", async () => {
    const outcome = await runResourcePolicy(desktopPoolsRequireSmartcard, POOL, "sales", { name: "sales-???", smartcardEnabled: false });
    expect(outcome.messages).toEqual([
      'Pool "sales" (engine name "sales-???"): smartcardEnabled is false, so its desktops cannot take the ' +
        'user\'s smartcard. Set smartcardEnabled to true (with displayType "spice"), or add "sales-???" to ' +
        "exemptPools in this policy's configuration.",
    ]);
  });

  it("exempts pools listed by engine name or by resource name", async () => {
    const props = { name: "kiosk-???", smartcardEnabled: false };
    expect((await runResourcePolicy(desktopPoolsRequireSmartcard, POOL, "kiosk", props, { exemptPools: ["kiosk-???"] })).messages).toEqual([]);
    expect((await runResourcePolicy(desktopPoolsRequireSmartcard, POOL, "kiosk", props, { exemptPools: ["kiosk"] })).messages).toEqual([]);
    expect((await runResourcePolicy(desktopPoolsRequireSmartcard, POOL, "kiosk", props, { exemptPools: ["other"] })).messages).toHaveLength(1);
  });

  it("ignores a malformed exemptPools value instead of failing", async () => {
    const outcome = await runResourcePolicy(desktopPoolsRequireSmartcard, POOL, "kiosk", { name: "kiosk", smartcardEnabled: false }, { exemptPools: "kiosk" });
    expect(outcome.messages).toHaveLength(1);
  });

  it("stays silent while smartcardEnabled is unknown or absent", async () => {
    expect((await runResourcePolicy(desktopPoolsRequireSmartcard, POOL, "p", { name: "p", smartcardEnabled: UNKNOWN_BOOLEAN })).messages).toEqual([]);
    expect((await runResourcePolicy(desktopPoolsRequireSmartcard, POOL, "p", { name: "p" })).messages).toEqual([]);
  });

  it("is not applicable to a Vm", async () => {
    const outcome = await runResourcePolicy(desktopPoolsRequireSmartcard, "ovirt:index:Vm", "v", { smartcardEnabled: false });
    expect(outcome.notApplicable).toBe("applies only to ovirt:index:Pool");
    expect(outcome.messages).toEqual([]);
  });
});
