// Every rule of the pack, importable without starting the analyzer server (index.ts does that).
// The same list feeds the Pulumi pack and `ovirt-policy check` for Terraform plans.

import type { Policies } from "@pulumi/policy";
import type { Rule } from "./lib/rule.ts";
import { consoleTicketExpiryLimit } from "./rules/consoleTicketExpiry.ts";
import { desktopPoolsRequireSmartcard } from "./rules/desktopPoolsRequireSmartcard.ts";
import { poolsEntitledByGroups } from "./rules/poolsEntitledByGroups.ts";
import { guestAgentSsoRequiresOptIn } from "./rules/guestAgentSso.ts";
import { poolCapacityLimit } from "./rules/poolCapacityLimit.ts";
import { poolDesktopsNeedAllowedNetwork } from "./rules/poolDesktopsNeedAllowedNetwork.ts";
import { poolVmNamesNotReused } from "./rules/poolVmNamesNotReused.ts";
import { smartcardConsoleLocksOnDisconnect, smartcardTargetsLockOnDisconnect } from "./rules/smartcardConsoleLocksOnDisconnect.ts";
import { smartcardRequiresSpiceAndUsb } from "./rules/smartcardRequiresSpiceAndUsb.ts";
import { windows11SecureBootAndTpm } from "./rules/windows11SecureBootAndTpm.ts";
import { poolDesktopsNeedSoundcard } from "./rules/poolDesktopsNeedSoundcard.ts";

export * from "./rules/consoleTicketExpiry.ts";
export * from "./rules/desktopPoolsRequireSmartcard.ts";
export * from "./rules/poolsEntitledByGroups.ts";
export * from "./rules/guestAgentSso.ts";
export * from "./rules/poolCapacityLimit.ts";
export * from "./rules/poolDesktopsNeedAllowedNetwork.ts";
export * from "./rules/poolVmNamesNotReused.ts";
export * from "./rules/smartcardConsoleLocksOnDisconnect.ts";
export * from "./rules/smartcardRequiresSpiceAndUsb.ts";
export * from "./rules/windows11SecureBootAndTpm.ts";
export * from "./rules/poolDesktopsNeedSoundcard.ts";

export const PACK_NAME = "ovirt-smartcard-vdi";

export const rules: readonly Rule[] = [
  smartcardRequiresSpiceAndUsb,
  desktopPoolsRequireSmartcard,
  consoleTicketExpiryLimit,
  smartcardConsoleLocksOnDisconnect,
  smartcardTargetsLockOnDisconnect,
  guestAgentSsoRequiresOptIn,
  poolVmNamesNotReused,
  poolCapacityLimit,
  poolDesktopsNeedAllowedNetwork,
  poolsEntitledByGroups,
  windows11SecureBootAndTpm,
  poolDesktopsNeedSoundcard,
];

/** The rules as @pulumi/policy takes them: they already have its shape. */
export const policies: Policies = [...rules];
