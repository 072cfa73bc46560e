// Secrets at rest. The engine keeps a VM's root (and sysprep) password encrypted in its database
// (vm_init.root_password, through EngineEncryptionUtils) and the API only ever answers `******`.
// The emulator does the same: any string stored under a key ending in "password" is sealed with
// AES-256-GCM under a key kept in <dataDir>/secret.key (0600), and opened again when read, so the
// collections still see the value they stored.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const PREFIX = "enc:v1:";
const KEY_FILE = "secret.key";
const SECRET_KEY = /password$/i;

export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error("the secret key must be 32 bytes");
    this.key = key;
  }

  /** The data directory's key, made on first use (the caller holds the data-directory lock). */
  static forDataDir(dataDir: string): SecretBox {
    const file = join(dataDir, KEY_FILE);
    try {
      return new SecretBox(Buffer.from(readFileSync(file, "utf8").trim(), "base64"));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    const key = randomBytes(32);
    writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return new SecretBox(key);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return `${PREFIX}${iv.toString("base64")}:${data.toString("base64")}:${cipher.getAuthTag().toString("base64")}`;
  }

  open(sealed: string): string {
    const [iv = "", data = "", tag = ""] = sealed.slice(PREFIX.length).split(":");
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
  }

  /** JSON text of a record with every password sealed. */
  stringify(record: unknown): string {
    return JSON.stringify(record, (key, value: unknown) =>
      typeof value === "string" && SECRET_KEY.test(key) && !value.startsWith(PREFIX) ? this.seal(value) : value);
  }

  /** A record from its JSON text, passwords opened (the reviver only runs when something is sealed). */
  parse<T>(text: string): T {
    if (!text.includes(PREFIX)) return JSON.parse(text) as T;
    return JSON.parse(text, (key, value: unknown) =>
      typeof value === "string" && value.startsWith(PREFIX) && SECRET_KEY.test(key) ? this.open(value) : value) as T;
  }
}
