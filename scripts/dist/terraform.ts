// The Terraform/OpenTofu provider as a release zip, in the form provider mirrors and registries
// serve it: terraform-provider-ovirt_<version>_linux_amd64.zip, whose root holds
//   terraform-provider-ovirt_v<version>   the executable the CLI starts: self-contained
//                                         (scripts/dist/sea.ts: the front end, provider/terraform/
//                                         main.ts, bundled with its npm dependencies, schema.json
//                                         and the parsed protocol files, inside the Node runtime)
//   proto/                                the tfplugin6 and go-plugin .proto files (MPL-2.0) it
//                                         was built from, with their licence
// It needs no Node on the user's machine. The CLI takes the first file whose name starts with
// terraform-provider-ovirt as the executable, so no other file may start so.
//
// scripts/dist-terraform.sh runs this for `npm run dist`; the build starts the unpacked zip once,
// outside the repository, and waits for its handshake line before it counts as built.
//
//   node scripts/dist/terraform.ts <dir>     (DIST_VERSION=<version> in the environment)

import { spawn } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../provider/terraform/index.ts";
import { runCommand, writeZip, type ArtifactStep, type DistContext } from "./artifacts.ts";
import { buildExecutable, isBuildPlatform, PLATFORM, releasePlatforms, type Platform } from "./sea.ts";

export const TERRAFORM_PROTO_DIR = "proto";

/** The executable's name, as Terraform's package layout wants it. */
export function terraformExecutable(version: string): string {
  return `terraform-provider-ovirt_v${version}`;
}

export function terraformZipName(version: string, platform: Platform = PLATFORM): string {
  return `terraform-provider-ovirt_${version}_${platform.os}_${platform.arch}.zip`;
}

export const terraformStep: ArtifactStep = {
  name: "Terraform provider",
  async build(ctx) {
    const artifacts: string[] = [];
    for (const platform of releasePlatforms()) {
      const packageDir = join(ctx.workDir, `terraform-provider-${platform.os}-${platform.arch}`);
      mkdirSync(packageDir, { recursive: true });
      const executable = terraformExecutable(ctx.version);
      await buildExecutable(ctx, { name: "terraform-provider-ovirt", entry: "provider/terraform/main.ts" }, join(packageDir, executable), platform);
      cpSync(join(ctx.repoRoot, "provider/terraform/proto"), join(packageDir, TERRAFORM_PROTO_DIR), { recursive: true });

      const entries = [executable, ...readdirSync(join(packageDir, TERRAFORM_PROTO_DIR)).sort().map((f) => `${TERRAFORM_PROTO_DIR}/${f}`)];
      for (const entry of entries) chmodSync(join(packageDir, entry), entry === executable ? 0o755 : 0o644);
      const zip = terraformZipName(ctx.version, platform);
      await writeZip(packageDir, entries, join(ctx.outDir, zip));
      // Only the build machine's executable can be started here.
      if (isBuildPlatform(platform)) await smokeStart(join(ctx.outDir, zip), executable, ctx.workDir);
      artifacts.push(zip);
    }
    return { artifacts };
  },
};

/**
 * Unzips the artifact outside the repository, where no node_modules can stand in for something
 * the bundle left out, and starts its executable as the CLI would (magic cookie, protocol 6), with
 * no node on PATH: a zip whose provider cannot start fails the build instead of a user's `tofu plan`.
 */
async function smokeStart(zip: string, executable: string, workDir: string): Promise<void> {
  const dir = join(workDir, "terraform-smoke");
  mkdirSync(dir);
  await runCommand("unzip", ["-q", zip, "-d", dir], { cwd: workDir });
  const env = {
    PATH: "/nonexistent",
    HOME: workDir,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: "5,6",
  };
  const child = spawn(join(dir, executable), [], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error("printed no handshake line within 20 s")), 20_000);
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        if (!stdout.includes("\n")) return;
        clearTimeout(timer);
        if (/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc\n$/.test(stdout)) resolvePromise();
        else reject(new Error(`printed ${JSON.stringify(stdout)} instead of the handshake line`));
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with code ${code} before its handshake line`));
      });
    });
  } catch (err) {
    throw new Error(`the Terraform provider in ${zip} does not start outside the repository: ${(err as Error).message}\n${stderr}`, { cause: err });
  } finally {
    child.kill("SIGKILL");
  }
}

/** `node scripts/dist/terraform.ts <dir>`: the zip into <dir>, for scripts/dist-terraform.sh. */
async function main(args: string[]): Promise<void> {
  const version = process.env.DIST_VERSION;
  if (args.length !== 1 || !version) throw new Error("usage: DIST_VERSION=<version> node scripts/dist/terraform.ts <output dir>");
  const ctx: DistContext = {
    repoRoot: resolve(import.meta.dirname, "../.."),
    outDir: resolve(args[0]!),
    workDir: mkdtempSync(join(tmpdir(), "pulumi-ovirt-dist-terraform-")),
    version,
  };
  try {
    await terraformStep.build(ctx);
  } finally {
    rmSync(ctx.workDir, { recursive: true, force: true });
  }
}

if (import.meta.filename === resolve(process.argv[1] ?? "")) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`dist-terraform failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
