// Entry point for the Pulumi CLI. Its policy runner (@pulumi/pulumi/cmd/run-policy-pack) loads the
// package "main" with require() and hooks ts-node onto .ts files, which cannot compile this
// package's ESM with .ts import paths. So the entry is plain JavaScript: require() loads it as an
// ES module, and Node (22.18 or newer) strips the types of index.ts and what it imports itself.
import "./index.ts";
