// End to end in Python: examples/vdi-pool-python through the real Pulumi CLI and our Python
// language host, against the engine emulator, on a local file backend.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  engineApi,
  engineInventory,
  initStack,
  probePulumiCli,
  removeWorkDir,
  run,
  startEmulator,
  type Emulator,
  type RunResult,
} from "./harness.ts";
import { errorsIn, nameOf, opsByName, parseEvents, type EngineEvents } from "./events.ts";
import { copyPythonExample, probePython, writePythonProgram } from "./python-harness.ts";

const cli = probePulumiCli();
const python = probePython(cli);
if (!python.venv) {
  console.warn(`\n!!! SKIPPING test/e2e/vdi-pool-python (a Python program through the real Pulumi CLI): ${python.missing}\n`);
}
afterAll(() => removeWorkDir(cli.workDir));

const STEP_TIMEOUT = 120_000;
const SMARTCARD_XML = '<smartcard mode="passthrough" type="spicevmc"/>';
const DESK_USER = { name: "alice@internal", password: randomBytes(9).toString("hex") };
const RESOURCES = ["golden", "desktop-template", "desktop-template-v2", "desktops", "helpdesk", "desktops-console"];

describe.skipIf(!python.venv)("examples/vdi-pool-python with the real CLI against the emulator", () => {
  const env: NodeJS.ProcessEnv = { ...cli.env };
  const dir = join(cli.workDir, "vdi-pool-python");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let seeded: Awaited<ReturnType<typeof engineInventory>>;

  const pulumi = (args: string[], input?: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> =>
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
  const outputs = async (): Promise<Record<string, unknown>> => JSON.parse(await ok(["stack", "output", "--json"])) as Record<string, unknown>;
  const smartcardOf = async (path: string, key: string): Promise<string | undefined> => {
    const { json } = await engineApi(emulator, "GET", path);
    const entity = (json[key] as Record<string, { smartcard_enabled?: string }>[] | undefined)?.[0];
    return entity?.["display"]?.smartcard_enabled;
  };

  beforeAll(async () => {
    emulator = await startEmulator(join(cli.workDir, "engine-python"), password, [
      `--user=${DESK_USER.name}:${DESK_USER.password}`, "--group=vdi-users@internal:ann@internal", "--group=helpdesk@internal:ben@internal",
    ]);
    seeded = await engineInventory(emulator);
    copyPythonExample("vdi-pool-python", dir, python.venv ?? "");
    await initStack((args, input) => ok(args, input), emulator);
    await ok(["config", "set", "vdi-pool-python:namePrefix", "py"]);
    await ok(["config", "set", "vdi-pool-python:poolSize", "2"]);
    await ok(["config", "set", "--path", "vdi-pool-python:users[0]", DESK_USER.name]);
    await ok(["config", "set", "--path", "vdi-pool-python:groups[0]", "vdi-users@internal"]);
    await ok(["config", "set", "vdi-pool-python:helpdeskGroup", "helpdesk@internal"]);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("preview plans every create and already knows the desktops' domain XML, touching nothing", async () => {
    const plan = await events(["preview"]);
    const ops = opsByName(plan.steps);
    for (const name of RESOURCES) expect(ops[name], name).toEqual(["create"]);
    const pool = plan.outputs.find((o) => nameOf(o.urn) === "desktops");
    expect(String(pool?.new?.outputs?.["domainXml"])).toContain(SMARTCARD_XML);
    // The program's export, as the stack reports it once the program has finished.
    const stack = plan.outputs.filter((o) => o.type === "pulumi:pulumi:Stack").at(-1);
    expect(String(stack?.new?.outputs?.["desktopDomainXml"])).toContain(SMARTCARD_XML);
    expect(await engineInventory(emulator)).toEqual(seeded);
  }, STEP_TIMEOUT);

  it("up creates the golden VM, the template, the pool and its console policy, named from the stack's config", async () => {
    const result = await events(["up", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ create: 7 });

    const out = await outputs();
    // #23: the pool follows the newest template version; both groups were added from the directory.
    expect(out["desktopVersions"]).toEqual([2, 2]);
    const groups = ((await engineApi(emulator, "GET", "/groups")).json["group"] ?? []) as { name: string }[];
    expect(groups.map((g) => g.name).sort()).toEqual(["helpdesk", "vdi-users"]);
    expect(out["consoleDescription"]).toBe("Spice with Smartcard");
    expect(out["poolVmNames"]).toEqual(["py-desk-1", "py-desk-2"]);
    expect(String(out["desktopDomainXml"])).toContain(SMARTCARD_XML);

    const inventory = await engineInventory(emulator);
    expect(inventory.templates).toContain("py-template");
    expect(inventory.pools).toContain("py-desk");
    expect(inventory.vms).toEqual(expect.arrayContaining(["py-golden", "py-desk-1", "py-desk-2"]));
    expect(await smartcardOf("/vms?search=name%3Dpy-desk-1", "vm")).toBe("true");
    // The user from the stack's config list may take a desktop: the VM portal's view shows the pool.
    const portal = await engineApi(emulator, "GET", "/vmpools?filter=true", undefined, DESK_USER);
    expect(((portal.json["vm_pool"] ?? []) as { name: string }[]).map((p) => p.name)).toEqual(["py-desk"]);
  }, STEP_TIMEOUT);

  it("a second preview plans no change", async () => {
    const plan = await events(["preview"]);
    expect(plan.summary?.resourceChanges).toEqual({ same: 7 });
  }, STEP_TIMEOUT);

  it("switching the consoles' smartcard off updates only the console policy, in place", async () => {
    await ok(["config", "set", "vdi-pool-python:consoleSmartcard", "false"]);
    const plan = await events(["preview"]);
    const ops = opsByName(plan.steps);
    expect(ops["desktops-console"]).toEqual(["update"]);
    for (const name of ["golden", "desktop-template", "desktops"]) expect(ops[name], name).toEqual(["same"]);
    expect(plan.steps.find((s) => nameOf(s.urn) === "desktops-console")?.diffs).toContain("smartcardEnabled");

    const applied = await events(["up", "--yes", "--skip-preview"]);
    expect(applied.summary?.resourceChanges).toEqual({ update: 1, same: 6 });
    expect((await outputs())["consoleDescription"]).toBe("Spice");
    // The pool keeps its smartcard: only consoles opened under the policy leave it out.
    expect(await smartcardOf("/vms?search=name%3Dpy-desk-1", "vm")).toBe("true");
  }, STEP_TIMEOUT);

  it("a bad stack setting fails the program with the SDK's message, and changes nothing", async () => {
    // `users` is a list; set without --path it is a plain string, which the program cannot read.
    await ok(["config", "set", "vdi-pool-python:users", DESK_USER.name]);
    try {
      const preview = await pulumi(["preview"]);
      expect(preview.code).not.toBe(0);
      // A ConfigTypeError is a pulumi.RunError: its message alone, no traceback, nothing added by the host.
      expect(preview.stdout).toContain(`error: Configuration 'vdi-pool-python:users' value '${DESK_USER.name}' is not a valid 'JSON object'`);
      expect(preview.stdout + preview.stderr).not.toMatch(/Traceback|exited with code/);
    } finally {
      await ok(["config", "rm", "vdi-pool-python:users"]);
      await ok(["config", "set", "--path", "vdi-pool-python:users[0]", DESK_USER.name]);
    await ok(["config", "set", "--path", "vdi-pool-python:groups[0]", "vdi-users@internal"]);
    await ok(["config", "set", "vdi-pool-python:helpdeskGroup", "helpdesk@internal"]);
    }
    expect((await events(["preview"])).summary?.resourceChanges).toEqual({ same: 7 });
  }, STEP_TIMEOUT);

  it("keeps the provider password, a secret of the stack's config, encrypted in the state", async () => {
    const onDisk = readFileSync(join(cli.workDir, "state/.pulumi/stacks/vdi-pool-python/e2e.json"), "utf8");
    const exported = await ok(["stack", "export"]);
    for (const text of [onDisk, exported]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain("[virt-viewer]");
    }
    expect(await ok(["stack", "export", "--show-secrets"])).toContain(password);
  }, STEP_TIMEOUT);

  it("pulumi import of a VM made outside Pulumi writes Python that a later up leaves alone", async () => {
    const created = await engineApi(emulator, "POST", "/vms", {
      name: "py-handmade",
      cluster: { name: "Default" },
      template: { name: "Blank" },
      memory: 2 * 1024 ** 3,
      display: { type: "spice", smartcard_enabled: true },
    });
    expect(created.status).toBe(201);
    const importDir = join(cli.workDir, "py-import");
    writePythonProgram(importDir, "py-import", { "__main__.py": "" }, { virtualenv: python.venv, withPlugin: true });
    const inImport = async (args: string[], input?: string): Promise<string> => {
      const result = await run("pulumi", [...args, "--non-interactive"], { cwd: importDir, env, input, timeoutMs: STEP_TIMEOUT });
      if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
      return result.stdout;
    };
    await initStack(inImport, emulator);

    await inImport(["import", "ovirt:index:Vm", "handmade", String(created.json["id"]), "--yes", "--protect=false", "--out", "generated.py"]);
    const code = readFileSync(join(importDir, "generated.py"), "utf8");
    expect(code).toContain("import pulumi_ovirt as ovirt");
    expect(code).toMatch(/handmade = ovirt\.Vm\("handmade",/);
    expect(code).toContain('name="py-handmade"');

    writeFileSync(join(importDir, "__main__.py"), code);
    const result = parseEvents(await inImport(["up", "--yes", "--skip-preview", "--json"]));
    expect(result.summary?.resourceChanges, errorsIn(result)).toEqual({ same: 2 });
    await inImport(["destroy", "--yes", "--skip-preview"]);
    expect((await engineInventory(emulator)).vms).not.toContain("py-handmade");
  }, STEP_TIMEOUT);

  it("destroy leaves the engine with only its seeded objects", async () => {
    const result = await events(["destroy", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ delete: 7 });
    expect(await engineInventory(emulator)).toEqual(seeded);
    expect((await engineApi(emulator, "GET", "/groups")).json["group"] ?? []).toEqual([]);
  }, STEP_TIMEOUT);
});
