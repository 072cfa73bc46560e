import { describe, expect, it } from "vitest";
import { poolCapacityLimit } from "../policies.ts";
import { runStackPolicy } from "./harness.ts";
import { UNKNOWN_NUMBER } from "./unknowns.ts";

const POOL = "ovirt:index:Pool";

function pool(name: string, size: unknown) {
  return { type: POOL, name, props: { name, size } };
}

describe("pool-capacity-limit", () => {
  it("is mandatory with a default cap of 100", () => {
    expect(poolCapacityLimit.enforcementLevel).toBe("mandatory");
    expect(poolCapacityLimit.configSchema?.properties["maxTotalPoolVms"]?.default).toBe(100);
  });

  it("passes pools up to the cap", async () => {
    expect((await runStackPolicy(poolCapacityLimit, [pool("a", 60), pool("b", 40)])).messages).toEqual([]);
  });

  it("reports the total, the breakdown and the cap when pools exceed it", async () => {
    const outcome = await runStackPolicy(poolCapacityLimit, [pool("a", 80), pool("b", 40), { type: "ovirt:index:Vm", name: "v", props: { size: 500 } }]);
    expect(outcome.messages).toEqual([
      "The Pools in this stack hold 120 VMs in total (a: 80, b: 40), above the cap of 100 set by maxTotalPoolVms. " +
        "Reduce the Pools' size, or raise maxTotalPoolVms in the policy pack configuration.",
    ]);
    // Reported on the largest pool, where a size is first worth cutting.
    expect(outcome.urns).toEqual(["urn:pulumi:dev::vdi::ovirt:index:Pool::a"]);
  });

  it("honours a configured cap", async () => {
    expect((await runStackPolicy(poolCapacityLimit, [pool("a", 80), pool("b", 40)], { maxTotalPoolVms: 200 })).messages).toEqual([]);
    const outcome = await runStackPolicy(poolCapacityLimit, [pool("a", 8)], { maxTotalPoolVms: 5 });
    expect(outcome.messages).toEqual([
      "The Pools in this stack hold 8 VMs in total (a: 8), above the cap of 5 set by maxTotalPoolVms. " +
        "Reduce the Pools' size, or raise maxTotalPoolVms in the policy pack configuration.",
    ]);
  });

  it("counts only known sizes: silent while unknown sizes could not prove an overrun", async () => {
    expect((await runStackPolicy(poolCapacityLimit, [pool("a", 90), pool("b", UNKNOWN_NUMBER)])).messages).toEqual([]);
    const proven = await runStackPolicy(poolCapacityLimit, [pool("a", 150), pool("b", UNKNOWN_NUMBER)]);
    expect(proven.messages).toEqual([
      "The Pools in this stack hold 150 VMs in total (a: 150), above the cap of 100 set by maxTotalPoolVms. " +
        "Reduce the Pools' size, or raise maxTotalPoolVms in the policy pack configuration.",
    ]);
  });
});
