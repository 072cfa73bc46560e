#!/usr/bin/env bash
# The Terraform/OpenTofu provider zip for `npm run dist`, which runs this script with an empty
# directory to write into and DIST_VERSION in the environment (scripts/dist/external.ts). The work
# is in scripts/dist/terraform.ts, run on the repository's own Node.
set -euo pipefail
repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$repo_dir/node_modules/.bin/node" --disable-warning=ExperimentalWarning "$repo_dir/scripts/dist/terraform.ts" "$@"
