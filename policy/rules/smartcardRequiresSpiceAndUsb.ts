// Smartcard pass-through only works over a SPICE console, and the device the host adds for it
// (`<smartcard mode="passthrough" type="spicevmc"/>`) hangs off a USB CCID controller. The
// engine hides the "Smartcard enabled" box for VNC; a program can still ask for both, and the
// result is a desktop whose users cannot log in with their card.

import { knownBoolean, knownString } from "../lib/props.ts";
import { SCHEMA_WORDS, wordsOf, type Report, type ResourceArgs, type ResourceRule, type Subject, type Words } from "../lib/rule.ts";
import { POOL, TEMPLATE, VM } from "../lib/tokens.ts";

export const SMARTCARD_REQUIRES_SPICE_AND_USB = "smartcard-requires-spice-and-usb";

const APPLIES_TO: ReadonlySet<string> = new Set([VM, TEMPLATE, POOL]);

export interface SmartcardProblem {
  message: string;
  /** The property to change first. */
  property: string;
}

export function checkSmartcardDisplay(resource: Pick<Subject, "type" | "name" | "urn" | "props">, words: Words = SCHEMA_WORDS): SmartcardProblem[] {
  const { type, props } = resource;
  if (knownBoolean(props, "smartcardEnabled") !== true) return [];
  const subject = words.resource(resource);
  const [smartcard, display, usb, vmType] = ["smartcardEnabled", "displayType", "usbEnabled", "vmType"].map((p) => words.property(p));
  const problems: SmartcardProblem[] = [];
  if (knownString(props, "displayType") === "vnc") {
    problems.push({
      property: "displayType",
      message:
        `${subject}: ${smartcard} is true but ${display} is "vnc". Smartcard pass-through works only ` +
        `over a SPICE console. Set ${display} to "spice", or set ${smartcard} to false.`,
    });
  }
  if (type === VM && knownString(props, "vmType") === "high_performance" && knownBoolean(props, "usbEnabled") === false) {
    problems.push({
      property: "usbEnabled",
      message:
        `${subject}: ${smartcard} is true on a high_performance VM with ${usb} false. The smartcard ` +
        `device sits on a USB (CCID) controller, which a high-performance VM drops when USB is off. Set ` +
        `${usb} to true, choose another ${vmType}, or set ${smartcard} to false.`,
    });
  }
  return problems;
}

export const smartcardRequiresSpiceAndUsb: ResourceRule = {
  name: SMARTCARD_REQUIRES_SPICE_AND_USB,
  displayName: "Smartcard requires a SPICE display and USB",
  description:
    "A Vm, Template or Pool with smartcardEnabled must use displayType spice; a high_performance Vm " +
    "with smartcardEnabled must keep usbEnabled true.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set displayType to "spice" (and usbEnabled to true on high_performance VMs), or turn the smartcard off.',
  validateResource: (args: ResourceArgs, report: Report) => {
    if (!APPLIES_TO.has(args.type)) {
      args.notApplicable(`applies only to ${[...APPLIES_TO].join(", ")}`);
    }
    for (const problem of checkSmartcardDisplay(args, wordsOf(args))) {
      report(problem.message, undefined, problem.property);
    }
  },
};
