// The natural programs of #22 with CDK Terrain: one app, two stacks, through `cdktn diff`,
// `cdktn deploy` and `cdktn destroy` on the real OpenTofu against the emulator. "linked" is a golden
// VM (down), a template from it, a pool linked to the template BY NAME (`template:
// tpl.name`, known at plan while the template does not exist yet) and a console policy on the
// pool: the plan passes, the deploy makes all four, a second plan has no change, the destroy
// leaves the engine as it was. "missing" is a pool on a template nothing creates: the plan warns
// naming `template`, the deploy fails naming it, nothing is left in the engine.

import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CDKTN_DIR } from "../../scripts/gen-cdktn.ts";
import { engineApi, engineInventory, REPO_ROOT, removeWorkDir, run, startEmulator, type Emulator, type RunResult } from "../e2e/harness.ts";
import { naturalNames } from "../e2e/natural.ts";
import { mirrorConfig, probeTofu } from "../terraform/harness.ts";

const probe = probeTofu("cdktn-natural-");
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/cdktn/natural (the natural programs of #22 with CDK Terrain): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 300_000;
const names = naturalNames("ncdk");

const APP = `import { App, TerraformOutput, TerraformStack } from "cdktn";
import type { Construct } from "constructs";
import { consolePolicy, pool, provider, template, vm } from "@ovirt-vdi/cdktn-provider-ovirt";

class Linked extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new provider.OvirtProvider(this, "ovirt", {});
    // The golden image stays down: the engine copies a template only from a stopped VM.
    const golden = new vm.Vm(this, "golden", { name: "${names.golden}", running: false, memoryMb: 512 });
    const tpl = new template.Template(this, "tpl", { name: "${names.template}", sourceVm: golden.vmId });
    const desks = new pool.Pool(this, "pool", { name: "${names.pool}", template: tpl.name, size: 1 });
    const policy = new consolePolicy.ConsolePolicy(this, "console", { poolId: desks.poolId });
    new TerraformOutput(this, "pool_template", { value: desks.template });
    new TerraformOutput(this, "console_description", { value: policy.consoleDescription });
  }
}

class Missing extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new provider.OvirtProvider(this, "ovirt", {});
    const desks = new pool.Pool(this, "pool", { name: "${names.orphanPool}", template: "${names.missingTemplate}", size: 1 });
    new consolePolicy.ConsolePolicy(this, "console", { poolId: desks.poolId });
  }
}

const app = new App();
new Linked(app, "linked");
new Missing(app, "missing");
app.synth();
`;

describe.skipIf(!probe.tofu)("the natural programs of #22 with CDK Terrain and OpenTofu", () => {
  const password = "cdk-" + Math.random().toString(16).slice(2);
  const appDir = join(probe.workDir, "app");
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;
  let seeded: Awaited<ReturnType<typeof engineInventory>>;
  const bin = (name: string) => join(REPO_ROOT, "node_modules/.bin", name);
  const cdktn = async (args: string[]): Promise<RunResult> => {
    const result = await run(bin("cdktn"), args, { cwd: appDir, env, timeoutMs: STEP_TIMEOUT });
    // Colours are on whatever the environment says; compare plain text, whitespace folded.
    const plain = (text: string) => stripVTControlCharacters(text).replace(/\s+/g, " ");
    return { code: result.code, stdout: plain(result.stdout), stderr: plain(result.stderr) };
  };
  const ok = async (args: string[]): Promise<string> => {
    const result = await cdktn(args);
    if (result.code !== 0) throw new Error(`cdktn ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-6000)}\n${result.stderr.slice(-4000)}`);
    return result.stdout;
  };

  beforeAll(async () => {
    emulator = await startEmulator(join(probe.workDir, "engine"), password);
    seeded = await engineInventory(emulator);
    const built = spawnSync(bin("tsc"), ["-p", CDKTN_DIR], { encoding: "utf8" });
    expect(built.status, built.stdout + built.stderr).toBe(0);
    mkdirSync(appDir, { recursive: true });
    writeFileSync(join(appDir, "main.ts"), APP);
    writeFileSync(join(appDir, "cdktf.json"), JSON.stringify({ language: "typescript", app: "node bin/main.js", sendCrashReports: "false", terraformProviders: [] }));
    writeFileSync(
      join(appDir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { outDir: "bin", target: "ES2022", module: "commonjs", moduleResolution: "node", strict: true, skipLibCheck: true, types: ["node"] }, files: ["main.ts"] }),
    );
    writeFileSync(join(appDir, "package.json"), JSON.stringify({ name: "cdktn-natural", private: true, main: "bin/main.js" }));
    symlinkSync(join(REPO_ROOT, "node_modules"), join(appDir, "node_modules"));
    const compiled = spawnSync(bin("tsc"), ["-p", appDir], { encoding: "utf8" });
    expect(compiled.status, compiled.stdout + compiled.stderr).toBe(0);
    env = {
      PATH: `${join(REPO_ROOT, "node_modules/.bin")}:${process.env.PATH ?? "/usr/bin:/bin"}`,
      HOME: probe.workDir,
      CHECKPOINT_DISABLE: "1",
      CI: "1",
      // cdktn runs `init`, which only a filesystem mirror serves without a registry.
      TF_CLI_CONFIG_FILE: mirrorConfig(probe.workDir),
      TERRAFORM_BINARY_NAME: probe.tofu!,
      OVIRT_URL: emulator.apiUrl,
      OVIRT_CAFILE: emulator.caFile,
      OVIRT_USERNAME: "admin@internal",
      OVIRT_PASSWORD: password,
    };
  }, 120_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("the plan passes (a warning on template at most) and touches nothing", async () => {
    const plan = await ok(["diff", "--skip-provider-lock", "linked"]);
    expect(plan).toMatch(/Plan: 4 to add, 0 to change, 0 to destroy/);
    expect(plan).not.toMatch(/Error:/);
    // The case of #22: the template's name is known at plan, while the template is not made yet.
    expect(plan).toContain(`+ template = "${names.template}"`);
    // The provider's warnings (cdktn's --skip-provider-lock brings OpenTofu's own about the lock file).
    const warnings = (plan.match(/Warning: [^│]*/g) ?? []).filter((w) => !w.startsWith("Warning: Incomplete lock file"));
    for (const warning of warnings) expect(warning).toMatch(/template/);
    expect(await engineInventory(emulator)).toEqual(seeded);
  }, STEP_TIMEOUT);

  it("deploy makes all four, the pool on the template the program made; a second plan has no change", async () => {
    const deployed = await ok(["deploy", "--auto-approve", "--skip-provider-lock", "linked"]);
    expect(deployed).toMatch(/Apply complete! Resources: 4 added/);
    expect(deployed).toMatch(new RegExp(`pool_template = "${names.template}"`));
    expect(deployed).toMatch(/console_description = "Spice/);
    const template = (await engineApi(emulator, "GET", `/templates?search=${encodeURIComponent(`name=${names.template}`)}`)).json["template"] as { id: string }[];
    const desks = (await engineApi(emulator, "GET", `/vmpools?search=${encodeURIComponent(`name=${names.pool}`)}`)).json["vm_pool"] as { template: { id: string } }[];
    expect(desks[0]?.template.id).toBe(template[0]!.id);

    const again = await ok(["diff", "--skip-provider-lock", "linked"]);
    expect(again).toMatch(/No changes/);
  }, 2 * STEP_TIMEOUT);

  it("destroy leaves the engine with only its seeded objects", async () => {
    const destroyed = await ok(["destroy", "--auto-approve", "--skip-provider-lock", "linked"]);
    expect(destroyed).toMatch(/Destroy complete! Resources: 4 destroyed/);
    expect(await engineInventory(emulator)).toEqual(seeded);
  }, STEP_TIMEOUT);

  it("a template nothing creates: the plan warns naming template, the deploy fails naming it, nothing is left", async () => {
    const plan = await ok(["diff", "--skip-provider-lock", "missing"]);
    expect(plan).toMatch(/Plan: 2 to add/);
    expect(plan).toMatch(/Warning: Invalid value for template/);
    expect(plan).toMatch(new RegExp(`\`template\`: template "${names.missingTemplate}" not found`));
    expect(plan).toMatch(/create fails if `template` is still missing/);

    const deploy = await cdktn(["deploy", "--auto-approve", "--skip-provider-lock", "missing"]);
    const said = deploy.stdout + deploy.stderr;
    expect(deploy.code, said).not.toBe(0);
    expect(said).toMatch(new RegExp(`\`template\`: template "${names.missingTemplate}" not found.*nothing was created`));
    expect(await engineInventory(emulator)).toEqual(seeded);
  }, 2 * STEP_TIMEOUT);
});
