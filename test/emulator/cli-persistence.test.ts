import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { at, blankVm, createVm, removeDir, request, tempDir, waitUntil, withEmulator } from "./helpers.ts";
import { whenReady } from "../emulator-ready.ts";

const MAIN = resolve(import.meta.dirname, "../../emulator/main.ts");
const BIN = resolve(import.meta.dirname, "../../emulator/bin/ovirt-engine-emulator");

interface Child {
  proc: ChildProcess;
  apiUrl: string;
  stdout: () => string;
  stderr: () => string;
}

const launched: ChildProcess[] = [];
// A failed test must not leave an emulator behind: stop every group still running.
afterEach(() => {
  for (const proc of launched.splice(0)) {
    if (proc.exitCode === null && proc.signalCode === null && proc.pid) {
      try {
        process.kill(-proc.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
});

/** Starts the CLI and resolves on its ready line (bounded wait). */
function launch(args: string[], env: Record<string, string> = {}, command = process.execPath, prefix = ["--disable-warning=ExperimentalWarning", MAIN]): Promise<Child> {
  const proc = spawn(command, [...(command === process.execPath ? prefix : []), ...args], {
    cwd: resolve(import.meta.dirname, "../.."),
    // Its own process group, so a wrapper (npm) and the emulator under it stop together.
    detached: true,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  launched.push(proc);
  return whenReady(proc, { seconds: 20 }).then((ready) => ({ proc, ...ready }));
}

function exited(proc: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve({ code: proc.exitCode, signal: proc.signalCode });
  return new Promise((r) => proc.on("exit", (code, signal) => r({ code, signal })));
}

/** The emulator removes its pid file when it has stopped. */
async function waitForUnlock(dir: string): Promise<void> {
  for (let i = 0; i < 100 && existsSync(join(dir, "emulator.pid")); i++) await new Promise((r) => setTimeout(r, 50));
  expect(existsSync(join(dir, "emulator.pid"))).toBe(false);
}

const target = (apiUrl: string, dataDir: string): { baseUrl: string; caPem: string } => ({
  baseUrl: apiUrl.replace(/\/ovirt-engine\/api$/, ""),
  caPem: readFileSync(join(dataDir, "ca.pem"), "utf8"),
});

describe("emulator command line", () => {
  it("prints exactly one ready line, writes ca.pem, and stops cleanly on SIGTERM", async () => {
    const dir = tempDir();
    try {
      const child = await launch(["--port", "0", "--data", dir, "--password", "secret", "--delay-ms", "0"]);
      expect(child.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/ovirt-engine\/api$/);
      const a = await request(target(child.apiUrl, dir), "GET", "/clusters");
      expect(a.status).toBe(200);
      child.proc.kill("SIGTERM");
      const { code } = await exited(child.proc);
      expect(code).toBe(0);
      expect(child.stdout()).toBe(`ready ${child.apiUrl}\n`);
    } finally {
      removeDir(dir);
    }
  });

  it("takes the password from OVIRT_EMULATOR_PASSWORD, or generates one and prints it on stderr", async () => {
    const dir = tempDir();
    try {
      const child = await launch(["--data", dir], { OVIRT_EMULATOR_PASSWORD: "secret" });
      expect((await request(target(child.apiUrl, dir), "GET", "/vms")).status).toBe(200);
      child.proc.kill("SIGINT");
      expect((await exited(child.proc)).code).toBe(0);
      const gen = await launch(["--data", dir], { OVIRT_EMULATOR_PASSWORD: "" });
      expect(gen.stderr()).toMatch(/generated admin@internal password: \S+/);
      gen.proc.kill("SIGTERM");
      await exited(gen.proc);
    } finally {
      removeDir(dir);
    }
  });

  it("runs through the bin script", async () => {
    const dir = tempDir();
    try {
      const child = await launch(["--data", dir, "--password", "secret"], {}, BIN);
      expect((await request(target(child.apiUrl, dir), "GET", "")).status).toBe(200);
      child.proc.kill("SIGTERM");
      expect((await exited(child.proc)).code).toBe(0);
    } finally {
      removeDir(dir);
    }
  });

  it("runs through `npm run --silent emulator` with only the ready line on stdout", async () => {
    const dir = tempDir();
    try {
      const child = await launch(["run", "--silent", "emulator", "--", "--data", dir, "--password", "secret"], {}, "npm");
      expect((await request(target(child.apiUrl, dir), "GET", "")).status).toBe(200);
      // npm does not pass signals on: stop the whole group it leads.
      process.kill(-(child.proc.pid ?? 0), "SIGTERM");
      await exited(child.proc);
      await waitForUnlock(dir);
      expect(child.stdout()).toBe(`ready ${child.apiUrl}\n`);
    } finally {
      removeDir(dir);
    }
  });

  it("refuses bad flags with a usage error and exit code 2", async () => {
    for (const args of [["--port", "abc", "--data", "/tmp/x"], ["--bogus"], ["--port", "1"], ["--data", "/tmp/x", "--error-rate", "2"]]) {
      const proc = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", MAIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      let err = "";
      let out = "";
      proc.stderr.on("data", (d: Buffer) => (err += d.toString()));
      proc.stdout.on("data", (d: Buffer) => (out += d.toString()));
      const { code } = await exited(proc);
      expect(code, args.join(" ")).toBe(2);
      expect(err).toContain("usage: ovirt-engine-emulator");
      expect(out).toBe("");
    }
  });
});

describe("emulator persistence", () => {
  it("refuses a second emulator on the same data directory while the first runs", async () => {
    const first = await withEmulator();
    try {
      await expect(withEmulator({ dataDir: first.dataDir })).rejects.toThrow(/already used by an emulator/);
    } finally {
      await first.close();
    }
    const second = await withEmulator({ dataDir: first.dataDir });
    await second.close();
    removeDir(first.dataDir);
  });

  it("keeps state, tokens and the CA across a restart", async () => {
    const first = await withEmulator({ asyncDelayMs: 0 });
    const dir = first.dataDir;
    try {
      const vm = await createVm(first, blankVm("survivor", "<display><smartcard_enabled>true</smartcard_enabled></display>"));
      const id = String(at(vm.body, "vm.@id"));
      const caBefore = first.caPem;
      await first.close();
      const second = await withEmulator({ dataDir: dir, asyncDelayMs: 0 });
      try {
        expect(second.caPem).toBe(caBefore);
        const a = await request(second, "GET", `/vms/${id}`);
        expect(a.status).toBe(200);
        expect(at(a.body, "vm.display.smartcard_enabled")).toBe("true");
        const dup = await createVm(second, blankVm("survivor"));
        expect(dup.status).toBe(409);
      } finally {
        await second.close();
      }
    } finally {
      removeDir(dir);
    }
  });

  it("finishes transitions that were in flight when it stopped", async () => {
    const first = await withEmulator({ asyncDelayMs: 400 });
    const dir = first.dataDir;
    try {
      const vm = await createVm(first, blankVm("src"));
      const t = await request(first, "POST", "/templates", { body: `<template><name>inflight</name><vm id="${String(at(vm.body, "vm.@id"))}"/></template>` });
      expect(at(t.body, "template.status")).toBe("locked");
      await first.close();
      const second = await withEmulator({ dataDir: dir, asyncDelayMs: 400 });
      try {
        await waitUntil(second, `/templates/${String(at(t.body, "template.@id"))}`, (r) => at(r.body, "template.status") === "ok");
        const src = await request(second, "GET", `/vms/${String(at(vm.body, "vm.@id"))}`);
        expect(at(src.body, "vm.status")).toBe("down");
      } finally {
        await second.close();
      }
    } finally {
      removeDir(dir);
    }
  });

  it("loses no answered request when the process is killed with SIGKILL", async () => {
    const dir = tempDir();
    try {
      const child = await launch(["--data", dir, "--password", "secret", "--delay-ms", "0"]);
      const emu = target(child.apiUrl, dir);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const a = await request(emu, "POST", "/vms", { body: `<vm>${blankVm(`killed-${i}`)}</vm>` });
        expect(a.status).toBe(201);
        ids.push(String(at(a.body, "vm.@id")));
      }
      const put = await request(emu, "PUT", `/vms/${ids[0]}`, { body: "<vm><description>after put</description></vm>" });
      expect(put.status).toBe(200);
      child.proc.kill("SIGKILL");
      expect((await exited(child.proc)).signal).toBe("SIGKILL");

      const again = await launch(["--data", dir, "--password", "secret", "--delay-ms", "0"]);
      try {
        const emu2 = target(again.apiUrl, dir);
        for (const id of ids) expect((await request(emu2, "GET", `/vms/${id}`)).status).toBe(200);
        const first = await request(emu2, "GET", `/vms/${ids[0]}`);
        expect(at(first.body, "vm.description")).toBe("after put");
      } finally {
        again.proc.kill("SIGTERM");
        await exited(again.proc);
      }
    } finally {
      removeDir(dir);
    }
  });
});
