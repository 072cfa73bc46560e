// VDI pools exist so that people log in to a desktop with their smartcard; a pool without
// pass-through forces them back to passwords. Advisory by default because some pools (kiosks,
// shared lab machines) legitimately have no card readers: those go on the exempt list.

import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { configStringList, type PolicyConfig } from "../lib/config.ts";
import { describeResource } from "../lib/describe.ts";
import { knownBoolean, knownString } from "../lib/props.ts";
import { POOL } from "../lib/tokens.ts";

export const DESKTOP_POOLS_REQUIRE_SMARTCARD = "desktop-pools-require-smartcard";

export const desktopPoolsRequireSmartcard: ResourceValidationPolicy = {
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
  validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
    if (args.type !== POOL) args.notApplicable(`applies only to ${POOL}`);
    if (knownBoolean(args.props, "smartcardEnabled") !== false) return;
    const exempt = new Set(configStringList(args.getConfig<PolicyConfig>(), "exemptPools"));
    const engineName = knownString(args.props, "name");
    if (exempt.has(args.name) || (engineName !== undefined && exempt.has(engineName))) return;
    report(
      `${describeResource(args.type, args.name, args.props)}: smartcardEnabled is false, so its desktops ` +
        `cannot take the user's smartcard. Set smartcardEnabled to true (with displayType "spice"), or add ` +
        `"${engineName ?? args.name}" to exemptPools in this policy's configuration.`,
    );
  },
};
