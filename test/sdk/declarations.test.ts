// Every property in schema.json reaches the SDK's type declarations (sdk/nodejs/bin/*.d.ts), which
// are what a user's editor and `tsc` see. The generated tsconfig has `stripInternal`, so tsc drops
// any declaration whose doc comment contains the text "@internal" (as in an example user name):
// this once hid `username` from ProviderArgs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, SDK_DIR, ensureSdkBuilt } from "./helpers.ts";

interface Spec {
  inputProperties?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  inputs?: { properties?: Record<string, unknown> };
}
const schema = JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as {
  config: { variables: Record<string, unknown> };
  provider: Spec;
  resources: Record<string, Spec>;
  functions: Record<string, Spec>;
};

/** `ovirt:index:ConsolePolicy` → `ConsolePolicy`. */
const nameOf = (token: string) => token.split(":")[2]!;
const fileOf = (name: string) => join(SDK_DIR, "bin", `${name[0]!.toLowerCase()}${name.slice(1)}.d.ts`);

/** The members declared in one `export interface X {…}` or `export declare class X …{…}` of a .d.ts. */
function members(dts: string, header: RegExp): string[] {
  const start = dts.search(header);
  if (start < 0) return [];
  const body = dts.slice(start, dts.indexOf("\n}", start));
  return [...body.matchAll(/^ {4}(?:declare )?(?:public )?(?:readonly )?(\w+)\??:/gm)].map((m) => m[1]!);
}

describe("the SDK's declarations carry every schema property", () => {
  beforeAll(() => ensureSdkBuilt(), 120_000);

  it("no schema text contains @internal, which tsc's stripInternal would act on", () => {
    const text = readFileSync(join(REPO_ROOT, "schema.json"), "utf8");
    expect(text.includes("@internal"), 'write an example user without the text "@internal"').toBe(false);
  });

  const cases: [string, string, Spec][] = [
    ["Provider", fileOf("provider"), schema.provider],
    ...Object.entries(schema.resources).map(([token, spec]): [string, string, Spec] => [nameOf(token), fileOf(nameOf(token)), spec]),
  ];
  for (const [name, file, spec] of cases) {
    it(`${name}: its Args interface and its class`, () => {
      const dts = readFileSync(file, "utf8");
      const args = members(dts, new RegExp(`export interface ${name}Args \\{`));
      expect(args.sort()).toEqual(Object.keys(spec.inputProperties ?? {}).sort());
      const outputs = members(dts, new RegExp(`export declare class ${name} `));
      for (const property of Object.keys(spec.properties ?? {})) expect(outputs, `${name}.${property}`).toContain(property);
    });
  }

  it("config: every provider setting is exported from config/vars", () => {
    const dts = readFileSync(join(SDK_DIR, "bin", "config", "vars.d.ts"), "utf8");
    const exported = [...dts.matchAll(/^export declare const (\w+)/gm)].map((m) => m[1]);
    expect(exported.sort()).toEqual(Object.keys(schema.config.variables).sort());
  });

  for (const [token, spec] of Object.entries(schema.functions)) {
    const name = nameOf(token);
    it(`${name}: its Args interface`, () => {
      const args = members(readFileSync(fileOf(name), "utf8"), new RegExp(`export interface ${name[0]!.toUpperCase()}${name.slice(1)}Args \\{`));
      expect(args.sort()).toEqual(Object.keys(spec.inputs?.properties ?? {}).sort());
    });
  }
});
