// XML text <-> plain objects with fast-xml-parser. Attributes (id, href) carry the "@_" prefix;
// every value stays a string here and is coerced by the zod schemas in model.ts.

import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { EngineError } from "./errors.ts";

export type XmlObject = Record<string, unknown>;

/** Collection children that are always lists, even with one or zero members. */
const LIST_PATHS = new Set([
  "vms.vm",
  "templates.template",
  "vm_pools.vm_pool",
  "clusters.cluster",
  "graphics_consoles.graphics_console",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name, jPath, _isLeaf, isAttribute) => {
    if (isAttribute) return false;
    const path = String(jPath);
    return LIST_PATHS.has(path) || path.endsWith("sso.methods.method") || path.endsWith("actions.link");
  },
  // Every entity carries a dozen or more `<link rel href/>` elements that nothing here reads; in a
  // list of 1,000 VMs they are most of the parsed tree, so they are dropped while parsing.
  updateTag: (name, jPath) => name !== "link" || String(jPath).endsWith("actions.link"),
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: true,
  format: false,
});

/** Parses the engine's XML; a clear error when the text is not XML at all. */
export function parseXml(text: string, context: string): XmlObject {
  const trimmed = text.trim();
  if (!trimmed.startsWith("<")) {
    // The body is not quoted: it could be a console file carrying a ticket.
    throw new EngineError(`the engine's answer to ${context} is not XML (${trimmed.length} characters, not starting with "<")`, {
      kind: "malformed",
    });
  }
  try {
    const parsed: unknown = parser.parse(trimmed);
    if (parsed === null || typeof parsed !== "object") throw new Error("empty document");
    return parsed as XmlObject;
  } catch (err) {
    throw new EngineError(`the engine's answer to ${context} is not well-formed XML: ${(err as Error).message}`, {
      kind: "malformed",
      cause: err,
    });
  }
}

/** Serialises one root element, e.g. `{ vm: {...} }`. Empty strings become empty elements (`<methods/>`). */
export function buildXml(doc: XmlObject): string {
  return builder.build(doc) as string;
}

/**
 * The members of a collection answer (`<vms><vm>…</vm>…</vms>`), each parsed on its own and handed
 * to `map` before the next is parsed: a list of 1,000 VMs then never exists as one parsed tree,
 * which would cost the plugin tens of MB at once. Nested elements of the same name (a followed
 * NIC's `<vm href id/>`) are skipped by depth. Undefined when the text is not laid out as
 * expected (the caller parses it whole and reports what it finds).
 */
export function mapMembers<T>(text: string, plural: string, singular: string, context: string, map: (item: unknown) => T): T[] | undefined {
  const root = new RegExp(`^\\s*(?:<\\?xml[^>]*\\?>\\s*)?<${plural}(?=[\\s/>])[^>]*?(/?)>`).exec(text);
  if (!root) return undefined;
  if (root[1] === "/") return [];
  const tags = new RegExp(`<(/?)${singular}(?=[\\s/>])[^>]*?(/?)>`, "g");
  tags.lastIndex = root[0].length;
  const out: T[] = [];
  let depth = 0;
  let start = -1;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    const closing = m[1] === "/";
    const selfClosing = m[2] === "/";
    if (!closing && depth === 0) start = m.index;
    if (!closing && !selfClosing) depth++;
    else if (closing) depth--;
    if (depth < 0) return undefined;
    if (depth === 0 && start >= 0) {
      const member = parseXml(text.slice(start, m.index + m[0].length), context)[singular];
      out.push(map(member));
      start = -1;
    }
  }
  if (depth !== 0 || !new RegExp(`</${plural}>\\s*$`).test(text)) return undefined;
  return out;
}
