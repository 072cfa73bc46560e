// The `nics` of a Vm: checks, the diff, applying a list to the engine and reading it back.
//
// - An entry is matched to an engine NIC by name. Exactly one of `vnicProfile` or `network` (whose
//   vNIC profile named like the network is used). NICs the VM got from its template that no entry
//   names are left alone and not reported.
// - Added, removed and changed in place; the engine hot-plugs and (after an unplug) hot-removes
//   NICs of a running VM.

import { isEngineError } from "../engine/index.ts";
import type { EngineNic } from "../engine/index.ts";
import type { EngineClient } from "../engine/index.ts";
import { isKnown, isUnknown, type CheckRule } from "./check.ts";
import type { NicInterface, VmInputs, VmNic } from "../shapes.generated.ts";
import { managedDevices } from "./vmDevices.ts";
import type { CheckFailure, DiffKind, Old, Unknown } from "./types.ts";
import { UNKNOWN } from "./types.ts";

export interface NicInput {
  name: string;
  vnicProfile?: string;
  network?: string;
  interface: string;
}

export function nicList(value: unknown): NicInput[] {
  return Array.isArray(value) ? (value.filter((n) => n !== null && typeof n === "object") as NicInput[]) : [];
}

/** Names unique; exactly one of vnicProfile and network. */
export const nicRules: CheckRule = (inputs) => {
  const failures: CheckFailure[] = [];
  const seen = new Map<string, number>();
  nicList(inputs.nics).forEach((nic, i) => {
    if (typeof nic.name === "string" && !isUnknown(nic.name)) {
      if (nic.name.trim() === "") failures.push({ property: `nics[${i}].name`, reason: `\`nics[${i}].name\` must not be empty.` });
      const first = seen.get(nic.name);
      if (first !== undefined) {
        failures.push({ property: `nics[${i}].name`, reason: `\`nics[${i}].name\` "${nic.name}" is also the name of nics[${first}]; NIC names must be unique within a VM: rename one.` });
      } else seen.set(nic.name, i);
    }
    if (nic.vnicProfile !== undefined && nic.network !== undefined) {
      failures.push({ property: `nics[${i}].vnicProfile`, reason: `\`nics[${i}]\` gives both \`vnicProfile\` and \`network\`; give only one (a network uses its default vNIC profile).` });
    } else if (nic.vnicProfile === undefined && nic.network === undefined) {
      failures.push({ property: `nics[${i}].network`, reason: `\`nics[${i}]\` needs a \`network\` (name or id) or a \`vnicProfile\` (name or id) to plug the NIC into.` });
    }
  });
  return failures;
};

/** Networks and vNIC profiles the engine does not have (asked at preview). */
export async function nicEngineFailures(engine: EngineClient, inputs: Pick<VmInputs, "nics">): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = [];
  for (const [i, nic] of nicList(inputs.nics).entries()) {
    const field = nic.network !== undefined ? "network" : "vnicProfile";
    const value = nic[field];
    if (!isKnown(value) || typeof value !== "string") continue;
    try {
      await (field === "network" ? engine.resolveNetwork(value) : engine.resolveVnicProfile(value));
    } catch (err) {
      if (isEngineError(err) && err.kind === "not_found") {
        failures.push({ property: `nics[${i}].${field}`, reason: `\`nics[${i}].${field}\`: ${err.message}; give the name or id of an existing ${field === "network" ? "logical network" : "vNIC profile"}.` });
      }
    }
  }
  return failures;
}

export function diffNics(oldValue: unknown, newValue: unknown): Record<string, DiffKind> {
  if (oldValue === undefined && newValue === undefined) return {};
  if (isUnknown(newValue)) return { nics: "update" };
  if (oldValue === undefined) return { nics: "add" };
  if (newValue === undefined) return { nics: "delete" };
  const detailed: Record<string, DiffKind> = {};
  const olds = nicList(oldValue);
  const news = nicList(newValue);
  const oldByName = new Map(olds.map((n) => [n.name, n]));
  news.forEach((nic, i) => {
    const old = oldByName.get(nic.name);
    if (!old) {
      detailed[`nics[${i}]`] = "add";
      return;
    }
    for (const field of ["vnicProfile", "network", "interface"] as const) {
      if (JSON.stringify(old[field]) !== JSON.stringify(nic[field])) detailed[`nics[${i}].${field}`] = "update";
    }
  });
  const newNames = new Set(news.map((n) => n.name));
  olds.forEach((nic, i) => {
    if (!newNames.has(nic.name)) detailed[`nics[${i}]`] = "delete";
  });
  return detailed;
}

async function profileIdFor(engine: EngineClient, nic: NicInput): Promise<string> {
  if (nic.vnicProfile !== undefined) return (await engine.resolveVnicProfile(nic.vnicProfile)).id;
  return (await engine.defaultVnicProfile(await engine.resolveNetwork(nic.network ?? ""))).id;
}

/** Makes the VM's NICs match `news`: removes those `olds` listed and `news` does not, adds and updates the rest. */
export async function applyNics(engine: EngineClient, vmId: string, olds: unknown, news: unknown): Promise<void> {
  if (news === undefined && olds === undefined) return;
  const wanted = nicList(news);
  const oldByName = new Map(nicList(olds).map((n) => [n.name, n]));
  const current = new Map((await engine.listVmNics(vmId)).map((n) => [n.name, n]));
  const wantedNames = new Set(wanted.map((n) => n.name));
  for (const gone of nicList(olds).filter((n) => !wantedNames.has(n.name))) {
    const nic = current.get(gone.name);
    if (nic) await engine.removeVmNic(vmId, nic.id);
  }
  for (const nic of wanted) {
    const existing = current.get(nic.name);
    const vnicProfileId = await profileIdFor(engine, nic);
    if (!existing) {
      await engine.addVmNic(vmId, { name: nic.name, interface: nic.interface, vnicProfileId });
      continue;
    }
    const old = oldByName.get(nic.name);
    const changed = existing.interface !== nic.interface || existing.vnicProfileId !== vnicProfileId ||
      JSON.stringify(old) !== JSON.stringify(nic);
    if (changed) await engine.updateVmNic(vmId, existing.id, { interface: nic.interface, vnicProfileId });
  }
}

/** The user's `network` or `vnicProfile` while it still points at the NIC's profile; else the network's name (its default profile) or the profile's name. */
async function linkInput(engine: EngineClient, old: NicInput | undefined, nic: EngineNic): Promise<Pick<NicInput, "network" | "vnicProfile">> {
  if (!nic.vnicProfileId) return {};
  const profile = await engine.getVnicProfile(nic.vnicProfileId).catch(() => undefined);
  if (old?.vnicProfile !== undefined) {
    if (old.vnicProfile === nic.vnicProfileId || old.vnicProfile === profile?.name) return { vnicProfile: old.vnicProfile };
  }
  if (old?.network !== undefined && profile?.networkId) {
    const network = await engine.resolveNetwork(old.network).catch(() => undefined);
    if (network?.id === profile.networkId && (await engine.defaultVnicProfile(network).catch(() => undefined))?.id === profile.id) return { network: old.network };
  }
  if (!profile) return { vnicProfile: nic.vnicProfileId };
  const network = profile.networkId ? await engine.resolveNetwork(profile.networkId).catch(() => undefined) : undefined;
  if (network && network.name === profile.name) return { network: network.name };
  return { vnicProfile: profile.name };
}

/**
 * The `nics` output a preview expects: the wanted entries, each with the nicId and macAddress of
 * the old entry of the same name (a NIC changed in place keeps both) or unknown for a new NIC.
 */
export function plannedNicOutputs(news: VmNic[] | undefined, olds: unknown): VmNic[] | Unknown | undefined {
  if (!Array.isArray(news)) return news;
  const old = new Map(nicList(olds).map((n) => [n.name, n as NicInput & { nicId?: unknown; macAddress?: unknown }]));
  return news.map((nic) => {
    if (nic === null || typeof nic !== "object") return nic;
    const name = nic.name;
    const before = isKnown(name) ? old.get(name) : undefined;
    return { ...nic, nicId: (before?.nicId ?? UNKNOWN) as string, macAddress: (before ? before.macAddress : UNKNOWN) as string | undefined };
  });
}

/** The VM's NICs as the `nics` input would list them (outputs add macAddress and nicId); `inlined`: as sent with the VM. */
export async function readNics(
  engine: EngineClient, vmId: string, oldInputs: Old<Partial<VmInputs>>, templateNicNames: Set<string>, inlined?: EngineNic[],
): Promise<{ inputs: VmNic[]; outputs: VmNic[] } | undefined> {
  const olds = nicList(oldInputs.nics);
  const oldByName = new Map(olds.map((n) => [n.name, n]));
  const load = async () => inlined ?? (await engine.listVmNics(vmId));
  const nics = await managedDevices(oldInputs.nics, Object.keys(oldInputs).length === 0, olds, load, (n) => n.name, templateNicNames);
  if (!nics) return undefined;
  const inputs: VmNic[] = [];
  const outputs: VmNic[] = [];
  for (const nic of nics) {
    // The engine's interface names are the schema's enum values.
    const input: VmNic = { name: nic.name, ...(await linkInput(engine, oldByName.get(nic.name), nic)), interface: nic.interface as NicInterface };
    inputs.push(input);
    const output: VmNic = { ...input, nicId: nic.id };
    if (nic.macAddress !== undefined) output.macAddress = nic.macAddress;
    outputs.push(output);
  }
  return { inputs, outputs };
}

/** The names of a template's NICs (none for Blank, or where the engine lists none). */
export async function templateNicNames(engine: EngineClient, templateId: string | undefined): Promise<Set<string>> {
  if (!templateId || templateId === "00000000-0000-0000-0000-000000000000") return new Set();
  try {
    return new Set((await engine.listTemplateNics(templateId)).map((n) => n.name));
  } catch (err) {
    if (isEngineError(err) && err.kind === "not_found") return new Set();
    throw err;
  }
}
