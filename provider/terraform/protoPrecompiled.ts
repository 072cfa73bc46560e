// The gRPC service definitions of the release executable, from the protocol files parsed at build
// time (scripts/dist/protoJson.ts). What grpc-js needs to bind a server (each method's path, name
// and streaming) is plain data; the message encoders and decoders, which take protobufjs some
// 50 ms to build from the parsed files, are built at the first message, after the handshake line.
// They serialize and deserialize as @grpc/proto-loader's do, with the same options.

import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import type { Options, PackageDefinition } from "@grpc/proto-loader";
import protobuf from "protobufjs";

/** One method as the build records it: everything but its encoders. */
export interface MethodShape {
  path: string;
  originalName: string;
  requestStream: boolean;
  responseStream: boolean;
  requestType: string;
  responseType: string;
}

/** What the build embeds: protobufjs's JSON of the files, and each service's methods by name. */
export interface PrecompiledProto {
  root: protobuf.INamespace;
  services: Record<string, Record<string, MethodShape>>;
}

/**
 * At build time: the method shapes of `services`, their paths and names from proto-loader's
 * package definition (as the sources serve them), their message types from the parsed `root`.
 */
export function describeServices(definition: PackageDefinition, root: protobuf.Root, services: readonly string[]): PrecompiledProto["services"] {
  const described: PrecompiledProto["services"] = {};
  for (const service of services) {
    const methods = definition[service] as ServiceDefinition | undefined;
    if (!methods) throw new Error(`the protocol files define no service ${service}`);
    const parsed = root.lookupService(service);
    described[service] = {};
    for (const [name, method] of Object.entries(methods)) {
      const types = parsed.methods[name];
      if (!types?.resolvedRequestType || !types.resolvedResponseType) throw new Error(`${service}.${name} has no resolved message types`);
      described[service][name] = {
        path: method.path,
        originalName: method.originalName ?? name,
        requestStream: method.requestStream,
        responseStream: method.responseStream,
        requestType: types.resolvedRequestType.fullName,
        responseType: types.resolvedResponseType.fullName,
      };
    }
  }
  return described;
}

/** At run time: the service definitions, whose encoders are built when a first message needs them. */
export function precompiledServices(proto: PrecompiledProto, options: Options): Record<string, ServiceDefinition> {
  let root: protobuf.Root | undefined;
  const types = new Map<string, protobuf.Type>();
  const lookup = (name: string) => {
    let type = types.get(name);
    if (!type) {
      if (!root) {
        root = protobuf.Root.fromJSON(proto.root);
        root.resolveAll();
      }
      type = root.lookupType(name);
      types.set(name, type);
    }
    return type;
  };
  const services: Record<string, ServiceDefinition> = {};
  for (const [service, methods] of Object.entries(proto.services)) {
    const definition: Record<string, MethodDefinition<unknown, unknown>> = {};
    for (const [name, shape] of Object.entries(methods)) {
      definition[name] = {
        path: shape.path,
        originalName: shape.originalName,
        requestStream: shape.requestStream,
        responseStream: shape.responseStream,
        requestSerialize: serializer(() => lookup(shape.requestType)),
        requestDeserialize: deserializer(() => lookup(shape.requestType), options),
        responseSerialize: serializer(() => lookup(shape.responseType)),
        responseDeserialize: deserializer(() => lookup(shape.responseType), options),
      };
    }
    services[service] = definition;
  }
  return services;
}

function serializer(type: () => protobuf.Type): (value: unknown) => Buffer {
  return (value) => {
    if (Array.isArray(value)) throw new Error(`Failed to serialize message: expected object with ${type().name} structure, got array instead`);
    const bytes = type().encode(type().fromObject(value as Record<string, unknown>)).finish();
    return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  };
}

function deserializer(type: () => protobuf.Type, options: Options): (bytes: Buffer) => unknown {
  return (bytes) => type().toObject(type().decode(bytes), options as protobuf.IConversionOptions);
}
