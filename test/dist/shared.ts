// One `npm run dist` per test run, shared by the tests that use the release artifacts (installing
// them outside the repository, launching the plugin executable) instead of each building its own.
// The build goes into this run's directory (test/global-setup.ts makes it and removes it at the
// end), under a name that is the hash of the source tree's contents, so an edit during the run
// gets a fresh build. Parallel vitest workers build it once (once.ts): the others wait.
// Tests that check the build itself (reproducibility, a step's own output) still build what they
// must. Consumers read the directory and never write into it; a test that changes a file copies it.

import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, mkdtempSync, readFileSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inject } from "vitest";
import { buildOnce } from "./once.ts";

const REPO_ROOT = resolve(import.meta.dirname, "../..");

/** Long enough for a cold build on a loaded 2-core machine. */
export const SHARED_RELEASE_TIMEOUT = 600_000;

const building = new Map<string, Promise<string>>();

/** The directory `npm run dist -- --out DIR` wrote for the current source tree, built on first use. */
export function sharedRelease(): Promise<string> {
  const dir = join(runDirectory(), sourceTreeHash());
  let promise = building.get(dir);
  if (!promise) {
    promise = buildOnce(dir, "SHA256SUMS", () => runDist(dir)).then(() => dir);
    building.set(dir, promise);
  }
  return promise;
}

/** This run's directory from the global setup; a private one when a file runs without it. */
function runDirectory(): string {
  const provided = inject("sharedBuildDir") as string | undefined;
  if (provided) return provided;
  return (privateRunDir ??= mkdtempSync(join(tmpdir(), "pulumi-ovirt-release-")));
}
let privateRunDir: string | undefined;

/**
 * sha256 over every file git would commit (tracked, or untracked and not ignored): its path and
 * its bytes as they are on disk now, and the Node.js that builds. Deleted files are left out.
 */
export function sourceTreeHash(root = REPO_ROOT): string {
  const listed = gitFiles(root);
  if (listed === undefined) return "not-a-git-checkout"; // one build per run all the same
  const hash = createHash("sha256").update(`node ${process.version}\0`);
  for (const file of [...new Set(listed.split("\0").filter(Boolean))].sort()) {
    const path = join(root, file);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      continue; // listed by the index, deleted in the working tree
    }
    hash.update(`${file}\0`);
    if (stat.isSymbolicLink()) hash.update(`-> ${readlinkSync(path)}\0`);
    else if (stat.isFile()) hash.update(createHash("sha256").update(readFileSync(path)).digest());
  }
  return hash.digest("hex").slice(0, 16);
}

function gitFiles(root: string): string | undefined {
  const result = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  return result.status === 0 ? result.stdout : undefined;
}

/** `npm run dist -- --out dir`: main.ts swaps the finished directory in, so `dir` is whole or absent. */
async function runDist(dir: string): Promise<void> {
  const started = performance.now();
  const args = ["--disable-warning=ExperimentalWarning", join(REPO_ROOT, "scripts/dist/main.ts"), "--out", dir];
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), SHARED_RELEASE_TIMEOUT - 10_000);
    child.on("error", reject);
    child.on("close", (exit) => {
      clearTimeout(timer);
      done({ code: exit, output });
    });
  });
  if (code !== 0) throw new Error(`npm run dist (shared by the release tests) exited with ${code}:\n${output}`);
  console.log(`shared release build: npm run dist -- --out ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)\n${output}`);
}
