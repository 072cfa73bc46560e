// /instancetypes: the engine's predefined five.
import type { Node } from "../http/codec.ts";
import { pathNotFound } from "../http/faults.ts";
import { href, type Ctx, type Reply } from "../http/context.ts";
import { requireFilterOrAdmin } from "./common.ts";

export const INSTANCE_TYPES = [
  { id: "00000003-0003-0003-0003-0000000000be", name: "Tiny", memoryMb: 512, cores: 1 },
  { id: "00000005-0005-0005-0005-0000000002e6", name: "Small", memoryMb: 2048, cores: 1 },
  { id: "00000007-0007-0007-0007-00000000010a", name: "Medium", memoryMb: 4096, cores: 2 },
  { id: "00000009-0009-0009-0009-0000000000f1", name: "Large", memoryMb: 8192, cores: 2 },
  { id: "0000000b-000b-000b-000b-00000000021f", name: "XLarge", memoryMb: 16384, cores: 4 },
];

function instanceTypeNode(ctx: Ctx, t: (typeof INSTANCE_TYPES)[number]): Node {
  const bytes = t.memoryMb * 1024 * 1024;
  return {
    "@href": href(ctx, `/instancetypes/${t.id}`),
    "@id": t.id,
    name: t.name,
    description: `${t.name} instance type`,
    comment: "",
    cpu: { topology: { cores: 1, sockets: t.cores, threads: 1 } },
    memory: bytes,
    memory_policy: { guaranteed: bytes, max: bytes * 4 },
  };
}

export function listInstanceTypes(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "instance_types", node: { instance_type: INSTANCE_TYPES.map((t) => instanceTypeNode(ctx, t)) } };
}

export function getInstanceType(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const t = INSTANCE_TYPES.find((i) => i.id === ctx.params.id);
  if (!t) throw pathNotFound();
  return { status: 200, root: "instance_type", node: instanceTypeNode(ctx, t) };
}
