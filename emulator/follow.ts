// `follow` (engine 4.2+, mixins/Follow.java): a GET of an entity or a collection may name links
// to inline, such as `follow=disk_attachments.disk,nics`. Each listed entity then carries, under
// the link's name, what a GET of that link would answer (`<disk_attachments><disk_attachment>`),
// and a dotted path goes on from there (each attachment's `<disk>` link becomes the whole disk).
// The inlined parts are fetched through the same route handlers as the links themselves.
import type { Node } from "./http/codec.ts";
import type { Ctx, Reply } from "./http/context.ts";
import { EngineFault } from "./http/faults.ts";
import { matchRoute } from "./routes.ts";

/** The entity collections whose GETs take `follow`, by path segment. */
const FOLLOWING = new Set(["vms", "templates", "vmpools"]);

/** The reply with the links `follow` names inlined; other replies are returned as they are. */
export async function withFollowed(ctx: Ctx, reply: Reply): Promise<Reply> {
  const spec = ctx.query.get("follow");
  if (ctx.method !== "GET" || !spec || !reply.node || reply.status !== 200) return reply;
  const paths = spec.split(",").map((p) => p.trim()).filter((p) => p !== "").map((p) => p.split("."));
  if (paths.length === 0) return reply;
  const items = entitiesOf(reply);
  if (!items) return reply;
  for (const item of items) {
    for (const path of paths) await inline(ctx, item, path);
  }
  return reply;
}

/** The entities of a `/vms` (or `/vms/{id}`) answer with their own path; undefined for anything else. */
function entitiesOf(reply: Reply): { node: Node; path: string }[] | undefined {
  const node = reply.node!;
  const pathOf = (n: Node): string | undefined => {
    const href = typeof n["@href"] === "string" ? n["@href"] : "";
    const m = /\/(vms|templates|vmpools)\/([^/]+)$/.exec(href);
    return m && FOLLOWING.has(m[1]!) ? `/${m[1]}/${m[2]}` : undefined;
  };
  const single = pathOf(node);
  if (single) return [{ node, path: single }];
  const members = Object.values(node).find(Array.isArray) as Node[] | undefined;
  if (!members) return undefined;
  return members.flatMap((n) => {
    const path = pathOf(n);
    return path ? [{ node: n, path }] : [];
  });
}

/** Inlines `path[0]` of the entity at `at` (a sub-collection or a linked entity), then goes on into it. */
async function inline(ctx: Ctx, at: { node: Node; path: string }, path: string[]): Promise<void> {
  const [name, ...rest] = path;
  if (!name) return;
  const existing = at.node[name];
  let inlined: Node | undefined;
  if (existing && typeof existing === "object" && !Array.isArray(existing) && typeof (existing as Node)["@href"] === "string" && (existing as Node)["@id"] !== undefined) {
    // A link to one entity (`<disk href id/>`): replaced by the entity.
    inlined = (await get(ctx, apiPath(ctx, (existing as Node)["@href"] as string)))?.node;
    if (inlined) at.node[name] = inlined;
    if (inlined && rest.length > 0) await inline(ctx, { node: inlined, path: apiPath(ctx, inlined["@href"] as string) }, rest);
    return;
  }
  const answer = await get(ctx, `${at.path}/${name}`);
  if (!answer?.node) throw new EngineFault(400, "Invalid value", `Can't follow link "${name}"`);
  at.node[name] = answer.node;
  if (rest.length === 0) return;
  const members = Object.values(answer.node).find(Array.isArray) as Node[] | undefined;
  for (const member of members ?? []) {
    await inline(ctx, { node: member, path: apiPath(ctx, member["@href"] as string) }, rest);
  }
}

const apiPath = (ctx: Ctx, href: string): string => (href.startsWith(ctx.prefix) ? href.slice(ctx.prefix.length) : href);

async function get(ctx: Ctx, path: string): Promise<Reply | undefined> {
  const match = matchRoute("GET", path);
  if (match === undefined || match === "method") return undefined;
  const sub: Ctx = { ...ctx, params: match.params, query: new URLSearchParams() };
  return match.route.handler(sub);
}
