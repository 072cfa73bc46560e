// /jobs: the engine's record of each asynchronous command, found by the correlation id the client
// sent with it (go-ovirt-client waits for `started` to become `finished` this way).
import type { Node } from "../http/codec.ts";
import { pathNotFound } from "../http/faults.ts";
import { href, link, type Ctx, type Reply } from "../http/context.ts";
import type { JobRecord } from "../model.ts";
import { ownerOf } from "../store.ts";
import { isoTime, requireFilterOrAdmin, searched } from "./common.ts";

function jobNode(ctx: Ctx, j: JobRecord): Node {
  return {
    "@href": href(ctx, `/jobs/${j.id}`),
    "@id": j.id,
    description: j.description,
    auto_cleared: true,
    end_time: j.endTime ? isoTime(j.endTime) : undefined,
    external: false,
    last_updated: isoTime(j.endTime ?? j.startTime),
    start_time: isoTime(j.startTime),
    status: j.status,
    owner: ownerLink(ctx, j),
  };
}

function ownerLink(ctx: Ctx, j: JobRecord): Node | undefined {
  const owner = ownerOf(j);
  const user = owner === undefined ? undefined : ctx.engine.users.get(owner);
  return user ? link(ctx, "/users", user.id) : undefined;
}

/** Admins see every job; a filtered user sees the jobs their own requests started. */
function visibleJob(ctx: Ctx, j: JobRecord): boolean {
  return ctx.user.admin || ownerOf(j) === ctx.user.name;
}

export function listJobs(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const jobs = searched(ctx, ctx.engine.store.list("job").filter((j) => visibleJob(ctx, j)), ["id", "correlation_id", "status", "description"], (j) => (k) => {
    switch (k) {
      case "id": return j.id;
      case "correlation_id": return j.correlationId ?? "";
      case "status": return j.status;
      case "description": return j.description;
      default: return "";
    }
  });
  return { status: 200, root: "jobs", node: { job: jobs.map((j) => jobNode(ctx, j)) } };
}

export function getJob(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const j = ctx.engine.store.get("job", ctx.params.id ?? "");
  if (!j || !visibleJob(ctx, j)) throw pathNotFound();
  return { status: 200, root: "job", node: jobNode(ctx, j) };
}
