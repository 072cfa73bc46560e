// One provider session, shared by both front ends (provider/pulumi/, provider/terraform/): the
// configuration (the only place that reads the OVIRT_* fallbacks, through config.ts), the engine
// client built once at configure and handed to every call in its ResourceContext, the settings this
// run plans (plans.ts), cancellation, the secrets the scrubber must hide, and which errors are bugs.
// A front end adds only its protocol: value encoding, unknowns, secrets on the wire, diff shapes,
// diagnostics and the wording of the core's hints.

import { CONFIG_KEYS, CONFIG_ENV, describeConfig, notConfigured, resolveConfig, type ConfigKey, type ConfigSources } from "./config.ts";
import type { EngineClient, EngineConfig } from "./engine/index.ts";
import { HintedError } from "./hints.ts";
import type { Logger, Scrubber } from "./logging.ts";
import { PlannedSettings } from "./resources/plans.ts";
import type { FunctionHandler, ResourceContext, ResourceHandler } from "./resources/types.ts";

export type EngineFactory = (config: EngineConfig) => EngineClient | Promise<EngineClient>;

/** What the provider serves (provider/registry.ts) and how it builds its engine client. */
export interface Catalog {
  resources: readonly ResourceHandler[];
  functions: readonly FunctionHandler[];
  engineFactory: EngineFactory;
}

export interface SessionOptions {
  /** Loaded at the first call that needs it (the Pulumi plugin prints its port first). */
  catalog: () => Promise<Catalog>;
  logger: Logger;
  scrubber: Scrubber;
  env: Record<string, string | undefined>;
  /** Aborted by Cancel / StopProvider: waits in progress give up, calls that need the engine are refused. */
  cancellation: AbortController;
  /** The log level of the engine client's one line per request. */
  requestLog: "info" | "debug";
  /**
   * A login and the API root at configure, so a wrong URL, password or CA fails there, naming its
   * setting (Pulumi configures once per command, before any preview).
   */
  checkAtConfigure: boolean;
  /**
   * When url, username or password are missing, calls get an engine whose every use fails with the
   * not-configured message (Pulumi), instead of no engine at all (Terraform, whose plan checks
   * then skip the engine).
   */
  failingEngineWhenMissing: boolean;
}

/** Errors from JavaScript itself mean a bug in the provider rather than a problem to report. */
const BUG_ERRORS = new Set(["TypeError", "ReferenceError", "RangeError", "SyntaxError", "EvalError", "URIError"]);

export function looksLikeBug(err: unknown): boolean {
  return err instanceof Error && BUG_ERRORS.has(err.constructor.name);
}

/** A call needs the engine, but url, username or password are not set. */
export class NotConfiguredError extends HintedError {
  readonly missing: readonly ConfigKey[];
  constructor(missing: readonly ConfigKey[]) {
    super(notConfigured(missing));
    this.name = "NotConfiguredError";
    this.missing = missing;
  }
}

/** Where the session stands for a call that needs the engine; each front end words these. */
export type Readiness = "ready" | "cancelled" | "not-configured-yet" | "config-unknown" | "settings-missing";

export interface ContextRequest {
  /** Prefix of the call's log lines (a resource name or type). */
  label: string;
  preview: boolean;
  /** The Pulumi URN (empty for Terraform and functions). */
  urn?: string;
  /** A creation marker supplied by the front end (see creationMarker). */
  marker?: string;
  /** False for checks that must not reach the engine (Terraform's validation). */
  withEngine?: boolean;
}

export class ProviderSession {
  readonly plans = new PlannedSettings();
  readonly #options: SessionOptions;
  #catalog: Promise<{ resources: Map<string, ResourceHandler>; functions: Map<string, FunctionHandler>; engineFactory: EngineFactory }> | undefined;
  #engine: EngineClient | undefined;
  #missing: readonly ConfigKey[] | undefined;
  #configured = false;
  #insecureHttp: string | undefined;

  constructor(options: SessionOptions) {
    this.#options = options;
    // Credentials from the environment are known before any call.
    options.scrubber.addCredentials(options.env[CONFIG_ENV.username], options.env[CONFIG_ENV.password]);
  }

  get signal(): AbortSignal {
    return this.#options.cancellation.signal;
  }

  /** The engine client, undefined when the configuration is unknown or incomplete. */
  get engine(): EngineClient | undefined {
    return this.#missing ? undefined : this.#engine;
  }

  /** The warning for a plain http:// engine URL the user allowed (insecureHttp), to show on every run. */
  get insecureHttp(): string | undefined {
    return this.#insecureHttp;
  }

  /** The missing settings when the configuration is incomplete. */
  get missing(): readonly ConfigKey[] | undefined {
    return this.#missing;
  }

  async #loaded() {
    const load = async () => {
      const catalog = await this.#options.catalog();
      return {
        resources: new Map(catalog.resources.map((handler) => [handler.token, handler])),
        functions: new Map(catalog.functions.map((handler) => [handler.token, handler])),
        engineFactory: catalog.engineFactory,
      };
    };
    this.#catalog ??= load();
    // A failed load is tried again by the next call.
    return this.#catalog.catch((err: unknown) => {
      this.#catalog = undefined;
      throw err;
    });
  }

  async resource(token: string): Promise<ResourceHandler | undefined> {
    return (await this.#loaded()).resources.get(token);
  }

  async function(token: string): Promise<FunctionHandler | undefined> {
    return (await this.#loaded()).functions.get(token);
  }

  async resourceTokens(): Promise<string[]> {
    return [...(await this.#loaded()).resources.keys()];
  }

  async functionTokens(): Promise<string[]> {
    return [...(await this.#loaded()).functions.keys()];
  }

  /**
   * Resolves the settings (args, then the front end's own sources, then OVIRT_*) and builds the
   * engine client. Throws a ConfigError naming the setting for an invalid value.
   */
  async configure(sources: Omit<ConfigSources, "env">): Promise<void> {
    const { logger, scrubber } = this.#options;
    const resolved = resolveConfig({ ...sources, env: this.#options.env });
    this.#configured = true;
    this.#engine = undefined;
    this.#missing = undefined;
    this.#insecureHttp = undefined;
    if (resolved.state === "unknown") {
      logger.info(`configuration not known yet (${resolved.unknownKeys.join(", ")}): planning without the engine`);
      return;
    }
    if (resolved.state === "incomplete") {
      this.#missing = resolved.missing;
      logger.info(`not configured: ${resolved.missing.join(", ")} missing`);
      return;
    }
    scrubber.addCredentials(resolved.config.username, resolved.config.password);
    const log = (line: string) => (this.#options.requestLog === "info" ? logger.info(line) : logger.debug(line));
    const config: EngineConfig = { ...resolved.config, log, signal: this.signal };
    this.#engine = await (await this.#loaded()).engineFactory(config);
    if (resolved.insecureHttp) {
      this.#insecureHttp = insecureHttpWarning(resolved.config.url);
      logger.error(this.#insecureHttp);
    }
    if (this.#options.checkAtConfigure) {
      const { version } = await this.#engine.ping();
      logger.info(`configured for ${describeConfig(resolved.config)} (engine ${version})`);
    } else {
      logger.info(`configured for ${describeConfig(resolved.config)}`);
    }
  }

  /** Whether a call that needs the engine may run. */
  readiness(): Readiness {
    if (this.signal.aborted) return "cancelled";
    if (!this.#configured) return "not-configured-yet";
    if (this.#missing) return "settings-missing";
    return this.#engine ? "ready" : "config-unknown";
  }

  context(request: ContextRequest): ResourceContext {
    const { logger, scrubber } = this.#options;
    const label = request.label;
    return {
      engine: request.withEngine === false ? undefined : this.#contextEngine(),
      preview: request.preview,
      log: (message) => logger.info(scrubber.scrub(label ? `${label}: ${message}` : message)),
      signal: this.signal,
      plans: this.plans,
      urn: request.urn ?? "",
      marker: request.marker,
    };
  }

  #contextEngine(): EngineClient | undefined {
    const missing = this.#missing;
    if (!missing) return this.#engine;
    return this.#options.failingEngineWhenMissing ? failingEngine(missing) : undefined;
  }

  /** Hides a value (and every string inside it) in logs and messages from now on. */
  hideSecret(value: unknown): void {
    if (typeof value === "string") this.#options.scrubber.add(value);
    else if (Array.isArray(value)) value.forEach((item) => this.hideSecret(item));
    else if (typeof value === "object" && value !== null) Object.values(value).forEach((item) => this.hideSecret(item));
  }
}

/** An EngineClient stand-in for when settings are missing: any use fails with NotConfiguredError. */
function failingEngine(missing: readonly ConfigKey[]): EngineClient {
  return new Proxy({} as EngineClient, {
    get(_target, property) {
      if (property === "then") return undefined; // not a thenable
      return () => Promise.reject(new NotConfiguredError(missing));
    },
  });
}

/** Said on every run that talks to an engine over plain HTTP (the user opted in with insecureHttp). */
export function insecureHttpWarning(url: string): string {
  return `WARNING: ${url} is plain HTTP: the password and every console ticket cross the network unencrypted ` +
    "(insecureHttp is set). Use an https:// URL outside a test network.";
}

export { CONFIG_KEYS };
