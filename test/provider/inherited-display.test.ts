// Display settings a program leaves unset on a Template, a Vm or a Pool are the engine's to fill:
// AddVmTemplateCommand copies the source VM's display (monitors, copy/paste, file transfer) into
// the template, and AddVmCommand / AddVmPoolCommand copy the template's into the new VMs. Read
// back right after create, such a value is not drift: the next plan must show no change. Through
// the real plugin process over gRPC, against the emulator.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index.ts";
import { removeDir, withEmulator } from "../emulator/helpers.ts";
import { secret, startPlugin, type PluginProcess, type Props } from "./harness.ts";

const VM = "ovirt:index:Vm";
const TEMPLATE = "ovirt:index:Template";
const POOL = "ovirt:index:Pool";
/** The source VM's display: every optional field away from the engine's own default. */
const INHERITED = { monitors: 2, copyPasteEnabled: false, fileTransferEnabled: false };

describe("display settings inherited from the source VM or template are no drift", () => {
  let emulator: RunningEmulator;
  let plugin: PluginProcess;
  const made: { type: string; id: string; outputs: Props }[] = [];

  async function create(type: string, news: Props) {
    const { inputs, failures } = await plugin.client.check(type, news, {});
    expect(failures).toEqual([]);
    const result = await plugin.client.create(type, inputs);
    made.unshift({ type, ...result });
    return { ...result, inputs };
  }

  /** The next preview right after create, and after a refresh: both must plan nothing. */
  async function expectNoChange(type: string, news: Props) {
    const { id, outputs, inputs } = await create(type, news);
    const next = await plugin.client.check(type, news, inputs);
    expect((await plugin.client.diff(type, id, outputs, next.inputs, { oldInputs: inputs })).detailedDiff).toEqual({});
    const refreshed = await plugin.client.read(type, id, { properties: outputs, inputs });
    expect(refreshed.inputs).not.toHaveProperty("monitors");
    expect((await plugin.client.diff(type, id, refreshed.outputs, next.inputs, { oldInputs: refreshed.inputs })).detailedDiff).toEqual({});
    return id;
  }

  beforeAll(async () => {
    emulator = await withEmulator();
    plugin = await startPlugin({ env: { OVIRT_URL: undefined, OVIRT_PASSWORD: undefined } });
    await plugin.client.configure({ url: emulator.apiUrl, username: "admin@internal", password: secret("secret"), caFile: emulator.caFile });
  });
  afterAll(async () => {
    for (const { type, id, outputs } of made) await plugin?.client.delete(type, id, outputs).catch(() => undefined);
    await plugin?.stop();
    await emulator?.close();
    if (emulator) removeDir(emulator.dataDir);
  });

  it("a Template leaving them unset takes the source VM's (AddVmTemplateCommand), then a Vm and a Pool take the template's", async () => {
    const source = await create(VM, { name: "inherit-src", smartcardEnabled: true, ...INHERITED });
    await expectNoChange(TEMPLATE, { name: "inherit-tpl", sourceVm: source.id });
    await expectNoChange(VM, { name: "inherit-vm", template: "inherit-tpl" });
    await expectNoChange(POOL, { name: "inherit-pool", template: "inherit-tpl", size: 1 });
  });

  it("an import still reads the engine's values, so the imported program states them", async () => {
    const source = await create(VM, { name: "import-src", ...INHERITED });
    const imported = await plugin.client.read(VM, source.id);
    expect(imported.inputs).toMatchObject(INHERITED);
  });
});
