// Both plugin entry points call this first. With V8's defaults, the stream of short-lived objects
// each gRPC call makes (decoded Structs, parsed engine replies) grows the young generation to some
// 100 MB, and a command over 1,000 resources peaked near 250 MB resident while the heap left after
// each full collection stayed near 30 MB. Optimizing for size has V8 collect sooner rather than
// grow, for some throughput the calls, which mostly wait on the engine, hardly show (figures:
// `npm run bench`). Set at run time the flag still takes effect (measured); `--max-semi-space-size`
// does not, and the release launchers (`#!/usr/bin/env node`) cannot pass command-line flags.

import { setFlagsFromString } from "node:v8";

export function favourSmallHeap(): void {
  setFlagsFromString("--optimize-for-size");
}
