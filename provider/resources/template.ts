// ovirt:index:Template — a template copied from a VM; new VMs and pools inherit its display and
// smartcard settings.
//
// - check: the schema, then the rules (smartcard only with SPICE; 1, 2 or 4 monitors).
// - diff: a new `sourceVm` replaces the template (names are unique per data center, so the old one
//   goes first when the name stays); name, description and display settings update in place.
// - create: the source VM must be down (the engine refuses otherwise): say so, and how to fix it.
//   Then create and wait until the template is `ok`; not ok by the deadline → PartialFailure.
// - read: the engine does not report the source VM, so `sourceVm` keeps its last value; an
//   imported template has none, and adopts the program's `sourceVm` without a replacement.
// - delete: the engine refuses while VMs or pools still use the template, quoting them, and refuses
//   a base that still has versions (RemoveVmTemplateCommand): the message says which and what to do.
// Versions (AddVmTemplateCommand): with `baseTemplate` the template is a new version of that base;
// the engine names it after the base (so `name` must be the base's name, and the name-taken check
// does not apply) and numbers it (`versionNumber`); only a base can be a base (a version of a
// version is refused). A base the program may still create is a warning at check, an error naming
// `baseTemplate` at create (engineChecks.ts).

import { GIB } from "./vmDisks.ts";
import { isEngineError, isUuid } from "../engine/index.ts";
import type { EngineClient, Template } from "../engine/index.ts";
import { checkInputs, isKnown, notBlank, oneOfNumbers, VALID_MONITORS, type CheckRule } from "./check.ts";
import { creationMarker, goneDuringUpdate, requireEngine } from "./context.ts";
import { changedProperties, diffInputs } from "./diff.ts";
import { checkInEngine, resolveLink } from "./engineChecks.ts";
import { desktopConsoleDescription, displayFromEngine, displayPatch, displayToEngine, smartcardRule } from "./display.ts";
import type { TemplateInputs as Inputs, TemplateState as State, DiskInterface, NicInterface, VmDisk, VmNic } from "../shapes.generated.ts";
import type { CheckFailure, Resource } from "./types.ts";
import { PartialFailure, PropertyError, UNKNOWN } from "./types.ts";
import { HintedError, say } from "../hints.ts";
import { messageOf, waitOptions } from "./waits.ts";
import { desktopFromEngine, desktopPatch, desktopProperties, headlessFromEngine, unmanagedNow, desktopRule, desktopToEngine, needsAllContent } from "./desktop.ts";

const TOKEN = "ovirt:index:Template";

const rules: CheckRule[] = [
  notBlank("name"),
  notBlank("sourceVm"),
  notBlank("baseTemplate"),
  notBlank("versionName"),
  (inputs) => {
    // By name, the base is known at check: a version carries its base's name.
    const { name, baseTemplate } = inputs;
    // Unknown at preview (a base this same program makes): judged at create.
    if (typeof name !== "string" || typeof baseTemplate !== "string" || !isKnown(name) || !isKnown(baseTemplate) || isUuid(baseTemplate) || name === baseTemplate) return [];
    return [versionNameFailure(name, baseTemplate)];
  },
  oneOfNumbers("monitors", VALID_MONITORS, "the engine supports 1, 2 or 4 SPICE monitors."),
  // A template has no vmType or USB of its own here: the VNC and headless rules apply.
  smartcardRule({ vmType: "desktop", usbEnabled: true }),
];

function versionNameFailure(name: string, baseName: string): CheckFailure {
  return {
    property: "name",
    reason: `\`name\` must be "${baseName}", the base template's name: the engine names a template version after its base (\`baseTemplate\`), so "${name}" would never match. Tell versions apart with \`versionName\`.`,
  };
}

interface EngineSide { templateId: string; status: string; versionNumber: number; baseTemplateId: string }

function outputsFor(inputs: Inputs, engineSide: EngineSide): State {
  return { ...inputs, ...engineSide, consoleDescription: desktopConsoleDescription(inputs) };
}

/** The version facts of a template as read: a base is version 1 of its own lineage. */
export function versionOf(template: Template): { versionNumber: number; versionName: string; baseTemplateId: string } {
  return {
    versionNumber: template.version?.version_number ?? 1,
    versionName: template.version?.version_name ?? "",
    baseTemplateId: template.version?.base_template?.id ?? template.id,
  };
}

function inputsFromEngine(template: Template, oldInputs: Partial<Inputs>): Inputs {
  const inputs: Inputs = {
    name: template.name,
    sourceVm: typeof oldInputs.sourceVm === "string" ? oldInputs.sourceVm : (template.vm?.id ?? ""),
    ...displayFromEngine(template.display, oldInputs),
    ...desktopFromEngine("template", template, oldInputs),
    ...headlessFromEngine(template.display, oldInputs),
  };
  const description = template.description ?? "";
  if (description !== "" || oldInputs.description !== undefined) inputs.description = description;
  const version = versionOf(template);
  // The base is kept as the program names it; an import of a version names its base by id.
  if (oldInputs.baseTemplate !== undefined) inputs.baseTemplate = oldInputs.baseTemplate;
  else if (version.baseTemplateId !== template.id) inputs.baseTemplate = version.baseTemplateId;
  if (oldInputs.versionName !== undefined || (version.baseTemplateId !== template.id && version.versionName !== "")) inputs.versionName = version.versionName;
  return inputs;
}

async function readTemplate(engine: EngineClient, id: string, oldInputs: Partial<Inputs>) {
  const template = await engine.getTemplate(id, { allContent: needsAllContent("template", oldInputs) });
  if (!template) return undefined;
  const inputs = inputsFromEngine(template, oldInputs);
  const { versionNumber, baseTemplateId } = versionOf(template);
  const outputs = outputsFor(inputs, { templateId: template.id, status: template.status, versionNumber, baseTemplateId });
  outputs.disks = await templateDisks(engine, id);
  outputs.nics = await templateNics(engine, id);
  return { template, inputs, outputs };
}

/** The template's disks in the shape of a Vm's `disks` (sizes in GiB, the storage domain by name). */
async function templateDisks(engine: EngineClient, id: string): Promise<VmDisk[]> {
  const domainNames = new Map<string, string>();
  const disks: VmDisk[] = [];
  for (const a of await engine.listTemplateDiskAttachments(id)) {
    const domainId = a.disk.storageDomainIds[0];
    if (domainId !== undefined && !domainNames.has(domainId)) {
      domainNames.set(domainId, (await engine.getStorageDomain(domainId))?.name ?? domainId);
    }
    disks.push({
      name: a.disk.alias, sizeGb: Math.floor(a.disk.provisionedSize / GIB),
      ...(domainId !== undefined ? { storageDomain: domainNames.get(domainId) } : {}),
      // The engine's interface names are the schema's enum values (engine/model.ts reads them so).
      interface: a.interface as DiskInterface, format: a.disk.format, sparse: a.disk.sparse, bootable: a.bootable, diskId: a.disk.id,
    });
  }
  return disks;
}

/** The template's NICs in the shape of a Vm's `nics` (the vNIC profile by name; no MAC: VMs get their own). */
async function templateNics(engine: EngineClient, id: string): Promise<VmNic[]> {
  const nics: VmNic[] = [];
  for (const nic of await engine.listTemplateNics(id)) {
    const profile = nic.vnicProfileId ? await engine.getVnicProfile(nic.vnicProfileId) : undefined;
    nics.push({ name: nic.name, ...(profile ? { vnicProfile: profile.name } : {}), interface: nic.interface as NicInterface, nicId: nic.id });
  }
  return nics;
}

/** The engine copies a template only from a VM that is down: refuse early, with the fix. */
async function requireDownSourceVm(engine: EngineClient, inputs: Inputs): Promise<void> {
  const vm = await engine.getVm(inputs.sourceVm);
  if (!vm) {
    throw new Error(`Template ${inputs.name}: sourceVm ${inputs.sourceVm} is not a VM in the engine. Give the id of an existing VM (for example a Vm resource's vmId).`);
  }
  if (vm.status === "image_locked") {
    throw new HintedError(
      say`Template ${String(inputs.name)} cannot be created yet: its sourceVm ${vm.name} (${vm.id}) is image_locked (the engine is copying its disks); ${{ kind: "apply-again" }} once it is down.`,
    );
  }
  if (vm.status !== "down") {
    throw new HintedError(
      say`Template ${String(inputs.name)} cannot be created: its sourceVm ${vm.name} (${vm.id}) is ${vm.status}, and the engine copies a template only from a VM that is down. Stop the VM (set \`running: false\` on its ${{ kind: "resource", token: "ovirt:index:Vm" }}) and ${{ kind: "apply-again" }}.`,
    );
  }
}

/** At create: the base a version is made of, or an error naming the property at fault. */
async function resolveBase(engine: EngineClient, inputs: Inputs): Promise<Template | undefined> {
  if (typeof inputs.baseTemplate !== "string") return undefined;
  const named = await resolveLink("baseTemplate", inputs.baseTemplate, (value) => engine.resolveTemplate(value));
  // A name finds the lineage's newest version; the base is the lineage's first.
  const baseId = versionOf(named).baseTemplateId;
  const base = baseId === named.id ? named : await engine.getTemplate(baseId);
  if (!base) throw new PropertyError("baseTemplate", `\`baseTemplate\`: the base template ${baseId} of ${named.name} is gone; nothing was created.`);
  if (inputs.name !== base.name) throw new PropertyError("name", `${versionNameFailure(inputs.name, base.name).reason} Nothing was created.`);
  return base;
}

/**
 * Headless is a template without graphics devices, as for a VM: its consoles are removed
 * (DELETE /templates/{id}/graphicsconsoles/{id}); leaving it adds the program's display type back.
 * A template is never running, so this changes in place. `old` is the last input (undefined at create).
 */
async function applyTemplateHeadless(engine: EngineClient, id: string, inputs: Inputs, old: unknown): Promise<void> {
  const headless = inputs.headless === true;
  if (headless === (old === true)) return;
  if (headless) {
    for (const console of await engine.listTemplateGraphicsConsoles(id)) await engine.removeTemplateGraphicsConsole(id, console.id);
  } else if ((await engine.listTemplateGraphicsConsoles(id)).length === 0) {
    await engine.addTemplateGraphicsConsole(id, (inputs.displayType ?? "spice") as "spice" | "vnc");
  }
}

/** The engine's refusal to delete, with what the program can do about it. */
async function explainDeleteRefusal(engine: EngineClient, id: string, error: unknown): Promise<never> {
  if (!isEngineError(error) || (error.status !== 409 && error.status !== 400)) throw error;
  const template = await engine.getTemplate(id).catch(() => undefined);
  if (template && versionOf(template).baseTemplateId === id) {
    const versions = (await engine.templatesNamed(template.name).catch(() => [])).filter((t) => t.id !== id && versionOf(t).baseTemplateId === id);
    if (versions.length > 0) {
      const list = versions.map((t) => `${versionOf(t).versionNumber}${versionOf(t).versionName ? ` (${versionOf(t).versionName})` : ""}`).join(", ");
      throw new Error(`Template ${template.name} (${id}) is a base template with versions ${list}; the engine deletes a base only after its versions. Delete the versions first (their Template resources, which name this one in \`baseTemplate\`). The engine said: ${error.message}`);
    }
  }
  throw new Error(`Template ${template?.name ?? id} (${id}) cannot be deleted: ${error.message} Move the VMs and pools that use it to another version (a Pool's \`template\` changes in place within a lineage) or delete them first; a pool that follows the latest version uses versions its \`template\` does not name, so make it depend on every version (dependsOn / depends_on).`);
}

export const templateResource: Resource<Inputs, State> = {
  token: TOKEN,
  label: "Template",

  async check({ news, olds }, ctx) {
    const checked = await checkInputs<Inputs>(TOKEN, news, [...rules, desktopRule(news, olds)]);
    // A version shares its base's name: the name-taken check is for bases only.
    const isVersion = checked.inputs.baseTemplate !== undefined;
    return checkInEngine(checked, olds, ctx, {
      kind: "template", token: TOKEN, links: isVersion ? ["baseTemplate"] : [],
      findByName: (engine, name) => (isVersion ? Promise.resolve(undefined) : engine.findTemplateByName(name)),
    });
  },

  async diff({ olds, news, oldInputs }) {
    const oldSource = oldInputs.sourceVm ?? olds.sourceVm;
    // An imported template does not know its source VM: adopt the program's without replacing.
    const ignore: string[] = oldSource === undefined || oldSource === "" ? ["sourceVm"] : [];
    ignore.push(...unmanagedNow([...desktopProperties("template"), "headless"], news));
    return diffInputs(TOKEN, olds, oldInputs, news, { uniqueName: true, ignore });
  },

  async create({ inputs }, ctx) {
    if (ctx.preview) return { id: "", outputs: outputsFor(inputs, { templateId: UNKNOWN, status: UNKNOWN, versionNumber: UNKNOWN, baseTemplateId: UNKNOWN }) };
    const engine = requireEngine(ctx, `create template ${inputs.name}`);
    const base = await resolveBase(engine, inputs);
    await requireDownSourceVm(engine, inputs);
    const created = await engine.createTemplate({
      name: inputs.name,
      comment: creationMarker(ctx),
      ...(inputs.description !== undefined ? { description: inputs.description } : {}),
      vm: { id: inputs.sourceVm },
      ...desktopToEngine("template", inputs, { display: displayToEngine(inputs) }),
      ...(base ? { version: { base_template: { id: base.id }, ...(inputs.versionName !== undefined ? { version_name: inputs.versionName } : {}) } } : {}),
    });
    try {
      await engine.waitForTemplate(created.id, ["ok"], waitOptions(ctx));
      await applyTemplateHeadless(engine, created.id, inputs, undefined);
      const read = await readTemplate(engine, created.id, inputs);
      if (!read) throw new Error("it disappeared right after creation");
      return { id: created.id, outputs: read.outputs };
    } catch (error) {
      throw new PartialFailure(created.id, outputsFor(inputs, { templateId: created.id, status: created.status, ...versionOf(created) }), [
        say`Template ${String(inputs.name)} was created (id ${created.id}) but is not ready: ${messageOf(error)}. ${{ kind: "kept" }}`,
      ]);
    }
  },

  async read({ id, oldInputs }, ctx) {
    const engine = requireEngine(ctx, `read template ${id}`);
    const read = await readTemplate(engine, id, oldInputs);
    if (!read) return undefined;
    const drifted = Object.keys(oldInputs).length > 0 ? changedProperties(oldInputs, read.inputs, Object.keys(read.inputs)) : [];
    if (drifted.length > 0) ctx.log(`Template ${read.template.name} (${id}) changed in the engine since the last read: ${drifted.join(", ")}`);
    return { id, outputs: read.outputs, inputs: read.inputs };
  },

  async update({ id, olds, news, oldInputs }, ctx) {
    if (ctx.preview) {
      return outputsFor(news, { templateId: olds.templateId ?? id, status: olds.status ?? UNKNOWN, versionNumber: olds.versionNumber ?? UNKNOWN, baseTemplateId: olds.baseTemplateId ?? UNKNOWN });
    }
    const engine = requireEngine(ctx, `update template ${id}`);
    const patch: Parameters<EngineClient["updateTemplate"]>[1] = {};
    if (oldInputs.name !== news.name) patch.name = news.name;
    if (oldInputs.description !== news.description) patch.description = news.description ?? "";
    const display = displayPatch(oldInputs, news);
    if (display) patch.display = display;
    desktopPatch("template", oldInputs, news, patch);
    if (Object.keys(patch).length > 0) await engine.updateTemplate(id, patch);
    await applyTemplateHeadless(engine, id, news, oldInputs.headless);
    const read = await readTemplate(engine, id, news);
    if (!read) throw goneDuringUpdate("Template", news.name, id);
    return read.outputs;
  },

  async delete({ id }, ctx) {
    const engine = requireEngine(ctx, `delete template ${id}`);
    const template = await engine.getTemplate(id);
    if (!template) return;
    if (template.delete_protected === true) {
      throw new HintedError(
        say`Template ${template.name} (${id}) is delete-protected (\`deleteProtected\` is true): the engine refuses to remove it, and nothing was removed. Set \`deleteProtected\` to false, ${{ kind: "apply-again" }}, then destroy it.`,
      );
    }
    await engine.deleteTemplate(id).catch((error: unknown) => explainDeleteRefusal(engine, id, error));
  },
};
