// with_progress (scripts/lib/env.sh), which the one-time builds in scripts/setup/ run under: a
// build that is silent for minutes still prints where it is, and its exit status is kept.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ENV_SH = resolve(import.meta.dirname, "../../scripts/lib/env.sh");
const dir = mkdtempSync(join(tmpdir(), "ovirt-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withProgress(command: string) {
  const log = join(dir, "build.log");
  const script = `source "$1" && with_progress "$2" "test build" bash -c "$3"`;
  const result = spawnSync("bash", ["-c", script, "progress", ENV_SH, log, command], {
    env: { ...process.env, PULUMI_OVIRT_CACHE: join(dir, "cache"), PULUMI_OVIRT_PROGRESS_SECONDS: "1" },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { ...result, log: readFileSync(log, "utf8") };
}

describe("with_progress", () => {
  it("prints a progress line with the latest output while the command runs, and keeps its output in the log", () => {
    const result = withProgress("echo compiling pkg/a; sleep 3; echo compiling pkg/b; sleep 2");
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/test build: still running after \d+s \(\d+ lines in .*build\.log; latest: compiling pkg\/a\)/);
    expect(result.stderr.match(/still running/g)?.length).toBeGreaterThanOrEqual(2);
    expect(result.stdout).toBe("");
    expect(result.log).toBe("compiling pkg/a\ncompiling pkg/b\n");
  });

  it("returns the command's failure", () => {
    expect(withProgress("exit 7").status).toBe(7);
  });
});
