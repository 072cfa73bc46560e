// The data directory is private to its user (0700, files 0600) and holds no password in plain text:
// the engine encrypts a VM's root password at rest and answers `******` (issue 22).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Store } from "../../emulator/store.ts";
import { at, blankVm, createVm, removeDir, request, tempDir, withEmulator } from "./helpers.ts";

const mode = (path: string): number => statSync(path).mode & 0o777;
const PASSWORD = "Pl4in-Text-Sysprep!";

describe("the data directory", () => {
  it("is 0700 with its database, WAL, shared memory and keys 0600", async () => {
    const parent = tempDir();
    const dir = join(parent, "new-data");
    const emu = await withEmulator({ dataDir: dir });
    try {
      await createVm(emu, blankVm("perm-vm"));
      expect(mode(dir)).toBe(0o700);
      for (const f of ["engine.sqlite", "engine.sqlite-wal", "engine.sqlite-shm", "server.key", "secret.key", "emulator.pid"]) {
        expect([f, mode(join(dir, f))]).toEqual([f, 0o600]);
      }
    } finally {
      await emu.close();
      removeDir(parent);
    }
  });

  it("stores a root password encrypted: the files never hold it, the API answers ******, the emulator still has it", async () => {
    const dir = tempDir();
    const emu = await withEmulator({ dataDir: dir });
    let id: string | undefined;
    try {
      const init = `<initialization><root_password>${PASSWORD}</root_password><host_name>w1</host_name></initialization>`;
      const created = await createVm(emu, blankVm("secret-vm", init));
      expect(created.status).toBe(201);
      id = String(at(created.body, "vm.@id"));
      const got = await request(emu, "GET", `/vms/${id}?all_content=true`);
      expect(at(got.body, "vm.initialization.root_password")).toBe("******");
      for (const f of readdirSync(dir)) {
        expect([f, readFileSync(join(dir, f)).includes(PASSWORD)]).toEqual([f, false]);
      }
    } finally {
      await emu.close();
    }
    const store = new Store(dir);
    try {
      expect(store.get("vm", id ?? "")?.config.initialization?.rootPassword).toBe(PASSWORD);
    } finally {
      store.close();
      removeDir(dir);
    }
  });
});
