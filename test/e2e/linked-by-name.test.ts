// #22 with the real Pulumi CLI against the emulator, the natural TypeScript program: a template
// made from a golden VM, and a pool that names it (`template: tpl.name`, known at preview while
// the template does not exist yet). Preview and up pass, destroy removes everything. A template
// that nothing creates: the preview warns (naming `template`), the up fails naming it, and nothing
// is left in the engine.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineInventory, ensureSdkBuilt, initStack, probePulumiCli, removeWorkDir, run, startEmulator, writeProgram, type Emulator } from "./harness.ts";

const probe = probePulumiCli();
if (probe.missing) console.warn(`\n!!! SKIPPING test/e2e/linked-by-name: ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 180_000;

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const config = new pulumi.Config();
const missing = config.get("missingTemplate");
let template: pulumi.Input<string>;
if (missing) {
  template = missing;
} else {
  const golden = new ovirt.Vm("golden", { name: "e2e-linked-golden", cluster: "Default", template: "Blank", memoryMb: 512 });
  const tpl = new ovirt.Template("tpl", { name: "e2e-linked-template", sourceVm: golden.vmId });
  template = tpl.name;
}
const pool = new ovirt.Pool("desks", { name: "e2e-linked-pool", cluster: "Default", template, size: 1 });
export const poolName = pool.name;
`;

describe.skipIf(probe.missing !== undefined)("the real Pulumi CLI: a template and a pool linked by name (#22)", () => {
  const dir = join(probe.workDir, "linked");
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;

  const pulumi = (args: string[], input?: string) =>
    run("pulumi", [...args, "--non-interactive"], { cwd: dir, env, timeoutMs: STEP_TIMEOUT, input });
  const ok = async (args: string[], input?: string): Promise<string> => {
    const result = await pulumi(args, input);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    return result.stdout;
  };

  beforeAll(async () => {
    ensureSdkBuilt({ ...probe.env });
    emulator = await startEmulator(join(probe.workDir, "engine"), randomBytes(12).toString("hex"));
    env = { ...probe.env };
    writeProgram(dir, "linked", PROGRAM);
    await initStack(ok, emulator);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await pulumi(["destroy", "--yes", "--skip-preview"]).catch(() => undefined);
    await emulator?.stop();
  }, STEP_TIMEOUT);

  it("preview and up pass, and destroy removes the VM, the template and the pool", async () => {
    const preview = await ok(["preview"]);
    expect(preview).toMatch(/\+ 4 to create|4 to create/);
    await ok(["up", "--yes"]);
    expect((await engineInventory(emulator)).pools).toEqual(["e2e-linked-pool"]);
    await ok(["destroy", "--yes", "--skip-preview"]);
    const left = await engineInventory(emulator);
    expect(JSON.stringify(left)).not.toMatch(/e2e-linked-/);
  }, STEP_TIMEOUT * 3);

  it("a template nothing creates: the preview warns naming template, the up fails naming it, nothing is left", async () => {
    await ok(["config", "set", "missingTemplate", "e2e-no-such-template"]);
    const preview = await ok(["preview"]);
    expect(preview.replace(/\s+/g, " ")).toMatch(/warning: .*`template`: .*e2e-no-such-template.*create fails if `template` is still missing/);
    const up = await pulumi(["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    expect((up.stdout + up.stderr).replace(/\s+/g, " ")).toMatch(/`template`: .*e2e-no-such-template.*nothing was created/);
    expect((await engineInventory(emulator)).pools).toEqual([]);
    await ok(["config", "rm", "missingTemplate"]);
  }, STEP_TIMEOUT * 2);
});
