// With V8's defaults, the stream of short-lived objects each gRPC call makes (decoded Structs,
// parsed engine replies) grows the young generation to some 100 MB, and a command over 1,000
// resources peaked near 250 MB resident while the heap left after each full collection stayed
// near 30 MB. Optimizing for size has V8 collect sooner rather than grow, for some throughput the
// calls, which mostly wait on the engine, hardly show (figures: `npm run bench`). Set at run time
// the flag still takes effect (measured); `--max-semi-space-size` does not.
//
// Both plugin entry points call this once they have printed their port or handshake line and
// loaded their resources, not first: V8 ties compiled code to the flags in force, so once a flag
// changes, Node's own code cache for its built-in modules (http2 and tls, which gRPC loads before
// that line) is rejected and they are compiled from source, some 20 ms of CPU per start; and the
// self-contained executables' code cache (scripts/dist/sea-main.cjs, written just before this
// call) would be rejected at every later start.

import { setFlagsFromString } from "node:v8";

export function favourSmallHeap(): void {
  setFlagsFromString("--optimize-for-size");
}
