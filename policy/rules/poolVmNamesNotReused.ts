// The engine names a pool's VMs itself (`desk-???` gives desk-001, desk-002, ...; `desk` gives
// desk-1, desk-2, ...) and refuses duplicate VM names. A standalone Vm that takes one of those
// names makes creating or growing the pool fail later, or, if it came first, is easily mistaken
// for a pool desktop and handed out or deleted with it.

import { poolVmNameMatcher, poolVmNamePattern } from "../lib/poolNaming.ts";
import { knownString } from "../lib/props.ts";
import { wordsOf, type Report, type StackArgs, type StackRule } from "../lib/rule.ts";
import { POOL, VM } from "../lib/tokens.ts";

export const POOL_VM_NAMES_NOT_REUSED = "pool-vm-names-not-reused";

export const poolVmNamesNotReused: StackRule = {
  name: POOL_VM_NAMES_NOT_REUSED,
  displayName: "Standalone VMs stay out of pool naming patterns",
  description: "No Vm in the stack has a name the engine would give to a VM of one of the stack's Pools.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Rename the Vm, or rename the Pool so its VM names cannot collide.",
  validateStack: (args: StackArgs, report: Report) => {
    const words = wordsOf(args);
    const pools = args.resources.flatMap((resource) => {
      const poolName = resource.type === POOL ? knownString(resource.props, "name") : undefined;
      return poolName === undefined || poolName === "" ? [] : [{ resource, poolName, matcher: poolVmNameMatcher(poolName) }];
    });
    if (pools.length === 0) return;
    for (const vm of args.resources) {
      if (vm.type !== VM) continue;
      const vmName = knownString(vm.props, "name");
      if (vmName === undefined) continue;
      const pool = pools.find((p) => p.matcher.test(vmName));
      if (pool === undefined) continue;
      report(
        `${words.resource(vm)}: name "${vmName}" follows the naming pattern ` +
          `"${poolVmNamePattern(pool.poolName)}" of ${words.resource(pool.resource)}, ` +
          `and the engine refuses duplicate VM names, so creating or growing the pool would fail. Rename the Vm ` +
          `(change its name property), or rename the Pool.`,
        vm.urn,
        "name",
      );
    }
  },
};
