// The resources' logic against an in-memory engine: check, diff, create, read, update, delete,
// preview with unknowns, pending restart, pool shrink refusal and partial failure.

import { beforeEach, describe, expect, it } from "vitest";
import { consolePolicyResource, poolResource, previewDomainXmlFunction, templateResource, vmResource } from "../../provider/registry.ts";
import { shapeRemoteViewerFile } from "../../provider/resources/consolePolicy.ts";
import { firstPoolVmName } from "../../provider/resources/pool.ts";
import { PlannedSettings } from "../../provider/resources/plans.ts";
import { USER_ROLE_ID } from "../../provider/resources/users.ts";
import { waitTimeoutMs } from "../../provider/resources/waits.ts";
import type { PropertyMap, ResourceContext, ResourceHandler } from "../../provider/resources/types.ts";
import { PartialFailure, UNKNOWN } from "../../provider/resources/types.ts";
import { FakeEngine } from "./resources-fake-engine.ts";

let engine: FakeEngine;
let logs: string[];
let ctx: ResourceContext;
let previewCtx: ResourceContext;

beforeEach(() => {
  engine = new FakeEngine();
  logs = [];
  ctx = { engine, preview: false, log: (m) => logs.push(m), signal: new AbortController().signal, plans: new PlannedSettings(), urn: "urn:pulumi:test::proj::ovirt:index:Vm::desk" };
  previewCtx = { ...ctx, preview: true };
});

async function checked(handler: ResourceHandler, news: PropertyMap, olds: PropertyMap = {}) {
  const result = await handler.check({ news, olds }, ctx);
  expect(result.failures).toEqual([]);
  return result.inputs;
}

async function failuresOf(handler: ResourceHandler, news: PropertyMap, olds: PropertyMap = {}) {
  const result = await handler.check({ news, olds }, ctx);
  return result.failures;
}

async function createVm(news: PropertyMap) {
  const inputs = await checked(vmResource, news);
  const { id, outputs } = await vmResource.create({ inputs }, ctx);
  return { id, inputs, outputs };
}

describe("Vm check", () => {
  it("applies the schema's defaults", async () => {
    const inputs = await checked(vmResource, { name: "desk" });
    expect(inputs).toMatchObject({ cluster: "Default", template: "Blank", memoryMb: 1024, cpuCores: 1, vmType: "desktop", usbEnabled: false, running: false, displayType: "spice", smartcardEnabled: false });
  });

  it.each([
    [{ memoryMb: "lots" }, "memoryMb", /whole number/],
    [{ memoryMb: 1.5 }, "memoryMb", /whole number/],
    [{ cpuCores: 0 }, "cpuCores", /at least 1/],
    [{ displayType: "rdp" }, "displayType", /"spice", "vnc"/],
    [{ vmType: "gaming" }, "vmType", /"desktop", "server", "high_performance"/],
    [{ monitors: 3 }, "monitors", /1, 2, 4/],
    // Like the others, the smartcard rule names its properties in backticks and ends with its fix and a period.
    [{ smartcardEnabled: true, displayType: "vnc" }, "smartcardEnabled", /needs a SPICE display, but `displayType` is "vnc".*Set `displayType` to "spice", or set `smartcardEnabled` to false\.$/],
    [{ smartcardEnabled: true, vmType: "high_performance", usbEnabled: false }, "smartcardEnabled", /Set `usbEnabled` to true, choose `vmType` "desktop" or "server", or set `smartcardEnabled` to false\.$/],
    [{ name: "" }, "name", /empty/],
    [{ name: "x".repeat(65) }, "name", /at most 64/],
    [{ colour: "red" }, "colour", /not a property/],
    [{ running: "yes" }, "running", /true or false/],
  ])("refuses %j naming the property", async (extra, property, reason) => {
    const failures = await failuresOf(vmResource, { name: "desk", ...extra });
    expect(failures.map((f) => f.property)).toContain(property);
    expect(failures.find((f) => f.property === property)!.reason).toMatch(reason);
    expect(engine.writes()).toEqual([]);
  });

  it("says a missing name is required", async () => {
    const failures = await failuresOf(vmResource, {});
    expect(failures).toEqual([{ property: "name", reason: expect.stringMatching(/required/) }]);
  });

  it("accepts a smartcard on a high-performance VM with USB on", async () => {
    await checked(vmResource, { name: "hp", smartcardEnabled: true, vmType: "high_performance", usbEnabled: true });
  });

  it("leaves unknown inputs alone during preview and keeps them unknown", async () => {
    const inputs = await checked(vmResource, { name: UNKNOWN, memoryMb: UNKNOWN, smartcardEnabled: true });
    expect(inputs.name).toBe(UNKNOWN);
    expect(inputs.memoryMb).toBe(UNKNOWN);
    expect(inputs.cpuCores).toBe(1);
  });
});

describe("Vm diff", () => {
  it("reports no changes for the same inputs", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk" });
    const diff = await vmResource.diff({ id, olds: outputs, news: await checked(vmResource, { name: "desk" }), oldInputs: inputs });
    expect(diff).toEqual({ changes: false, replaces: [], detailedDiff: {}, deleteBeforeReplace: false });
  });

  it("plans a smartcard flip as an in-place update", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk" });
    const diff = await vmResource.diff({ id, olds: outputs, news: await checked(vmResource, { name: "desk", smartcardEnabled: true }), oldInputs: inputs });
    expect(diff).toMatchObject({ changes: true, replaces: [], detailedDiff: { smartcardEnabled: "update" } });
  });

  it("replaces on a cluster change, deleting first since the name stays", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk" });
    const diff = await vmResource.diff({ id, olds: outputs, news: await checked(vmResource, { name: "desk", cluster: "Other" }), oldInputs: inputs });
    expect(diff).toMatchObject({ replaces: ["cluster"], detailedDiff: { cluster: "update-replace" }, deleteBeforeReplace: true });
    const renamed = await vmResource.diff({ id, olds: outputs, news: await checked(vmResource, { name: "desk2", cluster: "Other" }), oldInputs: inputs });
    expect(renamed.deleteBeforeReplace).toBe(false);
  });

  it("shows pendingRestart when a Down-only field changes on a running VM", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk", running: true });
    const diff = await vmResource.diff({ id, olds: outputs, news: await checked(vmResource, { name: "desk", running: true, monitors: 2 }), oldInputs: inputs });
    expect(diff.detailedDiff).toEqual({ monitors: "add", pendingRestart: "update" });
    const memoryOnly = await vmResource.diff({ id, olds: outputs, news: await checked(vmResource, { name: "desk", running: true, memoryMb: 2048 }), oldInputs: inputs });
    expect(memoryOnly.detailedDiff).toEqual({ memoryMb: "update" });
  });

  it("treats an unknown new value as a change", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk" });
    const diff = await vmResource.diff({ id, olds: outputs, news: { ...inputs, template: UNKNOWN }, oldInputs: inputs });
    expect(diff.replaces).toEqual(["template"]);
  });
});

describe("Vm lifecycle", () => {
  it("creates with resolved ids, the domain XML and the console description", async () => {
    const { id, outputs } = await createVm({ name: "desk", smartcardEnabled: true, running: true });
    expect(id).toMatch(/^vm-/);
    expect(outputs).toMatchObject({ vmId: id, clusterId: "cluster-default", templateId: "00000000-0000-0000-0000-000000000000", status: "up", cluster: "Default", template: "Blank", consoleDescription: "Spice with Smartcard", pendingRestart: false });
    expect(outputs.domainXml).toContain('<smartcard mode="passthrough" type="spicevmc"/>');
    expect(engine.calls).toContain(`startVm ${id}`);
  });

  it("computes domainXml and consoleDescription in preview and leaves engine outputs unknown", async () => {
    const inputs = await checked(vmResource, { name: "desk", smartcardEnabled: true });
    const { id, outputs } = await vmResource.create({ inputs }, previewCtx);
    expect(id).toBe("");
    expect(outputs).toMatchObject({ vmId: UNKNOWN, status: UNKNOWN, consoleDescription: "Spice with Smartcard" });
    expect(outputs.domainXml).toContain("<smartcard");
    expect(engine.writes()).toEqual([]);
  });

  it("leaves outputs unknown in preview when their inputs are unknown", async () => {
    const inputs = await checked(vmResource, { name: "desk", displayType: UNKNOWN });
    const { outputs } = await vmResource.create({ inputs }, previewCtx);
    expect(outputs.domainXml).toBe(UNKNOWN);
    expect(outputs.consoleDescription).toBe(UNKNOWN);
  });

  it("reports a create that did not become ready as a partial failure keeping the id", async () => {
    engine.newVmStatus = "image_locked";
    engine.waitsTimeOut = true;
    const inputs = await checked(vmResource, { name: "slow" });
    const error = await vmResource.create({ inputs }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialFailure);
    const partial = error as PartialFailure;
    expect(partial.id).toMatch(/^vm-/);
    expect(partial.outputs.vmId).toBe(partial.id);
    expect(partial.reasons.join()).toMatch(/timed out/);
  });

  it("keeps a Down-only change on a running VM as next-run configuration: pendingRestart, values read back", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk", running: true });
    const news = await checked(vmResource, { name: "desk", running: true, smartcardEnabled: true });
    const updated = await vmResource.update({ id, olds: outputs, news, oldInputs: inputs }, ctx);
    expect(updated).toMatchObject({ pendingRestart: true, smartcardEnabled: true, consoleDescription: "Spice with Smartcard", status: "up" });
    expect(logs.join()).toMatch(/smartcardEnabled will only take effect after it is stopped and started again/);
    const read = await vmResource.read({ id, olds: updated, oldInputs: news }, ctx);
    expect(read!.inputs.smartcardEnabled).toBe(true);
    expect(read!.outputs.pendingRestart).toBe(true);
    // Stopping applies it.
    const stopped = await vmResource.update({ id, olds: updated, news: { ...news, running: false }, oldInputs: news }, ctx);
    expect(stopped).toMatchObject({ pendingRestart: false, smartcardEnabled: true, status: "down" });
  });

  it("updates a stopped VM in place with only the changed fields", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk" });
    const news = await checked(vmResource, { name: "desk", memoryMb: 2048, description: "hi" });
    const updated = await vmResource.update({ id, olds: outputs, news, oldInputs: inputs }, ctx);
    expect(updated).toMatchObject({ memoryMb: 2048, description: "hi", pendingRestart: false });
    const update = engine.calls.find((c) => c.startsWith("updateVm"))!;
    expect(JSON.parse(update.slice(update.indexOf("{")))).toEqual({ description: "hi", memory: 2048 * 1024 * 1024 });
  });

  it("starts and stops with `running`", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk" });
    const up = await vmResource.update({ id, olds: outputs, news: { ...inputs, running: true }, oldInputs: inputs }, ctx);
    expect(up.status).toBe("up");
    const down = await vmResource.update({ id, olds: up, news: inputs, oldInputs: { ...inputs, running: true } }, ctx);
    expect(down.status).toBe("down");
  });

  it("reads drift, and reads a deleted VM as gone", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk" });
    engine.vms.get(id)!.display!.smartcard_enabled = true;
    const read = await vmResource.read({ id, olds: outputs, oldInputs: inputs }, ctx);
    expect(read!.inputs).toMatchObject({ smartcardEnabled: true, cluster: "Default", template: "Blank" });
    expect(logs.join()).toMatch(/changed in the engine since the last read: smartcardEnabled/);
    engine.vms.delete(id);
    expect(await vmResource.read({ id, olds: outputs, oldInputs: inputs }, ctx)).toBeUndefined();
  });

  it("imports by id with inputs that check cleanly and diff as no change", async () => {
    const { id, inputs } = await createVm({ name: "desk", memoryMb: 2048, monitors: 2 });
    const imported = await vmResource.read({ id, olds: {}, oldInputs: {} }, ctx);
    expect(imported!.inputs).toMatchObject({ name: "desk", cluster: "Default", template: "Blank", memoryMb: 2048, monitors: 2 });
    expect(imported!.inputs).not.toHaveProperty("copyPasteEnabled");
    const rechecked = await checked(vmResource, imported!.inputs);
    const diff = await vmResource.diff({ id, olds: imported!.outputs, news: await checked(vmResource, { name: "desk", memoryMb: 2048, monitors: 2 }), oldInputs: rechecked });
    expect(diff.changes).toBe(false);
    expect(inputs.name).toBe("desk");
  });

  it("previews an update without the engine: recomputed XML, predicted pendingRestart, unknown status when starting", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk", running: true });
    engine.calls = [];
    const news = await checked(vmResource, { name: "desk", running: true, smartcardEnabled: true });
    const planned = await vmResource.update({ id, olds: outputs, news, oldInputs: inputs }, previewCtx);
    expect(planned).toMatchObject({ vmId: id, pendingRestart: true, status: "up", consoleDescription: "Spice with Smartcard" });
    expect(planned.domainXml).toContain("<smartcard");
    const stopping = await vmResource.update({ id, olds: outputs, news: { ...news, running: false }, oldInputs: inputs }, previewCtx);
    expect(stopping).toMatchObject({ pendingRestart: false, status: UNKNOWN });
    expect(engine.writes()).toEqual([]);
  });

  it("reports an update whose start did not finish as a partial failure", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk" });
    engine.waitsTimeOut = true;
    const error = (await vmResource.update({ id, olds: outputs, news: { ...inputs, running: true }, oldInputs: inputs }, ctx).catch((e: unknown) => e)) as PartialFailure;
    expect(error).toBeInstanceOf(PartialFailure);
    expect(error.id).toBe(id);
    expect(error.reasons.join()).toMatch(/partly updated.*timed out/);
  });

  it("stops a running VM before deleting it, and waits until it is gone", async () => {
    const { id, outputs } = await createVm({ name: "desk", running: true });
    await vmResource.delete({ id, olds: outputs }, ctx);
    expect(engine.vms.has(id)).toBe(false);
    const order = engine.calls.filter((c) => /^(stopVm|deleteVm|waitForVmGone)/.test(c));
    expect(order).toEqual([`stopVm ${id}`, `deleteVm ${id}`, `waitForVmGone ${id}`]);
    await vmResource.delete({ id, olds: outputs }, ctx); // already gone: quiet
  });
});

describe("Template", () => {
  it("creates from a down VM, waits until ok, and updates display settings in place", async () => {
    const vm = await createVm({ name: "golden", smartcardEnabled: true });
    const inputs = await checked(templateResource, { name: "tpl", sourceVm: vm.id, smartcardEnabled: true });
    const { id, outputs } = await templateResource.create({ inputs }, ctx);
    expect(outputs).toMatchObject({ templateId: id, status: "ok", consoleDescription: "Spice with Smartcard" });
    const news = await checked(templateResource, { name: "tpl", sourceVm: vm.id, smartcardEnabled: false });
    const diff = await templateResource.diff({ id, olds: outputs, news, oldInputs: inputs });
    expect(diff).toMatchObject({ replaces: [], detailedDiff: { smartcardEnabled: "update" } });
    const updated = await templateResource.update({ id, olds: outputs, news, oldInputs: inputs }, ctx);
    expect(updated.consoleDescription).toBe("Spice");
    expect(engine.templates.get(id)!.display!.smartcard_enabled).toBe(false);
  });

  it("refuses a running source VM, saying to stop it", async () => {
    const vm = await createVm({ name: "golden", running: true });
    const inputs = await checked(templateResource, { name: "tpl", sourceVm: vm.id });
    await expect(templateResource.create({ inputs }, ctx)).rejects.toThrow(/is up.*running: false/);
    expect(engine.calls.some((c) => c.startsWith("createTemplate"))).toBe(false);
  });

  it("names sourceVm when it is missing and refuses a VNC smartcard", async () => {
    expect((await failuresOf(templateResource, { name: "tpl" })).map((f) => f.property)).toEqual(["sourceVm"]);
    expect((await failuresOf(templateResource, { name: "tpl", sourceVm: "x", displayType: "vnc", smartcardEnabled: true })).map((f) => f.property)).toEqual(["smartcardEnabled"]);
  });

  it("replaces on a new sourceVm, but an imported template adopts it", async () => {
    const diff = await templateResource.diff({ id: "t", olds: {}, news: { name: "tpl", sourceVm: "b", displayType: "spice", smartcardEnabled: false }, oldInputs: { name: "tpl", sourceVm: "a", displayType: "spice", smartcardEnabled: false } });
    expect(diff).toMatchObject({ replaces: ["sourceVm"], deleteBeforeReplace: true });
    const adopted = await templateResource.diff({ id: "t", olds: {}, news: { name: "tpl", sourceVm: "b", displayType: "spice", smartcardEnabled: false }, oldInputs: { name: "tpl", sourceVm: "", displayType: "spice", smartcardEnabled: false } });
    expect(adopted.changes).toBe(false);
  });

  it("reports a template that did not become ok as a partial failure", async () => {
    const vm = await createVm({ name: "golden" });
    engine.waitsTimeOut = true;
    const inputs = await checked(templateResource, { name: "tpl", sourceVm: vm.id });
    const error = (await templateResource.create({ inputs }, ctx).catch((e: unknown) => e)) as PartialFailure;
    expect(error).toBeInstanceOf(PartialFailure);
    expect(error.id).toMatch(/^tpl-/);
  });
});

async function makeTemplate(smartcard: boolean) {
  const vm = await createVm({ name: `golden-${smartcard}`, smartcardEnabled: smartcard });
  const inputs = await checked(templateResource, { name: `tpl-${smartcard}`, sourceVm: vm.id, smartcardEnabled: smartcard });
  return (await templateResource.create({ inputs }, ctx)).id;
}

describe("Pool", () => {
  it("creates the pool with smartcard on its VMs and outputs names, description and XML", async () => {
    const template = await makeTemplate(false);
    const inputs = await checked(poolResource, { name: "desk", template: "tpl-false", size: 3, smartcardEnabled: true, memoryMb: 2048, cpuCores: 2, vmType: "desktop", usbEnabled: true });
    const { id, outputs } = await poolResource.create({ inputs }, ctx);
    expect(outputs).toMatchObject({ poolId: id, templateId: template, vmNames: ["desk-1", "desk-2", "desk-3"], consoleDescription: "Spice with Smartcard", template: "tpl-false" });
    expect(outputs.domainXml).toContain("<smartcard");
    expect(outputs.domainXml).toContain("desk-1");
    const preview = await poolResource.create({ inputs }, previewCtx);
    expect(preview.outputs.domainXml).toBe(outputs.domainXml);
    expect(preview.outputs.vmNames).toBe(UNKNOWN);
  });

  // The REST API's AddVmPool takes no graphics-device list: the engine's pool VMs get the
  // template's consoles, on creation and when the pool grows, and the provider removes them.
  it("a headless pool: each desktop loses the template's consoles, also those added when it grows (#24)", async () => {
    await makeTemplate(false);
    const inputs = await checked(poolResource, { name: "dark", template: "tpl-false", size: 1, headless: true });
    const { id, outputs } = await poolResource.create({ inputs }, ctx);
    expect(outputs.headless).toBe(true);
    expect((await engine.listPoolVms(id)).map((vm) => vm.display)).toEqual([undefined]);
    const grown = await checked(poolResource, { ...inputs, size: 3 }, inputs);
    const updated = await poolResource.update({ id, olds: outputs, news: grown, oldInputs: inputs }, ctx);
    expect(updated.headless).toBe(true);
    expect((await engine.listPoolVms(id)).map((vm) => vm.display)).toEqual([undefined, undefined, undefined]);
  });

  it("headless: false gives a desktop that came without a console (a headless template's copy) the program's display type (#24)", async () => {
    await makeTemplate(false);
    const inputs = await checked(poolResource, { name: "lit", template: "tpl-false", size: 1, headless: false, displayType: "vnc" });
    const { id, outputs } = await poolResource.create({ inputs }, ctx);
    // As the engine's AddVm copies a headless template's (missing) consoles.
    for (const vm of await engine.listPoolVms(id)) delete engine.vms.get(vm.id)!.display;
    const grown = await checked(poolResource, { ...inputs, size: 2 }, inputs);
    await poolResource.update({ id, olds: outputs, news: grown, oldInputs: inputs }, ctx);
    const [first, added] = await engine.listPoolVms(id);
    expect(first!.display?.type).toBe("vnc");
    expect(added!.display).toBeDefined();
  });

  it("leaves domainXml unknown in preview when VM settings come from the template", async () => {
    const inputs = await checked(poolResource, { name: "desk", template: "tpl" });
    const { outputs } = await poolResource.create({ inputs }, previewCtx);
    expect(outputs).toMatchObject({ domainXml: UNKNOWN, consoleDescription: "Spice", poolId: UNKNOWN });
    expect(engine.writes()).toEqual([]);
  });

  it("refuses at check a move to a template of another lineage, naming template; a template change is never a replacement (#23)", async () => {
    await makeTemplate(false);
    await makeTemplate(true);
    const olds = await checked(poolResource, { name: "desk", template: "tpl-false", size: 2 });
    await poolResource.create({ inputs: olds }, ctx);
    const failures = await failuresOf(poolResource, { ...olds, template: "tpl-true" }, olds);
    expect(failures).toEqual([{ property: "template", reason: expect.stringMatching(/cannot move pool desk's desktops to tpl-true .*not a version of tpl-false.*new `name`/) }]);
    const diff = await poolResource.diff({ id: "p", olds, news: { ...olds, template: "tpl-true" }, oldInputs: olds });
    expect(diff).toMatchObject({ replaces: [], detailedDiff: { template: "update" } });
  });

  it("rollout is next-start by default; another value is refused naming rollout; groups are normalised (#23)", async () => {
    expect(await checked(poolResource, { name: "desk", template: "tpl", groups: ["vdi-users@internal", "vdi-users@internal-authz"] })).toMatchObject({ rollout: "next-start", groups: ["vdi-users@internal-authz"] });
    expect((await failuresOf(poolResource, { name: "desk", template: "tpl", rollout: "now" })).map((f) => f.property)).toEqual(["rollout"]);
    expect((await failuresOf(poolResource, { name: "desk", template: "tpl", groups: ["no-domain"] })).map((f) => f.property)).toEqual(["groups"]);
  });

  it("refuses a shrink at check time naming size, and in diff", async () => {
    const olds = await checked(poolResource, { name: "desk", template: "tpl", size: 5 });
    const failures = await failuresOf(poolResource, { name: "desk", template: "tpl", size: 3 }, olds);
    expect(failures).toEqual([{ property: "size", reason: expect.stringMatching(/cannot go down from 5 to 3.*at 5 or more/) }]);
    const news = { ...olds, size: 3 };
    await expect(poolResource.diff({ id: "p", olds, news, oldInputs: olds })).rejects.toThrow(/size/);
    // Allowed when the pool is replaced anyway.
    expect(await failuresOf(poolResource, { name: "desk2", template: "tpl", size: 3 }, olds)).toEqual([]);
  });

  it("grows in place and replaces on display, type or name changes", async () => {
    const olds = await checked(poolResource, { name: "desk", template: "tpl", size: 2 });
    const grow = await poolResource.diff({ id: "p", olds, news: { ...olds, size: 4 }, oldInputs: olds });
    expect(grow).toMatchObject({ replaces: [], detailedDiff: { size: "update" } });
    const smartcard = await poolResource.diff({ id: "p", olds, news: { ...olds, smartcardEnabled: true }, oldInputs: olds });
    expect(smartcard).toMatchObject({ replaces: ["smartcardEnabled"], deleteBeforeReplace: true });
    const type = await poolResource.diff({ id: "p", olds, news: { ...olds, poolType: "manual", name: "other" }, oldInputs: olds });
    expect(type.replaces.sort()).toEqual(["name", "poolType"]);
    expect(type.deleteBeforeReplace).toBe(false);
  });

  it.each([
    [{ prestartedVms: 3, size: 2 }, "prestartedVms"],
    [{ size: 0 }, "size"],
    [{ template: "Blank" }, "template"],
    [{ maxUserVms: 0 }, "maxUserVms"],
    [{ poolType: "random" }, "poolType"],
    [{ smartcardEnabled: true, displayType: "vnc" }, "smartcardEnabled"],
  ])("refuses %j naming the property", async (extra, property) => {
    const failures = await failuresOf(poolResource, { name: "desk", template: "tpl", ...extra });
    expect(failures.map((f) => f.property)).toEqual([property]);
  });

  it("updates size in place, reads back and deletes", async () => {
    await makeTemplate(true);
    const inputs = await checked(poolResource, { name: "p-??", template: "tpl-true", size: 1, smartcardEnabled: true });
    const { id, outputs } = await poolResource.create({ inputs }, ctx);
    const news = { ...inputs, size: 2 };
    const updated = await poolResource.update({ id, olds: outputs, news, oldInputs: inputs }, ctx);
    expect((updated.vmNames as string[]).length).toBe(2);
    const read = await poolResource.read({ id, olds: updated, oldInputs: news }, ctx);
    expect(read!.inputs).toMatchObject({ size: 2, smartcardEnabled: true, template: "tpl-true" });
    await poolResource.delete({ id, olds: updated }, ctx);
    expect(engine.pools.size).toBe(0);
    expect(await poolResource.read({ id, olds: updated, oldInputs: news }, ctx)).toBeUndefined();
  });

  it("names the first pool VM as the engine does", () => {
    expect(firstPoolVmName("desk-???")).toBe("desk-001");
    expect(firstPoolVmName("pool")).toBe("pool-1");
  });
});

describe("ConsolePolicy", () => {
  it("needs exactly one of vmId and poolId", async () => {
    expect((await failuresOf(consolePolicyResource, {})).map((f) => f.property)).toEqual(["vmId"]);
    expect((await failuresOf(consolePolicyResource, { vmId: "a", poolId: "b" })).map((f) => f.property)).toEqual(["poolId"]);
    expect((await failuresOf(consolePolicyResource, { vmId: "a", ticketExpirySeconds: 0 })).map((f) => f.property)).toEqual(["ticketExpirySeconds"]);
    expect((await failuresOf(consolePolicyResource, { vmId: "a", disconnectAction: "explode" })).map((f) => f.property)).toEqual(["disconnectAction"]);
  });

  it("refuses smartcardEnabled: true over a target without a smartcard, saying to enable it there", async () => {
    const vm = await createVm({ name: "plain" });
    const failures = await failuresOf(consolePolicyResource, { vmId: vm.id, smartcardEnabled: true });
    // (objectContaining: the failure also carries its hints, for the front ends to word.)
    expect(failures).toEqual([expect.objectContaining({ property: "smartcardEnabled", reason: expect.stringMatching(/enable it on the target/) })]);
    expect(engine.writes()).toEqual(["createVm plain"]);
  });

  it("at preview, trusts the smartcard this run plans for its VM over the engine's current one", async () => {
    // Preview of one up that enables the VM's smartcard and adds a policy keeping it on: the VM's
    // step answers first (nothing changes in the engine), then the policy is checked.
    const vm = await createVm({ name: "gains-card" });
    await vmResource.update({ id: vm.id, olds: vm.outputs, news: { ...vm.inputs, smartcardEnabled: true }, oldInputs: vm.inputs }, previewCtx);
    expect(engine.vms.get(vm.id)!.display?.smartcard_enabled).not.toBe(true);
    expect(await failuresOf(consolePolicyResource, { vmId: vm.id, smartcardEnabled: true })).toEqual([]);

    // And the other way round: a VM losing its smartcard in this run fails the same policy.
    const carded = await createVm({ name: "loses-card", smartcardEnabled: true });
    await vmResource.update({ id: carded.id, olds: carded.outputs, news: { ...carded.inputs, smartcardEnabled: false }, oldInputs: carded.inputs }, previewCtx);
    const failures = await failuresOf(consolePolicyResource, { vmId: carded.id, smartcardEnabled: true });
    expect(failures.map((f) => f.property)).toEqual(["smartcardEnabled"]);
  });

  it("applies engine-side settings to the VM and shapes a .vv without live credentials", async () => {
    const vm = await createVm({ name: "desk", smartcardEnabled: true, running: true });
    const inputs = await checked(consolePolicyResource, { vmId: vm.id, smartcardEnabled: false, sso: "none", disconnectAction: "logout", ticketExpirySeconds: 60 });
    const { id, outputs } = await consolePolicyResource.create({ inputs }, ctx);
    expect(id).toBe(`vm:${vm.id}`);
    const settings = engine.nextRun.get(vm.id) ?? engine.vms.get(vm.id)!;
    expect(settings.sso_methods).toEqual([]);
    expect(engine.vms.get(vm.id)!.display!.disconnect_action).toBe("LOGOUT");
    expect(outputs).toMatchObject({ effectiveSmartcard: false, consoleDescription: "Spice" });
    const vv = outputs.remoteViewerFile as string;
    expect(vv).toContain("enable-smartcard=0");
    expect(vv).toContain("host=10.0.0.5");
    expect(vv).not.toMatch(/password=|s3cr3t|sso-token|tok-123/);
    expect(vv).toContain("60 seconds");
  });

  it("composes a .vv from the target's settings when the VM is down, and reads drift", async () => {
    const vm = await createVm({ name: "desk", smartcardEnabled: true });
    const inputs = await checked(consolePolicyResource, { vmId: vm.id });
    const { id, outputs } = await consolePolicyResource.create({ inputs }, ctx);
    expect(outputs).toMatchObject({ effectiveSmartcard: true, consoleDescription: "Spice with Smartcard" });
    expect(outputs.remoteViewerFile).toMatch(/enable-smartcard=1/);
    expect(outputs.remoteViewerFile).toContain(`vm-guid=${vm.id}`);
    engine.vms.get(vm.id)!.display!.disconnect_action = "SHUTDOWN";
    const read = await consolePolicyResource.read({ id, olds: outputs, oldInputs: inputs }, ctx);
    expect(read!.inputs).toMatchObject({ vmId: vm.id, disconnectAction: "shutdown", ticketExpirySeconds: 120 });
    const imported = await consolePolicyResource.read({ id, olds: {}, oldInputs: {} }, ctx);
    expect(imported!.inputs).toMatchObject({ vmId: vm.id, sso: "guest_agent" });
    await expect(consolePolicyResource.read({ id: "nonsense", olds: {}, oldInputs: {} }, ctx)).rejects.toThrow(/vm:<vm id>/);
    engine.vms.delete(vm.id);
    expect(await consolePolicyResource.read({ id, olds: outputs, oldInputs: inputs }, ctx)).toBeUndefined();
  });

  it("applies to every VM of a pool", async () => {
    await makeTemplate(true);
    const pool = await poolResource.create({ inputs: await checked(poolResource, { name: "p", template: "tpl-true", size: 2, smartcardEnabled: true }) }, ctx);
    const inputs = await checked(consolePolicyResource, { poolId: pool.id, disconnectAction: "reboot", smartcardEnabled: true });
    const { id, outputs } = await consolePolicyResource.create({ inputs }, ctx);
    expect(id).toBe(`pool:${pool.id}`);
    const poolVms = [...engine.vms.values()].filter((v) => v.vm_pool?.id === pool.id);
    expect(poolVms.map((v) => v.display!.disconnect_action)).toEqual(["REBOOT", "REBOOT"]);
    expect(outputs.effectiveSmartcard).toBe(true);
  });

  it("previews without the engine, knowing what it can", async () => {
    const inputs = await checked(consolePolicyResource, { vmId: UNKNOWN, smartcardEnabled: false });
    const { outputs } = await consolePolicyResource.create({ inputs }, previewCtx);
    expect(outputs).toMatchObject({ effectiveSmartcard: false, consoleDescription: UNKNOWN, remoteViewerFile: UNKNOWN });
    expect(engine.writes()).toEqual([]);
  });

  it("updates in place, and previews an update from the old outputs", async () => {
    const vm = await createVm({ name: "desk", smartcardEnabled: true });
    const inputs = await checked(consolePolicyResource, { vmId: vm.id });
    const { id, outputs } = await consolePolicyResource.create({ inputs }, ctx);
    const news = await checked(consolePolicyResource, { vmId: vm.id, disconnectAction: "shutdown", disconnectActionDelayMinutes: 5 });
    const diff = await consolePolicyResource.diff({ id, olds: outputs, news, oldInputs: inputs });
    expect(diff).toMatchObject({ replaces: [], detailedDiff: { disconnectAction: "update", disconnectActionDelayMinutes: "update" } });
    engine.calls = [];
    const planned = await consolePolicyResource.update({ id, olds: outputs, news, oldInputs: inputs }, previewCtx);
    expect(planned).toMatchObject({ effectiveSmartcard: true, remoteViewerFile: outputs.remoteViewerFile });
    expect(engine.writes()).toEqual([]);
    await consolePolicyResource.update({ id, olds: outputs, news, oldInputs: inputs }, ctx);
    expect(engine.vms.get(vm.id)!.display).toMatchObject({ disconnect_action: "SHUTDOWN", disconnect_action_delay: 5 });
    const moved = await consolePolicyResource.diff({ id, olds: outputs, news: { ...news, vmId: "other" }, oldInputs: inputs });
    expect(moved.replaces).toEqual(["vmId"]);
  });

  it("delete changes nothing on the target", async () => {
    const vm = await createVm({ name: "desk" });
    const before = structuredClone(engine.vms.get(vm.id));
    await consolePolicyResource.delete({ id: `vm:${vm.id}`, olds: {} }, ctx);
    expect(engine.vms.get(vm.id)).toEqual(before);
  });

  it("shapes engine .vv files", () => {
    const raw = "[virt-viewer]\ntype=spice\npassword=abc\n# Password is valid for 120 seconds.\n\n[ovirt]\nsso-token=xyz\n";
    const shaped = shapeRemoteViewerFile(raw, true, 30);
    expect(shaped).not.toMatch(/abc|xyz/);
    expect(shaped).toContain("enable-smartcard=1");
  });
});

describe("users (UserRole on a VM or pool)", () => {
  const userRole = (kind: "vm" | "pool", id: string) =>
    (engine.permissions.get(`${kind}:${id}`) ?? []).filter((p) => p.role?.id === USER_ROLE_ID).map((p) => p.user?.id).sort();

  it("normalises login names to the engine's, sorted and without duplicates, and plans no change for either spelling", async () => {
    const inputs = await checked(vmResource, { name: "desk", users: ["bob@internal", "alice@internal-authz", "alice@internal"] });
    expect(inputs.users).toEqual(["alice@internal-authz", "bob@internal-authz"]);
    const again = await checked(vmResource, { name: "desk", users: ["alice@internal", "bob@internal-authz"] });
    expect((await vmResource.diff({ id: "vm-1", olds: inputs, news: again, oldInputs: inputs })).changes).toBe(false);
  });

  it("fails the check naming users for a malformed name; one the engine does not know yet is a warning, and nothing is written", async () => {
    const malformed = await failuresOf(vmResource, { name: "desk", users: ["alice"] });
    expect(malformed).toEqual([{ property: "users", reason: expect.stringMatching(/"alice" is not one/) }]);
    const unknown = await poolResource.check({ news: { name: "p", template: "tpl", users: ["carol@internal"] }, olds: {} }, ctx);
    expect(unknown.failures).toEqual([]);
    expect(unknown.warnings?.filter((w) => w.property === "users")).toEqual([{ property: "users", reason: expect.stringMatching(/does not know the user carol@internal-authz yet\. The apply adds it from the directory internal-authz/) }]);
    expect(engine.writes()).toEqual([]);
  });

  it("fails the check naming users or groups for a name the directory lacks or a profile the engine has no directory for (/domains, BackendDomainUsersResource)", async () => {
    const lacking = await poolResource.check({ news: { name: "p", template: "tpl", users: ["dave@internal"], groups: ["nobody@internal"] }, olds: {} }, ctx);
    expect(lacking.failures).toEqual([
      { property: "users", reason: expect.stringMatching(/^`users`: the directory internal-authz has no user dave, .*Check the name and its profile/) },
    ]);
    const noGroup = await vmResource.check({ news: { name: "d", groups: ["nobody@internal"] }, olds: {} }, ctx);
    expect(noGroup.failures).toEqual([{ property: "groups", reason: expect.stringMatching(/^`groups`: the directory internal-authz has no group nobody/) }]);
    const badProfile = await vmResource.check({ news: { name: "d", users: ["carol@corp"] }, olds: {} }, ctx);
    expect(badProfile.failures).toEqual([{ property: "users", reason: expect.stringMatching(/the profile "corp" \(the part after "@"\) is not one it knows\. Its profiles: internal \(internal-authz\)\. Fix the profile/) }]);
    // Unknown at preview: nothing is asked, nothing fails.
    const unknownValue = await vmResource.check({ news: { name: "d", users: [UNKNOWN] }, olds: {} }, ctx);
    expect(unknownValue.failures).toEqual([]);
    expect(engine.writes()).toEqual([]);
  });

  it("adds a directory user the engine does not know (POST /users: AddUserCommand), records it, and removes it with the VM when nothing else uses it (RemoveUserCommand)", async () => {
    const { id, outputs } = await createVm({ name: "desk", users: ["carol@internal"] });
    const carol = engine.users.find((u) => u.user_name === "carol@internal-authz");
    expect(carol).toBeDefined();
    expect(userRole("vm", id)).toEqual([carol!.id]);
    expect(outputs.addedPrincipals).toEqual(["user:carol@internal-authz"]);
    // Refresh keeps the record: the engine cannot say who added a user.
    expect((await vmResource.read({ id, olds: outputs, oldInputs: {} }, ctx))!.outputs.addedPrincipals).toEqual(["user:carol@internal-authz"]);
    await vmResource.delete({ id, olds: outputs }, ctx);
    expect(engine.users.map((u) => u.user_name)).not.toContain("carol@internal-authz");
    expect(engine.calls).toContain(`removePrincipal user ${carol!.id}`);
  });

  it("keeps an added user that another permission still refers to, and a user it did not add", async () => {
    const first = await createVm({ name: "desk-a", users: ["carol@internal", "alice@internal"] });
    const second = await createVm({ name: "desk-b", users: ["carol@internal"] });
    expect(first.outputs.addedPrincipals).toEqual(["user:carol@internal-authz"]);
    expect(second.outputs.addedPrincipals).toEqual([]);
    await vmResource.delete({ id: first.id, olds: first.outputs }, ctx);
    expect(engine.users.map((u) => u.user_name)).toEqual(expect.arrayContaining(["carol@internal-authz", "alice@internal-authz"]));
    expect(engine.calls.filter((c) => c.startsWith("removePrincipal"))).toEqual([]);
  });

  it("claims a known group no permission refers to (a permission re-granted after drift keeps the record), never one in use", async () => {
    engine.engineGroups.push({ id: "group-idle", name: "vdi-users", domain: { name: "internal-authz" } });
    const first = await createVm({ name: "desk-a", groups: ["vdi-users@internal"] });
    expect(first.outputs.addedPrincipals).toEqual(["group:vdi-users@internal-authz"]);
    const second = await createVm({ name: "desk-b", groups: ["vdi-users@internal"] });
    expect(second.outputs.addedPrincipals).toEqual([]);
    await vmResource.delete({ id: second.id, olds: second.outputs }, ctx);
    await vmResource.delete({ id: first.id, olds: first.outputs }, ctx);
    expect(engine.engineGroups).toEqual([]);
  });

  it("a destroy run again after the VM is gone still removes what it added; a failed removal says the VM is gone", async () => {
    const { id, outputs } = await createVm({ name: "desk", users: ["carol@internal"] });
    const remove = engine.removePrincipal.bind(engine);
    engine.removePrincipal = async () => {
      throw new Error("engine unavailable");
    };
    const error = (await vmResource.delete({ id, olds: outputs }, ctx).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^VM desk was deleted, but what it added to the engine could not all be removed: the user carol@internal-authz: engine unavailable\. Run the destroy again/);
    expect(await engine.getVm(id)).toBeUndefined();
    engine.removePrincipal = remove;
    await vmResource.delete({ id, olds: outputs }, ctx);
    expect(engine.users.map((u) => u.user_name)).not.toContain("carol@internal-authz");
  });

  it("gives exactly the listed users UserRole on a VM, and leaves other roles alone", async () => {
    const { id, inputs, outputs } = await createVm({ name: "desk", users: ["alice@internal"] });
    expect(userRole("vm", id)).toEqual(["user-alice"]);
    expect(outputs.users).toEqual(["alice@internal-authz"]);
    await engine.addPermission({ kind: "vm", id }, { role: "UserVmManager", userId: "user-alice" });

    const news = await checked(vmResource, { name: "desk", users: ["bob@internal"] });
    const updated = await vmResource.update({ id, olds: outputs, news, oldInputs: inputs }, ctx);
    expect(userRole("vm", id)).toEqual(["user-bob"]);
    expect(updated.users).toEqual(["bob@internal-authz"]);
    expect((engine.permissions.get(`vm:${id}`) ?? []).map((p) => p.role?.id)).toContain("role-UserVmManager");

    // Out of band, alice is given the VM again: refresh reports it as drift.
    await engine.addPermission({ kind: "vm", id }, { role: "UserRole", userId: "user-alice" });
    const read = await vmResource.read({ id, olds: updated, oldInputs: news }, ctx);
    expect(read!.inputs.users).toEqual(["alice@internal-authz", "bob@internal-authz"]);
  });

  it("does not touch permissions when users is unset, and an import shows only users that exist", async () => {
    const { id, outputs, inputs } = await createVm({ name: "plain" });
    expect(engine.calls.filter((c) => /Permission/.test(c))).toEqual([]);
    expect((await vmResource.read({ id, olds: outputs, oldInputs: inputs }, ctx))!.inputs.users).toBeUndefined();
    expect((await vmResource.read({ id, olds: {}, oldInputs: {} }, ctx))!.inputs.users).toBeUndefined();
    await engine.addPermission({ kind: "vm", id }, { role: "UserRole", userId: "user-bob" });
    expect((await vmResource.read({ id, olds: {}, oldInputs: {} }, ctx))!.inputs.users).toEqual(["bob@internal-authz"]);
  });

  it("gives a pool's users UserRole on the pool, at creation and on update", async () => {
    await makeTemplate(true);
    const inputs = await checked(poolResource, { name: "p", template: "tpl-true", size: 2, users: ["alice@internal"] });
    const pool = await poolResource.create({ inputs }, ctx);
    expect(userRole("pool", pool.id)).toEqual(["user-alice"]);
    const news = await checked(poolResource, { ...inputs, users: ["alice@internal", "bob@internal"] }, inputs);
    expect((await poolResource.diff({ id: pool.id, olds: pool.outputs, news, oldInputs: inputs })).detailedDiff).toEqual({ users: "update" });
    const updated = await poolResource.update({ id: pool.id, olds: pool.outputs, news, oldInputs: inputs }, ctx);
    expect(userRole("pool", pool.id)).toEqual(["user-alice", "user-bob"]);
    expect(updated.users).toEqual(["alice@internal-authz", "bob@internal-authz"]);
  });

  it("a user deleted from the engine between check and create is a partial failure that keeps the VM", async () => {
    const inputs = await checked(vmResource, { name: "desk", users: ["alice@internal"] });
    engine.users = engine.users.filter((u) => u.id !== "user-alice");
    const error = (await vmResource.create({ inputs }, ctx).catch((e: unknown) => e)) as PartialFailure;
    expect(error).toBeInstanceOf(PartialFailure);
    expect(error.id).toMatch(/^vm-/);
    expect(error.reasons.join()).toMatch(/`users`: the directory internal-authz has no user alice \(the engine said: No such user: alice@internal-authz/);
  });
});

describe("previewDomainXml", () => {
  it("renders the smartcard device", async () => {
    const { outputs, failures } = await previewDomainXmlFunction.invoke({ name: "d", smartcardEnabled: true, usbEnabled: true }, ctx);
    expect(failures).toEqual([]);
    expect(outputs.xml).toContain('<smartcard mode="passthrough" type="spicevmc"/>');
  });

  it("renders disks and NICs with the schema's defaults: a qcow2 disk on virtio-scsi, a virtio NIC on the network's bridge", async () => {
    const { outputs, failures } = await previewDomainXmlFunction.invoke({
      name: "d",
      disks: [{ name: "os", sizeGb: 20, bootable: true }, { name: "data", sizeGb: 5, interface: "virtio", format: "raw" }],
      nics: [{ name: "nic1", network: "vdi" }, { name: "nic2", vnicProfile: "lab", interface: "rtl8139" }],
    }, ctx);
    expect(failures).toEqual([]);
    const xml = String(outputs.xml);
    expect(xml).toContain('<controller type="scsi" index="0" model="virtio-scsi"/>');
    expect(xml).toMatch(/<driver name="qemu" type="qcow2"[^>]*\/>\s*<source file="\/rhev\/data-center\/mnt\/default\/default\/images\/os\/os"\/>\s*<target dev="sda" bus="scsi"\/>\s*<boot order="1"\/>/);
    expect(xml).toMatch(/<driver name="qemu" type="raw"[^>]*\/>\s*<source [^>]*\/>\s*<target dev="vda" bus="virtio"\/>/);
    expect(xml).toMatch(/<source bridge="vdi"\/>\s*<model type="virtio"\/>/);
    expect(xml).toMatch(/<source bridge="lab"\/>\s*<model type="rtl8139"\/>/);
  });

  it("fails naming the disk and the NIC at fault", async () => {
    const { failures } = await previewDomainXmlFunction.invoke({
      name: "d",
      disks: [{ name: "a", sizeGb: 1, bootable: true }, { name: "b", sizeGb: 1, bootable: true }],
      nics: [{ name: "n", network: "vdi", vnicProfile: "vdi" }],
    }, ctx);
    expect(failures.map((f) => f.property)).toEqual(["disks[1].bootable", "nics[0].vnicProfile"]);
  });

  it("fails naming smartcardEnabled for VNC", async () => {
    const { failures } = await previewDomainXmlFunction.invoke({ name: "d", smartcardEnabled: true, displayType: "vnc" }, ctx);
    expect(failures.map((f) => f.property)).toEqual(["smartcardEnabled"]);
  });
});

describe("wait timeout setting", () => {
  it("reads OVIRT_WAIT_TIMEOUT_SECONDS and falls back to 10 minutes", () => {
    expect(waitTimeoutMs({ OVIRT_WAIT_TIMEOUT_SECONDS: "2" })).toBe(2000);
    expect(waitTimeoutMs({ OVIRT_WAIT_TIMEOUT_SECONDS: "soon" })).toBe(600_000);
    expect(waitTimeoutMs({})).toBe(600_000);
  });
});
