// An in-memory EngineClient for the resource tests: the engine's model and the rules the
// resources depend on (next-run configuration for Down-only fields on running VMs, template from
// a down VM only, pools that only grow), plus a call log so tests can prove "nothing was sent".
// One file per collection under fake-engine/, as in provider/engine/collections, over one state.

import type { EngineClient } from "../../provider/engine/index.ts";
import { fakeConsoleCalls } from "./fake-engine/consoles.ts";
import { fakeDeviceCalls } from "./fake-engine/devices.ts";
import { fakeInfraCalls } from "./fake-engine/infra.ts";
import { fakeGroupCalls, fakePermissionCalls } from "./fake-engine/permissions.ts";
import { fakePoolCalls } from "./fake-engine/pools.ts";
import { FakeState } from "./fake-engine/state.ts";
import { fakeTemplateCalls } from "./fake-engine/templates.ts";
import { fakeVmCalls } from "./fake-engine/vms.ts";

/** The state's class, typed with the calls its constructor below assigns. */
const FakeEngineBase = FakeState as unknown as new () => FakeState & EngineClient;

export class FakeEngine extends FakeEngineBase {
  constructor() {
    super();
    const calls: EngineClient = {
      ping: async () => {
        this.log("ping");
        return { version: "4.5" };
      },
      /** The fake keeps no snapshots: every read is fresh already. */
      withFreshReads: (op) => op(),
      ...fakeVmCalls(this),
      ...fakeTemplateCalls(this),
      ...fakePoolCalls(this),
      ...fakePermissionCalls(this),
      ...fakeGroupCalls(this),
      ...fakeConsoleCalls(this),
      ...fakeDeviceCalls(),
      ...fakeInfraCalls(this),
    };
    Object.assign(this, calls);
  }
}
