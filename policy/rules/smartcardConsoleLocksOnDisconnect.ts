// When a console drops, the guest session stays logged in as the smartcard's owner. The engine's
// console design answers this by telling the guest agent to lock the screen on disconnect; a
// ConsolePolicy that sets disconnectAction to "none" (or "reboot"/"shutdown", which leave the
// session open until they happen) lets the next person who gets a console ticket land in it.
//
// Two policies share the rule: the resource-level one needs only the ConsolePolicy's own inputs
// (it fires when the policy explicitly offers the smartcard, and fails before anything is
// created); the stack-level one looks up the target Vm or Pool to learn whether it has a
// smartcard at all.

import { knownBoolean, knownString } from "../lib/props.ts";
import { wordsOf, type Report, type ResourceArgs, type ResourceRule, type StackArgs, type StackRule, type Subject, type Words } from "../lib/rule.ts";
import { findConsoleTarget } from "../lib/targets.ts";
import { CONSOLE_POLICY } from "../lib/tokens.ts";

export const SMARTCARD_CONSOLE_LOCKS_ON_DISCONNECT = "smartcard-console-locks-on-disconnect";
export const SMARTCARD_TARGETS_LOCK_ON_DISCONNECT = "smartcard-targets-lock-on-disconnect";

const SAFE_ACTIONS: ReadonlySet<string> = new Set(["lock_screen", "logout"]);
const FIX = 'Set disconnectAction to "lock_screen" or "logout".';

function fix(words: Words): string {
  return `Set ${words.property("disconnectAction")} to "lock_screen" or "logout".`;
}

/** The disconnect action when it is known and unsafe; undefined otherwise. */
function unsafeDisconnectAction(props: Record<string, unknown>): string | undefined {
  const action = knownString(props, "disconnectAction");
  return action !== undefined && !SAFE_ACTIONS.has(action) ? action : undefined;
}

export const smartcardConsoleLocksOnDisconnect: ResourceRule = {
  name: SMARTCARD_CONSOLE_LOCKS_ON_DISCONNECT,
  displayName: "Smartcard consoles lock on disconnect",
  description:
    "A ConsolePolicy with smartcardEnabled true uses disconnectAction lock_screen or logout.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: FIX,
  validateResource: (args: ResourceArgs, report: Report) => {
    if (args.type !== CONSOLE_POLICY) args.notApplicable(`applies only to ${CONSOLE_POLICY}`);
    if (knownBoolean(args.props, "smartcardEnabled") !== true) return;
    const action = unsafeDisconnectAction(args.props);
    if (action === undefined) return;
    const words = wordsOf(args);
    report(
      `${words.resource(args)}: ${words.property("smartcardEnabled")} is true but ${words.property("disconnectAction")} ` +
        `is "${action}", so the smartcard user's session stays open when the console disconnects and the ` +
        `next console user lands in it. ${fix(words)}`,
      undefined,
      "disconnectAction",
    );
  },
};

/** True when consoles opened under this policy pass a smartcard through, as far as is known. */
function usesSmartcard(consolePolicy: Subject, target: Subject | undefined): boolean {
  const effective = knownBoolean(consolePolicy.props, "effectiveSmartcard");
  if (effective !== undefined) return effective;
  if (knownBoolean(consolePolicy.props, "smartcardEnabled") === false) return false;
  return target !== undefined && knownBoolean(target.props, "smartcardEnabled") === true;
}

export const smartcardTargetsLockOnDisconnect: StackRule = {
  name: SMARTCARD_TARGETS_LOCK_ON_DISCONNECT,
  displayName: "Smartcard desktops lock on disconnect",
  description:
    "A ConsolePolicy whose Vm or Pool has smartcardEnabled true uses disconnectAction lock_screen or logout.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: FIX,
  validateStack: (args: StackArgs, report: Report) => {
    const words = wordsOf(args);
    for (const consolePolicy of args.resources) {
      if (consolePolicy.type !== CONSOLE_POLICY) continue;
      // An explicit smartcardEnabled true is already reported by the resource-level policy.
      if (knownBoolean(consolePolicy.props, "smartcardEnabled") === true) continue;
      const action = unsafeDisconnectAction(consolePolicy.props);
      if (action === undefined) continue;
      const target = findConsoleTarget(consolePolicy, args.resources);
      if (!usesSmartcard(consolePolicy, target)) continue;
      const targetText = target === undefined ? "a smartcard desktop" : words.resource(target);
      report(
        `${words.resource(consolePolicy)} governs ${targetText}, ` +
          `which passes a smartcard through, but its ${words.property("disconnectAction")} is "${action}", so the smartcard user's ` +
          `session stays open when the console disconnects and the next console user lands in it. ${fix(words)}`,
        consolePolicy.urn,
        "disconnectAction",
      );
    }
  },
};
