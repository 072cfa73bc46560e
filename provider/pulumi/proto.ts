// The generated gRPC stubs that ship inside @pulumi/pulumi, loaded once. They are CommonJS whose
// exports Node cannot list for ESM, so each is taken as a default import (its module.exports),
// which Node and the release bundle's esbuild both resolve; the type-only imports give them their
// real types.

import providerModule from "@pulumi/pulumi/proto/provider_pb.js";
import providerGrpcModule from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import pluginModule from "@pulumi/pulumi/proto/plugin_pb.js";
import statusModule from "@pulumi/pulumi/proto/status_pb.js";
import structModule from "google-protobuf/google/protobuf/struct_pb.js";
import emptyModule from "google-protobuf/google/protobuf/empty_pb.js";
import anyModule from "google-protobuf/google/protobuf/any_pb.js";
import type * as ProviderPb from "@pulumi/pulumi/proto/provider_pb.js";
import type * as ProviderGrpcPb from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import type * as PluginPb from "@pulumi/pulumi/proto/plugin_pb.js";
import type * as StatusPb from "@pulumi/pulumi/proto/status_pb.js";
import type * as StructPb from "google-protobuf/google/protobuf/struct_pb.js";
import type * as EmptyPb from "google-protobuf/google/protobuf/empty_pb.js";
import type * as AnyPb from "google-protobuf/google/protobuf/any_pb.js";

export const provider = providerModule as typeof ProviderPb;
export const providerGrpc = providerGrpcModule as typeof ProviderGrpcPb;
export const plugin = pluginModule as typeof PluginPb;
export const status = statusModule as typeof StatusPb;
export const struct = structModule as typeof StructPb;
export const empty = emptyModule as typeof EmptyPb;
export const any = anyModule as typeof AnyPb;

export type Struct = StructPb.Struct;
export type { ProviderPb, ProviderGrpcPb, PluginPb };

/** The protobuf type name the engine looks for in `grpc-status-details-bin`. */
export const RESOURCE_INIT_FAILED_TYPE = "pulumirpc.ErrorResourceInitFailed";
