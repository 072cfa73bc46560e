// Docs that run: every example in docs/ is extracted and run against the engine emulator with the
// real CLI of its language, as `pulumi preview` (TypeScript, Python, Go, YAML) or `tofu plan`
// (HCL). The examples of one language run together as one program (they are written with unique
// names for that), so this costs one preview per language.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, GUIDE_EXAMPLES, SEEDED } from "../../scripts/docs/examples.ts";
import { engineApi, initStack, probePulumiCli, removeWorkDir, run, startEmulator, writeProgram, type Emulator } from "../e2e/harness.ts";
import { probeGo, writeGoProgram } from "../e2e/go-harness.ts";
import { probePython, writePythonProgram } from "../e2e/python-harness.ts";
import { devOverridesConfig, probeTofu, providerBlock, workspace } from "../terraform/harness.ts";
import { uniqueExamples, type DocExample } from "./extract.ts";

const DOCS = resolve(import.meta.dirname, "../../docs");
const STEP_TIMEOUT = 600_000;

const cli = probePulumiCli();
const python = probePython(cli);
const golang = probeGo(cli);
const tofu = probeTofu("docs-");
const yamlReady = cli.env !== undefined && cli.env.PULUMI_OVIRT_YAML_SOURCE !== "missing";
const missing: Record<string, string | undefined> = {
  typescript: cli.missing,
  python: python.venv ? undefined : python.missing,
  go: golang.ready ? undefined : golang.missing,
  yaml: yamlReady ? undefined : cli.missing ?? "pulumi-language-yaml is not built (run `bash scripts/setup/pulumi-yaml.sh`)",
  hcl: tofu.missing,
};
for (const [language, why] of Object.entries(missing)) {
  if (why) console.warn(`\n!!! SKIPPING the ${language} examples of docs/ (test/docs/docs-run): ${why}\n`);
}
afterAll(() => {
  removeWorkDir(cli.workDir);
  removeWorkDir(tofu.workDir);
});

const examples = uniqueExamples(DOCS);
/** Every resource the examples declare: each must show in its language's plan, so none is left out. */
const RESOURCE_NAMES = Object.values({ ...EXAMPLES, ...GUIDE_EXAMPLES }).flatMap((e) => (e.resources ?? []).map((r) => r.name));
const of = (language: string): DocExample[] => examples.filter((e) => e.language === language);

/** A Go example's `main` becomes `exampleN(ctx)`, so all of them run in one program. */
function goAsFunction(code: string, n: number): string {
  const start = "func main() {\n\tpulumi.Run(func(ctx *pulumi.Context) error {";
  const end = "\t\treturn nil\n\t})\n}";
  if (!code.includes(start) || !code.trimEnd().endsWith(end)) throw new Error(`a Go example is not a pulumi.Run program:\n${code}`);
  return code.replace(start, `func example${n}(ctx *pulumi.Context) error {`).trimEnd().replace(/\t\treturn nil\n\t\}\)\n\}$/, "\t\treturn nil\n}") + "\n";
}

/** The YAML examples' sections merged into one program (each example is a complete Pulumi.yaml). */
function mergedYaml(list: DocExample[]): string {
  const sections: Record<string, string[]> = { variables: [], resources: [], outputs: [] };
  for (const e of list) {
    let current: string | undefined;
    for (const line of e.code.split("\n")) {
      const top = /^(\w+):\s*(.*)$/.exec(line);
      if (top) {
        current = top[1] && top[1] in sections ? top[1] : undefined;
        continue;
      }
      if (current && line.trim()) sections[current]?.push(line);
    }
  }
  return Object.entries(sections).filter(([, lines]) => lines.length).map(([name, lines]) => `${name}:\n${lines.join("\n")}\n`).join("");
}

describe("the examples in docs/, run with the real CLIs against the emulator", () => {
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;

  const previewIn = async (dir: string, env: NodeJS.ProcessEnv): Promise<string> => {
    const pulumi = async (args: string[], input?: string): Promise<string> => {
      const result = await run("pulumi", [...args, "--non-interactive"], { cwd: dir, env, input, timeoutMs: STEP_TIMEOUT });
      if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} in ${dir} failed (${result.code}):\n${result.stdout.slice(-6000)}\n${result.stderr}`);
      return result.stdout;
    };
    await initStack(pulumi, emulator);
    const plan = await pulumi(["preview"]);
    for (const name of RESOURCE_NAMES) expect(plan, `${name} is not in the plan`).toMatch(new RegExp(`ovirt:index:\\w+\\s+${name}\\s+create`));
    return plan;
  };

  /** The engine copies a template in the background (202, `locked`); a pool needs it `ok`. */
  const untilTemplateReady = async (id: string): Promise<void> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { json } = await engineApi(emulator, "GET", `/templates/${id}`);
      if (json["status"] === "ok") return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`template ${id} did not become ok`);
  };

  beforeAll(async () => {
    if (Object.values(missing).every((m) => m !== undefined)) return;
    // The group lookup's example reads a directory group the engine already knows.
    emulator = await startEmulator(join(cli.workDir || tofu.workDir, "engine-docs"), password, ["--group", `${SEEDED.group}:admin@internal`]);
    const group = await engineApi(emulator, "POST", "/groups", { name: SEEDED.group.replace(/@internal$/, "@internal-authz") });
    expect(group.status, JSON.stringify(group.json)).toBe(201);
    // What the lookup examples read: a VM, a template made from it, and a pool from that template.
    const vm = await engineApi(emulator, "POST", "/vms", { name: SEEDED.vm, cluster: { name: "Default" }, template: { name: "Blank" } });
    expect(vm.status, JSON.stringify(vm.json)).toBe(201);
    const template = await engineApi(emulator, "POST", "/templates", { name: SEEDED.template, vm: { id: vm.json["id"] } });
    expect([201, 202], JSON.stringify(template.json)).toContain(template.status);
    await untilTemplateReady(String(template.json["id"]));
    const pool = await engineApi(emulator, "POST", "/vmpools", { name: SEEDED.pool, cluster: { name: "Default" }, template: { id: template.json["id"] }, size: 1 });
    expect(pool.status, JSON.stringify(pool.json)).toBe(201);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("finds examples in all five languages", () => {
    for (const language of ["typescript", "python", "go", "yaml", "hcl"]) expect(of(language).length, language).toBeGreaterThanOrEqual(9);
  });

  it.skipIf(missing["typescript"] !== undefined)("TypeScript: pulumi preview succeeds", async () => {
    const dir = join(cli.workDir, "docs-ts");
    const list = of("typescript");
    writeProgram(dir, "docs-ts", list.map((_, n) => `import "./example${n}.ts";`).join("\n") + "\n");
    list.forEach((e, n) => writeFileSync(join(dir, `example${n}.ts`), e.code));
    await previewIn(dir, { ...cli.env });
  }, STEP_TIMEOUT);

  it.skipIf(missing["python"] !== undefined)("Python: pulumi preview succeeds", async () => {
    const dir = join(cli.workDir, "docs-py");
    const list = of("python");
    const files = Object.fromEntries(list.map((e, n) => [`example${n}.py`, e.code]));
    writePythonProgram(dir, "docs-py", { ...files, "__main__.py": list.map((_, n) => `import example${n}  # noqa: F401`).join("\n") + "\n" }, { virtualenv: python.venv, withPlugin: true });
    await previewIn(dir, { ...cli.env });
  }, STEP_TIMEOUT);

  it.skipIf(missing["go"] !== undefined)("Go: pulumi preview builds and runs every example", async () => {
    const dir = join(cli.workDir, "docs-go");
    const list = of("go");
    const files = Object.fromEntries(list.map((e, n) => [`example${n}.go`, goAsFunction(e.code, n)]));
    const calls = list.map((_, n) => `\t\tif err := example${n}(ctx); err != nil {\n\t\t\treturn err\n\t\t}`).join("\n");
    const main = `package main\n\nimport "github.com/pulumi/pulumi/sdk/v3/go/pulumi"\n\nfunc main() {\n\tpulumi.Run(func(ctx *pulumi.Context) error {\n${calls}\n\t\treturn nil\n\t})\n}\n`;
    writeGoProgram(dir, "docs-go", { ...files, "main.go": main }, { withPlugin: true });
    await previewIn(dir, { ...cli.env });
  }, STEP_TIMEOUT);

  it.skipIf(missing["yaml"] !== undefined)("YAML: pulumi preview succeeds", async () => {
    const dir = join(cli.workDir, "docs-yaml");
    mkdirSync(dir, { recursive: true });
    const plugin = `plugins:\n  providers:\n    - name: ovirt\n      path: ${resolve(DOCS, "../provider/bin")}\n`;
    writeFileSync(join(dir, "Pulumi.yaml"), `name: docs-yaml\nruntime: yaml\n${plugin}${mergedYaml(of("yaml"))}`);
    await previewIn(dir, { ...cli.env });
  }, STEP_TIMEOUT);

  it.skipIf(missing["hcl"] !== undefined)("HCL: tofu plan succeeds", async () => {
    const dir = join(tofu.workDir, "docs-hcl");
    const ws = workspace(tofu.tofu ?? "", dir, emulator, devOverridesConfig(join(tofu.workDir, "dev.tfrc")));
    ws.write(providerBlock(emulator));
    of("hcl").forEach((e, n) => writeFileSync(join(dir, `example${n}.tf`), e.code));
    const plan = await ws.ok(["plan"]);
    expect(plan).toMatch(/Plan: \d+ to add/);
    for (const name of RESOURCE_NAMES) expect(plan, `${name} is not in the plan`).toMatch(new RegExp(`# ovirt_\\w+\\.${name.replace(/-/g, "_")} will be created`));
    // The provider function's example (functions/preview_domain_xml.md) ran at plan time.
    expect(plan).toMatch(/desk_xml\s+= <<-EOT[\s\S]*<smartcard mode="passthrough" type="spicevmc"\/>/);
  }, STEP_TIMEOUT);
});
