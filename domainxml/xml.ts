// A tiny XML tree and serializer: enough for libvirt domain documents, nothing more.
// Output is deterministic: attributes keep the order they were given in, two-space indentation.

export type AttrValue = string | number | undefined;

export interface XmlElement {
  name: string;
  attrs: [string, string][];
  children: XmlElement[];
  text?: string;
}

/** Something that may be left out of a child list: `cond && el(...)` reads naturally. */
export type MaybeElement = XmlElement | undefined | false | null;

/** Builds an element. Attributes whose value is undefined are left out. */
export function el(name: string, attrs: Record<string, AttrValue> = {}, ...children: (MaybeElement | MaybeElement[])[]): XmlElement {
  const kept: [string, string][] = [];
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined) kept.push([key, String(value)]);
  }
  const flat = children.flat().filter((child): child is XmlElement => Boolean(child));
  return { name, attrs: kept, children: flat };
}

/** Builds an element that holds only text, such as `<name>vm1</name>`. */
export function textEl(name: string, text: string | number, attrs: Record<string, AttrValue> = {}): XmlElement {
  return { ...el(name, attrs), text: String(text) };
}

export function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

export function serialize(node: XmlElement, depth = 0): string {
  const pad = "  ".repeat(depth);
  const attrs = node.attrs.map(([key, value]) => ` ${key}="${escapeAttr(value)}"`).join("");
  if (node.text !== undefined) {
    return `${pad}<${node.name}${attrs}>${escapeText(node.text)}</${node.name}>\n`;
  }
  if (node.children.length === 0) return `${pad}<${node.name}${attrs}/>\n`;
  const inner = node.children.map((child) => serialize(child, depth + 1)).join("");
  return `${pad}<${node.name}${attrs}>\n${inner}${pad}</${node.name}>\n`;
}
