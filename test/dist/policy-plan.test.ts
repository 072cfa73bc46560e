// `ovirt-policy` as the release ships it: the policy tarball built by its dist step, unpacked
// outside the repository, and run with a PATH that holds only a Node.js and the system.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policyStep } from "../../scripts/dist/policy.ts";
import { REPO_ROOT } from "../e2e/harness.ts";

const work = mkdtempSync(join(tmpdir(), "pulumi-ovirt-dist-policy-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function consolePolicyPlan(ticketExpirySeconds: number): string {
  return JSON.stringify({
    format_version: "1.2",
    resource_changes: [
      {
        address: "ovirt_console_policy.desks",
        mode: "managed",
        type: "ovirt_console_policy",
        name: "desks",
        change: { actions: ["create"], after: { ticket_expiry_seconds: ticketExpirySeconds, sso: "none", disconnect_action: "lock_screen" }, after_unknown: { vm_id: true } },
      },
    ],
  });
}

describe("ovirt-policy from the release's policy tarball", () => {
  let command = "";
  let env: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    const outDir = join(work, "out");
    mkdirSync(outDir);
    const result = await policyStep.build({ repoRoot: REPO_ROOT, outDir, workDir: join(work, "build"), version: "9.9.9" });
    expect(result).toEqual({ artifacts: ["pulumi-ovirt-policy-9.9.9.tar.gz"] });
    const unpacked = join(work, "installed");
    mkdirSync(unpacked);
    expect(spawnSync("tar", ["xzf", join(outDir, "pulumi-ovirt-policy-9.9.9.tar.gz"), "-C", unpacked]).status).toBe(0);
    command = join(unpacked, "pulumi-ovirt-policy-9.9.9/bin/ovirt-policy");
    const nodeBin = join(work, "node-bin");
    mkdirSync(nodeBin);
    symlinkSync(realpathSync(process.execPath), join(nodeBin, "node"));
    env = { PATH: [nodeBin, "/usr/bin", "/bin"].join(":"), HOME: work };
  }, 120_000);

  it("passes a good plan and fails a 7200 s ticket, naming the address and the attribute", () => {
    writeFileSync(join(work, "good.json"), consolePolicyPlan(60));
    writeFileSync(join(work, "bad.json"), consolePolicyPlan(7200));
    const good = spawnSync(command, ["check", "good.json"], { cwd: work, env, encoding: "utf8" });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^passed: 0 mandatory violation/m);
    const bad = spawnSync(command, ["check", "bad.json"], { cwd: work, env, encoding: "utf8" });
    expect(bad.status, bad.stderr).toBe(1);
    expect(bad.stdout).toContain("error: ovirt_console_policy.desks: ticket_expiry_seconds [console-ticket-expiry-limit, mandatory]");
  });
});
