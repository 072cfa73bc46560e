// Secret fields inside nested object types: schema.json marks `secret: true` on a field of a type
// (a sysprep password inside `initialization`), and only that field leaves the Pulumi front end
// wrapped, whether the program sent it as a secret or in plain.
import { describe, expect, it } from "vitest";
import { schemaInfoFromText } from "../../provider/pulumi/schemaInfo.ts";
import { decodeProperties, encodeProperties, SECRET_SIG, SIG_KEY, valuesAtPaths } from "../../provider/pulumi/values.ts";

// A made-up schema with the shapes that matter: a secret two objects deep, one inside list items,
// and a type that refers to itself (the walk must stop).
const schema = schemaInfoFromText(JSON.stringify({
  name: "test",
  types: {
    "test:index:Init": { properties: { sysprep: { $ref: "#/types/test:index:Sysprep" }, hostname: { type: "string" } } },
    "test:index:Sysprep": { properties: { adminPassword: { type: "string", secret: true }, domain: { type: "string" } } },
    "test:index:Key": { properties: { name: { type: "string" }, material: { type: "string", secret: true } } },
    "test:index:Tree": { properties: { child: { $ref: "#/types/test:index:Tree" }, label: { type: "string" } } },
  },
  resources: {
    "test:index:Vm": {
      inputProperties: {
        initialization: { $ref: "#/types/test:index:Init" },
        keys: { type: "array", items: { $ref: "#/types/test:index:Key" } },
        tree: { $ref: "#/types/test:index:Tree" },
        token: { type: "string", secret: true },
      },
      properties: { initialization: { $ref: "#/types/test:index:Init" } },
    },
  },
}));

/** The value at a dotted path (numbers index lists) of a decoded Struct. */
function at(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, key) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined), value);
}

const isSecret = (v: unknown) => typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;

describe("secret fields of nested object types", () => {
  it("schemaInfo lists them as paths, following $refs and list items, and stops at a type that refers to itself", () => {
    expect([...schema.resourceSecretInputs("test:index:Vm")].sort()).toEqual(["initialization.sysprep.adminPassword", "keys[].material", "token"]);
    expect([...schema.resourceSecretOutputs("test:index:Vm")]).toEqual(["initialization.sysprep.adminPassword"]);
  });

  it("encodeProperties wraps only the nested field; the rest of the object stays readable", () => {
    const struct = encodeProperties(
      {
        initialization: { hostname: "desk-1", sysprep: { adminPassword: "hunter2-long", domain: "corp.example" } },
        keys: [{ name: "a", material: "key-material-a" }, { name: "b" }],
        token: "plain-token",
      },
      schema.resourceSecretInputs("test:index:Vm"),
    ).toJavaScript();
    expect(at(struct, "initialization.hostname")).toBe("desk-1");
    expect(at(struct, "initialization.sysprep.domain")).toBe("corp.example");
    expect(isSecret(at(struct, "initialization.sysprep.adminPassword"))).toBe(true);
    expect(at(struct, "initialization.sysprep.adminPassword.value")).toBe("hunter2-long");
    expect(isSecret(at(struct, "keys.0.material"))).toBe(true);
    expect(at(struct, "keys.0.name")).toBe("a");
    expect(at(struct, "keys.1")).toEqual({ name: "b" });
    expect(isSecret(at(struct, "token"))).toBe(true);
  });

  it("a field that is absent is not added, and the wrapped value decodes back as it was", () => {
    const paths = schema.resourceSecretInputs("test:index:Vm");
    const plain = { initialization: { hostname: "desk-2" } };
    expect(encodeProperties(plain, paths).toJavaScript()).toEqual(plain);
    const decoded = decodeProperties(encodeProperties({ initialization: { sysprep: { adminPassword: "pw-123456" } } }, paths));
    expect(decoded.values).toEqual({ initialization: { sysprep: { adminPassword: "pw-123456" } } });
    expect([...decoded.secretKeys]).toEqual(["initialization"]);
  });

  it("valuesAtPaths finds the strings to scrub from messages, inside objects and list items", () => {
    const found = valuesAtPaths(
      { initialization: { sysprep: { adminPassword: "pw-abcdef" } }, keys: [{ material: "m-1" }, { material: "m-2" }], token: "t" },
      schema.resourceSecretInputs("test:index:Vm"),
    );
    expect(found.sort()).toEqual(["m-1", "m-2", "pw-abcdef", "t"]);
  });
});
