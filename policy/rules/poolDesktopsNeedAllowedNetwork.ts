// A pool's desktops must reach the network users work on (and nothing else by mistake): each pool
// needs a NIC on an allowed network. A Pool has no NICs of its own; its VMs get the NICs of its
// template, which got them from the VM it was made from. So the policy follows Pool → Template →
// source Vm in the stack (the Vm's `nics` are what the program wrote, known even in preview), and
// falls back to the Template's `nics` output once the template exists.
//
// Enforced only when configured: without `allowedNetworks` or `allowedVnicProfiles` there is no
// list to check against, and the policy says so as "not applicable". Values not known yet during
// preview never give a violation (as everywhere in this pack). What the policy cannot see at all
// (a template or source VM outside the stack, a vNIC profile whose network only the engine knows)
// is reported as "could not check", so that a mandatory level never passes on a guess.

import { configStringList, type PolicyConfig } from "../lib/config.ts";
import { knownField, knownObjectList, knownString, rawProp, unknownField, type Props } from "../lib/props.ts";
import { wordsOf, type Report, type StackArgs, type StackRule, type Subject, type Words } from "../lib/rule.ts";
import { findPoolTemplate, findTemplateSourceVm } from "../lib/targets.ts";
import { POOL } from "../lib/tokens.ts";

export const POOL_DESKTOPS_NEED_ALLOWED_NETWORK = "pool-desktops-need-allowed-network";

const BLANK_TEMPLATES: ReadonlySet<string> = new Set(["Blank", "00000000-0000-0000-0000-000000000000"]);

interface Allowed {
  networks: ReadonlySet<string>;
  profiles: ReadonlySet<string>;
}

/** Where a pool's desktops get their NICs from, as far as the stack shows it. */
type NicSource =
  /** `inheritedFrom`: the Vm's own template, whose NICs the Vm keeps without listing them. */
  | { kind: "nics"; nics: Props[]; from: string; addTo: string; inheritedFrom?: string }
  | { kind: "unknown" }
  | { kind: "unseen"; reason: string };

function hasOwn(props: Props, key: string): boolean {
  return Object.getOwnPropertyDescriptor(props, key) !== undefined;
}

function fromSourceVm(vm: Subject, template: Subject, words: Words): NicSource {
  const from = `${words.resource(vm)} (through ${words.resource(template)})`;
  const addTo = `the ${words.property("nics")} of ${words.resource(vm)}`;
  const vmTemplate = knownString(vm.props, "template");
  const inheritsNics = vmTemplate !== undefined && !BLANK_TEMPLATES.has(vmTemplate);
  const nics = knownObjectList(vm.props, "nics");
  if (nics === undefined && hasOwn(vm.props, "nics") && rawProp(vm.props, "nics") === undefined) return { kind: "unknown" };
  if (vmTemplate === undefined && rawProp(vm.props, "template") === undefined && hasOwn(vm.props, "template")) return { kind: "unknown" };
  // Only a NIC the program lists can prove the pool fine; those the VM keeps from its own template
  // are not in the stack.
  return { kind: "nics", nics: nics ?? [], from, addTo, inheritedFrom: inheritsNics ? vmTemplate : undefined };
}

function nicSource(pool: Subject, resources: readonly Subject[], words: Words): NicSource {
  const label = (subject: Subject) => words.resource(subject);
  const template = findPoolTemplate(pool, resources);
  if (template === undefined) {
    const name = knownString(pool.props, "template");
    if (name === undefined) return { kind: "unknown" };
    return { kind: "unseen", reason: `its template "${name}" is not a resource of this stack, so the NICs its desktops get are not visible to the policy` };
  }
  const vm = findTemplateSourceVm(template, resources);
  if (vm !== undefined) return fromSourceVm(vm, template, words);
  const nics = knownObjectList(template.props, "nics");
  if (nics !== undefined) return { kind: "nics", nics, from: label(template), addTo: `the ${words.property("nics")} of the VM ${label(template)} is made from` };
  const sourceVm = knownString(template.props, "sourceVm");
  if (sourceVm === undefined) return { kind: "unknown" };
  return {
    kind: "unseen",
    reason: `${label(template)} is made from VM "${sourceVm}", which is not a resource of this stack, and its ${words.property("nics")} are not known yet`,
  };
}

type Verdict = "allowed" | "unknown" | "unverifiable" | "refused";

function judgeNic(nic: Props, allowed: Allowed): Verdict {
  const network = knownField(nic, "network");
  const profile = knownField(nic, "vnicProfile");
  if (network !== undefined && allowed.networks.has(network)) return "allowed";
  if (profile !== undefined && allowed.profiles.has(profile)) return "allowed";
  if (unknownField(nic, "network") || unknownField(nic, "vnicProfile")) return "unknown";
  // A profile's network is known only to the engine: it may be an allowed one.
  if (profile !== undefined && network === undefined && allowed.networks.size > 0) return "unverifiable";
  return "refused";
}

function nicText(nic: Props): string {
  const name = knownField(nic, "name") ?? "a NIC";
  const network = knownField(nic, "network");
  if (network !== undefined) return `${name} on network "${network}"`;
  const profile = knownField(nic, "vnicProfile");
  return profile !== undefined ? `${name} on vNIC profile "${profile}"` : `${name} on no network`;
}

function allowedText(allowed: Allowed): string {
  const quote = (values: ReadonlySet<string>) => [...values].map((v) => `"${v}"`).join(", ");
  const parts: string[] = [];
  if (allowed.networks.size > 0) parts.push(`network ${quote(allowed.networks)}`);
  if (allowed.profiles.size > 0) parts.push(`vNIC profile ${quote(allowed.profiles)}`);
  return parts.join(" or ");
}

/** The message for one pool, or undefined when it passes or cannot be judged yet. */
function poolMessage(pool: Subject, resources: readonly Subject[], allowed: Allowed, words: Words): string | undefined {
  const poolLabel = words.resource(pool);
  const exemptName = knownString(pool.props, "name") ?? pool.name;
  const orExempt = `or add "${exemptName}" to exemptPools in this policy's configuration.`;
  const source = nicSource(pool, resources, words);
  if (source.kind === "unknown") return undefined;
  if (source.kind === "unseen") {
    return `${poolLabel}: could not check the network of its desktops: ${source.reason}. Make sure they get a NIC on ${allowedText(allowed)}, ${orExempt}`;
  }
  const verdicts = source.nics.map((nic) => judgeNic(nic, allowed));
  if (verdicts.includes("allowed") || verdicts.includes("unknown")) return undefined;
  const inheritedFrom = source.inheritedFrom;
  const seen = source.nics.length === 0 ? "no NIC" : `only ${source.nics.map(nicText).join(", ")}`;
  if (inheritedFrom !== undefined || verdicts.includes("unverifiable")) {
    const why = inheritedFrom !== undefined
      ? `they get ${seen} listed on ${source.from}, plus any NICs that VM keeps from its template "${inheritedFrom}", which the policy cannot see`
      : `they get ${seen} from ${source.from}, and which network a vNIC profile belongs to only the engine knows (list allowed profiles in allowedVnicProfiles)`;
    return `${poolLabel}: could not check the network of its desktops: ${why}. Make sure they get a NIC on ${allowedText(allowed)}, ${orExempt}`;
  }
  return (
    `${poolLabel}: its desktops get ${seen} from ${source.from}, so none is on an allowed network. ` +
    `Add a NIC on ${allowedText(allowed)} to ${source.addTo}, ${orExempt}`
  );
}

export const poolDesktopsNeedAllowedNetwork: StackRule = {
  name: POOL_DESKTOPS_NEED_ALLOWED_NETWORK,
  displayName: "Pool desktops have a NIC on an allowed network",
  description:
    "Every Pool's desktops get a NIC on a network listed in allowedNetworks (or a vNIC profile listed in allowedVnicProfiles), " +
    "through the pool's template and the VM it was made from. Not applicable until one of the lists is configured.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Add a NIC on an allowed network to the nics of the VM the pool's template is made from, or add the pool to exemptPools.",
  configSchema: {
    properties: {
      allowedNetworks: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Logical networks a pool desktop may be on, as the nics' `network` names them (name or id).",
      },
      allowedVnicProfiles: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "vNIC profiles a pool desktop may use, as the nics' `vnicProfile` names them (name or id).",
      },
      exemptPools: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Pools this policy leaves alone, by engine pool name or by resource name in the program.",
      },
    },
  },
  validateStack: (args: StackArgs, report: Report) => {
    const config = args.getConfig<PolicyConfig>();
    const allowed: Allowed = {
      networks: new Set(configStringList(config, "allowedNetworks")),
      profiles: new Set(configStringList(config, "allowedVnicProfiles")),
    };
    if (allowed.networks.size === 0 && allowed.profiles.size === 0) {
      args.notApplicable("no allowedNetworks or allowedVnicProfiles configured: there is no list of allowed networks to check against");
    }
    const exempt = new Set(configStringList(config, "exemptPools"));
    for (const pool of args.resources) {
      if (pool.type !== POOL) continue;
      const engineName = knownString(pool.props, "name");
      if (exempt.has(pool.name) || (engineName !== undefined && exempt.has(engineName))) continue;
      const message = poolMessage(pool, args.resources, allowed, wordsOf(args));
      if (message !== undefined) report(message, pool.urn, "template");
    }
  },
};
