// Chaos scenarios with the real Pulumi CLI against the engine emulator: an up under transient
// faults, a `kill -9` of the provider plugin or of the CLI in the middle of an up, and a typo in
// the engine URL's path. Each scenario runs on its own engine and stack and reports what a user
// cares about: how many runs it took to converge, and whether any desktop was duplicated,
// orphaned (in the engine, not in the state) or lost from the state. Used by test/e2e/chaos.test.ts
// (a few desktops) and by `npm run chaos` (bench/chaos.ts, 50 by default).
import type { ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { startEmulator as startInProcessEmulator, type FaultKnobs, type RunningEmulator } from "../../emulator/index.ts";
import { engineApi, initStack, run, writeProgram, type Emulator, type RunResult } from "./harness.ts";

export type ScenarioName = "faults" | "plugin-kill" | "cli-kill" | "wrong-url";
export const SCENARIOS: ScenarioName[] = ["faults", "plugin-kill", "cli-kill", "wrong-url"];

export interface ScenarioResult {
  scenario: ScenarioName;
  desktops: number;
  /** `pulumi up` runs after the fault until one succeeded (0: never within the limit). */
  runsToConverge: number;
  /** Recovery commands Pulumi needed besides `up` (for pending operations). */
  recovery: string[];
  /** VMs beyond one per desktop, in the engine or in the state. */
  duplicates: number;
  /** VMs of this stack in the engine that the state does not hold. */
  orphans: number;
  /** VMs the state held during or before the fault that it no longer holds, though the engine has them. */
  lost: number;
  /** A final `pulumi preview --expect-no-changes` passed, and engine and state hold one VM per desktop. */
  noChangesAfter: boolean;
  /** Kill scenarios: the kill landed while the up was still creating VMs. */
  interrupted?: boolean;
  /** wrong-url: each command run with the typo, whether it failed and whether its error named ovirt:url. */
  withTypo?: { command: string; failed: boolean; namesUrl: boolean }[];
  seconds: number;
  notes: string[];
}

export interface ChaosOptions {
  desktops: number;
  /** A scratch directory for this scenario (engine data, program, stack state). */
  workDir: string;
  /** The environment from probePulumiCli() (PATH with the CLI, a private backend). */
  env: NodeJS.ProcessEnv;
  /** The faults of the "faults" scenario. */
  faults?: FaultKnobs;
  /** Ups tried after the fault before giving up. */
  maxRuns?: number;
  log?: (line: string) => void;
}

export const DEFAULT_FAULTS: FaultKnobs = { errorRate: 0.1, dropRate: 0.03, latencyMs: 25 };

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const config = new pulumi.Config();
const prefix = config.require("prefix");
const count = config.requireNumber("count");
for (let i = 0; i < count; i++) {
    new ovirt.Vm(\`desk-\${i}\`, { name: \`\${prefix}-\${i}\`, cluster: "Default", template: "Blank", memoryMb: 512, cpuCores: 1 });
}
`;

interface StateResource {
  type: string;
  id?: string;
  urn: string;
}
interface Deployment {
  deployment: { resources?: StateResource[]; pending_operations?: { resource: StateResource; type: string }[] };
}

/** The pids of every descendant of `pid` (children first found through /proc). */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const child of parents.get(p) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

export function killPids(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Stack {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly emulator: RunningEmulator;
  readonly prefix: string;
  readonly desktops: number;
  readonly engine: Emulator;

  constructor(dir: string, env: NodeJS.ProcessEnv, emulator: RunningEmulator, prefix: string, desktops: number) {
    this.dir = dir;
    this.env = env;
    this.emulator = emulator;
    this.prefix = prefix;
    this.desktops = desktops;
    this.engine = { apiUrl: emulator.apiUrl, caFile: emulator.caFile, password: emulator.adminPassword, stop: () => emulator.close() };
  }

  pulumi(args: string[], opts: { input?: string; onStart?: (child: ChildProcess) => void; timeoutMs?: number } = {}): Promise<RunResult> {
    return run("pulumi", [...args, "--non-interactive"], { cwd: this.dir, env: this.env, input: opts.input, onStart: opts.onStart, timeoutMs: opts.timeoutMs ?? 900_000 });
  }

  async ok(args: string[], input?: string): Promise<string> {
    const result = await this.pulumi(args, { input });
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`);
    return result.stdout;
  }

  up(onStart?: (child: ChildProcess) => void, parallel?: number): Promise<RunResult> {
    return this.pulumi(["up", "--yes", "--skip-preview", ...(parallel ? ["--parallel", String(parallel)] : [])], { onStart });
  }

  async state(): Promise<Deployment["deployment"]> {
    return (JSON.parse(await this.ok(["stack", "export"])) as Deployment).deployment;
  }

  async stateVmIds(): Promise<string[]> {
    return ((await this.state()).resources ?? []).filter((r) => r.type === "ovirt:index:Vm" && r.id).map((r) => r.id!);
  }

  /** This stack's VMs in the engine (asked without faults in the way: callers turn them off first). */
  async engineVms(): Promise<{ id: string; name: string }[]> {
    const { status, json } = await engineApi(this.engine, "GET", `/vms?search=${encodeURIComponent(`name=${this.prefix}-*`)}`);
    if (status !== 200) throw new Error(`listing the engine's VMs answered ${status}`);
    return ((json.vm ?? []) as { id: string; name: string }[]).filter((vm) => vm.name.startsWith(`${this.prefix}-`));
  }

  /** Runs ups until one succeeds, at most `max`; returns how many it took (0 when none did). */
  async converge(max: number, log: (line: string) => void): Promise<number> {
    for (let runNo = 1; runNo <= max; runNo++) {
      const result = await this.up();
      if (result.code === 0) return runNo;
      log(`  up #${runNo} failed: ${lastError(result)}`);
    }
    return 0;
  }

  /** Starts an up and kills (-9) the plugin or the CLI once the engine has made some but not all VMs. */
  async killMidUp(target: "plugin" | "cli", log: (line: string) => void): Promise<{ killed: boolean; madeAtKill: number }> {
    let cli: ChildProcess | undefined;
    // A few creates at a time, so that the kill lands with some VMs made and others in flight.
    const up = this.up((child) => (cli = child), Math.max(2, Math.ceil(this.desktops / 10)));
    let made = 0;
    const half = Math.max(1, Math.floor(this.desktops / 2));
    for (let i = 0; i < 2400 && made < half; i++) {
      await sleep(50);
      made = (await this.engineVms()).length;
    }
    let killed = false;
    if (cli?.pid !== undefined && made < this.desktops) {
      const tree = descendants(cli.pid);
      if (target === "plugin") {
        const plugin = tree.filter((pid) => /provider\/main\.ts|pulumi-resource-ovirt/.test(commandLine(pid)));
        killPids(plugin);
        killed = plugin.length > 0;
      } else {
        // The CLI first, then what it started (the plugin and the program would linger otherwise).
        killPids([cli.pid]);
        killPids(tree);
        killed = true;
      }
    }
    const result = await up;
    log(`  interrupted up (${target} killed with ${made} of ${this.desktops} VMs made) ended with ${result.code ?? "a signal"}`);
    return { killed, madeAtKill: made };
  }
}

function lastError(result: RunResult): string {
  const lines = `${result.stdout}\n${result.stderr}`.split("\n").map((l) => l.trim()).filter((l) => /error/i.test(l));
  return (lines.at(-1) ?? `exit ${result.code}`).slice(0, 300);
}

async function openStack(scenario: ScenarioName, opts: ChaosOptions): Promise<Stack> {
  const dir = join(opts.workDir, scenario);
  mkdirSync(dir, { recursive: true });
  const emulator = await startInProcessEmulator({ dataDir: join(dir, "engine"), port: 0, asyncDelayMs: 0, adminPassword: `chaos-${scenario}-pw` });
  const program = join(dir, "program");
  writeProgram(program, `chaos-${scenario}`, PROGRAM);
  const stack = new Stack(program, opts.env, emulator, `chaos-${scenario}`, opts.desktops);
  await initStack((args, input) => stack.ok(args, input), stack.engine);
  await stack.ok(["config", "set", "prefix", stack.prefix]);
  await stack.ok(["config", "set", "count", String(opts.desktops)]);
  return stack;
}

/**
 * Pulumi's file backend (gocloud's fileblob) writes a stack's checkpoint to a temporary file and
 * renames it, but writes the `.attrs` file beside it in place: a kill -9 in that moment leaves it
 * empty, and every later command fails with "failed to load checkpoint: EOF", whatever the
 * provider did. The checkpoint itself is whole (the last one renamed); with the empty sidecar
 * removed, as a user would remove it, Pulumi reads it. Seen about once in three CLI kills once a
 * create took only its POST (the kill then often lands on a checkpoint write).
 */
function repairEmptySidecars(env: NodeJS.ProcessEnv): string[] {
  const stacks = join(String(env.PULUMI_BACKEND_URL ?? "").replace(/^file:\/\//, ""), ".pulumi", "stacks");
  const notes: string[] = [];
  for (const entry of readdirSync(stacks, { recursive: true, encoding: "utf8" })) {
    const path = join(stacks, entry);
    if (!entry.endsWith(".json.attrs") || statSync(path).size > 0) continue;
    rmSync(path);
    notes.push(`removed ${entry}, left empty by the killed CLI (Pulumi's file backend)`);
  }
  return notes;
}

/**
 * Pulumi's own recovery after the CLI itself was killed: the stack's lock stays behind (`pulumi
 * cancel` removes it), and creates in flight stay as pending operations in the state.
 */
async function recoverAfterCliCrash(stack: Stack, log: (line: string) => void): Promise<string[]> {
  const steps: string[] = [];
  const cancel = ["cancel", "--yes"];
  await stack.ok(cancel);
  steps.push(`pulumi ${cancel.join(" ")}`);
  // Pending creates stay in the state until a refresh clears them (an up leaves them be). Clearing
  // is safe: the next up creates those resources again, and each create adopts the VM that carries
  // its marker.
  const pending = (await stack.state()).pending_operations ?? [];
  log(`  the state holds ${pending.length} pending operations (${[...new Set(pending.map((p) => p.type))].join(", ") || "none"})`);
  if (pending.length > 0) {
    const refresh = ["refresh", "--yes", "--skip-preview", "--clear-pending-creates"];
    await stack.ok(refresh);
    steps.push(`pulumi ${refresh.join(" ")}`);
  }
  return steps;
}

export async function runScenario(scenario: ScenarioName, opts: ChaosOptions): Promise<ScenarioResult> {
  const log = opts.log ?? (() => undefined);
  const maxRuns = opts.maxRuns ?? 4;
  const started = performance.now();
  const stack = await openStack(scenario, opts);
  const notes: string[] = [];
  let recorded = new Set<string>();
  let recovery: string[] = [];
  let runsToConverge: number;
  let interrupted: boolean | undefined;
  const withTypo: ScenarioResult["withTypo"] = [];
  try {
    if (scenario === "faults") {
      stack.emulator.setFaults(opts.faults ?? DEFAULT_FAULTS);
      runsToConverge = await stack.converge(maxRuns, log);
      const stats = stack.emulator.stats().requests;
      const count = (suffix: string) => Object.entries(stats).filter(([k]) => k.endsWith(suffix)).reduce((a, [, v]) => a + v, 0);
      notes.push(`faults injected: ${count(" 503")} answered 503, ${count(" dropped")} connections dropped, of ${stack.emulator.stats().total} requests`);
      stack.emulator.setFaults({});
    } else if (scenario === "plugin-kill" || scenario === "cli-kill") {
      stack.emulator.setFaults({ latencyMs: 40 });
      const { killed, madeAtKill } = await stack.killMidUp(scenario === "plugin-kill" ? "plugin" : "cli", log);
      stack.emulator.setFaults({});
      if (scenario === "cli-kill") notes.push(...repairEmptySidecars(stack.env));
      interrupted = killed;
      if (!killed) notes.push("the up finished before the kill: nothing was interrupted");
      notes.push(`${madeAtKill} VMs existed when the ${scenario === "plugin-kill" ? "plugin" : "CLI"} was killed`);
      recorded = new Set(await stack.stateVmIds());
      if (scenario === "cli-kill") recovery = await recoverAfterCliCrash(stack, log);
      runsToConverge = await stack.converge(maxRuns, log);
    } else {
      // A typo in the URL's path: up, refresh and destroy must fail and lose nothing.
      if ((await stack.up()).code !== 0) throw new Error("the first up (before the typo) failed");
      recorded = new Set(await stack.stateVmIds());
      const goodUrl = stack.emulator.apiUrl;
      await stack.ok(["config", "set", "ovirt:url", goodUrl.replace("/ovirt-engine/api", "/ovirt-engin/api")]);
      for (const command of [["up", "--yes", "--skip-preview"], ["refresh", "--yes", "--skip-preview"], ["destroy", "--yes", "--skip-preview"]]) {
        const result = await stack.pulumi(command);
        const namesUrl = `${result.stdout}${result.stderr}`.includes("ovirt:url");
        withTypo.push({ command: command[0]!, failed: result.code !== 0, namesUrl });
        notes.push(`pulumi ${command[0]} with the typo: ${result.code === 0 ? "succeeded (!)" : "failed"}${namesUrl ? ", naming ovirt:url" : ""}`);
      }
      notes.push(`state after the typo: ${(await stack.stateVmIds()).length} of ${recorded.size} VMs; engine: ${(await stack.engineVms()).length}`);
      await stack.ok(["config", "set", "ovirt:url", goodUrl]);
      runsToConverge = await stack.converge(maxRuns, log);
    }

    const engineVms = await stack.engineVms();
    const stateIds = await stack.stateVmIds();
    const stateSet = new Set(stateIds);
    const engineNames = new Set(engineVms.map((vm) => vm.name));
    const duplicates = (engineVms.length - engineNames.size) + Math.max(0, engineNames.size - opts.desktops) + (stateIds.length - stateSet.size);
    const orphans = engineVms.filter((vm) => !stateSet.has(vm.id)).length;
    const engineIds = new Set(engineVms.map((vm) => vm.id));
    const lost = [...recorded].filter((id) => !stateSet.has(id) && engineIds.has(id)).length;
    const pendingAfter = (await stack.state()).pending_operations?.length ?? 0;
    if (pendingAfter > 0) notes.push(`${pendingAfter} pending operations are still in the state`);
    const preview = await stack.pulumi(["preview", "--expect-no-changes"]);
    return {
      scenario, desktops: opts.desktops, runsToConverge, recovery, duplicates, orphans, lost,
      noChangesAfter: preview.code === 0 && engineVms.length === opts.desktops && stateSet.size === opts.desktops,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      notes,
      ...(interrupted === undefined ? {} : { interrupted }),
      ...(scenario === "wrong-url" ? { withTypo } : {}),
    };
  } finally {
    await stack.pulumi(["destroy", "--yes", "--skip-preview"]).catch(() => undefined);
    await stack.emulator.close();
  }
}
