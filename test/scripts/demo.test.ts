// scripts/demo.sh as a new user runs it: it says where its state lives, `--keep` keeps the
// emulator and stack until Enter and says how to use them, every run ends with the stack
// destroyed (never a stack whose engine is gone), and `--reset` removes what is left.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { probePulumiCli, removeWorkDir } from "../e2e/harness.ts";

const DEMO = resolve(import.meta.dirname, "../../scripts/demo.sh");
const probe = probePulumiCli();
if (probe.missing) console.warn(`\n!!! SKIPPING test/scripts/demo: ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

function demo(args: string[], demoDir: string, input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const env: NodeJS.ProcessEnv = { ...process.env, PULUMI_OVIRT_DEMO_DIR: demoDir };
    delete env.PULUMI_BACKEND_URL;
    const child = spawn("bash", [DEMO, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`demo.sh ${args.join(" ")} did not finish in 5 min:\n${out}`));
    }, 300_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
    child.stdin.end(input);
  });
}

describe.skipIf(probe.missing !== undefined)("scripts/demo.sh", () => {
  const demoDir = mkdtempSync(join(tmpdir(), "ovirt-demo-"));
  afterAll(() => rmSync(demoDir, { recursive: true, force: true }));

  it("--keep says how to use the stack and where it lives, then destroys it on Enter", async () => {
    const { code, out } = await demo(["--keep"], demoDir, "\n");
    expect(code, out).toBe(0);
    expect(out).toContain("consoleDescription: Spice with Smartcard");
    expect(out).toContain(`Stack state: ${demoDir}/state`);
    expect(out).toMatch(/pulumi stack select demo/);
    expect(out).toMatch(/pulumi destroy/);
    expect(out).toMatch(/done: the stack is destroyed and removed/);
    expect(out).toContain("scripts/demo.sh --reset");
    // No stack is left behind that points at the stopped engine.
    const stacks = join(demoDir, "state/.pulumi/stacks/vdi-pool");
    expect(existsSync(stacks) ? readdirSync(stacks).filter((f) => f.endsWith(".json")) : []).toEqual([]);
  }, 300_000);

  it("--reset removes the state and the engine data", async () => {
    expect(existsSync(join(demoDir, "engine"))).toBe(true);
    const { code, out } = await demo(["--reset"], demoDir, "");
    expect(code, out).toBe(0);
    expect(out).toContain(`removed the demo's stack state and engine data (${demoDir})`);
    expect(existsSync(demoDir)).toBe(false);
  });
});
