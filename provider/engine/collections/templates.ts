// Templates (/templates): lookups by name or id (once per client: templates change only through
// this client, which forgets them then), reads through the template snapshot, safe creates from
// a VM, updates, removal and waits.

import { exactName, namedExactly, remembered, resolveBy, searchTerm, seg } from "../lookups.ts";
import { consoleFromXml, rootElement, templateCreateToXml, templateFromXml, templateUpdateToXml } from "../model.ts";
import type { EngineSession } from "../session.ts";
import type { EngineDevices, GraphicsConsole, Template, TemplateCreate, TemplateStatus, VmBase, WaitOptions } from "../types.ts";
import { devicesOf, findByName, snapshotWithDevices } from "./common.ts";

export interface TemplateCalls {
  /** Resolves a template by name or id ("Blank" is the all-zero id). */
  resolveTemplate(nameOrId: string): Promise<Template>;
  /** `allContent` asks the engine itself for every field (soundcard_enabled and tpm_enabled come only so). */
  getTemplate(id: string, opts?: { allContent?: boolean }): Promise<Template | undefined>;
  findTemplateByName(name: string): Promise<Template | undefined>;
  createTemplate(template: TemplateCreate): Promise<Template>;
  updateTemplate(id: string, patch: Partial<VmBase>): Promise<Template>;
  deleteTemplate(id: string): Promise<void>;
  waitForTemplate(id: string, statuses: TemplateStatus[], opts?: WaitOptions): Promise<Template>;
  /** Every template named exactly `name`; more than one where the engine allows it (data centers, template versions). */
  templatesNamed(name: string): Promise<Template[]>;
  /** A template's graphics devices (/templates/{id}/graphicsconsoles); none means headless. */
  listTemplateGraphicsConsoles(templateId: string): Promise<GraphicsConsole[]>;
  addTemplateGraphicsConsole(templateId: string, protocol: GraphicsConsole["protocol"]): Promise<void>;
  /** Removing the last one makes the template headless (VMs and pools made from it copy that). */
  removeTemplateGraphicsConsole(templateId: string, consoleId: string): Promise<void>;
}

/** What devices read of templates: the disks and NICs the snapshot has (undefined: list them). */
export interface TemplateReads {
  devices(templateId: string): Promise<EngineDevices | undefined>;
}

export function createTemplateCalls(s: EngineSession): { calls: TemplateCalls; reads: TemplateReads } {
  const snapshot = snapshotWithDevices(s, "/templates", "templates", "template", templateFromXml);
  const searchByName = (name: string) => s.listEach("/templates", "templates", "template", templateFromXml, { search: searchTerm("name", name) });
  const findDirect = async (name: string) => exactName(await searchByName(name), name);
  const getTemplate = async (id: string) => (await snapshot.get(id))?.entity;
  const findTemplateByName = findByName(snapshot, (e) => e.entity, findDirect);
  /** Lookups by name or id, once per process like clusters; any template write forgets them. */
  const resolved = new Map<string, Promise<Template>>();
  const templateWrite = <R>(id: string, op: () => Promise<R>): Promise<R> => {
    resolved.clear();
    return snapshot.write(id, op);
  };

  const calls: TemplateCalls = {
    resolveTemplate: (nameOrId) => remembered(resolved, nameOrId, () => resolveBy("template", nameOrId, getTemplate, findTemplateByName)),
    getTemplate: (id, opts = {}) => opts.allContent
      ? s.getOne(`/templates/${seg(id)}`, "template", templateFromXml, { all_content: "true" }, { "All-Content": "true" })
      : getTemplate(id),
    findTemplateByName,
    createTemplate: (t) => {
      resolved.clear();
      snapshot.touchName(t.name);
      const post = () => s.create({
        what: "template", name: t.name, marker: t.comment, lookup: () => findDirect(t.name),
        post: async () => {
          const { doc, context } = await s.sendXml("POST", "/templates", templateCreateToXml(t));
          return templateFromXml(rootElement(doc ?? {}, "template", context), context);
        },
      });
      // The source VM is locked while its disks are copied: its reads ask the engine from now on.
      return t.vm.id ? s.vmWrite(t.vm.id, post) : post();
    },
    updateTemplate: (id, patch) => {
      if (patch.name !== undefined) snapshot.touchName(patch.name);
      return templateWrite(id, async () => {
        const { doc, context } = await s.sendXml("PUT", `/templates/${seg(id)}`, templateUpdateToXml(patch), { idempotent: true });
        return templateFromXml(rootElement(doc ?? {}, "template", context), context);
      });
    },
    deleteTemplate: (id) => templateWrite(id, () => s.remove(`/templates/${seg(id)}`)),
    waitForTemplate: (id, statuses, opts) => s.waits.forStatus("template", id, statuses, async () => (await snapshot.fresh(id))?.entity, opts),
    templatesNamed: async (name) => namedExactly(await searchByName(name), name),
    listTemplateGraphicsConsoles: (templateId) => s.list(`/templates/${seg(templateId)}/graphicsconsoles`, "graphics_consoles", "graphics_console", consoleFromXml),
    // Its display changes with its devices: the template's cached copy is forgotten.
    addTemplateGraphicsConsole: (templateId, protocol) => templateWrite(templateId, async () => {
      await s.sendXml("POST", `/templates/${seg(templateId)}/graphicsconsoles`, { graphics_console: { protocol } });
    }),
    removeTemplateGraphicsConsole: (templateId, consoleId) => templateWrite(templateId, () => s.remove(`/templates/${seg(templateId)}/graphicsconsoles/${seg(consoleId)}`)),
  };
  return { calls, reads: { devices: async (templateId) => devicesOf((await snapshot.get(templateId))?.entity) } };
}
