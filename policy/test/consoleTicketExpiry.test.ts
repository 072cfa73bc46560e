import { describe, expect, it } from "vitest";
import { consoleTicketExpiryLimit } from "../policies.ts";
import { runResourcePolicy } from "./harness.ts";
import { UNKNOWN_NUMBER } from "./unknowns.ts";

const CP = "ovirt:index:ConsolePolicy";

function message(name: string, expiry: number, max: number): string {
  return (
    `ConsolePolicy "${name}": ticketExpirySeconds is ${expiry}, above the allowed maximum of ${max} seconds. ` +
    `Anyone holding a console ticket can open the console until it expires. Set ticketExpirySeconds to ${max} or less.`
  );
}

describe("console-ticket-expiry-limit", () => {
  it("is mandatory with a default maximum of 120 seconds", () => {
    expect(consoleTicketExpiryLimit.enforcementLevel).toBe("mandatory");
    expect(consoleTicketExpiryLimit.configSchema?.properties["maxTicketExpirySeconds"]?.default).toBe(120);
  });

  it("accepts the default maximum and below", async () => {
    for (const expiry of [30, 120]) {
      expect((await runResourcePolicy(consoleTicketExpiryLimit, CP, "cp", { ticketExpirySeconds: expiry })).messages).toEqual([]);
    }
  });

  it("rejects a longer ticket", async () => {
    const outcome = await runResourcePolicy(consoleTicketExpiryLimit, CP, "cp", { ticketExpirySeconds: 3600 });
    expect(outcome.messages).toEqual([message("cp", 3600, 120)]);
  });

  it("honours a configured maximum, both lower and higher", async () => {
    const lower = await runResourcePolicy(consoleTicketExpiryLimit, CP, "cp", { ticketExpirySeconds: 120 }, { maxTicketExpirySeconds: 60 });
    expect(lower.messages).toEqual([message("cp", 120, 60)]);
    const higher = await runResourcePolicy(consoleTicketExpiryLimit, CP, "cp", { ticketExpirySeconds: 300 }, { maxTicketExpirySeconds: 300 });
    expect(higher.messages).toEqual([]);
  });

  it("falls back to 120 when the configured maximum is not a positive integer", async () => {
    for (const bad of [0, -5, 1.5, "60"]) {
      const outcome = await runResourcePolicy(consoleTicketExpiryLimit, CP, "cp", { ticketExpirySeconds: 121 }, { maxTicketExpirySeconds: bad });
      expect(outcome.messages, String(bad)).toEqual([message("cp", 121, 120)]);
    }
  });

  it("stays silent while the expiry is unknown or absent", async () => {
    expect((await runResourcePolicy(consoleTicketExpiryLimit, CP, "cp", { ticketExpirySeconds: UNKNOWN_NUMBER })).messages).toEqual([]);
    expect((await runResourcePolicy(consoleTicketExpiryLimit, CP, "cp", {})).messages).toEqual([]);
  });

  it("is not applicable to a Pool", async () => {
    const outcome = await runResourcePolicy(consoleTicketExpiryLimit, "ovirt:index:Pool", "p", {});
    expect(outcome.notApplicable).toBe("applies only to ovirt:index:ConsolePolicy");
  });
});
