// scripts/dist/sea.ts and its loader (scripts/dist/sea-main.cjs), on a tiny program: the executable
// runs with no node on PATH and an empty environment, gets its arguments as a Node program does,
// is the same bytes when built again, and keeps V8's code cache in a private directory of the
// user's: written at the first start, kept while V8 accepts it, rewritten when it does not, and
// ignored in a directory others may write to.

import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DistContext } from "../../scripts/dist/artifacts.ts";
import { buildExecutable } from "../../scripts/dist/sea.ts";
import { REPO_ROOT, removeWorkDir } from "../e2e/harness.ts";

const work = mkdtempSync(join(tmpdir(), "pulumi-ovirt-dist-sea-"));
afterAll(() => removeWorkDir(work));

async function build(name: string): Promise<string> {
  const ctx: DistContext = { repoRoot: REPO_ROOT, outDir: join(work, name), workDir: join(work, `${name}-work`), version: "1.2.3" };
  mkdirSync(ctx.outDir);
  mkdirSync(ctx.workDir);
  const executable = join(ctx.outDir, "sea-hello");
  const inputs = await buildExecutable(ctx, { name: "sea-hello", entry: "test/dist/fixtures/sea-hello.ts" }, executable);
  expect(inputs).toEqual(expect.arrayContaining(["test/dist/fixtures/sea-hello.ts", "scripts/dist/sea-main.cjs", "package-lock.json"]));
  return executable;
}

describe("a self-contained executable", () => {
  let executable: string;
  const home = join(work, "home");
  const cacheDir = join(home, ".cache", "ovirt-provider");
  const run = () => spawnSync(executable, ["a", "b"], { env: { PATH: "/nonexistent", HOME: home }, encoding: "utf8" });
  const cacheFile = () => {
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^sea-hello-${process.version}-[0-9a-f]{16}\\.v8cache$`));
    return join(cacheDir, files[0]!);
  };

  beforeAll(async () => {
    executable = await build("first");
    mkdirSync(home);
  }, 180_000);

  it("runs with no node on PATH, with its arguments, and leaves its code cache in a private directory", () => {
    const result = run();
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("hello from a SEA: a b\n");
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
  });

  it("keeps a cache V8 accepts, and rewrites one it rejects", () => {
    const cached = readFileSync(cacheFile());
    expect(run().stdout).toBe("hello from a SEA: a b\n");
    expect(readFileSync(cacheFile()).equals(cached)).toBe(true);

    writeFileSync(cacheFile(), "not a code cache");
    expect(run().stdout).toBe("hello from a SEA: a b\n");
    expect(readFileSync(cacheFile(), "utf8")).not.toBe("not a code cache");
  });

  it("ignores the cache in a directory others may write to", () => {
    writeFileSync(cacheFile(), "planted by someone else");
    chmodSync(cacheDir, 0o777);
    try {
      expect(run().stdout).toBe("hello from a SEA: a b\n");
      expect(readFileSync(cacheFile(), "utf8")).toBe("planted by someone else");
    } finally {
      chmodSync(cacheDir, 0o700);
    }
  });

  it("is the same bytes when built again", async () => {
    const again = await build("second");
    expect(readFileSync(again).equals(readFileSync(executable))).toBe(true);
  }, 180_000);
});
