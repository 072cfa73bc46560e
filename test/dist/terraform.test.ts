// The Terraform provider zip of `npm run dist` (the run's shared build, test/dist/shared.ts, which
// runs scripts/dist-terraform.sh): the package layout Terraform and OpenTofu mirrors use (one
// self-contained executable terraform-provider-ovirt_v<version> at the root, the .proto files it
// was built from beside it), the same bytes when scripts/dist-terraform.sh builds it again
// elsewhere, and, unzipped outside the repository, a provider that starts with no node on PATH and
// serves the schema with the lookup data sources.

import { credentials, makeClientConstructor, type Client, type ServiceError } from "@grpc/grpc-js";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../provider/terraform/index.ts";
import { providerService } from "../../provider/terraform/proto.ts";
import type { DistContext } from "../../scripts/dist/artifacts.ts";
import { scriptStep } from "../../scripts/dist/external.ts";
import { REPO_ROOT, removeWorkDir } from "../e2e/harness.ts";
import { sharedRelease, SHARED_RELEASE_TIMEOUT } from "./shared.ts";

const work = mkdtempSync(join(tmpdir(), "pulumi-ovirt-dist-terraform-"));
afterAll(() => removeWorkDir(work));

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as { version: string }).version;
const ZIP = `terraform-provider-ovirt_${VERSION}_linux_amd64.zip`;
const EXECUTABLE = `terraform-provider-ovirt_v${VERSION}`;
const step = scriptStep("Terraform provider", "scripts/dist-terraform.sh");

async function buildInto(name: string): Promise<string> {
  const ctx: DistContext = { repoRoot: REPO_ROOT, outDir: join(work, name), workDir: join(work, `${name}-work`), version: VERSION };
  mkdirSync(ctx.outDir);
  mkdirSync(ctx.workDir);
  expect(await step.build(ctx)).toEqual({ artifacts: [ZIP] });
  expect(readdirSync(ctx.outDir)).toEqual([ZIP]);
  return join(ctx.outDir, ZIP);
}

describe("the Terraform provider zip", () => {
  let zip: string;

  it("holds the executable at its root, the only file named terraform-provider-ovirt*, with the protocol files", async () => {
    zip = join(await sharedRelease(), ZIP);
    const listing = spawnSync("zipinfo", [zip], { encoding: "utf8" });
    expect(listing.status, listing.stderr).toBe(0);
    const entries = listing.stdout.split("\n").filter((line) => /^[-d]r/.test(line));
    const names = entries.map((line) => line.split(/\s+/).pop()!);
    const protos = readdirSync(join(REPO_ROOT, "provider/terraform/proto")).sort();
    expect(names).toEqual([EXECUTABLE, ...protos.map((f) => `proto/${f}`)]);
    expect(names.filter((n) => n.startsWith("terraform-provider-ovirt"))).toEqual([EXECUTABLE]);
    expect(entries[0]).toMatch(/^-rwxr-xr-x /);
    expect(protos).toEqual(expect.arrayContaining(["tfplugin6.proto", "grpc_controller.proto", "grpc_stdio.proto", "LICENSE-MPL-2.0"]));
  }, SHARED_RELEASE_TIMEOUT);

  it("is the same bytes when built again", async () => {
    const again = await buildInto("again");
    expect(readFileSync(again).equals(readFileSync(zip))).toBe(true);
  }, 120_000);

  it("unzipped outside the repository, starts with no node on PATH and serves the schema with the data sources", async () => {
    const dir = join(work, "unzipped");
    expect(spawnSync("unzip", ["-q", zip, "-d", dir]).status).toBe(0);
    // The protos are the repository's, unchanged, and the executable names no repository path.
    const proto = "proto/tfplugin6.proto";
    expect(readFileSync(join(dir, proto), "utf8")).toBe(readFileSync(join(REPO_ROOT, "provider/terraform", proto), "utf8"));
    expect(readFileSync(join(dir, EXECUTABLE)).includes(REPO_ROOT)).toBe(false);

    const child = spawn(join(dir, EXECUTABLE), [], {
      cwd: work,
      env: { PATH: "/nonexistent", HOME: work, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: "5,6" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          if (out.includes("\n")) resolve(out.split("\n")[0]!);
        });
        child.on("exit", (code) => reject(new Error(`exited with ${code} before its handshake`)));
        setTimeout(() => reject(new Error("no handshake line in 20 s")), 20_000).unref();
      });
      const address = line.split("|")[3]!;
      const client = new (makeClientConstructor(providerService, "tfplugin6.Provider"))(address, credentials.createInsecure()) as Client;
      const schema = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const fn = (client as unknown as Record<string, (req: object, cb: (err: ServiceError | null, res: Record<string, unknown>) => void) => void>).GetProviderSchema!;
        fn.call(client, {}, (err, res) => (err ? reject(err) : resolve(res)));
      });
      client.close();
      expect(Object.keys(schema.resource_schemas as object).sort()).toEqual(["ovirt_console_policy", "ovirt_permission", "ovirt_pool", "ovirt_template", "ovirt_vm"]);
      expect(Object.keys(schema.data_source_schemas as object).sort()).toEqual(["ovirt_cluster", "ovirt_domain_xml", "ovirt_group", "ovirt_pool", "ovirt_template", "ovirt_user", "ovirt_vm"]);
    } finally {
      child.kill("SIGKILL");
    }
  }, 60_000);
});
