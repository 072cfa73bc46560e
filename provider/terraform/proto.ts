// The tfplugin6 and go-plugin gRPC services, loaded from the vendored .proto files at start-up
// (no generated code). Field names keep the protocol's snake_case; enums travel as their names.

import type { ServiceDefinition } from "@grpc/grpc-js";
import type * as ProtoLoader from "@grpc/proto-loader";
import type { Options } from "@grpc/proto-loader";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { precompiledServices, type PrecompiledProto } from "./protoPrecompiled.ts";

/** The .proto files this front end serves, in provider/terraform/proto/. */
export const PROTO_FILES = ["tfplugin6.proto", "grpc_controller.proto", "grpc_stdio.proto"];
export const SERVICES = ["tfplugin6.Provider", "plugin.GRPCController", "plugin.GRPCStdio"];

export const PROTO_OPTIONS: Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

/**
 * The release bundle carries the files already parsed (scripts/dist/protoJson.ts), which spares
 * each start reading and parsing them, and builds the message encoders after the handshake.
 */
declare const OVIRT_EMBEDDED_PROTO_JSON: string | undefined;

function loadServices(): Record<string, ServiceDefinition> {
  if (typeof OVIRT_EMBEDDED_PROTO_JSON === "string") return precompiledServices(JSON.parse(OVIRT_EMBEDDED_PROTO_JSON) as PrecompiledProto, PROTO_OPTIONS);
  // Required here, not imported: loading proto-loader alone costs the release executable some 60 ms.
  const { loadSync } = createRequire(import.meta.url)("@grpc/proto-loader") as typeof ProtoLoader;
  const definition = loadSync(PROTO_FILES, { includeDirs: [fileURLToPath(new URL("./proto/", import.meta.url))], ...PROTO_OPTIONS });
  return Object.fromEntries(SERVICES.map((name) => [name, definition[name] as ServiceDefinition]));
}

const services = loadServices();

export const providerService = services["tfplugin6.Provider"]!;
export const controllerService = services["plugin.GRPCController"]!;
export const stdioService = services["plugin.GRPCStdio"]!;

// The message shapes this front end reads and writes (proto-loader's plain objects).

export interface DynamicValue {
  msgpack?: Buffer | Uint8Array;
  json?: Buffer | Uint8Array;
}

export interface AttributePathStep {
  attribute_name?: string;
  element_key_string?: string;
  element_key_int?: number;
}

export interface Diagnostic {
  severity: "ERROR" | "WARNING";
  summary: string;
  detail?: string;
  attribute?: { steps: AttributePathStep[] };
}

export interface SchemaAttribute {
  name: string;
  /** The cty type as JSON; empty for a nested attribute, which has nested_type instead. */
  type: Buffer;
  nested_type?: SchemaObject;
  description: string;
  description_kind: "PLAIN" | "MARKDOWN";
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
}

/** A nested attribute's object: its attributes, and one object or a list of them. */
export interface SchemaObject {
  attributes: SchemaAttribute[];
  nesting: "SINGLE" | "LIST";
}

export interface SchemaBlock {
  version: number;
  attributes: SchemaAttribute[];
  block_types: never[];
  description: string;
  description_kind: "PLAIN" | "MARKDOWN";
}

export interface Schema {
  version: number;
  block: SchemaBlock;
}

export interface FunctionParameter {
  name: string;
  type: Buffer;
  allow_null_value: boolean;
  allow_unknown_values: boolean;
  description: string;
  description_kind: "PLAIN" | "MARKDOWN";
}

export interface FunctionDefinition {
  parameters: FunctionParameter[];
  return: { type: Buffer };
  summary: string;
  description: string;
  description_kind: "PLAIN" | "MARKDOWN";
}
