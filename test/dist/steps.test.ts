// The pieces of `npm run dist` that other artifacts plug into: a front end's scripts/dist-<name>.sh
// (run when present, skipped when not, its files moved into the output) and the tarball and zip
// writers (the same bytes for the same inputs, executables kept executable).

import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeTarball, writeZip, type DistContext } from "../../scripts/dist/artifacts.ts";
import { scriptStep } from "../../scripts/dist/external.ts";

const work = mkdtempSync(join(tmpdir(), "pulumi-ovirt-dist-steps-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A repository with one dist script (or none), and an empty output directory. */
function context(name: string, script?: string): DistContext {
  const repoRoot = join(work, name, "repo");
  mkdirSync(join(repoRoot, "scripts"), { recursive: true });
  if (script !== undefined) writeFileSync(join(repoRoot, "scripts/dist-thing.sh"), script);
  const outDir = join(work, name, "out");
  mkdirSync(outDir);
  return { repoRoot, outDir, workDir: join(work, name), version: "1.2.3" };
}

describe("a front end's dist script", () => {
  it("is skipped, saying so, when it does not exist", async () => {
    const ctx = context("absent");
    expect(await scriptStep("Thing", "scripts/dist-thing.sh").build(ctx)).toEqual({ skipped: "scripts/dist-thing.sh does not exist" });
    expect(readdirSync(ctx.outDir)).toEqual([]);
  });

  it("gets a directory and the version; what it writes there becomes artifacts in the output", async () => {
    const ctx = context("present", 'echo built > "$1/thing_${DIST_VERSION}_linux_amd64.zip"\n');
    expect(await scriptStep("Thing", "scripts/dist-thing.sh").build(ctx)).toEqual({ artifacts: ["thing_1.2.3_linux_amd64.zip"] });
    expect(readdirSync(ctx.outDir)).toEqual(["thing_1.2.3_linux_amd64.zip"]);
    expect(readFileSync(join(ctx.outDir, "thing_1.2.3_linux_amd64.zip"), "utf8")).toBe("built\n");
  });

  it("fails the build when it fails or writes nothing", async () => {
    await expect(scriptStep("Thing", "scripts/dist-thing.sh").build(context("failing", "echo no compiler >&2; exit 3\n"))).rejects.toThrow(/exit code 3:[\s\S]*no compiler/);
    await expect(scriptStep("Thing", "scripts/dist-thing.sh").build(context("empty", "true\n"))).rejects.toThrow(/wrote no file/);
  });
});

describe("writeTarball", () => {
  it("writes the same bytes for the same files, whatever their times, and keeps the executable bit", async () => {
    const base = join(work, "tar");
    mkdirSync(join(base, "dir"), { recursive: true });
    writeFileSync(join(base, "run"), "#!/bin/sh\n");
    chmodSync(join(base, "run"), 0o755);
    writeFileSync(join(base, "dir/data.txt"), "data\n");
    await writeTarball(base, ["run", "dir"], join(work, "first.tar.gz"));
    utimesSync(join(base, "dir/data.txt"), new Date(), new Date(2001, 1, 1));
    await writeTarball(base, ["run", "dir"], join(work, "second.tar.gz"));
    expect(readFileSync(join(work, "second.tar.gz")).equals(readFileSync(join(work, "first.tar.gz")))).toBe(true);

    const listing = spawnSync("tar", ["tzvf", join(work, "first.tar.gz")], { encoding: "utf8" });
    expect(listing.status).toBe(0);
    expect(listing.stdout).toMatch(/^-rwxr-xr-x 0\/0 .* run$/m);
    expect(listing.stdout).toMatch(/ dir\/data\.txt$/m);
  });
});

describe("writeZip", () => {
  it("writes the same bytes for the same files, whatever their times, in the order given, and keeps the executable bit", async () => {
    const base = join(work, "zip");
    mkdirSync(join(base, "dir"), { recursive: true });
    writeFileSync(join(base, "run"), "#!/bin/sh\n");
    chmodSync(join(base, "run"), 0o755);
    writeFileSync(join(base, "dir/data.txt"), "data\n");
    chmodSync(join(base, "dir/data.txt"), 0o644);
    await writeZip(base, ["run", "dir/data.txt"], join(work, "first.zip"));
    utimesSync(join(base, "dir/data.txt"), new Date(), new Date(2001, 1, 1));
    writeFileSync(join(work, "second.zip"), "an older archive that zip must not add to");
    await writeZip(base, ["run", "dir/data.txt"], join(work, "second.zip"));
    expect(readFileSync(join(work, "second.zip")).equals(readFileSync(join(work, "first.zip")))).toBe(true);

    const listing = spawnSync("zipinfo", [join(work, "first.zip")], { encoding: "utf8" });
    expect(listing.status, listing.stderr).toBe(0);
    const entries = listing.stdout.split("\n").filter((line) => /^[-d]r/.test(line));
    expect(entries.map((line) => line.split(/\s+/).pop())).toEqual(["run", "dir/data.txt"]); // no directory entry
    expect(entries[0]).toMatch(/^-rwxr-xr-x .* unx .* 80-Jan-01 00:00 run$/);
    expect(entries[1]).toMatch(/^-rw-r--r-- /);
  });
});
