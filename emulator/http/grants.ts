// Emulator-only: grant a non-admin user VMs or pools by name (admin credentials required), so tests and
// demos can set up what the engine's permissions would allow without the permissions API.
import type { IncomingHttpHeaders } from "node:http";
import type { Engine } from "../engine.ts";
import { authenticate } from "./auth.ts";
import { errorPage, jsonAnswer, type Writer } from "./pipeline.ts";

interface GrantsBody {
  user?: string;
  vms?: string[];
  pools?: string[];
}

function parseGrants(body: string): GrantsBody | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
    const g = parsed as GrantsBody;
    const names = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === "string"));
    return names(g.vms) && names(g.pools) ? g : undefined;
  } catch {
    return undefined;
  }
}

export function grantsEndpoint(engine: Engine, headers: IncomingHttpHeaders, method: string, body: string): Writer {
  const auth = authenticate(engine, headers);
  if (!auth || !auth.user.admin) return errorPage(401, "Unauthorized", { "WWW-Authenticate": 'Basic realm="RESTAPI"' });
  if (method !== "POST" && method !== "DELETE") return jsonAnswer(405, { error: "use POST or DELETE" });
  const parsed = parseGrants(body);
  if (!parsed) return jsonAnswer(400, { error: "the body must be JSON: {\"user\": \"name@profile\", \"vms\": [...], \"pools\": [...]}" });
  if (!parsed.user || !engine.users.has(parsed.user)) return jsonAnswer(400, { error: `unknown user ${JSON.stringify(parsed.user ?? "")}` });
  const user = parsed.user;
  const apply = (kind: "vm" | "pool", name: string): void => {
    if (method === "POST") engine.acl.grantByName(user, kind, name);
    else engine.acl.revokeByName(user, kind, name);
  };
  engine.store.tx(() => {
    for (const name of parsed.vms ?? []) apply("vm", name);
    for (const name of parsed.pools ?? []) apply("pool", name);
  });
  const g = engine.acl.userGrantNames(user);
  return jsonAnswer(200, { user, vms: g.vms, pools: g.pools });
}
