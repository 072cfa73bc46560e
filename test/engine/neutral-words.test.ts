// The engine client speaks of settings by their meaning ("the engine URL", "the CA file") and of a
// taken name by its holder's id: each front end words the setting (`ovirt:url`, `url`) and the
// import command itself, from EngineError.settings and NameTakenError.existingId (#21). The
// resources' log lines (drift seen at a read) go to either front end, so they name none either.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../e2e/harness.ts";

const FRONT_END_WORDS = /ovirt:[a-zA-Z]|\bpulumi (up|import|config|refresh)\b|\b(terraform|tofu) (import|apply|plan)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

describe("provider/engine names no front end", () => {
  it("no source line names a Pulumi config key or a front end's command", () => {
    const hits = sources(join(REPO_ROOT, "provider/engine")).flatMap((file) =>
      readFileSync(file, "utf8").split("\n").flatMap((line, i) => (FRONT_END_WORDS.test(line) ? [`${file.slice(REPO_ROOT.length + 1)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});

describe("provider/resources logs in neutral words", () => {
  it("no ctx.log line names Pulumi, OpenTofu or Terraform (the core serves both front ends)", () => {
    const hits = sources(join(REPO_ROOT, "provider/resources")).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => (/ctx\.log\(.*\b(Pulumi|OpenTofu|Terraform)\b/i.test(line) ? [`${file.slice(REPO_ROOT.length + 1)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});
