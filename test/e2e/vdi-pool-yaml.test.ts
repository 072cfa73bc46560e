// End to end with the real Pulumi CLI and Pulumi YAML (pulumi-language-yaml, built by
// scripts/setup/pulumi-yaml.sh): examples/vdi-pool-yaml against the engine emulator. Preview, up,
// an up that changes nothing, a smartcard flip whose plan warns that the pool's desktops go, and
// destroy. The program also uses a lookup (getCluster) through `fn::invoke`, and #23's properties: a
// template version (baseTemplate, versionName), a pool with useLatestTemplateVersion and groups, and a
// Permission for a directory group; destroy leaves no version, group or permission behind.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, engineApi, engineInventory, initStack, probePulumiCli, removeWorkDir, run, startEmulator, type Emulator } from "./harness.ts";
import { errorsIn, opsByName, parseEvents, type EngineEvents } from "./events.ts";

const probe = probePulumiCli();
const yamlHost = probe.env?.PULUMI_OVIRT_YAML_SOURCE !== "missing" ? probe.env : undefined;
const missing = probe.missing ?? (yamlHost ? undefined : "pulumi-language-yaml is not built (run `bash scripts/setup/pulumi-yaml.sh`; it needs Go)");
if (missing) console.warn(`\n!!! SKIPPING test/e2e/vdi-pool-yaml (Pulumi YAML end to end): ${missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 120_000;
const SMARTCARD_XML = '<smartcard mode="passthrough" type="spicevmc"/>';

describe.skipIf(missing !== undefined)("examples/vdi-pool-yaml with the real CLI against the emulator", () => {
  const env: NodeJS.ProcessEnv = { ...probe.env };
  const dir = join(probe.workDir, "vdi-pool-yaml");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let seeded: Awaited<ReturnType<typeof engineInventory>>;

  const pulumi = (args: string[], input?: string, extraEnv: NodeJS.ProcessEnv = {}) =>
    run("pulumi", [...args, "--non-interactive"], { cwd: dir, env: { ...env, ...extraEnv }, input, timeoutMs: STEP_TIMEOUT });
  const ok = async (args: string[], input?: string, extraEnv?: NodeJS.ProcessEnv): Promise<string> => {
    const result = await pulumi(args, input, extraEnv);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    return result.stdout;
  };
  const events = async (args: string[]): Promise<EngineEvents> => {
    const parsed = parseEvents(await ok([...args, "--json"], undefined, { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" }));
    expect(parsed.summary?.result, errorsIn(parsed)).toBe("succeeded");
    return parsed;
  };

  beforeAll(async () => {
    emulator = await startEmulator(join(probe.workDir, "engine"), password, [
      "--group", "vdi-users@internal:ann@internal", "--group", "helpdesk@internal:ben@internal",
    ]);
    seeded = await engineInventory(emulator);
    // The example as a user would check it out, with the plugin path made absolute.
    mkdirSync(dir, { recursive: true });
    const project = readFileSync(join(REPO_ROOT, "examples/vdi-pool-yaml/Pulumi.yaml"), "utf8");
    writeFileSync(join(dir, "Pulumi.yaml"), project.replace("path: ../../provider/bin", `path: ${join(REPO_ROOT, "provider/bin")}`));
    await initStack((args, input) => ok(args, input), emulator);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("preview plans every create, with the lookup answered and the domain XML known", async () => {
    const plan = await events(["preview"]);
    expect(opsByName(plan.steps)).toMatchObject({
      golden: ["create"], desktopTemplate: ["create"], desktopTemplateV2: ["create"], desktops: ["create"], helpdesk: ["create"], desktopsConsole: ["create"],
    });
    const stack = plan.outputs.filter((o) => o.type === "pulumi:pulumi:Stack").at(-1);
    expect(stack?.new?.outputs?.["clusterId"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(String(stack?.new?.outputs?.["desktopDomainXml"])).toContain(SMARTCARD_XML);
    expect(await engineInventory(emulator)).toEqual(seeded);
  }, STEP_TIMEOUT);

  it("up creates the golden VM, the template, the pool and its console policy; a second up changes nothing", async () => {
    const result = await events(["up", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ create: 7 });
    const outputs = JSON.parse(await ok(["stack", "output", "--json"])) as Record<string, unknown>;
    // The pool follows the newest version; both groups were added to the engine from the directory.
    expect((outputs.desktopVersions as { versionNumber: number }[]).map((v) => v.versionNumber)).toEqual([2, 2]);
    expect(outputs.addedToEngine).toEqual(["group:vdi-users@internal-authz"]);
    const groups = ((await engineApi(emulator, "GET", "/groups")).json["group"] ?? []) as { name: string }[];
    expect(groups.map((g) => g.name).sort()).toEqual(["helpdesk", "vdi-users"]);
    expect(outputs).toMatchObject({ poolVmNames: ["vdiy-desk-1", "vdiy-desk-2"], consoleDescription: "Spice with Smartcard" });
    const inventory = await engineInventory(emulator);
    expect(inventory.pools).toContain("vdiy-desk");
    expect(inventory.vms).toEqual(expect.arrayContaining(["vdiy-golden", "vdiy-desk-1", "vdiy-desk-2"]));

    const again = await events(["up", "--yes", "--skip-preview"]);
    expect(again.summary?.resourceChanges, JSON.stringify(again.steps.filter((st) => st.op !== "same"))).toEqual({ same: 7 });
    expect((await pulumi(["preview", "--expect-no-changes"])).code).toBe(0);
  }, 2 * STEP_TIMEOUT);

  it("a smartcard flip plans a pool replace, and the plan warns that its desktops go", async () => {
    await ok(["config", "set", "smartcard", "false"]);
    const plan = await events(["preview"]);
    expect(opsByName(plan.steps)["desktops"]).toContain("replace");
    const warnings = plan.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
    expect(warnings.join("\n")).toMatch(/Replacing pool vdiy-desk \(changed: smartcardEnabled;.*deletes all 2 of its desktops \(vdiy-desk-1, vdiy-desk-2\)/s);
    // The plain preview, as a person reads it, shows the same warning on the pool.
    const text = await ok(["preview"]);
    expect(text).toMatch(/ovirt:index:Pool \(desktops\):\s+warning: Replacing pool vdiy-desk/);
    expect(text).toContain("add a second pool under a new name");
    const applied = await events(["up", "--yes", "--skip-preview"]);
    expect(applied.summary?.resourceChanges).toMatchObject({ replace: 2 });
    const { json } = await engineApi(emulator, "GET", "/vms?search=name%3Dvdiy-desk-1");
    expect(String((json["vm"] as { display?: { smartcard_enabled?: unknown } }[])[0]?.display?.smartcard_enabled)).toBe("false");
  }, 2 * STEP_TIMEOUT);

  it("destroy leaves the engine with only its seeded objects: no template version, group or permission", async () => {
    const result = await events(["destroy", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ delete: 7 });
    expect(await engineInventory(emulator)).toEqual(seeded);
    expect((await engineApi(emulator, "GET", "/groups")).json["group"] ?? []).toEqual([]);
  }, STEP_TIMEOUT);
});
