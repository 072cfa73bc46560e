// with_progress (scripts/lib/env.sh), which the one-time builds in scripts/setup/ run under: a
// build that is silent for minutes still prints where it is, and its exit status is kept. And the
// helpers those builds share around it: build_twice (a failed build is tried once more) and
// publish_build (the finished build moves into place in one step).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** Runs `script` in bash with scripts/lib/env.sh sourced; $2... are `args`. */
function withEnv(script: string, ...args: string[]) {
  return spawnSync("bash", ["-c", `source "$1" && ${script}`, "env-sh", ENV_SH, ...args], {
    env: { ...process.env, PULUMI_OVIRT_CACHE: join(dir, "cache"), PULUMI_OVIRT_PROGRESS_SECONDS: "60" },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("build_twice", () => {
  it("tries a failed build once more, saying so, and succeeds when the second try does", () => {
    const counter = join(dir, "tries");
    const build = `echo x >> "${counter}"; [ "$(wc -l < "${counter}")" -ge 2 ]`;
    const result = withEnv('build_twice "$2" "thing" bash -c "$3"', join(dir, "logs", "twice.log"), build);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/thing: build failed \(log: .*twice\.log\), trying once more/);
    expect(readFileSync(counter, "utf8")).toBe("x\nx\n");
  });

  it("fails after two failed tries, and runs no third", () => {
    const counter = join(dir, "tries-failing");
    const result = withEnv('build_twice "$2" "thing" bash -c "$3"', join(dir, "failing.log"), `echo x >> "${counter}"; exit 3`);
    expect(result.status).toBe(1);
    expect(readFileSync(counter, "utf8")).toBe("x\nx\n");
    expect(result.stderr.match(/trying once more/g)).toHaveLength(1);
  });
});

describe("publish_build", () => {
  it("moves the staging directory into place, and accepts a good build another run published first", () => {
    const staging = join(dir, "staging", "bin");
    mkdirSync(staging, { recursive: true });
    writeFileSync(join(staging, "tool"), "#!/bin/sh\n", { mode: 0o755 });
    const target = join(dir, "published", "v1", "bin");
    expect(withEnv('publish_build "$2" "$3" tool', staging, target).status).toBe(0);
    expect(existsSync(join(target, "tool"))).toBe(true);
    expect(existsSync(staging)).toBe(false);

    mkdirSync(staging, { recursive: true });
    expect(withEnv('publish_build "$2" "$3" tool', staging, target).status).toBe(0);
    const empty = join(dir, "published", "v2", "bin");
    mkdirSync(join(empty, "leftover"), { recursive: true });
    const refused = withEnv('publish_build "$2" "$3" tool', staging, empty);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`could not move the build into ${empty}`);
  });
});
