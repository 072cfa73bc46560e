// Reads the V8 CPU profiles (`node --cpu-prof`) a bench run left in a directory and prints, per
// process, where its CPU time went: by file (a package under node_modules counts as one) and by
// function, self time only. Idle time (the event loop waiting) is its own line.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../test/e2e/harness.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** `node_modules/@grpc/grpc-js/...` -> `@grpc/grpc-js`; a repository file keeps its path. */
function fileOf(url: string): string {
  if (url === "") return "(native / V8)";
  const path = url.replace(/^file:\/\//, "");
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (modules) return modules[1]!;
  if (path.startsWith("node:")) return "node: (built-in modules)";
  return path.startsWith(REPO_ROOT) ? path.slice(REPO_ROOT.length + 1) : path;
}

/** Which process a profile is: the plugin, or the language host running the program. */
function roleOf(profile: CpuProfile): string {
  const urls = profile.nodes.map((n) => n.callFrame.url);
  if (urls.some((u) => u.includes("provider/main.ts"))) return "provider plugin";
  if (urls.some((u) => u.includes("@pulumi/pulumi") && u.includes("cmd/run"))) return "language host (the program)";
  return "other node process";
}

function selfTimes(profile: CpuProfile): { byNode: Map<number, number>; totalMs: number } {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  return { byNode, totalMs: (profile.endTime - profile.startTime) / 1000 };
}

function top(map: Map<string, number>, n: number): [string, number][] {
  return [...map.entries()].sort(([, a], [, b]) => b - a).slice(0, n);
}

function printProfile(name: string, profile: CpuProfile): void {
  const { byNode, totalMs } = selfTimes(profile);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let idleMs = 0;
  for (const [id, ms] of byNode) {
    const frame = nodes.get(id)!.callFrame;
    if (frame.functionName === "(idle)") {
      idleMs += ms;
      continue;
    }
    const file = fileOf(frame.url);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const fn = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const busyMs = totalMs - idleMs;
  console.log(`  ${roleOf(profile)} (${name}): ${(totalMs / 1000).toFixed(2)} s alive, ${(busyMs / 1000).toFixed(2)} s on CPU`);
  console.log("    by file (self time):");
  for (const [file, ms] of top(byFile, 10)) console.log(`      ${ms.toFixed(0).padStart(6)} ms  ${file}`);
  console.log("    by function (self time):");
  for (const [fn, ms] of top(byFunction, 12)) console.log(`      ${ms.toFixed(0).padStart(6)} ms  ${fn}`);
}

/** Prints each profile in `dir`, the longest-lived first. */
export function summariseProfiles(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  console.log(`CPU profiles (${files.length}, in ${dir}):`);
  const profiles = files.map((f) => ({ name: f, profile: JSON.parse(readFileSync(join(dir, f), "utf8")) as CpuProfile }));
  profiles.sort((a, b) => b.profile.endTime - b.profile.startTime - (a.profile.endTime - a.profile.startTime));
  for (const { name, profile } of profiles) printProfile(name, profile);
}

// `node bench/cpuProfile.ts DIR` summarises the profiles of an earlier run.
if (import.meta.filename === process.argv[1]) summariseProfiles(process.argv[2] ?? ".");
