// createTerraformServer with `load` (what the release executable's main.ts passes): the handshake
// comes before the resources are loaded, the first call waits for them, a load that fails fails
// the call that needed it, and the next call loads again rather than inheriting the failure.

import { credentials, makeClientConstructor, type Client, type ServiceError } from "@grpc/grpc-js";
import { afterEach, describe, expect, it } from "vitest";
import * as registry from "../../provider/registry.ts";
import { createTerraformServer, type TerraformServer } from "../../provider/terraform/index.ts";
import { providerService } from "../../provider/terraform/proto.ts";

const ProviderClient = makeClientConstructor(providerService, "tfplugin6.Provider");

function getMetadata(client: Client): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const fn = (client as unknown as Record<string, (req: object, cb: (err: ServiceError | null, res: Record<string, unknown>) => void) => void>).GetMetadata!;
    fn.call(client, {}, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

describe("a Terraform server that loads its registry on demand", () => {
  let server: TerraformServer | undefined;
  let client: Client | undefined;
  afterEach(async () => {
    client?.close();
    await server?.shutdown(100);
  });

  it("prints its handshake before loading, fails a call whose load fails, and loads again for the next", async () => {
    let loads = 0;
    server = createTerraformServer({
      env: {},
      load: async () => {
        loads++;
        if (loads === 1) throw new Error("the first load fails");
        return registry;
      },
    });
    const handshake = await server.listen();
    expect(loads).toBe(0);
    client = new ProviderClient(handshake.split("|")[3]!, credentials.createInsecure());
    await expect(getMetadata(client)).rejects.toThrow(/the first load fails/);
    const metadata = await getMetadata(client);
    expect((metadata.resources as { type_name: string }[]).map((r) => r.type_name)).toContain("ovirt_vm");
    expect(loads).toBe(2);
  });

  it("loads once for warmUp and every later call", async () => {
    let loads = 0;
    server = createTerraformServer({ env: {}, load: async () => (loads++, registry) });
    const handshake = await server.listen();
    await server.warmUp();
    client = new ProviderClient(handshake.split("|")[3]!, credentials.createInsecure());
    await Promise.all([getMetadata(client), getMetadata(client)]);
    expect(loads).toBe(1);
  });
});
