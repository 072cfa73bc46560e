// The natural programs of #22, one scenario for every Pulumi language: a golden VM (down), a
// template from it, a pool linked to the template BY NAME (`template: tpl.name`, known at preview
// while the template does not exist yet) and a console policy on the pool. Preview passes (a
// warning on `template` at most), up makes all four, a second preview plans no change, destroy
// leaves the engine as it was. Then a pool on a template that nothing creates: preview warns
// naming `template`, up fails naming `template`, and nothing is left in the engine.
//
// Each language's test file writes the two programs and calls describeNaturalPrograms; the
// provider's settings come from OVIRT_* variables, so a stack is one `pulumi stack init`.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineApi, engineInventory, removeWorkDir, run, startEmulator, type CliProbe, type Emulator, type RunResult } from "./harness.ts";
import { errorsIn, opsByName, parseEvents, type EngineEvents } from "./events.ts";

/** The Pulumi names of the linked program's resources. */
export const LINKED_RESOURCES = ["golden", "tpl", "pool", "console"] as const;

/** The engine names a language's programs use; the prefix tells one language's leftovers from another's. */
export function naturalNames(prefix: string) {
  return {
    golden: `${prefix}-golden`,
    template: `${prefix}-template`,
    pool: `${prefix}-desk`,
    orphanPool: `${prefix}-orphan`,
    missingTemplate: `${prefix}-no-such-template`,
  };
}
export type NaturalNames = ReturnType<typeof naturalNames>;

export interface NaturalLanguage {
  /** `TypeScript`, `Python`, ...: for titles. */
  language: string;
  /** Starts every engine name the programs make. */
  prefix: string;
  cli: CliProbe;
  /** Why the language cannot run here (the file prints the SKIPPING line). */
  missing?: string;
  /**
   * Writes a Pulumi project into dir: "linked" is the natural program (its stack outputs are
   * `poolTemplate` and `consoleDescription`), "missing" a pool (and its console policy) on
   * `names.missingTemplate`.
   */
  writeProgram(dir: string, program: "linked" | "missing", names: NaturalNames): void;
  /** Runs once before the programs are written (building an SDK, say). */
  prepare?(): void;
  /** Deadline of each program's first run, when it compiles (Go's first build takes minutes). */
  firstRunTimeoutMs?: number;
}

const STEP_TIMEOUT = 180_000;

/** The natural-program suite for one language; skipped (by the caller's line) when it cannot run. */
export function describeNaturalPrograms(lang: NaturalLanguage): void {
  const names = naturalNames(lang.prefix);
  describe.skipIf(lang.missing !== undefined || !lang.cli.env)(`the natural programs of #22 in ${lang.language}, real CLI against the emulator`, () => {
    const password = randomBytes(12).toString("hex");
    const linkedDir = join(lang.cli.workDir, "linked");
    const missingDir = join(lang.cli.workDir, "missing");
    let emulator: Emulator;
    let env: NodeJS.ProcessEnv;
    let seeded: Awaited<ReturnType<typeof engineInventory>>;

    const firstRun = lang.firstRunTimeoutMs ?? STEP_TIMEOUT;
    const pulumi = (dir: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> =>
      run("pulumi", [...args, "--non-interactive"], { cwd: dir, env: { ...env, ...extraEnv }, timeoutMs: firstRun });
    const ok = async (dir: string, args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<string> => {
      const result = await pulumi(dir, args, extraEnv);
      if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
      return result.stdout;
    };
    const events = async (dir: string, args: string[]): Promise<EngineEvents> => {
      const parsed = parseEvents(await ok(dir, [...args, "--json"], { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" }));
      expect(parsed.summary?.result, errorsIn(parsed)).toBe("succeeded");
      return parsed;
    };
    // The provider's warnings: those on one of its resources (the CLI warns about itself too, e.g.
    // "using pulumi-language-yaml from $PATH").
    const warnings = (plan: EngineEvents): string[] =>
      (plan.diagnostics as { severity: string; message: string; urn?: string }[])
        .filter((d) => d.severity === "warning" && d.urn?.includes("::ovirt:index:"))
        .map((d) => d.message);

    beforeAll(async () => {
      lang.prepare?.();
      emulator = await startEmulator(join(lang.cli.workDir, "engine"), password);
      seeded = await engineInventory(emulator);
      env = { ...lang.cli.env, OVIRT_URL: emulator.apiUrl, OVIRT_USERNAME: "admin@internal", OVIRT_PASSWORD: password, OVIRT_CAFILE: emulator.caFile };
      delete env.OVIRT_PROVIDER_VERBOSITY;
      lang.writeProgram(linkedDir, "linked", names);
      lang.writeProgram(missingDir, "missing", names);
      await ok(linkedDir, ["stack", "init", "natural"]);
      await ok(missingDir, ["stack", "init", "natural"]);
    }, STEP_TIMEOUT);

    afterAll(async () => {
      await emulator?.stop();
      removeWorkDir(lang.cli.workDir);
    });

    it("preview plans the four creates, with at most a warning on `template`, and touches nothing", async () => {
      const plan = await events(linkedDir, ["preview"]);
      const ops = opsByName(plan.steps);
      for (const name of LINKED_RESOURCES) expect(ops[name], name).toEqual(["create"]);
      // The case of #22: the template's name is known at preview, while the template is not made yet.
      expect(plan.steps.find((s) => s.urn.endsWith("::pool"))?.new?.inputs?.["template"]).toBe(names.template);
      for (const warning of warnings(plan)) expect(warning).toMatch(/`template`/);
      expect(await engineInventory(emulator)).toEqual(seeded);
    }, firstRun);

    it("up makes all four, the pool on the template the program made", async () => {
      // `pulumi up` as a user types it: the preview again (the template still not made), then the update.
      const result = await events(linkedDir, ["up", "--yes"]);
      expect(result.summary?.isPreview).toBe(false);
      expect(result.summary?.resourceChanges).toEqual({ create: 5 });
      const outputs = JSON.parse(await ok(linkedDir, ["stack", "output", "--json"])) as Record<string, unknown>;
      expect(outputs).toMatchObject({ poolTemplate: names.template, consoleDescription: expect.stringMatching(/^Spice/) });
      // The engine's own answer: the pool stands on the template the program made, from the golden VM.
      const template = (await engineApi(emulator, "GET", `/templates?search=${encodeURIComponent(`name=${names.template}`)}`)).json["template"] as { id: string }[];
      const pool = (await engineApi(emulator, "GET", `/vmpools?search=${encodeURIComponent(`name=${names.pool}`)}`)).json["vm_pool"] as { template: { id: string } }[];
      expect(template).toHaveLength(1);
      expect(pool[0]?.template.id).toBe(template[0]!.id);
      expect((await engineInventory(emulator)).vms).toContain(names.golden);
    }, STEP_TIMEOUT);

    it("a second preview plans no change", async () => {
      const plan = await events(linkedDir, ["preview"]);
      expect(plan.summary?.resourceChanges).toEqual({ same: 5 });
      expect(warnings(plan)).toEqual([]);
    }, STEP_TIMEOUT);

    it("destroy leaves the engine with only its seeded objects", async () => {
      const result = await events(linkedDir, ["destroy", "--yes", "--skip-preview"]);
      expect(result.summary?.resourceChanges).toEqual({ delete: 5 });
      expect(await engineInventory(emulator)).toEqual(seeded);
    }, STEP_TIMEOUT);

    it("a template nothing creates: preview warns naming `template`, up fails naming it, nothing is left", async () => {
      const plan = await events(missingDir, ["preview"]);
      expect(opsByName(plan.steps)).toMatchObject({ pool: ["create"], console: ["create"] });
      const warned = warnings(plan).join("\n").replace(/\s+/g, " ");
      expect(warned).toContain(`\`template\`: template "${names.missingTemplate}" not found`);
      expect(warned).toContain("that create fails if `template` is still missing");

      // `pulumi up` as a user types it: the preview again, then the update.
      const up = await pulumi(missingDir, ["up", "--yes"]);
      const said = (up.stdout + up.stderr).replace(/\s+/g, " ");
      expect(up.code, said).not.toBe(0);
      expect(said).toMatch(new RegExp(`\`template\`: template "${names.missingTemplate}" not found.*nothing was created`));
      expect(await engineInventory(emulator)).toEqual(seeded);
      const state = JSON.parse(await ok(missingDir, ["stack", "export"])) as { deployment: { resources?: { type: string }[] } };
      expect((state.deployment.resources ?? []).map((r) => r.type).filter((t) => t.startsWith("ovirt:index:"))).toEqual([]);
    }, firstRun + STEP_TIMEOUT);
  });
}
