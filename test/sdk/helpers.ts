// Shared by the SDK tests: the repository, and a way to run the project's shell helpers.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const SDK_DIR = resolve(REPO_ROOT, "sdk/nodejs");

/** Runs a snippet of bash after sourcing scripts/lib/pulumi.sh (which sets up nothing heavy). */
export function withPulumiLib(script: string, timeoutMs = 120_000): { status: number | null; output: string } {
  const result = spawnSync("bash", ["-c", `source "$1/scripts/lib/pulumi.sh" >/dev/null && ${script}`, "sdk-test", REPO_ROOT], {
    encoding: "utf8",
    timeout: timeoutMs,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Builds sdk/nodejs/bin when missing or older than the SDK sources (tsc only; no Pulumi CLI). */
export function ensureSdkBuilt(): void {
  const { status, output } = withPulumiLib("pulumi_ensure_sdk_built");
  if (status !== 0) throw new Error(`building sdk/nodejs failed:\n${output}`);
}
