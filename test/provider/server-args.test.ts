// The plugin's command line, as the engine writes it.

import { describe, expect, it } from "vitest";
import { parsePluginArgs } from "../../provider/pulumi/args.ts";

describe("parsePluginArgs", () => {
  it("takes the first plain argument as the engine address and reads the engine's flags", () => {
    expect(parsePluginArgs(["--logtostderr", "-v=9", "--tracing", "127.0.0.1:9411", "127.0.0.1:5050", "extra"])).toEqual({
      engineAddress: "127.0.0.1:5050",
      verbosity: 9,
      logToStderr: true,
      tracing: "127.0.0.1:9411",
    });
  });

  it("accepts the other spellings and ignores flags it does not know", () => {
    expect(parsePluginArgs(["-v", "3", "--tracing=x", "--unknown-flag", "host:1"])).toEqual({
      engineAddress: "host:1",
      verbosity: 3,
      logToStderr: false,
      tracing: "x",
    });
    expect(parsePluginArgs([])).toEqual({ verbosity: 0, logToStderr: false });
  });
});
