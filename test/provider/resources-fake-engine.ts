// An in-memory EngineClient for the resource tests: the engine's model and the rules the
// resources depend on (next-run configuration for Down-only fields on running VMs, template from
// a down VM only, pools that only grow), plus a call log so tests can prove "nothing was sent".

import { EngineError } from "../../provider/engine/errors.ts";
import type {
  Cluster, Display, EngineClient, EngineUser, GraphicsConsole, Permission, PermissionTarget, Template, TemplateStatus, Vm, VmBase, VmPool, VmPoolCreate, VmPoolUpdate, VmStatus,
} from "../../provider/engine/types.ts";

const BLANK_ID = "00000000-0000-0000-0000-000000000000";
const DOWN_ONLY: (keyof VmBase)[] = ["type", "usb", "cpu", "sso_methods"];
const DOWN_ONLY_DISPLAY: (keyof Display)[] = ["type", "smartcard_enabled", "monitors", "copy_paste_enabled", "file_transfer_enabled"];

function clone<T>(value: T): T {
  return structuredClone(value);
}

function merge(base: VmBase, patch: Partial<VmBase>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (key === "display" && value) base.display = { ...base.display, ...(value as Display) };
    else (base as Record<string, unknown>)[key] = clone(value);
  }
}

export class FakeEngine implements EngineClient {
  calls: string[] = [];
  /** The fake keeps no snapshots: every read is fresh already. */
  withFreshReads<R>(op: () => Promise<R>): Promise<R> {
    return op();
  }
  clusters: Cluster[] = [{ id: "cluster-default", name: "Default" }, { id: "cluster-other", name: "Other" }];
  templates = new Map<string, Template>();
  vms = new Map<string, Vm>();
  nextRun = new Map<string, Vm>();
  pools = new Map<string, VmPool>();
  /** Status a new VM has until waited on (image_locked simulates disk copies). */
  newVmStatus: VmStatus = "down";
  /** When set, waits fail as if the deadline passed. */
  waitsTimeOut = false;
  vvFile = "[virt-viewer]\ntype=spice\nhost=10.0.0.5\nport=5900\npassword=s3cr3t-ticket\n# Password is valid for 120 seconds.\ndelete-this-file=1\ntitle=VMNAME\nenable-smartcard=1\n\n[ovirt]\nhost=engine:443\nvm-guid=VMID\nsso-token=tok-123\n";
  private counter = 0;

  constructor() {
    this.templates.set(BLANK_ID, { id: BLANK_ID, name: "Blank", status: "ok", display: { type: "spice", smartcard_enabled: false } });
  }

  private newId(kind: string): string {
    this.counter += 1;
    return `${kind}-${this.counter}`;
  }

  private log(call: string): void {
    this.calls.push(call);
  }

  writes(): string[] {
    return this.calls.filter((c) => !/^(get|find|list|resolve|wait|ping)/.test(c));
  }

  async ping() {
    this.log("ping");
    return { version: "4.5" };
  }

  async resolveCluster(nameOrId: string) {
    this.log(`resolveCluster ${nameOrId}`);
    const c = this.clusters.find((x) => x.id === nameOrId || x.name === nameOrId);
    if (!c) throw new EngineError(`cluster ${nameOrId} not found`, { kind: "not_found", status: 404 });
    return c;
  }

  async resolveTemplate(nameOrId: string) {
    this.log(`resolveTemplate ${nameOrId}`);
    const t = [...this.templates.values()].find((x) => x.id === nameOrId || x.name === nameOrId);
    if (!t) throw new EngineError(`template ${nameOrId} not found`, { kind: "not_found", status: 404 });
    return clone(t);
  }

  async getVm(id: string, opts?: { nextRun?: boolean }) {
    this.log(`getVm ${id}${opts?.nextRun ? " next_run" : ""}`);
    const vm = this.vms.get(id);
    if (!vm) return undefined;
    if (opts?.nextRun && this.nextRun.has(id)) return clone({ ...this.nextRun.get(id)!, status: vm.status, next_run_configuration_exists: true });
    return clone({ ...vm, next_run_configuration_exists: this.nextRun.has(id) });
  }

  async findVmByName(name: string) {
    return [...this.vms.values()].find((v) => v.name === name);
  }

  async listVms() {
    return [...this.vms.values()].map(clone);
  }

  async createVm(vm: Parameters<EngineClient["createVm"]>[0]) {
    this.log(`createVm ${vm.name}`);
    if ([...this.vms.values()].some((v) => v.name === vm.name)) throw new Error("Operation Failed: [Cannot add VM. The VM name is already in use]");
    const template = [...this.templates.values()].find((t) => t.id === vm.template.id)!;
    const created: Vm = {
      memory: 1024 * 1024 * 1024, type: "desktop", usb: { enabled: false }, sso_methods: ["guest_agent"],
      cpu: { topology: { sockets: 1, cores: 1, threads: 1 } },
      ...clone(vm),
      display: { monitors: 1, copy_paste_enabled: true, file_transfer_enabled: true, disconnect_action: "LOCK_SCREEN", allow_override: false, ...template.display, ...vm.display },
      id: this.newId("vm"), status: this.newVmStatus, cluster: { id: vm.cluster.id }, template: { id: template.id },
    };
    this.vms.set(created.id, created);
    return clone(created);
  }

  async updateVm(id: string, patch: Partial<VmBase>) {
    this.log(`updateVm ${id} ${JSON.stringify(patch)}`);
    const vm = this.vms.get(id);
    if (!vm) throw new Error("404");
    const running = vm.status !== "down";
    const downOnly = running && (DOWN_ONLY.some((k) => k in patch) || DOWN_ONLY_DISPLAY.some((k) => patch.display && k in patch.display));
    if (downOnly) {
      const next = clone(this.nextRun.get(id) ?? vm);
      merge(next, patch);
      this.nextRun.set(id, next);
      // Fields that may change while the VM runs apply at once too.
      const hot = clone(patch);
      for (const key of DOWN_ONLY) delete hot[key];
      if (hot.display) for (const key of DOWN_ONLY_DISPLAY) delete hot.display[key];
      merge(vm, hot);
    } else {
      merge(vm, patch);
      if (this.nextRun.has(id)) merge(this.nextRun.get(id)!, patch);
    }
    return clone(vm);
  }

  async deleteVm(id: string) {
    this.log(`deleteVm ${id}`);
    const vm = this.vms.get(id);
    if (vm && vm.status !== "down") throw new Error("Cannot remove VM. VM is running.");
    this.vms.delete(id);
    this.nextRun.delete(id);
  }

  async startVm(id: string) {
    this.log(`startVm ${id}`);
    const vm = this.vms.get(id)!;
    if (vm.display?.smartcard_enabled && vm.display.type === "vnc") throw new Error("chardev 'spicevmc' not supported without spice graphics");
    vm.status = "up";
  }

  async stopVm(id: string) {
    this.log(`stopVm ${id}`);
    const vm = this.vms.get(id)!;
    vm.status = "down";
    const next = this.nextRun.get(id);
    if (next) {
      this.vms.set(id, { ...next, status: "down" });
      this.nextRun.delete(id);
    }
  }

  async shutdownVm(id: string) {
    await this.stopVm(id);
  }

  async waitForVm(id: string, statuses: VmStatus[]) {
    this.log(`waitForVm ${id} ${statuses.join("|")}`);
    const vm = this.vms.get(id);
    if (!vm) throw new Error(`VM ${id} is gone`);
    if (this.waitsTimeOut) throw new Error(`timed out waiting for VM ${id} to be ${statuses.join(" or ")}`);
    if (vm.status === "image_locked") vm.status = "down";
    if (!statuses.includes(vm.status)) throw new Error(`VM ${id} is ${vm.status}, not ${statuses.join("|")}`);
    return clone(vm);
  }

  async waitForVmGone(id: string) {
    this.log(`waitForVmGone ${id}`);
    if (this.vms.has(id)) throw new Error("still there");
  }

  async getTemplate(id: string) {
    this.log(`getTemplate ${id}`);
    const t = this.templates.get(id);
    return t ? clone(t) : undefined;
  }

  async findTemplateByName(name: string) {
    return [...this.templates.values()].find((t) => t.name === name);
  }

  async createTemplate(template: Parameters<EngineClient["createTemplate"]>[0]) {
    this.log(`createTemplate ${template.name}`);
    const vm = this.vms.get(template.vm.id!);
    if (!vm || vm.status !== "down") throw new Error("Cannot add Template. VM is locked or still running");
    const created: Template = {
      ...clone(vm), ...clone(template), display: { ...vm.display, ...template.display },
      id: this.newId("tpl"), status: "locked" as TemplateStatus,
    };
    delete (created as unknown as Partial<Vm>).template;
    this.templates.set(created.id, created);
    return clone(created);
  }

  async updateTemplate(id: string, patch: Partial<VmBase>) {
    this.log(`updateTemplate ${id} ${JSON.stringify(patch)}`);
    const t = this.templates.get(id)!;
    merge(t, patch);
    return clone(t);
  }

  async deleteTemplate(id: string) {
    this.log(`deleteTemplate ${id}`);
    this.templates.delete(id);
  }

  async waitForTemplate(id: string, statuses: TemplateStatus[]) {
    this.log(`waitForTemplate ${id}`);
    if (this.waitsTimeOut) throw new Error(`timed out waiting for template ${id} to be ${statuses.join(" or ")}`);
    const t = this.templates.get(id)!;
    t.status = "ok";
    return clone(t);
  }

  async getPool(id: string) {
    this.log(`getPool ${id}`);
    const pool = this.pools.get(id);
    if (!pool) return undefined;
    const first = [...this.vms.values()].find((v) => v.vm_pool?.id === id);
    return clone({ ...pool, ...(first ? { vm: first } : {}) });
  }

  async findPoolByName(name: string) {
    return [...this.pools.values()].find((p) => p.name === name);
  }

  private addPoolVms(pool: VmPool, settings: VmBase | undefined, from: number, to: number): void {
    const template = this.templates.get(pool.template!.id!)!;
    for (let n = from; n <= to; n++) {
      const id = this.newId("poolvm");
      this.vms.set(id, {
        ...clone(template), ...clone(settings ?? {}), display: { ...template.display, ...settings?.display },
        id, name: `${pool.name}-${n}`, status: this.newVmStatus, vm_pool: { id: pool.id }, template: { id: template.id },
      } as Vm);
    }
  }

  async createPool(pool: VmPoolCreate) {
    this.log(`createPool ${pool.name}`);
    const created: VmPool = {
      id: this.newId("pool"), name: pool.name, size: pool.size ?? 1, prestarted_vms: pool.prestarted_vms ?? 0,
      max_user_vms: pool.max_user_vms ?? 1, type: pool.type ?? "automatic", stateful: pool.stateful ?? false,
      cluster: pool.cluster, template: { id: pool.template.id! },
      ...(pool.description !== undefined ? { description: pool.description } : {}),
    };
    this.pools.set(created.id, created);
    this.addPoolVms(created, pool.vm, 1, created.size);
    return clone(created);
  }

  async updatePool(id: string, patch: VmPoolUpdate) {
    this.log(`updatePool ${id} ${JSON.stringify(patch)}`);
    const pool = this.pools.get(id)!;
    if (patch.size !== undefined && patch.size < pool.size) throw new Error("Cannot decrease VMs from VM-Pool.");
    const oldSize = pool.size;
    Object.assign(pool, patch);
    const existing = [...this.vms.values()].find((v) => v.vm_pool?.id === id);
    if (patch.size !== undefined && patch.size > oldSize) this.addPoolVms(pool, existing, oldSize + 1, patch.size);
    return clone(pool);
  }

  async deletePool(id: string) {
    this.log(`deletePool ${id}`);
    this.pools.delete(id);
    for (const [vmId, vm] of this.vms) if (vm.vm_pool?.id === id) this.vms.delete(vmId);
  }

  async listPoolVms(poolId: string) {
    this.log(`listPoolVms ${poolId}`);
    return [...this.vms.values()].filter((v) => v.vm_pool?.id === poolId).map(clone);
  }

  async waitForPoolGone(id: string) {
    this.log(`waitForPoolGone ${id}`);
  }

  users: EngineUser[] = [
    { id: "user-alice", user_name: "alice@internal-authz" },
    { id: "user-bob", user_name: "bob@internal-authz" },
  ];
  /** Permissions by `kind:id` of the VM or pool they are on. */
  permissions = new Map<string, Permission[]>();

  async findUser(userName: string) {
    this.log(`findUser ${userName}`);
    return this.users.find((u) => u.user_name === userName);
  }

  async getUser(id: string) {
    this.log(`getUser ${id}`);
    return this.users.find((u) => u.id === id);
  }

  async listPermissions(target: PermissionTarget) {
    this.log(`listPermissions ${target.kind} ${target.id}`);
    return clone(this.permissions.get(`${target.kind}:${target.id}`) ?? []);
  }

  async addPermission(target: PermissionTarget, grant: { role: string; userId: string }) {
    this.log(`addPermission ${target.kind} ${target.id} ${grant.role} ${grant.userId}`);
    const key = `${target.kind}:${target.id}`;
    const roleId = grant.role === "UserRole" ? "00000000-0000-0000-0001-000000000001" : `role-${grant.role}`;
    const permission: Permission = { id: this.newId("perm"), role: { id: roleId }, user: { id: grant.userId } };
    this.permissions.set(key, [...(this.permissions.get(key) ?? []), permission]);
    return clone(permission);
  }

  async removePermission(target: PermissionTarget, permissionId: string) {
    this.log(`removePermission ${target.kind} ${target.id} ${permissionId}`);
    const key = `${target.kind}:${target.id}`;
    this.permissions.set(key, (this.permissions.get(key) ?? []).filter((p) => p.id !== permissionId));
  }

  async listGraphicsConsoles(vmId: string): Promise<GraphicsConsole[]> {
    this.log(`listGraphicsConsoles ${vmId}`);
    const type = this.vms.get(vmId)?.display?.type ?? "spice";
    return [{ id: Buffer.from(type).toString("hex"), protocol: type }];
  }

  async setTicket(_vmId: string, _consoleId: string, expirySeconds = 7200) {
    return { value: "ticket", expiry: expirySeconds };
  }

  async remoteViewerFile(vmId: string) {
    this.log(`remoteViewerFile ${vmId}`);
    const vm = this.vms.get(vmId);
    if (!vm || vm.status !== "up") return undefined;
    return this.vvFile.replace("VMNAME", vm.name).replace("VMID", vm.id).replace("enable-smartcard=1", `enable-smartcard=${vm.display?.smartcard_enabled ? 1 : 0}`);
  }

  // Lookups: exact names, as the real client filters the engine's case-insensitive search.
  async getCluster(id: string) {
    this.log(`getCluster ${id}`);
    return this.clusters.find((c) => c.id === id);
  }

  async clustersNamed(name: string) {
    this.log(`clustersNamed ${name}`);
    return this.clusters.filter((c) => c.name === name).map(clone);
  }

  async templatesNamed(name: string) {
    this.log(`templatesNamed ${name}`);
    return [...this.templates.values()].filter((t) => t.name === name).map(clone);
  }

  async vmsNamed(name: string) {
    this.log(`vmsNamed ${name}`);
    return [...this.vms.values()].filter((v) => v.name === name).map(clone);
  }

  async poolsNamed(name: string) {
    this.log(`poolsNamed ${name}`);
    return [...this.pools.values()].filter((p) => p.name === name).map(clone);
  }

  // Devices: this fake's VMs and templates have none (the lifecycle tests cover disks and NICs
  // against the emulator); a write is refused so that no test passes by accident.
  private noDevices = (what: string) => async (): Promise<never> => {
    throw new Error(`FakeEngine has no ${what}`);
  };
  listVmDiskAttachments = async () => [];
  listTemplateDiskAttachments = async () => [];
  waitForVmDisksReady = async () => [];
  listVmNics = async () => [];
  listTemplateNics = async () => [];
  addVmDisk = this.noDevices("disks");
  resizeVmDisk = this.noDevices("disks");
  removeVmDisk = this.noDevices("disks");
  addVmNic = this.noDevices("NICs");
  updateVmNic = this.noDevices("NICs");
  removeVmNic = this.noDevices("NICs");
  resolveStorageDomain = this.noDevices("storage domains");
  getStorageDomain = async () => undefined;
  dataStorageDomains = async () => [];
  resolveNetwork = this.noDevices("networks");
  resolveVnicProfile = this.noDevices("vNIC profiles");
  getVnicProfile = async () => undefined;
  defaultVnicProfile = this.noDevices("vNIC profiles");
}
