// Parses rendered XML into plain objects so tests assert on structure, not on text layout.
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ALWAYS_LISTS = new Set(["channel", "redirdev", "certificate", "controller", "graphics", "video", "smartcard", "disk", "interface"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ALWAYS_LISTS.has(name),
});

// Loose on purpose: tests index into whatever the XML holds and assert on it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export function parseXml(xml: string): Loose {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml);
}

export function devicesOf(xml: string): Loose {
  return parseXml(xml).domain.devices;
}
