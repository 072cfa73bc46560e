// `npm run chaos`: figures on state integrity under trouble, with the real Pulumi CLI, the provider
// plugin and the engine emulator's fault knobs. Figures, not pass/fail: it prints, per scenario,
// the `pulumi up` runs needed to converge, the recovery steps Pulumi needed, duplicates, orphans
// (VMs in the engine, not in the state) and VMs lost from the state.
//
//   npm run --silent chaos                       # every scenario, 50 desktops
//   npm run --silent chaos -- --vms 200 faults   # one scenario, 200 desktops
//
// Scenarios: faults (10 % 503s, 3 % dropped connections, 25 ms latency on every request),
// plugin-kill and cli-kill (`kill -9` once about half the VMs exist), wrong-url (a typo in the
// URL's path, then up, refresh and destroy).

import { join } from "node:path";
import { runScenario, SCENARIOS, type ScenarioName, type ScenarioResult } from "../test/e2e/chaos.ts";
import { ensureSdkBuilt, probePulumiCli, removeWorkDir } from "../test/e2e/harness.ts";

function parseArgs(argv: string[]): { desktops: number; scenarios: ScenarioName[] } {
  let desktops = Number(process.env.CHAOS_VMS ?? 50);
  const scenarios: ScenarioName[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--vms") desktops = Number(argv[++i]);
    else if ((SCENARIOS as string[]).includes(arg)) scenarios.push(arg as ScenarioName);
    else {
      console.error(`usage: npm run chaos -- [--vms N] [${SCENARIOS.join("|")} ...]; unknown argument ${arg}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(desktops) || desktops < 1) {
    console.error("--vms must be a whole number of at least 1");
    process.exit(2);
  }
  return { desktops, scenarios: scenarios.length > 0 ? scenarios : SCENARIOS };
}

function row(r: ScenarioResult): string {
  const cells = [
    r.scenario.padEnd(12), String(r.desktops).padStart(8), (r.runsToConverge === 0 ? "never" : String(r.runsToConverge)).padStart(6),
    String(r.duplicates).padStart(11), String(r.orphans).padStart(8), String(r.lost).padStart(5),
    (r.noChangesAfter ? "yes" : "NO").padStart(11), `${r.seconds}`.padStart(8),
  ];
  return cells.join("  ");
}

async function main(): Promise<void> {
  const { desktops, scenarios } = parseArgs(process.argv.slice(2));
  const probe = probePulumiCli();
  if (probe.missing || !probe.env) {
    console.error(`chaos: cannot run: ${probe.missing}`);
    process.exit(1);
  }
  ensureSdkBuilt(probe.env);
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarios) {
      console.error(`chaos: ${scenario} with ${desktops} desktops ...`);
      results.push(await runScenario(scenario, { desktops, workDir: join(probe.workDir, "chaos"), env: probe.env, log: (l) => console.error(l) }));
    }
  } finally {
    removeWorkDir(probe.workDir);
  }
  console.log(`scenario      desktops    runs  duplicates  orphans  lost  no changes  seconds`);
  for (const r of results) console.log(row(r));
  for (const r of results) {
    const extra = [...r.notes, ...(r.recovery.length > 0 ? [`recovery step: ${r.recovery.join("; ")}`] : [])];
    for (const note of extra) console.log(`  ${r.scenario}: ${note}`);
  }
}

await main();
