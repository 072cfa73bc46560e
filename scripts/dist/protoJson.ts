// The Terraform front end's .proto files parsed at build time: protobufjs's JSON form of them and
// the method shapes of the services it serves. The release bundle embeds this text (as
// OVIRT_EMBEDDED_PROTO_JSON, which provider/terraform/proto.ts reads), so a start neither reads
// nor parses .proto files. The parse is @grpc/proto-loader's loadSync, with the same options the
// sources use, so the shapes are exactly what the sources serve.

import { join } from "node:path";
import { loadSync } from "@grpc/proto-loader";
import protobuf from "protobufjs";
import { PROTO_FILES, PROTO_OPTIONS, SERVICES } from "../../provider/terraform/proto.ts";
import { describeServices, type PrecompiledProto } from "../../provider/terraform/protoPrecompiled.ts";

export function terraformProtoJson(repoRoot: string): string {
  const protoDir = join(repoRoot, "provider/terraform/proto");
  const root = new protobuf.Root();
  const resolveDefault = root.resolvePath.bind(root);
  // Our files come from the proto directory; google/protobuf/*.proto are protobufjs's own copies.
  root.resolvePath = (origin, target) => (target.startsWith("google/protobuf/") ? resolveDefault(origin, target) : join(protoDir, target));
  root.loadSync(PROTO_FILES, { keepCase: PROTO_OPTIONS.keepCase });
  root.resolveAll();
  const definition = loadSync(PROTO_FILES, { includeDirs: [protoDir], ...PROTO_OPTIONS });
  const proto: PrecompiledProto = { root: root.toJSON(), services: describeServices(definition, root, SERVICES) };
  return JSON.stringify(proto);
}
