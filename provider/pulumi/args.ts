// The plugin's command line, as the Pulumi engine writes it: the engine's address, and optionally
// --logtostderr, -v=N and --tracing <endpoint>. Unknown flags are ignored rather than fatal, so a
// newer engine that adds one does not break the plugin.

export interface PluginArgs {
  engineAddress?: string;
  verbosity: number;
  logToStderr: boolean;
  tracing?: string;
}

/** Parses the engine's conventional plugin flags; the first other argument is the engine address. */
export function parsePluginArgs(argv: readonly string[]): PluginArgs {
  const args: PluginArgs = { verbosity: 0, logToStderr: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--logtostderr" || arg === "-logtostderr") args.logToStderr = true;
    else if (/^--?v=\d+$/.test(arg)) args.verbosity = Number(arg.split("=")[1]);
    else if (arg === "-v" || arg === "--v") args.verbosity = Number(argv[++i] ?? "0") || 0;
    else if (/^--?tracing=/.test(arg)) args.tracing = arg.slice(arg.indexOf("=") + 1);
    else if (arg === "--tracing" || arg === "-tracing") args.tracing = argv[++i];
    else if (arg.startsWith("-")) continue; // other engine flags are harmless to ignore
    else args.engineAddress ??= arg;
  }
  return args;
}
