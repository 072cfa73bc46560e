// Image transfers (/imagetransfers) and the emulator's own imageio data endpoint (/images/{ticket}).
// A transfer locks its disk, is `initializing` for half a step, then `transferring`: the client
// PUTs (upload) or GETs (download) the bytes at transfer_url, then finalizes; the transfer walks
// `finalizing_success` -> `finished_success` and the disk is `ok` again with what was written.
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ref, text, type Node } from "../http/codec.ts";
import { conflict, entityNotFound, invalidEnum, pathNotFound } from "../http/faults.ts";
import { actionComplete, href, link, type Ctx, type Reply } from "../http/context.ts";
import type { Engine } from "../engine.ts";
import { isRunning, type DiskRecord, type ImageTransferRecord } from "../model.ts";
import { ownerOf } from "../store.ts";
import { body, isoTime, requireAdmin, requireFields, requireFilterOrAdmin } from "./common.ts";
import { actualSizeOf, contentOf, diskBytes, MAX_KEPT_IMAGE } from "./disks.ts";

export const IMAGEIO_PREFIX = "/images/";

function transferUrl(ctx: Ctx, t: ImageTransferRecord): string {
  return `https://${ctx.host}${IMAGEIO_PREFIX}${t.ticket}`;
}

function transferNode(ctx: Ctx, t: ImageTransferRecord): Node {
  const path = `/imagetransfers/${t.id}`;
  // The URLs come with the transfer from its creation; they stop working once it is finished.
  const open = t.phase === "initializing" || t.phase === "transferring";
  return {
    "@href": href(ctx, path),
    "@id": t.id,
    actions: { link: ["cancel", "extend", "finalize"].map((n) => ({ "@href": href(ctx, `${path}/${n}`), "@rel": n })) },
    active: open,
    direction: t.direction,
    format: t.format,
    inactivity_timeout: 60,
    phase: t.phase,
    proxy_url: open ? transferUrl(ctx, t) : undefined,
    shallow: false,
    timeout_policy: "legacy",
    transfer_url: open ? transferUrl(ctx, t) : undefined,
    transferred: t.transferred,
    backup: undefined,
    disk: link(ctx, "/disks", t.diskId),
    image: link(ctx, "/disks", t.diskId),
    host: ctx.engine.store.list("host")[0] ? link(ctx, "/hosts", ctx.engine.store.list("host")[0]?.id ?? "") : undefined,
    created: isoTime(t.creationTime),
  };
}

/** Admins see every transfer; a filtered user only their own (the transfer URL carries the ticket). */
function visibleTransfer(ctx: Ctx, t: ImageTransferRecord): boolean {
  return ctx.user.admin || ownerOf(t) === ctx.user.name;
}

function transferOr404(ctx: Ctx): ImageTransferRecord {
  const t = ctx.engine.store.get("imagetransfer", ctx.params.id ?? "");
  if (!t || !visibleTransfer(ctx, t)) throw pathNotFound();
  return t;
}

export function listTransfers(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  const visible = ctx.engine.store.list("imagetransfer").filter((t) => visibleTransfer(ctx, t));
  return { status: 200, root: "image_transfers", node: { image_transfer: visible.map((t) => transferNode(ctx, t)) } };
}

export function getTransfer(ctx: Ctx): Reply {
  requireFilterOrAdmin(ctx);
  return { status: 200, root: "image_transfer", node: transferNode(ctx, transferOr404(ctx)) };
}

export function addTransfer(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const node = body(ctx, ["image_transfer"], "imagetransfers", "add");
  const diskId = ref(node, "disk")?.id ?? ref(node, "image")?.id;
  requireFields("ImageTransfer", node, [["image.id|disk.id", () => diskId !== undefined]]);
  const direction = (text(node, "direction") ?? "upload").toLowerCase();
  if (direction !== "upload" && direction !== "download") throw invalidEnum(direction, "ImageTransferDirection", ["download", "upload"]);
  const engine = ctx.engine;
  const disk = engine.store.get("disk", diskId ?? "");
  if (!disk) throw entityNotFound(`Disk: id=${diskId ?? ""}`);
  if (disk.status === "locked") {
    throw conflict(`Cannot transfer Virtual Disk: The following disks are locked: ${disk.name}. Please try again in a few minutes.`);
  }
  const runningVm = disk.attachments.map((a) => (a.vmId ? engine.store.get("vm", a.vmId) : undefined)).find((vm) => vm && isRunning(vm.status));
  if (runningVm) throw conflict(`Cannot transfer Virtual Disk. The disk is plugged to the running VM ${runningVm.name}.`);
  const t: ImageTransferRecord = {
    id: randomUUID(),
    name: `transfer-${disk.name}`,
    diskId: disk.id,
    direction,
    format: (text(node, "format") ?? disk.format).toLowerCase(),
    phase: "initializing",
    ticket: randomBytes(16).toString("hex"),
    transferred: 0,
    creationTime: Date.now(),
    correlationId: ctx.query.get("correlation_id") ?? undefined,
  };
  engine.store.tx(() => {
    disk.status = "locked";
    engine.store.put("disk", disk);
    const jobId = engine.startJob(`${direction === "upload" ? "Uploading" : "Downloading"} Disk ${disk.name}`, t.correlationId);
    engine.store.put("imagetransfer", t);
    engine.scheduler.schedule(Math.floor(engine.delay / 2), "transfer-phase", { transferId: t.id, phase: "transferring", jobId });
  });
  engine.scheduler.notify();
  return { status: 201, root: "image_transfer", node: transferNode(ctx, t), headers: { Location: `https://${ctx.host}${href(ctx, `/imagetransfers/${t.id}`)}` } };
}

function endTransfer(ctx: Ctx, success: boolean): Reply {
  requireAdmin(ctx);
  const t = transferOr404(ctx);
  body(ctx, ["action"], "imagetransfer", success ? "finalize" : "cancel");
  if (t.phase !== "transferring" && t.phase !== "initializing") {
    throw conflict(`Cannot ${success ? "finalize" : "cancel"} the image transfer. It is in phase ${t.phase}.`);
  }
  const engine = ctx.engine;
  engine.store.tx(() => {
    t.phase = success ? "finalizing_success" : "cancelled_user";
    engine.store.put("imagetransfer", t);
    const job = engine.store.list("job").find((j) => j.correlationId === t.correlationId && j.status === "started");
    engine.scheduler.schedule(engine.delay, "transfer-phase", {
      transferId: t.id, phase: success ? "finished_success" : "finished_failure", jobId: job?.id,
    });
  });
  engine.scheduler.notify();
  return actionComplete();
}

export const finalizeTransfer = (ctx: Ctx): Reply => endTransfer(ctx, true);
export const cancelTransfer = (ctx: Ctx): Reply => endTransfer(ctx, false);

/** A no-op the clients may call: the emulator's tickets do not time out. */
export function extendTransfer(ctx: Ctx): Reply {
  requireAdmin(ctx);
  transferOr404(ctx);
  return actionComplete();
}

/** The scheduled phase changes; a finished transfer unlocks its disk and ends its job. */
export function registerTransferPhases(engine: Engine): void {
  engine.scheduler.on("transfer-phase", (p) => {
    const t = engine.store.get("imagetransfer", String(p.transferId));
    if (!t) return;
    const phase = String(p.phase) as ImageTransferRecord["phase"];
    t.phase = phase;
    engine.store.put("imagetransfer", t);
    if (phase === "finished_success" || phase === "finished_failure") {
      const d = engine.store.get("disk", t.diskId);
      if (d) {
        d.status = "ok";
        engine.store.put("disk", d);
      }
      if (p.jobId) engine.finishJob(String(p.jobId), phase === "finished_success" ? "finished" : "failed");
    }
  });
}

// ---- the imageio endpoint ----

function send(res: ServerResponse, status: number, payload: string | Buffer, headers: Record<string, string> = {}): void {
  const data = typeof payload === "string" ? Buffer.from(payload) : payload;
  res.writeHead(status, { "Content-Length": String(data.length), ...headers });
  res.end(data);
}

function readRaw(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        resolve(undefined);
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const imageioError = (res: ServerResponse, status: number, message: string): void =>
  send(res, status, JSON.stringify({ code: status, explanation: message }), { "Content-Type": "application/json" });

/** OPTIONS, GET and PUT on /images/{ticket}, as ovirt-imageio answers them. The ticket is the credential. */
export async function handleImageio(engine: Engine, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const ticket = path.slice(IMAGEIO_PREFIX.length);
  const method = (req.method ?? "GET").toUpperCase();
  const t = engine.store.list("imagetransfer").find((x) => x.ticket === ticket && x.phase === "transferring");
  const disk = t ? engine.store.get("disk", t.diskId) : undefined;
  if (!t || !disk) {
    req.resume();
    imageioError(res, 403, `You are not allowed to access this resource: No such ticket ${ticket.slice(0, 8)}…`);
    return;
  }
  if (method === "PUT") return imageioPut(engine, req, res, t, disk);
  req.resume();
  if (method === "OPTIONS") return imageioOptions(res, t);
  if (method === "GET") return imageioGet(engine, req, res, t, disk);
  imageioError(res, 405, `Method ${method} is not allowed`);
}

function imageioOptions(res: ServerResponse, t: ImageTransferRecord): void {
  const features = t.direction === "upload" ? ["extents", "zero", "flush"] : ["extents"];
  send(res, 200, JSON.stringify({ features, max_readers: 8, max_writers: 8, unix_socket: null }), {
    "Content-Type": "application/json",
    Allow: t.direction === "upload" ? "OPTIONS,GET,PUT,PATCH" : "OPTIONS,GET",
  });
}

function imageioGet(engine: Engine, req: IncomingMessage, res: ServerResponse, t: ImageTransferRecord, disk: DiskRecord): void {
  if (t.direction !== "download") return imageioError(res, 403, "You are not allowed to access this resource: the ticket is for upload");
  const data = diskBytes(contentOf(engine, disk));
  const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ""));
  let body = data;
  let status = 200;
  if (range) {
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), data.length - 1) : data.length - 1;
    body = data.subarray(start, end + 1);
    status = 206;
  }
  record(engine, t, body.length);
  send(res, status, body, { "Content-Type": "application/octet-stream" });
}

/**
 * The bytes an upload ticket covers. imageio refuses a write past its ticket's size; the engine sizes
 * the ticket from the disk: the virtual size for raw, and for qcow2 the virtual size plus the image's
 * metadata (a tenth, at least 1 MiB, is more than qcow2 ever needs).
 */
export function uploadLimit(d: Pick<DiskRecord, "format" | "provisionedSize">): number {
  const size = d.format === "raw" ? d.provisionedSize : d.provisionedSize + Math.max(1024 * 1024, Math.ceil(d.provisionedSize / 10));
  return Math.min(size, MAX_KEPT_IMAGE);
}

/** The offset a PUT writes at: `Content-Range: bytes <start>-<end>/<total|*>`, or 0 without one. */
export function putOffset(header: string | undefined): number | undefined {
  if (header === undefined || header === "") return 0;
  const m = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15}|\*)$/.exec(header.trim());
  if (!m || Number(m[2]) < Number(m[1])) return undefined;
  return Number(m[1]);
}

async function imageioPut(engine: Engine, req: IncomingMessage, res: ServerResponse, t: ImageTransferRecord, disk: DiskRecord): Promise<void> {
  if (t.direction !== "upload") {
    req.resume();
    return imageioError(res, 403, "You are not allowed to access this resource: the ticket is for download");
  }
  const offset = putOffset(req.headers["content-range"]);
  if (offset === undefined) {
    req.resume();
    return imageioError(res, 400, `Invalid Content-Range header: ${String(req.headers["content-range"]).slice(0, 80)}`);
  }
  // Checked before anything is allocated: a 4-byte PUT at 80 MiB must not grow the image to 80 MiB.
  const limit = uploadLimit(disk);
  const declared = Number(req.headers["content-length"] ?? 0);
  const tooFar = (length: number): boolean => offset + length > limit;
  const beyond = (length: number): void =>
    imageioError(res, 416, `Requested range ${offset}-${offset + length} is beyond the ticket size ${limit}`);
  if (tooFar(Number.isFinite(declared) ? declared : 0)) {
    req.resume();
    return beyond(declared);
  }
  const data = await readRaw(req, limit - offset);
  if (!data) return beyond(limit - offset + 1);
  writeUpload(engine, t, disk.id, offset, data);
  send(res, 200, "");
}

function writeUpload(engine: Engine, t: ImageTransferRecord, diskId: string, offset: number, data: Buffer): void {
  engine.store.tx(() => {
    const fresh = engine.store.get("disk", diskId);
    if (!fresh) return;
    const current = fresh.content ? Buffer.from(fresh.content, "base64") : Buffer.alloc(0);
    const next = Buffer.alloc(Math.max(current.length, offset + data.length));
    current.copy(next);
    data.copy(next, offset);
    fresh.content = next.toString("base64");
    fresh.actualSize = actualSizeOf(fresh, next.length);
    engine.store.put("disk", fresh);
    record(engine, t, data.length);
  });
}

function record(engine: Engine, t: ImageTransferRecord, bytes: number): void {
  const fresh = engine.store.get("imagetransfer", t.id);
  if (!fresh) return;
  fresh.transferred += bytes;
  engine.store.put("imagetransfer", fresh);
}

