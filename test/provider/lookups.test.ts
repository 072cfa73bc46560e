// The lookup functions (getCluster, getTemplate, getVm, getPool) against the in-memory engine: the
// cases the emulator cannot produce (two templates of one name, also through gRPC's Invoke), the
// input rules, and that the outputs are exactly what schema.json declares.

import { beforeEach, describe, expect, it } from "vitest";
import { createProviderServer } from "../../provider/pulumi/index.ts";
import { lookupFunctions } from "../../provider/resources/lookups.ts";
import { connectProvider, secret } from "./harness.ts";
import { functionSpec } from "../../provider/schema.ts";
import { getClusterFunction, getPoolFunction, getTemplateFunction, getVmFunction } from "../../provider/registry.ts";
import { PlannedSettings } from "../../provider/resources/plans.ts";
import type { FunctionHandler, ResourceContext } from "../../provider/resources/types.ts";
import { UNKNOWN } from "../../provider/resources/types.ts";
import { FakeEngine } from "./resources-fake-engine.ts";

let engine: FakeEngine;
let ctx: ResourceContext;

beforeEach(() => {
  engine = new FakeEngine();
  ctx = { engine, preview: true, log: () => undefined, signal: new AbortController().signal, plans: new PlannedSettings(), urn: "" };
  engine.templates.set("tpl-a", { id: "tpl-a", name: "win11", status: "ok", memory: 4096 * 1024 * 1024, display: { type: "spice", smartcard_enabled: true } });
  engine.vms.set("vm-a", {
    id: "vm-a", name: "desk-01", status: "up", cluster: { id: "cluster-default" }, template: { id: "tpl-a" },
    memory: 2048 * 1024 * 1024, cpu: { topology: { sockets: 1, cores: 2, threads: 1 } }, display: { type: "vnc", smartcard_enabled: false },
  });
});

const LOOKUPS: FunctionHandler[] = [getClusterFunction, getTemplateFunction, getVmFunction, getPoolFunction];

describe("lookup inputs", () => {
  it.each(LOOKUPS.map((f) => [f.token, f]))("%s wants name or id, exactly one, before asking the engine", async (_token, lookup) => {
    const neither = await lookup.invoke({}, ctx);
    expect(neither.failures).toEqual([{ property: "name", reason: expect.stringMatching(/give `name` .* or `id`/) }]);
    const both = await lookup.invoke({ name: "x", id: "y" }, ctx);
    expect(both.failures).toEqual([{ property: "id", reason: expect.stringMatching(/not both/) }]);
    const blank = await lookup.invoke({ name: " " }, ctx);
    expect(blank.failures.map((f) => f.property)).toEqual(["name"]);
    const typo = await lookup.invoke({ nmae: "x" }, ctx);
    expect(typo.failures.map((f) => f.property)).toContain("nmae");
    expect(engine.calls).toEqual([]);
  });

  it("an input not known yet during preview gives unknown outputs, not a failure", async () => {
    expect(await getVmFunction.invoke({ name: UNKNOWN }, ctx)).toEqual({ outputs: {}, failures: [] });
    expect(engine.calls).toEqual([]);
  });
});

describe("lookup matches", () => {
  it("a name that matches two templates fails on `name`, listing both ids", async () => {
    engine.templates.set("tpl-b", { id: "tpl-b", name: "win11", status: "ok" });
    const { outputs, failures } = await getTemplateFunction.invoke({ name: "win11" }, ctx);
    expect(outputs).toEqual({});
    expect(failures).toEqual([{ property: "name", reason: '2 templates are named "win11" (ids tpl-a, tpl-b); give the `id` of the one you mean.' }]);
    // The id picks exactly one.
    expect((await getTemplateFunction.invoke({ id: "tpl-b" }, ctx)).outputs.id).toBe("tpl-b");
  });

  it("names are matched exactly: another case is no match", async () => {
    const { failures } = await getVmFunction.invoke({ name: "DESK-01" }, ctx);
    expect(failures).toEqual([{ property: "name", reason: expect.stringMatching(/no VM named "DESK-01" .*case included/) }]);
  });

  it("an unknown id fails on `id`", async () => {
    const { failures } = await getClusterFunction.invoke({ id: "cluster-nope" }, ctx);
    expect(failures).toEqual([{ property: "id", reason: expect.stringMatching(/no cluster with id cluster-nope/) }]);
  });

  it("a VM's settings come from the engine", async () => {
    const { outputs, failures } = await getVmFunction.invoke({ name: "desk-01" }, ctx);
    expect(failures).toEqual([]);
    expect(outputs).toMatchObject({
      id: "vm-a", status: "up", running: true, clusterId: "cluster-default", templateId: "tpl-a", poolId: "",
      memoryMb: 2048, cpuCores: 2, displayType: "vnc", smartcardEnabled: false, consoleDescription: expect.stringMatching(/VNC/i),
    });
  });

  // The engine reports cpu.topology as sockets, cores per socket and threads per core; a Vm's
  // cpuCores counts cores per socket beside cpuSockets and cpuThreads, and so do the lookups.
  it("cpuCores is the engine's cores per socket (cpu.topology.cores), with sockets and threads beside it", async () => {
    engine.vms.set("vm-b", {
      id: "vm-b", name: "desk-02", status: "down", cluster: { id: "cluster-default" }, template: { id: "tpl-a" },
      memory: 4096 * 1024 * 1024, cpu: { topology: { sockets: 2, cores: 3, threads: 2 } }, display: { type: "spice", smartcard_enabled: false },
    });
    engine.templates.set("tpl-c", { id: "tpl-c", name: "wide", status: "ok", memory: 4096 * 1024 * 1024, cpu: { topology: { sockets: 4, cores: 2, threads: 1 } } });
    const vm = (await getVmFunction.invoke({ id: "vm-b" }, ctx)).outputs;
    expect(vm).toMatchObject({ cpuCores: 3, cpuSockets: 2, cpuThreads: 2 });
    const template = (await getTemplateFunction.invoke({ id: "tpl-c" }, ctx)).outputs;
    expect(template).toMatchObject({ cpuCores: 2, cpuSockets: 4, cpuThreads: 1 });
  });

  it("a template without a display is headless; one with a display is not", async () => {
    engine.templates.set("tpl-d", { id: "tpl-d", name: "dark", status: "ok", memory: 1024 * 1024 * 1024 });
    expect((await getTemplateFunction.invoke({ id: "tpl-d" }, ctx)).outputs).toMatchObject({ headless: true, consoleDescription: "Headless" });
    expect((await getTemplateFunction.invoke({ id: "tpl-a" }, ctx)).outputs).toMatchObject({ headless: false, consoleDescription: "Spice with Smartcard" });
  });

  it("every output is declared in schema.json, and every required one is there", async () => {
    const pool = await engine.createPool({ name: "pool", cluster: { id: "cluster-default" }, template: { id: "tpl-a" }, size: 2 });
    const cases: [FunctionHandler, Record<string, string>][] = [
      [getClusterFunction, { name: "Default" }],
      [getTemplateFunction, { name: "win11" }],
      [getVmFunction, { id: "vm-a" }],
      [getPoolFunction, { id: pool.id }],
    ];
    for (const [lookup, args] of cases) {
      const { outputs, failures } = await lookup.invoke(args, ctx);
      expect(failures, lookup.token).toEqual([]);
      const spec = functionSpec(lookup.token).outputs;
      const declared = Object.keys(spec?.properties ?? {});
      expect(declared, lookup.token).toEqual(expect.arrayContaining(Object.keys(outputs)));
      expect(Object.keys(outputs), lookup.token).toEqual(expect.arrayContaining(spec?.required ?? []));
    }
  });
});

describe("an ambiguous name through gRPC's Invoke", () => {
  it("reaches the caller as a failure on `name`, as the SDK shows it", async () => {
    engine.templates.set("tpl-b", { id: "tpl-b", name: "win11", status: "ok" });
    const server = createProviderServer({ resources: [], functions: lookupFunctions, engineFactory: () => engine, writeLog: () => undefined, env: {} });
    const client = connectProvider(`127.0.0.1:${await server.listen()}`);
    try {
      await client.configure({ url: "https://engine.test/ovirt-engine/api", username: "admin@internal", password: secret("Lookup-Pa55word") });
      const { outputs, failures } = await client.invoke("ovirt:index:getTemplate", { name: "win11" });
      expect(outputs).toEqual({});
      expect(failures).toEqual([{ property: "name", reason: expect.stringContaining('2 templates are named "win11" (ids tpl-a, tpl-b)') }]);
    } finally {
      client.close();
      await server.shutdown(1000);
    }
  });
});
