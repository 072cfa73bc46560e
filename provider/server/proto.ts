// The generated gRPC stubs that ship inside @pulumi/pulumi, loaded once. They are CommonJS, so
// their named exports are not visible to ESM `import`; createRequire loads them and the type-only
// imports give them their real types.

import { createRequire } from "node:module";
import type * as ProviderPb from "@pulumi/pulumi/proto/provider_pb.js";
import type * as ProviderGrpcPb from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import type * as PluginPb from "@pulumi/pulumi/proto/plugin_pb.js";
import type * as StatusPb from "@pulumi/pulumi/proto/status_pb.js";
import type * as StructPb from "google-protobuf/google/protobuf/struct_pb.js";
import type * as EmptyPb from "google-protobuf/google/protobuf/empty_pb.js";
import type * as AnyPb from "google-protobuf/google/protobuf/any_pb.js";

const require = createRequire(import.meta.url);

export const provider = require("@pulumi/pulumi/proto/provider_pb.js") as typeof ProviderPb;
export const providerGrpc = require("@pulumi/pulumi/proto/provider_grpc_pb.js") as typeof ProviderGrpcPb;
export const plugin = require("@pulumi/pulumi/proto/plugin_pb.js") as typeof PluginPb;
export const status = require("@pulumi/pulumi/proto/status_pb.js") as typeof StatusPb;
export const struct = require("google-protobuf/google/protobuf/struct_pb.js") as typeof StructPb;
export const empty = require("google-protobuf/google/protobuf/empty_pb.js") as typeof EmptyPb;
export const any = require("google-protobuf/google/protobuf/any_pb.js") as typeof AnyPb;

export type Struct = StructPb.Struct;
export type { ProviderPb, ProviderGrpcPb, PluginPb };

/** The protobuf type name the engine looks for in `grpc-status-details-bin`. */
export const RESOURCE_INIT_FAILED_TYPE = "pulumirpc.ErrorResourceInitFailed";
