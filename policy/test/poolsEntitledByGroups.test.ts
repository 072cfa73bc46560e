import { describe, expect, it } from "vitest";
import { poolsEntitledByGroups } from "../policies.ts";
import { runResourcePolicy } from "./harness.ts";

const POOL = "ovirt:index:Pool";
const FIVE = ["a@corp", "b@corp", "c@corp", "d@corp", "e@corp"];

describe("pools-entitled-by-groups", () => {
  it("is not applicable until maxUsersPerPool is configured", async () => {
    const outcome = await runResourcePolicy(poolsEntitledByGroups, POOL, "sales", { name: "sales", users: FIVE });
    expect(outcome.notApplicable).toBe("no maxUsersPerPool configured");
    expect(outcome.messages).toEqual([]);
  });

  it("reports a pool listing more individuals than allowed, naming users and groups", async () => {
    const outcome = await runResourcePolicy(poolsEntitledByGroups, POOL, "sales", { name: "sales-???", users: FIVE, groups: [] }, { maxUsersPerPool: 2 });
    expect(outcome.messages).toHaveLength(1);
    expect(outcome.messages[0]).toMatch(/^Pool "sales" \(engine name "sales-\?\?\?"\): users lists 5 individual users \(at most 2 allowed\)\. Entitle a directory group with groups/);
  });

  it("passes a pool entitled by a group, and exempt pools", async () => {
    const byGroup = { name: "sales", users: ["a@corp"], groups: ["vdi-users@corp"] };
    expect((await runResourcePolicy(poolsEntitledByGroups, POOL, "sales", byGroup, { maxUsersPerPool: 2 })).messages).toEqual([]);
    expect((await runResourcePolicy(poolsEntitledByGroups, POOL, "sales", { name: "sales", users: FIVE }, { maxUsersPerPool: 0, exemptPools: ["sales"] })).messages).toEqual([]);
  });
});
