// The HTTPS front: one pipeline of small steps (http/steps.ts) per request, outermost first:
// respond (write or drop the answer), target (merge slashes, refuse bad escapes), stats, count,
// imageio, body (413 past the limit), faults (latency, 503, drop), services (PKI, SSO, grants),
// version, auth, codec, route.
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Engine } from "./engine.ts";
import { compose, newExchange } from "./http/pipeline.ts";
import {
  auth, body, codec, count, faults as faultStep, imageio, MAX_HEADER_BYTES, respond, route, services, stats, target, version,
  type FaultKnobs,
} from "./http/steps.ts";

export type { FaultKnobs } from "./http/steps.ts";

export class RequestCounters {
  private counts = new Map<string, number>();
  private since = Date.now();

  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  snapshot(): { since: string; total: number; requests: Record<string, number> } {
    const requests = Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    return { since: new Date(this.since).toISOString(), total, requests };
  }

  reset(): void {
    this.counts.clear();
    this.since = Date.now();
  }
}

export interface ServerDeps {
  engine: Engine;
  faults: FaultKnobs;
  counters: RequestCounters;
  tls: { cert: string; key: string };
  log?: (line: string) => void;
}

/** The steps in order; exported so a test can see the pipeline the server runs. */
export function pipelineSteps(deps: ServerDeps): ReturnType<typeof respond>[] {
  const { engine, counters } = deps;
  return [
    respond(deps.log), target, stats(engine, counters), count(counters), imageio(engine), body(),
    faultStep(deps.faults), services(engine), version, auth(engine), codec, route(engine),
  ];
}

export function createServer(deps: ServerDeps): https.Server {
  const handle = compose(pipelineSteps(deps));
  const server = https.createServer({ cert: deps.tls.cert, key: deps.tls.key, maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handle(newExchange(req, res)).catch((err: unknown) => {
      // respond() catches what the steps throw; this is the last resort if writing itself failed.
      deps.log?.(`internal error: ${err instanceof Error ? err.message : String(err)}`);
      res.destroy();
    });
  });
  // `Expect: 201-created` is not 100-continue: without this listener node would answer 417.
  server.on("checkExpectation", (req: IncomingMessage, res: ServerResponse) => server.emit("request", req, res));
  server.keepAliveTimeout = 30_000;
  return server;
}
