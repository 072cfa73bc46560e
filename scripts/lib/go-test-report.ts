// Reads `go tool test2json` events (one JSON object a line) from a file and prints, per top-level
// test, "PASS|FAIL|SKIP <name>", with "<name>: <reason>" for failures (the first line of the test's
// own output that explains it). Used by scripts/lib/go-conformance.sh; parallel tests interleave
// their output, which test2json attributes to the right test.
import { readFileSync } from "node:fs";

interface Event {
  Action: string;
  Test?: string;
  Output?: string;
}

const events: Event[] = [];
for (const line of readFileSync(process.argv[2] ?? "/dev/stdin", "utf8").split("\n")) {
  if (!line.startsWith("{")) continue;
  try {
    events.push(JSON.parse(line) as Event);
  } catch {
    // A line cut short by a crash: the tests it belonged to count as unreported.
  }
}

const results = new Map<string, string>();
const output = new Map<string, string[]>();
for (const e of events) {
  if (!e.Test) continue;
  const top = e.Test.split("/")[0] ?? e.Test;
  if (e.Action === "output" && e.Output) {
    const lines = output.get(top) ?? [];
    lines.push(e.Output.trim());
    output.set(top, lines);
  }
  if (e.Test === top && (e.Action === "pass" || e.Action === "fail" || e.Action === "skip")) results.set(top, e.Action);
}

/** The line that says why: a test helper's or assertion's message, not the client's retry chatter. */
function reason(name: string): string {
  const lines = (output.get(name) ?? []).filter((l) => l !== "" && !/^(=== |--- )/.test(l));
  // The test's own verdict (a *_test.go line) first, then anything else but the client's retry chatter.
  const own = lines.filter((l) => /^\w+_test\.go:\d+: /.test(l) && /fail|error|panic|unexpected|incorrect|expected|not |mismatch|invalid/i.test(l));
  const telling = lines.filter((l) => !/^retry\.go:\d+: /.test(l));
  const found = own[0] ?? telling.find((l) => /fail|error|panic|unexpected|expected|not /i.test(l)) ?? telling[0] ?? lines[0] ?? "(no output)";
  return found.replace(/\s+/g, " ").slice(0, 300);
}

for (const [name, action] of [...results.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${action.toUpperCase()} ${name}${action === "fail" ? `: ${reason(name)}` : ""}`);
}
