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
