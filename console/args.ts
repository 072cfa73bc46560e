// The command line of `ovirt-console`: one desktop name and what to do with its console.

export type Action = { kind: "open" } | { kind: "print" } | { kind: "out"; file: string };

export interface ConsoleArgs {
  name: string;
  action: Action;
  /** Read the engine login (and the console policy's settings) from this Pulumi stack. */
  stack?: string;
  /** The Pulumi project directory for `--stack` (default: the current directory). */
  cwd?: string;
  /** Leave a VM that is down as it is, instead of starting it. */
  start: boolean;
  /** Seconds to wait for the VM to come up. */
  waitSeconds: number;
  /** A shorter ticket life than the policy's (never a longer one). */
  expirySeconds?: number;
}

export class UsageError extends Error {}

export const USAGE = `usage: ovirt-console <vm-or-pool-name> [--open | --print | --out FILE] [--stack STACK [--cwd DIR]] [--no-start] [--wait SECONDS] [--expiry SECONDS]

Opens the console of an oVirt desktop: a VM by name, or a desktop of a pool (the one you already
hold, or a free one the engine gives you). Logs in with OVIRT_URL, OVIRT_USERNAME, OVIRT_PASSWORD
(and OVIRT_CAFILE or OVIRT_INSECURE), or with the ovirt:* config of a Pulumi stack (--stack).

  --open        write the connection file to a private temporary file and run remote-viewer (default)
  --print       print the connection file, ticket included, on standard output
  --out FILE    write the connection file to FILE (mode 0600)
  --stack NAME  log in with the stack's provider config; its ConsolePolicy for the desktop sets
                the ticket's life and may disable the smartcard
  --cwd DIR     the Pulumi project directory for --stack (default: the current directory)
  --no-start    fail (exit 7) instead of starting a VM that is down
  --wait S      how long to wait for the VM to come up (default 300)
  --expiry S    a ticket that lives S seconds, when that is shorter than the policy's (default
                120 s, or the stack's ConsolePolicy ticketExpirySeconds)

Exit codes: 0 done; 1 engine or other error; 2 usage; 3 no such VM or pool for you (not entitled);
4 no desktop free in the pool; 5 console disabled (the VM has no graphics console); 6 remote-viewer
missing (--open); 7 the VM is down and --no-start was given.`;

function seconds(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number of seconds, not "${text}"`);
  return n;
}

export function parseArgs(argv: string[]): ConsoleArgs {
  const args: Partial<ConsoleArgs> & { start: boolean; waitSeconds: number } = { start: true, waitSeconds: 300 };
  const value = (flag: string, i: number): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const setAction = (action: Action): void => {
    if (args.action) throw new UsageError("give at most one of --open, --print and --out");
    args.action = action;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    switch (arg) {
      case "--open": setAction({ kind: "open" }); break;
      case "--print": setAction({ kind: "print" }); break;
      case "--out": setAction({ kind: "out", file: value(arg, i) }); i++; break;
      case "--stack": args.stack = value(arg, i); i++; break;
      case "--cwd": args.cwd = value(arg, i); i++; break;
      case "--no-start": args.start = false; break;
      case "--wait":
        args.waitSeconds = seconds(arg, value(arg, i));
        i++;
        break;
      case "--expiry":
        args.expirySeconds = seconds(arg, value(arg, i));
        i++;
        break;
      default:
        if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
        if (args.name !== undefined) throw new UsageError(`give one desktop name, not "${args.name}" and "${arg}"`);
        args.name = arg;
    }
  }
  if (!args.name) throw new UsageError("name the VM or pool whose console to open");
  return { ...args, name: args.name, action: args.action ?? { kind: "open" } };
}
