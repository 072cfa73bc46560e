// A console ticket is a bearer secret: whoever holds it can open the console until it expires.
// The engine's own design hands tickets to the console with a 120-second validity; a policy that
// stretches that to hours leaves usable tickets in browser downloads and .vv files.

import { configPositiveInteger, type PolicyConfig } from "../lib/config.ts";
import { knownInteger } from "../lib/props.ts";
import { wordsOf, type Report, type ResourceArgs, type ResourceRule } from "../lib/rule.ts";
import { CONSOLE_POLICY } from "../lib/tokens.ts";

export const CONSOLE_TICKET_EXPIRY_LIMIT = "console-ticket-expiry-limit";
export const DEFAULT_MAX_TICKET_EXPIRY_SECONDS = 120;

export const consoleTicketExpiryLimit: ResourceRule = {
  name: CONSOLE_TICKET_EXPIRY_LIMIT,
  displayName: "Console tickets are short-lived",
  description: `A ConsolePolicy's ticketExpirySeconds is at most maxTicketExpirySeconds (default ${DEFAULT_MAX_TICKET_EXPIRY_SECONDS}).`,
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Lower ticketExpirySeconds to the configured maximum or below.",
  configSchema: {
    properties: {
      maxTicketExpirySeconds: {
        type: "integer",
        minimum: 1,
        default: DEFAULT_MAX_TICKET_EXPIRY_SECONDS,
        description: "The longest console ticket lifetime allowed, in seconds.",
      },
    },
  },
  validateResource: (args: ResourceArgs, report: Report) => {
    if (args.type !== CONSOLE_POLICY) args.notApplicable(`applies only to ${CONSOLE_POLICY}`);
    const expiry = knownInteger(args.props, "ticketExpirySeconds");
    if (expiry === undefined) return;
    const max = configPositiveInteger(
      args.getConfig<PolicyConfig>(),
      "maxTicketExpirySeconds",
      DEFAULT_MAX_TICKET_EXPIRY_SECONDS,
    );
    if (expiry <= max) return;
    const words = wordsOf(args);
    const property = words.property("ticketExpirySeconds");
    report(
      `${words.resource(args)}: ${property} is ${expiry}, above the ` +
        `allowed maximum of ${max} seconds. Anyone holding a console ticket can open the console until it ` +
        `expires. Set ${property} to ${max} or less.`,
      undefined,
      "ticketExpirySeconds",
    );
  },
};
