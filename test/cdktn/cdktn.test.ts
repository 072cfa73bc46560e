// The CDK Terrain bindings in sdk/cdktn: generated from the provider's own schema (the one OpenTofu
// reads from terraform-provider-ovirt), committed unchanged, and used by examples/cdktn-vdi-pool,
// which `cdktn synth`s and then deploys and destroys through the real OpenTofu and the emulator; the
// example uses #23's template version, a pool following the newest version, groups and a Permission.

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CDKTN_DIR, generateBindings, providerSchemaJson, PROVIDER_SOURCE } from "../../scripts/gen-cdktn.ts";
import { engineApi, engineInventory, REPO_ROOT, removeWorkDir, run, startEmulator, type Emulator } from "../e2e/harness.ts";
import { devOverridesConfig, mirrorConfig, probeTofu, providerBlock } from "../terraform/harness.ts";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

describe("the committed CDK bindings", () => {
  const scratch = mkdtempSync(join(tmpdir(), "pulumi-ovirt-cdktn-gen-"));
  afterAll(() => removeWorkDir(scratch));

  it("are what @cdktn/provider-generator makes of the provider's schema today", async () => {
    await generateBindings(scratch);
    const committed = ["index.ts", ...filesUnder(join(CDKTN_DIR, "src")).map((p) => join("src", p))];
    const fresh = ["index.ts", ...filesUnder(join(scratch, "src")).map((p) => join("src", p))];
    expect(committed).toEqual(fresh);
    for (const file of fresh) {
      expect(readFileSync(join(CDKTN_DIR, file), "utf8"), `${file} is stale: run node scripts/gen-cdktn.ts`).toBe(readFileSync(join(scratch, file), "utf8"));
    }
    expect(readFileSync(join(CDKTN_DIR, "index.ts"), "utf8")).toContain('export * as vm from "./src/vm/index";');
  }, 60_000);
});

const probe = probeTofu("cdktn-");
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/cdktn (cdktn deploy through OpenTofu): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

describe.skipIf(!probe.tofu)("examples/cdktn-vdi-pool through cdktn and OpenTofu", () => {
  const password = "cdk-" + Math.random().toString(16).slice(2);
  const appDir = join(probe.workDir, "app");
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;
  const bin = (name: string) => join(REPO_ROOT, "node_modules/.bin", name);
  const cdktn = async (args: string[]) => {
    const result = await run(bin("cdktn"), args, { cwd: appDir, env, timeoutMs: 300_000 });
    if (result.code !== 0) throw new Error(`cdktn ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-6000)}\n${result.stderr.slice(-4000)}`);
    // Colours are on whatever the environment says; compare plain text.
    return stripVTControlCharacters(result.stdout);
  };

  beforeAll(async () => {
    emulator = await startEmulator(join(probe.workDir, "engine"), password, [
      "--group", "vdi-users@internal:ann@internal", "--group", "helpdesk@internal:ben@internal",
    ]);
    // The bindings are compiled once, as a user of the package would install them.
    const built = spawnSync(bin("tsc"), ["-p", CDKTN_DIR], { encoding: "utf8" });
    expect(built.status, built.stdout + built.stderr).toBe(0);
    // The example as a user checks it out, with this repository's packages.
    mkdirSync(appDir, { recursive: true });
    for (const file of ["main.ts", "cdktf.json", "tsconfig.json", "package.json"]) cpSync(join(REPO_ROOT, "examples/cdktn-vdi-pool", file), join(appDir, file));
    symlinkSync(join(REPO_ROOT, "node_modules"), join(appDir, "node_modules"));
    const compiled = spawnSync(bin("tsc"), ["-p", appDir], { encoding: "utf8" });
    expect(compiled.status, compiled.stdout + compiled.stderr).toBe(0);
    env = {
      PATH: `${join(REPO_ROOT, "node_modules/.bin")}:${process.env.PATH ?? "/usr/bin:/bin"}`,
      HOME: probe.workDir,
      CHECKPOINT_DISABLE: "1",
      CI: "1",
      // `cdktn deploy` runs `init`, which only a filesystem mirror serves without a registry.
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

  it("generates from the schema OpenTofu reads from the provider itself", async () => {
    const dir = join(probe.workDir, "schema");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "main.tf"), providerBlock(emulator));
    const shown = await run(probe.tofu!, ["providers", "schema", "-json"], {
      cwd: dir,
      env: { ...env, TF_CLI_CONFIG_FILE: devOverridesConfig(join(dir, "dev.tfrc")) },
    });
    expect(shown.code, shown.stderr).toBe(0);
    const fromTofu = (JSON.parse(shown.stdout) as { provider_schemas: Record<string, Record<string, unknown>> }).provider_schemas[PROVIDER_SOURCE]!;
    const ours = (providerSchemaJson().provider_schemas as Record<string, Record<string, unknown>>)[PROVIDER_SOURCE]!;
    for (const part of ["provider", "resource_schemas", "data_source_schemas"]) expect(fromTofu[part], part).toEqual(ours[part]);
    expect(Object.keys(fromTofu.functions as object)).toEqual(["preview_domain_xml"]);
  }, 120_000);

  it("synthesizes the stack", async () => {
    await cdktn(["synth"]);
    const synthesized = JSON.parse(readFileSync(join(appDir, "cdktf.out/stacks/vdi-pool/cdk.tf.json"), "utf8")) as {
      terraform: { required_providers: Record<string, { source: string; version: string }> };
      resource: Record<string, Record<string, Record<string, unknown>>>;
      output: Record<string, { value: string }>;
    };
    expect(synthesized.terraform.required_providers.ovirt).toEqual({ source: PROVIDER_SOURCE, version: "0.1.0" });
    expect(Object.keys(synthesized.resource).sort()).toEqual(["ovirt_console_policy", "ovirt_permission", "ovirt_pool", "ovirt_template", "ovirt_vm"]);
    expect(Object.values(synthesized.resource.ovirt_pool!)[0]).toMatchObject({
      name: "cdk-desks", size: 2, smartcard_enabled: true, use_latest_template_version: true, groups: ["vdi-users@internal"], depends_on: ["ovirt_template.template_v2"],
    });
    // #23: a template version and a group's permission.
    expect(synthesized.resource.ovirt_template!.template_v2).toMatchObject({ version_name: "v2", base_template: "${ovirt_template.template.template_id}" });
    expect(synthesized.resource.ovirt_permission!.helpdesk).toMatchObject({ group: "helpdesk@internal", role: "UserVmManager", pool_id: "${ovirt_pool.desks.pool_id}" });
    // The typed nested structs: camelCase in TypeScript, snake_case nested attributes in the JSON.
    expect(synthesized.resource.ovirt_vm!.golden).toMatchObject({
      disks: [{ name: "system", size_gb: 2, bootable: true }],
      nics: [{ name: "nic1", network: "ovirtmgmt" }],
    });
    expect(synthesized.output.golden_disk_id?.value).toContain("ovirt_vm.golden.disks[0].disk_id");
    expect(synthesized.output.function_xml?.value).toContain("provider::ovirt::preview_domain_xml(");
  }, 120_000);

  it("deploys through OpenTofu, then destroys, leaving the engine as it was", async () => {
    const deployed = await cdktn(["deploy", "--auto-approve", "--skip-provider-lock", "vdi-pool"]);
    expect(deployed).toMatch(/Apply complete! Resources: 6 added/);
    expect(deployed).toMatch(/pool_console\s*=\s*"Spice with Smartcard"/);
    expect(deployed).toMatch(/golden_disk_id\s*=\s*"[0-9a-f-]{36}"/);
    const inventory = await engineInventory(emulator);
    expect(inventory.pools).toEqual(["cdk-desks"]);
    expect(inventory.templates).toContain("cdk-desk-template");
    expect(inventory.vms).toEqual(expect.arrayContaining(["cdk-golden"]));

    const destroyed = await cdktn(["destroy", "--auto-approve", "--skip-provider-lock", "vdi-pool"]);
    expect(destroyed).toMatch(/Destroy complete! Resources: 6 destroyed/);
    expect(await engineInventory(emulator)).toEqual({ vms: [], templates: ["Blank"], pools: [] });
    expect((await engineApi(emulator, "GET", "/groups")).json["group"] ?? []).toEqual([]);
  }, 600_000);
});
