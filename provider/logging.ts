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
 * Replaces every known secret in a text. Secrets are also matched in their URL-encoded and
 * base64 forms, the shapes a password takes in a query string or a Basic auth header.
 */
export class Scrubber {
  readonly #secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (typeof secret !== "string" || secret === "") return;
    this.#secrets.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) this.#secrets.add(encoded);
  }

  /** Also hides `user:password` as a Basic auth header would carry it. */
  addCredentials(username: string | undefined, password: string | undefined): void {
    this.add(password);
    if (username && password) this.add(Buffer.from(`${username}:${password}`).toString("base64"));
  }

  scrub(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is hidden whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join("[secret]");
    }
    return out;
  }
}
