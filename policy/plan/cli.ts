// `ovirt-policy check <plan.json>`: the pack's rules on a Terraform or OpenTofu plan.
//
//   tofu plan -out plan.out
//   tofu show -json plan.out > plan.json
//   ovirt-policy check plan.json [--config strict.json] [--format text|json|sarif] [--output FILE]
//
// Exit status: 0 when no mandatory policy is violated (advisory ones are printed as warnings),
// 1 when one is, 2 when the command could not run (bad arguments, an unreadable plan or config).

import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { rules } from "../policies.ts";
import { checkSubjects } from "./check.ts";
import { ConfigError } from "./config.ts";
import { formatJson, formatSarif, formatText, passed, type Format } from "./format.ts";
import { PlanError, readPlan } from "./readPlan.ts";
import packageJson from "../package.json" with { type: "json" };

const USAGE = `usage: ovirt-policy check <plan.json | -> [--config FILE] [--format text|json|sarif] [--output FILE]

Checks a Terraform or OpenTofu plan against the oVirt smartcard VDI policies.
Make the plan JSON with:  tofu plan -out plan.out && tofu show -json plan.out > plan.json
--config takes the same file as \`pulumi preview --policy-pack-config\`.
Exit status: 0 passed, 1 a mandatory policy is violated, 2 the check could not run.
`;

class UsageError extends Error {}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the ${what} ${path} is not JSON (${(error as Error).message})`);
  }
}

function parse(argv: string[]): { plan: string; config?: string; format: Format; output?: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { config: { type: "string" }, format: { type: "string", default: "text" }, output: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help) throw new UsageError("");
  const [command, plan, ...rest] = positionals;
  if (command !== "check" || plan === undefined || rest.length > 0) throw new UsageError("expected: check <plan.json>");
  const format = values.format;
  if (format !== "text" && format !== "json" && format !== "sarif") throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  return { plan, config: values.config, format, output: values.output };
}

/** Runs the command; returns its exit status. */
export function main(argv: string[]): number {
  try {
    const options = parse(argv);
    const config = options.config === undefined ? undefined : readJson(options.config, "configuration");
    const outcome = checkSubjects(rules, readPlan(readJson(options.plan, "plan")), config);
    const text =
      options.format === "json" ? formatJson(outcome) : options.format === "sarif" ? formatSarif(outcome, rules, packageJson.version) : formatText(outcome);
    if (options.output === undefined) process.stdout.write(text);
    else writeFileSync(options.output, text);
    if (options.output !== undefined && options.format !== "text") process.stderr.write(formatText(outcome));
    return passed(outcome) ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError && error.message === "") {
      process.stdout.write(USAGE);
      return 0;
    }
    if (error instanceof UsageError || error instanceof PlanError || error instanceof ConfigError) {
      process.stderr.write(`ovirt-policy: ${error.message}\n${error instanceof UsageError ? USAGE : ""}`);
      return 2;
    }
    throw error;
  }
}
