#!/usr/bin/env node
// pulumi-resource-ovirt, as shipped in the release tarball: Pulumi runs this file, and it runs the
// bundled provider (pulumi-resource-ovirt.mjs beside it) on the `node` found on PATH. It is written
// to load as CommonJS or as an ES module alike (only dynamic import, no require or import.meta), so
// a package.json in some parent directory cannot break it, and it fails with a clear message on a
// Node.js older than 22.

/* global process */

const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(
    `pulumi-resource-ovirt needs Node.js 22 or newer, but the node on PATH is ${process.version}; ` +
      "install Node.js 22+ or put it first on PATH\n",
  );
  process.exit(1);
}

Promise.all([import("node:module"), import("node:fs"), import("node:path"), import("node:url")])
  .then(([nodeModule, fs, path, url]) => {
    // Before the bundle loads, so its compiled code lands in (and next time comes from) the cache.
    nodeModule.enableCompileCache?.();
    const here = path.dirname(fs.realpathSync(process.argv[1]));
    return import(url.pathToFileURL(path.join(here, "pulumi-resource-ovirt.mjs")).href);
  })
  .catch((err) => {
    process.stderr.write(`pulumi-resource-ovirt failed to start: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exit(1);
  });
