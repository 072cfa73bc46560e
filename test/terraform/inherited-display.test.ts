// Display settings left out of an ovirt_template's configuration are the engine's to fill:
// AddVmTemplateCommand copies the source VM's (monitors, copy/paste, file transfer). Through
// tfplugin6 as Terraform's core calls the provider, against the emulator: the template is planned
// and applied with Terraform's consistency checks, then planned again and refreshed with no change.

import { ExtData } from "@msgpack/msgpack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configOf, diagnostics, dv, proposed, startInProcessProvider, undv, type Call, type InProcessProvider, type Value } from "./in-process.ts";

describe("ovirt_template display settings inherited from its source VM (AddVmTemplateCommand)", () => {
  let provider: InProcessProvider | undefined;
  let call: Call;

  beforeAll(async () => {
    provider = await startInProcessProvider("inherit", 0);
    ({ call } = provider);
  }, 60_000);

  afterAll(async () => {
    await provider?.close();
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
    const source = await create("ovirt_vm", configOf("ovirt_vm", { name: "tf-inherit-src", running: false, monitors: 2, copy_paste_enabled: false, file_transfer_enabled: false }));
    const templateConfig = configOf("ovirt_template", { name: "tf-inherit-tpl", source_vm: source.id });
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
