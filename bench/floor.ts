// Part 7 of `npm run bench`: the Pulumi side against its floor (#26 item 5). The same Pulumi CLI
// runs `pulumi up --yes` (preview, then update) of two programs of the same shape, each into a fresh
// stack on the local file backend:
// - N plain `ovirt.Vm` resources (this provider, its release executable, against the emulator);
// - N ComponentResources (no provider at all) that register the very outputs those VMs got,
//   read back from the first program's checkpoint.
// The second is what the CLI and the language host cost by themselves: the floor under any
// provider. It prints the wall time of each, their ratio (target <= 1.5 at N = 300), the CPU time
// of each command (GNU time) split into the language host, the plugin and the rest (the CLI), the
// engine calls, and the checkpoint's bytes per resource for both. On a loaded machine wall times
// stretch by whatever else runs; the CPU times are the steadier figure. It runs once with the
// head-to-head's emulator latency (bench/headToHead.ts) and once with none, with a fresh emulator
// for each N. `--floor-vms 30,300` (or BENCH_FLOOR_VMS) sets the counts, BENCH_FLOOR_ROUNDS the
// rounds per count (the median is printed).
//
// BENCH_FLOOR_LATENCY=none (or =engine) runs one setting only; BENCH_FLOOR_KEEP=1 keeps the
// stacks and programs and says where.
//
// BENCH_FLOOR_NODE_OPTIONS adds to NODE_OPTIONS of the commands (the language host and the plugin):
// an experiment's knob, e.g. `--stack-trace-limit=0`.
//
// BENCH_FLOOR_PROFILE=DIR runs the plugin from its TypeScript sources with `--cpu-prof` (the
// language host too, through NODE_OPTIONS), keeps the profiles in DIR and prints where each
// process spent its CPU, by file and by function (self time).

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../emulator/index.ts";
import { initStack, probePulumiCli, removeWorkDir, run, writeProgram, ensureSdkBuilt, REPO_ROOT } from "../test/e2e/harness.ts";
import { summariseProfiles } from "./cpuProfile.ts";

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 40);
const ASYNC_STEP_MS = Number(process.env.BENCH_ASYNC_MS ?? 200);
const ROUNDS = Number(process.env.BENCH_FLOOR_ROUNDS ?? 1);
const CLI_TIMEOUT_MS = 60 * 60 * 1000;
const STACK = "e2e";

/** One emulator setting: the head-to-head's latency, or none at all. */
interface Setting {
  label: string;
  latencyMs: number;
  asyncDelayMs: number;
}

const SETTINGS: Setting[] = [
  { label: `emulator latency ${LATENCY_MS} ms per request, ${ASYNC_STEP_MS} ms per async step (as the head to head)`, latencyMs: LATENCY_MS, asyncDelayMs: ASYNC_STEP_MS },
  { label: "emulator with no latency", latencyMs: 0, asyncDelayMs: 0 },
];

function vmProgram(): string {
  return `import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const count = new pulumi.Config().requireNumber("vms");
for (let i = 0; i < count; i++) {
  const n = String(i).padStart(4, "0");
  new ovirt.Vm(\`vm-\${n}\`, { name: \`floor-\${n}\` });
}
`;
}

/** The same shape with no provider: each component registers what one VM's outputs were. */
function componentProgram(): string {
  return `import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "node:fs";

class Desktop extends pulumi.ComponentResource {
  constructor(name, outputs) {
    super("floor:index:Desktop", name, {}, {});
    this.registerOutputs(outputs);
  }
}

const outputs = JSON.parse(readFileSync(new pulumi.Config().require("outputsFile"), "utf8"));
outputs.forEach((o, i) => new Desktop(\`vm-\${String(i).padStart(4, "0")}\`, o));
`;
}

interface Checkpoint {
  bytes: number;
  /** The outputs of each resource of `type`, in URN order. */
  outputs: Record<string, unknown>[];
  /** Bytes of one resource entry of `type`, serialized as the checkpoint has it, averaged. */
  entryBytes: number;
}

/** The stack's checkpoint file on the local backend, and what it holds for resources of `type`. */
function readCheckpoint(stateDir: string, project: string, type: string): Checkpoint {
  const dir = join(stateDir, ".pulumi", "stacks", project);
  const file = readdirSync(dir).find((f) => f === `${STACK}.json`);
  if (!file) throw new Error(`no checkpoint ${STACK}.json in ${dir} (found ${readdirSync(dir).join(", ")})`);
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  const parsed = JSON.parse(text) as { checkpoint: { latest: { resources?: { type: string; urn: string; outputs?: Record<string, unknown> }[] } } };
  const resources = (parsed.checkpoint.latest.resources ?? []).filter((r) => r.type === type).sort((a, b) => a.urn.localeCompare(b.urn));
  const entryBytes = resources.reduce((sum, r) => sum + JSON.stringify(r, null, 4).length, 0) / Math.max(1, resources.length);
  return { bytes: statSync(path).size, outputs: resources.map((r) => r.outputs ?? {}), entryBytes };
}

interface Measured {
  seconds: number;
  /** User and system CPU of the command and every process it started (NaN without GNU time). */
  cpuSeconds: number;
  /** CPU seconds of the language host and of the plugin processes, sampled (see watchCpu). */
  split: Record<Role, number>;
  calls: number;
  checkpoint: Checkpoint;
}

type Ok = (args: string[], input?: string) => Promise<string>;

/** GNU time, when the machine has it: the CPU of the whole command tree (the CLI, the language host, the plugin). */
const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const CPU_LINE = "floor-cpu-seconds";

function pulumiIn(dir: string, env: NodeJS.ProcessEnv, cpu?: { seconds: number }): Ok {
  return async (args, input) => {
    const command = [...args, "--non-interactive"];
    const result = cpu && GNU_TIME
      ? await run(GNU_TIME, ["-f", `${CPU_LINE} %U %S`, "pulumi", ...command], { cwd: dir, env, input, timeoutMs: CLI_TIMEOUT_MS })
      : await run("pulumi", command, { cwd: dir, env, input, timeoutMs: CLI_TIMEOUT_MS });
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
    const times = new RegExp(`${CPU_LINE} ([\\d.]+) ([\\d.]+)`).exec(result.stderr);
    if (cpu && times) cpu.seconds = Number(times[1]) + Number(times[2]);
    return result.stdout;
  };
}

/** Which process of a command a command line is: the program's language host, the ovirt plugin, or neither. */
type Role = "languageHost" | "plugin";

function roleOf(cmdline: string, programDir: string, pluginPath: string): Role | undefined {
  if (cmdline.includes("@pulumi/pulumi/cmd/run") && cmdline.includes(`--pwd=${programDir}`)) return "languageHost";
  // Other sessions on the machine run plugins of their own: only this run's build counts.
  if (cmdline.includes(pluginPath)) return "plugin";
  return undefined;
}

/**
 * Samples the CPU time (user + system, /proc/PID/stat) of the language host and the plugin processes
 * of one command every 100 ms: a process's last 100 ms may go unseen. Other sessions on the machine
 * run plugins too: only those started after `since` (the command's start) count.
 */
function watchCpu(programDir: string, pluginPath: string): { stop(): Record<Role, number> } {
  const ticksPerSecond = 100;
  const seen = new Map<string, { role: Role; ticks: number }>();
  const skip = new Set<string>(readdirSync("/proc").filter((pid) => /^\d+$/.test(pid)));
  const sample = () => {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid) || skip.has(pid)) continue;
      try {
        const known = seen.get(pid);
        const role = known?.role ?? roleOf(readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " "), programDir, pluginPath);
        if (!role) continue;
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        seen.set(pid, { role, ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // Gone meanwhile.
      }
    }
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      const total: Record<Role, number> = { languageHost: 0, plugin: 0 };
      for (const { role, ticks } of seen.values()) total[role] += ticks / ticksPerSecond;
      return total;
    },
  };
}

/** The plugin's path in its processes' command lines: this run's release build, or these sources when profiling. */
function pluginPathOf(env: NodeJS.ProcessEnv): string {
  return env.OVIRT_PROVIDER_FROM_SOURCE === "1" ? join(REPO_ROOT, "provider/main.ts") : join(env.OVIRT_PROVIDER_DIST_DIR!, "plugin");
}

async function timedUp(dir: string, env: NodeJS.ProcessEnv, emulator: RunningEmulator): Promise<Omit<Measured, "checkpoint">> {
  const cpu = { seconds: NaN };
  emulator.resetStats();
  const watcher = watchCpu(dir, pluginPathOf(env));
  const started = performance.now();
  let split: Record<Role, number>;
  try {
    await pulumiIn(dir, env, cpu)(["up", "--yes"]);
  } finally {
    split = watcher.stop();
  }
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpu.seconds, calls: emulator.stats().total, split };
}

/** One round at one count: the VM program, then the component program with its outputs. */
async function round(env: NodeJS.ProcessEnv, workDir: string, setting: Setting, count: number): Promise<{ vms: Measured; components: Measured }> {
  const dataDir = join(workDir, "engine");
  const emulator = await startEmulator({ dataDir, asyncDelayMs: setting.asyncDelayMs, faults: { latencyMs: setting.latencyMs } });
  try {
    const vmDir = join(workDir, "vms");
    writeProgram(vmDir, "floor-vms", vmProgram());
    const vmOk = pulumiIn(vmDir, env);
    await initStack(vmOk, { apiUrl: emulator.apiUrl, caFile: emulator.caFile, password: emulator.adminPassword, stop: async () => undefined });
    await vmOk(["config", "set", "vms", String(count)]);
    const vmRun = await timedUp(vmDir, env, emulator);
    const vms = { ...vmRun, checkpoint: readCheckpoint(env.PULUMI_OVIRT_STATE_DIR!, "floor-vms", "ovirt:index:Vm") };

    const componentDir = join(workDir, "components");
    writeProgram(componentDir, "floor-components", componentProgram());
    // No provider at all: the project names no plugin.
    writeFileSync(join(componentDir, "Pulumi.yaml"), "name: floor-components\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n");
    const outputsFile = join(workDir, "vm-outputs.json");
    writeFileSync(outputsFile, JSON.stringify(vms.checkpoint.outputs));
    const componentOk = pulumiIn(componentDir, env);
    await componentOk(["stack", "init", STACK]);
    await componentOk(["config", "set", "outputsFile", outputsFile]);
    const componentRun = await timedUp(componentDir, env, emulator);
    const components = { ...componentRun, checkpoint: readCheckpoint(env.PULUMI_OVIRT_STATE_DIR!, "floor-components", "floor:index:Desktop") };
    return { vms, components };
  } finally {
    await emulator.close();
  }
}

function medianBy<T>(items: T[], key: (item: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)]!;
}

function printCount(count: number, results: { vms: Measured; components: Measured }[]): void {
  const ratios = results.map((r) => r.vms.seconds / r.components.seconds);
  const { vms, components } = medianBy(results, (r) => r.vms.seconds / r.components.seconds);
  const cpu = (m: Measured) =>
    Number.isNaN(m.cpuSeconds)
      ? ""
      : ` (CPU ${m.cpuSeconds.toFixed(1)} s: language host ${m.split.languageHost.toFixed(1)}, plugin ${m.split.plugin.toFixed(1)}, ` +
        `CLI and the rest ${(m.cpuSeconds - m.split.languageHost - m.split.plugin).toFixed(1)})`;
  const cpuRatio = Number.isNaN(vms.cpuSeconds) ? "" : `, CPU ratio ${(vms.cpuSeconds / components.cpuSeconds).toFixed(2)}`;
  const perResource = (m: Measured) => `${(m.checkpoint.bytes / count).toFixed(0)} B/resource (entry ${m.checkpoint.entryBytes.toFixed(0)} B)`;
  console.log(
    `  N = ${String(count).padStart(4)}: Vm ${vms.seconds.toFixed(2).padStart(6)} s${cpu(vms)} / ${vms.calls} engine calls, ` +
      `components ${components.seconds.toFixed(2).padStart(6)} s${cpu(components)}; ratio ${(vms.seconds / components.seconds).toFixed(2)}` +
      `${count >= 300 ? " (target <= 1.5)" : ""}${cpuRatio}${results.length > 1 ? ` (wall ratio of each round: ${ratios.map((r) => r.toFixed(2)).join(" / ")})` : ""}`,
  );
  console.log(`           checkpoint: Vm ${perResource(vms)}, components ${perResource(components)}; load ${loadAverage()}`);
}

/** The machine's 1-minute load average, printed with each figure: a loaded machine stretches wall times. */
function loadAverage(): string {
  return `${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} CPUs`;
}

/** Part 7: prints the floor figures for each setting and count. */
export async function pulumiFloor(bundleDir: string, counts: number[]): Promise<void> {
  const probe = probePulumiCli();
  if (!probe.env) {
    console.log(`Pulumi against its floor: SKIPPED: ${probe.missing}`);
    return;
  }
  const profileDir = process.env.BENCH_FLOOR_PROFILE;
  const env: NodeJS.ProcessEnv = profileDir
    ? { ...probe.env, OVIRT_PROVIDER_FROM_SOURCE: "1", NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` }
    : { ...probe.env, OVIRT_PROVIDER_DIST_DIR: bundleDir };
  // For experiments on the language host, e.g. `--stack-trace-limit=0` (see the note of #26).
  if (process.env.BENCH_FLOOR_NODE_OPTIONS) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} ${process.env.BENCH_FLOOR_NODE_OPTIONS}`.trim();
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  try {
    ensureSdkBuilt(probe.env);
    const only = process.env.BENCH_FLOOR_LATENCY;
    for (const setting of SETTINGS.filter((s) => only === undefined || (only === "none") === (s.latencyMs === 0))) {
      console.log(`Pulumi against its floor: \`pulumi up --yes\` of N Vm vs N ComponentResources with the same outputs, ${setting.label}:`);
      for (const count of counts) {
        const results = [];
        for (let r = 0; r < ROUNDS; r++) {
          const workDir = join(probe.workDir, `${setting.latencyMs}-${count}-${r}`);
          const stateDir = join(workDir, "state");
          mkdirSync(stateDir, { recursive: true });
          const roundEnv = { ...env, PULUMI_OVIRT_STATE_DIR: stateDir, PULUMI_BACKEND_URL: `file://${stateDir}` };
          results.push(await round(roundEnv, workDir, setting, count));
        }
        printCount(count, results);
      }
    }
    if (profileDir) summariseProfiles(profileDir);
  } finally {
    if (process.env.BENCH_FLOOR_KEEP) console.log(`  kept the stacks and programs in ${probe.workDir}`);
    else removeWorkDir(probe.workDir);
  }
}
