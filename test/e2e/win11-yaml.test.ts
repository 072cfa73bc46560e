// Windows 11 desktops (#24) through the real Pulumi CLI and pulumi-language-yaml, against the
// engine emulator:
// - each device rule of domainxml/rules.ts (TPM needs UEFI, Windows 11 needs a TPM, SPICE needs
//   QXL, OVMF cannot drive Cirrus, headless with a display, smartcard or video, a time zone of the
//   other OS family, memory and CPU sizing, keyboard layout, boot order, blank CD-ROM) fails
//   `pulumi preview`, each failure naming its property and saying what to set; Windows 11 without
//   Secure Boot, which the engine takes, only warns (and on q35_ovmf with a TPM previews fine);
// - `pulumi import` of a Windows 11 desktop made out of band (Secure Boot, TPM, time zone, sound,
//   keyboard layout, ISO), then `pulumi preview --expect-no-changes` with the code the import
//   generated, and with the program an admin would write (refreshed from the engine first);
// - then, on the desktop started, a new ISO swapped in at once and a new boot order kept for the
//   next run, as the engine decides (the plan shows pendingRestart changing with it).
//
// Pulumi stops a deployment at the first resource whose check fails (its step generator bails), so
// one preview shows the failures of one resource only. Each case of RULE_CASES is therefore one
// resource (VM, template or pool) that breaks several rules at once, and a preview per case
// (about 4 s each) shows all of its failures.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, engineApi, probePulumiCli, removeWorkDir, run, startEmulator, type Emulator, type RunResult } from "./harness.ts";
import { errorsIn, nameOf, parseEvents } from "./events.ts";
import { caseProperties, createRuleFixtures, createWindows11OutOfBand, expectFailures, expectWarnings, isoDisk, OUT_OF_BAND_WIN11, RULE_CASES, type ReportedFailure } from "./desktops.ts";

const cli = probePulumiCli();
const missing = cli.missing ?? (cli.env?.PULUMI_OVIRT_YAML_SOURCE === "missing" ? "pulumi-language-yaml is not built (run `bash scripts/setup/pulumi-yaml.sh`; it needs Go)" : undefined);
if (missing) console.warn(`\n!!! SKIPPING test/e2e/win11-yaml (Windows 11 rules and pulumi import, real Pulumi CLI): ${missing}\n`);

const STEP_TIMEOUT = 120_000;
const CDROM = "00000000-0000-0000-0000-000000000000";

/** A Pulumi YAML project using this repository's provider; the resources go in as JSON (YAML takes it). */
function project(name: string, resources?: Record<string, unknown>, outputs?: Record<string, string>): string {
  const header = ["name: " + name, "runtime: yaml", "plugins:", "  providers:", "    - name: ovirt", `      path: ${join(REPO_ROOT, "provider/bin")}`, ""].join("\n");
  const body = resources === undefined ? "" : `resources: ${JSON.stringify(resources)}\n`;
  return header + body + (outputs === undefined ? "" : `outputs: ${JSON.stringify(outputs)}\n`);
}

/** The check warnings of a preview's event stream, by resource name (a warning names its property in its text). */
function checkWarnings(stdout: string): ReportedFailure[] {
  const diagnostics = parseEvents(stdout).diagnostics as { severity: string; message: string; urn?: string }[];
  return diagnostics
    .filter((d) => d.severity === "warning" && d.urn?.includes("::ovirt:index:"))
    .map((d) => ({ resource: nameOf(d.urn!), property: "(in the message)", message: d.message.trim() }));
}

/** The check failures of a preview's event stream: "ovirt:index:Vm resource 'x': property p value {..} has a problem: reason". */
function checkFailures(stdout: string): ReportedFailure[] {
  const diagnostics = parseEvents(stdout).diagnostics as { severity: string; message: string; urn?: string }[];
  return diagnostics
    .filter((d) => d.severity === "error" && d.urn?.includes("::ovirt:index:"))
    .map((d) => {
      const found = /resource '([^']+)': property (\w+) value .*? has a problem: ([\s\S]*)$/.exec(d.message.trim());
      return { resource: found?.[1] ?? d.urn!, property: found?.[2] ?? "(no property named)", message: found?.[3] ?? d.message };
    });
}

describe.skipIf(missing !== undefined)("Windows 11 desktops in Pulumi YAML, real CLI against the emulator (#24)", () => {
  const password = randomBytes(12).toString("hex");
  const rulesDir = join(cli.workDir, "rules");
  const importDir = join(cli.workDir, "import");
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;
  let importedId = "";
  let fixtures: { sourceVmId: string };

  const pulumi = (dir: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> =>
    run("pulumi", [...args, "--non-interactive"], { cwd: dir, env: { ...env, ...extraEnv }, timeoutMs: STEP_TIMEOUT });
  const ok = async (dir: string, args: string[]): Promise<string> => {
    const result = await pulumi(dir, args);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    return result.stdout;
  };

  beforeAll(async () => {
    emulator = await startEmulator(join(cli.workDir, "engine"), password);
    env = { ...cli.env, OVIRT_URL: emulator.apiUrl, OVIRT_USERNAME: "admin@internal", OVIRT_PASSWORD: password, OVIRT_CAFILE: emulator.caFile };
    delete env.OVIRT_PROVIDER_VERBOSITY;
    fixtures = await createRuleFixtures(emulator);
    for (const dir of [rulesDir, importDir]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "Pulumi.yaml"), project(`win11-${dir === rulesDir ? "rules" : "import"}`));
      await ok(dir, ["stack", "init", "win11"]);
    }
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await emulator?.stop();
    removeWorkDir(cli.workDir);
  });

  for (const ruleCase of RULE_CASES) {
    const failing = ruleCase.failures.length > 0;
    const fails = failing ? `fails, each failure naming its property and the fix (${ruleCase.failures.map((f) => f.property).join(", ")})` : "passes";
    const warns = ruleCase.warnings ? `, warning on ${ruleCase.warnings.map((w) => w.property).join(", ")}` : "";
    it(`preview for ${ruleCase.name} (${ruleCase.type}) ${fails}${warns}`, async () => {
      writeFileSync(join(rulesDir, "Pulumi.yaml"), project("win11-rules", { [ruleCase.name]: { type: `ovirt:${ruleCase.type}`, properties: caseProperties(ruleCase, fixtures) } }));
      const preview = await pulumi(rulesDir, ["preview", "--json"], { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" });
      if (failing) expect(preview.code, preview.stderr.slice(-2000)).not.toBe(0);
      else expect(preview.code, errorsIn(parseEvents(preview.stdout)) + preview.stderr.slice(-2000)).toBe(0);
      expectFailures(checkFailures(preview.stdout), ruleCase, (fix) => fix);
      expectWarnings(checkWarnings(preview.stdout), ruleCase, (fix) => fix);
    }, STEP_TIMEOUT);
  }

  it("pulumi import adopts a Windows 11 desktop made out of band; its generated code previews with no change", async () => {
    const id = (importedId = await createWindows11OutOfBand(emulator));
    const generated = join(importDir, "imported.yaml");
    await ok(importDir, ["import", "ovirt:index:Vm", "win11", id, "--yes", "--out", generated]);
    const code = readFileSync(generated, "utf8");
    // The generated program holds every Windows 11 setting as the engine has it.
    for (const line of [
      "osType: windows_11", "biosType: q35_secure_boot", "tpmEnabled: true", "timeZone: W. Europe Standard Time",
      "soundcardEnabled: true", "keyboardLayout: de", `cdrom: ${OUT_OF_BAND_WIN11.iso}`, "name: oob-win11",
    ]) {
      expect(code, code).toMatch(new RegExp(`^\\s+${line}$`, "m"));
    }
    expect(code).toMatch(/bootDevices:\s+- cdrom\s+- hd/);
    writeFileSync(join(importDir, "Pulumi.yaml"), project("win11-import") + code.slice(code.indexOf("resources:")));
    await ok(importDir, ["preview", "--expect-no-changes"]);
  }, STEP_TIMEOUT);

  it("the program an admin writes for the imported desktop previews with no change, refreshed from the engine", async () => {
    writeFileSync(join(importDir, "Pulumi.yaml"), project("win11-import", { win11: { type: "ovirt:Vm", properties: OUT_OF_BAND_WIN11.inputs } }));
    const preview = await ok(importDir, ["preview", "--refresh", "--expect-no-changes", "--diff"]);
    expect(preview).toMatch(/ovirt:index:Vm/);
  }, STEP_TIMEOUT);

  it("on the running desktop, a new ISO is swapped in at once and a new boot order waits for the next run (pendingRestart)", async () => {
    const toolsIso = await isoDisk(emulator, "virtio-win.iso");
    expect((await engineApi(emulator, "POST", `/vms/${importedId}/start`, {})).status).toBe(200);
    const inputs = { ...OUT_OF_BAND_WIN11.inputs, running: true, cdrom: "virtio-win.iso", bootDevices: ["hd", "cdrom"] };
    writeFileSync(join(importDir, "Pulumi.yaml"), project("win11-import", { win11: { type: "ovirt:Vm", properties: inputs } }, { pendingRestart: "${win11.pendingRestart}" }));
    await ok(importDir, ["refresh", "--yes", "--skip-preview"]);
    const preview = await pulumi(importDir, ["preview", "--json"], { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" });
    const planned = parseEvents(preview.stdout);
    expect(planned.summary?.result, errorsIn(planned) + preview.stderr.slice(-2000)).toBe("succeeded");
    const step = planned.steps.find((s) => nameOf(s.urn) === "win11");
    expect(step?.op, errorsIn(planned)).toBe("update");
    // The plan says the boot order waits for the next run: pendingRestart is planned to change with it.
    expect([...(step?.diffs ?? [])].sort(), JSON.stringify(step?.detailedDiff)).toEqual(["bootDevices", "cdrom", "pendingRestart"]);
    expect(step?.detailedDiff?.["cdrom"]?.diffKind).toBe("update");
    await ok(importDir, ["up", "--yes", "--skip-preview"]);
    expect(JSON.parse(await ok(importDir, ["stack", "output", "--json"]))).toMatchObject({ pendingRestart: true });
    const current = await engineApi(emulator, "GET", `/vms/${importedId}/cdroms/${CDROM}?current=true`);
    expect((current.json.file as { id?: string } | undefined)?.id).toBe(toolsIso);
    const nextRun = (await engineApi(emulator, "GET", `/vms/${importedId}?next_run=true`)).json;
    expect(nextRun.status).toBe("up");
    expect((((nextRun.os as Record<string, unknown>).boot as Record<string, unknown>).devices as Record<string, unknown>).device).toEqual(["hd", "cdrom"]);
  }, STEP_TIMEOUT);
});
