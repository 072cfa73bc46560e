// The tfplugin6 and go-plugin gRPC services, loaded from the vendored .proto files at start-up
// (no generated code). Field names keep the protocol's snake_case; enums travel as their names.

import { loadPackageDefinition, type ServiceDefinition } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { fileURLToPath } from "node:url";

const protoDir = fileURLToPath(new URL("./proto/", import.meta.url));

const definition = loadSync(["tfplugin6.proto", "grpc_controller.proto", "grpc_stdio.proto"], {
  includeDirs: [protoDir],
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
});

interface Loaded {
  tfplugin6: { Provider: { service: ServiceDefinition } };
  plugin: { GRPCController: { service: ServiceDefinition }; GRPCStdio: { service: ServiceDefinition } };
}

const loaded = loadPackageDefinition(definition) as unknown as Loaded;

export const providerService = loaded.tfplugin6.Provider.service;
export const controllerService = loaded.plugin.GRPCController.service;
export const stdioService = loaded.plugin.GRPCStdio.service;

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
