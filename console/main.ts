// `ovirt-console <vm-or-pool-name> [--open | --print | --out FILE]`: opens an oVirt desktop's
// console with a fresh ticket. Usage, exit codes and security notes: args.ts and the README's
// "Open a desktop". The ticket appears only in the file written or printed, never in messages.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createConsoleClient, isEngineError } from "../provider/engine/index.ts";
import { parseArgs, USAGE, UsageError, type ConsoleArgs } from "./args.ts";
import { openDesktop, type OpenedConsole } from "./desktop.ts";
import { ConsoleFailure, EXIT } from "./errors.ts";
import { consoleSideFrom, engineConfig, LoginError, stackProviderConfig, stackResources } from "./login.ts";
import { findViewer, startViewer, VIEWER_INSTALL_HINT } from "./viewer.ts";

const say = (line: string): void => void process.stderr.write(`ovirt-console: ${line}\n`);

/** Writes the file readable by its owner only, also when it existed with wider permissions. */
function writePrivate(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}

function describe(opened: OpenedConsole): string {
  const card = opened.protocol === "spice" ? `, smartcard ${opened.smartcard ? "on" : "off"}` : "";
  return `${opened.vm.name} (${opened.protocol}${card}): ticket valid for ${opened.expirySeconds} s`;
}

async function run(args: ConsoleArgs): Promise<void> {
  // Before any ticket is issued: a missing viewer is known without asking the engine.
  const viewer = args.action.kind === "open" ? findViewer(process.env) : undefined;
  if (args.action.kind === "open" && !viewer) throw new ConsoleFailure(EXIT.viewerMissing, `remote-viewer is not installed: ${VIEWER_INSTALL_HINT}`);
  const stackConfig = args.stack ? await stackProviderConfig(args.stack, args.cwd) : {};
  const resources = args.stack ? await stackResources(args.stack, args.cwd) : [];
  const client = createConsoleClient(engineConfig(process.env, stackConfig));
  try {
    const opened = await openDesktop(client, {
      name: args.name,
      start: args.start,
      waitSeconds: args.waitSeconds,
      expirySeconds: args.expirySeconds,
      consoleSide: async (target) => consoleSideFrom(resources, target),
      say,
    });
    if (args.action.kind === "print") {
      process.stdout.write(opened.vv);
      say(describe(opened));
    } else if (args.action.kind === "out") {
      const file = resolve(args.action.file);
      writePrivate(file, opened.vv);
      say(`${describe(opened)}; written to ${file} (mode 0600)`);
    } else {
      const file = join(mkdtempSync(join(tmpdir(), "ovirt-console-")), `${opened.vm.name.replace(/[^\w.-]+/g, "_")}.vv`);
      writePrivate(file, opened.vv);
      const pid = await startViewer(viewer!, file);
      say(`${describe(opened)}; remote-viewer started (pid ${pid}; it deletes ${file} once read)`);
    }
  } finally {
    client.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let args: ConsoleArgs;
  try {
    if (argv.includes("--help") || argv.includes("-h")) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    say(err.message);
    process.stderr.write(`${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    await run(args);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof ConsoleFailure) {
      say(err.message);
      return err.exitCode;
    }
    if (err instanceof LoginError || isEngineError(err)) {
      say(err.message);
      return EXIT.failed;
    }
    throw err;
  }
}

// The entry point (also of the release bundle): nothing imports this file.
process.exitCode = await main(process.argv.slice(2));
