// The directory behind the engine's authorization providers (authz extensions): one domain per login
// profile (`internal` -> `internal-authz`), with the emulator's users and the groups given with
// `--group NAME@PROFILE:MEMBER,...`. The directory is what /domains/{id}/users and /groups show; what
// the engine itself knows is /users and /groups (a directory group becomes known by POST /groups).
import { createHash } from "node:crypto";

/** A directory group: `vdi-users` in profile `internal` (domain `internal-authz`), with its members' login names. */
export interface DirectoryGroup {
  name: string;
  profile: string;
  members: string[];
}

/** user@profile: the profile is the part after the last '@'. */
export function splitPrincipal(name: string): [string, string] {
  const at = name.lastIndexOf("@");
  return at < 0 ? [name, ""] : [name.slice(0, at), name.slice(at + 1)];
}

/** A login profile's authorization provider, as the engine names it: `internal` -> `internal-authz`. */
export const authzOfProfile = (profile: string): string => `${profile || "internal"}-authz`;

/** A profile back from its authz name (`corp.example.com-authz` -> `corp.example.com`). */
export const profileOfAuthz = (authz: string): string => authz.replace(/-authz$/, "");

/**
 * A domain's id: the engine derives it from the authz name's bytes (GroupMapper, DomainMapper:
 * `new Guid(name.getBytes(), true)`), so it is stable; here a name-based (MD5) UUID.
 */
export function domainId(authz: string): string {
  const h = createHash("md5").update(authz).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-3${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** A directory entry's id as the REST API shows it (DirectoryEntryIdUtils: the directory id, hex-encoded). */
export const directoryEntryId = (principal: string): string => Buffer.from(principal).toString("hex");

/** Parses `--group NAME@PROFILE:MEMBER,...`; throws with the reason when malformed. */
export function parseGroupSpec(spec: string): DirectoryGroup {
  const colon = spec.indexOf(":");
  const full = colon < 0 ? spec : spec.slice(0, colon);
  const [name, profile] = splitPrincipal(full);
  if (name === "" || profile === "") throw new Error(`--group must look like name@profile:member@profile,..., got "${spec}"`);
  const members = colon < 0 ? [] : spec.slice(colon + 1).split(",").map((m) => m.trim()).filter((m) => m !== "");
  const bad = members.find((m) => !splitPrincipal(m)[1]);
  if (bad !== undefined) throw new Error(`--group ${full}: member "${bad}" must look like name@profile`);
  return { name, profile, members };
}
