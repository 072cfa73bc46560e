// The real OpenTofu CLI (built by scripts/setup/opentofu.sh, found by its absolute path, never on
// PATH) against the engine emulator. Every workspace writes its own CLI configuration and points
// TF_CLI_CONFIG_FILE at it: dev_overrides where no `init` runs, a filesystem mirror where one does.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, removeWorkDir, run, type Emulator, type RunResult } from "../e2e/harness.ts";

export const PROVIDER_SOURCE = "ovirt-vdi/ovirt";
/** The registry host OpenTofu puts in front of a bare `namespace/type` source. */
export const PROVIDER_HOST = "registry.opentofu.org";
export const PROVIDER_VERSION = "0.1.0";
export const PROVIDER_BIN = join(REPO_ROOT, "provider/bin");

export interface TofuProbe {
  tofu?: string;
  missing?: string;
  workDir: string;
}

/** Asks scripts/lib/opentofu.sh where the built CLI lives; synchronous, so suites can skip at collection. */
export function probeTofu(prefix = "tofu-e2e-"): TofuProbe {
  const workDir = mkdtempSync(join(tmpdir(), `pulumi-ovirt-${prefix}`));
  const result = spawnSync("bash", ["-c", 'source "$1/scripts/lib/opentofu.sh" >/dev/null && printf %s "$OVIRT_TOFU_BIN"', "probe", REPO_ROOT], {
    encoding: "utf8",
    timeout: 30_000,
  });
  const tofu = result.stdout.trim();
  if (result.status !== 0 || !tofu || !existsSync(tofu)) {
    removeWorkDir(workDir);
    return { workDir, missing: "OpenTofu is not built (run `bash scripts/setup/opentofu.sh`; it needs Go >= 1.26.6)" };
  }
  return { workDir, tofu };
}

/**
 * A CLI configuration that runs the provider straight from a directory, provider/bin unless told
 * (the bench names a release build, or another provider and its source): no `init`.
 */
export function devOverridesConfig(path: string, providerDir = PROVIDER_BIN, source = PROVIDER_SOURCE): string {
  writeFileSync(path, `provider_installation {\n  dev_overrides {\n    "${source}" = "${providerDir}"\n  }\n  direct {}\n}\n`);
  return path;
}

/**
 * A filesystem mirror holding the provider (a launcher script, as an unpacked package), for
 * commands that run `init`. The configuration must then ask for version PROVIDER_VERSION.
 */
export function mirrorConfig(dir: string): string {
  const platform = `${process.platform}_${process.arch === "x64" ? "amd64" : process.arch}`;
  const packageDir = join(dir, "mirror", PROVIDER_HOST, PROVIDER_SOURCE, PROVIDER_VERSION, platform);
  mkdirSync(packageDir, { recursive: true });
  writeFileSync(join(packageDir, `terraform-provider-ovirt_v${PROVIDER_VERSION}`), `#!/bin/sh\nexec "${PROVIDER_BIN}/terraform-provider-ovirt" "$@"\n`, { mode: 0o755 });
  const path = join(dir, "mirror.tfrc");
  const pattern = `${PROVIDER_HOST}/${PROVIDER_SOURCE.split("/")[0]}/*`;
  writeFileSync(
    path,
    `provider_installation {\n  filesystem_mirror {\n    path    = "${join(dir, "mirror")}"\n    include = ["${pattern}"]\n  }\n  direct {\n    exclude = ["${pattern}"]\n  }\n}\n`,
  );
  return path;
}

/** The provider block and required_providers for an emulator. */
export function providerBlock(emulator: Pick<Emulator, "apiUrl" | "caFile">, version?: string): string {
  return [
    "terraform {",
    "  required_providers {",
    `    ovirt = { source = "${PROVIDER_SOURCE}"${version ? `, version = "${version}"` : ""} }`,
    "  }",
    "}",
    "",
    'provider "ovirt" {',
    `  url     = "${emulator.apiUrl}"`,
    `  ca_file = "${emulator.caFile}"`,
    "}",
    "",
  ].join("\n");
}

export interface Workspace {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Replaces main.tf. */
  write(hcl: string): void;
  tofu(args: string[], timeoutMs?: number): Promise<RunResult>;
  /** Runs tofu and fails with its output unless it exits 0. */
  ok(args: string[], timeoutMs?: number): Promise<string>;
}

/**
 * A directory with its own CLI config. Credentials come from OVIRT_USERNAME / OVIRT_PASSWORD, as
 * a user's CI would pass them; the environment has nothing else from the test runner's shell.
 */
export function workspace(tofu: string, dir: string, emulator: Pick<Emulator, "password">, cliConfig: string, extraEnv: NodeJS.ProcessEnv = {}): Workspace {
  mkdirSync(dir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: dir,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
    OVIRT_USERNAME: "admin@internal",
    OVIRT_PASSWORD: emulator.password,
    ...extraEnv,
  };
  const tofuRun = (args: string[], timeoutMs = 180_000) => run(tofu, [...args, "-no-color"], { cwd: dir, env, timeoutMs });
  return {
    dir,
    env,
    write: (hcl) => writeFileSync(join(dir, "main.tf"), hcl),
    tofu: tofuRun,
    async ok(args, timeoutMs) {
      const result = await tofuRun(args, timeoutMs);
      if (result.code !== 0) throw new Error(`tofu ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-6000)}\n${result.stderr.slice(-6000)}`);
      return result.stdout;
    },
  };
}

/** `tofu show -json` of the state: resource address -> attribute values. */
export async function stateValues(ws: Workspace): Promise<Record<string, Record<string, unknown>>> {
  const shown = JSON.parse(await ws.ok(["show", "-json"])) as {
    values?: { root_module?: { resources?: { address: string; values: Record<string, unknown> }[] } };
  };
  return Object.fromEntries((shown.values?.root_module?.resources ?? []).map((r) => [r.address, r.values]));
}
