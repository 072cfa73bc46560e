// The ResourceProvider gRPC service: protocol only. It decodes requests to plain values, finds the
// handler for the type token, calls it, and encodes the answer; it knows nothing of oVirt. Secrets
// are unwrapped on the way in and re-applied on the way out (schema `secret: true` properties, and
// any output whose input of the same name was secret).

import { status as grpcStatus, type sendUnaryData, type ServerUnaryCall, type ServerWritableStream, type UntypedServiceImplementation } from "@grpc/grpc-js";
import { checkConfig, diffConfig } from "../config.ts";
import type { CheckFailure, FunctionHandler, ResourceHandler } from "../resources/types.ts";
import { ProviderSession, type Catalog } from "../session.ts";
import { normaliseDiff, toDiffResponse } from "./diff.ts";
import { connectEngineLog, type EngineLog } from "./engineLog.ts";
import { ProviderError, toServiceError, unimplemented } from "./errors.ts";
import type { Logger, Scrubber } from "../logging.ts";
import { empty as emptyPb, plugin as pluginPb, provider as providerPb, type PluginPb, type ProviderPb, type Struct } from "./proto.ts";
import type { SchemaInfo } from "./schemaInfo.ts";
import { forPulumi } from "./hints.ts";
import { decodeProperties, encodeProperties, valuesAtPaths } from "./values.ts";

export type { EngineFactory } from "../session.ts";

/** What the service dispatches to: loaded at the first call that needs it (see provider/main.ts). */
export type Handlers = Catalog;

export interface ServiceOptions {
  handlers: () => Promise<Handlers>;
  schema: SchemaInfo;
  logger: Logger;
  scrubber: Scrubber;
  env: Record<string, string | undefined>;
  /** Aborted by Cancel (or by the plugin on SIGINT): waits in progress give up, new calls are refused. */
  cancellation: AbortController;
  /** Called after Cancel has been answered: the plugin should shut down. */
  onCancel?: () => void;
}

/** The front end's own state between calls: where the engine's Log service listens. */
interface ProviderState {
  engineAddress?: string;
}

/** `urn:pulumi:stack::project::parent$ovirt:index:Vm::name` -> `ovirt:index:Vm`. */
export function typeFromUrn(urn: string): string {
  const parts = urn.split("::");
  const qualified = parts[2] ?? "";
  const segments = qualified.split("$");
  return segments[segments.length - 1] ?? "";
}

/** The resource type a request is about, when it names one (for the wording of import hints). */
function tokenOfRequest(req: unknown): string | undefined {
  const r = req as { getType?: () => string; getUrn?: () => string };
  if (typeof r?.getUrn !== "function") return undefined;
  return (typeof r.getType === "function" && r.getType()) || typeFromUrn(r.getUrn()) || undefined;
}

function nameFromUrn(urn: string): string {
  const parts = urn.split("::");
  return parts.slice(3).join("::");
}


type Unary<Req, Res> = (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void;

/**
 * What the RPC adapters share, passed to each explicitly: the options, the session (configure,
 * context, errors), and the front end's own state between calls.
 */
interface PulumiFront {
  readonly options: ServiceOptions;
  readonly schema: SchemaInfo;
  readonly logger: Logger;
  readonly session: ProviderSession;
  readonly scrub: (text: string) => string;
  readonly state: ProviderState;
  /** One connection to the engine's Log service, opened at first use (its address comes with Handshake or Attach). */
  engineLog?: { address: string; log: EngineLog };
}

function createFront(options: ServiceOptions): PulumiFront {
  const { schema, logger, scrubber } = options;
  const session = new ProviderSession({
    catalog: options.handlers,
    logger,
    scrubber,
    env: options.env,
    cancellation: options.cancellation,
    // One line per engine request at -v=1, as the README promises (the CLI shows them with --debug).
    requestLog: "info",
    checkAtConfigure: true,
    failingEngineWhenMissing: true,
  });
  return { options, schema, logger, session, scrub: (text) => scrubber.scrub(text), state: {} };
}

// --- value encoding and secrets ----------------------------------------------------------------

/** `token`: a resource's inputs, whose schema-secret fields are hidden even when sent in plain. */
function decode(front: PulumiFront, struct: Struct | undefined, token?: string) {
  const decoded = decodeProperties(struct);
  const hide = (value: unknown) => front.session.hideSecret(value);
  for (const key of decoded.secretKeys) hide(decoded.values[key]);
  if (token !== undefined) valuesAtPaths(decoded.values, front.schema.resourceSecretInputs(token)).forEach(hide);
  return decoded;
}

const union = (...sets: Iterable<string>[]) => new Set(sets.flatMap((set) => [...set]));

// --- errors and diagnostics --------------------------------------------------------------------

/** Runs an RPC; a thrown error becomes a gRPC error in Pulumi's words (partial failures keep their id). */
function unary<Req, Res>(front: PulumiFront, operation: (req: Req) => string, run: (req: Req) => Promise<Res>, secretOutputs?: (req: Req) => Iterable<string>): Unary<Req, Res> {
  return (call, callback) => {
    const req = call.request;
    let label = "request";
    try {
      label = operation(req);
    } catch {
      // Labels are best effort.
    }
    run(req).then(
      (response) => callback(null, response),
      (err: unknown) => {
        const error = toServiceError(err, {
          operation: label,
          token: tokenOfRequest(req),
          scrub: front.scrub,
          logBug: (text) => front.logger.error(text),
          secretOutputs: secretOutputs ? secretOutputs(req) : [],
        });
        front.logger.info(`${label}: ${error.details ?? error.message}`);
        callback(error);
      },
    );
  };
}

/** A failure's reason in Pulumi's words, about the resource `token`. */
const reasonOf = (front: PulumiFront, failure: CheckFailure, token?: string) => front.scrub(failure.said ? forPulumi(failure.said, token) : failure.reason);

function toFailures(front: PulumiFront, failures: readonly CheckFailure[], token?: string): ProviderPb.CheckFailure[] {
  return failures.map((failure) => {
    const out = new providerPb.CheckFailure();
    out.setProperty(failure.property);
    out.setReason(reasonOf(front, failure, token));
    return out;
  });
}

/** A warning in the plan on the resource; the plugin's own log has it when the engine cannot be told. */
async function warn(front: PulumiFront, urn: string, message: string): Promise<void> {
  // Not a failure: a warning must never fail the call that reports it.
  await warnOnce(front, urn, message).catch((err: unknown) => front.logger.error(`warning for ${urn} not delivered: ${String(err)}`));
}

async function warnOnce(front: PulumiFront, urn: string, message: string): Promise<void> {
  const address = front.state.engineAddress;
  const text = front.scrub(message);
  if (!address) {
    front.logger.error(`warning for ${urn}: ${text}`);
    return;
  }
  if (front.engineLog?.address !== address) {
    front.engineLog?.log.close();
    front.engineLog = { address, log: connectEngineLog(address) };
  }
  try {
    await front.engineLog.log.warn(urn, text);
  } catch (err) {
    front.logger.error(`warning for ${urn} (the engine at ${address} did not take it: ${err instanceof Error ? err.message : String(err)}): ${text}`);
  }
}

// --- dispatch: handlers, context, readiness ------------------------------------------------------

function tokenOf(req: { getType(): string; getUrn(): string }): string {
  return req.getType() || typeFromUrn(req.getUrn());
}

async function resourceFor(front: PulumiFront, token: string): Promise<ResourceHandler> {
  const handler = await front.session.resource(token);
  if (!handler) {
    throw new ProviderError(
      grpcStatus.INVALID_ARGUMENT,
      `unknown resource type "${token}": the ovirt plugin ${front.schema.version} provides ${(await front.session.resourceTokens()).join(", ")}; ` +
        "check that the pulumi-ovirt SDK and the plugin are the same version",
    );
  }
  return handler;
}

async function functionFor(front: PulumiFront, token: string): Promise<FunctionHandler> {
  const handler = await front.session.function(token);
  if (!handler) {
    throw new ProviderError(
      grpcStatus.INVALID_ARGUMENT,
      `unknown function "${token}": the ovirt plugin ${front.schema.version} provides ${(await front.session.functionTokens()).join(", ")}; ` +
        "check that the pulumi-ovirt SDK and the plugin are the same version",
    );
  }
  return handler;
}

const contextFor = (front: PulumiFront, urn: string, preview: boolean) => front.session.context({ label: urn ? nameFromUrn(urn) : "", preview, urn });

function requireEngine(front: PulumiFront, operation: string): void {
  switch (front.session.readiness()) {
    case "cancelled":
      throw new ProviderError(grpcStatus.CANCELLED, `${operation} refused: the operation was cancelled`);
    case "not-configured-yet":
      throw new ProviderError(grpcStatus.FAILED_PRECONDITION, `${operation} refused: the provider has not been configured (Configure was not called)`);
    case "config-unknown":
      throw new ProviderError(grpcStatus.FAILED_PRECONDITION, `${operation} needs the oVirt engine, but the provider configuration is not known yet`);
    case "settings-missing":
    case "ready":
      // Missing settings: the handler's first engine use fails with the not-configured message.
      return;
  }
}

// --- plugin, schema and provider configuration RPCs ----------------------------------------------

async function getPluginInfo(front: PulumiFront): Promise<PluginPb.PluginInfo> {
  const info = new pluginPb.PluginInfo();
  info.setVersion(front.schema.version);
  return info;
}

async function getSchema(front: PulumiFront, req: ProviderPb.GetSchemaRequest): Promise<ProviderPb.GetSchemaResponse> {
  if (req.getVersion() !== 0) {
    throw new ProviderError(grpcStatus.INVALID_ARGUMENT, `schema version ${req.getVersion()} is not supported; the ovirt plugin serves version 0`);
  }
  if (req.getSubpackageName()) {
    throw new ProviderError(grpcStatus.INVALID_ARGUMENT, `the ovirt plugin has no subpackage "${req.getSubpackageName()}"`);
  }
  const response = new providerPb.GetSchemaResponse();
  response.setSchema(front.schema.text);
  return response;
}

async function handshake(front: PulumiFront, req: ProviderPb.ProviderHandshakeRequest): Promise<ProviderPb.ProviderHandshakeResponse> {
  front.state.engineAddress = req.getEngineAddress() || front.state.engineAddress;
  const response = new providerPb.ProviderHandshakeResponse();
  response.setAcceptSecrets(true);
  response.setAcceptResources(true);
  response.setAcceptOutputs(false);
  response.setSupportsAutonamingConfiguration(false);
  return response;
}

async function checkProviderConfig(front: PulumiFront, req: ProviderPb.CheckRequest): Promise<ProviderPb.CheckResponse> {
  const news = decode(front, req.getNews());
  const response = new providerPb.CheckResponse();
  response.setInputs(encodeProperties(news.values, union(news.secretKeys, front.schema.configSecrets)));
  response.setFailuresList(toFailures(front, checkConfig(news.values, front.options.env)));
  return response;
}

async function diffProviderConfig(front: PulumiFront, req: ProviderPb.DiffRequest): Promise<ProviderPb.DiffResponse> {
  const olds = decode(front, req.getOldInputs() ?? req.getOlds()).values;
  const news = decode(front, req.getNews()).values;
  const result = diffConfig(Object.keys(olds).length > 0 ? olds : decode(front, req.getOlds()).values, news);
  return toDiffResponse(normaliseDiff({ ...result, replaces: [], deleteBeforeReplace: false }, req.getIgnorechangesList()));
}

async function configure(front: PulumiFront, req: ProviderPb.ConfigureRequest): Promise<ProviderPb.ConfigureResponse> {
  const args = decode(front, req.getArgs()).values;
  const variables: Record<string, string> = {};
  req.getVariablesMap().forEach((value, key) => {
    variables[key] = value;
  });
  // PULUMI_CONFIG holds the stack's ovirt:* config, meant for the default provider only.
  const name = req.getName() || nameFromUrn(req.getUrn() ?? "");
  const isDefaultProvider = name === "" || name.startsWith("default");
  await front.session.configure({ args, variables, pulumiConfig: isDefaultProvider ? front.options.env.PULUMI_CONFIG : undefined });
  if (front.session.insecureHttp) await warn(front, req.getUrn() ?? "", front.session.insecureHttp);
  const response = new providerPb.ConfigureResponse();
  response.setAcceptsecrets(true);
  response.setAcceptresources(true);
  response.setAcceptoutputs(false);
  response.setSupportspreview(true);
  return response;
}

// --- resource RPCs ----------------------------------------------------------------------------------

async function check(front: PulumiFront, req: ProviderPb.CheckRequest): Promise<ProviderPb.CheckResponse> {
  const token = tokenOf(req);
  const handler = await resourceFor(front, token);
  const news = decode(front, req.getNews(), token);
  const olds = decode(front, req.getOlds(), token);
  // With no engine settings at all (a policy-only preview in CI, say), check plans without the
  // engine, as with a configuration not known yet; the create then fails with the not-configured
  // message. Any other failure to reach the engine stays an error here.
  const withEngine = front.session.readiness() !== "settings-missing";
  const context = front.session.context({ label: req.getUrn() ? nameFromUrn(req.getUrn()) : "", preview: false, urn: req.getUrn(), withEngine });
  const result = await handler.check({ news: news.values, olds: olds.values }, context);
  for (const warning of result.warnings ?? []) await warn(front, req.getUrn(), reasonOf(front, warning, token));
  const response = new providerPb.CheckResponse();
  response.setInputs(encodeProperties(result.inputs, union(news.secretKeys, front.schema.resourceSecretInputs(token))));
  response.setFailuresList(toFailures(front, result.failures, token));
  return response;
}

async function diff(front: PulumiFront, req: ProviderPb.DiffRequest): Promise<ProviderPb.DiffResponse> {
  const token = tokenOf(req);
  const handler = await resourceFor(front, token);
  const olds = decode(front, req.getOlds(), token).values;
  const news = decode(front, req.getNews(), token).values;
  const oldInputs = req.hasOldInputs() ? decode(front, req.getOldInputs(), token).values : olds;
  const result = await handler.diff({ id: req.getId(), olds, news, oldInputs });
  for (const warning of result.warnings ?? []) await warn(front, req.getUrn(), warning);
  return toDiffResponse(normaliseDiff(result, req.getIgnorechangesList()));
}

async function create(front: PulumiFront, req: ProviderPb.CreateRequest): Promise<ProviderPb.CreateResponse> {
  const token = tokenOf(req);
  const handler = await resourceFor(front, token);
  const inputs = decode(front, req.getProperties(), token);
  if (!req.getPreview()) requireEngine(front, `create of ${req.getUrn()}`);
  const result = await handler.create({ inputs: inputs.values }, contextFor(front, req.getUrn(), req.getPreview()));
  if (!req.getPreview() && !result.id) {
    throw new ProviderError(grpcStatus.INTERNAL, `create of ${req.getUrn()} returned no id (a bug in the ovirt provider)`);
  }
  const response = new providerPb.CreateResponse();
  response.setId(result.id);
  response.setProperties(encodeProperties(result.outputs, union(inputs.secretKeys, front.schema.resourceSecretOutputs(token))));
  return response;
}

async function read(front: PulumiFront, req: ProviderPb.ReadRequest): Promise<ProviderPb.ReadResponse> {
  const token = tokenOf(req);
  const handler = await resourceFor(front, token);
  const olds = decode(front, req.getProperties(), token);
  const oldInputs = decode(front, req.hasInputs() ? req.getInputs() : undefined, token);
  // Import and `.get()` send an id and nothing else; refresh sends the state it holds.
  const isImport = Object.keys(olds.values).length === 0 && Object.keys(oldInputs.values).length === 0;
  requireEngine(front, `read of ${req.getUrn()}`);
  const result = await handler.read({ id: req.getId(), olds: olds.values, oldInputs: oldInputs.values }, contextFor(front, req.getUrn(), false));
  const response = new providerPb.ReadResponse();
  if (!result) {
    if (isImport) {
      throw new ProviderError(
        grpcStatus.NOT_FOUND,
        `${handler.label} ${req.getId()} not found: check the id (${token} is imported by the engine's id of the entity)`,
      );
    }
    // Gone: an empty id tells the engine to drop it from the state.
    response.setId("");
    response.setProperties(encodeProperties({}));
    return response;
  }
  response.setId(result.id);
  response.setProperties(encodeProperties(result.outputs, union(olds.secretKeys, oldInputs.secretKeys, front.schema.resourceSecretOutputs(token))));
  response.setInputs(encodeProperties(result.inputs, union(oldInputs.secretKeys, front.schema.resourceSecretInputs(token))));
  return response;
}

async function update(front: PulumiFront, req: ProviderPb.UpdateRequest): Promise<ProviderPb.UpdateResponse> {
  const token = tokenOf(req);
  const handler = await resourceFor(front, token);
  const olds = decode(front, req.getOlds(), token);
  const news = decode(front, req.getNews(), token);
  const oldInputs = req.hasOldInputs() ? decode(front, req.getOldInputs(), token) : olds;
  if (!req.getPreview()) requireEngine(front, `update of ${req.getUrn()}`);
  const outputs = await handler.update({ id: req.getId(), olds: olds.values, news: news.values, oldInputs: oldInputs.values }, contextFor(front, req.getUrn(), req.getPreview()));
  const response = new providerPb.UpdateResponse();
  response.setProperties(encodeProperties(outputs, union(news.secretKeys, olds.secretKeys, front.schema.resourceSecretOutputs(token))));
  return response;
}

async function deleteResource(front: PulumiFront, req: ProviderPb.DeleteRequest): Promise<unknown> {
  const token = tokenOf(req);
  const handler = await resourceFor(front, token);
  const olds = decode(front, req.getProperties(), token);
  requireEngine(front, `delete of ${req.getUrn()}`);
  await handler.delete({ id: req.getId(), olds: olds.values }, contextFor(front, req.getUrn(), false));
  return new emptyPb.Empty();
}

// --- functions and lifecycle ----------------------------------------------------------------------

async function invoke(front: PulumiFront, req: ProviderPb.InvokeRequest): Promise<ProviderPb.InvokeResponse> {
  const token = req.getTok();
  const handler = await functionFor(front, token);
  const args = decode(front, req.getArgs());
  const result = await handler.invoke(args.values, contextFor(front, "", req.getPreview()));
  const response = new providerPb.InvokeResponse();
  response.setReturn(encodeProperties(result.outputs, union(args.secretKeys, front.schema.functionSecretOutputs(token))));
  response.setFailuresList(toFailures(front, result.failures, token));
  return response;
}

async function cancel(front: PulumiFront): Promise<unknown> {
  // Waits in progress stop now: their creates answer with partial failures that keep the ids.
  front.options.cancellation.abort();
  front.logger.info("cancel requested by the engine: giving up waits in progress, then shutting down");
  if (front.options.onCancel) setImmediate(front.options.onCancel);
  return new emptyPb.Empty();
}

/** The RPCs this provider does not offer, each with its reason. */
function notOffered(front: PulumiFront): UntypedServiceImplementation {
  const refuse = (method: string, why: string) => unary(front, () => method, async () => {
    throw unimplemented(method, why);
  });
  return {
    parameterize: refuse("Parameterize", "it is not a parameterized provider"),
    construct: refuse("Construct", "it has no component resources"),
    call: refuse("Call", "its resources have no methods"),
    getMapping: refuse("GetMapping", "it maps to no other provider"),
    getMappings: refuse("GetMappings", "it maps to no other provider"),
    list: (call: ServerWritableStream<unknown, unknown>) => {
      call.emit("error", { code: grpcStatus.UNIMPLEMENTED, details: "the ovirt provider does not implement List" });
    },
  };
}

/** The ResourceProvider service: one named adapter per RPC over one explicit front-end state. */
export function createResourceProviderService(options: ServiceOptions): UntypedServiceImplementation {
  const front = createFront(options);
  const secretsOf = (...structs: (Struct | undefined)[]) => union(...structs.map((struct) => decodeProperties(struct).secretKeys));
  return {
    getPluginInfo: unary(front, () => "GetPluginInfo", () => getPluginInfo(front)),
    getSchema: unary(front, () => "GetSchema", (req: ProviderPb.GetSchemaRequest) => getSchema(front, req)),
    handshake: unary(front, () => "Handshake", (req: ProviderPb.ProviderHandshakeRequest) => handshake(front, req)),
    attach: unary(front, () => "Attach", async (req: PluginPb.PluginAttach) => {
      front.state.engineAddress = req.getAddress();
      return new emptyPb.Empty();
    }),
    checkConfig: unary(front, () => "CheckConfig", (req: ProviderPb.CheckRequest) => checkProviderConfig(front, req)),
    diffConfig: unary(front, () => "DiffConfig", (req: ProviderPb.DiffRequest) => diffProviderConfig(front, req)),
    configure: unary(front, () => "Configure", (req: ProviderPb.ConfigureRequest) => configure(front, req)),
    check: unary(front, (req: ProviderPb.CheckRequest) => `check ${req.getUrn()}`, (req) => check(front, req)),
    diff: unary(front, (req: ProviderPb.DiffRequest) => `diff ${req.getUrn()}`, (req) => diff(front, req)),
    create: unary(front, (req: ProviderPb.CreateRequest) => `create ${req.getUrn()}`, (req) => create(front, req),
      (req) => union(secretsOf(req.getProperties()), front.schema.resourceSecretOutputs(tokenOf(req)))),
    read: unary(front, (req: ProviderPb.ReadRequest) => `read ${req.getUrn()} (${req.getId()})`, (req) => read(front, req)),
    update: unary(front, (req: ProviderPb.UpdateRequest) => `update ${req.getUrn()}`, (req) => update(front, req),
      (req) => union(secretsOf(req.getNews(), req.getOlds()), front.schema.resourceSecretOutputs(tokenOf(req)))),
    delete: unary(front, (req: ProviderPb.DeleteRequest) => `delete ${req.getUrn()} (${req.getId()})`, (req) => deleteResource(front, req)),
    invoke: unary(front, (req: ProviderPb.InvokeRequest) => `invoke ${req.getTok()}`, (req) => invoke(front, req)),
    cancel: unary(front, () => "Cancel", () => cancel(front)),
    ...notOffered(front),
  };
}
