// The fake's templates: made only from a down VM, `locked` until waited on.

import { EngineError } from "../../../provider/engine/index.ts";
import type { TemplateCalls, Template, TemplateStatus, Vm } from "../../../provider/engine/index.ts";
import { clone, merge, type FakeState } from "./state.ts";

export function fakeTemplateCalls(s: FakeState): TemplateCalls {
  return {
    async resolveTemplate(nameOrId) {
      s.log(`resolveTemplate ${nameOrId}`);
      const t = [...s.templates.values()].find((x) => x.id === nameOrId || x.name === nameOrId);
      if (!t) throw new EngineError(`template ${nameOrId} not found`, { kind: "not_found", status: 404 });
      return clone(t);
    },
    async getTemplate(id) {
      s.log(`getTemplate ${id}`);
      const t = s.templates.get(id);
      return t ? clone(t) : undefined;
    },
    findTemplateByName: async (name) => [...s.templates.values()].find((t) => t.name === name),
    async createTemplate(template) {
      s.log(`createTemplate ${template.name}`);
      const vm = s.vms.get(template.vm.id!);
      if (!vm || vm.status !== "down") throw new Error("Cannot add Template. VM is locked or still running");
      const created: Template = {
        ...clone(vm), ...clone(template), display: { ...vm.display, ...template.display },
        id: s.newId("tpl"), status: "locked" as TemplateStatus,
      };
      delete (created as unknown as Partial<Vm>).template;
      s.templates.set(created.id, created);
      return clone(created);
    },
    async updateTemplate(id, patch) {
      s.log(`updateTemplate ${id} ${JSON.stringify(patch)}`);
      const t = s.templates.get(id)!;
      merge(t, patch);
      return clone(t);
    },
    async deleteTemplate(id) {
      s.log(`deleteTemplate ${id}`);
      s.templates.delete(id);
    },
    async waitForTemplate(id, statuses) {
      s.log(`waitForTemplate ${id}`);
      if (s.waitsTimeOut) throw new Error(`timed out waiting for template ${id} to be ${statuses.join(" or ")}`);
      const t = s.templates.get(id)!;
      t.status = "ok";
      return clone(t);
    },
    async templatesNamed(name) {
      s.log(`templatesNamed ${name}`);
      return [...s.templates.values()].filter((t) => t.name === name).map(clone);
    },
    // As the fake's VM consoles: one of the display type, none when headless.
    async listTemplateGraphicsConsoles(templateId) {
      s.log(`listTemplateGraphicsConsoles ${templateId}`);
      const t = s.templates.get(templateId);
      if (!t || t.display === undefined) return [];
      const type = t.display.type ?? "spice";
      return [{ id: Buffer.from(type).toString("hex"), protocol: type }];
    },
    async addTemplateGraphicsConsole(templateId, protocol) {
      s.log(`addTemplateGraphicsConsole ${templateId} ${protocol}`);
      const t = s.templates.get(templateId)!;
      t.display = { ...t.display, type: protocol };
    },
    async removeTemplateGraphicsConsole(templateId) {
      s.log(`removeTemplateGraphicsConsole ${templateId}`);
      delete s.templates.get(templateId)!.display;
    },
  };
}
