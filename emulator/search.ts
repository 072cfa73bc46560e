// The part of the engine's search language its clients use: `key op value` terms (`=`, `!=`, `<`,
// `>`, `<=`, `>=`), `*` wildcards, quoted values, `and` / `or` (any case) with the engine's
// precedence (and binds tighter), parentheses, a bare word matched against the name, and
// cross-entity keys such as `vm.name` on templates. Case-insensitive unless asked otherwise;
// `sortby` and `page` clauses are accepted and ignored (`max` is a separate query parameter).
import { badRequest } from "./http/faults.ts";

type Op = "=" | "!=" | "<" | ">" | "<=" | ">=";

interface Term {
  kind: "term";
  key: string;
  op: Op;
  value: string;
  pattern: Glob;
}

interface Junction {
  kind: "and" | "or";
  parts: Expr[];
}

type Expr = Term | Junction;

/** A parsed search: every expression must hold (an empty list matches everything). */
export type Criteria = Expr[];

/** A record's values for a search key: "" or [] when it has none; a list when several (vm.name). */
export type Fields = (key: string) => string | string[];

/** A compiled wildcard value: `test` answers in time linear in the pattern and the value. */
export interface Glob {
  test(value: string): boolean;
}

/**
 * `*` matches any run of characters. Compiled to its literal pieces and matched greedily, left to
 * right: the first piece anchors the start, the last the end, and each middle piece is taken at its
 * first occurrence (taking it later can never help a later piece). Unlike a `.*` regular expression
 * this never backtracks, so `**********Z` costs one scan, not an exponential search.
 */
export function wildcard(value: string, caseSensitive: boolean): Glob {
  const fold = (s: string): string => (caseSensitive ? s : s.toLowerCase());
  const pieces = fold(value).split("*");
  const first = pieces[0] ?? "";
  if (pieces.length === 1) return { test: (v) => fold(v) === first };
  const last = pieces[pieces.length - 1] ?? "";
  const middle = pieces.slice(1, -1).filter((p) => p !== "");
  return {
    test(raw: string): boolean {
      const v = fold(raw);
      if (v.length < first.length + last.length || !v.startsWith(first) || !v.endsWith(last)) return false;
      let at = first.length;
      const end = v.length - last.length;
      for (const piece of middle) {
        const found = v.indexOf(piece, at);
        if (found < 0 || found + piece.length > end) return false;
        at = found + piece.length;
      }
      return true;
    },
  };
}

/** Splits a search into tokens (parentheses, operators, quoted strings, words); undefined if it cannot. */
function tokenize(s: string): string[] | undefined {
  const tokens: string[] = [];
  const re = /\s*(\(|\)|!=|<=|>=|=|<|>|"[^"]*"|'[^']*'|[^\s()=!<>"']+)\s*/y;
  let at = 0;
  while (at < s.length) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m || m[1] === undefined) return undefined;
    tokens.push(m[1]);
    at = re.lastIndex;
  }
  return tokens;
}

function unquote(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    return v.slice(1, -1);
  }
  return v;
}

const OPS = new Set(["=", "!=", "<", ">", "<=", ">="]);

const MAX_PARENTHESES = 32;

class Parser {
  private pos = 0;
  private depth = 0;
  private readonly tokens: string[];
  private readonly allowedKeys: string[];
  private readonly caseSensitive: boolean;
  private readonly text: string;

  constructor(tokens: string[], allowedKeys: string[], caseSensitive: boolean, text: string) {
    this.tokens = tokens;
    this.allowedKeys = allowedKeys;
    this.caseSensitive = caseSensitive;
    this.text = text;
  }

  parse(): Expr {
    const e = this.or();
    if (this.pos < this.tokens.length) this.fail();
    return e;
  }

  private peekWord(word: string): boolean {
    return (this.tokens[this.pos] ?? "").toLowerCase() === word;
  }

  private or(): Expr {
    return this.junction("or", () => this.and());
  }

  private and(): Expr {
    return this.junction("and", () => this.primary());
  }

  /** `operand (word operand)*`: one operand alone is itself, more are joined by `word`. */
  private junction(word: Junction["kind"], operand: () => Expr): Expr {
    const parts = [operand()];
    while (this.peekWord(word)) {
      this.pos++;
      parts.push(operand());
    }
    return parts.length === 1 ? (parts[0] as Expr) : { kind: word, parts };
  }

  private primary(): Expr {
    const tok = this.tokens[this.pos];
    if (tok === undefined) return this.fail();
    if (tok === "(") {
      // The parser recurses per parenthesis: a bound keeps thousands of them from exhausting the stack.
      if (++this.depth > MAX_PARENTHESES) this.fail();
      this.pos++;
      const e = this.or();
      this.depth--;
      if (this.tokens[this.pos] !== ")") this.fail();
      this.pos++;
      return e;
    }
    const op = this.tokens[this.pos + 1];
    if (op !== undefined && OPS.has(op)) {
      const value = this.tokens[this.pos + 2];
      if (value === undefined || value === "(" || value === ")") this.fail();
      this.pos += 3;
      const key = tok.toLowerCase();
      if (!this.allowedKeys.includes(key)) {
        throw badRequest(`Cannot search: the search key '${tok}' is not supported here.`);
      }
      const v = unquote(value ?? "");
      return { kind: "term", key, op: op as Op, value: v, pattern: wildcard(v, this.caseSensitive) };
    }
    // A bare word is matched against the name.
    this.pos++;
    const v = `*${unquote(tok)}*`;
    return { kind: "term", key: "name", op: "=", value: v, pattern: wildcard(v, this.caseSensitive) };
  }

  private fail(): never {
    throw badRequest(`Cannot search: the search text '${this.text}' is not valid.`);
  }
}

export function parseSearch(search: string, allowedKeys: string[], caseSensitive = false): Criteria {
  let s = search.trim();
  // The collection prefix the UI uses ("Vms: name=x") is accepted.
  s = s.replace(/^[A-Za-z]+\s*:\s*/, "");
  s = s.replace(/\s+sortby\s+.*$/i, "").replace(/^sortby\s+.*$/i, "");
  s = s.replace(/\s+page\s+\d+\s*$/i, "").replace(/^page\s+\d+$/i, "");
  if (s.trim() === "") return [];
  const tokens = tokenize(s.trim());
  if (!tokens) throw badRequest(`Cannot search: the search text '${search}' is not valid.`);
  return [new Parser(tokens, allowedKeys, caseSensitive, search).parse()];
}

function compare(term: Term, value: string): boolean {
  switch (term.op) {
    case "=": return term.pattern.test(value);
    case "!=": return !term.pattern.test(value);
    default: {
      const a = Number(value);
      const b = Number(term.value);
      const [x, y] = Number.isFinite(a) && Number.isFinite(b) ? [a, b] : [value as unknown as number, term.value as unknown as number];
      if (term.op === "<") return x < y;
      if (term.op === ">") return x > y;
      if (term.op === "<=") return x <= y;
      return x >= y;
    }
  }
}

function holds(e: Expr, fields: Fields): boolean {
  if (e.kind === "term") return holdsTerm(e, fields);
  return e.kind === "and" ? e.parts.every((p) => holds(p, fields)) : e.parts.some((p) => holds(p, fields));
}

function holdsTerm(e: Term, fields: Fields): boolean {
  const raw = fields(e.key);
  const values = Array.isArray(raw) ? raw : [raw];
  // A negated term on a multi-valued key holds when no value matches.
  if (e.op === "!=") return !values.some((v) => e.pattern.test(v));
  return values.some((v) => compare(e, v));
}

export function matches(criteria: Criteria, fields: Fields): boolean {
  return criteria.every((e) => holds(e, fields));
}
