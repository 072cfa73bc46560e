// `ovirt-console` against the engine emulator: the VM and pool flows, the policy's settings in the
// .vv, the file's permissions, the exit codes a script tests, and that the ticket handed to the
// host is the one in the file (and appears nowhere else).
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, basic, blankVm, createVm, emulatorPerSuite, request, waitUntil, type Emu } from "../emulator/helpers.ts";
import { fakePulumi, recordingHost, runConsole } from "./harness.ts";

const host = recordingHost();
const USERS = [
  { name: "alice@internal", password: "alice-pw", pools: ["desks"] },
  { name: "bob@internal", password: "bob-pw", pools: ["desks"] },
  { name: "carol@internal", password: "carol-pw" },
];

describe("ovirt-console against the emulator", () => {
  let emu: Emu;
  let work = "";
  const vmIds: Record<string, string> = {};
  emulatorPerSuite({ asyncDelayMs: 0, hostBackend: host, users: USERS }, async (started) => {
    emu = started;
    const display = "<display><type>spice</type><smartcard_enabled>true</smartcard_enabled><disconnect_action>LOCK_SCREEN</disconnect_action></display>";
    for (const name of ["desk-a", "desk-b"]) {
      const vm = await createVm(emu, blankVm(name, `${display}<sso><methods><method id="guest_agent"/></methods></sso>`));
      vmIds[name] = String(at(vm.body, "vm.@id"));
    }
    const headless = await createVm(emu, blankVm("headless", display));
    vmIds.headless = String(at(headless.body, "vm.@id"));
    await request(emu, "DELETE", `/vms/${vmIds.headless}/graphicsconsoles/7370696365`);
    const gold = await createVm(emu, blankVm("gold", display));
    const template = await request(emu, "POST", "/templates", { body: `<template><name>gold-t</name><vm id="${String(at(gold.body, "vm.@id"))}"/></template>` });
    const templateId = String(at(template.body, "template.@id"));
    await waitUntil(emu, `/templates/${templateId}`, (a) => at(a.body, "template.status") === "ok");
    const pool = await request(emu, "POST", "/vmpools", {
      body: `<vm_pool><name>desks</name><cluster><name>Default</name></cluster><template id="${templateId}"/><size>1</size></vm_pool>`,
    });
    expect(pool.status).toBeLessThan(300);
  });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "ovirt-console-test-"));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const env = (user = "admin@internal", password = "secret", extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    OVIRT_URL: emu.apiUrl,
    OVIRT_USERNAME: user,
    OVIRT_PASSWORD: password,
    OVIRT_CAFILE: emu.caFile,
    ...extra,
  });
  const passwordOf = (vv: string): string => /^password=(.*)$/m.exec(vv)?.[1] ?? "";

  it("starts a VM that is down, writes a 0600 .vv whose ticket is the one handed to the host, and asks for the SSO login", async () => {
    const out = join(work, "desk-a.vv");
    writeFileSync(out, "old");
    chmodSync(out, 0o644);
    const result = await runConsole(["desk-a", "--out", out], env());
    expect(result.code, result.stderr).toBe(0);
    expect(at((await request(emu, "GET", `/vms/${vmIds["desk-a"]}`)).body, "vm.status")).toBe("up");
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const vv = readFileSync(out, "utf8");
    const last = host.tickets.at(-1)!;
    expect(last).toMatchObject({ vmId: vmIds["desk-a"], protocol: "spice", validSeconds: 120 });
    expect(passwordOf(vv)).toBe(last.ticket);
    expect(vv).toContain("# Password is valid for 120 seconds.");
    expect(vv).toMatch(/^type=spice$/m);
    expect(vv).toMatch(/^enable-smartcard=1$/m);
    expect(vv).toMatch(/^sso=guest_agent$/m);
    expect(vv).toMatch(/^disconnect-action=LOCK_SCREEN$/m);
    expect(vv).not.toMatch(/sso-token/);
    // The ticket is a credential: it is in the file and nowhere in what the command says.
    expect(result.stdout + result.stderr).not.toContain(last.ticket);
    expect(result.stderr).toMatch(/desk-a \(spice, smartcard on\): ticket valid for 120 s; written to .*desk-a\.vv \(mode 0600\)/);
    expect(host.guestAgentRequests).toContainEqual(expect.objectContaining({ vmId: vmIds["desk-a"], command: "login", user: "admin@internal" }));
  });

  it("prints the file with --print, and only then shows the ticket", async () => {
    const result = await runConsole(["desk-a", "--print"], env());
    expect(result.code, result.stderr).toBe(0);
    expect(passwordOf(result.stdout)).toBe(host.tickets.at(-1)!.ticket);
    expect(result.stderr).not.toContain(host.tickets.at(-1)!.ticket);
  });

  it("leaves a VM that is down alone with --no-start (exit 7)", async () => {
    const result = await runConsole(["desk-b", "--no-start", "--print"], env());
    expect(result.code).toBe(7);
    expect(result.stderr).toMatch(/VM desk-b is down/);
    expect(result.stdout).toBe("");
  });

  it("says the console is disabled for a VM without a graphics console (exit 5)", async () => {
    const result = await runConsole(["headless", "--print"], env());
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/headless has no graphics console/);
  });

  it("says a name the user may not use is not theirs (exit 3), for an unknown name and for another's VM", async () => {
    expect((await runConsole(["no-such-desk", "--print"], env())).code).toBe(3);
    const notTheirs = await runConsole(["desk-a", "--print"], env("carol@internal", "carol-pw"));
    expect(notTheirs.code).toBe(3);
    expect(notTheirs.stderr).toMatch(/no VM or pool named "desk-a" that you may use/);
  });

  it("with --open and no remote-viewer, says how to install it (exit 6) before asking for a ticket", async () => {
    const before = host.tickets.length;
    const result = await runConsole(["desk-a", "--open"], { ...env(), PATH: work });
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/remote-viewer is not installed: install remote-viewer: `sudo apt-get install virt-viewer`/);
    expect(host.tickets.length).toBe(before);
  });

  it("gives a pool user a desktop, the same one again on the next run, and says when none is free (exit 4)", async () => {
    const first = await runConsole(["desks", "--print"], env("alice@internal", "alice-pw"));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/pool desks: the engine gave you desks-1/);
    const vmId = host.tickets.at(-1)!.vmId;
    expect(passwordOf(first.stdout)).toBe(host.tickets.at(-1)!.ticket);
    const again = await runConsole(["desks", "--print"], env("alice@internal", "alice-pw"));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/pool desks: you already hold desks-1/);
    expect(host.tickets.at(-1)!.vmId).toBe(vmId);
    const bob = await runConsole(["desks", "--print"], env("bob@internal", "bob-pw"));
    expect(bob.code).toBe(4);
    expect(bob.stderr).toMatch(/no desktop free in pool desks/);
  });

  it("with --stack, logs in with the stack's config and honours its ConsolePolicy (smartcard off, ticket life)", async () => {
    const bin = fakePulumi(join(work, "fake-bin"), { url: emu.apiUrl, caFile: emu.caFile, username: "admin@internal", password: "secret" }, [
      { vmId: vmIds["desk-a"], smartcardEnabled: false, ticketExpirySeconds: 45 },
    ]);
    const result = await runConsole(["desk-a", "--stack", "dev", "--print"], { PATH: `${bin}:${process.env.PATH}` });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^enable-smartcard=0$/m);
    expect(result.stdout).toContain("# Password is valid for 45 seconds.");
    expect(host.tickets.at(-1)).toMatchObject({ vmId: vmIds["desk-a"], validSeconds: 45 });
    // --expiry shortens the policy's life, and never lengthens it.
    const shorter = await runConsole(["desk-a", "--stack", "dev", "--expiry", "10", "--print"], { PATH: `${bin}:${process.env.PATH}` });
    expect(host.tickets.at(-1)).toMatchObject({ validSeconds: 10 });
    expect(shorter.stdout).toContain("# Password is valid for 10 seconds.");
    await runConsole(["desk-a", "--stack", "dev", "--expiry", "600", "--print"], { PATH: `${bin}:${process.env.PATH}` });
    expect(host.tickets.at(-1)).toMatchObject({ validSeconds: 45 });
  });

  it("refuses bad usage with exit 2 and the usage text", async () => {
    const result = await runConsole(["--out"], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: ovirt-console/);
    expect((await runConsole(["a", "--print", "--open"], env())).code).toBe(2);
  });

  it("needs a login: says which OVIRT_* variables are missing (exit 1)", async () => {
    const result = await runConsole(["desk-a", "--print"], { PATH: process.env.PATH });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/missing url \(OVIRT_URL\), username \(OVIRT_USERNAME\), password \(OVIRT_PASSWORD\)/);
  });

  it("is refused for a non-admin user without the filter header", async () => {
    // The engine answers a user without admin roles only on filtered requests, which the command sends.
    const raw = await request(emu, "GET", "/vms", { auth: basic("alice@internal", "alice-pw") });
    expect(raw.status).toBeGreaterThanOrEqual(400);
  });
});
