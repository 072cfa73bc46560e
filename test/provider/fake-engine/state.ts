// The fake engine's state, shared by its collections (one file each, as in provider/engine/
// collections): the entities, the knobs tests turn, and the call log that proves "nothing was sent".

import type { Cluster, Display, EngineGroup, EngineUser, Permission, VmSession, Template, Vm, VmBase, VmPool, VmStatus } from "../../../provider/engine/index.ts";

export const BLANK_ID = "00000000-0000-0000-0000-000000000000";

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** `patch` over `base`, display fields merged one by one (as the engine does with a PUT). */
export function merge(base: VmBase, patch: Partial<VmBase>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (key === "display" && value) base.display = { ...base.display, ...(value as Display) };
    else (base as Record<string, unknown>)[key] = clone(value);
  }
}

export class FakeState {
  calls: string[] = [];
  clusters: Cluster[] = [{ id: "cluster-default", name: "Default" }, { id: "cluster-other", name: "Other" }];
  templates = new Map<string, Template>();
  vms = new Map<string, Vm>();
  nextRun = new Map<string, Vm>();
  pools = new Map<string, VmPool>();
  /** ISO files by name → id, and each VM's CD-ROM (persistent and running medium, by file id). */
  isos = new Map<string, string>([["virtio-win.iso", "iso-virtio"], ["win11.iso", "iso-win11"]]);
  cdroms = new Map<string, { persistent: string; current: string }>();
  users: EngineUser[] = [
    { id: "user-alice", user_name: "alice@internal-authz" },
    { id: "user-bob", user_name: "bob@internal-authz" },
  ];
  /** Permissions by `kind:id` of the VM or pool they are on. */
  permissions = new Map<string, Permission[]>();
  /** Groups the fake's directory holds (`name@authz`), and those the engine knows. */
  directoryGroups: string[] = ["vdi-users@internal-authz", "helpdesk@internal-authz"];
  /** Users the fake's directory holds that the engine does not know until added (POST /users). */
  directoryUsers: string[] = ["carol@internal-authz"];
  engineGroups: EngineGroup[] = [];
  sessions = new Map<string, VmSession[]>();
  /** Status a new VM has until waited on (image_locked simulates disk copies). */
  newVmStatus: VmStatus = "down";
  /** When set, waits fail as if the deadline passed. */
  waitsTimeOut = false;
  vvFile = "[virt-viewer]\ntype=spice\nhost=10.0.0.5\nport=5900\npassword=s3cr3t-ticket\n# Password is valid for 120 seconds.\ndelete-this-file=1\ntitle=VMNAME\nenable-smartcard=1\n\n[ovirt]\nhost=engine:443\nvm-guid=VMID\nsso-token=tok-123\n";
  private counter = 0;

  constructor() {
    this.templates.set(BLANK_ID, { id: BLANK_ID, name: "Blank", status: "ok", display: { type: "spice", smartcard_enabled: false } });
  }

  newId(kind: string): string {
    this.counter += 1;
    return `${kind}-${this.counter}`;
  }

  log(call: string): void {
    this.calls.push(call);
  }

  /** The calls that change something (not reads, lookups or waits). */
  writes(): string[] {
    return this.calls.filter((c) => !/^(get|find|list|resolve|wait|ping)/.test(c));
  }
}
