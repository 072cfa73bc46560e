// The corpus of bad requests. Each names what it tries, the request, and the answer the engine gives:
// its status and shape. Add to it when a new kind of bad input turns up; the suite runs every entry.
import { USER, type Call, type Shape } from "./harness.ts";

export interface Case {
  name: string;
  call: Call;
  /** The statuses the engine may answer (one, or a few where it depends on the emulator's data). */
  status: number[];
  shape: Shape;
}

const API = "/ovirt-engine/api";
const vm = (inside: string): string =>
  `<vm><name>hostile</name><cluster><name>Default</name></cluster><template><name>Blank</name></template>${inside}</vm>`;
const post = (body: string | Buffer, headers: Record<string, string> = {}): Call => ({ method: "POST", path: `${API}/vms`, body, headers });
const search = (text: string, auth?: string): Call => ({
  method: "GET",
  path: `${API}/vms?search=${encodeURIComponent(text)}${auth ? "&filter=true" : ""}`,
  headers: auth ? { Authorization: auth } : {},
});
const MIB = 1024 * 1024;

/** XML entity expansion ("billion laughs"): ten levels of ten references each. */
function entityBomb(): string {
  const levels = ['<!ENTITY l0 "ha">'];
  for (let i = 1; i <= 10; i++) levels.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE vm [${levels.join("")}]><vm><name>&l10;</name></vm>`;
}

export const CORPUS: Case[] = [
  // Search: wildcards that made a backtracking regular expression (issue 22), injection attempts.
  { name: "filtered search with 10 wildcards", call: search("description=**********Z", USER), status: [200], shape: "entity" },
  { name: "filtered search with 40 wildcards", call: search(`description=${"*".repeat(40)}Z`, USER), status: [200], shape: "entity" },
  { name: "admin search with 60 wildcards on name", call: search(`name=${"*a".repeat(60)}Z`), status: [200], shape: "entity" },
  { name: "search: SQL injection in a value", call: search("name=x' or '1'='1"), status: [200, 400], shape: "entity" },
  { name: "search: statement injection", call: search('name="x"; DROP TABLE entities; --'), status: [400], shape: "fault" },
  { name: "search: unbalanced parentheses", call: search("(name=a or (name=b"), status: [400], shape: "fault" },
  { name: "search: dangling operator", call: search("name="), status: [400], shape: "fault" },
  { name: "search: unknown key", call: search("password=secret"), status: [400], shape: "fault" },
  { name: "search: 1,000 nested parentheses", call: search(`${"(".repeat(1000)}name=a${")".repeat(1000)}`), status: [400], shape: "fault" },
  { name: "search: 10 nested parentheses", call: search(`${"(".repeat(10)}name=a${")".repeat(10)}`), status: [200], shape: "entity" },
  { name: "search: 300 or-terms", call: search(Array.from({ length: 300 }, (_v, i) => `name=n${i}`).join(" or ")), status: [200], shape: "entity" },
  { name: "search: 20,000 or-terms (a 300 KB request line)", call: search(Array.from({ length: 20_000 }, (_v, i) => `name=n${i}`).join(" or ")), status: [414], shape: "fault" },
  { name: "max: not a number", call: { method: "GET", path: `${API}/vms?max=1e400` }, status: [400], shape: "fault" },

  // Integers the engine refuses (issue 22: they answered 201).
  { name: "memory of 10^30", call: post(vm("<memory>1000000000000000000000000000000</memory>")), status: [400], shape: "fault" },
  { name: "cores of -4", call: post(vm("<cpu><topology><cores>-4</cores><sockets>1</sockets></topology></cpu>")), status: [400], shape: "fault" },
  { name: "sockets of 2^31", call: post(vm("<cpu><topology><cores>1</cores><sockets>2147483648</sockets></topology></cpu>")), status: [400], shape: "fault" },
  { name: "memory as a float", call: post(vm("<memory>1.5e9</memory>")), status: [400], shape: "fault" },

  // Parser errors and encodings (issue 22: 500s, HTML pages or resets).
  { name: "unclosed XML element", call: post("<vm><name>x</vm>"), status: [400], shape: "fault" },
  { name: "XML with two roots", call: post("<vm/><vm/>"), status: [400], shape: "fault" },
  { name: "XML entity expansion bomb", call: post(entityBomb()), status: [400], shape: "fault" },
  { name: "XML external entity", call: post('<?xml version="1.0"?><!DOCTYPE vm [<!ENTITY x SYSTEM "file:///etc/passwd">]><vm><name>&x;</name></vm>'), status: [400], shape: "fault" },
  { name: "XML nested 30,000 deep", call: post(`<vm>${"<a>".repeat(30_000)}${"</a>".repeat(30_000)}</vm>`), status: [400], shape: "fault" },
  { name: "XML 15,000 sibling elements", call: post(`<vm>${"<description>x</description>".repeat(15_000)}</vm>`), status: [400], shape: "fault" },
  { name: "a description just under the 512 KiB limit", call: post(vm(`<description>${"x".repeat(MIB / 2 - 200)}</description>`).replace("hostile", "long-description")), status: [201, 400], shape: "entity" },
  { name: "9 MiB in one XML element", call: post(vm(`<description>${"x".repeat(9 * MIB)}</description>`)), status: [413], shape: "fault" },
  { name: "a description just over the limit", call: post(vm(`<description>${"x".repeat(MIB / 2)}</description>`)), status: [413], shape: "fault" },
  { name: "22,000 JSON members", call: post(JSON.stringify(Object.fromEntries(Array.from({ length: 22_000 }, (_v, i) => [`k${i}`, "v"]))), { "Content-Type": "application/json" }), status: [400], shape: "fault" },
  { name: "9 MiB of JSON members", call: post(JSON.stringify(Object.fromEntries(Array.from({ length: 400_000 }, (_v, i) => [`k${i}`, "v"]))), { "Content-Type": "application/json" }), status: [413], shape: "fault" },
  { name: "JSON nested 50,000 deep", call: post(`${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`, { "Content-Type": "application/json" }), status: [400], shape: "fault" },
  { name: "JSON that is not an object", call: post("[1,2,3]", { "Content-Type": "application/json" }), status: [400], shape: "fault" },
  { name: "truncated JSON", call: post('{"name": "x", "cluster": {', { "Content-Type": "application/json" }), status: [400], shape: "fault" },
  { name: "JSON __proto__ member", call: post('{"__proto__": {"admin": true}, "name": "proto"}', { "Content-Type": "application/json" }), status: [400], shape: "fault" },
  { name: "JSON body sent as XML", call: post('{"name": "x"}'), status: [400], shape: "fault" },
  { name: "invalid UTF-8 in a name", call: post(Buffer.concat([Buffer.from("<vm><name>"), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from("</name></vm>")])), status: [400], shape: "fault" },
  { name: "NUL character in a name", call: post(vm("").replace("hostile", "a\u0000b")), status: [400], shape: "fault" },
  { name: "unknown element", call: post(vm("<root_password_hash>x</root_password_hash>")), status: [400], shape: "fault" },
  { name: "malformed percent-escape in the path", call: { method: "GET", path: `${API}/vms/%ZZ` }, status: [400], shape: "fault" },
  { name: "invalid UTF-8 percent-escape in the path", call: { method: "GET", path: `${API}/vms/%C3%28` }, status: [400], shape: "fault" },
  { name: "malformed percent-escape in the query", call: { method: "GET", path: `${API}/vms?search=name%3D%ZZ` }, status: [200, 400], shape: "entity" },

  // Size (issue 22: a reset).
  { name: "11 MiB body with Content-Length", call: post("x".repeat(11 * MIB)), status: [413], shape: "fault" },
  { name: "11 MiB chunked body", call: { ...post("x".repeat(11 * MIB)), chunked: true }, status: [413], shape: "fault" },
  { name: "11 MiB SSO token form", call: { method: "POST", path: "/ovirt-engine/sso/oauth/token", body: "x".repeat(11 * MIB), headers: { "Content-Type": "application/x-www-form-urlencoded" } }, status: [413], shape: "fault" },

  // Paths, credentials, the emulator's own endpoints.
  { name: "repeated slashes (go-ovirt-client with a trailing /)", call: { method: "GET", path: `${API}//vms` }, status: [200], shape: "entity" },
  { name: "leading double slash", call: { method: "GET", path: `/${API}/clusters` }, status: [200], shape: "entity" },
  { name: "unknown id", call: { method: "GET", path: `${API}/vms/00000000-0000-0000-0000-000000000000` }, status: [404], shape: "empty" },
  { name: "garbage Basic credentials", call: { method: "GET", path: `${API}/vms`, headers: { Authorization: "Basic !!!!" } }, status: [401], shape: "page" },
  { name: "stats reset without credentials", call: { method: "DELETE", path: "/ovirt-engine/emulator/stats", headers: { Authorization: "" } }, status: [401], shape: "page" },
  { name: "stats reset by a non-admin", call: { method: "DELETE", path: "/ovirt-engine/emulator/stats", headers: { Authorization: USER } }, status: [401], shape: "page" },
  { name: "unfiltered list by a non-admin", call: { method: "GET", path: `${API}/disks`, headers: { Authorization: USER } }, status: [403], shape: "fault" },
];
