// VDI estates entitle a directory group per pool: joiners and leavers are then the directory's
// business, and the program does not change (nor the engine's permissions drift) each time someone
// moves team. A long `users` list on a Pool is the sign of the other way. Not applicable until
// `maxUsersPerPool` is configured (some teams do entitle a handful of named people).

import { configStringList, type PolicyConfig } from "../lib/config.ts";
import { knownString, knownStrings } from "../lib/props.ts";
import { wordsOf, type Report, type ResourceArgs, type ResourceRule } from "../lib/rule.ts";
import { POOL } from "../lib/tokens.ts";

export const POOLS_ENTITLED_BY_GROUPS = "pools-entitled-by-groups";

function maxUsers(config: PolicyConfig): number | undefined {
  const value = config.maxUsersPerPool;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export const poolsEntitledByGroups: ResourceRule = {
  name: POOLS_ENTITLED_BY_GROUPS,
  displayName: "Pools are entitled by groups, not by lists of individuals",
  description:
    "A Pool lists at most maxUsersPerPool individual users; more people are entitled through a directory group (groups). Not applicable until maxUsersPerPool is configured.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Entitle a directory group with groups (e.g. vdi-users@corp.example.com) and shorten users.",
  configSchema: {
    properties: {
      maxUsersPerPool: { type: "integer", minimum: 0, description: "Individual users a Pool may list in users; 0 means groups only." },
      exemptPools: { type: "array", items: { type: "string" }, default: [], description: "Pools exempt, by engine pool name or resource name." },
    },
  },
  validateResource: (args: ResourceArgs, report: Report) => {
    if (args.type !== POOL) args.notApplicable(`applies only to ${POOL}`);
    const config = args.getConfig<PolicyConfig>();
    const max = maxUsers(config);
    if (max === undefined) args.notApplicable("no maxUsersPerPool configured");
    const users = knownStrings(args.props, "users") ?? [];
    if (max === undefined || users.length <= max) return;
    const engineName = knownString(args.props, "name");
    const exempt = new Set(configStringList(config, "exemptPools"));
    if (exempt.has(args.name) || (engineName !== undefined && exempt.has(engineName))) return;
    const words = wordsOf(args);
    report(
      `${words.resource(args)}: ${words.property("users")} lists ${users.length} individual users (at most ${max} allowed). ` +
        `Entitle a directory group with ${words.property("groups")} (for example "vdi-users@corp.example.com") and keep ${words.property("users")} ` +
        `to at most ${max}, or add "${engineName ?? args.name}" to exemptPools in this policy's configuration.`,
      undefined,
      "users",
    );
  },
};
