// The Terraform schema (as GetProviderSchema serves it) agrees with schema.json, the single source
// of truth: one attribute per property, snake_case names, types, descriptions, required, optional,
// computed, sensitive, and replacement. The expectations are read from schema.json here, not from
// the front end's own derivation.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { functionTypes, providerConfig, providerFunctions, resourceTypes, type AttributeSpec } from "../../provider/terraform/schema.ts";

interface Prop {
  type?: string;
  $ref?: string;
  items?: Prop;
  description?: string;
  default?: unknown;
  secret?: boolean;
  replaceOnChanges?: boolean;
}

const schema = JSON.parse(readFileSync(new URL("../../schema.json", import.meta.url), "utf8")) as {
  config: { variables: Record<string, Prop> };
  resources: Record<string, { description: string; properties: Record<string, Prop>; inputProperties: Record<string, Prop>; requiredInputs?: string[] }>;
  functions: Record<string, { inputs: { properties: Record<string, Prop>; required?: string[] }; outputs: { properties: Record<string, Prop> } }>;
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function ctyType(prop: Prop): unknown {
  if (prop.$ref) return "string";
  if (prop.type === "array") return ["list", ctyType(prop.items ?? { type: "string" })];
  return { string: "string", integer: "number", number: "number", boolean: "bool" }[prop.type ?? ""];
}

const EXPECTED_TYPE_NAMES: Record<string, string> = {
  "ovirt:index:Vm": "ovirt_vm",
  "ovirt:index:Template": "ovirt_template",
  "ovirt:index:Pool": "ovirt_pool",
  "ovirt:index:ConsolePolicy": "ovirt_console_policy",
};

describe("the Terraform schema follows schema.json", () => {
  it("has the four resources, named ovirt_<snake_case>", () => {
    for (const token of Object.keys(EXPECTED_TYPE_NAMES)) expect(schema.resources[token], token).toBeDefined();
    expect([...resourceTypes.keys()].sort()).toEqual(Object.keys(schema.resources).map((t) => `ovirt_${snake(t.split(":")[2]!).replace(/^_/, "")}`).sort());
    for (const [token, name] of Object.entries(EXPECTED_TYPE_NAMES)) expect(resourceTypes.get(name)?.token).toBe(token);
  });

  // Lists of nested objects (a Vm's disks and NICs) are not offered to Terraform yet.
  const nestedObject = (prop: { $ref?: string; items?: { $ref?: string } }) => {
    const ref = prop.$ref ?? prop.items?.$ref;
    return ref !== undefined && (schema as unknown as { types: Record<string, { type: string }> }).types[ref.replace("#/types/", "")]?.type === "object";
  };

  it("leaves the nested-object lists (disks, nics) out of the Terraform schema", () => {
    const names = (type: string) => resourceTypes.get(type)!.attributes.map((a) => a.name);
    expect(nestedObject(schema.resources["ovirt:index:Vm"]!.inputProperties.disks!)).toBe(true);
    expect(names("ovirt_vm")).not.toContain("disks");
    expect(names("ovirt_vm")).not.toContain("nics");
    expect(names("ovirt_vm")).toContain("clone_from_template");
    expect(names("ovirt_template")).not.toContain("disks");
  });

  for (const [token, resource] of Object.entries(schema.resources)) {
    it(`${token}: every property is an attribute with its type, flags and description`, () => {
      const spec = resourceTypes.get(EXPECTED_TYPE_NAMES[token] ?? "")!;
      const offered = (props: Record<string, { $ref?: string; items?: { $ref?: string } }>) => Object.keys(props).filter((p) => !nestedObject(props[p]!));
      const names = new Set([...offered(resource.inputProperties), ...offered(resource.properties)].map(snake));
      expect(new Set(spec.attributes.map((a) => a.name))).toEqual(new Set(["id", ...names]));
      for (const [property, prop] of Object.entries(resource.inputProperties)) {
        if (nestedObject(prop)) continue;
        const attribute = spec.byName.get(snake(property)) as AttributeSpec;
        const required = (resource.requiredInputs ?? []).includes(property) && prop.default === undefined;
        expect({ name: attribute.name, required: attribute.required, optional: attribute.optional }, property).toEqual({ name: snake(property), required, optional: !required });
        expect(attribute.type, property).toEqual(ctyType(prop));
        expect(attribute.forcesReplacement, property).toBe(prop.replaceOnChanges === true);
        expect(attribute.sensitive, property).toBe(prop.secret === true || resource.properties[property]?.secret === true);
        if (prop.replaceOnChanges) expect(attribute.description).toMatch(/replace/i);
        if (prop.default !== undefined) expect(attribute.description).toContain(`Defaults to \`${JSON.stringify(prop.default)}\``);
        // Descriptions speak of attributes, never of the camelCase properties.
        expect(attribute.description).not.toMatch(/`[a-z]+[A-Z]\w*`/);
      }
      for (const [property, prop] of Object.entries(resource.properties)) {
        if (property in resource.inputProperties || nestedObject(prop)) continue;
        const attribute = spec.byName.get(snake(property)) as AttributeSpec;
        expect({ computed: attribute.computed, optional: attribute.optional, required: attribute.required }, property).toEqual({ computed: true, optional: false, required: false });
        expect(attribute.type, property).toEqual(ctyType(prop));
        expect(attribute.sensitive, property).toBe(prop.secret === true);
      }
    });
  }

  it("marks the console file sensitive and the documented attributes as in the issue", () => {
    const names = (type: string) => resourceTypes.get(type)!.attributes.map((a) => a.name);
    expect(names("ovirt_vm")).toEqual(expect.arrayContaining(["memory_mb", "smartcard_enabled", "domain_xml", "pending_restart"]));
    expect(names("ovirt_template")).toContain("source_vm");
    expect(names("ovirt_pool")).toEqual(expect.arrayContaining(["vm_names", "pool_id"]));
    expect(names("ovirt_console_policy")).toEqual(expect.arrayContaining(["pool_id", "ticket_expiry_seconds", "console_description"]));
    expect(resourceTypes.get("ovirt_console_policy")!.byName.get("remote_viewer_file")!.sensitive).toBe(true);
  });

  it("has the provider configuration url, username, password (sensitive), ca_file and insecure with OVIRT_* fallbacks", () => {
    expect(providerConfig.attributes.map((a) => a.name)).toEqual(Object.keys(schema.config.variables).map(snake));
    for (const attribute of providerConfig.attributes) {
      expect(attribute.optional).toBe(true);
      expect(attribute.sensitive).toBe(schema.config.variables[attribute.property]?.secret === true);
      expect(attribute.description).toMatch(/`OVIRT_[A-Z]+`/);
    }
    expect(providerConfig.byName.get("password")!.sensitive).toBe(true);
  });

  it("offers previewDomainXml as the data source ovirt_domain_xml and the function preview_domain_xml", () => {
    const fn = functionTypes.get("ovirt_domain_xml")!;
    const spec = schema.functions[fn.token]!;
    expect(fn.functionName).toBe("preview_domain_xml");
    expect(new Set(fn.dataSource.attributes.map((a) => a.name))).toEqual(
      new Set([...Object.keys(spec.inputs.properties), ...Object.keys(spec.outputs.properties)].map(snake)),
    );
    expect(fn.dataSource.byName.get("xml")!.computed).toBe(true);
    for (const required of spec.inputs.required ?? []) expect(fn.dataSource.byName.get(snake(required))!.required).toBe(true);
  });

  it.each([
    ["ovirt:index:getCluster", "ovirt_cluster"],
    ["ovirt:index:getTemplate", "ovirt_template"],
    ["ovirt:index:getVm", "ovirt_vm"],
    ["ovirt:index:getPool", "ovirt_pool"],
  ])("offers the lookup %s as the data source %s, with name and id to give and every output computed", (token, name) => {
    const fn = functionTypes.get(name)!;
    expect(fn.token).toBe(token);
    const spec = schema.functions[token]!;
    expect(Object.keys(spec.inputs.properties).sort()).toEqual(["id", "name"]);
    expect(new Set(fn.dataSource.attributes.map((a) => a.name))).toEqual(new Set(Object.keys(spec.outputs.properties).map(snake)));
    for (const attribute of fn.dataSource.attributes) {
      const prop = spec.outputs.properties[attribute.property]!;
      expect(attribute.type, attribute.name).toEqual(ctyType(prop));
      expect(attribute.computed, attribute.name).toBe(true);
      // name and id are the two ways to pick the entity: either may be given, and the other is filled in.
      expect(attribute.optional, attribute.name).toBe(attribute.name === "name" || attribute.name === "id");
      expect(attribute.required, attribute.name).toBe(false);
    }
  });

  it("offers only the pure previewDomainXml as a provider function: Terraform calls functions before the provider is configured", () => {
    expect([...providerFunctions.keys()]).toEqual(["preview_domain_xml"]);
    for (const lookup of ["ovirt_cluster", "ovirt_template", "ovirt_vm", "ovirt_pool"]) expect(functionTypes.get(lookup)!.functionName).toBeUndefined();
  });
});
