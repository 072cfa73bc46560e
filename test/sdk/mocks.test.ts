// The TypeScript SDK (the built sdk/nodejs/bin) under pulumi.runtime.setMocks: what each class
// sends to the engine, what it reads back, and that secrets stay secret.
import { createRequire } from "node:module";
import { join } from "node:path";
import type * as PulumiSdk from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { SDK_DIR, ensureSdkBuilt } from "./helpers.ts";

// Both the SDK and @pulumi/pulumi are CommonJS; loading them through one `require` keeps a single
// copy of the Pulumi runtime, so the mocks installed here are the ones the SDK talks to.
const require = createRequire(import.meta.url);
const pulumi = require("@pulumi/pulumi") as typeof PulumiSdk;

type Outputs = Record<string, PulumiSdk.Output<unknown>>;
type ResourceClass<T> = (new (name: string, args: Record<string, unknown>, opts?: PulumiSdk.CustomResourceOptions) => T) & {
  __pulumiType: string;
  isInstance(obj: unknown): boolean;
};
/** The part of the generated SDK these tests use (its own types live in its .d.ts files). */
interface OvirtSdk {
  Vm: ResourceClass<PulumiSdk.CustomResource & Outputs>;
  Template: ResourceClass<PulumiSdk.CustomResource & Outputs>;
  Pool: ResourceClass<PulumiSdk.CustomResource & Outputs>;
  ConsolePolicy: ResourceClass<PulumiSdk.CustomResource & Outputs>;
  Provider: new (name: string, args: Record<string, unknown>, opts?: PulumiSdk.ResourceOptions) => PulumiSdk.ProviderResource;
  previewDomainXml(args: Record<string, unknown>): Promise<{ xml: string }>;
  previewDomainXmlOutput(args: Record<string, unknown>): PulumiSdk.Output<{ xml: string }>;
  DisplayType: Record<string, string>;
}

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  provider?: string;
}
const registered: Registered[] = [];
const calls: { token: string; inputs: Record<string, unknown> }[] = [];
const captured = new Map<string, { props: Record<string, unknown>; opts: PulumiSdk.CustomResourceOptions }>();

/** What the provider would answer, enough for the SDK to have real outputs to read. */
function engineOutputs(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const smartcard = inputs["smartcardEnabled"] === true;
  const console = inputs["displayType"] === "vnc" ? "VNC" : smartcard ? "Spice with Smartcard" : "Spice";
  switch (type) {
    case "ovirt:index:Vm":
      return { vmId: `vm-${name}`, status: "down", consoleDescription: console, pendingRestart: false, domainXml: `<domain>${name}</domain>` };
    case "ovirt:index:Template":
      return { consoleDescription: console };
    case "ovirt:index:Pool":
      return { poolId: `pool-${name}`, vmNames: [`${String(inputs["name"])}-1`, `${String(inputs["name"])}-2`], consoleDescription: console };
    case "ovirt:index:ConsolePolicy":
      return {
        effectiveSmartcard: true,
        consoleDescription: "Spice with Smartcard",
        // The engine marks this output secret; the SDK must keep it that way.
        remoteViewerFile: pulumi.secret("[virt-viewer]\ntype=spice\nenable-smartcard=1\n"),
      };
    default:
      return {};
  }
}

/** Resolves an output's value (mocks run as an update, so values are known). */
function valueOf<T>(output: PulumiSdk.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

/** Records what a resource's constructor hands to the Pulumi runtime (props and options). */
const capture: PulumiSdk.ResourceTransformation = (args) => {
  captured.set(args.name, { props: args.props as Record<string, unknown>, opts: args.opts as PulumiSdk.CustomResourceOptions });
  return undefined;
};

let ovirt: OvirtSdk;

beforeAll(async () => {
  ensureSdkBuilt();
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown>, provider: args.provider });
        const id = args.type.startsWith("pulumi:providers:") ? `${args.name}-provider-id` : `${args.name}-id`;
        return { id, state: { ...args.inputs, ...engineOutputs(args.type, args.name, args.inputs as Record<string, unknown>) } };
      },
      call(args) {
        calls.push({ token: args.token, inputs: args.inputs as Record<string, unknown> });
        if (args.token !== "ovirt:index:previewDomainXml") throw new Error(`unexpected call ${args.token}`);
        const card = args.inputs["smartcardEnabled"] ? '<smartcard mode="passthrough" type="spicevmc"/>' : "";
        return { xml: `<domain><name>${String(args.inputs["name"])}</name>${card}</domain>` };
      },
    },
    "sdk-test",
    "dev",
    false,
  );
  ovirt = require(join(SDK_DIR, "bin")) as OvirtSdk;
}, 120_000);

const inputsOf = (name: string): Record<string, unknown> => {
  const found = registered.find((r) => r.name === name);
  if (!found) throw new Error(`${name} was never registered`);
  return found.inputs;
};

describe("the generated TypeScript SDK under setMocks", () => {
  it("Vm registers ovirt:index:Vm with its inputs and reads back the engine's outputs", async () => {
    const vm = new ovirt.Vm("desk", { name: "desk-01", displayType: ovirt.DisplayType["Spice"], smartcardEnabled: true, memoryMb: 4096 });
    expect(ovirt.Vm.__pulumiType).toBe("ovirt:index:Vm");
    expect(ovirt.Vm.isInstance(vm)).toBe(true);
    expect(ovirt.Pool.isInstance(vm)).toBe(false);
    expect(await valueOf(vm["vmId"] as PulumiSdk.Output<string>)).toBe("vm-desk");
    expect(await valueOf(vm["consoleDescription"] as PulumiSdk.Output<string>)).toBe("Spice with Smartcard");
    expect(await valueOf(vm.id)).toBe("desk-id");
    expect(registered.find((r) => r.name === "desk")?.type).toBe("ovirt:index:Vm");
    expect(inputsOf("desk")).toMatchObject({ name: "desk-01", displayType: "spice", smartcardEnabled: true, memoryMb: 4096 });
  });

  it("Template and Pool chain through outputs: the template gets the VM's id, the pool the template's", async () => {
    const golden = new ovirt.Vm("golden", { name: "golden", smartcardEnabled: true });
    const template = new ovirt.Template("tpl", { name: "tpl", sourceVm: golden["vmId"], smartcardEnabled: true });
    const pool = new ovirt.Pool("pool", { name: "desk", template: template.id, size: 2, smartcardEnabled: true });
    expect(await valueOf(pool["vmNames"] as PulumiSdk.Output<string[]>)).toEqual(["desk-1", "desk-2"]);
    expect(inputsOf("tpl")).toMatchObject({ sourceVm: "vm-golden" });
    expect(inputsOf("pool")).toMatchObject({ template: "tpl-id", size: 2 });
    expect(await valueOf(template["consoleDescription"] as PulumiSdk.Output<string>)).toBe("Spice with Smartcard");
  });

  it("ConsolePolicy asks for remoteViewerFile to be secret, and the output stays secret", async () => {
    const policy = new ovirt.ConsolePolicy(
      "policy",
      { poolId: "pool-1", sso: "guest_agent", disconnectAction: "lock_screen" },
      { transformations: [capture] },
    );
    expect(captured.get("policy")?.opts.additionalSecretOutputs).toContain("remoteViewerFile");
    const viewerFile = policy["remoteViewerFile"] as PulumiSdk.Output<string>;
    expect(await pulumi.isSecret(viewerFile)).toBe(true);
    expect(await valueOf(viewerFile)).toContain("enable-smartcard=1");
    expect(await pulumi.isSecret(policy["consoleDescription"] as PulumiSdk.Output<string>)).toBe(false);
    expect(inputsOf("policy")).toMatchObject({ poolId: "pool-1", sso: "guest_agent", disconnectAction: "lock_screen" });
  });

  it("Provider is pulumi:providers:ovirt, wraps the password as a secret, and resources can use it", async () => {
    const provider = new ovirt.Provider("engine", {
      url: "https://engine.example/ovirt-engine/api",
      username: "admin@internal",
      password: "not-a-real-password",
    });
    const vm = new ovirt.Vm("with-provider", { name: "p-01" }, { provider, transformations: [capture] });
    await valueOf(vm.id);
    const providerRecord = registered.find((r) => r.name === "engine");
    expect(providerRecord?.type).toBe("pulumi:providers:ovirt");
    expect(providerRecord?.inputs).toMatchObject({ url: "https://engine.example/ovirt-engine/api", username: "admin@internal" });
    expect(registered.find((r) => r.name === "with-provider")?.provider).toMatch(/^urn:pulumi:dev::sdk-test::pulumi:providers:ovirt::engine::/);

    // The constructor wraps the password in pulumi.secret before the runtime sees it.
    new ovirt.Provider("engine-2", { url: "https://e/ovirt-engine/api", password: "another" }, { transformations: [capture] });
    const handed = captured.get("engine-2")?.props["password"];
    expect(pulumi.Output.isInstance(handed)).toBe(true);
    expect(await pulumi.isSecret(handed as PulumiSdk.Output<string>)).toBe(true);
    expect(captured.get("engine-2")?.props["url"]).toBe("https://e/ovirt-engine/api");
  });

  it("previewDomainXml invokes ovirt:index:previewDomainXml, as a promise and as an output", async () => {
    const direct = await ovirt.previewDomainXml({ name: "preview-01", smartcardEnabled: true, displayType: "spice" });
    expect(direct.xml).toContain('<smartcard mode="passthrough" type="spicevmc"/>');
    const asOutput = ovirt.previewDomainXmlOutput({ name: pulumi.output("preview-02"), smartcardEnabled: false });
    const xml = (await valueOf(asOutput)).xml;
    expect(xml).toContain("<name>preview-02</name>");
    expect(xml).not.toContain("<smartcard");
    expect(calls.map((c) => c.token)).toEqual(["ovirt:index:previewDomainXml", "ovirt:index:previewDomainXml"]);
    expect(calls[0]?.inputs).toMatchObject({ name: "preview-01", smartcardEnabled: true, displayType: "spice" });
  });
});
