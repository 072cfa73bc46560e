// #22: the Terraform front end hides every secret it is given, not just the provider password:
// a sysprep admin password (a sensitive nested attribute), of any length, also JSON- and
// XML-escaped, never reaches a diagnostic or the provider log. A stand-in VM handler repeats the
// password in its error, as an engine fault quoting a request body would.

import { credentials, makeClientConstructor, type ServiceError } from "@grpc/grpc-js";
import { encode } from "@msgpack/msgpack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineClient } from "../../provider/engine/index.ts";
import type { ResourceHandler } from "../../provider/resources/types.ts";
import { createTerraformServer, type TerraformServer } from "../../provider/terraform/index.ts";
import { providerService } from "../../provider/terraform/proto.ts";
import { providerConfig, resourceTypes } from "../../provider/terraform/schema.ts";

const ProviderClient = makeClientConstructor(providerService, "tfplugin6.Provider");
type Value = Record<string, unknown>;
const dv = (value: unknown) => ({ msgpack: Buffer.from(encode(value, { useBigInt64: true })) });
const diagnostics = (response: Value) => (response.diagnostics ?? []) as { severity: string; detail: string }[];

/** Short on purpose: the old scrubbers skipped secrets under 6 characters. */
const SYSPREP_PASSWORD = `P<"1`;

const leakyVm: ResourceHandler = {
  token: "ovirt:index:Vm",
  label: "VM",
  async check({ news }) {
    return { inputs: news, failures: [] };
  },
  async diff() {
    return { changes: false, replaces: [], detailedDiff: {}, deleteBeforeReplace: false };
  },
  async create({ inputs }, ctx) {
    if (ctx.preview) return { id: "", outputs: inputs };
    ctx.log(`sending <admin_password>P&lt;&quot;1</admin_password> for ${String(inputs.name)}`);
    throw new Error(`engine refused {"adminPassword":${JSON.stringify(SYSPREP_PASSWORD)}} (plain: ${SYSPREP_PASSWORD})`);
  },
  async read() {
    return undefined;
  },
  async update({ olds }) {
    return olds;
  },
  async delete() {},
};

describe("the Terraform front end hides a sysprep password (#22)", () => {
  const log: string[] = [];
  let server: TerraformServer;
  let call: (method: string, request: Value) => Promise<Value>;

  beforeAll(async () => {
    server = createTerraformServer({
      resources: [leakyVm],
      engineFactory: () => ({ ping: async () => ({ version: "4.5" }) }) as unknown as EngineClient,
      env: { OVIRT_USERNAME: "admin@internal", OVIRT_PASSWORD: "provider-password-1" },
      verbosity: 2,
      writeLog: (line) => log.push(line),
    });
    const client = new ProviderClient((await server.listen()).split("|")[3]!, credentials.createInsecure());
    call = (method, request) =>
      new Promise((resolve, reject) => {
        const fn = (client as unknown as Record<string, (req: unknown, cb: (err: ServiceError | null, res: unknown) => void) => void>)[method]!;
        fn.call(client, request, (err, res) => (err ? reject(err) : resolve(res as Value)));
      });
    const config = Object.fromEntries(providerConfig.attributes.map((a) => [a.name, a.name === "url" ? "https://engine.test/ovirt-engine/api" : null]));
    expect(diagnostics(await call("ConfigureProvider", { config: dv(config) }))).toEqual([]);
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it("in the apply's diagnostic and in the log, plain, JSON-escaped and XML-escaped", async () => {
    const spec = resourceTypes.get("ovirt_vm")!;
    const initialization = Object.fromEntries(spec.byName.get("initialization")!.nested!.attributes.map((a) => [a.name, null]));
    const sysprepSpec = spec.byName.get("initialization")!.nested!.attributes.find((a) => a.name === "sysprep")!.nested!;
    const sysprep = Object.fromEntries(sysprepSpec.attributes.map((a) => [a.name, a.name === "admin_password" ? SYSPREP_PASSWORD : null]));
    const vm = Object.fromEntries(spec.attributes.map((a) => [a.name, a.name === "name" ? "win-desk" : a.name === "initialization" ? { ...initialization, sysprep } : null]));
    const plan = await call("PlanResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), proposed_new_state: dv(vm), config: dv(vm) });
    const applied = await call("ApplyResourceChange", { type_name: "ovirt_vm", prior_state: dv(null), planned_state: plan.planned_state, config: dv(vm) });
    const [problem] = diagnostics(applied);
    expect(problem?.detail).toContain("engine refused");
    const text = [problem?.detail ?? "", ...log].join("\n");
    expect(text).toContain("[secret]");
    expect(text).not.toContain(SYSPREP_PASSWORD);
    expect(text).not.toContain(JSON.stringify(SYSPREP_PASSWORD).slice(1, -1));
    expect(text).not.toContain("P&lt;&quot;1");
  });
});
