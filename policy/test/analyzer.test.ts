// The pack as the Pulumi CLI runs it: started through @pulumi/pulumi's policy runner
// (cmd/run-policy-pack, which require()s the package "main" with ts-node hooked onto .ts files),
// then driven over the analyzer gRPC protocol the CLI speaks. This checks what the unit tests
// cannot: that the pack loads under the runner, that values arrive through the SDK's own
// deserializer and unknown-checking proxy, and that policy configuration changes levels.

import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNKNOWN_STRING } from "./unknowns.ts";

const require = createRequire(import.meta.url);
const packDir = fileURLToPath(new URL("..", import.meta.url));
const runnerPath = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
// Load protobuf, gRPC and the messages from @pulumi/pulumi's own location so instances match.
const fromPulumi = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_pb.js"));
/* eslint-disable @typescript-eslint/no-explicit-any -- generated protobuf classes have no typings here */
const pb: any = fromPulumi("./analyzer_pb.js");
const rpc: any = fromPulumi("./analyzer_grpc_pb.js");
const grpc: any = fromPulumi("@grpc/grpc-js");
const { Struct }: any = fromPulumi("google-protobuf/google/protobuf/struct_pb.js");
const { Empty }: any = fromPulumi("google-protobuf/google/protobuf/empty_pb.js");

const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
const nodeStripsTypes = major > 22 || (major === 22 && minor >= 18);
if (!nodeStripsTypes) {
  console.warn(`SKIPPED analyzer tests: Node ${process.versions.node} cannot strip TypeScript types (22.18+ needed)`);
}

const LEVEL = { advisory: 0, mandatory: 1 };

function urn(type: string, name: string): string {
  return `urn:pulumi:dev::vdi::${type}::${name}`;
}

function options(): any {
  const opts = new pb.AnalyzerResourceOptions();
  opts.setCustomtimeouts(new pb.AnalyzerResourceOptions.CustomTimeouts());
  return opts;
}

/** Fills in what AnalyzeRequest and AnalyzerResource both carry: type, name, URN, props, options. */
function describeResource(message: any, type: string, name: string, props: Record<string, unknown>): any {
  message.setType(type);
  message.setName(name);
  message.setUrn(urn(type, name));
  message.setProperties(Struct.fromJavaScript(props));
  message.setOptions(options());
  return message;
}

function analyzeRequest(type: string, name: string, props: Record<string, unknown>): any {
  return describeResource(new pb.AnalyzeRequest(), type, name, props);
}

function stackResource(type: string, name: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}): any {
  const resource = describeResource(new pb.AnalyzerResource(), type, name, props);
  for (const [input, urns] of Object.entries(deps)) {
    const d = new pb.AnalyzerPropertyDependencies();
    d.setUrnsList(urns);
    resource.getPropertydependenciesMap().set(input, d);
    for (const u of urns) resource.addDependencies(u);
  }
  return resource;
}

interface Diagnostic {
  policy: string;
  level: number;
  message: string;
  urn: string;
}

describe.skipIf(!nodeStripsTypes)("the pack under Pulumi's policy runner", () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  let client: any;
  let stderr = "";

  function call<T>(method: string, request: unknown): Promise<T> {
    return new Promise((resolve, reject) => {
      client[method](request, (err: Error | null, response: T) => (err ? reject(err) : resolve(response)));
    });
  }

  async function diagnostics(method: "analyze" | "analyzeStack", request: unknown): Promise<Diagnostic[]> {
    const response: any = await call(method, request);
    return response.getDiagnosticsList().map((d: any) => ({
      policy: d.getPolicyname(),
      level: d.getEnforcementlevel(),
      message: d.getMessage(),
      urn: d.getUrn(),
    }));
  }

  beforeAll(async () => {
    const started = spawn(process.execPath, [runnerPath, "127.0.0.1:0", packDir], { cwd: packDir });
    child = started;
    started.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the pack printed no port within 30 s; stderr: ${stderr}`)), 30_000);
      let stdout = "";
      started.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^(\d+)\s*$/m.exec(stdout);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      started.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the pack exited with ${code}; stderr: ${stderr}`));
      });
    });
    client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  }, 40_000);

  afterAll(() => {
    client?.close();
    child?.kill();
  });

  it("describes every policy with its default level", async () => {
    const info: any = await call("getAnalyzerInfo", new Empty());
    expect(info.getName()).toBe("ovirt-smartcard-vdi");
    expect(info.getVersion()).toBe("0.1.0");
    const levels = Object.fromEntries(info.getPoliciesList().map((p: any) => [p.getName(), p.getEnforcementlevel()]));
    expect(levels).toEqual({
      "smartcard-requires-spice-and-usb": LEVEL.mandatory,
      "desktop-pools-require-smartcard": LEVEL.advisory,
      "console-ticket-expiry-limit": LEVEL.mandatory,
      "smartcard-console-locks-on-disconnect": LEVEL.mandatory,
      "smartcard-targets-lock-on-disconnect": LEVEL.mandatory,
      "guest-agent-sso-requires-opt-in": LEVEL.advisory,
      "pool-vm-names-not-reused": LEVEL.mandatory,
      "pool-capacity-limit": LEVEL.mandatory,
      "pool-desktops-need-allowed-network": LEVEL.advisory,
      "pools-entitled-by-groups": LEVEL.advisory,
      "windows11-needs-secure-boot-and-tpm": LEVEL.mandatory,
      "pool-desktops-need-soundcard": LEVEL.advisory,
    });
  });

  it("fails a smartcard VM on VNC with the mandatory message", async () => {
    const found = await diagnostics("analyze", analyzeRequest("ovirt:index:Vm", "desk", { name: "desk", smartcardEnabled: true, displayType: "vnc" }));
    expect(found).toEqual([
      {
        policy: "smartcard-requires-spice-and-usb",
        level: LEVEL.mandatory,
        message: expect.stringContaining('Vm "desk": smartcardEnabled is true but displayType is "vnc".'),
        urn: "",
      },
    ]);
  });

  it("reports nothing, not even a 'cannot run during preview' note, for unknown values", async () => {
    const found = await diagnostics("analyze", analyzeRequest("ovirt:index:Vm", "desk", { name: "desk", smartcardEnabled: true, displayType: UNKNOWN_STRING }));
    expect(found).toEqual([]);
  });

  it("correlates a ConsolePolicy with its smartcard VM at stack level", async () => {
    const request = new pb.AnalyzeStackRequest();
    request.addResources(stackResource("ovirt:index:Vm", "desk", { name: "desk", smartcardEnabled: true, vmId: UNKNOWN_STRING }));
    request.addResources(
      stackResource("ovirt:index:ConsolePolicy", "cp", { vmId: UNKNOWN_STRING, disconnectAction: "none", ticketExpirySeconds: 120 }, { vmId: [urn("ovirt:index:Vm", "desk")] }),
    );
    const found = await diagnostics("analyzeStack", request);
    expect(found).toEqual([
      {
        policy: "smartcard-targets-lock-on-disconnect",
        level: LEVEL.mandatory,
        message: expect.stringContaining('ConsolePolicy "cp" governs Vm "desk", which passes a smartcard through'),
        urn: urn("ovirt:index:ConsolePolicy", "cp"),
      },
    ]);
  });

  it("turns an advisory policy mandatory, with its allow-list, through policy configuration", async () => {
    const pool = (name: string) => analyzeRequest("ovirt:index:Pool", name, { name, template: "gold", smartcardEnabled: false });
    expect((await diagnostics("analyze", pool("sales"))).map((d) => d.level)).toEqual([LEVEL.advisory]);

    const configure = new pb.ConfigureAnalyzerRequest();
    const config = new pb.PolicyConfig();
    config.setEnforcementlevel(LEVEL.mandatory);
    config.setProperties(Struct.fromJavaScript({ exemptPools: ["kiosk"] }));
    configure.getPolicyconfigMap().set("desktop-pools-require-smartcard", config);
    await call("configure", configure);

    expect((await diagnostics("analyze", pool("sales"))).map((d) => [d.policy, d.level])).toEqual([["desktop-pools-require-smartcard", LEVEL.mandatory]]);
    expect(await diagnostics("analyze", pool("kiosk"))).toEqual([]);
  });
  it("follows Pool → Template → Vm for the NIC policy once allowedNetworks is configured, and is silent before", async () => {
    const stack = () => {
      const request = new pb.AnalyzeStackRequest();
      request.addResources(stackResource("ovirt:index:Vm", "golden", { name: "golden", template: "Blank", vmId: UNKNOWN_STRING, nics: [{ name: "nic1", network: "dmz", interface: "virtio" }] }));
      request.addResources(stackResource("ovirt:index:Template", "gold", { name: "gold", sourceVm: UNKNOWN_STRING }, { sourceVm: [urn("ovirt:index:Vm", "golden")] }));
      request.addResources(stackResource("ovirt:index:Pool", "sales", { name: "sales-???", template: UNKNOWN_STRING, smartcardEnabled: true }, { template: [urn("ovirt:index:Template", "gold")] }));
      return request;
    };
    expect((await diagnostics("analyzeStack", stack())).filter((d) => d.policy === "pool-desktops-need-allowed-network")).toEqual([]);

    const configure = new pb.ConfigureAnalyzerRequest();
    const config = new pb.PolicyConfig();
    config.setEnforcementlevel(LEVEL.mandatory);
    config.setProperties(Struct.fromJavaScript({ allowedNetworks: ["vdi"] }));
    configure.getPolicyconfigMap().set("pool-desktops-need-allowed-network", config);
    await call("configure", configure);

    expect((await diagnostics("analyzeStack", stack())).filter((d) => d.policy === "pool-desktops-need-allowed-network")).toEqual([
      {
        policy: "pool-desktops-need-allowed-network",
        level: LEVEL.mandatory,
        message: expect.stringContaining('its desktops get only nic1 on network "dmz" from Vm "golden" (through Template "gold"), so none is on an allowed network'),
        urn: urn("ovirt:index:Pool", "sales"),
      },
    ]);
  });
});
