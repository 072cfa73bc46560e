// Guest-agent single sign-on works by the engine sending the console user's domain, user name and
// password to the guest agent inside the VM, which then logs in on the user's behalf. The console
// SSO design lists what is wrong with that: the password leaves the user's hands and enters a
// guest the user may not control; the login happens without the user being at the console (no
// mutual authentication between client and VM); a password that differs on the guest counts as
// failed logins and can lock the account; and with smartcard, Kerberos or other password-less
// logins there is no password to hand over at all. The feature was also deprecated in oVirt 4.4.
// So it is used only where the pack's configuration says so.

import { configBoolean, configStringList, type PolicyConfig } from "../lib/config.ts";
import { knownString } from "../lib/props.ts";
import { wordsOf, type Report, type ResourceArgs, type ResourceRule } from "../lib/rule.ts";
import { CONSOLE_POLICY } from "../lib/tokens.ts";

export const GUEST_AGENT_SSO_REQUIRES_OPT_IN = "guest-agent-sso-requires-opt-in";

export const guestAgentSsoRequiresOptIn: ResourceRule = {
  name: GUEST_AGENT_SSO_REQUIRES_OPT_IN,
  displayName: "Guest-agent single sign-on only where allowed",
  description:
    'A ConsolePolicy uses sso "guest_agent" only when allowGuestAgentSso is true or the policy is listed in allowedConsolePolicies.',
  enforcementLevel: "advisory",
  severity: "high",
  remediationSteps: 'Set sso to "none", or allow guest-agent SSO for this ConsolePolicy in the policy pack configuration.',
  configSchema: {
    properties: {
      allowGuestAgentSso: {
        type: "boolean",
        default: false,
        description: "Allow guest-agent single sign-on on every ConsolePolicy.",
      },
      allowedConsolePolicies: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "ConsolePolicy resource names (as in the program) that may use guest-agent single sign-on.",
      },
    },
  },
  validateResource: (args: ResourceArgs, report: Report) => {
    if (args.type !== CONSOLE_POLICY) args.notApplicable(`applies only to ${CONSOLE_POLICY}`);
    if (knownString(args.props, "sso") !== "guest_agent") return;
    const config = args.getConfig<PolicyConfig>();
    if (configBoolean(config, "allowGuestAgentSso", false)) return;
    if (configStringList(config, "allowedConsolePolicies").includes(args.name)) return;
    const words = wordsOf(args);
    report(
      `${words.resource(args)}: sso is "guest_agent", so the engine hands the ` +
        `console user's password to the guest agent inside the VM, which logs in without the user at the ` +
        `console. Set sso to "none", or allow it in the policy pack configuration (allowGuestAgentSso true, ` +
        `or "${args.name}" in allowedConsolePolicies).`,
      undefined,
      "sso",
    );
  },
};
