// `npm run bench`: prints the provider's performance figures. Figures, not pass/fail: run it on
// a quiet machine and compare runs. Everything talks to the real plugin process over gRPC and to
// the engine emulator over HTTPS, as `pulumi up` would.
//
//   1. plugin cold start: launch to the port line, median of several launches, from the sources
//      and from the release bundle (`npm run dist`), next to a bare `node -e 0`;
//   2. check and diff calls per second through gRPC (one at a time, and 16 in flight);
//   3. engine API calls per resource for create, refresh and a no-op update of N VMs
//      (default 1,000; `npm run bench -- --vms 200` or BENCH_VMS overrides), counted by the emulator's
//      request counter, and the plugin's peak RSS (VmHWM) over all of it.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../emulator/index.ts";
import { startPlugin, type ProviderClient, type Props, type StartPluginOptions } from "../test/provider/harness.ts";

const VM = "ovirt:index:Vm";
const RELEASE_LAUNCHER = join(import.meta.dirname, "../dist/plugin/pulumi-resource-ovirt");
const vmsFlag = process.argv.indexOf("--vms");
const VM_COUNT = Number((vmsFlag >= 0 ? process.argv[vmsFlag + 1] : undefined) ?? process.env.BENCH_VMS ?? 1000);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 3);

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

async function printColdStarts(): Promise<void> {
  const line = (label: string, times: number[]): void =>
    console.log(`  ${label.padEnd(46)} median ${median(times)} ms, all ${times.join(" / ")} ms`);
  console.log("cold start (launch to port line; the compile cache is warm after the first launch):");
  line("bare `node -e 0`", bareNodeStart(5));
  line("plugin from the TypeScript sources", await coldStart(5, { env: { OVIRT_PROVIDER_FROM_SOURCE: "1" } }));
  if (existsSync(RELEASE_LAUNCHER)) {
    line("plugin from the release bundle (dist/plugin)", await coldStart(5, { bin: RELEASE_LAUNCHER }));
  } else {
    console.log("  plugin from the release bundle: not built (npm run dist)");
  }
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
  return { name: `bench-${String(i).padStart(3, "0")}`, memoryMb: 1024, cpuCores: 1, smartcardEnabled: true };
}

async function engineCallsPerVm(
  emulator: RunningEmulator,
  label: string,
  action: () => Promise<unknown>,
): Promise<void> {
  emulator.resetStats();
  const started = Date.now();
  await action();
  const seconds = (Date.now() - started) / 1000;
  const { total, requests } = emulator.stats();
  const top = Object.entries(requests)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 4)
    .map(([route, n]) => `${route} x${n}`)
    .join(", ");
  console.log(
    `  ${label.padEnd(16)} ${(total / VM_COUNT).toFixed(2).padStart(6)} calls/VM  (${total} in ${seconds.toFixed(1)} s; ${top})`,
  );
}

async function lifecycle(client: ProviderClient, emulator: RunningEmulator): Promise<void> {
  const checked: Props[] = [];
  for (let i = 0; i < VM_COUNT; i++) checked.push((await client.check(VM, vmInputs(i))).inputs);
  const created: { id: string; outputs: Props; inputs: Props }[] = [];
  await engineCallsPerVm(emulator, "create", async () => {
    for (const inputs of checked) {
      const { id, outputs } = await client.create(VM, inputs);
      created.push({ id, outputs, inputs });
    }
  });
  await engineCallsPerVm(emulator, "refresh (read)", async () => {
    for (const vm of created) await client.read(VM, vm.id, { properties: vm.outputs, inputs: vm.inputs });
  });
  await engineCallsPerVm(emulator, "no-op update", async () => {
    for (const vm of created) {
      const diff = await client.diff(VM, vm.id, vm.outputs, vm.inputs, { oldInputs: vm.inputs });
      if (diff.changes !== "none") throw new Error(`expected no changes for ${vm.id}, got ${JSON.stringify(diff)}`);
    }
  });
  await engineCallsPerVm(emulator, "delete", async () => {
    for (const vm of created) await client.delete(VM, vm.id, vm.outputs, { oldInputs: vm.inputs });
  });
}

/** The process's peak resident set (VmHWM in /proc), in MB; "?" where /proc has no such entry. */
function peakRssMb(pid: number | undefined): string {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? "?" : (Number(kb) / 1024).toFixed(0);
  } catch {
    return "?";
  }
}

async function main(): Promise<void> {
  console.log(`pulumi-ovirt benchmark (node ${process.version}, ${VM_COUNT} VMs)`);

  await printColdStarts();

  const dataDir = mkdtempSync(join(tmpdir(), "ovirt-bench-"));
  const emulator = await startEmulator({ dataDir, asyncDelayMs: 0 });
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

    console.log("engine API calls per VM:");
    await lifecycle(client, emulator);
    console.log(`plugin peak RSS: ${peakRssMb(plugin.child.pid)} MB`);
  } finally {
    await plugin.stop();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
