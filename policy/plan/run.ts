// The process entry of `ovirt-policy`: policy/bin/ovirt-policy in a clone, bundled into the policy
// tarball's bin/ovirt-policy for a release.
import { main } from "./cli.ts";

process.exitCode = main(process.argv.slice(2));
