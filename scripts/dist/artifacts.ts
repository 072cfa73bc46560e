// What every release artifact step shares: the build context it gets, what it answers, the
// esbuild options, and file helpers (reproducible tarballs and zips, checksums, running a command).

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, rmSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";

/**
 * esbuild options shared by every bundle the release ships: Node 22, and whitespace and syntax
 * minified but names kept, so stack traces still name the real functions.
 */
export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: "node",
  target: "node22",
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "eof",
  logLevel: "warning",
  metafile: true,
} as const;

export interface DistContext {
  repoRoot: string;
  /** Where finished artifacts go: a fresh staging directory, swapped in for dist/ (or --out) at the end. */
  outDir: string;
  /** A private scratch directory, removed when the build ends. */
  workDir: string;
  /** The release version (schema.json's `version`, equal to package.json's). */
  version: string;
}

/** One kind of artifact. `build` writes its files into ctx.outDir and names them (base names). */
export interface ArtifactStep {
  name: string;
  build(ctx: DistContext): Promise<StepResult>;
}

export type StepResult = { artifacts: string[] } | { skipped: string };

/** Runs a command; resolves with its stdout, rejects with its output when it fails. */
export function runCommand(command: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} ${args.join(" ")} failed with exit code ${code}:\n${stdout}${stderr}`));
    });
  });
}

/**
 * A .tar.gz of `entries` (paths relative to `baseDir`), byte for byte the same for the same
 * inputs: sorted names, fixed owner and times, and zlib's gzip header, which has no timestamp.
 * Modes are kept, so executables stay executable.
 */
export async function writeTarball(baseDir: string, entries: string[], outFile: string): Promise<void> {
  const tar = spawn(
    "tar",
    ["--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner", "--format=gnu", "-cf", "-", "-C", baseDir, "--", ...entries],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  tar.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    tar.on("error", reject);
    tar.on("close", resolve);
  });
  await pipeline(tar.stdout, createGzip(), createWriteStream(outFile));
  const code = await exited;
  if (code !== 0) throw new Error(`tar failed for ${outFile} (exit code ${code}): ${stderr}`);
}

/** The earliest time a zip entry can hold (DOS time starts in 1980). */
const ZIP_EPOCH = new Date("1980-01-01T00:00:00Z");

/**
 * A .zip of the files `entries` (paths relative to `baseDir`; no directory entries), byte for byte
 * the same for the same inputs: the given order, no extra fields (owner, extended times) and every
 * file's time set to 1980-01-01 UTC first, so `baseDir` should be a staging copy. Unix modes are
 * kept in the entries, so executables stay executable when Terraform or `unzip` extracts them.
 */
export async function writeZip(baseDir: string, entries: string[], outFile: string): Promise<void> {
  for (const entry of entries) utimesSync(join(baseDir, entry), ZIP_EPOCH, ZIP_EPOCH);
  // zip adds to an archive that exists; this one starts empty.
  rmSync(outFile, { force: true });
  try {
    await runCommand("zip", ["-X", "-D", "-q", outFile, ...entries], { cwd: baseDir, env: { ...process.env, TZ: "UTC" } });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new Error("the zip command is missing: install it (apt-get install zip)", { cause: err });
    throw err;
  }
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}
