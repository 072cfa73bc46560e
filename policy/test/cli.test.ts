// The pack under the real Pulumi CLI: `pulumi preview --policy-pack policy` on a small program
// that declares ovirt resources by type token (no SDK needed), against the repository's provider
// plugin. The preview needs no engine (none is configured). Skipped, loudly, when the CLI or the plugin is not built.

import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const packDir = join(repoRoot, "policy");
const pulumiEnv = join(repoRoot, "scripts/lib/pulumi.sh");

const probe = spawnSync(
  "bash",
  ["-c", `source "${pulumiEnv}" >/dev/null 2>&1 && pulumi_cli_available && [ -x "$PULUMI_OVIRT_PLUGIN_DIR/pulumi-resource-ovirt" ]`],
  // Both directories already exist, so the probe creates nothing.
  { encoding: "utf8", env: { ...process.env, PULUMI_HOME: tmpdir(), PULUMI_OVIRT_STATE_DIR: tmpdir() } },
);
const cliReady = probe.status === 0;
if (!cliReady) {
  console.warn("SKIPPED policy CLI tests: the Pulumi CLI or pulumi-resource-ovirt is not built (run scripts/setup/pulumi-cli.sh)");
}

// One program, three shapes chosen by SCENARIO: clean, or every rule broken at once.
const PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const bad = process.env.SCENARIO === "bad";
// vmId: undefined declares the output, so vm.vmId is an Output (unknown during preview).
const vm = new pulumi.CustomResource("ovirt:index:Vm", "desk", { name: bad ? "desk-001" : "admin-desk", smartcardEnabled: true, vmId: undefined });
new pulumi.CustomResource("ovirt:index:Pool", "sales", { name: "desk-???", template: "gold", size: 3, smartcardEnabled: !bad });
new pulumi.CustomResource("ovirt:index:ConsolePolicy", "cp", {
  vmId: vm.vmId, sso: "none", disconnectAction: bad ? "none" : "lock_screen", ticketExpirySeconds: bad ? 3600 : 60,
});
`;

describe.skipIf(!cliReady)("pulumi preview --policy-pack policy", () => {
  let workDir = "";

  function preview(scenario: "good" | "bad", extraArgs: string[] = []): Promise<{ code: number | null; output: string }> {
    const script = [
      `source "${pulumiEnv}"`,
      // No engine settings: the provider plans without an engine (with settings it would log in first).
      "unset OVIRT_URL OVIRT_USERNAME OVIRT_PASSWORD OVIRT_CAFILE OVIRT_INSECURE",
      `cd "${join(workDir, "program")}"`,
      "pulumi stack select dev >/dev/null 2>&1 || pulumi stack init dev >/dev/null",
      `exec pulumi preview --non-interactive --policy-pack "${packDir}" "$@"`,
    ].join("\n");
    return new Promise((resolve, reject) => {
      const child = spawn("bash", ["-c", script, "preview", ...extraArgs], {
        env: {
          ...process.env,
          SCENARIO: scenario,
          PULUMI_OVIRT_STATE_DIR: join(workDir, "state"),
          PULUMI_HOME: join(workDir, "home"),
        },
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => child.kill(), 90_000);
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  }

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), "pulumi-ovirt-policy-"));
    const program = join(workDir, "program");
    await mkdir(program);
    await symlink(join(repoRoot, "node_modules"), join(program, "node_modules"));
    await writeFile(join(program, "Pulumi.yaml"), "name: policy-check\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n");
    await writeFile(join(program, "package.json"), JSON.stringify({ name: "policy-check", type: "commonjs", main: "index.js" }));
    await writeFile(join(program, "index.js"), PROGRAM);
  });

  afterAll(async () => {
    if (workDir !== "") await rm(workDir, { recursive: true, force: true });
  });

  it("passes a compliant program", async () => {
    const { code, output } = await preview("good");
    expect(output).not.toMatch(/\[(mandatory|advisory)\]/);
    expect(code, output).toBe(0);
  }, 120_000);

  it("fails a violating program with the policies' messages", async () => {
    const { code, output } = await preview("bad");
    expect(code, output).not.toBe(0);
    const flat = output.replace(/\s+/g, " ");
    expect(flat).toContain('ConsolePolicy "cp": ticketExpirySeconds is 3600, above the allowed maximum of 120 seconds.');
    expect(flat).toContain('ConsolePolicy "cp" governs Vm "desk" (engine name "desk-001"), which passes a smartcard through, but its disconnectAction is "none"');
    expect(flat).toContain('Vm "desk" (engine name "desk-001"): name "desk-001" follows the naming pattern "desk-???"');
    expect(flat).toMatch(/\[advisory\] \[severity: \w+\] desktop-pools-require-smartcard/);
  }, 120_000);

  it("makes the advisory pool policy mandatory with examples/strict.json", async () => {
    const { code, output } = await preview("bad", ["--policy-pack-config", join(packDir, "examples/strict.json")]);
    expect(code, output).not.toBe(0);
    const flat = output.replace(/\s+/g, " ");
    expect(flat).toMatch(/\[mandatory\] \[severity: \w+\] desktop-pools-require-smartcard/);
    expect(flat).toContain("above the allowed maximum of 60 seconds");
  }, 120_000);
});
