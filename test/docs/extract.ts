// Finds the runnable examples in docs/: each is a fenced block right after a marker line
// `<!-- example: <token> <language> -->` that scripts/docs/pages.ts writes.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Language } from "../../scripts/docs/render.ts";

export interface DocExample {
  token: string;
  language: Language;
  code: string;
  /** The page it came from, relative to docs/. */
  page: string;
}

function pages(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return pages(path, root);
    return entry.endsWith(".md") ? [relative(root, path)] : [];
  });
}

export function extractExamples(docsDir: string): DocExample[] {
  const found: DocExample[] = [];
  const marker = /<!-- example: (\S+) (\w+) -->\n```\w+\n([\s\S]*?)\n```/g;
  for (const page of pages(docsDir).sort()) {
    const text = readFileSync(join(docsDir, page), "utf8");
    for (const m of text.matchAll(marker)) {
      found.push({ token: m[1] ?? "", language: (m[2] ?? "") as Language, code: `${m[3] ?? ""}\n`, page });
    }
  }
  return found;
}

/**
 * Every distinct example: the landing pages repeat the Vm's, which would declare its resources
 * twice in one program; a page with another form of the same call (a provider function) stays.
 */
export function uniqueExamples(docsDir: string): DocExample[] {
  const byCode = new Map<string, DocExample>();
  for (const e of extractExamples(docsDir)) if (!byCode.has(`${e.language}\n${e.code}`)) byCode.set(`${e.language}\n${e.code}`, e);
  return [...byCode.values()];
}
