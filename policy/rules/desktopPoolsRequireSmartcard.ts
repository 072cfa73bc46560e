// VDI pools exist so that people log in to a desktop with their smartcard; a pool without
// pass-through forces them back to passwords. Advisory by default because some pools (kiosks,
// shared lab machines) legitimately have no card readers: those go on the exempt list.

import { configStringList, type PolicyConfig } from "../lib/config.ts";
import { knownBoolean, knownString } from "../lib/props.ts";
import { wordsOf, type Report, type ResourceArgs, type ResourceRule } from "../lib/rule.ts";
import { POOL } from "../lib/tokens.ts";

export const DESKTOP_POOLS_REQUIRE_SMARTCARD = "desktop-pools-require-smartcard";

export const desktopPoolsRequireSmartcard: ResourceRule = {
  name: DESKTOP_POOLS_REQUIRE_SMARTCARD,
  displayName: "Desktop pools enable smartcard",
  description:
    "Every Pool passes the user's smartcard through (smartcardEnabled true), unless the pool is listed in exemptPools.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: 'Set smartcardEnabled to true and displayType to "spice", or add the pool to exemptPools.',
  configSchema: {
    properties: {
      exemptPools: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Pools that need no smartcard, by engine pool name or by resource name in the program.",
      },
    },
  },
  validateResource: (args: ResourceArgs, report: Report) => {
    if (args.type !== POOL) args.notApplicable(`applies only to ${POOL}`);
    if (knownBoolean(args.props, "smartcardEnabled") !== false) return;
    const exempt = new Set(configStringList(args.getConfig<PolicyConfig>(), "exemptPools"));
    const engineName = knownString(args.props, "name");
    if (exempt.has(args.name) || (engineName !== undefined && exempt.has(engineName))) return;
    const words = wordsOf(args);
    const smartcard = words.property("smartcardEnabled");
    report(
      `${words.resource(args)}: ${smartcard} is false, so its desktops ` +
        `cannot take the user's smartcard. Set ${smartcard} to true (with ${words.property("displayType")} "spice"), or add ` +
        `"${engineName ?? args.name}" to exemptPools in this policy's configuration.`,
      undefined,
      "smartcardEnabled",
    );
  },
};
