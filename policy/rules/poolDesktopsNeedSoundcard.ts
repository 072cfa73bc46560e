// Pool desktops are where people work, and a desktop without a sound device plays no calls, no
// alerts and no video sound through the SPICE console. Advisory by default (kiosks and shared lab
// machines may need none): list those in exemptPools. With requireExplicit, a pool that leaves
// soundcardEnabled out (the template decides) is reported too.

import { configBoolean, configStringList, type PolicyConfig } from "../lib/config.ts";
import { knownBoolean, knownString, rawProp } from "../lib/props.ts";
import { wordsOf, type Report, type ResourceArgs, type ResourceRule } from "../lib/rule.ts";
import { POOL } from "../lib/tokens.ts";

export const POOL_DESKTOPS_NEED_SOUNDCARD = "pool-desktops-need-soundcard";

export const poolDesktopsNeedSoundcard: ResourceRule = {
  name: POOL_DESKTOPS_NEED_SOUNDCARD,
  displayName: "Pool desktops need a sound card",
  description: "Every Pool gives its desktops a sound device (soundcardEnabled true), unless the pool is listed in exemptPools.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Set soundcardEnabled to true, or add the pool to exemptPools.",
  configSchema: {
    properties: {
      exemptPools: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Pools that need no sound, by engine pool name or by resource name in the program.",
      },
      requireExplicit: {
        type: "boolean",
        default: false,
        description: "Also report a pool that leaves soundcardEnabled out (its template then decides).",
      },
    },
  },
  validateResource: (args: ResourceArgs, report: Report) => {
    if (args.type !== POOL) args.notApplicable(`applies only to ${POOL}`);
    const config = args.getConfig<PolicyConfig>();
    const soundcard = knownBoolean(args.props, "soundcardEnabled");
    const leftOut = Object.getOwnPropertyDescriptor(args.props, "soundcardEnabled") === undefined && rawProp(args.props, "soundcardEnabled") === undefined;
    if (soundcard === true || (soundcard === undefined && !(leftOut && configBoolean(config, "requireExplicit", false)))) return;
    const engineName = knownString(args.props, "name");
    const exempt = new Set(configStringList(config, "exemptPools"));
    if (exempt.has(args.name) || (engineName !== undefined && exempt.has(engineName))) return;
    const words = wordsOf(args);
    const property = words.property("soundcardEnabled");
    const state = soundcard === false ? "is false" : "is left to the template";
    report(
      `${words.resource(args)}: ${property} ${state}, so its desktops may have no sound device. Set ${property} to true, ` +
        `or add "${engineName ?? args.name}" to exemptPools in this policy's configuration.`,
      undefined,
      "soundcardEnabled",
    );
  },
};
