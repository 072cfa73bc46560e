// Part 6 of `npm run bench`: this Terraform provider (the release executable) against oVirt's own
// terraform-provider-ovirt v2 (Go), built from the source snapshot in ../shared/peers/ (see its
// README; BENCH_PEER_TARBALL names another) with the Go toolchain, outside the repository: the
// binary is cached under ~/.cache/pulumi-ovirt/, its code never enters this project. The same
// OpenTofu applies, refreshes (a refresh-only plan) and destroys N plain VMs with each, against
// one emulator with latency on every request and on each asynchronous step; it prints the wall
// time and the engine calls of each command. Skipped, saying why, without Go or the snapshot.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { request } from "node:https";
import { homedir } from "node:os";
import { basename, join } from "node:path";
import { startEmulator, type RunningEmulator } from "../emulator/index.ts";
import { REPO_ROOT, removeWorkDir } from "../test/e2e/harness.ts";
import { devOverridesConfig, probeTofu, providerBlock, workspace, type Workspace } from "../test/terraform/harness.ts";

const BLANK_TEMPLATE = "00000000-0000-0000-0000-000000000000";
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 40);
const ASYNC_STEP_MS = Number(process.env.BENCH_ASYNC_MS ?? 200);
const CLI_TIMEOUT_MS = 60 * 60 * 1000;

/** The peer's source snapshot: BENCH_PEER_TARBALL, else the newest in ../shared/peers. */
function peerTarball(): string | undefined {
  if (process.env.BENCH_PEER_TARBALL) return process.env.BENCH_PEER_TARBALL;
  for (const dir of [join(REPO_ROOT, "../shared/peers"), join(REPO_ROOT, "../../shared/peers")]) {
    if (!existsSync(dir)) continue;
    const found = readdirSync(dir).filter((f) => /^terraform-provider-ovirt-.*\.tar\.gz$/.test(f)).sort();
    if (found.length > 0) return join(dir, found[found.length - 1]!);
  }
  return undefined;
}

/** The peer's binary, built once per snapshot into the cache; or why it cannot be. */
function ensurePeerBuilt(): { bin: string } | { missing: string } {
  const tarball = peerTarball();
  if (!tarball || !existsSync(tarball)) return { missing: "no terraform-provider-ovirt-*.tar.gz in ../shared/peers (or BENCH_PEER_TARBALL)" };
  const dir = join(homedir(), ".cache/pulumi-ovirt", `peer-${basename(tarball, ".tar.gz")}`);
  const bin = join(dir, "bin", "terraform-provider-ovirt");
  if (existsSync(bin)) return { bin };
  if (spawnSync("go", ["version"]).status !== 0) return { missing: "no Go toolchain on PATH" };
  mkdirSync(join(dir, "src"), { recursive: true });
  const untar = spawnSync("tar", ["xzf", tarball, "-C", join(dir, "src")], { encoding: "utf8" });
  if (untar.status !== 0) return { missing: `tar failed: ${untar.stderr}` };
  console.log(`  building the peer with Go into ${bin} (once)...`);
  const built = spawnSync("go", ["build", "-o", bin, "."], {
    cwd: join(dir, "src", "terraform-provider-ovirt"),
    env: { ...process.env, GOFLAGS: "-mod=mod" },
    encoding: "utf8",
    timeout: 30 * 60 * 1000,
  });
  return built.status === 0 && existsSync(bin) ? { bin } : { missing: `go build failed: ${built.stderr.slice(-2000)}` };
}

/** The id of the emulator's Default cluster, which the peer's ovirt_vm wants. */
function defaultClusterId(emulator: RunningEmulator): Promise<string> {
  const auth = Buffer.from(`${emulator.adminUser}:${emulator.adminPassword}`).toString("base64");
  return new Promise((resolve, reject) => {
    const req = request(`${emulator.apiUrl}/clusters`, { ca: emulator.caPem, headers: { authorization: `Basic ${auth}`, accept: "application/xml" } }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => {
        const entry = body.split(/<cluster\b/).find((chunk) => chunk.includes("<name>Default</name>"));
        const id = entry ? /\bid="([^"]+)"/.exec(entry)?.[1] : undefined;
        if (id) resolve(id);
        else reject(new Error(`no cluster in the emulator's answer (${res.statusCode}): ${body.slice(0, 300)}`));
      });
    });
    req.on("error", reject);
    req.end();
  });
}

interface Contender {
  label: string;
  providerDir: string;
  configuration: string;
}

function ourConfiguration(emulator: RunningEmulator, count: number): string {
  return `${providerBlock(emulator)}resource "ovirt_vm" "vm" {
  count = ${count}
  name  = format("h2h-ours-%04d", count.index)
}
`;
}

function peerConfiguration(emulator: RunningEmulator, count: number, clusterId: string): string {
  return `terraform {
  required_providers {
    ovirt = { source = "ovirt/ovirt" }
  }
}
provider "ovirt" {
  url          = "${emulator.apiUrl}"
  username     = "${emulator.adminUser}"
  password     = "${emulator.adminPassword}"
  tls_ca_files = ["${emulator.caFile}"]
}
resource "ovirt_vm" "vm" {
  count       = ${count}
  name        = format("h2h-peer-%04d", count.index)
  cluster_id  = "${clusterId}"
  template_id = "${BLANK_TEMPLATE}"
}
`;
}

const COMMANDS: { label: string; args: string[]; codes: number[] }[] = [
  { label: "apply (create)", args: ["apply", "-auto-approve"], codes: [0] },
  { label: "refresh-only plan", args: ["plan", "-refresh-only", "-detailed-exitcode"], codes: [0, 2] },
  { label: "destroy", args: ["destroy", "-auto-approve"], codes: [0] },
];

/** Runs the three commands with one contender; answers seconds and engine calls per command. */
async function lifecycle(tofu: string, emulator: RunningEmulator, workDir: string, c: Contender): Promise<{ seconds: number; calls: number }[]> {
  const dir = join(workDir, c.label);
  mkdirSync(dir, { recursive: true });
  const source = /source = "([^"]+)"/.exec(c.configuration)![1]!;
  const ws = workspace(tofu, dir, { password: emulator.adminPassword }, devOverridesConfig(join(dir, "dev.tfrc"), c.providerDir, source));
  ws.write(c.configuration);
  const results: { seconds: number; calls: number }[] = [];
  for (const command of COMMANDS) {
    emulator.resetStats();
    const started = performance.now();
    await tofuCommand(ws, command.args, command.codes, `${c.label}: `);
    results.push({ seconds: (performance.now() - started) / 1000, calls: emulator.stats().total });
  }
  return results;
}

/** One tofu command, unattended; its output, or an error with its end unless it exits with one of `codes`. */
export async function tofuCommand(ws: Workspace, args: string[], codes: number[] = [0], label = ""): Promise<string> {
  const result = await ws.tofu([...args, "-input=false"], CLI_TIMEOUT_MS);
  if (!codes.includes(result.code ?? -1)) {
    throw new Error(`${label}tofu ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  }
  return result.stdout;
}

/** Part 6: prints the head-to-head figures at each count in `counts`. */
export async function headToHead(ourProviderDir: string, counts: number[], dataDir: string): Promise<void> {
  const probe = probeTofu("tofu-h2h-");
  if (!probe.tofu) {
    console.log(`head to head with terraform-provider-ovirt v2: SKIPPED: ${probe.missing}`);
    return;
  }
  const peer = ensurePeerBuilt();
  if ("missing" in peer) {
    console.log(`head to head with terraform-provider-ovirt v2: SKIPPED: ${peer.missing}`);
    removeWorkDir(probe.workDir);
    return;
  }
  const emulator = await startEmulator({ dataDir, asyncDelayMs: ASYNC_STEP_MS, faults: { latencyMs: LATENCY_MS } });
  try {
    const clusterId = await defaultClusterId(emulator);
    const peerDir = join(peer.bin, "..");
    for (const count of counts) {
      console.log(`head to head, ${count} plain VMs, OpenTofu, emulator latency ${LATENCY_MS} ms per request and ${ASYNC_STEP_MS} ms per async step:`);
      const ours = await lifecycle(probe.tofu, emulator, join(probe.workDir, String(count)), { label: "ours", providerDir: ourProviderDir, configuration: ourConfiguration(emulator, count) });
      const theirs = await lifecycle(probe.tofu, emulator, join(probe.workDir, String(count)), { label: "peer", providerDir: peerDir, configuration: peerConfiguration(emulator, count, clusterId) });
      COMMANDS.forEach((command, i) => {
        const o = ours[i]!;
        const p = theirs[i]!;
        console.log(
          `  ${command.label.padEnd(18)} ours ${o.seconds.toFixed(2).padStart(6)} s / ${String(o.calls).padStart(5)} calls   ` +
            `peer ${p.seconds.toFixed(2).padStart(6)} s / ${String(p.calls).padStart(5)} calls   peer/ours time ${(p.seconds / o.seconds).toFixed(2)}x (target >= 2x on apply and refresh)`,
        );
      });
    }
  } finally {
    await emulator.close();
    removeWorkDir(probe.workDir);
  }
}
