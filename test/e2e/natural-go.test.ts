// The natural programs of #22 (test/e2e/natural.ts) in Go, through the real Pulumi CLI, our Go
// language host (which builds the program with the machine's `go`) and sdk/go: `Template:
// tpl.Name` links the pool to a template the same program makes.
import { probePulumiCli } from "./harness.ts";
import { probeGo, writeGoProgram } from "./go-harness.ts";
import { describeNaturalPrograms, type NaturalNames } from "./natural.ts";

const cli = probePulumiCli();
const golang = probeGo(cli);
if (!golang.ready) console.warn(`\n!!! SKIPPING test/e2e/natural-go (the natural programs of #22 in Go): ${golang.missing}\n`);

const IMPORTS = `import (
	"github.com/ovirt-vdi/pulumi-ovirt/sdk/go/ovirt"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)`;

function program(kind: "linked" | "missing", names: NaturalNames): string {
  if (kind === "missing") {
    return `package main

${IMPORTS}

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		pool, err := ovirt.NewPool(ctx, "pool", &ovirt.PoolArgs{Name: pulumi.String("${names.orphanPool}"), Template: pulumi.String("${names.missingTemplate}"), Size: pulumi.Int(1)})
		if err != nil {
			return err
		}
		_, err = ovirt.NewConsolePolicy(ctx, "console", &ovirt.ConsolePolicyArgs{PoolId: pool.PoolId})
		return err
	})
}
`;
  }
  return `package main

${IMPORTS}

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		// The golden image stays down: the engine copies a template only from a stopped VM.
		golden, err := ovirt.NewVm(ctx, "golden", &ovirt.VmArgs{Name: pulumi.String("${names.golden}"), Running: pulumi.Bool(false), MemoryMb: pulumi.Int(512)})
		if err != nil {
			return err
		}
		tpl, err := ovirt.NewTemplate(ctx, "tpl", &ovirt.TemplateArgs{Name: pulumi.String("${names.template}"), SourceVm: golden.VmId})
		if err != nil {
			return err
		}
		pool, err := ovirt.NewPool(ctx, "pool", &ovirt.PoolArgs{Name: pulumi.String("${names.pool}"), Template: tpl.Name, Size: pulumi.Int(1)})
		if err != nil {
			return err
		}
		policy, err := ovirt.NewConsolePolicy(ctx, "console", &ovirt.ConsolePolicyArgs{PoolId: pool.PoolId})
		if err != nil {
			return err
		}
		ctx.Export("poolTemplate", pool.Template)
		ctx.Export("consoleDescription", policy.ConsoleDescription)
		return nil
	})
}
`;
}

describeNaturalPrograms({
  language: "Go",
  prefix: "ngo",
  cli,
  missing: golang.ready ? undefined : (golang.missing ?? "Go is not ready"),
  // The first `go build` of a program may compile the Pulumi Go SDK (minutes on a cold, shared machine).
  firstRunTimeoutMs: 600_000,
  writeProgram: (dir, kind, names) => writeGoProgram(dir, `natural-go-${kind}`, { "main.go": program(kind, names) }, { withPlugin: true }),
});
