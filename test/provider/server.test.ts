// Protocol behaviour of the gRPC server with fake handlers, in-process over a real gRPC socket:
// configuration, secrets, unknowns, detailed diffs, partial failures, refresh vs import, Cancel.

import { readFileSync } from "node:fs";
import { status as grpcStatus } from "@grpc/grpc-js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EngineClient, EngineConfig } from "../../provider/engine/index.ts";
import { PartialFailure, UNKNOWN as CORE_UNKNOWN, type FunctionHandler, type PropertyMap, type ResourceContext, type ResourceHandler } from "../../provider/resources/types.ts";
import { createProviderServer, type ProviderServer, type ProviderServerOptions } from "../../provider/pulumi/index.ts";
import { provider as providerPb } from "../../provider/pulumi/proto.ts";
import { connectProvider, isSecret, ProviderCallError, rejection, reveal, secret, UNKNOWN, type ProviderClient } from "./harness.ts";

const PASSWORD = "S3cr3t-pa55word!";
const VM = "ovirt:index:Vm";
const POLICY = "ovirt:index:ConsolePolicy";
const PREVIEW_FN = "ovirt:index:previewDomainXml";

interface Recorded {
  method: string;
  args: unknown[];
  ctx?: { engine: boolean; preview: boolean };
}

const calls: Recorded[] = [];
const engineConfigs: EngineConfig[] = [];
const logLines: string[] = [];
let cancelled = 0;

function record(method: string, ctx: ResourceContext | undefined, ...args: unknown[]): void {
  calls.push({ method, args: structuredClone(args), ctx: ctx ? { engine: ctx.engine !== undefined, preview: ctx.preview } : undefined });
}

const fakeEngine = { ping: async () => ({ version: "4.5" }) } as unknown as EngineClient;

const fakeVm: ResourceHandler = {
  token: VM,
  label: "VM",
  async check({ news, olds }, ctx) {
    record("check", ctx, news, olds);
    const failures = news.name === "" ? [{ property: "name", reason: "name must not be empty" }] : [];
    return { inputs: { smartcardEnabled: false, ...news }, failures };
  },
  async diff({ id, olds, news, oldInputs }) {
    record("diff", undefined, id, olds, news, oldInputs);
    const detailedDiff: Record<string, "update"> = {};
    for (const key of new Set([...Object.keys(oldInputs), ...Object.keys(news)])) {
      if (JSON.stringify(oldInputs[key]) !== JSON.stringify(news[key])) detailedDiff[key] = "update";
    }
    const replaces = "cluster" in detailedDiff ? ["cluster"] : [];
    return { changes: Object.keys(detailedDiff).length > 0, replaces, detailedDiff, deleteBeforeReplace: replaces.length > 0 };
  },
  async create({ inputs }, ctx) {
    record("create", ctx, inputs);
    if (inputs.name === "slow") throw new PartialFailure("vm-slow", { ...inputs, status: "image_locked" }, ["VM vm-slow did not become down within 10 s"]);
    if (inputs.name === "leaky") throw new Error(`engine login failed for admin@internal with password ${PASSWORD}`);
    if (inputs.name === "buggy") throw new TypeError("cannot read properties of undefined (reading 'id')");
    if (ctx.engine) await ctx.engine.ping();
    return { id: ctx.preview ? "" : "vm-1", outputs: { ...inputs, vmId: ctx.preview ? UNKNOWN : "vm-1", status: ctx.preview ? UNKNOWN : "down" } };
  },
  async read({ id, olds, oldInputs }, ctx) {
    record("read", ctx, id, olds, oldInputs);
    if (id.startsWith("gone")) return undefined;
    return { id, outputs: { name: "imported", vmId: id, status: "down", token: olds.token }, inputs: { name: "imported", token: oldInputs.token } };
  },
  async update({ id, olds, news, oldInputs }, ctx) {
    record("update", ctx, id, olds, news, oldInputs);
    return { ...olds, ...news };
  },
  async delete({ id, olds }, ctx) {
    record("delete", ctx, id, olds);
  },
};

const fakePolicy: ResourceHandler = {
  ...fakeVm,
  token: POLICY,
  async create({ inputs }, ctx) {
    record("create", ctx, inputs);
    return { id: "policy-1", outputs: { ...inputs, remoteViewerFile: "[virt-viewer]\ntype=spice\n" } };
  },
};

const fakePreview: FunctionHandler = {
  token: PREVIEW_FN,
  async invoke(inputs, ctx) {
    record("invoke", ctx, inputs);
    if (inputs.monitors === 3) return { outputs: {}, failures: [{ property: "monitors", reason: "monitors must be 1, 2 or 4" }] };
    return { outputs: { xml: `<domain><name>${String(inputs.name)}</name></domain>` }, failures: [] };
  },
};

let server: ProviderServer;
let client: ProviderClient;
let env: Record<string, string | undefined> = {};

beforeAll(async () => {
  server = createProviderServer({
    resources: [fakeVm, fakePolicy],
    functions: [fakePreview],
    engineFactory: (config) => {
      engineConfigs.push(config);
      return fakeEngine;
    },
    env: new Proxy({}, { get: (_t, key: string) => env[key] }),
    verbosity: 2,
    writeLog: (line) => logLines.push(line),
    onCancel: () => {
      cancelled++;
    },
  });
  const port = await server.listen();
  client = connectProvider(`127.0.0.1:${port}`);
});

afterAll(async () => {
  client.close();
  await server.shutdown(1000);
});

beforeEach(() => {
  calls.length = 0;
  engineConfigs.length = 0;
  env = {};
});

afterEach(() => {
  // Whatever happened, the password must never have reached the log.
  expect(logLines.join("")).not.toContain(PASSWORD);
});

async function configureOk(): Promise<void> {
  await client.configure({ url: "https://engine.test/ovirt-engine/api", username: "admin@internal", password: secret(PASSWORD) });
}

/** Runs body against a server and client of its own, both closed afterwards whatever happens. */
async function withOwnServer(
  options: Partial<ProviderServerOptions> & Pick<ProviderServerOptions, "resources">,
  body: (c: ProviderClient, fresh: ProviderServer) => Promise<void>,
): Promise<void> {
  const fresh = createProviderServer({ engineFactory: () => fakeEngine, writeLog: () => {}, ...options });
  const port = await fresh.listen();
  const c = connectProvider(`127.0.0.1:${port}`);
  try {
    await body(c, fresh);
  } finally {
    c.close();
    await fresh.shutdown(1000);
  }
}

describe("plugin info and schema", () => {
  it("GetSchema returns schema.json unchanged and GetPluginInfo its version", async () => {
    const text = readFileSync(new URL("../../schema.json", import.meta.url), "utf8");
    expect(await client.getSchemaText()).toBe(text);
    const version = (JSON.parse(text) as { version: string }).version;
    expect(await client.getPluginInfo()).toEqual({ version });
  });

  it("rejects a schema version other than 0", async () => {
    const err = await rejection(client.getSchemaText(1));
    expect(err.code).toBe(grpcStatus.INVALID_ARGUMENT);
    expect(err.message).toMatch(/schema version 1/);
  });

  it("Handshake accepts secrets and resources but not output values", async () => {
    expect(await client.handshake()).toEqual({ acceptSecrets: true, acceptResources: true, acceptOutputs: false });
  });

  it("answers UNIMPLEMENTED for Construct", async () => {
    const err = await rejection(
      new Promise((resolve, reject) =>
        client.raw.construct(new providerPb.ConstructRequest(), (e, r) => (e ? reject(new ProviderCallError("construct", e)) : resolve(r))),
      ),
    );
    expect(err.code).toBe(grpcStatus.UNIMPLEMENTED);
    expect(err.message).toMatch(/component resources/);
  });
});

describe("Configure", () => {
  it("reports preview support and secret acceptance, and builds the engine from unwrapped args", async () => {
    const answer = await client.configure({ url: "https://engine.test", username: "admin@internal", password: secret(PASSWORD), insecure: "true" });
    expect(answer).toEqual({ acceptSecrets: true, acceptResources: true, acceptOutputs: false, supportsPreview: true });
    expect(engineConfigs).toHaveLength(1);
    expect(engineConfigs[0]).toMatchObject({ url: "https://engine.test/ovirt-engine/api", username: "admin@internal", password: PASSWORD, insecure: true });
  });

  it("falls back to the deprecated variables map, then to the OVIRT_* environment", async () => {
    env = { OVIRT_PASSWORD: "env-password", OVIRT_CAFILE: undefined };
    await client.configure({}, { variables: { "ovirt:config:url": "https://vars.test/ovirt-engine/api", "ovirt:config:username": "u@internal" } });
    expect(engineConfigs[0]).toMatchObject({ url: "https://vars.test/ovirt-engine/api", username: "u@internal", password: "env-password" });
  });

  it("uses PULUMI_CONFIG for the default provider only", async () => {
    env = { PULUMI_CONFIG: JSON.stringify({ url: "https://stack.test/ovirt-engine/api", username: "s@internal", password: "p-stack" }) };
    await client.configure({}, { name: "default_0_1_0" });
    expect(engineConfigs[0]?.url).toBe("https://stack.test/ovirt-engine/api");
    await client.configure({}, { name: "explicit" });
    expect(engineConfigs).toHaveLength(1);
    const err = await rejection(client.create(VM, { name: "a" }));
    expect(err.message).toMatch(/ovirt:url, ovirt:username, ovirt:password are not set/);
  });

  it("runs without an engine when a config value is unknown, and still previews", async () => {
    await client.configure({ url: UNKNOWN, username: "admin@internal", password: secret(PASSWORD) });
    expect(engineConfigs).toHaveLength(0);
    const created = await client.create(VM, { name: "p" }, { preview: true });
    expect(created.id).toBe("");
    expect(calls.at(-1)?.ctx).toEqual({ engine: false, preview: true });
  });

  it("with settings missing, a call that needs the engine says which ones and how to set them", async () => {
    await client.configure({ url: "https://engine.test" });
    const err = await rejection(client.create(VM, { name: "a" }));
    expect(err.message).toContain("ovirt:username, ovirt:password are not set");
    expect(err.message).toContain("OVIRT_USERNAME, OVIRT_PASSWORD");
  });

  it("an invalid configuration fails Configure with the property named", async () => {
    env = { OVIRT_INSECURE: "maybe" };
    const err = await rejection(client.configure({ url: "https://engine.test", username: "admin@internal", password: secret(PASSWORD) }));
    expect(err.message).toMatch(/insecure \(from OVIRT_INSECURE\) must be true or false/);
  });
});

describe("CheckConfig and DiffConfig", () => {
  it("names each bad property with the fix", async () => {
    const { failures } = await client.checkConfig({ url: "engine.example.com", username: "admin", insecure: "maybe", caFile: "/nonexistent/ca.pem" });
    const byProperty = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
    expect(Object.keys(byProperty).sort()).toEqual(["caFile", "insecure", "url", "username"]);
    expect(byProperty.url).toMatch(/not a URL.*https:\/\/engine\.example\.com\/ovirt-engine\/api/);
    expect(byProperty.username).toMatch(/admin@internal/);
    expect(byProperty.caFile).toMatch(/ENOENT/);
  });

  it("accepts a good configuration and returns the password wrapped as a secret", async () => {
    const { inputs, failures } = await client.checkConfig({ url: "https://engine.test/ovirt-engine/api", username: "admin@internal", password: PASSWORD, insecure: "false" });
    expect(failures).toEqual([]);
    expect(isSecret(inputs.password)).toBe(true);
    expect(reveal(inputs.password)).toBe(PASSWORD);
    expect(inputs.url).toBe("https://engine.test/ovirt-engine/api");
  });

  it("does not validate unknown values", async () => {
    const { failures } = await client.checkConfig({ url: UNKNOWN, username: "admin@internal" });
    expect(failures).toEqual([]);
  });

  it("a changed engine URL or password updates the provider and never replaces resources", async () => {
    const olds = { url: "https://a.test", username: "admin@internal", password: secret("old-password") };
    const diff = await client.diffConfig(olds, { ...olds, url: "https://b.test", password: secret("new-password") });
    expect(diff.changes).toBe("some");
    expect(diff.replaces).toEqual([]);
    expect(diff.detailedDiff).toEqual({ url: "update", password: "update" });
    expect((await client.diffConfig(olds, olds)).changes).toBe("none");
  });
});

describe("secrets", () => {
  beforeEach(configureOk);

  it("a secret input arrives unwrapped and its output of the same name goes back wrapped", async () => {
    const { outputs } = await client.create(VM, { name: "s", token: secret("guest-token-123") });
    const seen = calls.find((c) => c.method === "create")?.args[0] as PropertyMap;
    expect(seen.token).toBe("guest-token-123");
    expect(isSecret(outputs.token)).toBe(true);
    expect(reveal(outputs.token)).toBe("guest-token-123");
    expect(isSecret(outputs.name)).toBe(false);
  });

  it("check keeps a secret input secret in the checked inputs", async () => {
    const { inputs } = await client.check(VM, { name: "s", token: secret("guest-token-123") });
    expect((calls[0]?.args[0] as PropertyMap).token).toBe("guest-token-123");
    expect(isSecret(inputs.token)).toBe(true);
  });

  it("outputs that schema.json marks secret are wrapped (ConsolePolicy.remoteViewerFile)", async () => {
    const { outputs } = await client.create(POLICY, { vmId: "vm-1" });
    expect(isSecret(outputs.remoteViewerFile)).toBe(true);
    expect(reveal(outputs.remoteViewerFile)).toContain("[virt-viewer]");
    expect(isSecret(outputs.vmId)).toBe(false);
  });

  it("refresh keeps secret state secret", async () => {
    const { outputs, inputs } = await client.read(VM, "vm-1", { properties: { name: "x", token: secret("guest-token-123") }, inputs: { name: "x", token: secret("guest-token-123") } });
    expect(isSecret(outputs.token)).toBe(true);
    expect(isSecret(inputs.token)).toBe(true);
  });

  it("the provider password never appears in an error", async () => {
    const err = await rejection(client.create(VM, { name: "leaky" }));
    expect(err.message).not.toContain(PASSWORD);
    expect(err.message).toContain("[secret]");
    expect(err.message).toMatch(/^engine login failed for admin@internal/);
  });
});

describe("unknowns in preview", () => {
  beforeEach(configureOk);

  it("pass through check and diff unchanged", async () => {
    const { inputs, failures } = await client.check(VM, { name: "p", cluster: UNKNOWN });
    expect(failures).toEqual([]);
    expect(inputs.cluster).toBe(UNKNOWN);
    // The handler gets the core's own unknown marker; the wire carries Pulumi's.
    expect((calls[0]?.args[0] as PropertyMap).cluster).toBe(CORE_UNKNOWN);

    const diff = await client.diff(VM, "vm-1", { name: "p", cluster: "Default" }, { name: "p", cluster: UNKNOWN }, { oldInputs: { name: "p", cluster: "Default" } });
    expect((calls[1]?.args[2] as PropertyMap).cluster).toBe(CORE_UNKNOWN);
    expect(diff.replaces).toEqual(["cluster"]);
  });

  it("create and update pass the preview flag to the handler", async () => {
    const created = await client.create(VM, { name: "p", cluster: UNKNOWN }, { preview: true });
    expect(created.outputs.vmId).toBe(UNKNOWN);
    expect(calls.at(-1)?.ctx).toEqual({ engine: true, preview: true });
    await client.update(VM, "vm-1", { name: "p" }, { name: "q" }, { preview: true });
    expect(calls.at(-1)?.ctx).toEqual({ engine: true, preview: true });
    await client.update(VM, "vm-1", { name: "p" }, { name: "q" });
    expect(calls.at(-1)?.ctx).toEqual({ engine: true, preview: false });
  });
});

describe("detailed diff", () => {
  beforeEach(configureOk);

  it("maps kinds, marks replaces and asks delete-before-replace", async () => {
    const olds = { name: "d", cluster: "A", smartcardEnabled: false };
    const diff = await client.diff(VM, "vm-1", olds, { name: "d", cluster: "B", smartcardEnabled: true }, { oldInputs: olds });
    expect(diff.changes).toBe("some");
    expect(diff.hasDetailedDiff).toBe(true);
    expect(diff.detailedDiff).toEqual({ cluster: "update-replace", smartcardEnabled: "update" });
    expect(diff.replaces).toEqual(["cluster"]);
    expect(diff.deleteBeforeReplace).toBe(true);
    expect(diff.diffs.sort()).toEqual(["cluster", "smartcardEnabled"]);
  });

  it("an in-place change is an update without replace", async () => {
    const olds = { name: "d", smartcardEnabled: false };
    const diff = await client.diff(VM, "vm-1", olds, { name: "d", smartcardEnabled: true }, { oldInputs: olds });
    expect(diff).toMatchObject({ changes: "some", replaces: [], detailedDiff: { smartcardEnabled: "update" }, deleteBeforeReplace: false });
  });

  it("no change is DIFF_NONE", async () => {
    const olds = { name: "d" };
    const diff = await client.diff(VM, "vm-1", olds, olds, { oldInputs: olds });
    expect(diff).toMatchObject({ changes: "none", replaces: [], detailedDiff: {}, hasDetailedDiff: true });
  });

  it("honours ignoreChanges", async () => {
    const olds = { name: "d", cluster: "A" };
    const diff = await client.diff(VM, "vm-1", olds, { name: "d", cluster: "B" }, { oldInputs: olds, ignoreChanges: ["cluster"] });
    expect(diff).toMatchObject({ changes: "none", replaces: [], detailedDiff: {} });
  });

  it("passes old inputs separately from the old state", async () => {
    await client.diff(VM, "vm-1", { name: "d", status: "down" }, { name: "d" }, { oldInputs: { name: "d" } });
    const [, olds, , oldInputs] = calls[0]?.args as PropertyMap[];
    expect(olds).toEqual({ name: "d", status: "down" });
    expect(oldInputs).toEqual({ name: "d" });
  });
});

describe("create failures", () => {
  beforeEach(configureOk);

  it("a partial failure keeps the id and outputs for the engine's state", async () => {
    const err = await rejection(client.create(VM, { name: "slow", token: secret("guest-token-123") }));
    expect(err.code).toBe(grpcStatus.UNKNOWN);
    expect(err.message).toBe("VM vm-slow did not become down within 10 s");
    expect(err.partialFailure?.id).toBe("vm-slow");
    expect(err.partialFailure?.reasons).toEqual(["VM vm-slow did not become down within 10 s"]);
    expect(err.partialFailure?.properties.status).toBe("image_locked");
    expect(isSecret(err.partialFailure?.properties.token)).toBe(true);
  });

  it("a plain error carries no partial-failure details", async () => {
    const err = await rejection(client.create(VM, { name: "leaky" }));
    expect(err.partialFailure).toBeUndefined();
  });

  it("a bug is reported as an internal error without a stack trace", async () => {
    const err = await rejection(client.create(VM, { name: "buggy" }));
    expect(err.code).toBe(grpcStatus.INTERNAL);
    expect(err.message).toMatch(/internal error in the ovirt provider: cannot read properties/);
    expect(err.message).not.toMatch(/\n\s+at /);
    expect(logLines.join("")).toMatch(/TypeError: cannot read properties/);
  });

  it("an unknown type token is a clear error naming it", async () => {
    const err = await rejection(client.create("ovirt:index:Vmm", { name: "x" }));
    expect(err.code).toBe(grpcStatus.INVALID_ARGUMENT);
    expect(err.message).toContain('unknown resource type "ovirt:index:Vmm"');
    expect(err.message).toContain("ovirt:index:Vm");
  });
});

describe("Read: refresh and import", () => {
  beforeEach(configureOk);

  it("refresh of an entity that is gone answers an empty id", async () => {
    const result = await client.read(VM, "gone-1", { properties: { name: "x", vmId: "gone-1" }, inputs: { name: "x" } });
    expect(result.id).toBe("");
    expect(result.outputs).toEqual({});
  });

  it("import of an id that does not exist is a clear not-found error", async () => {
    const err = await rejection(client.read(VM, "gone-2"));
    expect(err.code).toBe(grpcStatus.NOT_FOUND);
    expect(err.message).toMatch(/^VM gone-2 not found: check the id/);
  });

  it("import returns id, outputs and the inputs that reproduce them", async () => {
    const result = await client.read(VM, "vm-9");
    expect(result.id).toBe("vm-9");
    expect(result.outputs).toMatchObject({ vmId: "vm-9", status: "down" });
    expect(result.inputs).toEqual({ name: "imported" });
    expect(calls[0]?.args).toEqual(["vm-9", {}, {}]);
  });

  it("delete hands the handler the id and old state", async () => {
    await client.delete(VM, "vm-3", { name: "x", vmId: "vm-3" });
    expect(calls[0]).toMatchObject({ method: "delete", args: ["vm-3", { name: "x", vmId: "vm-3" }] });
  });
});

describe("Invoke", () => {
  beforeEach(configureOk);

  it("returns the function's outputs and failures", async () => {
    expect((await client.invoke(PREVIEW_FN, { name: "desk" })).outputs).toEqual({ xml: "<domain><name>desk</name></domain>" });
    expect((await client.invoke(PREVIEW_FN, { name: "desk", monitors: 3 })).failures).toEqual([{ property: "monitors", reason: "monitors must be 1, 2 or 4" }]);
  });

  it("an unknown function is a clear error naming it", async () => {
    const err = await rejection(client.invoke("ovirt:index:nope", {}));
    expect(err.message).toContain('unknown function "ovirt:index:nope"');
  });
});

describe("engine work needs Configure first", () => {
  it("create, read and delete before Configure are refused with the reason", async () => {
    await withOwnServer({ resources: [fakeVm] }, async (c) => {
      for (const call of [c.create(VM, { name: "a" }), c.read(VM, "vm-1"), c.delete(VM, "vm-1", {})]) {
        const err = await rejection(call);
        expect(err.code).toBe(grpcStatus.FAILED_PRECONDITION);
        expect(err.message).toMatch(/has not been configured/);
      }
      // Check needs no engine and works before Configure.
      expect((await c.check(VM, { name: "a" })).failures).toEqual([]);
    });
  });
});

describe("update failures and handler logs", () => {
  beforeEach(configureOk);

  it("a partial failure on update carries the id and keeps secret state secret", async () => {
    const failing: ResourceHandler = {
      ...fakeVm,
      async update({ id, olds }) {
        throw new PartialFailure(id, { ...olds, status: "powering_up" }, ["VM did not come up"]);
      },
    };
    await withOwnServer({ resources: [failing] }, async (c) => {
      await c.configure({ url: "https://e.test", username: "a@internal", password: "pw-123456" });
      const err = await rejection(c.update(VM, "vm-7", { name: "x", token: secret("guest-token-123") }, { name: "x", running: true }));
      expect(err.partialFailure).toMatchObject({ id: "vm-7", reasons: ["VM did not come up"] });
      expect(err.partialFailure?.properties.status).toBe("powering_up");
      expect(isSecret(err.partialFailure?.properties.token)).toBe(true);
    });
  });

  it("a handler's log line reaches stderr with the resource name and without secrets", async () => {
    const lines: string[] = [];
    const chatty: ResourceHandler = {
      ...fakeVm,
      async create({ inputs }, ctx) {
        ctx.log(`logging in with ${PASSWORD} and token ${String(inputs.token)}`);
        return { id: "vm-8", outputs: {} };
      },
    };
    await withOwnServer({ resources: [chatty], verbosity: 1, writeLog: (l) => lines.push(l) }, async (c) => {
      await c.configure({ url: "https://e.test", username: "a@internal", password: secret(PASSWORD) });
      await c.create(VM, { name: "x", token: secret("guest-token-123") }, { name: "desk" });
      const text = lines.join("");
      expect(text).toMatch(/desk: logging in with \[secret\] and token \[secret\]/);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain("guest-token-123");
    });
  });
});

describe("shutdown", () => {
  it("lets a call in flight finish and answer before the server closes", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: ResourceHandler = {
      ...fakeVm,
      async create() {
        await gate;
        return { id: "vm-slow-ok", outputs: {} };
      },
    };
    await withOwnServer({ resources: [slow] }, async (c, fresh) => {
      await c.configure({ url: "https://e.test", username: "a@internal", password: "pw-123456" });
      const pending = c.create(VM, { name: "x" });
      await new Promise((resolve) => setTimeout(resolve, 50));
      let closed = false;
      const stopping = fresh.shutdown(10_000).then(() => (closed = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(closed).toBe(false);
      release();
      expect((await pending).id).toBe("vm-slow-ok");
      await stopping;
      expect(closed).toBe(true);
    });
  });
});

describe("Cancel", () => {
  it("is answered, then tells the plugin to stop, and refuses further engine work", async () => {
    await withOwnServer({ resources: [fakeVm], onCancel: () => cancelled++ }, async (c) => {
      await c.configure({ url: "https://e.test", username: "a@internal", password: "pw-123456" });
      const before = cancelled;
      await c.cancel();
      await new Promise((resolve) => setImmediate(resolve));
      expect(cancelled).toBe(before + 1);
      const err = await rejection(c.create(VM, { name: "after" }));
      expect(err.message).toMatch(/cancelled/);
    });
  });
});
