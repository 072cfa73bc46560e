import { describe, expect, it } from "vitest";
import { poolDesktopsNeedSoundcard } from "../policies.ts";
import { runResourcePolicy } from "./harness.ts";
import { UNKNOWN_BOOLEAN } from "./unknowns.ts";

const POOL = "ovirt:index:Pool";

describe("pool-desktops-need-soundcard", () => {
  it("is advisory and configurable", () => {
    expect(poolDesktopsNeedSoundcard.enforcementLevel).toBe("advisory");
    expect(Object.keys(poolDesktopsNeedSoundcard.configSchema?.properties ?? {})).toEqual(["exemptPools", "requireExplicit"]);
  });

  it("reports a pool without sound, naming the property and the exemption", async () => {
    const outcome = await runResourcePolicy(poolDesktopsNeedSoundcard, POOL, "sales", { name: "sales-??", soundcardEnabled: false });
    expect(outcome.messages).toEqual([
      'Pool "sales" (engine name "sales-??"): soundcardEnabled is false, so its desktops may have no sound device. ' +
        'Set soundcardEnabled to true, or add "sales-??" to exemptPools in this policy\'s configuration.',
    ]);
    expect((await runResourcePolicy(poolDesktopsNeedSoundcard, POOL, "sales", { name: "sales-??", soundcardEnabled: true })).messages).toEqual([]);
  });

  it("exempts listed pools; reports a pool leaving it out only with requireExplicit; never an unknown", async () => {
    const props = { name: "kiosk-??", soundcardEnabled: false };
    expect((await runResourcePolicy(poolDesktopsNeedSoundcard, POOL, "kiosk", props, { exemptPools: ["kiosk"] })).messages).toEqual([]);
    expect((await runResourcePolicy(poolDesktopsNeedSoundcard, POOL, "p", { name: "p" })).messages).toEqual([]);
    expect((await runResourcePolicy(poolDesktopsNeedSoundcard, POOL, "p", { name: "p" }, { requireExplicit: true })).messages[0]).toMatch(/left to the template/);
    expect((await runResourcePolicy(poolDesktopsNeedSoundcard, POOL, "p", { name: "p", soundcardEnabled: UNKNOWN_BOOLEAN }, { requireExplicit: true })).messages).toEqual([]);
  });
});
