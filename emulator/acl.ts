// Permissions, the groups the engine knows and console sessions, kept in the engine's database.
// As on the engine (the `permissions` table: ad_element_id, role_id, object_id), a permission is keyed
// by the id of the object it is on and goes with that object: a VM made later under a deleted VM's
// name inherits nothing. Principals are users (by login name) or groups the engine knows (by id).
import { randomUUID } from "node:crypto";
import type { DatabaseSync } from "node:sqlite";
import type { Store } from "./store.ts";

export type ObjectKind = "vm" | "pool" | "template" | "cluster";
export type PrincipalKind = "user" | "group";

export interface PermissionRow {
  id: string;
  principalKind: PrincipalKind;
  /** A user's login name (alice@internal) or an engine group's id. */
  principal: string;
  objectKind: ObjectKind;
  objectId: string;
  role: string;
  /** Given by allocatevm (AttachUserToVmFromPoolAndRun): the desktop is held by that user. */
  allocated: boolean;
}

/** A directory group the engine has been told about (AddGroupCommand): what /groups lists. */
export interface EngineGroup {
  id: string;
  name: string;
  /** The authorization provider it comes from, e.g. internal-authz. */
  authz: string;
}

/** What a user may reach through their own and their groups' permissions, by object id. */
export interface Reach {
  vm: Set<string>;
  pool: Set<string>;
  template: Set<string>;
  cluster: Set<string>;
}

interface Row {
  id: string; principal_kind: string; principal: string; object_kind: string; object_id: string; role: string; allocated: number;
}

const toRow = (r: Row): PermissionRow => ({
  id: r.id,
  principalKind: r.principal_kind as PrincipalKind,
  principal: r.principal,
  objectKind: r.object_kind as ObjectKind,
  objectId: r.object_id,
  role: r.role,
  allocated: r.allocated === 1,
});

export class Acl {
  private readonly db: DatabaseSync;
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
    this.db = store.db;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS acl (
        id TEXT PRIMARY KEY, principal_kind TEXT NOT NULL, principal TEXT NOT NULL, object_kind TEXT NOT NULL,
        object_id TEXT NOT NULL, role TEXT NOT NULL, allocated INTEGER NOT NULL DEFAULT 0,
        UNIQUE (principal_kind, principal, object_kind, object_id, role));
      CREATE INDEX IF NOT EXISTS acl_object ON acl (object_kind, object_id);
      CREATE TABLE IF NOT EXISTS acl_pending (user TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (user, kind, name));
      CREATE TABLE IF NOT EXISTS engine_groups (id TEXT PRIMARY KEY, name TEXT NOT NULL, authz TEXT NOT NULL, UNIQUE (name, authz));
      CREATE TABLE IF NOT EXISTS engine_users (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS console_sessions (vm_id TEXT PRIMARY KEY, user TEXT NOT NULL, since INTEGER NOT NULL);
    `);
    this.migrateNameKeyed();
  }

  /** Data directories from before kept permissions by entity name: bind each to the entity of that name now. */
  private migrateNameKeyed(): void {
    const old = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'permissions'").get();
    if (!old) return;
    const rows = this.db.prepare("SELECT user, kind, name FROM permissions").all() as { user: string; kind: "vm" | "pool"; name: string }[];
    this.store.tx(() => {
      for (const r of rows) this.grantByName(r.user, r.kind, r.name);
      this.db.exec("DROP TABLE permissions");
    });
  }

  grant(principalKind: PrincipalKind, principal: string, objectKind: ObjectKind, objectId: string, role = "UserRole", allocated = false): PermissionRow {
    const existing = this.db.prepare(
      "SELECT * FROM acl WHERE principal_kind = ? AND principal = ? AND object_kind = ? AND object_id = ? AND role = ?",
    ).get(principalKind, principal, objectKind, objectId, role) as Row | undefined;
    if (existing) return toRow(existing);
    const row: PermissionRow = { id: randomUUID(), principalKind, principal, objectKind, objectId, role, allocated };
    this.db.prepare("INSERT INTO acl (id, principal_kind, principal, object_kind, object_id, role, allocated) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(row.id, principalKind, principal, objectKind, objectId, role, allocated ? 1 : 0);
    return row;
  }

  on(objectKind: ObjectKind, objectId: string): PermissionRow[] {
    return (this.db.prepare("SELECT * FROM acl WHERE object_kind = ? AND object_id = ?").all(objectKind, objectId) as unknown as Row[]).map(toRow);
  }

  remove(id: string): void {
    this.db.prepare("DELETE FROM acl WHERE id = ?").run(id);
  }

  /** The object is gone: so are the permissions on it (and a console session on a VM). */
  removeFor(objectKind: ObjectKind, objectId: string): void {
    this.db.prepare("DELETE FROM acl WHERE object_kind = ? AND object_id = ?").run(objectKind, objectId);
    if (objectKind === "vm") this.endConsoleSession(objectId);
  }

  /** The users who hold a pool desktop: those with a role of their own on it (allocatevm gives UserRole). */
  holders(vmId: string): string[] {
    return this.on("vm", vmId).filter((p) => p.principalKind === "user").map((p) => p.principal);
  }

  /**
   * ProcessDownVmCommand on an automatic pool's VM: DetachUserFromVmFromPool for each user with a
   * permission on it (DbUserDao.getAllForVm), so the desktop goes back to the pool.
   */
  releaseAllocation(vmId: string): void {
    this.db.prepare("DELETE FROM acl WHERE object_kind = 'vm' AND object_id = ? AND principal_kind = 'user'").run(vmId);
  }

  // ---- grants by name (startup users, the emulator's grants endpoint): bound to the entity's id ----

  /** Binds at once when the entity exists, else when it first appears (checked at each access check). */
  grantByName(user: string, kind: "vm" | "pool", name: string): void {
    const entity = this.store.byName(kind, name)[0];
    if (entity) this.grant("user", user, kind, entity.id);
    else this.db.prepare("INSERT OR IGNORE INTO acl_pending (user, kind, name) VALUES (?, ?, ?)").run(user, kind, name);
  }

  revokeByName(user: string, kind: "vm" | "pool", name: string): void {
    this.db.prepare("DELETE FROM acl_pending WHERE user = ? AND kind = ? AND name = ?").run(user, kind, name);
    for (const e of this.store.byName(kind, name)) {
      this.db.prepare("DELETE FROM acl WHERE principal_kind = 'user' AND principal = ? AND object_kind = ? AND object_id = ?").run(user, kind, e.id);
    }
  }

  private bindPending(): void {
    const rows = this.db.prepare("SELECT user, kind, name FROM acl_pending").all() as { user: string; kind: "vm" | "pool"; name: string }[];
    for (const r of rows) {
      const entity = this.store.byName(r.kind, r.name)[0];
      if (!entity) continue;
      this.store.tx(() => {
        this.grant("user", r.user, r.kind, entity.id);
        this.db.prepare("DELETE FROM acl_pending WHERE user = ? AND kind = ? AND name = ?").run(r.user, r.kind, r.name);
      });
    }
  }

  /** What a user reaches through their own permissions and those of the given (engine) groups. */
  reach(user: string, groupIds: string[]): Reach {
    this.bindPending();
    const reach: Reach = { vm: new Set(), pool: new Set(), template: new Set(), cluster: new Set() };
    const rows = this.db.prepare("SELECT * FROM acl WHERE principal_kind = 'user' AND principal = ?").all(user) as unknown as Row[];
    for (const g of groupIds) rows.push(...(this.db.prepare("SELECT * FROM acl WHERE principal_kind = 'group' AND principal = ?").all(g) as unknown as Row[]));
    for (const r of rows) reach[r.object_kind as ObjectKind].add(r.object_id);
    return reach;
  }

  /** Names of the VMs and pools a user has a permission of their own on (the grants endpoint's answer). */
  userGrantNames(user: string): { vms: string[]; pools: string[] } {
    const r = this.reach(user, []);
    const names = (kind: "vm" | "pool", ids: Set<string>): string[] => [...ids].flatMap((id) => this.store.get(kind, id)?.name ?? []);
    return { vms: names("vm", r.vm), pools: names("pool", r.pool) };
  }

  // ---- groups the engine knows ----

  addGroup(name: string, authz: string): EngineGroup {
    const existing = this.db.prepare("SELECT id, name, authz FROM engine_groups WHERE name = ? AND authz = ?").get(name, authz) as EngineGroup | undefined;
    if (existing) return existing;
    const g: EngineGroup = { id: randomUUID(), name, authz };
    this.db.prepare("INSERT INTO engine_groups (id, name, authz) VALUES (?, ?, ?)").run(g.id, name, authz);
    return g;
  }

  groups(): EngineGroup[] {
    return this.db.prepare("SELECT id, name, authz FROM engine_groups ORDER BY rowid").all() as unknown as EngineGroup[];
  }

  group(id: string): EngineGroup | undefined {
    return this.db.prepare("SELECT id, name, authz FROM engine_groups WHERE id = ?").get(id) as EngineGroup | undefined;
  }

  /** RemoveGroupCommand: the group leaves the engine with its permissions. */
  removeGroup(id: string): void {
    this.store.tx(() => {
      this.db.prepare("DELETE FROM engine_groups WHERE id = ?").run(id);
      this.db.prepare("DELETE FROM acl WHERE principal_kind = 'group' AND principal = ?").run(id);
    });
  }

  // ---- directory users added to the engine (AddUserCommand); login users are known without it ----

  /** AddUserCommand: saves the directory user, or updates the one already there (no error for a duplicate). */
  addUser(loginName: string): void {
    this.db.prepare("INSERT OR IGNORE INTO engine_users (name) VALUES (?)").run(loginName);
  }

  addedUsers(): string[] {
    return (this.db.prepare("SELECT name FROM engine_users ORDER BY rowid").all() as { name: string }[]).map((r) => r.name);
  }

  /** RemoveUserCommand: the user's direct permissions go first, then the user. */
  removeUser(loginName: string): void {
    this.store.tx(() => {
      this.db.prepare("DELETE FROM acl WHERE principal_kind = 'user' AND principal = ?").run(loginName);
      this.db.prepare("DELETE FROM engine_users WHERE name = ?").run(loginName);
    });
  }

  /** The permissions a user or group holds directly, on any object (PermissionDao.getAllDirectPermissionsForAdElement). */
  heldBy(principalKind: PrincipalKind, principal: string): PermissionRow[] {
    return (this.db.prepare("SELECT * FROM acl WHERE principal_kind = ? AND principal = ? ORDER BY rowid").all(principalKind, principal) as unknown as Row[]).map(toRow);
  }

  // ---- console sessions: who is connected to a VM's console (the engine's console_cur_user_name) ----

  startConsoleSession(vmId: string, user: string): void {
    this.db.prepare("INSERT INTO console_sessions (vm_id, user, since) VALUES (?, ?, ?) ON CONFLICT(vm_id) DO UPDATE SET user = excluded.user, since = excluded.since")
      .run(vmId, user, Date.now());
  }

  consoleSession(vmId: string): { user: string; since: number } | undefined {
    return this.db.prepare("SELECT user, since FROM console_sessions WHERE vm_id = ?").get(vmId) as { user: string; since: number } | undefined;
  }

  endConsoleSession(vmId: string): void {
    this.db.prepare("DELETE FROM console_sessions WHERE vm_id = ?").run(vmId);
  }
}
