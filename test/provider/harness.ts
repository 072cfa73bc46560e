// Test harness: drives the provider over gRPC exactly as the Pulumi engine does.
//
// API (stable; the resource lifecycle tests depend on it):
//
//   startPlugin(options?) -> Promise<PluginProcess>
//       Spawns provider/bin/pulumi-resource-ovirt (the real plugin), waits for the port line and
//       connects. options: { env?: extra environment (merged over process.env; a value of
//       undefined removes a variable), args?: extra plugin arguments (default ["127.0.0.1:0"]
//       as a stand-in engine address), startTimeoutMs? (default 20000), bin?: another launcher }.
//       PluginProcess: { port, client: ProviderClient, child, startupMs, stderr(): string,
//       stop(): Promise<number | null> (SIGTERM, then SIGKILL after 5 s; resolves to the exit code) }.
//   connectProvider("127.0.0.1:<port>") -> ProviderClient  (for an in-process server)
//
//   ProviderClient methods (plain JS in and out; secret values stay wrapped in results so tests can
//   see them, use reveal() to unwrap; UNKNOWN and secret() build special inputs):
//     getPluginInfo() -> { version }
//     getSchema() -> parsed schema object;  getSchemaText() -> string
//     handshake(engineAddress?) -> { acceptSecrets, acceptResources, acceptOutputs }  (default address 127.0.0.1:0)
//     checkConfig(news, olds?) -> { inputs, failures: [{ property, reason }] }
//     diffConfig(olds, news, oldInputs?) -> DiffOutcome
//     configure(args, { variables?, name? }?) -> { acceptSecrets, acceptResources, acceptOutputs, supportsPreview }
//     check(type, news, olds?, { name? }?) -> { inputs, failures }
//     diff(type, id, olds, news, { oldInputs?, ignoreChanges?, name? }?) -> DiffOutcome
//        DiffOutcome = { changes: "none" | "some" | "unknown", replaces, detailedDiff: { path: kind },
//                        hasDetailedDiff, deleteBeforeReplace, diffs, stables }
//     create(type, inputs, { preview?, name?, timeoutSeconds? }?) -> { id, outputs }
//     read(type, id, { properties?, inputs?, name? }?) -> { id, outputs, inputs }
//        (no properties and no inputs is what `pulumi import` sends)
//     update(type, id, olds, news, { oldInputs?, preview?, name? }?) -> outputs
//     delete(type, id, olds, { oldInputs?, name? }?) -> void
//     invoke(token, args, { preview? }?) -> { outputs, failures }
//     cancel() -> void;  close() -> void
//   Every failed call rejects with ProviderCallError { code (gRPC status), message (the details
//   the engine would show), partialFailure?: { id, properties, reasons } }.
//
//   Values: UNKNOWN, secret(v), isSecret(v), reveal(v) (deep unwrap), urnFor(type, name),
//   decodePartialFailure(metadata) -> { id, properties, reasons } | undefined.

import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { credentials, type Metadata, type ServiceError } from "@grpc/grpc-js";
import { fromDiffResponse } from "../../provider/pulumi/diff.ts";
import { empty as emptyPb, provider as providerPb, providerGrpc, status as statusPb, struct as structPb, RESOURCE_INIT_FAILED_TYPE, type ProviderPb, type Struct } from "../../provider/pulumi/proto.ts";
import { isSecretSentinel, secret, toJsonValue, unwrapValue, UNKNOWN } from "../../provider/pulumi/values.ts";

export { UNKNOWN, secret };

export type Props = Record<string, unknown>;

export const PLUGIN_BIN = fileURLToPath(new URL("../../provider/bin/pulumi-resource-ovirt", import.meta.url));

export function isSecret(value: unknown): boolean {
  return isSecretSentinel(value);
}

/** The value with every secret sentinel removed, at any depth. */
export function reveal<T = unknown>(value: unknown): T {
  return unwrapValue(value).value as T;
}

export function urnFor(type: string, name: string): string {
  return `urn:pulumi:test::ovirt-tests::${type}::${name}`;
}

export interface DiffOutcome {
  changes: "none" | "some" | "unknown";
  replaces: string[];
  detailedDiff: Record<string, string>;
  hasDetailedDiff: boolean;
  deleteBeforeReplace: boolean;
  diffs: string[];
  stables: string[];
}

export interface PartialFailureInfo {
  id: string;
  properties: Props;
  reasons: string[];
}

export class ProviderCallError extends Error {
  readonly code: number;
  readonly partialFailure?: PartialFailureInfo;
  constructor(method: string, err: ServiceError) {
    super(err.details || err.message);
    this.name = "ProviderCallError";
    this.code = err.code;
    this.partialFailure = decodePartialFailure(err.metadata);
    this.stack = `ProviderCallError (${method}, code ${err.code}): ${this.message}`;
  }
}

/** Reads ErrorResourceInitFailed from `grpc-status-details-bin`, as the engine does. */
export function decodePartialFailure(metadata: Metadata | undefined): PartialFailureInfo | undefined {
  const raw = metadata?.get("grpc-status-details-bin")[0];
  if (!raw) return undefined;
  const status = statusPb.Status.deserializeBinary(typeof raw === "string" ? Buffer.from(raw, "base64") : new Uint8Array(raw));
  for (const detail of status.getDetailsList()) {
    const failure = detail.unpack(providerPb.ErrorResourceInitFailed.deserializeBinary, RESOURCE_INIT_FAILED_TYPE);
    if (failure) {
      return { id: failure.getId(), properties: failure.getProperties()?.toJavaScript() ?? {}, reasons: failure.getReasonsList() };
    }
  }
  return undefined;
}

function toStruct(values: Props | undefined): Struct {
  return structPb.Struct.fromJavaScript((toJsonValue(values ?? {}) ?? {}) as Record<string, never>);
}

function fromStruct(struct: Struct | undefined): Props {
  return (struct?.toJavaScript() ?? {}) as Props;
}

type Callback<Res> = (err: ServiceError | null, res: Res) => void;

const PROVIDER_TYPE = "pulumi:providers:ovirt";

/** Puts the URN, type and name (default "test") of the resource a request is about on it. */
function forResource<Req extends { setUrn(urn: string): unknown; setType(type: string): unknown; setName(name: string): unknown }>(
  req: Req,
  type: string,
  name = "test",
): Req {
  req.setUrn(urnFor(type, name));
  req.setType(type);
  req.setName(name);
  return req;
}

function failuresOf(res: ProviderPb.CheckResponse | ProviderPb.InvokeResponse): { property: string; reason: string }[] {
  return res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
}

export class ProviderClient {
  readonly raw: InstanceType<typeof providerGrpc.ResourceProviderClient>;

  constructor(address: string) {
    this.raw = new providerGrpc.ResourceProviderClient(address, credentials.createInsecure());
  }

  #call<Req, Res>(method: string, request: Req): Promise<Res> {
    const fn = (this.raw as unknown as Record<string, (req: Req, cb: Callback<Res>) => void>)[method];
    if (!fn) throw new Error(`no gRPC method ${method}`);
    return new Promise<Res>((resolve, reject) => {
      fn.call(this.raw, request, (err, res) => (err ? reject(new ProviderCallError(method, err)) : resolve(res)));
    });
  }

  async getPluginInfo(): Promise<{ version: string }> {
    const info = await this.#call<unknown, { getVersion(): string }>("getPluginInfo", new emptyPb.Empty());
    return { version: info.getVersion() };
  }

  async getSchemaText(version = 0): Promise<string> {
    const req = new providerPb.GetSchemaRequest();
    req.setVersion(version);
    const res = await this.#call<ProviderPb.GetSchemaRequest, ProviderPb.GetSchemaResponse>("getSchema", req);
    return res.getSchema();
  }

  async getSchema(): Promise<Props> {
    return JSON.parse(await this.getSchemaText()) as Props;
  }

  async handshake(engineAddress = "127.0.0.1:0"): Promise<{ acceptSecrets: boolean; acceptResources: boolean; acceptOutputs: boolean }> {
    const req = new providerPb.ProviderHandshakeRequest();
    req.setEngineAddress(engineAddress);
    req.setConfigureWithUrn(true);
    const res = await this.#call<ProviderPb.ProviderHandshakeRequest, ProviderPb.ProviderHandshakeResponse>("handshake", req);
    return { acceptSecrets: res.getAcceptSecrets(), acceptResources: res.getAcceptResources(), acceptOutputs: res.getAcceptOutputs() };
  }

  async checkConfig(news: Props, olds: Props = {}): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
    const req = forResource(new providerPb.CheckRequest(), PROVIDER_TYPE, "default");
    req.setNews(toStruct(news));
    req.setOlds(toStruct(olds));
    return this.#checkResult(await this.#call<ProviderPb.CheckRequest, ProviderPb.CheckResponse>("checkConfig", req));
  }

  async diffConfig(olds: Props, news: Props, oldInputs?: Props): Promise<DiffOutcome> {
    const req = new providerPb.DiffRequest();
    req.setUrn(urnFor(PROVIDER_TYPE, "default"));
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    req.setOldInputs(toStruct(oldInputs ?? olds));
    return fromDiffResponse(await this.#call<ProviderPb.DiffRequest, ProviderPb.DiffResponse>("diffConfig", req));
  }

  async configure(
    args: Props,
    options: { variables?: Record<string, string>; name?: string } = {},
  ): Promise<{ acceptSecrets: boolean; acceptResources: boolean; acceptOutputs: boolean; supportsPreview: boolean }> {
    const req = new providerPb.ConfigureRequest();
    req.setArgs(toStruct(args));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    forResource(req, PROVIDER_TYPE, options.name ?? "default");
    for (const [key, value] of Object.entries(options.variables ?? {})) req.getVariablesMap().set(key, value);
    const res = await this.#call<ProviderPb.ConfigureRequest, ProviderPb.ConfigureResponse>("configure", req);
    return {
      acceptSecrets: res.getAcceptsecrets(),
      acceptResources: res.getAcceptresources(),
      acceptOutputs: res.getAcceptoutputs(),
      supportsPreview: res.getSupportspreview(),
    };
  }

  #checkResult(res: ProviderPb.CheckResponse): { inputs: Props; failures: { property: string; reason: string }[] } {
    return {
      inputs: fromStruct(res.getInputs()),
      failures: failuresOf(res),
    };
  }

  async check(type: string, news: Props, olds: Props = {}, options: { name?: string } = {}): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
    const req = forResource(new providerPb.CheckRequest(), type, options.name);
    req.setNews(toStruct(news));
    req.setOlds(toStruct(olds));
    return this.#checkResult(await this.#call<ProviderPb.CheckRequest, ProviderPb.CheckResponse>("check", req));
  }

  async diff(type: string, id: string, olds: Props, news: Props, options: { oldInputs?: Props; ignoreChanges?: string[]; name?: string } = {}): Promise<DiffOutcome> {
    const req = forResource(new providerPb.DiffRequest(), type, options.name);
    req.setId(id);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    if (options.oldInputs) req.setOldInputs(toStruct(options.oldInputs));
    req.setIgnorechangesList(options.ignoreChanges ?? []);
    return fromDiffResponse(await this.#call<ProviderPb.DiffRequest, ProviderPb.DiffResponse>("diff", req));
  }

  async create(type: string, inputs: Props, options: { preview?: boolean; name?: string; timeoutSeconds?: number } = {}): Promise<{ id: string; outputs: Props }> {
    const req = forResource(new providerPb.CreateRequest(), type, options.name);
    req.setProperties(toStruct(inputs));
    req.setPreview(options.preview ?? false);
    if (options.timeoutSeconds) req.setTimeout(options.timeoutSeconds);
    const res = await this.#call<ProviderPb.CreateRequest, ProviderPb.CreateResponse>("create", req);
    return { id: res.getId(), outputs: fromStruct(res.getProperties()) };
  }

  async read(type: string, id: string, options: { properties?: Props; inputs?: Props; name?: string } = {}): Promise<{ id: string; outputs: Props; inputs: Props }> {
    const req = forResource(new providerPb.ReadRequest(), type, options.name);
    req.setId(id);
    req.setProperties(toStruct(options.properties));
    if (options.inputs) req.setInputs(toStruct(options.inputs));
    const res = await this.#call<ProviderPb.ReadRequest, ProviderPb.ReadResponse>("read", req);
    return { id: res.getId(), outputs: fromStruct(res.getProperties()), inputs: fromStruct(res.getInputs()) };
  }

  async update(type: string, id: string, olds: Props, news: Props, options: { oldInputs?: Props; preview?: boolean; name?: string } = {}): Promise<Props> {
    const req = forResource(new providerPb.UpdateRequest(), type, options.name);
    req.setId(id);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    if (options.oldInputs) req.setOldInputs(toStruct(options.oldInputs));
    req.setPreview(options.preview ?? false);
    const res = await this.#call<ProviderPb.UpdateRequest, ProviderPb.UpdateResponse>("update", req);
    return fromStruct(res.getProperties());
  }

  async delete(type: string, id: string, olds: Props, options: { oldInputs?: Props; name?: string } = {}): Promise<void> {
    const req = forResource(new providerPb.DeleteRequest(), type, options.name);
    req.setId(id);
    req.setProperties(toStruct(olds));
    if (options.oldInputs) req.setOldInputs(toStruct(options.oldInputs));
    await this.#call<ProviderPb.DeleteRequest, unknown>("delete", req);
  }

  async invoke(token: string, args: Props, options: { preview?: boolean } = {}): Promise<{ outputs: Props; failures: { property: string; reason: string }[] }> {
    const req = new providerPb.InvokeRequest();
    req.setTok(token);
    req.setArgs(toStruct(args));
    req.setPreview(options.preview ?? false);
    const res = await this.#call<ProviderPb.InvokeRequest, ProviderPb.InvokeResponse>("invoke", req);
    return {
      outputs: fromStruct(res.getReturn()),
      failures: failuresOf(res),
    };
  }

  async cancel(): Promise<void> {
    await this.#call<unknown, unknown>("cancel", new emptyPb.Empty());
  }

  close(): void {
    this.raw.close();
  }
}

/** The ProviderCallError a gRPC call fails with; anything else is rethrown, and success is a failure. */
export async function rejection(promise: Promise<unknown>): Promise<ProviderCallError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ProviderCallError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

export function connectProvider(address: string): ProviderClient {
  return new ProviderClient(address);
}

export interface PluginProcess {
  port: number;
  client: ProviderClient;
  child: ChildProcess;
  /** Launch to port line, in milliseconds. */
  startupMs: number;
  /** Everything the plugin wrote to stderr so far. */
  stderr(): string;
  /** Everything after the port line on stdout (should stay empty). */
  stdoutAfterPort(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves to the exit code (null when killed by a signal). */
  stop(): Promise<number | null>;
  /** Resolves when the process exits by itself (e.g. after Cancel). */
  exited: Promise<number | null>;
}

export interface StartPluginOptions {
  env?: Record<string, string | undefined>;
  args?: string[];
  startTimeoutMs?: number;
  bin?: string;
}

export function startPlugin(options: StartPluginOptions = {}): Promise<PluginProcess> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...options.env })) if (value !== undefined) env[key] = value;
  const started = performance.now();
  const child = spawn(options.bin ?? PLUGIN_BIN, options.args ?? ["127.0.0.1:0"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  let stdout = "";
  let afterPort = "";
  let portSeen = false;
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  return new Promise<PluginProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`plugin printed no port within ${options.startTimeoutMs ?? 20000} ms; stderr:\n${stderr}`));
    }, options.startTimeoutMs ?? 20000);
    void exited.then((code) => {
      if (!portSeen) {
        clearTimeout(timer);
        reject(new Error(`plugin exited (code ${code}) before printing its port; stderr:\n${stderr}`));
      }
    });
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      if (portSeen) {
        afterPort += chunk;
        return;
      }
      stdout += chunk;
      const newline = stdout.indexOf("\n");
      if (newline < 0) return;
      portSeen = true;
      clearTimeout(timer);
      const line = stdout.slice(0, newline).trim();
      afterPort += stdout.slice(newline + 1);
      const port = Number(line);
      if (!/^\d+$/.test(line) || port <= 0) {
        child.kill("SIGKILL");
        reject(new Error(`plugin's first stdout line is not a port: ${JSON.stringify(line)}`));
        return;
      }
      const client = connectProvider(`127.0.0.1:${port}`);
      resolve({
        port,
        client,
        child,
        startupMs: performance.now() - started,
        stderr: () => stderr,
        stdoutAfterPort: () => afterPort,
        exited,
        async stop() {
          client.close();
          if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
          child.kill("SIGTERM");
          const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
          const code = await exited;
          clearTimeout(killer);
          return code;
        },
      });
    });
  });
}
