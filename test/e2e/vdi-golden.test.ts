// End to end with the real Pulumi CLI: examples/vdi-golden (a golden VM with a boot disk and a NIC,
// a template from it, a pool of three smartcard desktops set up by cloud-init) against the engine emulator, on a
// private file backend. Every step is checked in the engine itself, through its REST API.
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
import { errorsIn, nameOf, opsByName, parseEvents, type EngineEvents } from "./events.ts";

const probe = probePulumiCli();
if (!probe.env) {
  console.warn(`\n!!! SKIPPING test/e2e/vdi-golden (real Pulumi CLI end to end): ${probe.missing}\n`);
}

afterAll(() => removeWorkDir(probe.workDir));

const GIB = 1024 ** 3;
const STEP_TIMEOUT = 180_000;
const POOL_VMS = ["e2g-desk-1", "e2g-desk-2", "e2g-desk-3"];
const SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE2eGoldenTestKeyOnly e2e@vdi-golden";

interface StackResource {
  urn: string;
  id?: string;
  outputs?: Record<string, unknown>;
}
type Entity = Record<string, unknown>;

describe.skipIf(!probe.env)("examples/vdi-golden with the real Pulumi CLI: disks, NICs, template and pool", () => {
  const env: NodeJS.ProcessEnv = { ...probe.env };
  const programDir = join(probe.workDir, "vdi-golden");
  const importDir = join(probe.workDir, "import-golden");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let seeded: Awaited<ReturnType<typeof engineInventory>>;
  let seededDisks: string[];
  let profileId: string;

  const pulumi = (dir: string, args: string[], input?: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> =>
    run("pulumi", [...args, "--non-interactive"], { cwd: dir, env: { ...env, ...extraEnv }, input, timeoutMs: STEP_TIMEOUT });

  const ok = async (dir: string, args: string[], input?: string, extraEnv?: NodeJS.ProcessEnv): Promise<string> => {
    const result = await pulumi(dir, args, input, extraEnv);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    }
    return result.stdout;
  };

  const events = async (dir: string, args: string[]): Promise<EngineEvents> => {
    const stdout = await ok(dir, [...args, "--json"], undefined, { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" });
    const parsed = parseEvents(stdout);
    expect(parsed.summary?.result, errorsIn(parsed)).toBe("succeeded");
    return parsed;
  };

  const stackResources = async (dir: string): Promise<StackResource[]> => {
    const text = await ok(dir, ["stack", "export"]);
    return (JSON.parse(text) as { deployment: { resources?: StackResource[] } }).deployment.resources ?? [];
  };
  const resourceNamed = async (dir: string, name: string): Promise<StackResource> => {
    const found = (await stackResources(dir)).find((r) => nameOf(r.urn) === name);
    if (!found) throw new Error(`no resource named ${name} in the stack`);
    return found;
  };

  /** GET a collection from the engine and return its entries (the JSON list under `key`). */
  const list = async (path: string, key: string): Promise<Entity[]> => {
    const { status, json } = await engineApi(emulator, "GET", path);
    expect(status, `GET ${path}`).toBe(200);
    return (json[key] ?? []) as Entity[];
  };
  const vmNamed = async (name: string): Promise<Entity> => {
    const [vm] = await list(`/vms?search=name%3D${name}`, "vm");
    if (!vm) throw new Error(`the engine has no VM ${name}`);
    return vm;
  };
  /** The VM's disks as the engine reports them: alias, size in GiB, id. */
  const disksOfVm = async (vmId: string): Promise<{ id: string; alias: string; sizeGb: number; bootable: string }[]> => {
    const attachments = await list(`/vms/${vmId}/diskattachments`, "disk_attachment");
    return Promise.all(
      attachments.map(async (a) => {
        const diskId = String((a["disk"] as Entity)["id"]);
        const { json: disk } = await engineApi(emulator, "GET", `/disks/${diskId}`);
        return { id: diskId, alias: String(disk["alias"]), sizeGb: Number(disk["provisioned_size"]) / GIB, bootable: String(a["bootable"]) };
      }),
    );
  };
  /** A VM's guest initialization as the engine reports it (cloud-init fields, NIC configurations). */
  const initializationOf = async (name: string): Promise<Entity | undefined> => {
    const { json } = await engineApi(emulator, "GET", `/vms/${String((await vmNamed(name))["id"])}`);
    return json["initialization"] as Entity | undefined;
  };
  const nicConfigurationsOf = (init: Entity | undefined): Entity[] =>
    ((init?.["nic_configurations"] as Entity | undefined)?.["nic_configuration"] ?? []) as Entity[];

  /** The VM's NICs as the engine reports them: name, vNIC profile id, id. */
  const nicsOfVm = async (path: string): Promise<{ id: string; name: string; profile: string }[]> =>
    (await list(`${path}/nics`, "nic"))
      .map((n) => ({ id: String(n["id"]), name: String(n["name"]), profile: String((n["vnic_profile"] as Entity | undefined)?.["id"]) }))
      .sort((a, b) => a.name.localeCompare(b.name));

  beforeAll(async () => {
    ensureSdkBuilt(env);
    emulator = await startEmulator(join(probe.workDir, "engine"), password);
    seeded = await engineInventory(emulator);
    seededDisks = (await list("/disks", "disk")).map((d) => String(d["id"]));
    const [profile] = (await list("/vnicprofiles", "vnic_profile")).filter((p) => p["name"] === "ovirtmgmt");
    profileId = String(profile?.["id"]);
    copyExample("vdi-golden", programDir);
    await initStack((args, input) => ok(programDir, args, input), emulator);
    await ok(programDir, ["config", "set", "vdi-golden:namePrefix", "e2g"]);
    await ok(programDir, ["config", "set", "--path", "vdi-golden:sshKeys[0]", SSH_KEY]);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("up builds the golden VM with its disk and NIC, the template with both, and a pool of three with both and cloud-init", async () => {
    const result = await events(programDir, ["up", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ create: 4 });

    const golden = await vmNamed("e2g-golden");
    expect((golden["display"] as Entity)["smartcard_enabled"]).toBe("true");
    const goldenDisks = await disksOfVm(String(golden["id"]));
    expect(goldenDisks.map((d) => [d.alias, d.sizeGb, d.bootable])).toEqual([["system", 10, "true"]]);
    expect((await nicsOfVm(`/vms/${String(golden["id"])}`)).map((n) => [n.name, n.profile])).toEqual([["nic1", profileId]]);

    const [template] = await list("/templates?search=name%3De2g-template", "template");
    const templateId = String(template?.["id"]);
    const templateDisks = await list(`/templates/${templateId}/diskattachments`, "disk_attachment");
    expect(templateDisks).toHaveLength(1);
    expect((await nicsOfVm(`/templates/${templateId}`)).map((n) => [n.name, n.profile])).toEqual([["nic1", profileId]]);

    // Each desktop has its own (thin) boot disk and the template's NIC, with a MAC of its own.
    const macs = new Set<string>();
    for (const name of POOL_VMS) {
      const vm = await vmNamed(name);
      expect((vm["display"] as Entity)["smartcard_enabled"], name).toBe("true");
      expect((await disksOfVm(String(vm["id"]))).map((d) => [d.alias, d.sizeGb]), name).toEqual([["system", 10]]);
      const nics = await list(`/vms/${String(vm["id"])}/nics`, "nic");
      expect(nics.map((n) => [n["name"], (n["vnic_profile"] as Entity)["id"]]), name).toEqual([["nic1", profileId]]);
      macs.add(String((nics[0]?.["mac"] as Entity)["address"]));
      // cloud-init, as the engine will apply it on the desktop's first start.
      const init = await initializationOf(name);
      expect(init, name).toMatchObject({ user_name: "vdi", timezone: "Etc/UTC" });
      expect(JSON.stringify(init?.["authorized_ssh_keys"]), name).toContain(SSH_KEY);
      expect(nicConfigurationsOf(init).map((n) => [n["name"], n["boot_protocol"], n["on_boot"]]), name).toEqual([["eth0", "dhcp", "true"]]);
    }
    expect(macs.size).toBe(3);
    // The golden image has no initialization of its own: only the desktops are set up by cloud-init.
    expect(await initializationOf("e2g-golden")).toBeUndefined();

    const outputs = JSON.parse(await ok(programDir, ["stack", "output", "--json"])) as Record<string, unknown>;
    expect(outputs["poolVmNames"]).toEqual(POOL_VMS);
    expect((outputs["goldenDisks"] as Entity[])[0]).toMatchObject({ name: "system", sizeGb: 10, diskId: goldenDisks[0]?.id });
    // The template's outputs are the engine's copies, not the golden VM's devices.
    expect((outputs["templateDisks"] as Entity[]).map((d) => [d["name"], d["sizeGb"], d["diskId"]])).toEqual([["system", 10, String(templateDisks[0]?.["id"])]]);
    expect((outputs["templateDisks"] as Entity[])[0]?.["diskId"]).not.toBe(goldenDisks[0]?.id);
    expect((outputs["templateNics"] as Entity[]).map((n) => [n["name"], n["vnicProfile"]])).toEqual([["nic1", "ovirtmgmt"]]);
  }, STEP_TIMEOUT);

  it("a preview with nothing changed plans no change (--expect-no-changes)", async () => {
    await ok(programDir, ["preview", "--expect-no-changes"]);
  }, STEP_TIMEOUT);

  it("a bigger disk is an in-place update of the golden VM: same disk, new size in the engine", async () => {
    const goldenId = String((await vmNamed("e2g-golden"))["id"]);
    const [before] = await disksOfVm(goldenId);
    await ok(programDir, ["config", "set", "vdi-golden:diskSizeGb", "20"]);

    const plan = await events(programDir, ["preview"]);
    expect(opsByName(plan.steps)).toMatchObject({ golden: ["update"], "golden-template": ["same"], desktops: ["same"] });
    const step = plan.steps.find((s) => nameOf(s.urn) === "golden");
    expect(step?.diffs, JSON.stringify(step?.detailedDiff)).toEqual(["disks"]);
    expect(step?.detailedDiff?.["disks[0].sizeGb"]?.diffKind, JSON.stringify(step?.detailedDiff)).toBe("update");

    const applied = await events(programDir, ["up", "--yes", "--skip-preview"]);
    expect(applied.summary?.resourceChanges).toEqual({ update: 1, same: 3 });
    expect(await disksOfVm(goldenId)).toEqual([{ ...before, sizeGb: 20 }]);
    expect((await vmNamed("e2g-golden"))["id"]).toBe(goldenId);
    // The template and the desktops have disks of their own, which keep their size.
    const [template] = await list("/templates?search=name%3De2g-template", "template");
    const [templateDisk] = await list(`/templates/${String(template?.["id"])}/diskattachments`, "disk_attachment");
    const { json: copy } = await engineApi(emulator, "GET", `/disks/${String(templateDisk?.["id"])}`);
    expect(Number(copy["provisioned_size"]) / GIB).toBe(10);
    expect((await disksOfVm(String((await vmNamed(POOL_VMS[0]!))["id"]))).map((d) => d.sizeGb)).toEqual([10]);
  }, STEP_TIMEOUT);

  it("a second NIC is an in-place update: the engine has both, on the management network's profile", async () => {
    const goldenId = String((await vmNamed("e2g-golden"))["id"]);
    const [nic1] = await nicsOfVm(`/vms/${goldenId}`);
    await ok(programDir, ["config", "set", "vdi-golden:nicCount", "2"]);

    const plan = await events(programDir, ["preview"]);
    expect(opsByName(plan.steps)["golden"]).toEqual(["update"]);
    const step = plan.steps.find((s) => nameOf(s.urn) === "golden");
    expect(step?.diffs).toEqual(["nics"]);
    expect(step?.detailedDiff?.["nics[1]"]?.diffKind).toBe("add");

    const applied = await events(programDir, ["up", "--yes", "--skip-preview"]);
    expect(applied.summary?.resourceChanges).toEqual({ update: 1, same: 3 });
    const nics = await nicsOfVm(`/vms/${goldenId}`);
    expect(nics.map((n) => [n.name, n.profile])).toEqual([["nic1", profileId], ["nic2", profileId]]);
    expect(nics[0]?.id).toBe(nic1?.id);
    await ok(programDir, ["preview", "--expect-no-changes"]);
  }, STEP_TIMEOUT);

  it("refresh shows a disk grown and a NIC removed through the engine's API as drift, and up puts the NIC back", async () => {
    const goldenId = String((await vmNamed("e2g-golden"))["id"]);
    const [disk] = await disksOfVm(goldenId);
    const nic2 = (await nicsOfVm(`/vms/${goldenId}`)).find((n) => n.name === "nic2");
    const grow = await engineApi(emulator, "PUT", `/vms/${goldenId}/diskattachments/${disk?.id}`, { disk: { provisioned_size: 30 * GIB } });
    expect(grow.status).toBe(200);
    expect((await engineApi(emulator, "DELETE", `/vms/${goldenId}/nics/${nic2?.id}`)).status).toBe(200);
    expect((await disksOfVm(goldenId))[0]?.sizeGb).toBe(30);

    const preview = await events(programDir, ["refresh", "--preview-only"]);
    const refreshed = preview.outputs.filter((o) => o.op === "update").map((o) => nameOf(o.urn));
    expect(refreshed).toEqual(["golden"]);
    const drift = preview.outputs.find((o) => nameOf(o.urn) === "golden");
    expect((drift?.new?.outputs?.["disks"] as Entity[])[0]).toMatchObject({ name: "system", sizeGb: 30 });
    expect((drift?.new?.outputs?.["nics"] as Entity[]).map((n) => n["name"])).toEqual(["nic1"]);

    await ok(programDir, ["refresh", "--yes", "--skip-preview"]);
    const state = await resourceNamed(programDir, "golden");
    expect((state.outputs?.["disks"] as Entity[])[0]).toMatchObject({ sizeGb: 30 });
    expect((state.outputs?.["nics"] as Entity[]).map((n) => n["name"])).toEqual(["nic1"]);

    // The program still asks for 20 GiB: a disk never shrinks, so the preview fails on the property.
    const shrink = await pulumi(programDir, ["preview"]);
    expect(shrink.code).not.toBe(0);
    expect(shrink.stdout).toMatch(/disks\[0\]\.sizeGb.*never shrinks/s);

    // With the program caught up on the size, up only adds the NIC back.
    await ok(programDir, ["config", "set", "vdi-golden:diskSizeGb", "30"]);
    const applied = await events(programDir, ["up", "--yes", "--skip-preview"]);
    expect(applied.summary?.resourceChanges).toEqual({ update: 1, same: 3 });
    expect((await nicsOfVm(`/vms/${goldenId}`)).map((n) => n.name)).toEqual(["nic1", "nic2"]);
    expect((await disksOfVm(goldenId))[0]?.sizeGb).toBe(30);
    await ok(programDir, ["preview", "--expect-no-changes"]);
  }, STEP_TIMEOUT);

  it("pulumi import of the golden VM gives a program with its disk and NICs that plans no change", async () => {
    const goldenId = String((await vmNamed("e2g-golden"))["id"]);
    writeProgram(importDir, "import-golden", "export {};\n");
    cpSync(join(REPO_ROOT, "examples/vdi-golden/tsconfig.json"), join(importDir, "tsconfig.json"));
    await initStack((args, input) => ok(importDir, args, input), emulator);

    await ok(importDir, ["import", "ovirt:index:Vm", "golden", goldenId, "--yes", "--protect=false", "--out", "generated.ts"]);
    const code = readFileSync(join(importDir, "generated.ts"), "utf8");
    expect(code).toMatch(/new ovirt\.Vm\("golden"/);
    expect(code).toMatch(/name: "system"[\s\S]*sizeGb: 30/);
    expect(code).toMatch(/name: "nic1"[\s\S]*name: "nic2"/);

    writeFileSync(join(importDir, "index.ts"), code);
    const tsc = await run(join(REPO_ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], { cwd: importDir, env });
    expect(tsc.code, `${tsc.stdout}${tsc.stderr}`).toBe(0);
    await ok(importDir, ["preview", "--expect-no-changes"]);
    const result = await events(importDir, ["up", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ same: 2 });

    // The VM stays the example's: this stack lets go of it without deleting it.
    const imported = await resourceNamed(importDir, "golden");
    await ok(importDir, ["state", "delete", imported.urn, "--yes"]);
    expect((await disksOfVm(goldenId)).map((d) => d.sizeGb)).toEqual([30]);
    expect(await nicsOfVm(`/vms/${goldenId}`)).toHaveLength(2);
  }, STEP_TIMEOUT);

  it("one NIC fewer is an in-place update: the engine removes nic2 and keeps nic1", async () => {
    const goldenId = String((await vmNamed("e2g-golden"))["id"]);
    const [nic1] = await nicsOfVm(`/vms/${goldenId}`);
    await ok(programDir, ["config", "set", "vdi-golden:nicCount", "1"]);
    const plan = await events(programDir, ["preview"]);
    expect(opsByName(plan.steps)["golden"]).toEqual(["update"]);
    expect(plan.steps.find((s) => nameOf(s.urn) === "golden")?.detailedDiff?.["nics[1]"]?.diffKind).toBe("delete");
    const applied = await events(programDir, ["up", "--yes", "--skip-preview"]);
    expect(applied.summary?.resourceChanges).toEqual({ update: 1, same: 3 });
    expect(await nicsOfVm(`/vms/${goldenId}`)).toEqual([nic1]);
  }, STEP_TIMEOUT);

  it("another time zone for cloud-init replaces the pool: its new desktops report it, with disk and NIC", async () => {
    const oldIds = await Promise.all(POOL_VMS.map(async (name) => (await vmNamed(name))["id"]));
    await ok(programDir, ["config", "set", "vdi-golden:timezone", "Europe/Berlin"]);
    const plan = await events(programDir, ["preview"]);
    const ops = opsByName(plan.steps);
    expect(ops["desktops"]).toContain("replace");
    expect(ops["golden"]).toEqual(["same"]);
    expect(plan.steps.find((s) => nameOf(s.urn) === "desktops" && s.op === "replace")?.keys).toContain("initialization");

    const applied = await events(programDir, ["up", "--yes", "--skip-preview"]);
    expect(applied.summary?.resourceChanges).toEqual({ replace: 1, same: 3 });
    for (const [i, name] of POOL_VMS.entries()) {
      const vm = await vmNamed(name);
      expect(vm["id"], name).not.toBe(oldIds[i]);
      expect(await initializationOf(name), name).toMatchObject({ user_name: "vdi", timezone: "Europe/Berlin" });
      expect((await disksOfVm(String(vm["id"]))).map((d) => d.alias), name).toEqual(["system"]);
      expect((await nicsOfVm(`/vms/${String(vm["id"])}`)).map((n) => n.name), name).toEqual(["nic1"]);
    }
    for (const id of oldIds) expect((await engineApi(emulator, "GET", `/vms/${String(id)}`)).status).toBe(404);
    await ok(programDir, ["preview", "--expect-no-changes"]);
  }, STEP_TIMEOUT);

  it("destroy leaves no disk and no NIC of these VMs and the template in the engine", async () => {
    const vms = await Promise.all(["e2g-golden", ...POOL_VMS].map(async (name) => String((await vmNamed(name))["id"])));
    const [template] = await list("/templates?search=name%3De2g-template", "template");
    const templateId = String(template?.["id"]);
    const diskIds = [
      ...(await Promise.all(vms.map(async (id) => (await disksOfVm(id)).map((d) => d.id)))).flat(),
      ...(await list(`/templates/${templateId}/diskattachments`, "disk_attachment")).map((a) => String(a["id"])),
    ];
    expect(diskIds).toHaveLength(5);

    const result = await events(programDir, ["destroy", "--yes", "--skip-preview"]);
    expect(result.summary?.resourceChanges).toEqual({ delete: 4 });
    expect(await engineInventory(emulator)).toEqual(seeded);
    expect((await list("/disks", "disk")).map((d) => String(d["id"]))).toEqual(seededDisks);
    for (const id of diskIds) expect((await engineApi(emulator, "GET", `/disks/${id}`)).status, id).toBe(404);
    for (const id of vms) expect((await engineApi(emulator, "GET", `/vms/${id}/nics`)).status, id).toBe(404);
    expect((await engineApi(emulator, "GET", `/templates/${templateId}/nics`)).status).toBe(404);
    // The engine refuses to remove a vNIC profile a NIC still uses: removing it proves no NIC is left.
    expect((await engineApi(emulator, "DELETE", `/vnicprofiles/${profileId}`)).status).toBe(200);
  }, STEP_TIMEOUT);
});
