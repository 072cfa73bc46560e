#!/usr/bin/env node
// terraform-provider-ovirt_v<version>, as shipped in the release zip: Terraform or OpenTofu runs
// this file, and it runs the bundled front end (provider.mjs beside it, which reads the protocol
// files in proto/) on the `node` found on PATH. Like the Pulumi plugin's launcher it loads as
// CommonJS or as an ES module alike (only dynamic import), and it fails with a clear message on a
// Node.js older than 22. It writes nothing to stdout: that belongs to the plugin handshake.

/* global process */

const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(
    `terraform-provider-ovirt needs Node.js 22 or newer, but the node on PATH is ${process.version}; ` +
      "install Node.js 22+ or put it first on the PATH that terraform or tofu runs with\n",
  );
  process.exit(1);
}

Promise.all([import("node:module"), import("node:fs"), import("node:path"), import("node:url")])
  .then(([nodeModule, fs, path, url]) => {
    // Terraform starts the provider several times per command; the compile cache makes the later starts quicker.
    nodeModule.enableCompileCache?.();
    const here = path.dirname(fs.realpathSync(process.argv[1]));
    return import(url.pathToFileURL(path.join(here, "provider.mjs")).href);
  })
  .catch((err) => {
    process.stderr.write(`terraform-provider-ovirt failed to start: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exit(1);
  });
