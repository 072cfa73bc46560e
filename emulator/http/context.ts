// What a route handler sees of a request, and what it answers.
import type { IncomingHttpHeaders } from "node:http";
import type { Engine, UserRecord } from "../engine.ts";
import type { Format, Node } from "./codec.ts";

export interface Ctx {
  engine: Engine;
  method: string;
  /** "/ovirt-engine/api" or "/ovirt-engine/api/v4" (hrefs keep the version when the URL had it). */
  prefix: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Format of the answer (Accept) and of the body (Content-Type). */
  format: Format;
  inFormat: Format;
  body: string;
  user: UserRecord;
  token?: string;
  /** filter=true (query or Filter header): results limited to the user's permissions. */
  filter: boolean;
  allContent: boolean;
  /** Expect: 201-created (or X-Ovirt-Expect): block until asynchronous work is done. */
  blocking: boolean;
  /** host:port as the client addressed us, for absolute URLs. */
  host: string;
}

export interface Reply {
  status: number;
  /** XML root element (and JSON shape) for a tree answer. */
  root?: string;
  node?: Node;
  /** A raw answer (the .vv file, the CA). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export const ok = (root: string, node: Node, status = 200): Reply => ({ status, root, node });

export const actionComplete = (extra: Node = {}): Reply => ({
  status: 200,
  root: "action",
  node: { ...extra, status: "complete" },
});

/** Query booleans as the engine reads them: t, true, y, yes, 1 (a bare `?next_run` is true). */
export function queryFlag(query: URLSearchParams, name: string): boolean {
  if (!query.has(name)) return false;
  const v = (query.get(name) ?? "").trim().toLowerCase();
  return v === "" || ["t", "true", "y", "yes", "1"].includes(v);
}

export function headerFlag(headers: IncomingHttpHeaders, name: string): boolean {
  const v = headers[name.toLowerCase()];
  if (typeof v !== "string") return false;
  return ["t", "true", "y", "yes", "1"].includes(v.trim().toLowerCase());
}

export const href = (ctx: Ctx, path: string): string => `${ctx.prefix}${path}`;
export const link = (ctx: Ctx, path: string, id: string): Node => ({ "@href": href(ctx, `${path}/${id}`), "@id": id });
