// A cap on the desktops one stack may ask for: pool sizes only grow (the engine cannot shrink a
// pool), so a typo in `size` is expensive to undo and can exhaust the cluster for everyone else.

import { configPositiveInteger, type PolicyConfig } from "../lib/config.ts";
import { knownInteger } from "../lib/props.ts";
import { wordsOf, type Report, type StackArgs, type StackRule } from "../lib/rule.ts";
import { POOL } from "../lib/tokens.ts";

export const POOL_CAPACITY_LIMIT = "pool-capacity-limit";
export const DEFAULT_MAX_TOTAL_POOL_VMS = 100;

export const poolCapacityLimit: StackRule = {
  name: POOL_CAPACITY_LIMIT,
  displayName: "Total pool size is capped",
  description: `The sizes of all Pools in the stack add up to at most maxTotalPoolVms (default ${DEFAULT_MAX_TOTAL_POOL_VMS}).`,
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Reduce the pools' size, or raise maxTotalPoolVms in the policy pack configuration.",
  configSchema: {
    properties: {
      maxTotalPoolVms: {
        type: "integer",
        minimum: 1,
        default: DEFAULT_MAX_TOTAL_POOL_VMS,
        description: "The largest number of pool VMs all Pools of one stack may hold together.",
      },
    },
  },
  validateStack: (args: StackArgs, report: Report) => {
    const max = configPositiveInteger(args.getConfig<PolicyConfig>(), "maxTotalPoolVms", DEFAULT_MAX_TOTAL_POOL_VMS);
    // Sizes are never negative, so the known ones alone already prove an overrun; unknown sizes
    // (during preview) are left out rather than guessed.
    const sized = args.resources.flatMap((resource) => {
      const size = resource.type === POOL ? knownInteger(resource.props, "size") : undefined;
      return size === undefined ? [] : [{ resource, size }];
    });
    const total = sized.reduce((sum, pool) => sum + pool.size, 0);
    if (total <= max) return;
    const words = wordsOf(args);
    const breakdown = sized.map((pool) => `${words.ref(pool.resource)}: ${pool.size}`).join(", ");
    // Reported on the largest pool, the first place to look for a size to cut.
    const largest = sized.reduce((a, b) => (b.size > a.size ? b : a));
    report(
      `The Pools in this stack hold ${total} VMs in total (${breakdown}), above the cap of ${max} set by ` +
        `maxTotalPoolVms. Reduce the Pools' ${words.property("size")}, or raise maxTotalPoolVms in the policy pack configuration.`,
      largest.resource.urn,
      "size",
    );
  },
};
