// The Terraform front end served in this process against a fresh emulator, and called over
// tfplugin6 as Terraform's core calls it: what the protocol-level tests of resources start with.

import { credentials, makeClientConstructor, type ServiceError } from "@grpc/grpc-js";
import { decode, encode, ExtData } from "@msgpack/msgpack";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { removeWorkDir, startEmulator, type Emulator } from "../e2e/harness.ts";
import * as registry from "../../provider/registry.ts";
import { createTerraformServer } from "../../provider/terraform/index.ts";
import { providerService } from "../../provider/terraform/proto.ts";
import { resourceTypes } from "../../provider/terraform/schema.ts";

const ProviderClient = makeClientConstructor(providerService, "tfplugin6.Provider");

export type Value = Record<string, unknown>;
export type Call = (method: string, request: Value) => Promise<Value>;

/** A msgpack DynamicValue, as Terraform sends one, and back. */
export const dv = (value: unknown) => ({ msgpack: Buffer.from(encode(value, { useBigInt64: true })) });
export const undv = (value: unknown) => decode((value as { msgpack: Buffer }).msgpack, { useBigInt64: true }) as Value;
export const diagnostics = (response: Value) =>
  (response.diagnostics ?? []) as { severity: string; detail: string; attribute?: { steps: Value[] } }[];

export interface InProcessProvider {
  emulator: Emulator;
  call: Call;
  /** Closes the client, shuts the server down, stops the emulator and removes its data. */
  close(): Promise<void>;
}

/**
 * `label` names the work directory and the provider's owner (OVIRT_TERRAFORM_OWNER, in its creation
 * markers); `delayMs` is the emulator's delay of each asynchronous step. Configured as admin@internal.
 */
export async function startInProcessProvider(label: string, delayMs: number): Promise<InProcessProvider> {
  const workDir = mkdtempSync(join(tmpdir(), `pulumi-ovirt-tf${label}-`));
  const password = randomBytes(12).toString("hex");
  const emulator = await startEmulator(join(workDir, "engine"), password, ["--delay-ms", String(delayMs)]);
  const server = createTerraformServer({
    resources: registry.resources, functions: registry.functions, engineFactory: registry.engineFactory,
    env: { OVIRT_USERNAME: "admin@internal", OVIRT_PASSWORD: password, OVIRT_TERRAFORM_OWNER: `${label}-test` },
  });
  const client = new ProviderClient((await server.listen()).split("|")[3]!, credentials.createInsecure());
  const call: Call = (method, request) =>
    new Promise((resolve, reject) => {
      const fn = (client as unknown as Record<string, (req: unknown, cb: (err: ServiceError | null, res: unknown) => void) => void>)[method]!;
      fn.call(client, request, (err, res) => (err ? reject(err) : resolve(res as Value)));
    });
  const close = async () => {
    client.close();
    await server.shutdown();
    await emulator.stop();
    removeWorkDir(workDir);
  };
  const configured = await call("ConfigureProvider", { config: dv({ url: emulator.apiUrl, username: null, password: null, ca_file: emulator.caFile, insecure: null }) });
  if (diagnostics(configured).length > 0) {
    await close();
    throw new Error(`ConfigureProvider: ${JSON.stringify(diagnostics(configured))}`);
  }
  return { emulator, call, close };
}

/** A full configuration object of the resource type `type`: every attribute, null unless given. */
export function configOf(type: string, values: Value): Value {
  return Object.fromEntries(resourceTypes.get(type)!.attributes.map((a) => [a.name, values[a.name] ?? null]));
}

/** Terraform's proposed new state: the configuration, with unset fields from the prior state, list entries by position. */
export function proposed(config: unknown, prior: unknown): unknown {
  if (config === null) return prior ?? null;
  if (Array.isArray(config)) return config.map((item, i) => proposed(item, Array.isArray(prior) ? prior[i] : undefined));
  if (config && typeof config === "object" && !(config instanceof ExtData)) {
    const before = (prior && typeof prior === "object" ? prior : {}) as Value;
    return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, proposed(v, before[k])]));
  }
  return config;
}

/** What Terraform insists on at plan: every configured value planned exactly as written. */
export function expectPlanKeepsConfig(config: unknown, planned: unknown, path = "") {
  if (config === null || config === undefined) return;
  if (Array.isArray(config)) {
    expect((planned as unknown[]).length, `${path} length`).toBe(config.length);
    config.forEach((item, i) => expectPlanKeepsConfig(item, (planned as unknown[])[i], `${path}[${i}]`));
  } else if (typeof config === "object" && !(config instanceof ExtData)) {
    for (const [k, v] of Object.entries(config)) expectPlanKeepsConfig(v, (planned as Value)[k], `${path}.${k}`);
  } else expect(planned, path).toEqual(config);
}

/** What Terraform insists on after apply: every value the plan knew, unchanged; nothing unknown left. */
export function expectApplyMatchesPlan(planned: unknown, state: unknown, path = "") {
  expect(state, `${path} is unknown after apply`).not.toBeInstanceOf(ExtData);
  if (planned instanceof ExtData) return;
  if (Array.isArray(planned)) {
    expect((state as unknown[]).length, `${path} length`).toBe(planned.length);
    planned.forEach((item, i) => expectApplyMatchesPlan(item, (state as unknown[])[i], `${path}[${i}]`));
  } else if (planned && typeof planned === "object") {
    for (const [k, v] of Object.entries(planned)) expectApplyMatchesPlan(v, (state as Value)[k], `${path}.${k}`);
  } else expect(state, path).toEqual(planned);
}
