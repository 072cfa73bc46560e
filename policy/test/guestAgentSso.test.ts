import { describe, expect, it } from "vitest";
import { guestAgentSsoRequiresOptIn } from "../policies.ts";
import { runResourcePolicy } from "./harness.ts";
import { UNKNOWN_STRING } from "./unknowns.ts";

const CP = "ovirt:index:ConsolePolicy";

const MESSAGE =
  'ConsolePolicy "sales-console": sso is "guest_agent", so the engine hands the console user\'s password to ' +
  "the guest agent inside the VM, which logs in without the user at the console. Set sso to \"none\", or " +
  'allow it in the policy pack configuration (allowGuestAgentSso true, or "sales-console" in allowedConsolePolicies).';

describe("guest-agent-sso-requires-opt-in", () => {
  it("is advisory by default with both configuration keys", () => {
    expect(guestAgentSsoRequiresOptIn.enforcementLevel).toBe("advisory");
    expect(Object.keys(guestAgentSsoRequiresOptIn.configSchema?.properties ?? {})).toEqual(["allowGuestAgentSso", "allowedConsolePolicies"]);
  });

  it("reports guest-agent SSO without configuration, naming the risk", async () => {
    const outcome = await runResourcePolicy(guestAgentSsoRequiresOptIn, CP, "sales-console", { sso: "guest_agent" });
    expect(outcome.messages).toEqual([MESSAGE]);
  });

  it("passes sso none", async () => {
    expect((await runResourcePolicy(guestAgentSsoRequiresOptIn, CP, "sales-console", { sso: "none" })).messages).toEqual([]);
  });

  it("passes when allowGuestAgentSso is true", async () => {
    const outcome = await runResourcePolicy(guestAgentSsoRequiresOptIn, CP, "sales-console", { sso: "guest_agent" }, { allowGuestAgentSso: true });
    expect(outcome.messages).toEqual([]);
  });

  it("still reports when allowGuestAgentSso is false or malformed", async () => {
    for (const value of [false, "true"]) {
      const outcome = await runResourcePolicy(guestAgentSsoRequiresOptIn, CP, "sales-console", { sso: "guest_agent" }, { allowGuestAgentSso: value });
      expect(outcome.messages).toEqual([MESSAGE]);
    }
  });

  it("passes ConsolePolicies on the allow-list and only those", async () => {
    const config = { allowedConsolePolicies: ["lab-console"] };
    expect((await runResourcePolicy(guestAgentSsoRequiresOptIn, CP, "lab-console", { sso: "guest_agent" }, config)).messages).toEqual([]);
    expect((await runResourcePolicy(guestAgentSsoRequiresOptIn, CP, "sales-console", { sso: "guest_agent" }, config)).messages).toEqual([MESSAGE]);
  });

  it("stays silent while sso is unknown or absent", async () => {
    expect((await runResourcePolicy(guestAgentSsoRequiresOptIn, CP, "cp", { sso: UNKNOWN_STRING })).messages).toEqual([]);
    expect((await runResourcePolicy(guestAgentSsoRequiresOptIn, CP, "cp", {})).messages).toEqual([]);
  });
});
