// `npm run dist [-- --out DIR]`: the release artifacts, written to dist/ (or DIR):
//   pulumi-resource-ovirt-v<version>-linux-amd64.tar.gz   the provider plugin (plugin.ts)
//   pulumi-ovirt-<version>.tgz                            the Node.js SDK (sdk.ts)
//   pulumi-ovirt-policy-<version>.tar.gz                  the policy pack (policy.ts)
//   whatever scripts/dist-<name>.sh writes, when it exists (external.ts):
//     terraform-provider-ovirt_<version>_linux_amd64.zip  the Terraform/OpenTofu provider (terraform.ts)
//     pulumi-ovirt-sdk-go-<version>.tar.gz                the Go SDK module (scripts/dist-go.sh)
//   SHA256SUMS                                            for `sha256sum -c SHA256SUMS`
// plus plugin/ and plugin.inputs, the unpacked plugin that provider/bin/pulumi-resource-ovirt runs.
//
// A new artifact is one more ArtifactStep in STEPS (or a scripts/dist-<name>.sh listed there). The
// steps run concurrently into a sibling directory that is swapped in at the end, so the output
// directory never holds a half-finished build.

import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { sha256File, type ArtifactStep, type DistContext } from "./artifacts.ts";
import { scriptStep } from "./external.ts";
import { pluginStep } from "./plugin.ts";
import { policyStep } from "./policy.ts";
import { sdkStep } from "./sdk.ts";

const STEPS: ArtifactStep[] = [
  pluginStep,
  sdkStep,
  policyStep,
  scriptStep("Terraform provider", "scripts/dist-terraform.sh"),
  scriptStep("Python SDK", "scripts/dist-python.sh"),
  scriptStep("Go SDK", "scripts/dist-go.sh"),
];

const repoRoot = resolve(import.meta.dirname, "../..");

function parseOutDir(args: string[]): string {
  if (args.length === 0) return join(repoRoot, "dist");
  if (args.length === 2 && args[0] === "--out" && args[1]) return resolve(args[1]);
  throw new Error(`usage: npm run dist [-- --out DIR] (got: ${args.join(" ")})`);
}

/** schema.json's version, which the root package.json must repeat. */
function releaseVersion(): string {
  const schema = JSON.parse(readFileSync(join(repoRoot, "schema.json"), "utf8")) as { version?: string };
  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version?: string };
  if (!schema.version) throw new Error("schema.json has no version");
  if (pkg.version !== schema.version) throw new Error(`package.json has version ${pkg.version}, schema.json ${schema.version}: make them equal`);
  return schema.version;
}

function sizeOf(file: string): string {
  const bytes = statSync(file).size;
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Replaces `target` by `staged` with two renames, so readers see either build, never a mix. */
function swapIn(staged: string, target: string): void {
  const old = join(dirname(target), `.${basename(target)}.old-${process.pid}`);
  if (existsSync(target)) renameSync(target, old);
  renameSync(staged, target);
  rmSync(old, { recursive: true, force: true });
}

/** Runs one step and prints what it made (or why it made nothing); returns its artifacts. */
async function runStep(step: ArtifactStep, ctx: DistContext): Promise<string[]> {
  const started = performance.now();
  const result = await step.build(ctx);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if ("skipped" in result) {
    console.log(`dist: ${step.name}: skipped (${result.skipped})`);
    return [];
  }
  for (const file of result.artifacts) console.log(`dist: ${step.name}: ${file} (${sizeOf(join(ctx.outDir, file))}, ${seconds} s)`);
  return result.artifacts;
}

async function main(): Promise<void> {
  const started = performance.now();
  const outDir = parseOutDir(process.argv.slice(2));
  const ctx: DistContext = {
    repoRoot,
    version: releaseVersion(),
    outDir: mkdtempSync(join(dirname(outDir), `.${basename(outDir)}.partial-`)),
    workDir: mkdtempSync(join(tmpdir(), "pulumi-ovirt-dist-")),
  };
  try {
    // The steps run side by side; each writes only its own files.
    const results = await Promise.all(STEPS.map((step) => runStep(step, ctx)));
    const artifacts = results.flat();
    const sums = await Promise.all(artifacts.sort().map(async (file) => `${await sha256File(join(ctx.outDir, file))}  ${file}\n`));
    writeFileSync(join(ctx.outDir, "SHA256SUMS"), sums.join(""));
    chmodSync(ctx.outDir, 0o755); // mkdtemp made it private
    swapIn(ctx.outDir, outDir);
    console.log(`dist: ${artifacts.length} artifacts and SHA256SUMS in ${outDir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    rmSync(ctx.workDir, { recursive: true, force: true });
    rmSync(ctx.outDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`dist failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
