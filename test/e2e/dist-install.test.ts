// The release artifacts, installed as a user outside the repository would: `npm run dist` (the
// run's shared build, test/dist/shared.ts), then the plugin through `pulumi plugin install --file`
// into a fresh PULUMI_HOME, the SDK through `npm install <tgz>` into a fresh project, the policy
// pack unpacked.
// PATH holds only the Pulumi CLI, a Node.js and the system directories: nothing of the repository,
// and no plugins.path, so the engine can only run the installed plugin. The plugin is installed and
// serves its schema with PATH holding the CLI alone, no node at all (the Node.js program, its SDK
// and the policy pack need the Node.js, the plugin does not). Against the emulator:
// `pulumi up`, a preview under the policy pack (passing, then failing), and destroy.
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedRelease, SHARED_RELEASE_TIMEOUT } from "../dist/shared.ts";
import { REPO_ROOT, engineInventory, initStack, probePulumiCli, removeWorkDir, run, startEmulator, type Emulator } from "./harness.ts";

const probe = probePulumiCli();
if (!probe.env) {
  console.warn(`\n!!! SKIPPING test/e2e/dist-install (release artifacts with the real Pulumi CLI): ${probe.missing}\n`);
}
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 180_000;
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as { version: string }).version;
const PULUMI_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "node_modules/@pulumi/pulumi/package.json"), "utf8")) as { version: string }).version;

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const config = new pulumi.Config();
const desk = new ovirt.Vm("desk", {
    name: "dist-desk-01",
    cluster: "Default",
    memoryMb: 2048,
    displayType: "spice",
    smartcardEnabled: true,
    usbEnabled: true,
});
new ovirt.ConsolePolicy("desk-console", {
    vmId: desk.vmId,
    disconnectAction: "lock_screen",
    ticketExpirySeconds: config.getNumber("ticketExpirySeconds") ?? 120,
});
export const consoleDescription = desk.consoleDescription;
`;

/** The first directory on `path` that holds `command`, symlinks resolved. */
function directoryOf(command: string, path: string | undefined): string {
  for (const dir of (path ?? "").split(":")) {
    try {
      if (dir && readdirSync(dir).includes(command)) return realpathSync(dir);
    } catch {
      // not a readable directory
    }
  }
  throw new Error(`no ${command} on PATH ${path}`);
}

describe.skipIf(!probe.env)("the release artifacts, installed outside the repository", () => {
  const work = probe.workDir;
  let distDir: string;
  const projectDir = join(work, "project");
  const policyDir = join(work, "policy");
  const password = randomBytes(12).toString("hex");
  let env: NodeJS.ProcessEnv;
  let emulator: Emulator;

  /** The same environment with PATH holding only the CLI's directory: no node anywhere. */
  let noNodeEnv: NodeJS.ProcessEnv;

  const pulumi = async (args: string[], input?: string, withEnv: NodeJS.ProcessEnv = env): Promise<string> => {
    const result = await run("pulumi", [...args, "--non-interactive"], { cwd: projectDir, env: withEnv, input, timeoutMs: STEP_TIMEOUT });
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    return result.stdout;
  };

  beforeAll(async () => {
    // A bin directory with just `node` (the one running this test), then the CLI and the system.
    const nodeBin = join(work, "node-bin");
    mkdirSync(nodeBin);
    symlinkSync(realpathSync(process.execPath), join(nodeBin, "node"));
    const cliDir = directoryOf("pulumi", probe.env?.PATH);
    const path = [nodeBin, cliDir, "/usr/local/bin", "/usr/bin", "/bin"].join(":");
    expect(path).not.toContain(REPO_ROOT);
    expect(readdirSync(cliDir)).not.toContain("node");
    env = {
      HOME: process.env.HOME,
      PATH: path,
      TMPDIR: process.env.TMPDIR,
      // A machine whose traffic to the npm registry passes a TLS-inspecting proxy trusts its CA so.
      NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS,
      PULUMI_HOME: join(work, "fresh-pulumi-home"),
      PULUMI_BACKEND_URL: `file://${join(work, "fresh-state")}`,
      PULUMI_CONFIG_PASSPHRASE: "dist-install-test",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    };
    noNodeEnv = { ...env, PATH: cliDir };
    mkdirSync(join(work, "fresh-state"));
    mkdirSync(projectDir);
    emulator = await startEmulator(join(work, "engine"), password);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("npm run dist writes every artifact and a SHA256SUMS that checks", async () => {
    distDir = await sharedRelease(); // fails with the build's output when npm run dist fails
    const files = readdirSync(distDir);
    expect(files).toEqual(
      expect.arrayContaining([
        `pulumi-resource-ovirt-v${VERSION}-linux-amd64.tar.gz`,
        `pulumi-ovirt-${VERSION}.tgz`,
        `pulumi-ovirt-policy-${VERSION}.tar.gz`,
        `terraform-provider-ovirt_${VERSION}_linux_amd64.zip`, // installed by dist-install-terraform.test.ts
        "SHA256SUMS",
      ]),
    );
    const sums = await run("sha256sum", ["-c", "SHA256SUMS"], { cwd: distDir, env, timeoutMs: 30_000 });
    expect(sums.code, sums.stdout + sums.stderr).toBe(0);
    expect(sums.stdout.trim().split("\n").length).toBe(files.filter((f) => f.endsWith("gz") || f.endsWith(".zip") || f.endsWith(".whl")).length);
    expect(sums.stdout).toContain(`terraform-provider-ovirt_${VERSION}_linux_amd64.zip: OK`);
  }, SHARED_RELEASE_TIMEOUT);

  it("pulumi plugin install --file installs the plugin, which serves schema.json with no node on PATH", async () => {
    await pulumi(["plugin", "install", "resource", "ovirt", VERSION, "--file", join(distDir, `pulumi-resource-ovirt-v${VERSION}-linux-amd64.tar.gz`)], undefined, noNodeEnv);
    const installed = join(env.PULUMI_HOME!, "plugins", `resource-ovirt-v${VERSION}`);
    expect(readdirSync(installed).filter((f) => !f.startsWith("."))).toEqual(["pulumi-resource-ovirt"]); // self-contained: one executable
    const plugins = JSON.parse(await pulumi(["plugin", "ls", "--json"], undefined, noNodeEnv)) as { name: string; kind: string; version: string }[];
    expect(plugins.map((p) => `${p.kind}/${p.name}@${p.version}`)).toContain(`resource/ovirt@${VERSION}`);
    type Schema = { name: string; version: string; resources: object; functions: object };
    // The CLI starts the plugin for this with its own PATH: the executable needs no node.
    const served = JSON.parse(await pulumi(["package", "get-schema", `ovirt@${VERSION}`], undefined, noNodeEnv)) as Schema;
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as Schema;
    expect([served.name, served.version]).toEqual([committed.name, committed.version]);
    expect(Object.keys(served.resources).sort()).toEqual(Object.keys(committed.resources).sort());
    expect(Object.keys(served.functions).sort()).toEqual(Object.keys(committed.functions).sort());
  }, STEP_TIMEOUT);

  it("a fresh project with the SDK from npm install <tgz> runs pulumi up against the emulator", async () => {
    writeFileSync(
      join(projectDir, "Pulumi.yaml"),
      ["name: dist-install", "runtime:", "  name: nodejs", "  options:", "    typescript: false", ""].join("\n"),
    );
    writeFileSync(join(projectDir, "package.json"), JSON.stringify({ name: "dist-install", private: true, type: "module", main: "index.ts" }));
    writeFileSync(join(projectDir, "index.ts"), PROGRAM);
    // The user's own npm (whichever this test run has), on the clean PATH's Node.
    const npm = await run(
      join(directoryOf("npm", process.env.PATH), "npm"),
      ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", join(distDir, `pulumi-ovirt-${VERSION}.tgz`), `@pulumi/pulumi@${PULUMI_VERSION}`],
      { cwd: projectDir, env, timeoutMs: STEP_TIMEOUT },
    );
    expect(npm.code, npm.stdout + npm.stderr).toBe(0);
    expect(realpathSync(join(projectDir, "node_modules/pulumi-ovirt"))).toBe(join(realpathSync(projectDir), "node_modules/pulumi-ovirt"));

    await initStack((args, input) => pulumi(args, input), emulator);
    await pulumi(["up", "--yes"]);
    const outputs = JSON.parse(await pulumi(["stack", "output", "--json"])) as Record<string, unknown>;
    expect(outputs.consoleDescription).toBe("Spice with Smartcard");
    expect((await engineInventory(emulator)).vms).toContain("dist-desk-01");
  }, STEP_TIMEOUT * 2);

  it("the unpacked policy pack passes a compliant preview and fails a violating one", async () => {
    mkdirSync(policyDir);
    const untar = await run("tar", ["xzf", join(distDir, `pulumi-ovirt-policy-${VERSION}.tar.gz`), "-C", policyDir], { cwd: work, env, timeoutMs: 30_000 });
    expect(untar.code, untar.stderr).toBe(0);
    const pack = join(policyDir, `pulumi-ovirt-policy-${VERSION}`);
    expect(readdirSync(pack, { recursive: true }).filter((f) => String(f).endsWith(".ts"))).toEqual([]);

    const passing = await pulumi(["preview", "--policy-pack", pack]);
    expect(passing).toContain("ovirt-smartcard-vdi");
    expect(passing).not.toMatch(/\[mandatory\]/);

    await pulumi(["config", "set", "ticketExpirySeconds", "3600"]);
    const failing = await run("pulumi", ["preview", "--policy-pack", pack, "--non-interactive"], { cwd: projectDir, env, timeoutMs: STEP_TIMEOUT });
    expect(failing.code, failing.stdout).not.toBe(0);
    expect((failing.stdout + failing.stderr).replace(/\s+/g, " ")).toContain("ticketExpirySeconds is 3600, above the allowed maximum of 120 seconds");
    await pulumi(["config", "rm", "ticketExpirySeconds"]);
  }, STEP_TIMEOUT);

  it("pulumi destroy removes the VM from the engine", async () => {
    await pulumi(["destroy", "--yes"]);
    expect((await engineInventory(emulator)).vms).not.toContain("dist-desk-01");
  }, STEP_TIMEOUT);
});
