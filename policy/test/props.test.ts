import { unknownCheckingProxy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { describeResource } from "../lib/describe.ts";
import { knownBoolean, knownInteger, knownString, knownStrings, UNKNOWN_SENTINELS } from "../lib/props.ts";
import { ALL_SDK_SENTINELS, UNKNOWN_BOOLEAN, UNKNOWN_NUMBER, UNKNOWN_STRING } from "./unknowns.ts";

describe("property reading", () => {
  it("knows exactly the policy SDK's unknown sentinels", () => {
    expect([...UNKNOWN_SENTINELS].sort()).toEqual([...ALL_SDK_SENTINELS].sort());
  });

  it("reads unknown values through the SDK proxy without throwing, as undefined", () => {
    const props = unknownCheckingProxy({
      smartcardEnabled: UNKNOWN_BOOLEAN,
      ticketExpirySeconds: UNKNOWN_NUMBER,
      displayType: UNKNOWN_STRING,
      vmNames: ["desk-1", UNKNOWN_STRING],
    }) as Record<string, unknown>;
    // The proxy itself throws on a plain read: this is what the helpers must avoid.
    expect(() => props["displayType"]).toThrow(/can't be known during preview/);
    expect(knownBoolean(props, "smartcardEnabled")).toBeUndefined();
    expect(knownInteger(props, "ticketExpirySeconds")).toBeUndefined();
    expect(knownString(props, "displayType")).toBeUndefined();
    expect(knownStrings(props, "vmNames")).toEqual(["desk-1"]);
  });

  it("returns known values and treats absent or mistyped ones as unknown", () => {
    const props = unknownCheckingProxy({ smartcardEnabled: false, size: 3, name: "desk", half: 1.5, flag: "true" }) as Record<string, unknown>;
    expect(knownBoolean(props, "smartcardEnabled")).toBe(false);
    expect(knownInteger(props, "size")).toBe(3);
    expect(knownString(props, "name")).toBe("desk");
    expect(knownInteger(props, "half")).toBeUndefined();
    expect(knownBoolean(props, "flag")).toBeUndefined();
    expect(knownBoolean(props, "missing")).toBeUndefined();
    expect(knownStrings(props, "missing")).toBeUndefined();
  });

  it("names a resource by its program name, adding the engine name when it differs", () => {
    expect(describeResource("ovirt:index:Vm", "admin", { name: "admin" })).toBe('Vm "admin"');
    expect(describeResource("ovirt:index:Pool", "sales", { name: "sales-???" })).toBe('Pool "sales" (engine name "sales-???")');
    expect(describeResource("ovirt:index:ConsolePolicy", "cp", {})).toBe('ConsolePolicy "cp"');
  });
});
