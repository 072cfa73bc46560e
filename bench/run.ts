// `npm run bench`: prints the provider's performance figures. Figures, not pass/fail: run it on
// a quiet machine and compare runs. Everything runs for real: the plugin as a process, the engine
// emulator over HTTPS, and in part 4 the real Pulumi CLI (scripts/setup/pulumi-cli.sh) with a
// local backend, as the end-to-end tests run it.
//
//   1. plugin cold start: launch to the port line, median of several launches, from the sources
//      and from a release bundle built for this run (scripts/dist/plugin.ts), next to a bare
//      `node -e 0` on the same Node;
//   1b. the release executables (self-contained, scripts/dist/sea.ts): launch to the port line and
//      to the handshake line, against a bare node printing a line, with the #26 targets
//      (bench/startup.ts);
//   2. check and diff calls per second through gRPC (one at a time, and 16 in flight);
//   3. gRPC only: engine API calls per VM for create, read, a no-op diff and delete of N VMs, one
//      plugin process for all of it, and its peak RSS;
//   4. the Pulumi CLI: `pulumi up` (create), `pulumi refresh` (both of its passes), a no-op
//      `pulumi up` and `pulumi destroy` of a program with N VMs: engine calls per VM, wall time,
//      and the peak RSS (VmHWM) of the plugin processes each command started;
//   5. OpenTofu (scripts/setup/opentofu.sh) with the release build of terraform-provider-ovirt:
//      `tofu apply` (create), `tofu plan` (refresh, no change) and `tofu destroy` of N VMs, with
//      the same figures;
//   6. head to head with terraform-provider-ovirt v2 (Go, built from ../shared/peers): the same
//      OpenTofu applies, refreshes and destroys N plain VMs with each against one emulator with
//      latency: wall time and engine calls (bench/headToHead.ts; --peer-vms 30,300);
//   7. the Pulumi side against its floor: `pulumi up` of N Vm resources against N ComponentResources
//      registering the same outputs (no provider) on the same CLI, with the head to head's latency
//      and with none: wall times, their ratio, engine calls, checkpoint bytes per resource
//      (bench/floor.ts; --floor-vms 30,300);
//
// N is 1,000 unless `npm run bench -- --vms 200` (or BENCH_VMS) says otherwise; `--skip-grpc`
// leaves part 3 out, `--skip-cli` part 4, `--skip-tofu` part 5; `--skip-peer` part 6, `--skip-floor`
// part 7; `--startup-only` stops after 1b, `--peer-only` runs 1, 1b and 6, `--floor-only` builds the
// release bundle and runs 7 alone.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../emulator/index.ts";
import { pluginStep, PLUGIN_EXECUTABLE } from "../scripts/dist/plugin.ts";
import { runtimeBinary } from "../scripts/dist/sea.ts";
import { terraformExecutable, terraformStep, terraformZipName } from "../scripts/dist/terraform.ts";
import { pulumiFloor } from "./floor.ts";
import { headToHead } from "./headToHead.ts";
import { printExecutableStartup } from "./startup.ts";
import { ensureSdkBuilt, initStack, probePulumiCli, removeWorkDir, run, writeProgram, REPO_ROOT } from "../test/e2e/harness.ts";
import { startPlugin, type ProviderClient, type Props, type StartPluginOptions } from "../test/provider/harness.ts";
import { probeTofu, PROVIDER_SOURCE } from "../test/terraform/harness.ts";

const VM = "ovirt:index:Vm";
const flag = (name: string) => process.argv.includes(name);
const vmsFlag = process.argv.indexOf("--vms");
const VM_COUNT = Number((vmsFlag >= 0 ? process.argv[vmsFlag + 1] : undefined) ?? process.env.BENCH_VMS ?? 1000);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 3);
const CLI_TIMEOUT_MS = 60 * 60 * 1000;
const peerFlag = process.argv.indexOf("--peer-vms");
/** Part 6's VM counts: `--peer-vms 30,300` (or BENCH_PEER_VMS); 30 by default. */
const PEER_COUNTS = String((peerFlag >= 0 ? process.argv[peerFlag + 1] : undefined) ?? process.env.BENCH_PEER_VMS ?? "30")
  .split(",")
  .map(Number);
const floorFlag = process.argv.indexOf("--floor-vms");
/** Part 7's VM counts: `--floor-vms 30,300` (or BENCH_FLOOR_VMS); 30 and 300 by default. */
const FLOOR_COUNTS = String((floorFlag >= 0 ? process.argv[floorFlag + 1] : undefined) ?? process.env.BENCH_FLOOR_VMS ?? "30,300")
  .split(",")
  .map(Number);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function coldStart(launches: number, options: StartPluginOptions = {}): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < launches; i++) {
    const plugin = await startPlugin(options);
    times.push(Math.round(plugin.startupMs));
    await plugin.stop();
  }
  return times;
}

/** A bare `node -e 0`, the floor under any plugin start. */
function bareNodeStart(launches: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < launches; i++) {
    const started = performance.now();
    spawnSync(process.execPath, ["-e", "0"]);
    times.push(Math.round(performance.now() - started));
  }
  return times;
}

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as { version: string }).version;

/** Builds a release artifact into `outDir`, as `npm run dist` does. */
async function buildArtifact(step: typeof pluginStep, outDir: string): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), "ovirt-bench-dist-"));
  try {
    await step.build({ repoRoot: REPO_ROOT, version: VERSION, outDir, workDir });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function printColdStarts(bundleDir: string): Promise<void> {
  const line = (label: string, times: number[], bare?: number): void =>
    console.log(
      `  ${label.padEnd(46)} median ${String(median(times)).padStart(4)} ms${bare ? ` (${(median(times) / bare).toFixed(1)}x bare node)` : ""}, all ${times.join(" / ")} ms`,
    );
  console.log("cold start (launch to port line; the compile cache is warm after the first launch):");
  const bare = bareNodeStart(7);
  line("bare `node -e 0`", bare);
  line("plugin from the TypeScript sources", await coldStart(5, { env: { OVIRT_PROVIDER_FROM_SOURCE: "1" } }), median(bare));
  line("plugin from the release executable", await coldStart(7, { bin: join(bundleDir, "plugin", PLUGIN_EXECUTABLE) }), median(bare));
}

/** Part 1b: both release executables, launch to their first line, against the #26 targets. */
async function printReleaseStartup(bundleDir: string): Promise<void> {
  const providerDir = join(bundleDir, "terraform");
  mkdirSync(providerDir, { recursive: true });
  const unzipped = spawnSync("unzip", ["-oq", join(bundleDir, terraformZipName(VERSION)), "-d", providerDir]);
  if (unzipped.status !== 0) throw new Error(`unzip failed: ${unzipped.stderr.toString()}`);
  await printExecutableStartup(
    [
      { label: "pulumi-resource-ovirt (port line)", path: join(bundleDir, "plugin", PLUGIN_EXECUTABLE), args: ["127.0.0.1:1"], goPlugin: false },
      { label: "terraform-provider-ovirt (handshake line)", path: join(providerDir, terraformExecutable(VERSION)), args: [], goPlugin: true },
    ],
    runtimeBinary(REPO_ROOT),
    Number(process.env.BENCH_LAUNCHES ?? 15),
  );
}

/** Calls `call` for RATE_SECONDS with `inFlight` concurrent callers; returns calls per second. */
async function rate(inFlight: number, call: () => Promise<unknown>): Promise<number> {
  const deadline = Date.now() + RATE_SECONDS * 1000;
  let done = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (Date.now() < deadline) {
        await call();
        done++;
      }
    }),
  );
  return done / ((Date.now() - started) / 1000);
}

function vmInputs(i: number): Props {
  return { name: `bench-${String(i).padStart(4, "0")}`, memoryMb: 1024, cpuCores: 1, smartcardEnabled: true };
}

/** Counts the engine calls `action` makes: total per VM, and the busiest routes. */
async function counted(emulator: RunningEmulator, label: string, action: () => Promise<string | void>): Promise<void> {
  emulator.resetStats();
  const started = Date.now();
  const extra = await action();
  const seconds = (Date.now() - started) / 1000;
  const { total, requests } = emulator.stats();
  const top = Object.entries(requests)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 4)
    .map(([route, n]) => `${route.replace("/ovirt-engine/api", "")} x${n}`)
    .join(", ");
  console.log(
    `  ${label.padEnd(18)} ${(total / VM_COUNT).toFixed(3).padStart(7)} calls/VM  ${seconds.toFixed(1).padStart(6)} s` +
      `${extra ? `  ${extra}` : ""}  (${total} calls: ${top})`,
  );
}

/** Peak resident set (VmHWM) of a process in MB; undefined once it has exited. */
function peakRssMb(pid: number | string | undefined): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

async function grpcLifecycle(emulator: RunningEmulator): Promise<void> {
  const plugin = await startPlugin();
  try {
    const client = plugin.client;
    await client.configure({ url: emulator.apiUrl, username: emulator.adminUser, password: emulator.adminPassword, caFile: emulator.caFile });

    const sample = vmInputs(0);
    const { inputs } = await client.check(VM, sample);
    const changed = { ...inputs, smartcardEnabled: false };
    console.log("gRPC call rate (Vm):");
    for (const inFlight of [1, 16]) {
      const checks = await rate(inFlight, () => client.check(VM, sample));
      const diffs = await rate(inFlight, () => client.diff(VM, "bench-id", inputs, changed, { oldInputs: inputs }));
      console.log(`  ${String(inFlight).padStart(2)} in flight: check ${checks.toFixed(0)}/s, diff ${diffs.toFixed(0)}/s`);
    }

    console.log(`gRPC only, one plugin process (${VM_COUNT} VMs, one call at a time):`);
    await lifecycle(client, emulator);
    console.log(`  plugin peak RSS: ${peakRssMb(plugin.child.pid)?.toFixed(0) ?? "?"} MB`);
  } finally {
    await plugin.stop();
  }
}

async function lifecycle(client: ProviderClient, emulator: RunningEmulator): Promise<void> {
  const checked: Props[] = [];
  for (let i = 0; i < VM_COUNT; i++) checked.push((await client.check(VM, vmInputs(i))).inputs);
  const created: { id: string; outputs: Props; inputs: Props }[] = [];
  await counted(emulator, "create", async () => {
    for (const inputs of checked) {
      const { id, outputs } = await client.create(VM, inputs);
      created.push({ id, outputs, inputs });
    }
  });
  await counted(emulator, "read", async () => {
    for (const vm of created) await client.read(VM, vm.id, { properties: vm.outputs, inputs: vm.inputs });
  });
  await counted(emulator, "no-op diff", async () => {
    for (const vm of created) {
      const diff = await client.diff(VM, vm.id, vm.outputs, vm.inputs, { oldInputs: vm.inputs });
      if (diff.changes !== "none") throw new Error(`expected no changes for ${vm.id}, got ${JSON.stringify(diff)}`);
    }
  });
  await counted(emulator, "delete", async () => {
    for (const vm of created) await client.delete(VM, vm.id, vm.outputs, { oldInputs: vm.inputs });
  });
}

/**
 * Watches /proc for the plugin processes of this run (a node running the bundle in `bundleDir`:
 * other sessions on the machine run plugins of their own) and keeps each one's highest VmHWM; VmHWM is a high-water mark, so sampling misses nothing but the
 * last moments of a process, when it is idle.
 */
function watchPlugins(bundleDir: string): { peakSince(): { mb: number; processes: number }; stop(): void } {
  const peaks = new Map<string, number>();
  let marked = new Set<string>();
  const sample = () => {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let cmdline: string;
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      } catch {
        continue;
      }
      if (!cmdline.includes(`${bundleDir}/`) || cmdline.startsWith("bash")) continue;
      const mb = peakRssMb(pid);
      if (mb !== undefined) peaks.set(pid, Math.max(mb, peaks.get(pid) ?? 0));
    }
  };
  const timer = setInterval(sample, 100);
  return {
    peakSince() {
      sample();
      const fresh = [...peaks.entries()].filter(([pid]) => !marked.has(pid));
      marked = new Set(peaks.keys());
      return { mb: Math.max(0, ...fresh.map(([, mb]) => mb)), processes: fresh.length };
    },
    stop: () => clearInterval(timer),
  };
}

function peakRssLine(watcher: ReturnType<typeof watchPlugins>): string {
  const { mb, processes } = watcher.peakSince();
  // Pulumi's launcher runs the sources instead once a file the bundle was built from changes.
  if (processes === 0) return "plugin peak RSS not measured (no plugin ran from this run's build: was a source file edited meanwhile?)";
  return `plugin peak RSS ${mb.toFixed(0)} MB over ${processes} processes`;
}

function program(): string {
  return `import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const count = new pulumi.Config().requireNumber("vms");
for (let i = 0; i < count; i++) {
  const n = String(i).padStart(4, "0");
  new ovirt.Vm(\`vm-\${n}\`, { name: \`bench-\${n}\`, memoryMb: 1024, cpuCores: 1, smartcardEnabled: true });
}
`;
}

async function cliLifecycle(emulator: RunningEmulator, bundleDir: string): Promise<void> {
  const probe = probePulumiCli();
  if (probe.missing) {
    console.log(`Pulumi CLI: skipped: ${probe.missing}`);
    return;
  }
  // The launcher runs the bundle built for this run (it is newer than every file it was built from).
  const env: NodeJS.ProcessEnv = { ...probe.env, OVIRT_PROVIDER_DIST_DIR: bundleDir };
  const programDir = join(probe.workDir, "program");
  const watcher = watchPlugins(bundleDir);
  try {
    ensureSdkBuilt(env);
    writeProgram(programDir, "ovirt-bench", program());
    const ok = async (args: string[], input?: string): Promise<string> => {
      const result = await run("pulumi", [...args, "--non-interactive"], { cwd: programDir, env, input, timeoutMs: CLI_TIMEOUT_MS });
      if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
      return result.stdout;
    };
    await initStack(ok, { apiUrl: emulator.apiUrl, caFile: emulator.caFile, password: emulator.adminPassword, stop: async () => undefined });
    await ok(["config", "set", "vms", String(VM_COUNT)]);
    watcher.peakSince();

    console.log(`Pulumi CLI (${VM_COUNT} VMs; calls counted by the emulator, RSS = the highest VmHWM of the plugin processes the command started):`);
    const command = (label: string, args: string[]) =>
      counted(emulator, label, async () => {
        const out = await ok(args);
        const summary = /Resources:[\s\S]*?(?=\n\s*\n|Duration)/.exec(out)?.[0].replace(/\s+/g, " ").trim();
        return `${peakRssLine(watcher)}${summary ? `; ${summary}` : ""}`;
      });
    await command("up (create)", ["up", "--yes"]);
    await command("refresh", ["refresh", "--yes"]);
    await command("up (no change)", ["up", "--yes"]);
    await command("destroy", ["destroy", "--yes"]);
  } finally {
    watcher.stop();
    removeWorkDir(probe.workDir);
  }
}

function tofuConfiguration(emulator: RunningEmulator): string {
  return `terraform {
  required_providers {
    ovirt = { source = "${PROVIDER_SOURCE}" }
  }
}

provider "ovirt" {
  url     = "${emulator.apiUrl}"
  ca_file = "${emulator.caFile}"
}

resource "ovirt_vm" "bench" {
  count             = ${VM_COUNT}
  name              = format("tfbench-%04d", count.index)
  memory_mb         = 1024
  cpu_cores         = 1
  smartcard_enabled = true
}
`;
}

/** Part 5: the Terraform front end, as released (the zip's contents), under the real OpenTofu CLI. */
async function tofuLifecycle(emulator: RunningEmulator, bundleDir: string): Promise<void> {
  const probe = probeTofu("tofu-bench-");
  if (!probe.tofu) {
    console.log(`OpenTofu: skipped: ${probe.missing}`);
    return;
  }
  // The zip main() built, unzipped by printReleaseStartup.
  const providerDir = join(bundleDir, "terraform");
  const workDir = join(probe.workDir, "config");
  mkdirSync(workDir, { recursive: true });
  writeFileSync(join(workDir, "main.tf"), tofuConfiguration(emulator));
  const cliConfig = join(probe.workDir, "dev.tfrc");
  writeFileSync(cliConfig, `provider_installation {\n  dev_overrides {\n    "${PROVIDER_SOURCE}" = "${providerDir}"\n  }\n  direct {}\n}\n`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: probe.workDir,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
    OVIRT_USERNAME: emulator.adminUser,
    OVIRT_PASSWORD: emulator.adminPassword,
  };
  const watcher = watchPlugins(providerDir);
  try {
    console.log(`OpenTofu (${VM_COUNT} VMs, default parallelism; RSS = the highest VmHWM of the provider processes the command started):`);
    const command = (label: string, args: string[], expectedCodes: number[] = [0]) =>
      counted(emulator, label, async () => {
        const result = await run(probe.tofu!, [...args, "-input=false", "-no-color"], { cwd: workDir, env, timeoutMs: CLI_TIMEOUT_MS });
        if (!expectedCodes.includes(result.code ?? -1)) throw new Error(`tofu ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
        const summary = /(Apply complete|Destroy complete|No changes)[^\n]*/.exec(result.stdout)?.[0];
        return `${peakRssLine(watcher)}${summary ? `; ${summary}` : ""}`;
      });
    watcher.peakSince();
    await command("apply (create)", ["apply", "-auto-approve"]);
    await command("plan (no change)", ["plan", "-detailed-exitcode"]);
    await command("destroy", ["destroy", "-auto-approve"]);
  } finally {
    watcher.stop();
    removeWorkDir(probe.workDir);
  }
}

async function main(): Promise<void> {
  console.log(`pulumi-ovirt benchmark (node ${process.version}, ${VM_COUNT} VMs)`);
  const bundleDir = mkdtempSync(join(tmpdir(), "ovirt-bench-bundle-"));
  mkdirSync(bundleDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "ovirt-bench-"));
  let emulator: RunningEmulator | undefined;
  try {
    if (flag("--floor-only")) {
      await buildArtifact(pluginStep, bundleDir);
      return await pulumiFloor(bundleDir, FLOOR_COUNTS);
    }
    await Promise.all([buildArtifact(pluginStep, bundleDir), buildArtifact(terraformStep, bundleDir)]);
    await printColdStarts(bundleDir);
    await printReleaseStartup(bundleDir);
    if (flag("--startup-only")) return;
    if (flag("--peer-only")) return await headToHead(join(bundleDir, "terraform"), PEER_COUNTS, dataDir);
    emulator = await startEmulator({ dataDir, asyncDelayMs: 0 });
    if (!flag("--skip-grpc")) await grpcLifecycle(emulator);
    if (!flag("--skip-cli")) await cliLifecycle(emulator, bundleDir);
    if (!flag("--skip-tofu")) await tofuLifecycle(emulator, bundleDir);
    if (!flag("--skip-peer")) await headToHead(join(bundleDir, "terraform"), PEER_COUNTS, mkdtempSync(join(tmpdir(), "ovirt-bench-h2h-")));
    if (!flag("--skip-floor")) await pulumiFloor(bundleDir, FLOOR_COUNTS);
  } finally {
    await emulator?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

await main();
