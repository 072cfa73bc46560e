// ovirt-console from the release artifact, unpacked outside the repository (no node_modules, no
// TypeScript sources near it) and run on the node on PATH: a VM's console as the administrator, and
// a pool desktop as a user without admin roles, entitled by name or through a directory group.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleStep } from "../../scripts/dist/console.ts";
import { at, blankVm, createVm, emulatorPerSuite, request, waitUntil, type Emu } from "../emulator/helpers.ts";
import { recordingHost, REPO } from "./harness.ts";

const host = recordingHost();

function runUnpacked(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(join(dir, "ovirt-console"), args, { cwd: dir, env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

describe("ovirt-console from the release artifact", () => {
  let emu: Emu;
  let work = "";
  let unpacked = "";
  const users = [{ name: "dana@internal", password: "dana-pw", pools: ["lab"] }, { name: "erin@internal", password: "erin-pw" }];
  const groups = [{ name: "lab-users", profile: "internal", members: ["erin@internal"] }];
  emulatorPerSuite({ asyncDelayMs: 0, hostBackend: host, users, groups }, async (started) => {
    emu = started;
    const display = "<display><type>spice</type><smartcard_enabled>true</smartcard_enabled></display>";
    await createVm(emu, blankVm("solo", display));
    const gold = await createVm(emu, blankVm("lab-gold", display));
    const t = await request(emu, "POST", "/templates", { body: `<template><name>lab-t</name><vm id="${String(at(gold.body, "vm.@id"))}"/></template>` });
    await waitUntil(emu, `/templates/${String(at(t.body, "template.@id"))}`, (a) => at(a.body, "template.status") === "ok");
    const pool = await request(emu, "POST", "/vmpools", { body: `<vm_pool><name>lab</name><cluster><name>Default</name></cluster><template><name>lab-t</name></template><size>2</size></vm_pool>` });
    // erin has no role of her own: her directory group is entitled on the pool.
    const group = await request(emu, "POST", "/groups", { body: "<group><name>lab-users@internal-authz</name></group>" });
    const permission = `<permission><role><name>UserRole</name></role><group id="${String(at(group.body, "group.@id"))}"/></permission>`;
    await request(emu, "POST", `/vmpools/${String(at(pool.body, "vm_pool.@id"))}/permissions`, { body: permission });
  });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "ovirt-console-dist-"));
    const out = join(work, "out");
    mkdirSync(out);
    mkdirSync(join(work, "scratch"));
    const result = await consoleStep.build({ repoRoot: REPO, outDir: out, workDir: join(work, "scratch"), version: "9.9.9" });
    expect(result).toEqual({ artifacts: ["ovirt-console-9.9.9.tar.gz"] });
    unpacked = join(work, "installed");
    mkdirSync(unpacked);
    await new Promise<void>((resolve, reject) =>
      execFile("tar", ["-xzf", join(out, "ovirt-console-9.9.9.tar.gz"), "-C", unpacked], (error) => (error ? reject(error) : resolve())));
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const login = (user: string, password: string) => ({ OVIRT_URL: emu.apiUrl, OVIRT_USERNAME: user, OVIRT_PASSWORD: password, OVIRT_CAFILE: emu.caFile });

  it("opens a VM's console as the administrator", async () => {
    const result = await runUnpacked(unpacked, ["solo", "--print"], login("admin@internal", "secret"));
    expect(result.code, result.stderr).toBe(0);
    expect(/^password=(.*)$/m.exec(result.stdout)?.[1]).toBe(host.tickets.at(-1)!.ticket);
    expect(result.stdout).toMatch(/^enable-smartcard=1$/m);
  });

  it("takes a pool desktop as a user without admin roles", async () => {
    const result = await runUnpacked(unpacked, ["lab", "--print"], login("dana@internal", "dana-pw"));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/pool lab: the engine gave you lab-\d/);
    expect(/^password=(.*)$/m.exec(result.stdout)?.[1]).toBe(host.tickets.at(-1)!.ticket);
  });

  it("takes a pool desktop as a user entitled only through a directory group", async () => {
    const result = await runUnpacked(unpacked, ["lab", "--print"], login("erin@internal", "erin-pw"));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/pool lab: the engine gave you lab-\d/);
    expect(/^password=(.*)$/m.exec(result.stdout)?.[1]).toBe(host.tickets.at(-1)!.ticket);
  });
});
