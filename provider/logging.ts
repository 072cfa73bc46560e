// The plugins' log, shared by both front ends: stderr only (stdout carries the port or handshake
// line and nothing else). Pulumi passes a plugin's stderr on as debug messages, shown with
// `pulumi up --debug` (and in its own log at -v=3); routine lines are written only at verbosity 1 or
// more (OVIRT_PROVIDER_VERBOSITY, or the `-v=N` the CLI passes with --logflow); Terraform keeps them
// for TF_LOG. Every line passes through the scrubber first, so a password can never reach the log.
// Warnings meant for a Pulumi plan go to the engine instead (pulumi/engineLog.ts).

export interface Logger {
  /** From `-v=N`; 0 means quiet. */
  readonly verbosity: number;
  /** Always written: problems the user should see. */
  error(message: string): void;
  /** Written at -v=1 and above: provider calls and one line per engine request. */
  info(message: string): void;
  /** Written at -v=2 and above: detail beyond that. */
  debug(message: string): void;
}

export interface LoggerOptions {
  verbosity?: number;
  /** Removes secrets from a line; applied to every line. */
  scrub?: (text: string) => string;
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const verbosity = options.verbosity ?? 0;
  const scrub = options.scrub ?? ((text: string) => text);
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const emit = (level: string, message: string) => write(`[ovirt] ${level}: ${scrub(message)}\n`);
  return {
    verbosity,
    error: (message) => emit("error", message),
    info: (message) => {
      if (verbosity >= 1) emit("info", message);
    },
    debug: (message) => {
      if (verbosity >= 2) emit("debug", message);
    },
  };
}

/**
 * Replaces every known secret in a text, whatever its length. Secrets are also matched in the
 * forms they take on the way to the engine and back: URL-encoded (a query string), base64 (a
 * Basic auth header), XML-escaped (a request body) and JSON-escaped (an SSO answer, a state file).
 * A secret shorter than MIN_FREE_MATCH is replaced only where it stands apart from letters and
 * digits, so a 3-letter password hides that word without taking every "the" out of the messages.
 */
export class Scrubber {
  readonly #secrets = new Set<string>();
  #matcher: RegExp | undefined;

  add(secret: string | undefined): void {
    if (typeof secret !== "string" || secret === "") return;
    for (const form of [secret, encodeURIComponent(secret), xmlEscaped(secret), JSON.stringify(secret).slice(1, -1)]) {
      if (!this.#secrets.has(form)) {
        this.#secrets.add(form);
        this.#matcher = undefined;
      }
    }
  }

  /** Also hides `user:password` as a Basic auth header would carry it. */
  addCredentials(username: string | undefined, password: string | undefined): void {
    this.add(password);
    if (username && password) this.add(Buffer.from(`${username}:${password}`).toString("base64"));
  }

  scrub(text: string): string {
    if (this.#secrets.size === 0) return text;
    this.#matcher ??= matcherOf([...this.#secrets]);
    return text.replace(this.#matcher, "[secret]");
  }
}

/** Shorter secrets match only as a whole word (see Scrubber). */
const MIN_FREE_MATCH = 6;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function xmlEscaped(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** One alternation, longest first, so a secret that contains another is hidden whole. */
function matcherOf(secrets: string[]): RegExp {
  const alternatives = secrets
    .sort((a, b) => b.length - a.length)
    .map((secret) => (secret.length >= MIN_FREE_MATCH ? escapeRegExp(secret) : `(?<![A-Za-z0-9])${escapeRegExp(secret)}(?![A-Za-z0-9])`));
  return new RegExp(alternatives.join("|"), "g");
}
