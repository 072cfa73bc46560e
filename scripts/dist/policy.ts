// The policy pack as a tarball: unpack it and pass the directory to `pulumi preview --policy-pack`.
// Nothing to install and no TypeScript at run time:
//   index.js          the pack (policy/index.ts) bundled with @pulumi/policy and @pulumi/pulumi;
//   node_modules/@pulumi/pulumi/cmd/run-policy-pack
//                     Pulumi's own policy runner, bundled: a Node.js language host starts every pack
//                     through the copy it finds there;
//   bin/ovirt-policy  the same rules for Terraform and OpenTofu plans (policy/plan), one bundled script;
//   PulumiPolicy.yaml, package.json, README.md, examples/.
//
// The runner registers ts-node for .ts files unless it runs on Bun. This pack is JavaScript, and a
// plain Node has no ts-node to load, so the bundled runner is built with that switch off.

import { chmodSync, copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, type BuildOptions, type Plugin } from "esbuild";
import { NODE_BUNDLE_OPTIONS, writeTarball, type ArtifactStep } from "./artifacts.ts";

const RUNNER = "@pulumi/pulumi/cmd/run-policy-pack/index.js";
const TYPESCRIPT_SWITCH = "typeScript: !process.versions.bun";

/** Turns the runner's ts-node registration off, failing the build if Pulumi's code has changed. */
const runnerWithoutTsNode: Plugin = {
  name: "run-policy-pack-without-ts-node",
  setup(b) {
    b.onLoad({ filter: /[\\/]cmd[\\/]run-policy-pack[\\/]index\.js$/ }, (args) => {
      const code = readFileSync(args.path, "utf8");
      if (!code.includes(TYPESCRIPT_SWITCH)) {
        throw new Error(`${args.path} no longer contains "${TYPESCRIPT_SWITCH}"; update scripts/dist/policy.ts for this @pulumi/pulumi`);
      }
      return { contents: code.replace(TYPESCRIPT_SWITCH, "typeScript: false"), loader: "js" };
    });
  },
};

/**
 * @pulumi/pulumi loads TypeScript's compiler for function serialization and component analysis,
 * neither of which a policy pack uses. The bundles get a stand-in that fails with a clear message
 * if something does reach for it, instead of 9 MB of compiler.
 */
const typescriptStandIn: Plugin = {
  name: "typescript-stand-in",
  setup(b) {
    b.onResolve({ filter: /^typescript$/ }, () => ({ path: "typescript", namespace: "stand-in" }));
    b.onLoad({ filter: /.*/, namespace: "stand-in" }, () => ({
      contents: `module.exports = new Proxy({}, { get(_, key) {
        if (key === "__esModule" || typeof key === "symbol") return undefined;
        throw new Error("the bundled policy pack has no TypeScript compiler (asked for typescript." + String(key) + ")");
      } });`,
      loader: "js",
    }));
  },
};

export const policyStep: ArtifactStep = {
  name: "policy pack",
  async build(ctx) {
    const packName = `pulumi-ovirt-policy-${ctx.version}`;
    const packDir = join(ctx.workDir, packName);
    const policyDir = join(ctx.repoRoot, "policy");
    const pulumiDir = join(ctx.repoRoot, "node_modules/@pulumi/pulumi");
    const common: BuildOptions = {
      ...NODE_BUNDLE_OPTIONS,
      absWorkingDir: ctx.repoRoot,
      format: "cjs",
      // ts-node is only loaded for TypeScript programs, which a bundled pack is not; node-gyp only
      // by the automation API's npm support, which a pack does not use.
      external: ["ts-node", "node-gyp/*"],
      plugins: [typescriptStandIn],
    };

    await build({ ...common, entryPoints: ["policy/index.ts"], outfile: join(packDir, "index.js") });
    await build({
      ...common,
      entryPoints: [join(ctx.repoRoot, "node_modules", RUNNER)],
      outfile: join(packDir, "node_modules", RUNNER),
      plugins: [typescriptStandIn, runnerWithoutTsNode],
    });

    // The plan checker needs neither Pulumi package: only the rules and schema.json.
    const planChecker = join(packDir, "bin/ovirt-policy");
    await build({ ...NODE_BUNDLE_OPTIONS, absWorkingDir: ctx.repoRoot, format: "cjs", entryPoints: ["policy/plan/run.ts"], outfile: planChecker, banner: { js: "#!/usr/bin/env node" } });
    chmodSync(planChecker, 0o755);

    const pulumiPackage = JSON.parse(readFileSync(join(pulumiDir, "package.json"), "utf8")) as { version: string; license: string };
    writeJson(join(packDir, "node_modules/@pulumi/pulumi/package.json"), {
      name: "@pulumi/pulumi",
      version: pulumiPackage.version,
      license: pulumiPackage.license,
      description: "Only Pulumi's policy-pack runner, bundled by pulumi-ovirt's release build",
    });
    const source = JSON.parse(readFileSync(join(policyDir, "package.json"), "utf8")) as { name: string; description: string; license: string };
    writeJson(join(packDir, "package.json"), {
      name: source.name,
      version: ctx.version,
      description: source.description,
      license: source.license,
      main: "index.js",
      bin: { "ovirt-policy": "bin/ovirt-policy" },
      engines: { node: ">=22" },
    });
    copyFileSync(join(policyDir, "PulumiPolicy.yaml"), join(packDir, "PulumiPolicy.yaml"));
    copyFileSync(join(policyDir, "README.md"), join(packDir, "README.md"));
    cpSync(join(policyDir, "examples"), join(packDir, "examples"), { recursive: true });

    const tarball = `${packName}.tar.gz`;
    await writeTarball(ctx.workDir, [packName], join(ctx.outDir, tarball));
    return { artifacts: [tarball] };
  },
};

function writeJson(file: string, value: unknown): void {
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
