// The real Pulumi CLI with our Node.js language host (tools/pulumi-cli/language-nodejs): how a
// program gets its configuration, how its failures and a missing plugin reach the user, and the
// CLI's own schema check of the plugin. No engine needed.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, linkProgramDependencies, probePulumiCli, removeWorkDir, run, type RunResult } from "./harness.ts";

const probe = probePulumiCli();
if (!probe.env) {
  console.warn(`\n!!! SKIPPING test/e2e/language-host (real Pulumi CLI): ${probe.missing}\n`);
}
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 120_000;

describe.skipIf(!probe.env)("pulumi package get-schema", () => {
  /** The CLI re-marshals the schema and drops empty lists; compare without them. */
  const withoutEmptyLists = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(withoutEmptyLists);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
          .map(([k, v]) => [k, withoutEmptyLists(v)]),
      );
    }
    return value;
  };

  it("accepts the plugin's schema, which is schema.json", async () => {
    const result = await run("pulumi", ["package", "get-schema", join(REPO_ROOT, "provider/bin/pulumi-resource-ovirt")], {
      cwd: REPO_ROOT,
      env: { ...probe.env },
      timeoutMs: STEP_TIMEOUT,
    });
    expect(result.code, result.stderr).toBe(0);
    const served = JSON.parse(result.stdout) as unknown;
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as unknown;
    expect(withoutEmptyLists(served)).toEqual(withoutEmptyLists(committed));
  }, STEP_TIMEOUT);
});

describe.skipIf(!probe.env)("the Node.js language host with the real CLI", () => {
  const env: NodeJS.ProcessEnv = { ...probe.env };

  /** A throwaway project in the e2e work directory with the given program. */
  const project = (name: string, program: string, withPlugin: boolean): string => {
    const dir = join(probe.workDir, name);
    mkdirSync(dir, { recursive: true });
    const lines = [`name: ${name}`, "runtime:", "  name: nodejs", "  options:", "    typescript: false", ""];
    if (withPlugin) lines.push("plugins:", "  providers:", "    - name: ovirt", `      path: ${join(REPO_ROOT, "provider/bin")}`, "");
    writeFileSync(join(dir, "Pulumi.yaml"), lines.join("\n"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name, type: "module", main: "index.ts" }));
    writeFileSync(join(dir, "index.ts"), program);
    linkProgramDependencies(dir);
    return dir;
  };
  const pulumiIn = (dir: string, args: string[], input?: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> =>
    run("pulumi", [...args, "--non-interactive"], { cwd: dir, env: { ...env, ...extraEnv }, input, timeoutMs: STEP_TIMEOUT });

  it("runs a TypeScript program with its stack configuration, and a secret setting stays secret", async () => {
    const dir = project(
      "host-config",
      [
        'import * as pulumi from "@pulumi/pulumi";',
        "const config = new pulumi.Config();",
        'const greeting: string = `hello ${config.require("who")}`;',
        "export { greeting };",
        'export const token = config.requireSecret("token");',
        "",
      ].join("\n"),
      false,
    );
    expect((await pulumiIn(dir, ["stack", "init", "e2e"])).code).toBe(0);
    expect((await pulumiIn(dir, ["config", "set", "who", "ovirt"])).code).toBe(0);
    expect((await pulumiIn(dir, ["config", "set", "--secret", "token"], "t0ken-value")).code).toBe(0);
    const up = await pulumiIn(dir, ["up", "--yes", "--skip-preview"]);
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const outputs = await pulumiIn(dir, ["stack", "output", "--json"]);
    expect(JSON.parse(outputs.stdout)).toEqual({ greeting: "hello ovirt", token: "[secret]" });
    expect((await pulumiIn(dir, ["stack", "export"])).stdout).not.toContain("t0ken-value");
  }, STEP_TIMEOUT);

  it("runs `new pulumi.Config()` for a stack that has no configuration at all", async () => {
    // Settings may all come from the environment (OVIRT_URL and friends): the stack then has no
    // config, and the host must still hand the SDK an object (it once passed PULUMI_CONFIG=null).
    const dir = project(
      "host-no-config",
      'import * as pulumi from "@pulumi/pulumi";\nconst config = new pulumi.Config();\nexport const who = config.get("who") ?? "nobody";\n',
      false,
    );
    expect((await pulumiIn(dir, ["stack", "init", "e2e"])).code).toBe(0);
    const up = await pulumiIn(dir, ["up", "--yes", "--skip-preview"]);
    expect(up.code, up.stdout + up.stderr).toBe(0);
    expect(JSON.parse((await pulumiIn(dir, ["stack", "output", "--json"])).stdout)).toEqual({ who: "nobody" });
  }, STEP_TIMEOUT);

  it("pulumi package add generates the SDK into the program and adds it to package.json", async () => {
    const dir = project("host-package-add", 'import * as ovirt from "pulumi-ovirt";\nexport const xml = ovirt.previewDomainXmlOutput({ name: "desk", smartcardEnabled: true }).xml;\n', false);
    const manifest = { name: "host-package-add", type: "module", main: "index.ts", dependencies: { "@pulumi/pulumi": "3.259.0" } };
    writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
    const add = await pulumiIn(dir, ["package", "add", join(REPO_ROOT, "provider/bin/pulumi-resource-ovirt")]);
    expect(add.code, add.stdout + add.stderr).toBe(0);
    expect(add.stdout).toContain('import * as ovirt from "pulumi-ovirt";');
    // Only the new dependency is added; the rest of package.json stays as it was, in its order.
    const linked = readFileSync(join(dir, "package.json"), "utf8");
    expect(linked).toBe(JSON.stringify({ ...manifest, dependencies: { ...manifest.dependencies, "pulumi-ovirt": "file:sdks/ovirt" } }, null, 2) + "\n");
    const sdk = JSON.parse(readFileSync(join(dir, "sdks/ovirt/package.json"), "utf8")) as { name: string; scripts?: Record<string, string> };
    expect(sdk.name).toBe("pulumi-ovirt");

    // What `npm install` then does, without the registry: the SDK's postinstall compiles it (with
    // this repository's TypeScript), and node_modules/pulumi-ovirt links to it.
    expect(sdk.scripts?.postinstall).toMatch(/postinstall\.js/);
    const sdkDir = join(dir, "sdks/ovirt");
    symlinkSync(join(REPO_ROOT, "node_modules"), join(sdkDir, "node_modules"), "dir");
    const built = await run(process.execPath, ["scripts/postinstall.js"], {
      cwd: sdkDir, env: { ...env, PATH: `${join(REPO_ROOT, "node_modules/.bin")}:${env.PATH ?? ""}` }, timeoutMs: STEP_TIMEOUT,
    });
    expect(built.code, built.stdout + built.stderr).toBe(0);
    rmSync(join(dir, "node_modules/pulumi-ovirt"), { force: true });
    symlinkSync(sdkDir, join(dir, "node_modules/pulumi-ovirt"), "dir");

    expect((await pulumiIn(dir, ["stack", "init", "e2e"])).code).toBe(0);
    const up = await pulumiIn(dir, ["up", "--yes", "--skip-preview"]);
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const outputs = JSON.parse((await pulumiIn(dir, ["stack", "output", "--json"])).stdout) as { xml: string };
    expect(outputs.xml).toContain('<smartcard mode="passthrough" type="spicevmc"/>');
  }, 2 * STEP_TIMEOUT);

  it("shows a failing program's own error message", async () => {
    const dir = project("host-failure", 'throw new Error("ovirt:url is not set: run pulumi config set ovirt:url");\n', false);
    expect((await pulumiIn(dir, ["stack", "init", "e2e"])).code).toBe(0);
    const preview = await pulumiIn(dir, ["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.stdout + preview.stderr).toContain("ovirt:url is not set: run pulumi config set ovirt:url");
  }, STEP_TIMEOUT);

  it("reports a missing provider plugin as a clear error instead of waiting for a download", async () => {
    const dir = project(
      "host-no-plugin",
      'import * as ovirt from "pulumi-ovirt";\nnew ovirt.Vm("desk", { name: "desk-01" });\n',
      false,
    );
    // Neither Pulumi.yaml nor PATH offers the plugin, and downloads are disabled.
    const path = (env["PATH"] ?? "")
      .split(":")
      .filter((p) => !p.endsWith("/provider/bin"))
      .join(":");
    expect((await pulumiIn(dir, ["stack", "init", "e2e"])).code).toBe(0);
    const started = Date.now();
    const preview = await pulumiIn(dir, ["preview"], undefined, { PATH: path });
    expect(preview.code).not.toBe(0);
    expect(preview.stdout + preview.stderr).toMatch(/no resource plugin 'pulumi-resource-ovirt' found/);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, STEP_TIMEOUT);
});
