// Finding the Vm or Pool a ConsolePolicy governs, in a stack-level view of the resources.
//
// During preview a new VM's id is unknown, so matching ConsolePolicy.vmId against Vm.vmId fails
// exactly when a check matters most. The engine also records which resources each input was
// computed from (propertyDependencies), and that link is known even in preview, so it is tried
// first; the id match covers programs that pass ids some other way (config, lookups).

import type { Subject } from "./rule.ts";
import { knownString } from "./props.ts";
import { POOL, TEMPLATE, VM } from "./tokens.ts";

interface TargetLink {
  /** The ConsolePolicy input naming the target. */
  input: "vmId" | "poolId";
  /** The target's type and its output carrying the engine id. */
  type: string;
  idOutput: string;
}

const LINKS: readonly TargetLink[] = [
  { input: "vmId", type: VM, idOutput: "vmId" },
  { input: "poolId", type: POOL, idOutput: "poolId" },
];

export function findConsoleTarget(consolePolicy: Subject, resources: readonly Subject[]): Subject | undefined {
  for (const link of LINKS) {
    const viaDependency = (consolePolicy.propertyDependencies[link.input] ?? []).find((r) => r.type === link.type);
    if (viaDependency !== undefined) return viaDependency;
    const id = knownString(consolePolicy.props, link.input);
    if (id === undefined || id === "") continue;
    const viaId = resources.find((r) => r.type === link.type && knownString(r.props, link.idOutput) === id);
    if (viaId !== undefined) return viaId;
  }
  return undefined;
}

/** A resource's input link to another resource: the recorded dependency first, then a match of ids or names. */
function linked(from: Subject, input: string, type: string, matchOutputs: readonly string[], resources: readonly Subject[]): Subject | undefined {
  const viaDependency = (from.propertyDependencies[input] ?? []).find((r) => r.type === type);
  if (viaDependency !== undefined) return viaDependency;
  const value = knownString(from.props, input);
  if (value === undefined || value === "") return undefined;
  return resources.find((r) => r.type === type && matchOutputs.some((key) => knownString(r.props, key) === value));
}

/** The Template of this stack a Pool's desktops are made from (by dependency, id or name). */
export function findPoolTemplate(pool: Subject, resources: readonly Subject[]): Subject | undefined {
  return linked(pool, "template", TEMPLATE, ["templateId", "name"], resources);
}

/** The Vm of this stack a Template was made from (by dependency or id). */
export function findTemplateSourceVm(template: Subject, resources: readonly Subject[]): Subject | undefined {
  return linked(template, "sourceVm", VM, ["vmId"], resources);
}
