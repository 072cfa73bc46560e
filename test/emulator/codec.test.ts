// The emulator's XML and JSON codecs under fast-check: any text parses to an entity or fails with the
// codec's SyntaxProblem (the engine's 400), never another error; what the emulator renders parses back.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_DEPTH, nestingDepth, parseBody, renderJson, renderXml, SyntaxProblem, type Node } from "../../emulator/http/codec.ts";

function parsesOrRefuses(format: "xml" | "json", text: string): void {
  try {
    parseBody(format, text, ["vm"]);
  } catch (err) {
    expect(err).toBeInstanceOf(SyntaxProblem);
  }
}

const xmlToken = fc.constantFrom("<vm>", "</vm>", "<name>", "</name>", "<a>", "</a>", "<b/>", "<!DOCTYPE vm>", "<!--", "-->",
  "<![CDATA[", "]]>", "&amp;", "&bogus;", "&#0;", "&#x110000;", "<?x?>", '<c d="1">', "</c>", "\u0000", "é", "\ud800");

/**
 * Trees of the shapes the emulator renders: element names from the API, nested entities, and text
 * values with the characters XML must escape (no edge whitespace: the reader trims values).
 */
const tree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.dictionary(
    fc.constantFrom("name", "description", "memory", "cluster", "template", "comment"),
    fc.oneof({ depthSize: "small" }, fc.stringMatching(/^[A-Za-z0-9<>&"'.-]([A-Za-z0-9<>&"' .-]*[A-Za-z0-9<>&"'.-])?$/), tie("node")),
    { minKeys: 1, maxKeys: 4 },
  ),
})).node;

describe("XML and JSON codecs", () => {
  it("parse any XML-like text or refuse it with SyntaxProblem", () => {
    fc.assert(fc.property(fc.array(fc.oneof(xmlToken, fc.string({ maxLength: 6 })), { maxLength: 20 }), (parts) => {
      parsesOrRefuses("xml", parts.join(""));
    }), { numRuns: 3000 });
  });

  it("parse any JSON-like text or refuse it with SyntaxProblem", () => {
    const jsonish = fc.oneof(fc.json(), fc.string({ maxLength: 40 }), fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)));
    fc.assert(fc.property(jsonish, (text) => parsesOrRefuses("json", text)), { numRuns: 3000 });
  });

  it("read back what they render, in both formats", () => {
    fc.assert(fc.property(tree, (node) => {
      const fromXml = parseBody("xml", renderXml("vm", node), ["vm"]);
      const fromJson = parseBody("json", renderJson(node), ["vm"]);
      expect(fromXml).toEqual(node);
      expect(fromJson).toEqual(node);
    }), { numRuns: 500 });
  });

  it("refuse nesting past the limit before parsing, and count depth in one linear scan", () => {
    const deep = (n: number): string => `<vm>${"<a>".repeat(n)}${"</a>".repeat(n)}</vm>`;
    expect(nestingDepth("xml", deep(3))).toBe(4);
    expect(nestingDepth("json", '{"a":[{"b":"}}}"}]}')).toBe(3);
    expect(() => parseBody("xml", deep(MAX_DEPTH), ["vm"])).toThrow(SyntaxProblem);
    expect(() => parseBody("json", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, ["vm"])).toThrow(SyntaxProblem);
    // No quadratic corner: a long run of unclosed tags is scanned once.
    expect(nestingDepth("xml", "<a".repeat(200_000))).toBe(0);
  });

  it("refuse a DOCTYPE (entity expansion, external entities)", () => {
    expect(() => parseBody("xml", '<!DOCTYPE vm [<!ENTITY x SYSTEM "file:///etc/passwd">]><vm><name>&x;</name></vm>', ["vm"])).toThrow(SyntaxProblem);
  });
});
