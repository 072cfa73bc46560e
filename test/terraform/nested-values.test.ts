// The translation of nested attributes is generic: any object type, one object (SINGLE) or a list,
// objects inside objects, secret fields, computed-only fields. schema.json has only lists of
// objects today, so an object type with all of those is added to the loaded schema here; the
// functions under test read object types from it exactly as they read VmDisk.

import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../provider/resources/types.ts";
import { packageSchema, type PropertySpec, type TypeSpec } from "../../provider/schema.ts";
import { plannedValue, settledValue } from "../../provider/terraform/plan.ts";
import { ctyTypeOf, nestedSpecOf, type AttributeSpec } from "../../provider/terraform/schema.ts";
import { toCoreValue, toTerraformValue } from "../../provider/terraform/values.ts";

const types: Record<string, TypeSpec> = {
  "test:index:Login": {
    type: "object",
    properties: {
      userName: { type: "string" },
      rootPassword: { type: "string", secret: true },
      keyId: { type: "string", description: "Output: the id the engine gave the key." },
    },
    required: ["userName"],
  },
  "test:index:Init": {
    type: "object",
    properties: {
      hostName: { type: "string" },
      login: { $ref: "#/types/test:index:Login" },
      timeZone: { type: "string", default: "UTC" },
    },
  },
};
Object.assign(packageSchema.types, types);

const property: PropertySpec = { $ref: "#/types/test:index:Init" };
const init: AttributeSpec = {
  name: "initialization", property: "initialization", role: "input", type: ctyTypeOf(property), integer: false,
  required: false, optional: true, computed: true, sensitive: false, forcesReplacement: false, description: "",
  nested: nestedSpecOf(property, false),
};

describe("nested attributes of any object type", () => {
  it("a single object with an object inside: snake_case fields, a secret one sensitive, an Output: one computed-only", () => {
    expect(init.nested!.nesting).toBe("SINGLE");
    expect(init.type).toEqual(["object", { host_name: "string", login: ["object", { user_name: "string", root_password: "string", key_id: "string" }], time_zone: "string" }]);
    const login = init.nested!.byName.get("login")!;
    expect(login).toMatchObject({ property: "login", optional: true, computed: true, nested: { nesting: "SINGLE" } });
    const fields = login.nested!.byName;
    expect(fields.get("user_name")).toMatchObject({ required: true, optional: false, computed: false, sensitive: false });
    expect(fields.get("root_password")).toMatchObject({ required: false, optional: true, computed: true, sensitive: true });
    expect(fields.get("key_id")).toMatchObject({ role: "output", required: false, optional: false, computed: true });
    expect(init.nested!.byName.get("time_zone")).toMatchObject({ optional: true, computed: true, default: "UTC" });
  });

  it("an output object type is computed-only all the way down", () => {
    const output = nestedSpecOf(property, true)!;
    const all = (attributes: AttributeSpec[]): AttributeSpec[] => attributes.flatMap((a) => [a, ...(a.nested ? all(a.nested.attributes) : [])]);
    expect(all(output.attributes).every((a) => a.computed && !a.optional && !a.required)).toBe(true);
  });

  const written = { host_name: "Desk-01", login: { user_name: "admin", root_password: "s3cret", key_id: null }, time_zone: null };

  it("converts both ways: unset fields left out for the core, every field present for Terraform", () => {
    expect(toCoreValue(init, written, false)).toEqual({ hostName: "Desk-01", login: { userName: "admin", rootPassword: "s3cret" } });
    // A prior state's computed fields go to the core too (it matches entries with them).
    expect(toCoreValue(init, { ...written, login: { ...written.login, key_id: "k1" } }, true)).toEqual({ hostName: "Desk-01", login: { userName: "admin", rootPassword: "s3cret", keyId: "k1" } });
    expect(toTerraformValue(init, { hostName: "h", login: { userName: "u" } })).toEqual({ host_name: "h", login: { user_name: "u", root_password: null, key_id: null }, time_zone: null });
    expect(toTerraformValue(init, UNKNOWN)).toBe(UNKNOWN);
  });

  it("plans what was written as written, the default the core fills in, and a computed field unknown on create", () => {
    const core = { hostName: "desk-01", login: { userName: "admin", rootPassword: "s3cret", keyId: UNKNOWN }, timeZone: "UTC" };
    expect(plannedValue(init, written, core, undefined)).toEqual({ host_name: "Desk-01", login: { user_name: "admin", root_password: "s3cret", key_id: UNKNOWN }, time_zone: "UTC" });
    // An unknown field inside the configuration stays unknown.
    const unknownHost = { ...written, host_name: UNKNOWN };
    expect((plannedValue(init, unknownHost, core, undefined) as Record<string, unknown>).host_name).toBe(UNKNOWN);
  });

  it("plans an update keeping a computed field the core does not repeat from the prior object", () => {
    const prior = { host_name: "Desk-01", login: { user_name: "admin", root_password: "s3cret", key_id: "k1" }, time_zone: "UTC" };
    const core = { hostName: "desk-01", login: { userName: "root", rootPassword: "s3cret" }, timeZone: "UTC" };
    const changed = { ...written, login: { ...written.login, user_name: "root" } };
    expect(plannedValue(init, changed, core, prior)).toEqual({ host_name: "Desk-01", login: { user_name: "root", root_password: "s3cret", key_id: "k1" }, time_zone: "UTC" });
  });

  it("settles on the core's values, keeping the user's spelling where the core's check and result agree", () => {
    const planned = { host_name: "Desk-01", login: { user_name: "admin", root_password: "s3cret", key_id: UNKNOWN }, time_zone: "UTC" };
    const checked = { hostName: "desk-01", login: { userName: "admin", rootPassword: "s3cret" }, timeZone: "UTC" };
    const result = { hostName: "desk-01", login: { userName: "admin", rootPassword: "s3cret", keyId: "k2" }, timeZone: "UTC" };
    expect(settledValue(init, planned, checked, result)).toEqual({ host_name: "Desk-01", login: { user_name: "admin", root_password: "s3cret", key_id: "k2" }, time_zone: "UTC" });
    // The engine changed the host name: its value wins.
    expect((settledValue(init, planned, checked, { ...result, hostName: "other" }) as Record<string, unknown>).host_name).toBe("other");
    expect(settledValue(init, planned, checked, undefined)).toBeNull();
  });
});
