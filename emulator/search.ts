// The subset of the engine's search language the clients use: `name=foo*`, `name="foo"`,
// `pool=p`, `status=up`, terms joined with `and`; case-insensitive by default; `sortby` and
// `page` clauses are accepted and ignored (`max` is a separate query parameter).
import { badRequest } from "./http/faults.ts";

export interface Criterion {
  key: string;
  negate: boolean;
  pattern: RegExp;
}

function wildcard(value: string, caseSensitive: boolean): RegExp {
  const escaped = value.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`, caseSensitive ? "" : "i");
}

export function parseSearch(search: string, allowedKeys: string[], caseSensitive = false): Criterion[] {
  let s = search.trim();
  // The collection prefix the UI uses ("Vms: name=x") is accepted.
  s = s.replace(/^[A-Za-z]+\s*:\s*/, "");
  s = s.replace(/\s+sortby\s+.*$/i, "").replace(/\s+page\s+\d+\s*$/i, "").replace(/^page\s+\d+$/i, "");
  if (s === "") return [];
  const terms = s.split(/\s+and\s+/i);
  return terms.map((term) => {
    const m = /^\s*([A-Za-z_.]+)\s*(!=|=)\s*(.*?)\s*$/.exec(term);
    if (!m) {
      // A bare word is matched against the name.
      return { key: "name", negate: false, pattern: wildcard(`*${unquote(term.trim())}*`, caseSensitive) };
    }
    const key = (m[1] ?? "").toLowerCase();
    if (!allowedKeys.includes(key)) {
      throw badRequest(`Cannot search: the search key '${m[1]}' is not supported here.`);
    }
    return { key, negate: m[2] === "!=", pattern: wildcard(unquote(m[3] ?? ""), caseSensitive) };
  });
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")))) {
    return t.slice(1, -1);
  }
  return t;
}

/** fields(key) gives the record's values for a search key ("" when it has none). */
export function matches(criteria: Criterion[], fields: (key: string) => string): boolean {
  return criteria.every((c) => c.pattern.test(fields(c.key)) !== c.negate);
}
