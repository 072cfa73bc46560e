// test/dist/once.ts, which lets parallel vitest workers share one release build: processes that
// ask at the same time build once, a lock left by a process that died is taken over, and a failed
// build fails the waiters with its message. Run in real child processes, as workers would.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ONCE = join(import.meta.dirname, "once.ts");
const work = mkdtempSync(join(tmpdir(), "pulumi-ovirt-once-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A child process that asks for `dir`; its build appends a line to `dir`.builds, takes a while,
 * then writes the marker (or fails when `fail` is set). Resolves with the exit code and stderr.
 */
function ask(dir: string, fail = false): Promise<{ code: number; stderr: string }> {
  const script = `
    import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
    import { buildOnce } from ${JSON.stringify(ONCE)};
    const dir = ${JSON.stringify(dir)};
    await buildOnce(dir, "done", async () => {
      appendFileSync(dir + ".builds", "built\\n");
      await new Promise((r) => setTimeout(r, 800));
      if (${fail}) throw new Error("the compiler is missing");
      mkdirSync(dir, { recursive: true });
      writeFileSync(dir + "/done", "");
    }, 50);`;
  return new Promise((done) => {
    execFile(process.execPath, ["--input-type=module", "-e", script], { timeout: 60_000 }, (error, _stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stderr: String(stderr) });
    });
  });
}

const builds = (dir: string): number => (existsSync(`${dir}.builds`) ? readFileSync(`${dir}.builds`, "utf8").split("\n").filter(Boolean).length : 0);

describe("buildOnce", () => {
  it("builds once for three processes asking at the same time; all see the result", async () => {
    const dir = join(work, "shared");
    const results = await Promise.all([ask(dir), ask(dir), ask(dir)]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(builds(dir)).toBe(1);
    expect(existsSync(join(dir, "done"))).toBe(true);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it("takes over a lock whose process has exited", async () => {
    const dir = join(work, "orphaned");
    const dead = await new Promise<number>((done) => {
      const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
    });
    writeFileSync(`${dir}.lock`, String(dead));
    const result = await ask(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(builds(dir)).toBe(1);
  });

  it("fails every waiter with the failed build's message, and builds no second time", async () => {
    const dir = join(work, "failing");
    const results = await Promise.all([ask(dir, true), ask(dir, true)]);
    expect(results.map((r) => r.code)).toEqual([1, 1]);
    for (const r of results) expect(r.stderr).toContain("the compiler is missing");
    expect(builds(dir)).toBe(1);
  });
});
