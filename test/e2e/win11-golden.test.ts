// End to end with the real Pulumi CLI (#24): examples/win11-golden (a Windows 11 golden VM with
// Secure Boot, a TPM, time zone, keyboard, sound and the guest-tools ISO; a template; a pool)
// against the engine emulator, on a private file backend: created, planned again with no change,
// the ISO swapped in place, a boot-order change planned in place on the stopped VM, a device rule
// failing the preview naming biosType, and a destroy refused naming deleteProtected. Every step is
// checked in the engine itself, through its REST API.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyExample, engineApi, ensureSdkBuilt, initStack, probePulumiCli, removeWorkDir, run, startEmulator, type Emulator, type RunResult } from "./harness.ts";
import { errorsIn, nameOf, opsByName, parseEvents, type EngineEvents } from "./events.ts";

const probe = probePulumiCli();
if (!probe.env) {
  console.warn(`\n!!! SKIPPING test/e2e/win11-golden (real Pulumi CLI end to end): ${probe.missing}\n`);
}

afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 180_000;
const CDROM = "00000000-0000-0000-0000-000000000000";
type Entity = Record<string, unknown>;

describe.skipIf(!probe.env)("examples/win11-golden with the real Pulumi CLI (#24)", () => {
  const env: NodeJS.ProcessEnv = { ...probe.env };
  const programDir = join(probe.workDir, "win11-golden");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  const isoIds: Record<string, string> = {};

  const pulumi = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> =>
    run("pulumi", [...args, "--non-interactive"], { cwd: programDir, env: { ...env, ...extraEnv }, timeoutMs: STEP_TIMEOUT });
  const ok = async (args: string[], input?: string): Promise<string> => {
    const result = await run("pulumi", [...args, "--non-interactive"], { cwd: programDir, env, input, timeoutMs: STEP_TIMEOUT });
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    return result.stdout;
  };
  const events = async (args: string[]): Promise<EngineEvents> => {
    const result = await pulumi([...args, "--json"], { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" });
    const parsed = parseEvents(result.stdout);
    expect(parsed.summary?.result, errorsIn(parsed) + result.stderr.slice(-2000)).toBe("succeeded");
    return parsed;
  };
  const vmNamed = async (name: string): Promise<Entity> => {
    const { json } = await engineApi(emulator, "GET", `/vms?search=name%3D${name}`);
    const [vm] = (json.vm ?? []) as Entity[];
    if (!vm) throw new Error(`the engine has no VM ${name}`);
    return (await engineApi(emulator, "GET", `/vms/${String(vm.id)}?all_content=true`)).json;
  };
  const cdromOf = async (vmId: unknown) =>
    String(((await engineApi(emulator, "GET", `/vms/${String(vmId)}/cdroms/${CDROM}`)).json.file as Entity | undefined)?.id ?? "");

  beforeAll(async () => {
    ensureSdkBuilt(env);
    emulator = await startEmulator(join(probe.workDir, "engine"), password);
    const sds = await engineApi(emulator, "GET", "/storagedomains?search=name%3Ddata");
    const sd = ((sds.json.storage_domain ?? []) as Entity[])[0]?.id;
    for (const iso of ["virtio-win.iso", "win11-install.iso"]) {
      const made = await engineApi(emulator, "POST", "/disks", {
        alias: iso, content_type: "iso", format: "raw", sparse: false, provisioned_size: 4194304, storage_domains: { storage_domain: [{ id: sd }] },
      });
      expect(made.status).toBe(201);
      isoIds[iso] = String(made.json.id);
    }
    copyExample("win11-golden", programDir);
    await initStack((args, input) => ok(args, input), emulator);
    await ok(["config", "set", "win11-golden:namePrefix", "e2w"]);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("up creates the golden VM with Secure Boot, TPM, time zone, keyboard, sound and the ISO; the template; the pool", async () => {
    const result = await events(["up", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ create: 4 });
    const golden = await vmNamed("e2w-golden");
    expect((golden.bios as Entity).type).toBe("q35_secure_boot");
    expect(golden.tpm_enabled).toBe("true");
    expect(golden.soundcard_enabled).toBe("true");
    expect((golden.time_zone as Entity).name).toBe("W. Europe Standard Time");
    expect((golden.os as Entity).type).toBe("windows_11");
    expect(golden.delete_protected).toBe("true");
    expect(await cdromOf(golden.id)).toBe(isoIds["virtio-win.iso"]);
    const desk = await vmNamed("e2w-desk-1");
    expect((desk.bios as Entity).type).toBe("q35_secure_boot");
    expect(desk.tpm_enabled).toBe("true");
    const outputs = JSON.parse(await ok(["stack", "output", "--json"])) as Entity;
    expect(outputs.goldenCdrom).toBe("virtio-win.iso");
    expect(String(outputs.goldenDomainXml)).toContain('<tpm model="tpm-crb">');
  }, STEP_TIMEOUT);

  it("read back from the engine (--refresh), a preview with nothing changed plans no change (--expect-no-changes)", async () => {
    await ok(["preview", "--refresh", "--expect-no-changes"]);
  }, STEP_TIMEOUT);

  it("a new ISO is swapped in place: no replacement, the engine's CD-ROM holds it", async () => {
    const goldenId = (await vmNamed("e2w-golden")).id;
    await ok(["config", "set", "win11-golden:iso", "win11-install.iso"]);
    const plan = await events(["preview"]);
    expect(opsByName(plan.steps)).toMatchObject({ golden: ["update"], "golden-template": ["same"], desktops: ["same"] });
    expect(plan.steps.find((s) => nameOf(s.urn) === "golden")?.diffs).toEqual(["cdrom"]);
    await events(["up", "--yes", "--skip-preview"]);
    expect(await cdromOf(goldenId)).toBe(isoIds["win11-install.iso"]);
    expect((await vmNamed("e2w-golden")).id).toBe(goldenId);
  }, STEP_TIMEOUT);

  it("a boot-order change on the stopped golden VM is an in-place update, as the engine makes it", async () => {
    await ok(["config", "set", "win11-golden:bootDevices", "hd,cdrom"]);
    const plan = await events(["preview"]);
    expect(opsByName(plan.steps)).toMatchObject({ golden: ["update"] });
    expect(plan.steps.find((s) => nameOf(s.urn) === "golden")?.diffs).toEqual(["bootDevices"]);
    await events(["up", "--yes", "--skip-preview"]);
    const devices = (((await vmNamed("e2w-golden")).os as Entity).boot as Entity).devices as Entity;
    expect(devices.device).toEqual(["hd", "cdrom"]);
  }, STEP_TIMEOUT);

  // The engine takes Windows 11 on UEFI without Secure Boot (osinfo asks it only a TPM): a warning, not a failure.
  it("Windows 11 on q35_ovmf previews an update, with a warning naming biosType and q35_secure_boot", async () => {
    await ok(["config", "set", "win11-golden:biosType", "q35_ovmf"]);
    const result = await pulumi(["preview"]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/warning:[\s\S]*`biosType` "q35_ovmf"[\s\S]*Set `biosType` to "q35_secure_boot"/);
    await ok(["config", "rm", "win11-golden:biosType"]);
  }, STEP_TIMEOUT);

  it("destroy is refused naming deleteProtected; once turned off, destroy removes everything", async () => {
    const refused = await pulumi(["destroy", "--yes", "--skip-preview"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain("deleteProtected");
    await vmNamed("e2w-golden");
    await ok(["config", "set", "win11-golden:deleteProtected", "false"]);
    await events(["up", "--yes", "--skip-preview"]);
    await events(["destroy", "--yes", "--skip-preview"]);
    const { json } = await engineApi(emulator, "GET", "/vms?search=name%3De2w-*");
    expect((json.vm ?? []) as Entity[]).toEqual([]);
  }, STEP_TIMEOUT);
});
