// Reading the Pulumi engine's event stream (`--json` with PULUMI_ENABLE_STREAMING_JSON_PREVIEW):
// one JSON event per line, the same events the CLI's progress display is drawn from.

export interface StepMetadata {
  op: string;
  urn: string;
  type: string;
  diffs?: string[];
  keys?: string[];
  detailedDiff?: Record<string, { diffKind: string; inputDiff?: boolean }> | null;
  old?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> } | null;
  new?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> } | null;
}

export interface EngineEvents {
  /** A resourcePreEvent per planned step (what the plan will do). */
  steps: StepMetadata[];
  /** A resOutputsEvent per finished step (with the outputs known at that point). */
  outputs: StepMetadata[];
  summary?: { resourceChanges: Record<string, number>; result: string; isPreview: boolean };
  diagnostics: { severity: string; message: string }[];
}

export function parseEvents(stdout: string): EngineEvents {
  const events: EngineEvents = { steps: [], outputs: [], diagnostics: [] };
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const event = JSON.parse(line) as Record<string, unknown>;
    const pre = event["resourcePreEvent"] as { metadata: StepMetadata } | undefined;
    const out = event["resOutputsEvent"] as { metadata: StepMetadata } | undefined;
    const diag = event["diagnosticEvent"] as { severity: string; message: string } | undefined;
    if (pre) events.steps.push(pre.metadata);
    if (out) events.outputs.push(out.metadata);
    if (diag) events.diagnostics.push(diag);
    if (event["summaryEvent"]) events.summary = event["summaryEvent"] as EngineEvents["summary"];
  }
  return events;
}

/** The resource's Pulumi name, the last part of its URN. */
export function nameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** Ops planned per resource name, e.g. { desktops: ["create-replacement", "replace", "delete-replaced"] }. */
export function opsByName(steps: StepMetadata[]): Record<string, string[]> {
  const ops: Record<string, string[]> = {};
  for (const step of steps) (ops[nameOf(step.urn)] ??= []).push(step.op);
  return ops;
}

/** Errors the engine reported, for failure messages. */
export function errorsIn(events: EngineEvents): string {
  return events.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => d.message)
    .join("\n");
}
