// When a console drops, the guest session stays logged in as the smartcard's owner. The engine's
// console design answers this by telling the guest agent to lock the screen on disconnect; a
// ConsolePolicy that sets disconnectAction to "none" (or "reboot"/"shutdown", which leave the
// session open until they happen) lets the next person who gets a console ticket land in it.
//
// Two policies share the rule: the resource-level one needs only the ConsolePolicy's own inputs
// (it fires when the policy explicitly offers the smartcard, and fails before anything is
// created); the stack-level one looks up the target Vm or Pool to learn whether it has a
// smartcard at all.

import type {
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { describeResource } from "../lib/describe.ts";
import { knownBoolean, knownString } from "../lib/props.ts";
import { findConsoleTarget } from "../lib/targets.ts";
import { CONSOLE_POLICY } from "../lib/tokens.ts";

export const SMARTCARD_CONSOLE_LOCKS_ON_DISCONNECT = "smartcard-console-locks-on-disconnect";
export const SMARTCARD_TARGETS_LOCK_ON_DISCONNECT = "smartcard-targets-lock-on-disconnect";

const SAFE_ACTIONS: ReadonlySet<string> = new Set(["lock_screen", "logout"]);
const FIX = 'Set disconnectAction to "lock_screen" or "logout".';

/** The disconnect action when it is known and unsafe; undefined otherwise. */
function unsafeDisconnectAction(props: Record<string, unknown>): string | undefined {
  const action = knownString(props, "disconnectAction");
  return action !== undefined && !SAFE_ACTIONS.has(action) ? action : undefined;
}

export const smartcardConsoleLocksOnDisconnect: ResourceValidationPolicy = {
  name: SMARTCARD_CONSOLE_LOCKS_ON_DISCONNECT,
  displayName: "Smartcard consoles lock on disconnect",
  description:
    "A ConsolePolicy with smartcardEnabled true uses disconnectAction lock_screen or logout.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: FIX,
  validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
    if (args.type !== CONSOLE_POLICY) args.notApplicable(`applies only to ${CONSOLE_POLICY}`);
    if (knownBoolean(args.props, "smartcardEnabled") !== true) return;
    const action = unsafeDisconnectAction(args.props);
    if (action === undefined) return;
    report(
      `${describeResource(args.type, args.name, args.props)}: smartcardEnabled is true but disconnectAction ` +
        `is "${action}", so the smartcard user's session stays open when the console disconnects and the ` +
        `next console user lands in it. ${FIX}`,
    );
  },
};

/** True when consoles opened under this policy pass a smartcard through, as far as is known. */
function usesSmartcard(consolePolicy: PolicyResource, target: PolicyResource | undefined): boolean {
  const effective = knownBoolean(consolePolicy.props, "effectiveSmartcard");
  if (effective !== undefined) return effective;
  if (knownBoolean(consolePolicy.props, "smartcardEnabled") === false) return false;
  return target !== undefined && knownBoolean(target.props, "smartcardEnabled") === true;
}

export const smartcardTargetsLockOnDisconnect: StackValidationPolicy = {
  name: SMARTCARD_TARGETS_LOCK_ON_DISCONNECT,
  displayName: "Smartcard desktops lock on disconnect",
  description:
    "A ConsolePolicy whose Vm or Pool has smartcardEnabled true uses disconnectAction lock_screen or logout.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: FIX,
  validateStack: (args: StackValidationArgs, report: ReportViolation) => {
    for (const consolePolicy of args.resources) {
      if (consolePolicy.type !== CONSOLE_POLICY) continue;
      // An explicit smartcardEnabled true is already reported by the resource-level policy.
      if (knownBoolean(consolePolicy.props, "smartcardEnabled") === true) continue;
      const action = unsafeDisconnectAction(consolePolicy.props);
      if (action === undefined) continue;
      const target = findConsoleTarget(consolePolicy, args.resources);
      if (!usesSmartcard(consolePolicy, target)) continue;
      const targetText = target === undefined ? "a smartcard desktop" : describeResource(target.type, target.name, target.props);
      report(
        `${describeResource(consolePolicy.type, consolePolicy.name, consolePolicy.props)} governs ${targetText}, ` +
          `which passes a smartcard through, but its disconnectAction is "${action}", so the smartcard user's ` +
          `session stays open when the console disconnects and the next console user lands in it. ${FIX}`,
        consolePolicy.urn,
      );
    }
  },
};
