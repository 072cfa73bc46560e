// Generates the reference docs from schema.json, in both registries' layouts:
//   Terraform/OpenTofu: docs/index.md, docs/resources/<name>.md, docs/data-sources/<name>.md,
//                       docs/functions/<name>.md (HCL examples, `tofu import`), docs/guides/
//                       (the VDI flows, in all five languages)
//   Pulumi:             docs/_index.md, docs/installation-configuration.md, docs/api/<name>.md
//                       (TypeScript, Python, Go and YAML examples, `pulumi import`)
// Every property's description, type, default and what a change does come from schema.json (and,
// for Terraform names, the provider's own Terraform view of it); examples from docs/examples.ts.
//
//   node scripts/gen-docs.ts            rewrite docs/ (commit it)
//   node scripts/gen-docs.ts --out DIR  write into DIR instead (the staleness test compares)

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pagesFor } from "./docs/site.ts";

const REPO_ROOT = resolve(import.meta.dirname, "..");

function main(argv: string[]): void {
  let out = join(REPO_ROOT, "docs");
  if (argv[0] === "--out") {
    if (!argv[1]) throw new Error("--out needs a directory");
    out = resolve(argv[1]);
  } else if (argv.length > 0) {
    throw new Error(`unknown argument '${argv[0]}' (expected --out DIR)`);
  }
  // Generated pages only: docs/ holds nothing written by hand, so a removed resource's page goes too.
  for (const dir of ["resources", "data-sources", "functions", "api", "guides"]) rmSync(join(out, dir), { recursive: true, force: true });
  const pages = pagesFor();
  for (const [file, text] of Object.entries(pages)) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), text);
  }
  console.log(`docs: ${Object.keys(pages).length} pages in ${out}`);
}

main(process.argv.slice(2));
