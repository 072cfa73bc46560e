// The Go side of the end-to-end harness: our Go language host beside the CLI, the machine's `go`,
// and programs that use sdk/go through a `replace` (as a user of the release archive would).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, type CliProbe } from "./harness.ts";

export const GO_MODULE = "github.com/ovirt-vdi/pulumi-ovirt/sdk/go";

export interface GoProbe {
  ready: boolean;
  missing?: string;
}

/** At collection time: the host is on the CLI's PATH and `go` runs. */
export function probeGo(cli: CliProbe): GoProbe {
  if (!cli.env) return { ready: false, missing: cli.missing };
  const script = [
    'command -v pulumi-language-go >/dev/null || { echo "pulumi-language-go is not beside the CLI (run bash scripts/setup/pulumi-cli.sh)"; exit 2; }',
    'command -v go >/dev/null || { echo "Go is not installed"; exit 2; }',
  ].join("\n");
  const result = spawnSync("bash", ["-c", script], { env: cli.env, encoding: "utf8", timeout: 30_000 });
  if (result.status !== 0) return { ready: false, missing: result.stdout.trim() || result.stderr.trim() };
  return { ready: true };
}

/**
 * go.mod of a program using this repository's SDK: examples/vdi-pool-go's (so its complete list
 * of indirect requirements, which `go build` insists on, and its go.sum fit), renamed.
 */
function goModFor(name: string): string {
  const example = readFileSync(join(REPO_ROOT, "examples/vdi-pool-go/go.mod"), "utf8");
  if (!example.startsWith("module vdi-pool-go\n") || !example.includes("=> ../../sdk/go")) {
    throw new Error("examples/vdi-pool-go/go.mod no longer names module vdi-pool-go with a replace => ../../sdk/go");
  }
  return example.replace("module vdi-pool-go\n", `module ${name}\n`).replace("=> ../../sdk/go", `=> ${join(REPO_ROOT, "sdk/go")}`);
}

/**
 * Writes a Go program (Pulumi.yaml, go.mod pointing at sdk/go, go.sum from examples/vdi-pool-go,
 * and the given files); `withPlugin` names this repository's provider plugin in Pulumi.yaml.
 */
export function writeGoProgram(dir: string, name: string, files: Record<string, string>, opts: { withPlugin?: boolean } = {}): void {
  mkdirSync(dir, { recursive: true });
  const project = [`name: ${name}`, "runtime: go"];
  if (opts.withPlugin) project.push("plugins:", "  providers:", "    - name: ovirt", `      path: ${join(REPO_ROOT, "provider/bin")}`);
  writeFileSync(join(dir, "Pulumi.yaml"), project.join("\n") + "\n");
  writeFileSync(join(dir, "go.mod"), goModFor(name));
  cpSync(join(REPO_ROOT, "examples/vdi-pool-go/go.sum"), join(dir, "go.sum"));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
}

/** Copies examples/vdi-pool-go into dir with absolute paths to this repository's SDK and plugin. */
export function copyGoExample(dir: string): void {
  const source = join(REPO_ROOT, "examples/vdi-pool-go");
  mkdirSync(dir, { recursive: true });
  for (const file of ["main.go", "go.sum"]) cpSync(join(source, file), join(dir, file));
  const replaceIn = (file: string, from: string, to: string) => {
    const text = readFileSync(join(source, file), "utf8");
    if (!text.includes(from)) throw new Error(`examples/vdi-pool-go/${file} no longer says "${from}"`);
    writeFileSync(join(dir, file), text.replace(from, to));
  };
  replaceIn("Pulumi.yaml", "path: ../../provider/bin", `path: ${join(REPO_ROOT, "provider/bin")}`);
  replaceIn("go.mod", "=> ../../sdk/go", `=> ${join(REPO_ROOT, "sdk/go")}`);
}
