// The Terraform schema (as GetProviderSchema serves it) agrees with schema.json, the single source
// of truth: one attribute per property, snake_case names, types, descriptions, required, optional,
// computed, sensitive, and replacement. The expectations are read from schema.json here, not from
// the front end's own derivation.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { functionTypes, offeredToTerraform, providerConfig, providerFunctions, resourceTypes, type AttributeSpec } from "../../provider/terraform/schema.ts";
import type { PropertySpec } from "../../provider/schema.ts";

interface Prop {
  type?: string;
  properties?: Record<string, Prop>;
  required?: string[];
  $ref?: string;
  items?: Prop;
  description?: string;
  default?: unknown;
  secret?: boolean;
  replaceOnChanges?: boolean;
}

const schema = JSON.parse(readFileSync(new URL("../../schema.json", import.meta.url), "utf8")) as {
  types: Record<string, Prop>;
  config: { variables: Record<string, Prop> };
  resources: Record<string, { description: string; properties: Record<string, Prop>; inputProperties: Record<string, Prop>; requiredInputs?: string[] }>;
  functions: Record<string, { inputs: { properties: Record<string, Prop>; required?: string[] }; outputs: { properties: Record<string, Prop> } }>;
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The object type a property refers to (itself or its items), if any. */
function objectTypeOf(prop: Prop): Prop | undefined {
  const ref = prop.$ref ?? prop.items?.$ref;
  const type = ref ? schema.types[ref.replace("#/types/", "")] : undefined;
  return type?.type === "object" ? type : undefined;
}

function ctyType(prop: Prop): unknown {
  if (prop.$ref) {
    const object = objectTypeOf(prop);
    return object ? ["object", Object.fromEntries(Object.entries(object.properties ?? {}).map(([n, p]) => [snake(n), ctyType(p)]))] : "string";
  }
  if (prop.type === "array") return ["list", ctyType(prop.items ?? { type: "string" })];
  return { string: "string", integer: "number", number: "number", boolean: "bool" }[prop.type ?? ""];
}

const EXPECTED_TYPE_NAMES: Record<string, string> = {
  "ovirt:index:Vm": "ovirt_vm",
  "ovirt:index:Template": "ovirt_template",
  "ovirt:index:Pool": "ovirt_pool",
  "ovirt:index:ConsolePolicy": "ovirt_console_policy",
  "ovirt:index:Permission": "ovirt_permission",
};

describe("the Terraform schema follows schema.json", () => {
  it("has the four resources, named ovirt_<snake_case>", () => {
    for (const token of Object.keys(EXPECTED_TYPE_NAMES)) expect(schema.resources[token], token).toBeDefined();
    expect([...resourceTypes.keys()].sort()).toEqual(Object.keys(schema.resources).map((t) => `ovirt_${snake(t.split(":")[2]!).replace(/^_/, "")}`).sort());
    for (const [token, name] of Object.entries(EXPECTED_TYPE_NAMES)) expect(resourceTypes.get(name)?.token).toBe(token);
  });

  const nestedObject = (prop: Prop) => objectTypeOf(prop) !== undefined;

  /** The nested attribute's fields agree with the object type: names, types, flags, secrets. */
  function expectNested(attribute: AttributeSpec, prop: Prop, computedOnly: boolean) {
    const object = objectTypeOf(prop)!;
    expect(attribute.nested?.nesting, attribute.name).toBe(prop.type === "array" ? "LIST" : "SINGLE");
    expect(attribute.nested!.attributes.map((a) => a.name), attribute.name).toEqual(Object.keys(object.properties ?? {}).map(snake));
    for (const [property, field] of Object.entries(object.properties ?? {})) {
      const nested = attribute.nested!.byName.get(snake(property))!;
      const output = computedOnly || /^Output:/.test(field.description ?? "");
      const required = !output && (object.required ?? []).includes(property) && field.default === undefined;
      const where = `${attribute.name}.${nested.name}`;
      expect({ required: nested.required, optional: nested.optional, computed: nested.computed }, where).toEqual({ required, optional: !output && !required, computed: !required });
      expect(nested.sensitive, where).toBe(field.secret === true);
      expect(nested.description, where).not.toMatch(/`[a-z]+[A-Z]\w*`/);
      expect(nested.type, where).toEqual(ctyType(field));
      if (nestedObject(field)) expectNested(nested, field, output);
      else expect(nested.nested, where).toBeUndefined();
    }
  }

  it("offers the nested-object properties (disks, nics) as nested attributes with snake_case fields", () => {
    const vm = resourceTypes.get("ovirt_vm")!;
    const disks = vm.byName.get("disks")!;
    expect(disks).toMatchObject({ role: "input", optional: true, computed: true, nested: { nesting: "LIST" } });
    expect(disks.type).toEqual(["list", ["object", expect.objectContaining({ name: "string", size_gb: "number", disk_id: "string" })]]);
    const disk = disks.nested!.byName;
    expect(disk.get("size_gb")).toMatchObject({ property: "sizeGb", required: true, integer: true });
    expect(disk.get("interface")).toMatchObject({ optional: true, computed: true, default: "virtio_scsi" });
    expect(disk.get("disk_id")).toMatchObject({ role: "output", optional: false, required: false, computed: true });
    expect(vm.byName.get("nics")!.nested!.byName.get("mac_address")).toMatchObject({ role: "output", computed: true, optional: false });
    // A template's disks are outputs: every field is computed-only.
    const templateDisks = resourceTypes.get("ovirt_template")!.byName.get("disks")!;
    expect(templateDisks.nested!.attributes.every((a) => a.computed && !a.optional && !a.required)).toBe(true);
  });

  for (const [token, resource] of Object.entries(schema.resources)) {
    it(`${token}: every property is an attribute with its type, flags and description`, () => {
      const spec = resourceTypes.get(EXPECTED_TYPE_NAMES[token] ?? "")!;
      const names = new Set([...Object.keys(resource.inputProperties), ...Object.keys(resource.properties)].map(snake));
      expect(new Set(spec.attributes.map((a) => a.name))).toEqual(new Set(["id", ...names]));
      for (const [property, prop] of Object.entries(resource.inputProperties)) {
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
        if (nestedObject(prop)) expectNested(attribute, prop, false);
        else expect(attribute.nested, property).toBeUndefined();
      }
      for (const [property, prop] of Object.entries(resource.properties)) {
        if (property in resource.inputProperties) continue;
        const attribute = spec.byName.get(snake(property)) as AttributeSpec;
        if (nestedObject(prop)) expectNested(attribute, prop, true);
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
      expect(attribute.description).toMatch(/`OVIRT_[A-Z_]+`/);
    }
    expect(providerConfig.byName.get("password")!.sensitive).toBe(true);
  });

  it("offers previewDomainXml as the data source ovirt_domain_xml and the function preview_domain_xml", () => {
    const fn = functionTypes.get("ovirt_domain_xml")!;
    const spec = schema.functions[fn.token]!;
    expect(fn.functionName).toBe("preview_domain_xml");
    expect(new Set(fn.dataSource.attributes.map((a) => a.name))).toEqual(
      // Nested object lists (disks, nics) are not offered to Terraform yet, as for the Vm resource.
      new Set(Object.entries({ ...spec.inputs.properties, ...spec.outputs.properties }).filter(([, p]) => offeredToTerraform(p as PropertySpec)).map(([name]) => snake(name))),
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
    // getTemplate may also pick one of a lineage's versions (#23).
    const picks = token === "ovirt:index:getTemplate" ? ["versionName", "versionNumber"] : [];
    expect(Object.keys(spec.inputs.properties).sort()).toEqual(["id", "name", ...picks]);
    expect(new Set(fn.dataSource.attributes.map((a) => a.name))).toEqual(new Set(Object.keys(spec.outputs.properties).map(snake)));
    for (const attribute of fn.dataSource.attributes) {
      const prop = spec.outputs.properties[attribute.property]!;
      expect(attribute.type, attribute.name).toEqual(ctyType(prop));
      expect(attribute.computed, attribute.name).toBe(true);
      // name and id are the two ways to pick the entity: either may be given, and the other is filled in.
      expect(attribute.optional, attribute.name).toBe(attribute.name === "name" || attribute.name === "id" || picks.includes(attribute.property));
      expect(attribute.required, attribute.name).toBe(false);
    }
  });

  it("offers only the pure previewDomainXml as a provider function: Terraform calls functions before the provider is configured", () => {
    expect([...providerFunctions.keys()]).toEqual(["preview_domain_xml"]);
    for (const lookup of ["ovirt_cluster", "ovirt_template", "ovirt_vm", "ovirt_pool"]) expect(functionTypes.get(lookup)!.functionName).toBeUndefined();
  });
});
