// The policy pack's entry point: constructing the PolicyPack starts the analyzer's gRPC server and
// prints its port for the Pulumi CLI. Nothing else happens here, so tests import policies.ts.

import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, policies } from "./policies.ts";

new PolicyPack(PACK_NAME, {
  description: "Guard rails for oVirt smartcard VDI: smartcard only over SPICE, desktops that lock on disconnect, short console tickets, opt-in guest-agent SSO, and pool naming and size limits.",
  displayName: "oVirt smartcard VDI",
  policies,
});
