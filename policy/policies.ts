// Every policy of the pack, importable without starting the analyzer server (index.ts does that).

import type { Policies } from "@pulumi/policy";
import { consoleTicketExpiryLimit } from "./rules/consoleTicketExpiry.ts";
import { desktopPoolsRequireSmartcard } from "./rules/desktopPoolsRequireSmartcard.ts";
import { guestAgentSsoRequiresOptIn } from "./rules/guestAgentSso.ts";
import { poolCapacityLimit } from "./rules/poolCapacityLimit.ts";
import { poolDesktopsNeedAllowedNetwork } from "./rules/poolDesktopsNeedAllowedNetwork.ts";
import { poolVmNamesNotReused } from "./rules/poolVmNamesNotReused.ts";
import { smartcardConsoleLocksOnDisconnect, smartcardTargetsLockOnDisconnect } from "./rules/smartcardConsoleLocksOnDisconnect.ts";
import { smartcardRequiresSpiceAndUsb } from "./rules/smartcardRequiresSpiceAndUsb.ts";

export * from "./rules/consoleTicketExpiry.ts";
export * from "./rules/desktopPoolsRequireSmartcard.ts";
export * from "./rules/guestAgentSso.ts";
export * from "./rules/poolCapacityLimit.ts";
export * from "./rules/poolDesktopsNeedAllowedNetwork.ts";
export * from "./rules/poolVmNamesNotReused.ts";
export * from "./rules/smartcardConsoleLocksOnDisconnect.ts";
export * from "./rules/smartcardRequiresSpiceAndUsb.ts";

export const PACK_NAME = "ovirt-smartcard-vdi";

export const policies: Policies = [
  smartcardRequiresSpiceAndUsb,
  desktopPoolsRequireSmartcard,
  consoleTicketExpiryLimit,
  smartcardConsoleLocksOnDisconnect,
  smartcardTargetsLockOnDisconnect,
  guestAgentSsoRequiresOptIn,
  poolVmNamesNotReused,
  poolCapacityLimit,
  poolDesktopsNeedAllowedNetwork,
];
