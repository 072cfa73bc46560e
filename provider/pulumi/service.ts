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

export function createResourceProviderService(options: ServiceOptions): UntypedServiceImplementation {
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
  const state: ProviderState = {};
  const scrub = (text: string) => scrubber.scrub(text);
  const hideSecret = (value: unknown) => session.hideSecret(value);

  /** `token`: a resource's inputs, whose schema-secret fields are hidden even when sent in plain. */
  function decode(struct: Struct | undefined, token?: string) {
    const decoded = decodeProperties(struct);
    for (const key of decoded.secretKeys) hideSecret(decoded.values[key]);
    if (token !== undefined) valuesAtPaths(decoded.values, schema.resourceSecretInputs(token)).forEach(hideSecret);
    return decoded;
  }

  function unary<Req, Res>(operation: (req: Req) => string, run: (req: Req) => Promise<Res>, secretOutputs?: (req: Req) => Iterable<string>): Unary<Req, Res> {
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
            scrub,
            logBug: (text) => logger.error(text),
            secretOutputs: secretOutputs ? secretOutputs(req) : [],
          });
          logger.info(`${label}: ${error.details ?? error.message}`);
          callback(error);
        },
      );
    };
  }

  function tokenOf(req: { getType(): string; getUrn(): string }): string {
    return req.getType() || typeFromUrn(req.getUrn());
  }

  async function resourceFor(token: string): Promise<ResourceHandler> {
    const handler = await session.resource(token);
    if (!handler) {
      throw new ProviderError(
        grpcStatus.INVALID_ARGUMENT,
        `unknown resource type "${token}": the ovirt plugin ${schema.version} provides ${(await session.resourceTokens()).join(", ")}; ` +
          "check that the pulumi-ovirt SDK and the plugin are the same version",
      );
    }
    return handler;
  }

  async function functionFor(token: string): Promise<FunctionHandler> {
    const handler = await session.function(token);
    if (!handler) {
      throw new ProviderError(
        grpcStatus.INVALID_ARGUMENT,
        `unknown function "${token}": the ovirt plugin ${schema.version} provides ${(await session.functionTokens()).join(", ")}; ` +
          "check that the pulumi-ovirt SDK and the plugin are the same version",
      );
    }
    return handler;
  }

  const context = (urn: string, preview: boolean) => session.context({ label: urn ? nameFromUrn(urn) : "", preview, urn });

  function requireEngine(operation: string): void {
    switch (session.readiness()) {
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

  /** A failure's reason in Pulumi's words, about the resource `token`. */
  const reasonOf = (failure: CheckFailure, token?: string) => scrub(failure.said ? forPulumi(failure.said, token) : failure.reason);

  function toFailures(failures: readonly CheckFailure[], token?: string): ProviderPb.CheckFailure[] {
    return failures.map((failure) => {
      const out = new providerPb.CheckFailure();
      out.setProperty(failure.property);
      out.setReason(reasonOf(failure, token));
      return out;
    });
  }

  const union = (...sets: Iterable<string>[]) => new Set(sets.flatMap((set) => [...set]));

  /** One connection to the engine's Log service, opened at first use (its address comes with Handshake or Attach). */
  let engineLog: { address: string; log: EngineLog } | undefined;
  /** A warning in the plan on the resource; the plugin's own log has it when the engine cannot be told. */
  async function warn(urn: string, message: string): Promise<void> {
    // Not a failure: a warning must never fail the call that reports it.
    await warnOnce(urn, message).catch((err: unknown) => logger.error(`warning for ${urn} not delivered: ${String(err)}`));
  }
  async function warnOnce(urn: string, message: string): Promise<void> {
    const address = state.engineAddress;
    const text = scrub(message);
    if (!address) {
      logger.error(`warning for ${urn}: ${text}`);
      return;
    }
    if (engineLog?.address !== address) {
      engineLog?.log.close();
      engineLog = { address, log: connectEngineLog(address) };
    }
    try {
      await engineLog.log.warn(urn, text);
    } catch (err) {
      logger.error(`warning for ${urn} (the engine at ${address} did not take it: ${err instanceof Error ? err.message : String(err)}): ${text}`);
    }
  }

  return {
    // --- plugin and schema -------------------------------------------------------------------
    getPluginInfo: unary(() => "GetPluginInfo", async () => {
      const info = new pluginPb.PluginInfo();
      info.setVersion(schema.version);
      return info;
    }),

    getSchema: unary<ProviderPb.GetSchemaRequest, ProviderPb.GetSchemaResponse>(() => "GetSchema", async (req) => {
      if (req.getVersion() !== 0) {
        throw new ProviderError(grpcStatus.INVALID_ARGUMENT, `schema version ${req.getVersion()} is not supported; the ovirt plugin serves version 0`);
      }
      if (req.getSubpackageName()) {
        throw new ProviderError(grpcStatus.INVALID_ARGUMENT, `the ovirt plugin has no subpackage "${req.getSubpackageName()}"`);
      }
      const response = new providerPb.GetSchemaResponse();
      response.setSchema(schema.text);
      return response;
    }),

    handshake: unary<ProviderPb.ProviderHandshakeRequest, ProviderPb.ProviderHandshakeResponse>(() => "Handshake", async (req) => {
      state.engineAddress = req.getEngineAddress() || state.engineAddress;
      const response = new providerPb.ProviderHandshakeResponse();
      response.setAcceptSecrets(true);
      response.setAcceptResources(true);
      response.setAcceptOutputs(false);
      response.setSupportsAutonamingConfiguration(false);
      return response;
    }),

    attach: unary<PluginPb.PluginAttach, unknown>(() => "Attach", async (req) => {
      state.engineAddress = req.getAddress();
      return new emptyPb.Empty();
    }),

    // --- provider configuration ------------------------------------------------------------------
    checkConfig: unary<ProviderPb.CheckRequest, ProviderPb.CheckResponse>(() => "CheckConfig", async (req) => {
      const news = decode(req.getNews());
      const response = new providerPb.CheckResponse();
      response.setInputs(encodeProperties(news.values, union(news.secretKeys, schema.configSecrets)));
      response.setFailuresList(toFailures(checkConfig(news.values, options.env)));
      return response;
    }),

    diffConfig: unary<ProviderPb.DiffRequest, ProviderPb.DiffResponse>(() => "DiffConfig", async (req) => {
      const olds = decode(req.getOldInputs() ?? req.getOlds()).values;
      const news = decode(req.getNews()).values;
      const result = diffConfig(Object.keys(olds).length > 0 ? olds : decode(req.getOlds()).values, news);
      return toDiffResponse(normaliseDiff({ ...result, replaces: [], deleteBeforeReplace: false }, req.getIgnorechangesList()));
    }),

    configure: unary<ProviderPb.ConfigureRequest, ProviderPb.ConfigureResponse>(() => "Configure", async (req) => {
      const args = decode(req.getArgs()).values;
      const variables: Record<string, string> = {};
      req.getVariablesMap().forEach((value, key) => {
        variables[key] = value;
      });
      // PULUMI_CONFIG holds the stack's ovirt:* config, meant for the default provider only.
      const name = req.getName() || nameFromUrn(req.getUrn() ?? "");
      const isDefaultProvider = name === "" || name.startsWith("default");
      await session.configure({ args, variables, pulumiConfig: isDefaultProvider ? options.env.PULUMI_CONFIG : undefined });
      if (session.insecureHttp) await warn(req.getUrn() ?? "", session.insecureHttp);
      const response = new providerPb.ConfigureResponse();
      response.setAcceptsecrets(true);
      response.setAcceptresources(true);
      response.setAcceptoutputs(false);
      response.setSupportspreview(true);
      return response;
    }),

    // --- resources ------------------------------------------------------------------------------
    check: unary<ProviderPb.CheckRequest, ProviderPb.CheckResponse>((req) => `check ${req.getUrn()}`, async (req) => {
      const token = tokenOf(req);
      const handler = await resourceFor(token);
      const news = decode(req.getNews(), token);
      const olds = decode(req.getOlds(), token);
      const result = await handler.check({ news: news.values, olds: olds.values }, context(req.getUrn(), false));
      for (const warning of result.warnings ?? []) await warn(req.getUrn(), reasonOf(warning, token));
      const response = new providerPb.CheckResponse();
      response.setInputs(encodeProperties(result.inputs, union(news.secretKeys, schema.resourceSecretInputs(token))));
      response.setFailuresList(toFailures(result.failures, token));
      return response;
    }),

    diff: unary<ProviderPb.DiffRequest, ProviderPb.DiffResponse>((req) => `diff ${req.getUrn()}`, async (req) => {
      const token = tokenOf(req);
      const handler = await resourceFor(token);
      const olds = decode(req.getOlds(), token).values;
      const news = decode(req.getNews(), token).values;
      const oldInputs = req.hasOldInputs() ? decode(req.getOldInputs(), token).values : olds;
      const result = await handler.diff({ id: req.getId(), olds, news, oldInputs });
      for (const warning of result.warnings ?? []) await warn(req.getUrn(), warning);
      return toDiffResponse(normaliseDiff(result, req.getIgnorechangesList()));
    }),

    create: unary<ProviderPb.CreateRequest, ProviderPb.CreateResponse>(
      (req) => `create ${req.getUrn()}`,
      async (req) => {
        const token = tokenOf(req);
        const handler = await resourceFor(token);
        const inputs = decode(req.getProperties(), token);
        if (!req.getPreview()) requireEngine(`create of ${req.getUrn()}`);
        const result = await handler.create({ inputs: inputs.values }, context(req.getUrn(), req.getPreview()));
        if (!req.getPreview() && !result.id) {
          throw new ProviderError(grpcStatus.INTERNAL, `create of ${req.getUrn()} returned no id (a bug in the ovirt provider)`);
        }
        const response = new providerPb.CreateResponse();
        response.setId(result.id);
        response.setProperties(encodeProperties(result.outputs, union(inputs.secretKeys, schema.resourceSecretOutputs(token))));
        return response;
      },
      (req) => union(decodeProperties(req.getProperties()).secretKeys, schema.resourceSecretOutputs(tokenOf(req))),
    ),

    read: unary<ProviderPb.ReadRequest, ProviderPb.ReadResponse>((req) => `read ${req.getUrn()} (${req.getId()})`, async (req) => {
      const token = tokenOf(req);
      const handler = await resourceFor(token);
      const olds = decode(req.getProperties(), token);
      const oldInputs = decode(req.hasInputs() ? req.getInputs() : undefined, token);
      // Import and `.get()` send an id and nothing else; refresh sends the state it holds.
      const isImport = Object.keys(olds.values).length === 0 && Object.keys(oldInputs.values).length === 0;
      requireEngine(`read of ${req.getUrn()}`);
      const result = await handler.read({ id: req.getId(), olds: olds.values, oldInputs: oldInputs.values }, context(req.getUrn(), false));
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
      response.setProperties(encodeProperties(result.outputs, union(olds.secretKeys, oldInputs.secretKeys, schema.resourceSecretOutputs(token))));
      response.setInputs(encodeProperties(result.inputs, union(oldInputs.secretKeys, schema.resourceSecretInputs(token))));
      return response;
    }),

    update: unary<ProviderPb.UpdateRequest, ProviderPb.UpdateResponse>(
      (req) => `update ${req.getUrn()}`,
      async (req) => {
        const token = tokenOf(req);
        const handler = await resourceFor(token);
        const olds = decode(req.getOlds(), token);
        const news = decode(req.getNews(), token);
        const oldInputs = req.hasOldInputs() ? decode(req.getOldInputs(), token) : olds;
        if (!req.getPreview()) requireEngine(`update of ${req.getUrn()}`);
        const outputs = await handler.update({ id: req.getId(), olds: olds.values, news: news.values, oldInputs: oldInputs.values }, context(req.getUrn(), req.getPreview()));
        const response = new providerPb.UpdateResponse();
        response.setProperties(encodeProperties(outputs, union(news.secretKeys, olds.secretKeys, schema.resourceSecretOutputs(token))));
        return response;
      },
      (req) => union(decodeProperties(req.getNews()).secretKeys, decodeProperties(req.getOlds()).secretKeys, schema.resourceSecretOutputs(tokenOf(req))),
    ),

    delete: unary<ProviderPb.DeleteRequest, unknown>((req) => `delete ${req.getUrn()} (${req.getId()})`, async (req) => {
      const token = tokenOf(req);
      const handler = await resourceFor(token);
      const olds = decode(req.getProperties(), token);
      requireEngine(`delete of ${req.getUrn()}`);
      await handler.delete({ id: req.getId(), olds: olds.values }, context(req.getUrn(), false));
      return new emptyPb.Empty();
    }),

    // --- functions ------------------------------------------------------------------------------
    invoke: unary<ProviderPb.InvokeRequest, ProviderPb.InvokeResponse>((req) => `invoke ${req.getTok()}`, async (req) => {
      const token = req.getTok();
      const handler = await functionFor(token);
      const args = decode(req.getArgs());
      const result = await handler.invoke(args.values, context("", req.getPreview()));
      const response = new providerPb.InvokeResponse();
      response.setReturn(encodeProperties(result.outputs, union(args.secretKeys, schema.functionSecretOutputs(token))));
      response.setFailuresList(toFailures(result.failures, token));
      return response;
    }),

    // --- lifecycle ------------------------------------------------------------------------------
    cancel: unary(() => "Cancel", async () => {
      // Waits in progress stop now: their creates answer with partial failures that keep the ids.
      options.cancellation.abort();
      logger.info("cancel requested by the engine: giving up waits in progress, then shutting down");
      if (options.onCancel) setImmediate(options.onCancel);
      return new emptyPb.Empty();
    }),

    // --- not offered ------------------------------------------------------------------------------
    parameterize: unary(() => "Parameterize", async () => {
      throw unimplemented("Parameterize", "it is not a parameterized provider");
    }),
    construct: unary(() => "Construct", async () => {
      throw unimplemented("Construct", "it has no component resources");
    }),
    call: unary(() => "Call", async () => {
      throw unimplemented("Call", "its resources have no methods");
    }),
    getMapping: unary(() => "GetMapping", async () => {
      throw unimplemented("GetMapping", "it maps to no other provider");
    }),
    getMappings: unary(() => "GetMappings", async () => {
      throw unimplemented("GetMappings", "it maps to no other provider");
    }),
    list: (call: ServerWritableStream<unknown, unknown>) => {
      call.emit("error", { code: grpcStatus.UNIMPLEMENTED, details: "the ovirt provider does not implement List" });
    },
  };
}

