// End-to-end harness: the real Pulumi CLI (set up by scripts/setup/pulumi-cli.sh, configured by
// scripts/lib/pulumi.sh), the provider plugin, and the engine emulator started through its CLI.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { whenReady } from "../emulator-ready.ts";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
const PLUGIN = join(REPO_ROOT, "provider/bin/pulumi-resource-ovirt");

export interface CliProbe {
  /** The environment scripts/lib/pulumi.sh sets up; undefined when the suite cannot run. */
  env?: NodeJS.ProcessEnv;
  /** Why the suite cannot run, for the skip message. */
  missing?: string;
  workDir: string;
}

/**
 * Sources scripts/lib/pulumi.sh (with a private state directory and PULUMI_HOME) and reads back
 * the environment it exports. Synchronous, so test files can decide to skip at collection time.
 */
export function probePulumiCli(): CliProbe {
  const workDir = mkdtempSync(join(tmpdir(), "pulumi-ovirt-e2e-"));
  const result = spawnSync(
    "bash",
    ["-c", 'source "$1/scripts/lib/pulumi.sh" >/dev/null && pulumi_cli_available && env -0', "probe", REPO_ROOT],
    {
      env: {
        ...process.env,
        PULUMI_OVIRT_STATE_DIR: join(workDir, "state"),
        PULUMI_HOME: join(workDir, "pulumi-home"),
      },
      encoding: "utf8",
      timeout: 30_000,
    },
  );
  // A skipped suite runs no hooks, so nothing would clean the directory up later.
  const cannotRun = (missing: string): CliProbe => {
    removeWorkDir(workDir);
    return { workDir, missing };
  };
  if (result.status !== 0) return cannotRun("the Pulumi CLI is not set up (run `bash scripts/setup/pulumi-cli.sh`; it needs Go)");
  if (!existsSync(PLUGIN)) return cannotRun(`the provider plugin ${PLUGIN} is missing`);
  const env: NodeJS.ProcessEnv = {};
  for (const entry of result.stdout.split("\0")) {
    const eq = entry.indexOf("=");
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return { workDir, env };
}

export function removeWorkDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command with a deadline; the child is killed when the deadline passes. */
export function run(
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; onStart?: (child: ChildProcess) => void },
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ["pipe", "pipe", "pipe"] });
    opts.onStart?.(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} did not finish in ${opts.timeoutMs ?? 120_000} ms\n${stdout}\n${stderr}`));
    }, opts.timeoutMs ?? 120_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    // A child that exits before reading its input closes the pipe: its exit code says what
    // happened, so the write's EPIPE is not an error of the test.
    child.stdin.on("error", () => {});
    child.stdin.end(opts.input ?? "");
  });
}

export interface Emulator {
  apiUrl: string;
  caFile: string;
  password: string;
  stop(): Promise<void>;
}

/**
 * Starts `node emulator/main.ts --port 0 --data <dir> --delay-ms 0 [extraArgs]` and waits (bounded)
 * for its ready line. extraArgs can add e.g. `--libvirt qemu:///system` or `--user name:pass`.
 */
export async function startEmulator(dataDir: string, password: string, extraArgs: string[] = []): Promise<Emulator> {
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      "--disable-warning=ExperimentalWarning",
      join(REPO_ROOT, "emulator/main.ts"),
      ...["--port", "0", "--data", dataDir, "--delay-ms", "0"],
      ...extraArgs,
    ],
    { env: { ...process.env, OVIRT_EMULATOR_PASSWORD: password }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const exited = new Promise<void>((r) => child.on("exit", () => r()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const { apiUrl } = await whenReady(child, { seconds: 30, onTimeout: () => void stop() });
  return { apiUrl, caFile: join(dataDir, "ca.pem"), password, stop };
}

/** A JSON call to the emulator's REST API (as admin@internal unless told), the way an operator's script would. */
export function engineApi(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
  as = { name: "admin@internal", password: emulator.password },
): Promise<{ status: number; json: Record<string, unknown> }> {
  const url = new URL(emulator.apiUrl + path);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolvePromise, reject) => {
    const req = httpsRequest(
      url,
      {
        method,
        ca: readFileSync(emulator.caFile),
        auth: `${as.name}:${as.password}`,
        headers: {
          Accept: "application/json",
          ...(payload ? { "Content-Type": "application/json" } : {}),
        },
        timeout: 15_000,
      },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () =>
          resolvePromise({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", reject);
    req.end(payload);
  });
}

/** Names of the VMs, templates and pools the engine knows. */
export async function engineInventory(emulator: Emulator): Promise<{ vms: string[]; templates: string[]; pools: string[] }> {
  const names = async (path: string, key: string): Promise<string[]> => {
    const { json } = await engineApi(emulator, "GET", path);
    const list = (json[key] ?? []) as { name: string }[];
    return list.map((e) => e.name).sort();
  };
  return {
    vms: await names("/vms", "vm"),
    templates: await names("/templates", "template"),
    pools: await names("/vmpools", "vm_pool"),
  };
}

/**
 * Copies a program from examples/ into dir, as a user would check it out: its npm dependencies
 * point at this repository's @pulumi/pulumi and built SDK, and its plugin path is made absolute.
 */
export function copyExample(name: string, dir: string): void {
  const source = join(REPO_ROOT, "examples", name);
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  for (const file of ["index.ts", "package.json", "tsconfig.json"]) cpSync(join(source, file), join(dir, file));
  const project = readFileSync(join(source, "Pulumi.yaml"), "utf8").replace(
    "path: ../../provider/bin",
    `path: ${join(REPO_ROOT, "provider/bin")}`,
  );
  writeFileSync(join(dir, "Pulumi.yaml"), project);
  linkProgramDependencies(dir);
}

/**
 * Writes a fresh Pulumi program into dir (Pulumi.yaml using this repository's plugin, package.json,
 * index.ts) and links its dependencies, as a user starting a project from scratch would have it.
 */
export function writeProgram(dir: string, name: string, indexTs: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "Pulumi.yaml"),
    [
      `name: ${name}`,
      "runtime:",
      "  name: nodejs",
      "  options:",
      "    typescript: false",
      "plugins:",
      "  providers:",
      "    - name: ovirt",
      `      path: ${join(REPO_ROOT, "provider/bin")}`,
      "",
    ].join("\n"),
  );
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, type: "module", main: "index.ts" }));
  writeFileSync(join(dir, "index.ts"), indexTs);
  linkProgramDependencies(dir);
}

/** Runs `pulumi <args>` in a program and returns stdout, failing with Pulumi's output otherwise. */
export type PulumiOk = (args: string[], input?: string) => Promise<string>;

/** `pulumi stack init e2e` and the provider settings for the emulator; the password goes in as a secret, through stdin. */
export async function initStack(ok: PulumiOk, emulator: Emulator): Promise<void> {
  await ok(["stack", "init", "e2e"]);
  await ok(["config", "set", "ovirt:url", emulator.apiUrl]);
  await ok(["config", "set", "ovirt:username", "admin@internal"]);
  await ok(["config", "set", "ovirt:caFile", emulator.caFile]);
  await ok(["config", "set", "--secret", "ovirt:password"], emulator.password);
}

export function linkProgramDependencies(dir: string): void {
  const modules = join(dir, "node_modules");
  mkdirSync(modules, { recursive: true });
  const links: [string, string][] = [
    ["@pulumi", join(REPO_ROOT, "node_modules/@pulumi")],
    ["@types", join(REPO_ROOT, "node_modules/@types")],
    ["pulumi-ovirt", join(REPO_ROOT, "sdk/nodejs/bin")],
  ];
  for (const [link, target] of links) {
    if (!existsSync(join(modules, link))) symlinkSync(target, join(modules, link), "dir");
  }
}

/** Builds sdk/nodejs/bin when it is missing or stale (scripts/gen-sdk.sh --build-only). */
export function ensureSdkBuilt(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(
    "bash",
    ["-c", 'source "$1/scripts/lib/pulumi.sh" >/dev/null && pulumi_ensure_sdk_built', "build", REPO_ROOT],
    { env, encoding: "utf8", timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`building the SDK failed:\n${result.stdout}\n${result.stderr}`);
}
