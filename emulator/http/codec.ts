// Wire formats. The emulator builds every answer as a neutral tree ("@name" keys are XML attributes,
// arrays are repeated elements) and renders it as XML (the engine's default) or JSON (the engine's
// Jackson shape: attributes become plain keys, primitives become strings, a collection is an object
// whose singular key holds an array).
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

export type Node = { [key: string]: Value };
export type Value = string | number | boolean | Node | Value[] | undefined | null;

export type Format = "xml" | "json";

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  format: true,
  // JAXB writes an empty string as <comment></comment>; the SDKs read <comment/> as absent.
  suppressEmptyNode: false,
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Drops undefined and null members so they render as absent, not as empty elements. */
function clean(value: Value): Value {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined && v !== null).map(clean);
  if (value !== null && typeof value === "object") {
    const out: Node = {};
    for (const [k, v] of Object.entries(value)) {
      // Empty lists are left out: `<vms/>` in XML, `{}` in JSON.
      if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
      out[k] = clean(v);
    }
    return out;
  }
  return value;
}

export function renderXml(root: string, node: Node | string): string {
  return XML_HEADER + builder.build({ [root]: typeof node === "string" ? node : clean(node) });
}

function toJson(value: Value): unknown {
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || v === null) continue;
      out[k.startsWith("@") ? k.slice(1) : k] = toJson(v);
    }
    return out;
  }
  return String(value);
}

/** JSON has no root element: the object is the entity itself. */
export function renderJson(node: Node | string): string {
  return JSON.stringify(typeof node === "string" ? {} : toJson(clean(node)));
}

export function render(format: Format, root: string, node: Node | string): string {
  return format === "json" ? renderJson(node) : renderXml(root, node);
}

export class SyntaxProblem extends Error {}

/** Deeper than any entity the API has: refused before a recursive parser could run out of stack. */
export const MAX_DEPTH = 64;
/** More elements than any entity the API has: refused before the (slow) XML parser blocks everyone. */
export const MAX_ELEMENTS = 10_000;

/**
 * The deepest nesting of a body, in one linear scan: JSON brackets outside strings, or XML start tags
 * minus end tags (self-closing ones do not count). An upper bound is enough: it only refuses. An XML
 * body with more than MAX_ELEMENTS elements counts as too deep (Infinity).
 */
export function nestingDepth(format: Format, text: string): number {
  let depth = 0;
  let deepest = 0;
  if (format === "json") {
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{" || c === "[") deepest = Math.max(deepest, ++depth);
      else if (c === "}" || c === "]") depth--;
    }
    return deepest;
  }
  let elements = 0;
  for (const m of text.matchAll(/<(\/?)[A-Za-z_][^<>]*?(\/?)>/g)) {
    if (++elements > 2 * MAX_ELEMENTS) return Number.POSITIVE_INFINITY;
    if (m[1] === "/") depth--;
    else if (m[2] !== "/") deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

function parseXml(text: string, roots: string[]): Node {
  // A DOCTYPE can declare entities (expansion bombs, external files): the engine's JAXB reader refuses it.
  if (/<!DOCTYPE/i.test(text)) throw new SyntaxProblem("a DOCTYPE is not allowed");
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new SyntaxProblem(valid.err.msg);
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (err) {
    throw new SyntaxProblem((err as Error).message);
  }
  const keys = Object.keys(doc);
  const root = keys[0];
  if (keys.length !== 1 || root === undefined || !roots.includes(root)) {
    throw new SyntaxProblem(`unexpected root element ${root ?? "(none)"}; expected ${roots.join(" or ")}`);
  }
  const content = doc[root];
  if (content === "" || content === undefined) return {};
  if (typeof content !== "object" || Array.isArray(content)) throw new SyntaxProblem(`<${root}> has no elements`);
  return content as Node;
}

/**
 * Parses a request body. XML must have one of the expected root elements; JSON is the entity
 * object itself. An empty body gives an empty entity (actions may have no body at all).
 */
export function parseBody(format: Format, body: string, roots: string[]): Node {
  const text = body.trim();
  if (text === "") return {};
  if (nestingDepth(format, text) > MAX_DEPTH) {
    throw new SyntaxProblem(`the body is nested deeper than ${MAX_DEPTH} levels or has more than ${MAX_ELEMENTS} elements`);
  }
  if (format === "xml") return parseXml(text, roots);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new SyntaxProblem((err as Error).message);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new SyntaxProblem("the JSON body is not an object");
  }
  return parsed as Node;
}

// ---- reading helpers, tolerant of both shapes (XML attributes "@id", JSON plain "id") ----

export function child(node: Node | undefined, key: string): Value {
  if (!node) return undefined;
  const v = node[key];
  if (v !== undefined) return v;
  return node[`@${key}`];
}

export function childNode(node: Node | undefined, key: string): Node | undefined {
  const v = child(node, key);
  if (v === "" ) return {};
  if (v !== null && typeof v === "object" && !Array.isArray(v)) return v;
  return undefined;
}

export function has(node: Node | undefined, key: string): boolean {
  return child(node, key) !== undefined;
}

export function text(node: Node | undefined, key: string): string | undefined {
  const v = child(node, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v === "object") {
    // <name attr="x">text</name> parses as { "#text": ... }
    const t = (v as Node)["#text"];
    return typeof t === "string" ? t : Array.isArray(v) ? undefined : "";
  }
  return String(v);
}

export function asArray(v: Value): Value[] {
  if (v === undefined || v === null || v === "") return [];
  return Array.isArray(v) ? v : [v];
}

/** A reference such as <cluster id="..."/> or <cluster><name>Default</name></cluster>. */
export function ref(node: Node | undefined, key: string): { id?: string; name?: string } | undefined {
  const r = childNode(node, key);
  if (!r) return undefined;
  const id = text(r, "id");
  const name = text(r, "name");
  return { id: id || undefined, name: name || undefined };
}
