// End to end with the real Pulumi CLI: examples/vdi-pool (and an imported VM) against the engine
// emulator, on a local file backend. Plans are read from the engine's own event stream (--json).
import { randomBytes } from "node:crypto";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  REPO_ROOT,
  copyExample,
  engineApi,
  engineInventory,
  ensureSdkBuilt,
  initStack,
  probePulumiCli,
  removeWorkDir,
  run,
  startEmulator,
  writeProgram,
  type Emulator,
  type RunResult,
} from "./harness.ts";
import { errorsIn, nameOf, opsByName, parseEvents, type EngineEvents, type StepMetadata } from "./events.ts";

const probe = probePulumiCli();
if (!probe.env) {
  console.warn(`\n!!! SKIPPING test/e2e/vdi-pool (real Pulumi CLI end to end): ${probe.missing}\n`);
}

// Every stack, state file and the emulator's data live in probe.workDir, removed at the end.
afterAll(() => removeWorkDir(probe.workDir));

const SMARTCARD_XML = '<smartcard mode="passthrough" type="spicevmc"/>';
/** A desktop user of the pool (`vdi-pool:users`), known to the emulator. */
const DESK_USER = { name: "alice@internal", password: randomBytes(9).toString("hex") };
const STEP_TIMEOUT = 120_000;

interface StackResource {
  urn: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

describe.skipIf(!probe.env)("the real Pulumi CLI, end to end against the emulator", () => {
  const env: NodeJS.ProcessEnv = { ...probe.env };
  const poolDir = join(probe.workDir, "vdi-pool");
  const importDir = join(probe.workDir, "import-check");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let seeded: Awaited<ReturnType<typeof engineInventory>>;

  const pulumi = (dir: string, args: string[], input?: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> =>
    run("pulumi", [...args, "--non-interactive"], { cwd: dir, env: { ...env, ...extraEnv }, input, timeoutMs: STEP_TIMEOUT });

  /** Runs a command that must succeed, and returns its output. */
  const ok = async (dir: string, args: string[], input?: string, extraEnv?: NodeJS.ProcessEnv): Promise<string> => {
    const result = await pulumi(dir, args, input, extraEnv);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    }
    return result.stdout;
  };

  /** An operation with --json, returning the engine's events (the plan for a preview). */
  const events = async (dir: string, args: string[]): Promise<EngineEvents> => {
    const stdout = await ok(dir, [...args, "--json"], undefined, { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" });
    const parsed = parseEvents(stdout);
    expect(parsed.summary?.result, errorsIn(parsed)).toBe("succeeded");
    return parsed;
  };

  const stackState = async (dir: string, showSecrets = false): Promise<{ text: string; resources: StackResource[] }> => {
    const text = await ok(dir, ["stack", "export", ...(showSecrets ? ["--show-secrets"] : [])]);
    const resources = (JSON.parse(text) as { deployment: { resources?: StackResource[] } }).deployment.resources ?? [];
    return { text, resources };
  };
  const resourceNamed = (resources: StackResource[], name: string): StackResource => {
    const found = resources.find((r) => nameOf(r.urn) === name);
    if (!found) throw new Error(`no resource named ${name} in the stack`);
    return found;
  };

  const configureProvider = (dir: string): Promise<void> => initStack((args, input) => ok(dir, args, input), emulator);

  const displayOf = async (path: string, key: string): Promise<Record<string, string>> => {
    const { json } = await engineApi(emulator, "GET", path);
    const entity = (json[key] as Record<string, unknown>[] | undefined)?.[0] ?? json;
    return (entity["display"] ?? {}) as Record<string, string>;
  };

  beforeAll(async () => {
    ensureSdkBuilt(env);
    emulator = await startEmulator(join(probe.workDir, "engine"), password, [`--user=${DESK_USER.name}:${DESK_USER.password}`]);
    seeded = await engineInventory(emulator);
    copyExample("vdi-pool", poolDir);
    await configureProvider(poolDir);
    await ok(poolDir, ["config", "set", "vdi-pool:namePrefix", "e2e"]);
    await ok(poolDir, ["config", "set", "--path", "vdi-pool:users[0]", DESK_USER.name]);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("preview plans every create, with the domain XML already known", async () => {
    const plan = await events(poolDir, ["preview"]);
    expect(opsByName(plan.steps)).toMatchObject({
      golden: ["create"],
      "desktop-template": ["create"],
      desktops: ["create"],
      "desktops-console": ["create"],
    });
    const pool = plan.outputs.find((o) => nameOf(o.urn) === "desktops");
    expect(String(pool?.new?.outputs?.["domainXml"])).toContain(SMARTCARD_XML);
    // The stack reports its outputs twice: empty when the program starts, complete when it ends.
    const stack = plan.outputs.filter((o) => o.type === "pulumi:pulumi:Stack").at(-1);
    expect(String(stack?.new?.outputs?.["desktopDomainXml"])).toContain(SMARTCARD_XML);
    // A preview changes nothing in the engine.
    expect(await engineInventory(emulator)).toEqual(seeded);
  }, STEP_TIMEOUT);

  it("the policy pack passes the example: no mandatory violation, nothing created", async () => {
    const stdout = await ok(poolDir, ["preview", "--policy-pack", join(REPO_ROOT, "policy")]);
    expect(stdout).not.toContain("[mandatory]");
    // Advisory findings may be reported (guest-agent SSO is opt-in) but do not fail the preview.
    expect(stdout).toContain("ovirt-smartcard-vdi"); // the pack ran and reported
    expect(await engineInventory(emulator)).toEqual(seeded);
  }, STEP_TIMEOUT);

  it("up creates the golden VM, the template, the pool and its console policy", async () => {
    const result = await events(poolDir, ["up", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ create: 5 });

    const outputs = JSON.parse(await ok(poolDir, ["stack", "output", "--json"])) as Record<string, unknown>;
    expect(outputs["consoleDescription"]).toBe("Spice with Smartcard");
    expect(outputs["poolVmNames"]).toEqual(["e2e-desk-1", "e2e-desk-2", "e2e-desk-3"]);
    expect(String(outputs["desktopDomainXml"])).toContain(SMARTCARD_XML);

    const inventory = await engineInventory(emulator);
    expect(inventory.templates).toContain("e2e-template");
    expect(inventory.pools).toContain("e2e-desk");
    expect(inventory.vms).toEqual(expect.arrayContaining(["e2e-golden", "e2e-desk-1", "e2e-desk-2", "e2e-desk-3"]));
    const poolVm = await displayOf("/vms?search=name%3De2e-desk-1", "vm");
    expect(poolVm["smartcard_enabled"]).toBe("true");

    // The pool's user sees it (and only it) in the VM portal's view of the API.
    const portal = await engineApi(emulator, "GET", "/vmpools?filter=true", undefined, DESK_USER);
    expect(((portal.json["vm_pool"] ?? []) as { name: string }[]).map((p) => p.name)).toEqual(["e2e-desk"]);
  }, STEP_TIMEOUT);

  it("a second up reports no changes", async () => {
    const result = await events(poolDir, ["up", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ same: 5 });
  }, STEP_TIMEOUT);

  it("turning smartcard off updates the golden VM and the template in place and replaces the pool", async () => {
    await ok(poolDir, ["config", "set", "vdi-pool:smartcard", "false"]);
    const plan = await events(poolDir, ["preview"]);
    const ops = opsByName(plan.steps);
    expect(ops["golden"]).toEqual(["update"]);
    expect(ops["desktop-template"]).toEqual(["update"]);
    expect(ops["desktops"]).toContain("replace");
    // The console policy follows its pool: a new pool id replaces it too.
    expect(ops["desktops-console"]).toContain("replace");
    const step = (name: string, op: string): StepMetadata | undefined =>
      plan.steps.find((s) => nameOf(s.urn) === name && s.op === op);
    expect(step("golden", "update")?.diffs).toContain("smartcardEnabled");
    expect(step("desktop-template", "update")?.diffs).toContain("smartcardEnabled");
    expect(step("desktops", "replace")?.keys).toContain("smartcardEnabled");

    const applied = await events(poolDir, ["up", "--yes", "--skip-preview"]);
    expect(applied.summary?.resourceChanges).toEqual({ update: 2, replace: 2, same: 1 });
    const template = await displayOf("/templates?search=name%3De2e-template", "template");
    expect(template["smartcard_enabled"]).toBe("false");
    const golden = await displayOf("/vms?search=name%3De2e-golden", "vm");
    expect(golden["smartcard_enabled"]).toBe("false");
    const poolVm = await displayOf("/vms?search=name%3De2e-desk-1", "vm");
    expect(poolVm["smartcard_enabled"]).toBe("false");
    expect(await ok(poolDir, ["stack", "output", "consoleDescription"])).toBe("Spice\n");
  }, STEP_TIMEOUT);

  it("refresh shows and records a change made outside Pulumi through the engine's API", async () => {
    const golden = resourceNamed((await stackState(poolDir)).resources, "golden");
    const put = await engineApi(emulator, "PUT", `/vms/${golden.id}`, { description: "changed by hand" });
    expect(put.status).toBe(200);

    const preview = await events(poolDir, ["refresh", "--preview-only"]);
    const refreshed = preview.outputs.filter((o) => o.op === "update").map((o) => nameOf(o.urn));
    expect(refreshed).toEqual(["golden"]);

    await ok(poolDir, ["refresh", "--yes", "--skip-preview"]);
    const after = resourceNamed((await stackState(poolDir)).resources, "golden");
    expect(after.outputs?.["description"]).toBe("changed by hand");
  }, STEP_TIMEOUT);

  it("keeps the provider password and the remote-viewer file encrypted in the state", async () => {
    const exported = await stackState(poolDir);
    const onDisk = readFileSync(join(probe.workDir, "state/.pulumi/stacks/vdi-pool/e2e.json"), "utf8");
    const policy = resourceNamed(exported.resources, "desktops-console");
    const viewerFile = policy.outputs?.["remoteViewerFile"] as Record<string, unknown> | undefined;
    expect(viewerFile?.["4dabf18193072939515e22adb298388d"]).toBe("1b47061264138c4ac30d75fd1eb44270");
    expect(typeof viewerFile?.["ciphertext"]).toBe("string");
    for (const text of [exported.text, onDisk]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain("[virt-viewer]");
    }
    // The secrets are really there: decrypted, they show.
    const revealed = await stackState(poolDir, true);
    expect(revealed.text).toContain("[virt-viewer]");
    expect(revealed.text).toContain(password);
  }, STEP_TIMEOUT);

  it("pulumi import of a VM made outside Pulumi gives code that compiles and a state that up leaves alone", async () => {
    const created = await engineApi(emulator, "POST", "/vms", {
      name: "e2e-handmade",
      cluster: { name: "Default" },
      template: { name: "Blank" },
      memory: 2 * 1024 ** 3,
      type: "desktop",
      display: { type: "spice", smartcard_enabled: true },
    });
    expect(created.status).toBe(201);
    const vmId = String(created.json["id"]);

    // A fresh program, as a user would start one: nothing in it yet.
    writeProgram(importDir, "import-check", "export {};\n");
    cpSync(join(REPO_ROOT, "examples/vdi-pool/tsconfig.json"), join(importDir, "tsconfig.json"));
    await configureProvider(importDir);

    await ok(importDir, ["import", "ovirt:index:Vm", "handmade", vmId, "--yes", "--protect=false", "--out", "generated.ts"]);
    const code = readFileSync(join(importDir, "generated.ts"), "utf8");
    expect(code).toContain('import * as ovirt from "pulumi-ovirt"');
    expect(code).toMatch(/new ovirt\.Vm\("handmade"/);
    expect(code).toContain('name: "e2e-handmade"');

    writeFileSync(join(importDir, "index.ts"), code);
    const tsc = await run(join(REPO_ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], { cwd: importDir, env });
    expect(tsc.code, `${tsc.stdout}${tsc.stderr}`).toBe(0);

    const result = await events(importDir, ["up", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ same: 2 });

    await ok(importDir, ["destroy", "--yes", "--skip-preview"]);
    expect((await engineInventory(emulator)).vms).not.toContain("e2e-handmade");
  }, STEP_TIMEOUT);

  it("destroy leaves the engine with only its seeded objects", async () => {
    const result = await events(poolDir, ["destroy", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ delete: 5 });
    expect(await engineInventory(emulator)).toEqual(seeded);
  }, STEP_TIMEOUT);
});
