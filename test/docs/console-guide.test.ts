// docs/guides/console.md as a user follows it: every `ovirt-console` command it shows is one the
// command accepts, its exit codes are the command's, and the commands that need no viewer run as
// written against the engine emulator, on the desktop the guide's program makes (its VM, and its
// console policy's ticket life through `--stack`). The program itself runs in test/docs/docs-run.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseArgs } from "../../console/args.ts";
import { EXIT } from "../../console/errors.ts";
import { GUIDE_EXAMPLES } from "../../scripts/docs/examples.ts";
import { fakePulumi, recordingHost, runConsole } from "../console/harness.ts";
import { at, blankVm, createVm, emulatorPerSuite, type Emu } from "../emulator/helpers.ts";

const GUIDE = readFileSync(resolve(import.meta.dirname, "../../docs/guides/console.md"), "utf8");
const program = GUIDE_EXAMPLES["guide:console"]!;
const vmName = String(program.resources!.find((r) => r.type === "ovirt:index:Vm")!.properties.name);
const policyTicket = program.resources!.find((r) => r.type === "ovirt:index:ConsolePolicy")!.properties.ticketExpirySeconds;

/** The arguments of every `ovirt-console` line in the guide's shell blocks, comments dropped. */
function guideCommands(): string[][] {
  const blocks = [...GUIDE.matchAll(/```sh\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? "");
  return blocks
    .flatMap((block) => block.split("\n"))
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line.startsWith("ovirt-console "))
    .map((line) => line.split(/\s+/).slice(1));
}

describe("the console guide", () => {
  it("shows only commands that ovirt-console accepts, on the guide program's VM or a pool", () => {
    const commands = guideCommands();
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const args of commands) expect(() => parseArgs(args), args.join(" ")).not.toThrow();
    expect(commands.map((args) => parseArgs(args).name)).toContain(vmName);
  });

  it("lists every exit code of the command, each once", () => {
    const paragraph = GUIDE.split("\n").find((line) => line.startsWith("For scripts, the exit code")) ?? "";
    const listed = [...paragraph.matchAll(/`(\d)`/g)].map((m) => Number(m[1]));
    expect(listed).toEqual(Object.values(EXIT).sort());
  });
});

describe("the console guide's commands against the emulator", () => {
  const host = recordingHost();
  const work = mkdtempSync(join(tmpdir(), "console-guide-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let emu: Emu;
  let vmId = "";
  emulatorPerSuite({ asyncDelayMs: 0, hostBackend: host }, async (started) => {
    emu = started;
    const display = "<display><type>spice</type><smartcard_enabled>true</smartcard_enabled><disconnect_action>LOCK_SCREEN</disconnect_action></display>";
    vmId = String(at((await createVm(emu, blankVm(vmName, display))).body, "vm.@id"));
  });

  const login = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, OVIRT_URL: emu.apiUrl, OVIRT_USERNAME: "admin@internal", OVIRT_PASSWORD: "secret", OVIRT_CAFILE: emu.caFile });
  const command = (option: string): string[] => {
    const found = guideCommands().find((args) => args.includes(option));
    if (!found) throw new Error(`the guide shows no ovirt-console command with ${option}`);
    return found;
  };

  it("--out writes a 0600 connection file whose ticket lives as long as --expiry says", async () => {
    // As shown, but the file goes into this test's directory.
    const shown = command("--out");
    const file = join(work, shown[shown.indexOf("--out") + 1]!);
    const args = shown.map((a, i) => (shown[i - 1] === "--out" ? file : a));
    const result = await runConsole(args, login());
    expect(result.code, result.stderr).toBe(0);
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, "utf8")).toMatch(/^enable-smartcard=1$/m);
      expect(host.tickets.at(-1)).toMatchObject({ vmId, validSeconds: Number(args[args.indexOf("--expiry") + 1]) });
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("--stack takes the login and the console policy's ticket life from the stack", async () => {
    const bin = fakePulumi(join(work, "fake-bin"), { url: emu.apiUrl, caFile: emu.caFile, username: "admin@internal", password: "secret" }, [
      { vmId, ticketExpirySeconds: policyTicket },
    ]);
    const args = command("--stack").filter((a) => a !== "--open");
    // As shown, it opens remote-viewer; --print shows the same file without one.
    const result = await runConsole([...args, "--print"], { PATH: `${bin}:${process.env.PATH}` });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`# Password is valid for ${policyTicket} seconds.`);
    expect(host.tickets.at(-1)).toMatchObject({ vmId, validSeconds: policyTicket });
  });
});
