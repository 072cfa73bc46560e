// Each step of the request pipeline alone, on a hand-made exchange (no server, no socket).
import { Readable } from "node:stream";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { compose, newExchange, type Exchange, type Step } from "../../emulator/http/pipeline.ts";
import {
  answerFormat, body, codec, count, faults, respond, route, services, stats, target, version,
} from "../../emulator/http/steps.ts";
import type { Engine } from "../../emulator/engine.ts";

interface Written {
  status?: number;
  headers: Record<string, string>;
  text: string;
  destroyed: boolean;
}

function fakeExchange(method: string, url: string, headers: Record<string, string> = {}, payload = ""): { ex: Exchange; out: Written } {
  const req = Readable.from(payload === "" ? [] : [Buffer.from(payload)]) as unknown as IncomingMessage & { socket: { destroy(): void } };
  const out: Written = { headers: {}, text: "", destroyed: false };
  Object.assign(req, { method, url, headers, socket: { destroy: () => (out.destroyed = true) } });
  const res: { headersSent: boolean; statusCode: number; writeHead(s: number, h: Record<string, string>): void; end(t?: string): void } = {
    headersSent: false,
    statusCode: 200,
    writeHead(status: number, h: Record<string, string>) {
      out.status = status;
      this.statusCode = status;
      out.headers = h;
      this.headersSent = true;
    },
    end(text?: string) {
      out.text = text ?? "";
    },
  };
  const ex = newExchange(req, res as unknown as ServerResponse);
  return { ex, out };
}

/** Runs one step with a next() that records whether it was called. */
async function runStep(step: Step, ex: Exchange): Promise<boolean> {
  let passed = false;
  await step(ex, async () => {
    passed = true;
  });
  return passed;
}

const fakeEngine = (over: Partial<Engine> = {}): Engine => ({ caPem: "CA", users: new Map(), ...over }) as unknown as Engine;

describe("request pipeline steps", () => {
  it("compose runs the steps in order, each wrapping the next", async () => {
    const seen: string[] = [];
    const step = (name: string): Step => async (_ex, next) => {
      seen.push(`${name}>`);
      await next();
      seen.push(`<${name}`);
    };
    await compose([step("a"), step("b")])(fakeExchange("GET", "/").ex);
    expect(seen).toEqual(["a>", "b>", "<b", "<a"]);
  });

  it("target merges repeated slashes as Apache's MergeSlashes does, and resolves dot segments", async () => {
    const { ex } = fakeExchange("GET", "/ovirt-engine/api//vms///x?search=a//b");
    expect(await runStep(target, ex)).toBe(true);
    expect(ex.url.pathname).toBe("/ovirt-engine/api/vms/x");
    expect(ex.url.searchParams.get("search")).toBe("a//b");
    const leading = fakeExchange("GET", "//ovirt-engine/api/../emulator/stats").ex;
    await runStep(target, leading);
    expect(leading.url.host).toBe("emulator.invalid");
    expect(leading.url.pathname).toBe("/ovirt-engine/emulator/stats");
  });

  it("target answers a malformed percent-escape with the engine's 400 fault", async () => {
    const { ex, out } = fakeExchange("GET", "/ovirt-engine/api/vms/%E0%A4%A");
    expect(await runStep(target, ex)).toBe(false);
    ex.answer?.(ex.res);
    expect(out.status).toBe(400);
    expect(out.text).toMatch(/<fault>[\s\S]*<reason>Bad Request<\/reason>[\s\S]*<detail>/);
  });

  it("stats answers without credentials, but a reset needs the admin", async () => {
    let resets = 0;
    const counters = { add: () => undefined, reset: () => void resets++, snapshot: () => ({ total: 1 }) };
    const engine = fakeEngine({ store: { getToken: () => undefined } } as unknown as Partial<Engine>);
    const get = fakeExchange("GET", "/ovirt-engine/emulator/stats");
    await runStep(target, get.ex);
    expect(await runStep(stats(engine, counters), get.ex)).toBe(false);
    get.ex.answer?.(get.ex.res);
    expect(JSON.parse(get.out.text)).toEqual({ total: 1 });
    const del = fakeExchange("DELETE", "/ovirt-engine/emulator/stats");
    await runStep(target, del.ex);
    await runStep(stats(engine, counters), del.ex);
    del.ex.answer?.(del.ex.res);
    expect(del.out.status).toBe(401);
    expect(resets).toBe(0);
  });

  it("count adds the route key the later steps settled on", async () => {
    const keys: string[] = [];
    const { ex } = fakeExchange("GET", "/x");
    await count({ add: (k) => void keys.push(k), reset: () => undefined, snapshot: () => ({}) })(ex, async () => {
      ex.routeKey = "GET /ovirt-engine/api/vms";
    });
    expect(keys).toEqual(["GET /ovirt-engine/api/vms"]);
  });

  it("body reads the request body and refuses one over the limit with the 413 fault", async () => {
    const small = fakeExchange("POST", "/", {}, "<vm/>");
    expect(await runStep(body(10), small.ex)).toBe(true);
    expect(small.ex.body).toBe("<vm/>");
    const big = fakeExchange("POST", "/", {}, "x".repeat(11));
    expect(await runStep(body(10), big.ex)).toBe(false);
    big.ex.answer?.(big.ex.res);
    expect(big.out.status).toBe(413);
    expect(big.out.text).toContain("<fault>");
    const declared = fakeExchange("POST", "/", { "content-length": "99999" }, "x");
    expect(await runStep(body(10), declared.ex)).toBe(false);
  });

  it("faults answer 503 before processing, and mark the answer lost after processing", async () => {
    const failing = fakeExchange("GET", "/").ex;
    expect(await runStep(faults({ errorRate: 0.5 }, () => 0.1), failing)).toBe(false);
    expect(failing.routeKey).toBe("GET 503");
    const dropped = fakeExchange("GET", "/").ex;
    expect(await runStep(faults({ dropRate: 0.5 }, () => 0.1), dropped)).toBe(true);
    expect(dropped.dropped).toBe(true);
    const calm = fakeExchange("GET", "/").ex;
    expect(await runStep(faults({ errorRate: 0.5, dropRate: 0.5 }, () => 0.9), calm)).toBe(true);
    expect(calm.dropped).toBe(false);
  });

  it("respond writes the chosen answer, destroys the socket of a dropped one, and turns a throw into a fault", async () => {
    const dropped = fakeExchange("GET", "/");
    await respond()(dropped.ex, async () => {
      dropped.ex.dropped = true;
    });
    expect(dropped.out.destroyed).toBe(true);
    expect(dropped.out.status).toBeUndefined();
    const thrown = fakeExchange("GET", "/");
    await respond()(thrown.ex, async () => {
      throw new Error("boom");
    });
    expect(thrown.out.status).toBe(500);
    expect(thrown.out.text).toContain("<reason>Operation Failed</reason>");
  });

  it("services serve the CA and answer 404 outside the API; the API passes on", async () => {
    const ca = fakeExchange("GET", "/ovirt-engine/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA");
    await runStep(target, ca.ex);
    expect(await runStep(services(fakeEngine()), ca.ex)).toBe(false);
    ca.ex.answer?.(ca.ex.res);
    expect(ca.out.text).toBe("CA");
    const other = fakeExchange("GET", "/elsewhere");
    await runStep(target, other.ex);
    expect(await runStep(services(fakeEngine()), other.ex)).toBe(false);
    const api = fakeExchange("GET", "/ovirt-engine/api/vms");
    await runStep(target, api.ex);
    expect(await runStep(services(fakeEngine()), api.ex)).toBe(true);
  });

  it("version keeps /v4 in the prefix, strips it from the path and refuses other versions", async () => {
    const v4 = fakeExchange("GET", "/ovirt-engine/api/v4/vms");
    await runStep(target, v4.ex);
    expect(await runStep(version, v4.ex)).toBe(true);
    expect([v4.ex.prefix, v4.ex.rest]).toEqual(["/ovirt-engine/api/v4", "/vms"]);
    const v3 = fakeExchange("GET", "/ovirt-engine/api/v3/vms");
    await runStep(target, v3.ex);
    expect(await runStep(version, v3.ex)).toBe(false);
    const header = fakeExchange("GET", "/ovirt-engine/api", { version: "3" });
    await runStep(target, header.ex);
    expect(await runStep(version, header.ex)).toBe(false);
  });

  it("codec picks JSON only when the client puts it first, and reads the body's Content-Type", async () => {
    const { ex } = fakeExchange("GET", "/", { accept: "application/json", "content-type": "application/json" });
    await runStep(codec, ex);
    expect([ex.format, ex.inFormat]).toEqual(["json", "json"]);
    expect(answerFormat(ex.req, new URLSearchParams("accept=application/xml"))).toBe("xml");
  });

  it("route answers an unknown path 404 and a known path with another method 405, both empty", async () => {
    const unknown = fakeExchange("GET", "/");
    unknown.ex.rest = "/nothing-here";
    await runStep(route(fakeEngine()), unknown.ex);
    unknown.ex.answer?.(unknown.ex.res);
    expect([unknown.out.status, unknown.out.text]).toEqual([404, ""]);
    const method = fakeExchange("PATCH", "/");
    method.ex.rest = "/vms";
    await runStep(route(fakeEngine()), method.ex);
    method.ex.answer?.(method.ex.res);
    expect(method.out.status).toBe(405);
  });
});
