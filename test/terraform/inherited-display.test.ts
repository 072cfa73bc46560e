// Display settings left out of an ovirt_template's configuration are the engine's to fill:
// AddVmTemplateCommand copies the source VM's (monitors, copy/paste, file transfer). Through
// tfplugin6 as Terraform's core calls the provider, against the emulator: the template is planned
// and applied with Terraform's consistency checks, then planned again and refreshed with no change.

import { credentials, makeClientConstructor, type Client, type ServiceError } from "@grpc/grpc-js";
import { decode, encode, ExtData } from "@msgpack/msgpack";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import * as registry from "../../provider/registry.ts";
import { createTerraformServer, type TerraformServer } from "../../provider/terraform/index.ts";
import { providerService } from "../../provider/terraform/proto.ts";
import { resourceTypes } from "../../provider/terraform/schema.ts";

const ProviderClient = makeClientConstructor(providerService, "tfplugin6.Provider");
type Value = Record<string, unknown>;
type Call = (method: string, request: Value) => Promise<Value>;

const dv = (value: unknown) => ({ msgpack: Buffer.from(encode(value, { useBigInt64: true })) });
const undv = (value: unknown) => decode((value as { msgpack: Buffer }).msgpack, { useBigInt64: true }) as Value;
const diagnostics = (response: Value) => (response.diagnostics ?? []) as { severity: string; detail: string }[];

/** A full configuration object of `type`: every attribute, null unless given. */
function config(type: string, values: Value): Value {
  return Object.fromEntries(resourceTypes.get(type)!.attributes.map((a) => [a.name, values[a.name] ?? null]));
}

/** Terraform's proposed new state: the configuration, with unset attributes from the prior state. */
function proposed(cfg: Value, prior: Value | null): Value {
  return Object.fromEntries(Object.entries(cfg).map(([k, v]) => [k, v === null ? (prior?.[k] ?? null) : v]));
}

describe("ovirt_template display settings inherited from its source VM (AddVmTemplateCommand)", () => {
  const workDir = mkdtempSync(join(tmpdir(), "pulumi-ovirt-tfinherit-"));
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator;
  let server: TerraformServer;
  let client: Client;
  let call: Call;

  beforeAll(async () => {
    emulator = await startEmulator(join(workDir, "engine"), password, ["--delay-ms", "0"]);
    server = createTerraformServer({
      resources: registry.resources, functions: registry.functions, engineFactory: registry.engineFactory,
      env: { OVIRT_USERNAME: "admin@internal", OVIRT_PASSWORD: password, OVIRT_TERRAFORM_OWNER: "inherit-test" },
    });
    client = new ProviderClient((await server.listen()).split("|")[3]!, credentials.createInsecure());
    call = (method, request) =>
      new Promise((resolve, reject) => {
        const fn = (client as unknown as Record<string, (req: unknown, cb: (err: ServiceError | null, res: unknown) => void) => void>)[method]!;
        fn.call(client, request, (err, res) => (err ? reject(err) : resolve(res as Value)));
      });
    const configured = await call("ConfigureProvider", { config: dv({ url: emulator.apiUrl, username: null, password: null, ca_file: emulator.caFile, insecure: null }) });
    expect(diagnostics(configured)).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    client?.close();
    await server?.shutdown();
    await emulator?.stop();
    removeWorkDir(workDir);
  });

  async function plan(type: string, cfg: Value, prior: Value | null) {
    const planned = await call("PlanResourceChange", {
      type_name: type, prior_state: dv(prior), proposed_new_state: dv(proposed(cfg, prior)), config: dv(cfg), prior_private: Buffer.alloc(0),
    });
    expect(diagnostics(planned)).toEqual([]);
    return planned;
  }

  /** Plans and applies a create, holding the state to what the plan knew, as Terraform does. */
  async function create(type: string, cfg: Value): Promise<Value> {
    const planned = await plan(type, cfg, null);
    const applied = await call("ApplyResourceChange", { type_name: type, prior_state: dv(null), planned_state: planned.planned_state, config: dv(cfg), planned_private: planned.planned_private });
    expect(diagnostics(applied)).toEqual([]);
    const state = undv(applied.new_state);
    for (const [k, v] of Object.entries(undv(planned.planned_state))) if (!(v instanceof ExtData)) expect(state[k], k).toEqual(v);
    return state;
  }

  it("plans no change after create, and a refresh finds no drift", async () => {
    const source = await create("ovirt_vm", config("ovirt_vm", { name: "tf-inherit-src", running: false, monitors: 2, copy_paste_enabled: false, file_transfer_enabled: false }));
    const templateConfig = config("ovirt_template", { name: "tf-inherit-tpl", source_vm: source.id });
    const state = await create("ovirt_template", templateConfig);
    const again = await plan("ovirt_template", templateConfig, state);
    expect(undv(again.planned_state)).toEqual(state);
    expect(again.requires_replace ?? []).toEqual([]);
    const refreshed = await call("ReadResource", { type_name: "ovirt_template", current_state: dv(state), private: Buffer.alloc(0) });
    expect(diagnostics(refreshed)).toEqual([]);
    expect(undv(refreshed.new_state)).toEqual(state);
    const afterRefresh = await plan("ovirt_template", templateConfig, undv(refreshed.new_state));
    expect(undv(afterRefresh.planned_state)).toEqual(state);
    for (const { type, id } of [{ type: "ovirt_template", id: state }, { type: "ovirt_vm", id: source }]) {
      const destroyed = await call("ApplyResourceChange", { type_name: type, prior_state: dv(id), planned_state: dv(null), config: dv(null), planned_private: Buffer.alloc(0) });
      expect(diagnostics(destroyed)).toEqual([]);
    }
  }, 60_000);
});
