// The release executable's tfplugin6 service definitions (provider/terraform/protoPrecompiled.ts,
// from the files parsed at build time by scripts/dist/protoJson.ts) against the ones the sources
// load with @grpc/proto-loader: the same methods, paths and streaming, and the same bytes and
// objects through their encoders and decoders.

import type { ServiceDefinition } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROTO_FILES, PROTO_OPTIONS, SERVICES } from "../../provider/terraform/proto.ts";
import { precompiledServices, type PrecompiledProto } from "../../provider/terraform/protoPrecompiled.ts";
import { terraformProtoJson } from "../../scripts/dist/protoJson.ts";
import { REPO_ROOT } from "../e2e/harness.ts";

const loaded = loadSync(PROTO_FILES, { includeDirs: [join(REPO_ROOT, "provider/terraform/proto")], ...PROTO_OPTIONS });
const precompiled = precompiledServices(JSON.parse(terraformProtoJson(REPO_ROOT)) as PrecompiledProto, PROTO_OPTIONS);
const service = (name: string) => loaded[name] as ServiceDefinition;

describe("the precompiled protocol", () => {
  it("has every method of the three services, with the paths, names and streaming the sources serve", () => {
    for (const name of SERVICES) {
      const shape = (definition: ServiceDefinition) =>
        Object.entries(definition).map(([method, d]) => [method, d.path, d.originalName, d.requestStream, d.responseStream]);
      expect(shape(precompiled[name]!), name).toEqual(shape(service(name)));
    }
    expect(Object.keys(precompiled["tfplugin6.Provider"]!)).toEqual(expect.arrayContaining(["GetProviderSchema", "PlanResourceChange", "ApplyResourceChange", "StopProvider"]));
  });

  it("encodes and decodes as proto-loader does: bytes, enums as names, defaults, oneofs", () => {
    const provider = precompiled["tfplugin6.Provider"]!;
    const reference = service("tfplugin6.Provider");
    const response = {
      diagnostics: [{ severity: "ERROR", summary: "bad", detail: "worse", attribute: { steps: [{ attribute_name: "name" }, { element_key_int: 2 }] } }],
      new_state: { msgpack: Buffer.from([0x81, 0xa1, 0x61, 0x01]) },
      private: Buffer.from("{}"),
    };
    const bytes = provider.ApplyResourceChange!.responseSerialize(response);
    expect(bytes.equals(reference.ApplyResourceChange!.responseSerialize(response))).toBe(true);
    expect(provider.ApplyResourceChange!.responseDeserialize(bytes)).toEqual(reference.ApplyResourceChange!.responseDeserialize(bytes));
    const request = reference.PlanResourceChange!.requestSerialize({ type_name: "ovirt_vm", prior_state: { msgpack: Buffer.from([0xc0]) } });
    expect(provider.PlanResourceChange!.requestDeserialize(request)).toEqual(reference.PlanResourceChange!.requestDeserialize(request));
  });

  it("refuses an array as a message, as proto-loader does", () => {
    expect(() => precompiled["tfplugin6.Provider"]!.GetProviderSchema!.responseSerialize([])).toThrow(/got array instead/);
  });
});
