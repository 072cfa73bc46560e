// The natural programs of #22 (test/e2e/natural.ts) in Pulumi YAML, through the real Pulumi CLI and
// pulumi-language-yaml (scripts/setup/pulumi-yaml.sh): `template: ${tpl.name}` links the pool to a
// template the same program makes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, probePulumiCli } from "./harness.ts";
import { describeNaturalPrograms, type NaturalNames } from "./natural.ts";

const cli = probePulumiCli();
const missing = cli.missing ?? (cli.env?.PULUMI_OVIRT_YAML_SOURCE === "missing" ? "pulumi-language-yaml is not built (run `bash scripts/setup/pulumi-yaml.sh`; it needs Go)" : undefined);
if (missing) console.warn(`\n!!! SKIPPING test/e2e/natural-yaml (the natural programs of #22 in Pulumi YAML): ${missing}\n`);

function resources(kind: "linked" | "missing", names: NaturalNames): string {
  if (kind === "missing") {
    return `resources:
  pool:
    type: ovirt:Pool
    properties:
      name: ${names.orphanPool}
      template: ${names.missingTemplate}
      size: 1
  console:
    type: ovirt:ConsolePolicy
    properties:
      poolId: \${pool.poolId}
`;
  }
  return `resources:
  # The golden image stays down: the engine copies a template only from a stopped VM.
  golden:
    type: ovirt:Vm
    properties:
      name: ${names.golden}
      running: false
      memoryMb: 512
  tpl:
    type: ovirt:Template
    properties:
      name: ${names.template}
      sourceVm: \${golden.vmId}
  pool:
    type: ovirt:Pool
    properties:
      name: ${names.pool}
      template: \${tpl.name}
      size: 1
  console:
    type: ovirt:ConsolePolicy
    properties:
      poolId: \${pool.poolId}
outputs:
  poolTemplate: \${pool.template}
  consoleDescription: \${console.consoleDescription}
`;
}

function writeYamlProgram(dir: string, kind: "linked" | "missing", names: NaturalNames): void {
  mkdirSync(dir, { recursive: true });
  const project = [
    `name: natural-yaml-${kind}`,
    "runtime: yaml",
    "plugins:",
    "  providers:",
    "    - name: ovirt",
    `      path: ${join(REPO_ROOT, "provider/bin")}`,
    "",
  ].join("\n");
  writeFileSync(join(dir, "Pulumi.yaml"), project + resources(kind, names));
}

describeNaturalPrograms({ language: "Pulumi YAML", prefix: "nyaml", cli, missing, writeProgram: writeYamlProgram });
