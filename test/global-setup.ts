// vitest's global setup: one directory per test run for what the run's test files share (the
// release build of test/dist/shared.ts), removed when the run ends. It lives under the project's
// cache, next to the one-time builds; directories that killed runs left behind are removed after a day.

import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's directory for shared builds (test/dist/shared.ts). */
    sharedBuildDir: string;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

export default function setup(project: TestProject): () => void {
  const cache = process.env.PULUMI_OVIRT_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "pulumi-ovirt");
  const runs = join(cache, "test-runs");
  mkdirSync(runs, { recursive: true });
  removeOlderThan(runs, Date.now() - DAY_MS);
  const dir = join(runs, `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}`);
  mkdirSync(dir);
  project.provide("sharedBuildDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

function removeOlderThan(parent: string, cutoff: number): void {
  for (const name of readdirSync(parent)) {
    const path = join(parent, name);
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
}
