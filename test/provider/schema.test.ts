// schema.json and the zod input schemas derived from it must agree exactly: every property has a
// zod field of the right type and default, required inputs are required, enums match, and zod
// knows nothing schema.json does not.

import { describe, expect, it } from "vitest";
import {
  enumValues, functionTokens, inputProperties, inputSchema, packageSchema, replaceOnChangesProperties, requiredInputs, resourceTokens,
  secretProperties, type PropertySpec,
} from "../../provider/schema.ts";

const tokens = [...resourceTokens(), ...functionTokens()];

/** A valid value of the property's type, different from its default when there is one. */
function sampleOf(spec: PropertySpec): unknown {
  const values = enumValues(spec);
  if (values) return values.find((v) => v !== spec.default) ?? values[0];
  switch (spec.type) {
    case "string": return "x";
    case "integer": return spec.default === 2 ? 3 : 2;
    case "number": return 2.5;
    case "boolean": return spec.default === true ? false : true;
    case "array": return [];
    default: return {};
  }
}

/** Values of other types that must be refused. */
function wrongValuesOf(spec: PropertySpec): unknown[] {
  if (enumValues(spec)) return ["not-a-member", 1, true];
  switch (spec.type) {
    case "string": return [1, true, {}];
    case "integer": return [1.5, "1", true];
    case "number": return ["1", true];
    case "boolean": return ["true", 1];
    default: return [];
  }
}

/** Minimal valid inputs: every required input set. */
function minimalInputs(token: string): Record<string, unknown> {
  const props = inputProperties(token);
  return Object.fromEntries(requiredInputs(token).map((name) => [name, sampleOf(props[name]!)]));
}

describe.each(tokens)("zod input schema of %s agrees with schema.json", (token) => {
  const props = inputProperties(token);
  const schema = inputSchema(token);

  it("has exactly the schema's input properties", () => {
    expect(Object.keys(schema.shape).sort()).toEqual(Object.keys(props).sort());
  });

  it("accepts minimal inputs and fills every default", () => {
    const parsed = schema.parse(minimalInputs(token)) as Record<string, unknown>;
    for (const [name, spec] of Object.entries(props)) {
      if (spec.default !== undefined) expect(parsed[name], name).toEqual(spec.default);
      else if (!requiredInputs(token).includes(name)) expect(parsed[name], name).toBeUndefined();
    }
  });

  it.each(Object.keys(props))("types %s as schema.json does", (name) => {
    const spec = props[name]!;
    const ok = schema.safeParse({ ...minimalInputs(token), [name]: sampleOf(spec) });
    expect(ok.success, `${name} accepts a ${spec.type ?? spec.$ref}`).toBe(true);
    for (const wrong of wrongValuesOf(spec)) {
      const bad = schema.safeParse({ ...minimalInputs(token), [name]: wrong });
      expect(bad.success, `${name} refuses ${JSON.stringify(wrong)}`).toBe(false);
    }
  });

  it("requires exactly the required inputs", () => {
    for (const name of requiredInputs(token)) {
      const inputs = minimalInputs(token);
      delete inputs[name];
      expect(schema.safeParse(inputs).success, `${name} is required`).toBe(false);
    }
  });

  it("accepts every enum value and nothing else", () => {
    for (const [name, spec] of Object.entries(props)) {
      const values = enumValues(spec);
      if (!values) continue;
      for (const value of values) expect(schema.safeParse({ ...minimalInputs(token), [name]: value }).success).toBe(true);
      expect(schema.safeParse({ ...minimalInputs(token), [name]: `${values[0]}x` }).success).toBe(false);
    }
  });

  it("refuses a property the schema does not know", () => {
    expect(schema.safeParse({ ...minimalInputs(token), notAProperty: 1 }).success).toBe(false);
  });
});

describe("schema helpers", () => {
  it("lists replaceOnChanges properties from schema.json", () => {
    expect(replaceOnChangesProperties("ovirt:index:Vm").sort()).toEqual(["cloneFromTemplate", "cluster", "template"]);
    expect(replaceOnChangesProperties("ovirt:index:Pool")).toEqual(expect.arrayContaining(["name", "poolType", "stateful", "cluster", "smartcardEnabled"]));
    expect(replaceOnChangesProperties("ovirt:index:Pool")).not.toContain("size");
    // A pool moves to another version of its template in place (#23).
    expect(replaceOnChangesProperties("ovirt:index:Pool")).not.toContain("template");
  });

  it("lists secret properties from schema.json", () => {
    expect(secretProperties("ovirt:index:ConsolePolicy")).toEqual(["remoteViewerFile"]);
    expect(secretProperties("ovirt:index:Vm")).toEqual([]);
  });

  it("keeps every resource's inputs among its properties, and required inputs among its inputs", () => {
    for (const [token, resource] of Object.entries(packageSchema.resources)) {
      for (const name of Object.keys(resource.inputProperties)) expect(resource.properties, `${token}.${name}`).toHaveProperty(name);
      for (const name of resource.requiredInputs ?? []) expect(resource.inputProperties, `${token}.${name}`).toHaveProperty(name);
      for (const name of resource.required ?? []) expect(resource.properties, `${token}.${name}`).toHaveProperty(name);
    }
  });

  it("keeps the contract names of the issue", () => {
    const names = (token: string) => Object.keys(packageSchema.resources[token]!.properties);
    const display = ["displayType", "smartcardEnabled", "monitors", "copyPasteEnabled", "fileTransferEnabled"];
    expect(names("ovirt:index:Vm")).toEqual(expect.arrayContaining([
      "name", "cluster", "template", "memoryMb", "cpuCores", "description", "vmType", "usbEnabled", "running", ...display,
      "vmId", "status", "consoleDescription", "domainXml", "pendingRestart",
    ]));
    expect(names("ovirt:index:Template")).toEqual(expect.arrayContaining(["name", "sourceVm", "description", ...display]));
    expect(names("ovirt:index:Pool")).toEqual(expect.arrayContaining([
      "name", "cluster", "template", "size", "prestartedVms", "maxUserVms", "poolType", "stateful", ...display,
      "poolId", "vmNames", "consoleDescription", "domainXml",
    ]));
    expect(names("ovirt:index:ConsolePolicy")).toEqual(expect.arrayContaining([
      "vmId", "poolId", "smartcardEnabled", "sso", "disconnectAction", "disconnectActionDelayMinutes", "allowReconnect",
      "ticketExpirySeconds", "effectiveSmartcard", "consoleDescription", "remoteViewerFile",
    ]));
  });
});
