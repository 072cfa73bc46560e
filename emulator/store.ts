// Persistence in node:sqlite. Every change is written (autocommit or an explicit transaction)
// before the HTTP answer is sent, so killing the process loses no answered request. Entities are
// JSON documents keyed by kind and id; scheduled transitions keep their due time so they finish
// after a restart.
import { AsyncLocalStorage } from "node:async_hooks";
import { DatabaseSync } from "node:sqlite";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import type {
  AffinityGroupRecord, AffinityLabelRecord, ClusterRecord, DataCenterRecord, DiskRecord, HostRecord, ImageTransferRecord,
  JobRecord, NetworkRecord, NicRecord, PoolRecord, StorageDomainRecord, TagRecord, TemplateRecord, VmRecord,
  VnicProfileRecord,
} from "./model.ts";
import { SecretBox } from "./secrets.ts";

export interface KindMap {
  vm: VmRecord;
  template: TemplateRecord;
  pool: PoolRecord;
  cluster: ClusterRecord;
  datacenter: DataCenterRecord;
  host: HostRecord;
  storagedomain: StorageDomainRecord;
  disk: DiskRecord;
  network: NetworkRecord;
  vnicprofile: VnicProfileRecord;
  nic: NicRecord;
  tag: TagRecord;
  affinitygroup: AffinityGroupRecord;
  affinitylabel: AffinityLabelRecord;
  imagetransfer: ImageTransferRecord;
  job: JobRecord;
}
export type Kind = keyof KindMap;

/** The user a request runs as (set by the route step), so what it starts can be shown to them alone. */
export const actingUser = new AsyncLocalStorage<string>();

/** Jobs and image transfers belong to the user whose request made them (filtered users see their own). */
const OWNED_KINDS: ReadonlySet<Kind> = new Set<Kind>(["job", "imagetransfer"]);

export type Owned<T> = T & { owner?: string };

export const ownerOf = (record: object): string | undefined => (record as { owner?: string }).owner;

/** The data directory is the user's alone (0700): it holds the database, the keys and the CA key. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Creates the file 0600 if it is missing, and makes an existing one 0600. */
export function makePrivateFile(file: string): void {
  closeSync(openSync(file, "a", 0o600));
  chmodSync(file, 0o600);
}

export interface JobRow {
  id: number;
  dueAt: number;
  kind: string;
  payload: Record<string, unknown>;
}

export class Store {
  readonly db: DatabaseSync;
  private readonly secrets: SecretBox;

  constructor(dataDir: string) {
    makePrivateDir(dataDir);
    const file = join(dataDir, "engine.sqlite");
    makePrivateFile(file);
    this.db = new DatabaseSync(file);
    this.secrets = SecretBox.forDataDir(dataDir);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS entities (
        kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL, seq INTEGER NOT NULL,
        PRIMARY KEY (kind, id));
      CREATE INDEX IF NOT EXISTS entities_name ON entities (kind, name COLLATE NOCASE);
      CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, user TEXT NOT NULL, expires_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT, due_at INTEGER NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL);
    `);
    // SQLite gives the WAL and shared-memory files the database's mode; older data directories may
    // still have them world-readable.
    for (const suffix of ["-wal", "-shm"]) if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  /** Runs fn in one transaction: all of its writes land together or not at all. */
  tx<T>(fn: () => T): T {
    if (this.db.isTransaction) return fn();
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = fn();
      this.db.exec("COMMIT");
      return result;
    } catch (err) {
      this.db.exec("ROLLBACK");
      throw err;
    }
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(key, value);
  }

  get<K extends Kind>(kind: K, id: string): KindMap[K] | undefined {
    const row = this.db.prepare("SELECT data FROM entities WHERE kind = ? AND id = ?").get(kind, id) as
      | { data: string }
      | undefined;
    return row ? this.secrets.parse<KindMap[K]>(row.data) : undefined;
  }

  /** All entities of a kind, in creation order. */
  list<K extends Kind>(kind: K): KindMap[K][] {
    const rows = this.db.prepare("SELECT data FROM entities WHERE kind = ? ORDER BY seq").all(kind) as { data: string }[];
    return rows.map((r) => this.secrets.parse<KindMap[K]>(r.data));
  }

  /** Case-sensitive exact name match (names are unique within their scope). */
  byName<K extends Kind>(kind: K, name: string): KindMap[K][] {
    const rows = this.db.prepare("SELECT data FROM entities WHERE kind = ? AND name = ? ORDER BY seq")
      .all(kind, name) as { data: string }[];
    return rows.map((r) => this.secrets.parse<KindMap[K]>(r.data));
  }

  put<K extends Kind>(kind: K, record: KindMap[K]): void {
    const user = actingUser.getStore();
    if (user !== undefined && OWNED_KINDS.has(kind) && ownerOf(record) === undefined) {
      (record as Owned<KindMap[K]>).owner = user;
    }
    this.db.prepare(`INSERT INTO entities (kind, id, name, data, seq)
        VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM entities))
        ON CONFLICT(kind, id) DO UPDATE SET name = excluded.name, data = excluded.data`)
      .run(kind, record.id, record.name, this.secrets.stringify(record));
  }

  delete(kind: Kind, id: string): void {
    this.db.prepare("DELETE FROM entities WHERE kind = ? AND id = ?").run(kind, id);
  }

  // ---- tokens (stored as hashes, never in plain text) ----
  putToken(hash: string, user: string, expiresAt: number): void {
    this.db.prepare("INSERT OR REPLACE INTO tokens (hash, user, expires_at) VALUES (?, ?, ?)").run(hash, user, expiresAt);
  }

  getToken(hash: string): { user: string; expiresAt: number } | undefined {
    const row = this.db.prepare("SELECT user, expires_at FROM tokens WHERE hash = ?").get(hash) as
      | { user: string; expires_at: number }
      | undefined;
    return row ? { user: row.user, expiresAt: row.expires_at } : undefined;
  }

  deleteToken(hash: string): void {
    this.db.prepare("DELETE FROM tokens WHERE hash = ?").run(hash);
  }

  purgeExpiredTokens(now: number): void {
    this.db.prepare("DELETE FROM tokens WHERE expires_at <= ?").run(now);
  }

  // ---- scheduled transitions ----
  addJob(dueAt: number, kind: string, payload: Record<string, unknown>): number {
    const r = this.db.prepare("INSERT INTO jobs (due_at, kind, payload) VALUES (?, ?, ?)")
      .run(dueAt, kind, JSON.stringify(payload));
    return Number(r.lastInsertRowid);
  }

  jobs(): JobRow[] {
    const rows = this.db.prepare("SELECT id, due_at, kind, payload FROM jobs ORDER BY due_at, id").all() as {
      id: number; due_at: number; kind: string; payload: string;
    }[];
    return rows.map((r) => ({ id: r.id, dueAt: r.due_at, kind: r.kind, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  }

  job(id: number): JobRow | undefined {
    const r = this.db.prepare("SELECT id, due_at, kind, payload FROM jobs WHERE id = ?").get(id) as
      | { id: number; due_at: number; kind: string; payload: string }
      | undefined;
    return r ? { id: r.id, dueAt: r.due_at, kind: r.kind, payload: JSON.parse(r.payload) as Record<string, unknown> } : undefined;
  }

  deleteJob(id: number): void {
    this.db.prepare("DELETE FROM jobs WHERE id = ?").run(id);
  }
}
