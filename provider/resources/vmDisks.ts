// The `disks` of a Vm: checks, the diff, applying a list to the engine and reading it back.
//
// - An entry is matched to an engine disk by name (the disk's alias). A disk the VM got from its
//   template is described by an entry of the same name (it can grow); template disks no entry names
//   are left alone and never reported, so they are no drift.
// - sizeGb grows in place (the engine extends the image) and never shrinks (a check failure).
//   storageDomain, format, sparse and interface of an existing disk replace the VM: the engine cannot
//   move or convert an attached image in place through this API, and changing the bus of a disk the
//   guest boots from breaks the guest's device names. bootable changes in place.
// - An entry taken off the list is detached and removed; a new entry is created and attached.
// - storageDomain left out means "where the disk is": the default domain at create, no drift after.

import { isEngineError } from "../engine/index.ts";
import type { EngineDiskAttachment } from "../engine/index.ts";
import type { EngineClient } from "../engine/index.ts";
import { isKnown, isUnknown, type CheckRule } from "./check.ts";
import type { DiskInterface, VmDisk, VmInputs } from "../shapes.generated.ts";
import type { CheckFailure, DiffKind, Old, ResourceContext, SchemaChecked, Unknown } from "./types.ts";
import { UNKNOWN } from "./types.ts";
import { managedDevices } from "./vmDevices.ts";
import { waitOptions } from "./waits.ts";

export const GIB = 1024 ** 3;

export interface DiskInput {
  name: string;
  sizeGb: number;
  storageDomain?: string;
  interface: string;
  format: "cow" | "raw";
  sparse: boolean;
  bootable: boolean;
}

/** Fields whose change on an existing disk replaces the VM (see the header). */
export const DISK_REPLACING_FIELDS = ["storageDomain", "format", "sparse", "interface"] as const;

/** The known entries of a `disks` value (none while the list itself is unknown). */
export function diskList(value: unknown): DiskInput[] {
  return Array.isArray(value) ? (value.filter((d) => d !== null && typeof d === "object") as DiskInput[]) : [];
}

/** Names unique, at most one bootable disk, a size of at least 1 GiB. */
export const diskRules: CheckRule = (inputs) => {
  const failures: CheckFailure[] = [];
  const disks = diskList(inputs.disks);
  const seen = new Map<string, number>();
  disks.forEach((disk, i) => {
    if (typeof disk.name === "string" && !isUnknown(disk.name)) {
      if (disk.name.trim() === "") failures.push({ property: `disks[${i}].name`, reason: `\`disks[${i}].name\` must not be empty.` });
      const first = seen.get(disk.name);
      if (first !== undefined) {
        failures.push({ property: `disks[${i}].name`, reason: `\`disks[${i}].name\` "${disk.name}" is also the name of disks[${first}]; disk names must be unique within a VM: rename one.` });
      } else seen.set(disk.name, i);
    }
    if (typeof disk.sizeGb === "number" && disk.sizeGb < 1) {
      failures.push({ property: `disks[${i}].sizeGb`, reason: `\`disks[${i}].sizeGb\` must be at least 1 (got ${disk.sizeGb}).` });
    }
  });
  const bootable = disks.map((d, i) => (d.bootable === true ? i : -1)).filter((i) => i >= 0);
  if (bootable.length > 1) {
    const second = bootable[1]!;
    failures.push({
      property: `disks[${second}].bootable`,
      reason: `\`disks[${second}].bootable\`: disks[${bootable.join("], disks[")}] are all bootable; a VM boots from at most one disk: keep \`bootable: true\` on one.`,
    });
  }
  return failures;
};

/** A disk that exists (in the last state) must not get smaller: the engine cannot shrink an image. */
export function diskShrinkFailures(news: Partial<Pick<SchemaChecked, "disks">>, olds: Old<Pick<Partial<VmInputs>, "disks">>): CheckFailure[] {
  const oldSizes = new Map(diskList(olds.disks).map((d) => [d.name, d.sizeGb]));
  const failures: CheckFailure[] = [];
  diskList(news.disks).forEach((disk, i) => {
    const old = oldSizes.get(disk.name);
    if (typeof old === "number" && typeof disk.sizeGb === "number" && disk.sizeGb < old) {
      failures.push({
        property: `disks[${i}].sizeGb`,
        reason: `\`disks[${i}].sizeGb\`: disk "${disk.name}" is ${old} GiB and a disk never shrinks; set ${old} or more ` +
          "(or give the disk a new name to replace it with a new, smaller disk).",
      });
    }
  });
  return failures;
}

/** Storage domains the engine does not have (asked at preview; only a definite "not found" fails). */
export async function diskEngineFailures(engine: EngineClient, inputs: Pick<VmInputs, "disks">): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = [];
  for (const [i, disk] of diskList(inputs.disks).entries()) {
    if (!isKnown(disk.storageDomain) || typeof disk.storageDomain !== "string") continue;
    try {
      await engine.resolveStorageDomain(disk.storageDomain);
    } catch (err) {
      if (isEngineError(err) && err.kind === "not_found") {
        failures.push({ property: `disks[${i}].storageDomain`, reason: `\`disks[${i}].storageDomain\`: ${err.message}; give the name or id of a data storage domain.` });
      }
    }
  }
  return failures;
}

/** Each new entry with `storageDomain` left out takes the old entry's (it means "where it is"). */
function withOldDomains(news: DiskInput[], olds: DiskInput[]): DiskInput[] {
  const old = new Map(olds.map((d) => [d.name, d]));
  return news.map((d) => (d.storageDomain === undefined && old.get(d.name)?.storageDomain !== undefined ? { ...d, storageDomain: old.get(d.name)!.storageDomain } : d));
}

/** The detailed diff of `disks` by name, and whether it replaces the VM. */
export function diffDisks(oldValue: unknown, newValue: unknown): { detailed: Record<string, DiffKind>; replace: boolean } {
  const detailed: Record<string, DiffKind> = {};
  if (oldValue === undefined && newValue === undefined) return { detailed, replace: false };
  if (isUnknown(newValue)) return { detailed: { disks: "update" }, replace: false };
  if (oldValue === undefined) return { detailed: { disks: "add" }, replace: false };
  if (newValue === undefined) return { detailed: { disks: "delete" }, replace: false };
  const olds = diskList(oldValue);
  const news = withOldDomains(diskList(newValue), olds);
  const oldByName = new Map(olds.map((d) => [d.name, d]));
  let replace = false;
  news.forEach((disk, i) => {
    const old = oldByName.get(disk.name);
    if (!old) {
      detailed[`disks[${i}]`] = "add";
      return;
    }
    for (const field of [...DISK_REPLACING_FIELDS, "sizeGb", "bootable"] as const) {
      if (JSON.stringify(old[field]) === JSON.stringify(disk[field])) continue;
      const replacing = (DISK_REPLACING_FIELDS as readonly string[]).includes(field);
      detailed[`disks[${i}].${field}`] = replacing ? "update-replace" : "update";
      replace ||= replacing;
    }
  });
  const newNames = new Set(news.map((d) => d.name));
  olds.forEach((disk, i) => {
    if (!newNames.has(disk.name)) detailed[`disks[${i}]`] = "delete";
  });
  return { detailed, replace };
}

/**
 * The `disks` output a preview expects: the wanted entries, each with the diskId of the old entry
 * of the same name (a disk keeps its id when it grows) or unknown for a disk still to be made.
 */
export function plannedDiskOutputs(news: VmDisk[] | undefined, olds: unknown): VmDisk[] | Unknown | undefined {
  if (!Array.isArray(news)) return news;
  const oldIds = new Map(diskList(olds).map((d) => [d.name, (d as DiskInput & { diskId?: unknown }).diskId]));
  return news.map((disk) => {
    if (disk === null || typeof disk !== "object") return disk;
    const name = disk.name;
    return { ...disk, diskId: ((isKnown(name) ? oldIds.get(name) : undefined) ?? UNKNOWN) as string };
  });
}

function diskOutput(a: EngineDiskAttachment, storageDomain: string | undefined): VmDisk {
  const out: VmDisk = {
    name: a.disk.alias,
    sizeGb: Math.floor(a.disk.provisionedSize / GIB),
    // The engine's interface names are the schema's enum values.
    interface: a.interface as DiskInterface,
    format: a.disk.format,
    sparse: a.disk.sparse,
    bootable: a.bootable,
  };
  if (storageDomain !== undefined) out.storageDomain = storageDomain;
  out.diskId = a.disk.id;
  return out;
}

/** The user's spelling of the domain while it is the same one, else the domain's name. */
async function storageDomainInput(engine: EngineClient, old: DiskInput | undefined, a: EngineDiskAttachment): Promise<string | undefined> {
  const domainId = a.disk.storageDomainIds[0];
  if (old && old.storageDomain === undefined) return undefined;
  if (domainId === undefined) return old?.storageDomain;
  if (old?.storageDomain !== undefined) {
    if (old.storageDomain === domainId) return old.storageDomain;
    const resolved = await engine.resolveStorageDomain(old.storageDomain).catch(() => undefined);
    if (resolved?.id === domainId) return old.storageDomain;
  }
  return (await engine.getStorageDomain(domainId).catch(() => undefined))?.name ?? domainId;
}

/**
 * The VM's disks as the `disks` input would list them (and the outputs, with each diskId): every
 * disk except template disks no old entry names. Undefined when the user manages no disks and
 * there are none of the VM's own. `inlined`: the disks the engine sent with the VM, when it did.
 */
export async function readDisks(
  engine: EngineClient, vmId: string, oldInputs: Old<Partial<VmInputs>>, templateDiskNames: Set<string>, inlined?: EngineDiskAttachment[],
): Promise<{ inputs: VmDisk[]; outputs: VmDisk[] } | undefined> {
  const olds = diskList(oldInputs.disks);
  const oldByName = new Map(olds.map((d) => [d.name, d]));
  const load = async () => inlined ?? (await engine.listVmDiskAttachments(vmId));
  const attachments = await managedDevices(oldInputs.disks, Object.keys(oldInputs).length === 0, olds, load, (a) => a.disk.alias, templateDiskNames);
  if (!attachments) return undefined;
  const outputs: VmDisk[] = [];
  for (const a of attachments) outputs.push(diskOutput(a, await storageDomainInput(engine, oldByName.get(a.disk.alias), a)));
  const inputs = outputs.map(({ diskId: _id, ...rest }) => rest);
  return { inputs, outputs };
}

async function defaultDomainId(engine: EngineClient): Promise<string> {
  const [first] = await engine.dataStorageDomains();
  if (!first) throw new Error("the engine has no data storage domain for a new disk; give `storageDomain`");
  return first.id;
}

/**
 * Makes the VM's disks match `news`: grows named disks (template disks included), creates missing
 * ones, removes those `olds` listed and `news` does not. Waits until no disk is locked.
 */
export async function applyDisks(engine: EngineClient, vmId: string, olds: unknown, news: unknown, ctx: ResourceContext): Promise<void> {
  if (news === undefined && olds === undefined) return;
  const wanted = diskList(news);
  const current = await engine.listVmDiskAttachments(vmId);
  const byName = new Map(current.map((a) => [a.disk.alias, a]));
  const wantedNames = new Set(wanted.map((d) => d.name));
  for (const gone of diskList(olds).filter((d) => !wantedNames.has(d.name))) {
    const attachment = byName.get(gone.name);
    if (attachment) await engine.removeVmDisk(vmId, attachment.disk.id);
  }
  let defaultDomain: string | undefined;
  for (const disk of wanted) {
    const size = disk.sizeGb * GIB;
    const existing = byName.get(disk.name);
    if (existing) {
      if (size > existing.disk.provisionedSize) {
        await engine.waitForVmDisksReady(vmId, waitOptions(ctx));
        await engine.resizeVmDisk(vmId, existing.disk.id, size);
      }
      continue;
    }
    const storageDomainId = disk.storageDomain !== undefined
      ? (await engine.resolveStorageDomain(disk.storageDomain)).id
      : (defaultDomain ??= await defaultDomainId(engine));
    await engine.addVmDisk(vmId, {
      alias: disk.name, provisionedSize: size, format: disk.format, sparse: disk.sparse,
      storageDomainId, interface: disk.interface, bootable: disk.bootable,
    });
  }
  await engine.waitForVmDisksReady(vmId, waitOptions(ctx));
}

/** The aliases of a template's disks (none for Blank or a template the engine no longer has). */
export async function templateDiskNames(engine: EngineClient, templateId: string | undefined): Promise<Set<string>> {
  if (!templateId || templateId === "00000000-0000-0000-0000-000000000000") return new Set();
  try {
    return new Set((await engine.listTemplateDiskAttachments(templateId)).map((a) => a.disk.alias));
  } catch (err) {
    if (isEngineError(err) && err.kind === "not_found") return new Set();
    throw err;
  }
}
