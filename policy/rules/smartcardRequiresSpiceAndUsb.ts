// Smartcard pass-through only works over a SPICE console, and the device the host adds for it
// (`<smartcard mode="passthrough" type="spicevmc"/>`) hangs off a USB CCID controller. The
// engine hides the "Smartcard enabled" box for VNC; a program can still ask for both, and the
// result is a desktop whose users cannot log in with their card.

import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { describeResource } from "../lib/describe.ts";
import { knownBoolean, knownString, type Props } from "../lib/props.ts";
import { POOL, TEMPLATE, VM } from "../lib/tokens.ts";

export const SMARTCARD_REQUIRES_SPICE_AND_USB = "smartcard-requires-spice-and-usb";

const APPLIES_TO: ReadonlySet<string> = new Set([VM, TEMPLATE, POOL]);

export function checkSmartcardDisplay(type: string, name: string, props: Props): string[] {
  if (knownBoolean(props, "smartcardEnabled") !== true) return [];
  const subject = describeResource(type, name, props);
  const messages: string[] = [];
  if (knownString(props, "displayType") === "vnc") {
    messages.push(
      `${subject}: smartcardEnabled is true but displayType is "vnc". Smartcard pass-through works only ` +
        `over a SPICE console. Set displayType to "spice", or set smartcardEnabled to false.`,
    );
  }
  if (type === VM && knownString(props, "vmType") === "high_performance" && knownBoolean(props, "usbEnabled") === false) {
    messages.push(
      `${subject}: smartcardEnabled is true on a high_performance VM with usbEnabled false. The smartcard ` +
        `device sits on a USB (CCID) controller, which a high-performance VM drops when USB is off. Set ` +
        `usbEnabled to true, choose another vmType, or set smartcardEnabled to false.`,
    );
  }
  return messages;
}

export const smartcardRequiresSpiceAndUsb: ResourceValidationPolicy = {
  name: SMARTCARD_REQUIRES_SPICE_AND_USB,
  displayName: "Smartcard requires a SPICE display and USB",
  description:
    "A Vm, Template or Pool with smartcardEnabled must use displayType spice; a high_performance Vm " +
    "with smartcardEnabled must keep usbEnabled true.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set displayType to "spice" (and usbEnabled to true on high_performance VMs), or turn the smartcard off.',
  validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
    if (!APPLIES_TO.has(args.type)) {
      args.notApplicable(`applies only to ${[...APPLIES_TO].join(", ")}`);
    }
    for (const message of checkSmartcardDisplay(args.type, args.name, args.props)) report(message);
  },
};
