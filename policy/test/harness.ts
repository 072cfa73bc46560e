// Calls policies the way the analyzer server does, without starting it: plain args objects, props
// wrapped in the SDK's own unknown-checking proxy, a report callback that collects messages, and
// a notApplicable that records its reason (the server turns it into a "not applicable" note).

import { unknownCheckingProxy } from "@pulumi/policy";
import type {
  Policy,
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";

export interface Outcome {
  messages: string[];
  /** URNs passed with each message (undefined for stack-wide reports). */
  urns: (string | undefined)[];
  notApplicable?: string;
}

class NotApplicable extends Error {}

export type Config = Record<string, unknown>;

export function urnOf(type: string, name: string): string {
  return `urn:pulumi:dev::vdi::${type}::${name}`;
}

const noOptions = {
  protect: false,
  ignoreChanges: [],
  aliases: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
  additionalSecretOutputs: [],
};

function throwNotApplicable(reason?: string): never {
  throw new NotApplicable(reason ?? "");
}

/** Runs one validation with a report callback that collects into outcome; records a notApplicable reason. */
async function collectInto(
  outcome: Outcome,
  validation: (report: (message: string, urn?: string) => void) => void | Promise<void>,
): Promise<void> {
  try {
    await validation((message, urn) => {
      outcome.messages.push(message);
      outcome.urns.push(urn);
    });
  } catch (error) {
    if (!(error instanceof NotApplicable)) throw error;
    outcome.notApplicable = error.message;
  }
}

function wrapProps(props: Record<string, unknown>): Record<string, unknown> {
  return unknownCheckingProxy(props) as Record<string, unknown>;
}

export async function runResourcePolicy(
  policy: Policy,
  type: string,
  name: string,
  props: Record<string, unknown>,
  config: Config = {},
): Promise<Outcome> {
  const validate = (policy as ResourceValidationPolicy).validateResource;
  if (validate === undefined) throw new Error(`${policy.name} is not a resource policy`);
  const wrapped = wrapProps(props);
  const args: ResourceValidationArgs = {
    type,
    props: wrapped,
    urn: urnOf(type, name),
    name,
    opts: noOptions,
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => config as T,
    notApplicable: throwNotApplicable,
  };
  const outcome: Outcome = { messages: [], urns: [] };
  for (const validation of Array.isArray(validate) ? validate : [validate]) {
    await collectInto(outcome, (report) => validation(args, report));
  }
  return outcome;
}

export interface StackEntry {
  type: string;
  name: string;
  props: Record<string, unknown>;
  /** Names of other entries each input was computed from (the engine's propertyDependencies). */
  dependsOn?: Record<string, string[]>;
}

export function stackResources(entries: readonly StackEntry[]): PolicyResource[] {
  const resources: PolicyResource[] = entries.map((entry) => ({
    type: entry.type,
    props: wrapProps(entry.props),
    urn: urnOf(entry.type, entry.name),
    name: entry.name,
    opts: noOptions,
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  }));
  entries.forEach((entry, index) => {
    const resource = resources[index];
    if (resource === undefined) return;
    for (const [input, names] of Object.entries(entry.dependsOn ?? {})) {
      const targets = resources.filter((r) => names.includes(r.name));
      resource.propertyDependencies[input] = targets;
      resource.dependencies.push(...targets);
    }
  });
  return resources;
}

export async function runStackPolicy(policy: Policy, entries: readonly StackEntry[], config: Config = {}): Promise<Outcome> {
  const validate = (policy as StackValidationPolicy).validateStack;
  if (validate === undefined) throw new Error(`${policy.name} is not a stack policy`);
  const outcome: Outcome = { messages: [], urns: [] };
  await collectInto(outcome, (report) =>
    validate(
      {
        resources: stackResources(entries),
        stackTags: new Map(),
        getConfig: <T extends object>() => config as T,
        notApplicable: throwNotApplicable,
      },
      report,
    ),
  );
  return outcome;
}
