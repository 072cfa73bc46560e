// The natural programs of #22 (test/e2e/natural.ts) in TypeScript, through the real Pulumi CLI and
// the generated SDK: `template: tpl.name` links the pool to a template the same program makes.
import { ensureSdkBuilt, probePulumiCli, writeProgram } from "./harness.ts";
import { describeNaturalPrograms, type NaturalNames } from "./natural.ts";

const cli = probePulumiCli();
if (cli.missing) console.warn(`\n!!! SKIPPING test/e2e/natural-typescript (the natural programs of #22 in TypeScript): ${cli.missing}\n`);

function program(kind: "linked" | "missing", names: NaturalNames): string {
  if (kind === "missing") {
    return `import * as ovirt from "pulumi-ovirt";
const pool = new ovirt.Pool("pool", { name: "${names.orphanPool}", template: "${names.missingTemplate}", size: 1 });
new ovirt.ConsolePolicy("console", { poolId: pool.poolId });
`;
  }
  return `import * as ovirt from "pulumi-ovirt";
// The golden image stays down: the engine copies a template only from a stopped VM.
const golden = new ovirt.Vm("golden", { name: "${names.golden}", running: false, memoryMb: 512 });
const tpl = new ovirt.Template("tpl", { name: "${names.template}", sourceVm: golden.vmId });
const pool = new ovirt.Pool("pool", { name: "${names.pool}", template: tpl.name, size: 1 });
const policy = new ovirt.ConsolePolicy("console", { poolId: pool.poolId });
export const poolTemplate = pool.template;
export const consoleDescription = policy.consoleDescription;
`;
}

describeNaturalPrograms({
  language: "TypeScript",
  prefix: "nts",
  cli,
  missing: cli.missing,
  prepare: () => ensureSdkBuilt({ ...cli.env }),
  writeProgram: (dir, kind, names) => writeProgram(dir, `natural-ts-${kind}`, program(kind, names)),
});
