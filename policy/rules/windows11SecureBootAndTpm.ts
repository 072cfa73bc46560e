// Windows 11 installs and boots only on UEFI firmware with Secure Boot and a TPM 2.0. The engine's
// OS info for windows_11 requires the TPM (it refuses the VM without one); the firmware it leaves to
// `biosType`, and a cluster default of SeaBIOS gives a desktop whose installer stops at "This PC
// can't run Windows 11". Left out counts as not set: the cluster then decides, and may say no.

import { knownBoolean, knownString, rawProp } from "../lib/props.ts";
import { wordsOf, type Report, type ResourceArgs, type ResourceRule } from "../lib/rule.ts";
import { POOL, TEMPLATE, VM } from "../lib/tokens.ts";

export const WINDOWS11_NEEDS_SECURE_BOOT_AND_TPM = "windows11-needs-secure-boot-and-tpm";

const APPLIES_TO: ReadonlySet<string> = new Set([VM, TEMPLATE, POOL]);

/** True when the program leaves the property out (not merely unknown at preview). */
function leftOut(props: Record<string, unknown>, key: string): boolean {
  return Object.getOwnPropertyDescriptor(props, key)?.value === undefined && rawProp(props, key) === undefined;
}

export const windows11SecureBootAndTpm: ResourceRule = {
  name: WINDOWS11_NEEDS_SECURE_BOOT_AND_TPM,
  displayName: "Windows 11 desktops need Secure Boot and a TPM",
  description: 'A Vm, Template or Pool with osType "windows_11" sets biosType "q35_secure_boot" and tpmEnabled true.',
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set biosType to "q35_secure_boot" and tpmEnabled to true.',
  validateResource: (args: ResourceArgs, report: Report) => {
    if (!APPLIES_TO.has(args.type)) args.notApplicable(`applies only to ${[...APPLIES_TO].join(", ")}`);
    if (knownString(args.props, "osType")?.toLowerCase() !== "windows_11") return;
    const words = wordsOf(args);
    const [bios, tpm, os] = ["biosType", "tpmEnabled", "osType"].map((p) => words.property(p));
    const biosType = knownString(args.props, "biosType");
    if (biosType !== undefined ? biosType !== "q35_secure_boot" : leftOut(args.props, "biosType")) {
      report(
        `${words.resource(args)}: ${os} is "windows_11" but ${bios} is ${biosType === undefined ? "left to the cluster" : `"${biosType}"`}. ` +
          `Windows 11 needs UEFI with Secure Boot: set ${bios} to "q35_secure_boot".`,
        undefined,
        "biosType",
      );
    }
    const tpmEnabled = knownBoolean(args.props, "tpmEnabled");
    if (tpmEnabled === false || (tpmEnabled === undefined && leftOut(args.props, "tpmEnabled"))) {
      report(
        `${words.resource(args)}: ${os} is "windows_11" but ${tpm} is not true. Windows 11 needs a TPM 2.0, and the engine ` +
          `refuses a windows_11 VM without one: set ${tpm} to true.`,
        undefined,
        "tpmEnabled",
      );
    }
  },
};
