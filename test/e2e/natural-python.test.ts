// The natural programs of #22 (test/e2e/natural.ts) in Python, through the real Pulumi CLI, our
// Python language host and the generated pulumi_ovirt: `template=tpl.name` links the pool to a
// template the same program makes.
import { probePulumiCli } from "./harness.ts";
import { describeNaturalPrograms, type NaturalNames } from "./natural.ts";
import { probePython, writePythonProgram } from "./python-harness.ts";

const cli = probePulumiCli();
const python = probePython(cli);
if (!python.venv) console.warn(`\n!!! SKIPPING test/e2e/natural-python (the natural programs of #22 in Python): ${python.missing}\n`);

function program(kind: "linked" | "missing", names: NaturalNames): string {
  if (kind === "missing") {
    return `import pulumi_ovirt as ovirt

pool = ovirt.Pool("pool", name="${names.orphanPool}", template="${names.missingTemplate}", size=1)
ovirt.ConsolePolicy("console", pool_id=pool.pool_id)
`;
  }
  return `import pulumi
import pulumi_ovirt as ovirt

# The golden image stays down: the engine copies a template only from a stopped VM.
golden = ovirt.Vm("golden", name="${names.golden}", running=False, memory_mb=512)
tpl = ovirt.Template("tpl", name="${names.template}", source_vm=golden.vm_id)
pool = ovirt.Pool("pool", name="${names.pool}", template=tpl.name, size=1)
policy = ovirt.ConsolePolicy("console", pool_id=pool.pool_id)
pulumi.export("poolTemplate", pool.template)
pulumi.export("consoleDescription", policy.console_description)
`;
}

describeNaturalPrograms({
  language: "Python",
  prefix: "npy",
  cli,
  missing: python.venv ? undefined : (python.missing ?? "the Python virtualenv is missing"),
  writeProgram: (dir, kind, names) =>
    writePythonProgram(dir, `natural-py-${kind}`, { "__main__.py": program(kind, names) }, { virtualenv: python.venv, withPlugin: true }),
});
