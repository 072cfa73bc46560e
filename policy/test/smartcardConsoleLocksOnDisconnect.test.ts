import { describe, expect, it } from "vitest";
import { smartcardConsoleLocksOnDisconnect, smartcardTargetsLockOnDisconnect } from "../policies.ts";
import { runResourcePolicy, runStackPolicy, urnOf, type StackEntry } from "./harness.ts";
import { UNKNOWN_BOOLEAN, UNKNOWN_STRING } from "./unknowns.ts";

const CP = "ovirt:index:ConsolePolicy";
const VM = "ovirt:index:Vm";
const POOL = "ovirt:index:Pool";
const SESSION_RISK =
  "so the smartcard user's session stays open when the console disconnects and the next console user lands in it. " +
  'Set disconnectAction to "lock_screen" or "logout".';

describe("smartcard-console-locks-on-disconnect (resource level)", () => {
  it("is mandatory", () => {
    expect(smartcardConsoleLocksOnDisconnect.enforcementLevel).toBe("mandatory");
  });

  it.each(["lock_screen", "logout"])("passes a smartcard console with %s", async (action) => {
    const outcome = await runResourcePolicy(smartcardConsoleLocksOnDisconnect, CP, "cp", { smartcardEnabled: true, disconnectAction: action });
    expect(outcome.messages).toEqual([]);
  });

  it.each(["none", "reboot", "shutdown"])("rejects a smartcard console with %s", async (action) => {
    const outcome = await runResourcePolicy(smartcardConsoleLocksOnDisconnect, CP, "cp", { smartcardEnabled: true, disconnectAction: action });
    expect(outcome.messages).toEqual([`ConsolePolicy "cp": smartcardEnabled is true but disconnectAction is "${action}", ${SESSION_RISK}`]);
  });

  it("leaves consoles without an explicit smartcard to the stack-level policy", async () => {
    expect((await runResourcePolicy(smartcardConsoleLocksOnDisconnect, CP, "cp", { smartcardEnabled: false, disconnectAction: "none" })).messages).toEqual([]);
    expect((await runResourcePolicy(smartcardConsoleLocksOnDisconnect, CP, "cp", { disconnectAction: "none" })).messages).toEqual([]);
  });

  it("stays silent on unknown values", async () => {
    expect((await runResourcePolicy(smartcardConsoleLocksOnDisconnect, CP, "cp", { smartcardEnabled: UNKNOWN_BOOLEAN, disconnectAction: "none" })).messages).toEqual([]);
    expect((await runResourcePolicy(smartcardConsoleLocksOnDisconnect, CP, "cp", { smartcardEnabled: true, disconnectAction: UNKNOWN_STRING })).messages).toEqual([]);
  });
});

describe("smartcard-targets-lock-on-disconnect (stack level)", () => {
  const smartcardVm: StackEntry = { type: VM, name: "desk", props: { name: "desk", smartcardEnabled: true, vmId: "vm-1" } };
  const plainVm: StackEntry = { type: VM, name: "plain", props: { name: "plain", smartcardEnabled: false, vmId: "vm-2" } };
  const smartcardPool: StackEntry = { type: POOL, name: "sales", props: { name: "sales-???", smartcardEnabled: true, poolId: "pool-1" } };

  function stackMessage(target: string, action: string): string {
    return `ConsolePolicy "cp" governs ${target}, which passes a smartcard through, but its disconnectAction is "${action}", ${SESSION_RISK}`;
  }

  it("is mandatory", () => {
    expect(smartcardTargetsLockOnDisconnect.enforcementLevel).toBe("mandatory");
  });

  it("finds the target Vm through the property dependency even when ids are unknown (preview)", async () => {
    const outcome = await runStackPolicy(smartcardTargetsLockOnDisconnect, [
      { ...smartcardVm, props: { ...smartcardVm.props, vmId: UNKNOWN_STRING } },
      { type: CP, name: "cp", props: { vmId: UNKNOWN_STRING, disconnectAction: "none" }, dependsOn: { vmId: ["desk"] } },
    ]);
    expect(outcome.messages).toEqual([stackMessage('Vm "desk"', "none")]);
    expect(outcome.urns).toEqual([urnOf(CP, "cp")]);
  });

  it("finds the target Pool by its id output", async () => {
    const outcome = await runStackPolicy(smartcardTargetsLockOnDisconnect, [
      smartcardPool,
      { type: CP, name: "cp", props: { poolId: "pool-1", disconnectAction: "shutdown" } },
    ]);
    expect(outcome.messages).toEqual([stackMessage('Pool "sales" (engine name "sales-???")', "shutdown")]);
  });

  it("passes when the target has no smartcard or the console locks", async () => {
    const outcome = await runStackPolicy(smartcardTargetsLockOnDisconnect, [
      smartcardVm,
      plainVm,
      { type: CP, name: "cp", props: { vmId: "vm-2", disconnectAction: "none" } },
      { type: CP, name: "cp2", props: { vmId: "vm-1", disconnectAction: "logout" } },
    ]);
    expect(outcome.messages).toEqual([]);
  });

  it("passes when the console policy switches the smartcard off", async () => {
    const outcome = await runStackPolicy(smartcardTargetsLockOnDisconnect, [
      smartcardVm,
      { type: CP, name: "cp", props: { vmId: "vm-1", smartcardEnabled: false, disconnectAction: "none" } },
    ]);
    expect(outcome.messages).toEqual([]);
  });

  it("trusts the provider's effectiveSmartcard output when it is known", async () => {
    const outcome = await runStackPolicy(smartcardTargetsLockOnDisconnect, [
      { type: CP, name: "cp", props: { vmId: "vm-from-elsewhere", effectiveSmartcard: true, disconnectAction: "none" } },
      { type: CP, name: "cp-off", props: { vmId: "vm-1", effectiveSmartcard: false, disconnectAction: "none" } },
      smartcardVm,
    ]);
    expect(outcome.messages).toEqual([stackMessage("a smartcard desktop", "none")]);
  });

  it("does not repeat what the resource-level policy reports", async () => {
    const outcome = await runStackPolicy(smartcardTargetsLockOnDisconnect, [
      smartcardVm,
      { type: CP, name: "cp", props: { vmId: "vm-1", smartcardEnabled: true, disconnectAction: "none" } },
    ]);
    expect(outcome.messages).toEqual([]);
  });

  it("stays silent when the target or its smartcard setting is unknown", async () => {
    const outcome = await runStackPolicy(smartcardTargetsLockOnDisconnect, [
      { ...smartcardVm, props: { name: "desk", smartcardEnabled: UNKNOWN_BOOLEAN, vmId: "vm-1" } },
      { type: CP, name: "cp", props: { vmId: "vm-1", disconnectAction: "none" } },
      { type: CP, name: "orphan", props: { vmId: UNKNOWN_STRING, disconnectAction: "none" } },
      { type: CP, name: "unknown-action", props: { vmId: "vm-1", disconnectAction: UNKNOWN_STRING } },
    ]);
    expect(outcome.messages).toEqual([]);
  });
});
