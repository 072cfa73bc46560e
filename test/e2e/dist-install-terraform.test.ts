// The Terraform provider zip, installed as a user outside the repository would: the one `npm run
// dist` writes (the run's shared build, test/dist/shared.ts), put unchanged into a filesystem
// mirror in the packed layout (<host>/<namespace>/<type>/terraform-provider-ovirt_<version>_<os_arch>.zip),
// and installed by `tofu init` from a fresh CLI configuration that sends only this provider to the
// mirror. PATH is an empty directory (the provider is self-contained: no node anywhere), and no
// dev_overrides: OpenTofu can only run what it unpacked from the zip. Against the emulator: apply
// of a VM placed by a data source, a plan with no changes, and destroy.

import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedRelease, SHARED_RELEASE_TIMEOUT } from "../dist/shared.ts";
import { probeTofu, PROVIDER_HOST, PROVIDER_SOURCE, workspace, type Workspace } from "../terraform/harness.ts";
import { engineInventory, REPO_ROOT, removeWorkDir, run, startEmulator, type Emulator } from "./harness.ts";

const probe = probeTofu("dist-tofu-");
if (!probe.tofu) console.warn(`\n!!! SKIPPING test/e2e/dist-install-terraform (the provider zip with the real OpenTofu): ${probe.missing}\n`);
afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 180_000;
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as { version: string }).version;
const ZIP = `terraform-provider-ovirt_${VERSION}_linux_amd64.zip`;
const ADDRESS = `${PROVIDER_HOST}/${PROVIDER_SOURCE}`;

function configuration(emulator: Emulator): string {
  return `terraform {
  required_providers {
    ovirt = {
      source  = "${PROVIDER_SOURCE}"
      version = "${VERSION}"
    }
  }
}

provider "ovirt" {
  url     = "${emulator.apiUrl}"
  ca_file = "${emulator.caFile}"
}

data "ovirt_cluster" "default" {
  name = "Default"
}

resource "ovirt_vm" "desk" {
  name              = "dist-tofu-desk"
  cluster           = data.ovirt_cluster.default.id
  smartcard_enabled = true
}

output "console" {
  value = ovirt_vm.desk.console_description
}
`;
}

/** golang.org/x/mod's dirhash Hash1 of a directory, as Terraform's `h1:` lock file hashes are. */
function dirhashH1(dir: string): string {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => statSync(join(dir, name)).isFile()).sort();
  const summary = files.map((name) => `${createHash("sha256").update(readFileSync(join(dir, name))).digest("hex")}  ${name}\n`).join("");
  return `h1:${createHash("sha256").update(summary).digest("base64")}`;
}

describe.skipIf(!probe.tofu)("the Terraform provider zip, installed by OpenTofu from a filesystem mirror", () => {
  const work = probe.workDir;
  let distDir: string;
  const mirror = join(work, "mirror");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let ws: Workspace;

  beforeAll(async () => {
    emulator = await startEmulator(join(work, "engine"), password, ["--delay-ms", "200"]);
    // PATH is one empty directory: the provider is self-contained, so no node (and nothing of the
    // repository) may be found, not even the system's (/usr/bin has one on some machines).
    const emptyBin = join(work, "empty-bin");
    mkdirSync(emptyBin);
    const path = emptyBin;
    const cliConfig = join(work, "fresh.tfrc");
    writeFileSync(
      cliConfig,
      `provider_installation {
  filesystem_mirror {
    path    = "${mirror}"
    include = ["${ADDRESS}"]
  }
  direct {
    exclude = ["${ADDRESS}"]
  }
}
`,
    );
    ws = workspace(probe.tofu!, join(work, "project"), emulator, cliConfig, { PATH: path });
    ws.write(configuration(emulator));
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("npm run dist writes the zip, which goes into the mirror unchanged", async () => {
    distDir = await sharedRelease();
    expect(readdirSync(distDir).filter((f) => f.startsWith("terraform-provider-ovirt"))).toEqual([ZIP]);
    const packageDir = join(mirror, ADDRESS);
    mkdirSync(packageDir, { recursive: true });
    copyFileSync(join(distDir, ZIP), join(packageDir, ZIP));
  }, SHARED_RELEASE_TIMEOUT);

  it("tofu init installs the provider from the zip, and the lock file pins the zip's contents", async () => {
    const out = await ws.ok(["init", "-input=false"], STEP_TIMEOUT);
    expect(out).toContain(`Installing ${PROVIDER_SOURCE} v${VERSION}...`);
    expect(out).toMatch(new RegExp(`Installed ${PROVIDER_SOURCE} v${VERSION} \\(unauthenticated\\)`));
    expect(out).toContain("Incomplete lock file information"); // linux_amd64 only, as the README says
    const installed = join(ws.dir, ".terraform/providers", ADDRESS, VERSION, "linux_amd64");
    expect(readdirSync(installed).sort()).toEqual(["proto", `terraform-provider-ovirt_v${VERSION}`]);
    expect(statSync(join(installed, `terraform-provider-ovirt_v${VERSION}`)).mode & 0o111).not.toBe(0);
    const lock = readFileSync(join(ws.dir, ".terraform.lock.hcl"), "utf8");
    expect(lock).toContain(`provider "${ADDRESS}"`);
    expect(lock).toContain(`version     = "${VERSION}"`);
    // The h1: hash is Go's dirhash of the package's files: it must be that of the zip's contents.
    const unzipped = join(work, "unzipped");
    expect((await run("unzip", ["-q", join(distDir, ZIP), "-d", unzipped], { cwd: work, env: process.env, timeoutMs: 30_000 })).code).toBe(0);
    expect(lock).toContain(`"${dirhashH1(unzipped)}"`);
  }, STEP_TIMEOUT);

  it("tofu apply creates the VM in the cluster the data source found; a second plan has no changes", async () => {
    await ws.ok(["apply", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    const outputs = JSON.parse(await ws.ok(["output", "-json"])) as Record<string, { value: unknown }>;
    expect(outputs.console?.value).toBe("Spice with Smartcard");
    expect((await engineInventory(emulator)).vms).toContain("dist-tofu-desk");
    const again = await ws.tofu(["plan", "-detailed-exitcode", "-input=false"], STEP_TIMEOUT);
    expect(again.code, again.stdout + again.stderr).toBe(0);
  }, STEP_TIMEOUT);

  it("tofu destroy removes the VM from the engine", async () => {
    await ws.ok(["destroy", "-auto-approve", "-input=false"], STEP_TIMEOUT);
    expect((await engineInventory(emulator)).vms).not.toContain("dist-tofu-desk");
    expect((await ws.ok(["state", "list"])).trim()).toBe("");
  }, STEP_TIMEOUT);
});
