import { describe, expect, it } from "vitest";
import { poolVmNameMatcher, poolVmNamePattern } from "../lib/poolNaming.ts";
import { poolVmNamesNotReused } from "../policies.ts";
import { runStackPolicy, urnOf } from "./harness.ts";
import { UNKNOWN_STRING } from "./unknowns.ts";

const VM = "ovirt:index:Vm";
const POOL = "ovirt:index:Pool";

describe("pool VM naming", () => {
  it("matches the engine's ??? numbering with exactly that many digits", () => {
    const matcher = poolVmNameMatcher("desk-???");
    expect(["desk-001", "desk-123", "DESK-042"].every((n) => matcher.test(n))).toBe(true);
    expect(["desk-1", "desk-0001", "desk-abc", "xdesk-001"].some((n) => matcher.test(n))).toBe(false);
  });

  it("matches the ??? run in the middle of a name", () => {
    const matcher = poolVmNameMatcher("lab??-win");
    expect(matcher.test("lab07-win")).toBe(true);
    expect(matcher.test("lab7-win")).toBe(false);
  });

  it("matches <pool>-N for names without ? and escapes other characters", () => {
    const matcher = poolVmNameMatcher("eng.team");
    expect(matcher.test("eng.team-1")).toBe(true);
    expect(matcher.test("eng.team-250")).toBe(true);
    expect(matcher.test("engxteam-1")).toBe(false);
    expect(matcher.test("eng.team-")).toBe(false);
    expect(matcher.test("eng.team")).toBe(false);
  });

  it("shows the pattern as users know it", () => {
    expect(poolVmNamePattern("desk-???")).toBe("desk-???");
    expect(poolVmNamePattern("desk")).toBe("desk-N");
  });
});

describe("pool-vm-names-not-reused", () => {
  it("is mandatory", () => {
    expect(poolVmNamesNotReused.enforcementLevel).toBe("mandatory");
  });

  it("reports a standalone Vm named like a pool VM", async () => {
    const outcome = await runStackPolicy(poolVmNamesNotReused, [
      { type: POOL, name: "sales", props: { name: "sales-???", size: 5 } },
      { type: POOL, name: "eng", props: { name: "eng", size: 2 } },
      { type: VM, name: "spare", props: { name: "sales-003" } },
      { type: VM, name: "eng-box", props: { name: "eng-7" } },
      { type: VM, name: "admin", props: { name: "admin" } },
    ]);
    expect(outcome.messages).toEqual([
      'Vm "spare" (engine name "sales-003"): name "sales-003" follows the naming pattern "sales-???" of Pool ' +
        '"sales" (engine name "sales-???"), and the engine refuses duplicate VM names, so creating or growing the ' +
        "pool would fail. Rename the Vm (change its name property), or rename the Pool.",
      'Vm "eng-box" (engine name "eng-7"): name "eng-7" follows the naming pattern "eng-N" of Pool "eng", and the ' +
        "engine refuses duplicate VM names, so creating or growing the pool would fail. Rename the Vm (change its " +
        "name property), or rename the Pool.",
    ]);
    expect(outcome.urns).toEqual([urnOf(VM, "spare"), urnOf(VM, "eng-box")]);
  });

  it("passes a stack without collisions, and one without pools", async () => {
    expect((await runStackPolicy(poolVmNamesNotReused, [
      { type: POOL, name: "sales", props: { name: "sales-???" } },
      { type: VM, name: "sales-admin", props: { name: "sales-admin" } },
    ])).messages).toEqual([]);
    expect((await runStackPolicy(poolVmNamesNotReused, [{ type: VM, name: "v", props: { name: "desk-1" } }])).messages).toEqual([]);
  });

  it("stays silent on unknown names", async () => {
    const outcome = await runStackPolicy(poolVmNamesNotReused, [
      { type: POOL, name: "sales", props: { name: UNKNOWN_STRING } },
      { type: POOL, name: "eng", props: { name: "eng" } },
      { type: VM, name: "v1", props: { name: "sales-001" } },
      { type: VM, name: "v2", props: { name: UNKNOWN_STRING } },
    ]);
    expect(outcome.messages).toEqual([]);
  });
});
