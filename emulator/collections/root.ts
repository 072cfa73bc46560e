// GET /ovirt-engine/api: product info, special objects, the authenticated user and the links to
// the collections the emulator serves.
import { href, link, type Ctx, type Reply } from "../http/context.ts";
import { BLANK_TEMPLATE_ID } from "../model.ts";

export const PRODUCT_VERSION = { major: 4, minor: 5, build: 7, revision: 0 };

const COLLECTIONS = [
  "affinitylabels", "clusters", "datacenters", "disks", "hosts", "imagetransfers", "jobs", "networks", "roles",
  "storagedomains", "tags", "templates", "users", "vmpools", "vms", "vnicprofiles",
];
const SEARCHABLE = new Set(["clusters", "datacenters", "disks", "hosts", "networks", "storagedomains", "templates", "users", "vmpools", "vms"]);

export function apiRoot(ctx: Ctx): Reply {
  const store = ctx.engine.store;
  const vms = store.list("vm");
  const userLink = { ...link(ctx, "/users", ctx.user.id) };
  return {
    status: 200,
    root: "api",
    node: {
      link: COLLECTIONS.map((rel) => ({ "@href": href(ctx, `/${rel}`), "@rel": rel })).concat(
        COLLECTIONS.filter((r) => SEARCHABLE.has(r)).map((rel) => ({
          "@href": `${href(ctx, `/${rel}`)}?search={query}`,
          "@rel": `${rel}/search`,
        })),
      ),
      engine_backup: undefined,
      product_info: {
        instance_id: store.getMeta("instance_id") ?? undefined,
        name: "oVirt Engine",
        vendor: "ovirt.org",
        version: {
          build: PRODUCT_VERSION.build,
          full_version: `${PRODUCT_VERSION.major}.${PRODUCT_VERSION.minor}.${PRODUCT_VERSION.build}-1.emulator`,
          major: PRODUCT_VERSION.major,
          minor: PRODUCT_VERSION.minor,
          revision: PRODUCT_VERSION.revision,
        },
      },
      special_objects: {
        blank_template: link(ctx, "/templates", BLANK_TEMPLATE_ID),
        root_tag: link(ctx, "/tags", BLANK_TEMPLATE_ID),
      },
      summary: {
        vms: { active: vms.filter((v) => v.status === "up").length, total: vms.length },
      },
      time: new Date().toISOString().replace("Z", "+00:00"),
      authenticated_user: userLink,
      effective_user: userLink,
    },
  };
}
