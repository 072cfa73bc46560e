// The Go SDK's release artifact used as a user outside the repository would: the module archive
// that `npm run dist` writes through scripts/dist-go.sh (the run's shared build,
// test/dist/shared.ts), unpacked into a fresh project and wired in with the README's recipe
// (`go mod edit -require -replace`, `go mod tidy`), and the plugin from the release tarball
// installed with `pulumi plugin install --file` into a fresh PULUMI_HOME. PATH has the Pulumi CLI
// and its Go host, `go`, a Node.js and the system directories: nothing of the repository. Against
// the emulator: up of a smartcard pool, an in-place update, import of a VM made outside Pulumi, destroy.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedRelease, SHARED_RELEASE_TIMEOUT } from "../dist/shared.ts";
import { REPO_ROOT, engineApi, engineInventory, initStack, probePulumiCli, removeWorkDir, run, startEmulator, type Emulator } from "./harness.ts";
import { errorsIn, parseEvents } from "./events.ts";
import { GO_MODULE, probeGo } from "./go-harness.ts";

const probe = probePulumiCli();
const golang = probeGo(probe);
if (!golang.ready) console.warn(`\n!!! SKIPPING test/e2e/dist-install-go (the Go SDK archive outside the repository): ${golang.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 600_000;
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as { version: string }).version;

const PROGRAM = `package main

import (
	"github.com/ovirt-vdi/pulumi-ovirt/sdk/go/ovirt"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		golden, err := ovirt.NewVm(ctx, "golden", &ovirt.VmArgs{
			Name:             pulumi.String("gd-golden"),
			SmartcardEnabled: pulumi.Bool(true),
		})
		if err != nil {
			return err
		}
		template, err := ovirt.NewTemplate(ctx, "template", &ovirt.TemplateArgs{
			Name:             pulumi.String("gd-template"),
			SourceVm:         golden.VmId,
			SmartcardEnabled: pulumi.Bool(true),
		})
		if err != nil {
			return err
		}
		pool, err := ovirt.NewPool(ctx, "pool", &ovirt.PoolArgs{
			Name:             pulumi.String("gd-desk"),
			Template:         template.TemplateId,
			Size:             pulumi.Int(1),
			SmartcardEnabled: pulumi.Bool(true),
			Description:      pulumi.String(cfg.Get("description")),
		})
		if err != nil {
			return err
		}
		ctx.Export("consoleDescription", pool.ConsoleDescription)
		ctx.Export("vmNames", pool.VmNames)
		return nil
	})
}
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

describe.skipIf(!golang.ready)("the Go SDK archive, used outside the repository", () => {
  const work = probe.workDir;
  let distDir: string;
  const projectDir = join(work, "go-project");
  const password = randomBytes(12).toString("hex");
  let env: NodeJS.ProcessEnv;
  let emulator: Emulator;

  const inProject = async (command: string, args: string[], input?: string): Promise<string> => {
    const result = await run(command, args, { cwd: projectDir, env, input, timeoutMs: STEP_TIMEOUT });
    if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    return result.stdout;
  };
  const pulumi = (args: string[], input?: string) => inProject("pulumi", [...args, "--non-interactive"], input);

  beforeAll(async () => {
    // The plugin runs on Node.js 22+: a bin directory with just `node` (the one running this test).
    const nodeBin = join(work, "node-bin");
    mkdirSync(nodeBin);
    symlinkSync(realpathSync(process.execPath), join(nodeBin, "node"));
    const path = [nodeBin, directoryOf("pulumi", probe.env?.PATH), directoryOf("go", probe.env?.PATH), "/usr/local/bin", "/usr/bin", "/bin"].join(":");
    expect(path).not.toContain(REPO_ROOT);
    env = {
      HOME: process.env.HOME,
      PATH: path,
      TMPDIR: process.env.TMPDIR,
      // The user's Go settings (module proxy, caches), as they would have them.
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("GO"))),
      PULUMI_HOME: join(work, "fresh-pulumi-home"),
      PULUMI_BACKEND_URL: `file://${join(work, "fresh-state")}`,
      PULUMI_CONFIG_PASSPHRASE: "dist-install-go-test",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    };
    mkdirSync(join(work, "fresh-state"));
    mkdirSync(projectDir);
    emulator = await startEmulator(join(work, "engine"), password);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("npm run dist writes the module archive and the plugin tarball", async () => {
    distDir = await sharedRelease();
    expect(readdirSync(distDir)).toEqual(expect.arrayContaining([`pulumi-ovirt-sdk-go-${VERSION}.tar.gz`, `pulumi-resource-ovirt-v${VERSION}-linux-amd64.tar.gz`]));
  }, SHARED_RELEASE_TIMEOUT);

  it("a fresh Go project built from the archive with the README's recipe deploys a smartcard pool", async () => {
    await pulumi(["plugin", "install", "resource", "ovirt", VERSION, "--file", join(distDir, `pulumi-resource-ovirt-v${VERSION}-linux-amd64.tar.gz`)]);
    writeFileSync(join(projectDir, "Pulumi.yaml"), "name: dist-install-go\nruntime: go\n");
    writeFileSync(join(projectDir, "main.go"), PROGRAM);
    await inProject("go", ["mod", "init", "dist-install-go"]);
    // The README's recipe, word for word.
    mkdirSync(join(projectDir, "third_party"));
    await inProject("tar", ["-xzf", join(distDir, `pulumi-ovirt-sdk-go-${VERSION}.tar.gz`), "-C", "third_party"]);
    await inProject("go", ["mod", "edit", `-require=${GO_MODULE}@v${VERSION}`, `-replace=${GO_MODULE}=./third_party/pulumi-ovirt-sdk-go`]);
    await inProject("go", ["mod", "tidy"]);

    await initStack((args, input) => pulumi(args, input), emulator);
    const up = parseEvents(await pulumi(["up", "--yes", "--skip-preview", "--json"]));
    expect(up.summary?.resourceChanges, errorsIn(up)).toEqual({ create: 4 });
    const out = JSON.parse(await pulumi(["stack", "output", "--json"])) as Record<string, unknown>;
    expect(out).toMatchObject({ consoleDescription: "Spice with Smartcard", vmNames: ["gd-desk-1"] });
  }, STEP_TIMEOUT);

  it("updates the pool in place, imports a VM made outside Pulumi as Go code, and destroys everything", async () => {
    await pulumi(["config", "set", "description", "desks for the smartcard lab"]);
    const update = parseEvents(await pulumi(["up", "--yes", "--skip-preview", "--json"]));
    expect(update.summary?.resourceChanges, errorsIn(update)).toEqual({ update: 1, same: 3 });

    const created = await engineApi(emulator, "POST", "/vms", { name: "gd-handmade", cluster: { name: "Default" }, template: { name: "Blank" } });
    expect(created.status).toBe(201);
    await pulumi(["import", "ovirt:index:Vm", "handmade", String(created.json["id"]), "--yes", "--protect=false", "--out", "imported.go.txt"]);
    expect(readFileSync(join(projectDir, "imported.go.txt"), "utf8")).toContain('ovirt.NewVm(ctx, "handmade", &ovirt.VmArgs{');

    // The imported VM is in the state but not in the program: destroy removes it with the rest.
    const destroyed = parseEvents(await pulumi(["destroy", "--yes", "--skip-preview", "--json"]));
    expect(destroyed.summary?.resourceChanges, errorsIn(destroyed)).toEqual({ delete: 5 });
    const inventory = await engineInventory(emulator);
    expect(inventory.vms.filter((v) => v.startsWith("gd-"))).toEqual([]);
    expect(inventory.pools).not.toContain("gd-desk");
  }, STEP_TIMEOUT);
});
