// The emulated engine's state and background behaviour: the store, seeded objects, users, the
// scheduled status transitions and the optional host backend. HTTP lives in server.ts and the
// collections; the engine's validation texts live in rules.ts.
import { createHash, randomUUID } from "node:crypto";
import { blankConfig, BLANK_TEMPLATE_ID } from "./model.ts";
import type {
  ClusterRecord, DataCenterRecord, HostRecord, JobRecord, NetworkRecord, StorageDomainRecord, TagRecord, TemplateRecord, VmRecord,
  VmStatus, VnicProfileRecord,
} from "./model.ts";
import { Scheduler } from "./scheduler.ts";
import { Store } from "./store.ts";
import { Acl } from "./acl.ts";
import type { DirectoryGroup } from "./directory.ts";
import type { HostBridge } from "./host/bridge.ts";

export interface UserRecord {
  name: string;
  id: string;
  password: string;
  admin: boolean;
}

export interface EngineSettings {
  asyncDelayMs: number;
  tokenTtlSeconds: number;
}

/** A stable id for a user name, so hrefs do not change across restarts. */
export function userId(name: string): string {
  const h = createHash("sha256").update(`user:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class Engine {
  readonly store: Store;
  readonly scheduler: Scheduler;
  readonly settings: EngineSettings;
  readonly users = new Map<string, UserRecord>();
  /** Permissions by object id, the groups the engine knows, console sessions. */
  readonly acl: Acl;
  /** The directory's groups (`--group`), with their members' login names. */
  readonly directoryGroups: DirectoryGroup[] = [];
  /** Run when a VM comes down (ProcessDownVm: pool detach, next-run template version, stateless restore). */
  readonly onVmDown: ((vm: VmRecord, from: VmStatus) => void)[] = [];
  /** Run when a new template is ready (AddVmTemplateCommand.updateVmVersion). */
  readonly onTemplateReady: ((t: TemplateRecord) => void)[] = [];
  readonly host: HostBridge;
  /** The CA certificate (PEM), embedded in .vv files. */
  caPem = "";
  private hostPoll: NodeJS.Timeout | undefined;

  constructor(dataDir: string, settings: EngineSettings, host: HostBridge) {
    this.store = new Store(dataDir);
    this.acl = new Acl(this.store);
    this.scheduler = new Scheduler(this.store);
    this.settings = settings;
    this.host = host;
    this.seed();
    this.registerTransitions();
  }

  start(): void {
    this.scheduler.resume();
    if (this.host.enabled) this.hostPoll = setInterval(() => void this.followHost(), 2000);
  }

  async close(): Promise<void> {
    if (this.hostPoll) clearInterval(this.hostPoll);
    this.scheduler.close();
    await this.host.close();
    this.store.close();
  }

  addUser(name: string, password: string, admin: boolean): void {
    this.users.set(name, { name, id: userId(name), password, admin });
  }

  /**
   * The users the engine knows (/users, the engine's `users` table): the login users, whom the
   * emulator counts as known from the start (the engine adds a user at first login), and the
   * directory users added with POST /users (AddUserCommand).
   */
  knownUsers(): UserRecord[] {
    const added = this.acl.addedUsers().filter((name) => !this.users.has(name));
    return [...this.users.values(), ...added.map((name) => ({ name, id: userId(name), password: "", admin: false }))];
  }

  /** A known user by login name (alice@internal). */
  knownUser(loginName: string): UserRecord | undefined {
    return this.users.get(loginName) ?? (this.acl.addedUsers().includes(loginName) ? { name: loginName, id: userId(loginName), password: "", admin: false } : undefined);
  }

  /** The ids of the engine groups a user belongs to in the directory (what their permissions come through). */
  groupIdsOf(loginName: string): string[] {
    return this.acl.groups().filter((g) =>
      this.directoryGroups.some((d) => `${d.profile}-authz` === g.authz && d.name === g.name && d.members.includes(loginName)),
    ).map((g) => g.id);
  }

  /** Data center of a cluster: name uniqueness for VMs and templates is per data center. */
  dataCenterOf(clusterId: string | undefined): string | undefined {
    if (!clusterId) return undefined;
    return this.store.get("cluster", clusterId)?.dataCenterId;
  }

  /** Name of a cluster's data center ("" when unknown), for the `datacenter` search key. */
  dataCenterName(clusterId: string | undefined): string {
    const dc = this.dataCenterOf(clusterId);
    return dc ? this.store.get("datacenter", dc)?.name ?? "" : "";
  }

  /** The delay for one step of an asynchronous operation. */
  get delay(): number {
    return this.settings.asyncDelayMs;
  }

  private seed(): void {
    this.seedBase();
    this.seedInfrastructure();
  }

  private seedBase(): void {
    if (this.store.getMeta("seeded") === "1") return;
    this.store.tx(() => {
      const dc: DataCenterRecord = { id: randomUUID(), name: "Default", description: "The default Data Center" };
      const cluster: ClusterRecord = {
        id: randomUUID(),
        name: "Default",
        description: "The default server cluster",
        dataCenterId: dc.id,
      };
      const blank: TemplateRecord = {
        id: BLANK_TEMPLATE_ID,
        name: "Blank",
        status: "ok",
        config: blankConfig(),
        versionName: "base version",
        versionNumber: 1,
        baseTemplateId: BLANK_TEMPLATE_ID,
        creationTime: Date.UTC(2008, 3, 1),
      };
      this.store.put("datacenter", dc);
      this.store.put("cluster", cluster);
      this.store.put("template", blank);
      this.store.setMeta("seeded", "1");
    });
  }

  /**
   * What a fresh engine with one hypervisor and NFS storage has: a host `up` in Default, a master
   * data domain (and a second one), the management network with its vNIC profile, and the root tag. Data directories
   * made before these existed get them on their next start.
   */
  private seedInfrastructure(): void {
    if (this.store.getMeta("seeded-infrastructure") === "1") return;
    this.store.tx(() => {
      const cluster = this.store.byName("cluster", "Default")[0] ?? this.store.list("cluster")[0];
      if (!cluster) return;
      const host: HostRecord = { id: randomUUID(), name: "host-01", clusterId: cluster.id, address: "127.0.0.1", status: "up" };
      const data: StorageDomainRecord = {
        id: randomUUID(), name: "data", description: "", dataCenterId: cluster.dataCenterId, type: "data",
        storageType: "nfs", address: "127.0.0.1", path: "/exports/data", sizeBytes: 100 * 1024 ** 3, master: true,
      };
      // A second data domain, so clients can copy and place disks across domains.
      const data2: StorageDomainRecord = { ...data, id: randomUUID(), name: "data2", path: "/exports/data2", sizeBytes: 50 * 1024 ** 3, master: false };
      const network: NetworkRecord = {
        id: randomUUID(), name: "ovirtmgmt", description: "Management Network", dataCenterId: cluster.dataCenterId,
        mtu: 0, vmNetwork: true,
      };
      const profile: VnicProfileRecord = { id: randomUUID(), name: "ovirtmgmt", description: "", networkId: network.id, portMirroring: false };
      const rootTag: TagRecord = { id: BLANK_TEMPLATE_ID, name: "root", description: "root", parentId: "", vmIds: [], templateIds: [], hostIds: [] };
      this.store.put("host", host);
      this.store.put("storagedomain", data);
      this.store.put("storagedomain", data2);
      this.store.put("network", network);
      this.store.put("vnicprofile", profile);
      this.store.put("tag", rootTag);
      this.store.setMeta("seeded-infrastructure", "1");
    });
  }

  /**
   * The host a VM is started on, as the scheduler's filters pick it: an `up` host of its cluster,
   * among its pinned hosts if it has any, and apart from (negative) or together with (positive)
   * the running VMs of its enforcing affinity groups.
   */
  hostFor(vm: VmRecord): HostRecord | undefined {
    let hosts = this.store.list("host").filter((h) => h.clusterId === vm.clusterId && h.status === "up");
    const pinned = vm.config.placementHostIds ?? [];
    if (pinned.length > 0) hosts = hosts.filter((h) => pinned.includes(h.id));
    for (const g of this.store.list("affinitygroup")) {
      if (!g.vmIds.includes(vm.id) || !g.vmsRule.enabled || !g.vmsRule.enforcing) continue;
      const used = new Set(g.vmIds.filter((id) => id !== vm.id).flatMap((id) => {
        const other = this.store.get("vm", id);
        return other?.hostId ? [other.hostId] : [];
      }));
      if (g.vmsRule.positive) {
        if (used.size > 0) hosts = hosts.filter((h) => used.has(h.id));
      } else {
        hosts = hosts.filter((h) => !used.has(h.id));
      }
    }
    return hosts[0];
  }

  /** Moves a VM to a status, applying the next-run configuration when it comes down (cold stop). */
  setVmStatus(vm: VmRecord, status: VmStatus): void {
    const from = vm.status;
    vm.status = status;
    if (status === "down") {
      vm.startTime = undefined;
      vm.hostId = undefined;
      if (vm.nextRun) {
        vm.config = vm.nextRun;
        vm.nextRun = undefined;
      }
    }
    if (status === "up" && !vm.startTime) vm.startTime = Date.now();
    this.store.put("vm", vm);
    if (status === "down" && from !== "down") for (const hook of this.onVmDown) hook(vm, from);
  }

  private registerTransitions(): void {
    // A start/stop step: applies only if no newer action happened on the VM meanwhile.
    this.scheduler.on("vm-status", (p) => {
      const vm = this.store.get("vm", String(p.vmId));
      if (!vm || vm.opSeq !== p.seq) return;
      this.setVmStatus(vm, p.status as VmStatus);
    });
    // Disk copies finished: an image_locked VM becomes down.
    this.scheduler.on("vm-unlock", (p) => {
      const vm = this.store.get("vm", String(p.vmId));
      if (vm && vm.status === "image_locked") this.setVmStatus(vm, "down");
      this.finishJobWhenDone(p.jobId === undefined ? undefined : String(p.jobId));
    });
    // A disk image is made (created, copied, extended or uploaded): the disk becomes ok.
    this.scheduler.on("disk-ready", (p) => {
      const d = this.store.get("disk", String(p.diskId));
      if (d && d.status === "locked") {
        d.status = "ok";
        this.store.put("disk", d);
      }
      this.finishJobWhenDone(p.jobId === undefined ? undefined : String(p.jobId));
    });
    this.scheduler.on("job-done", (p) => this.finishJobWhenDone(String(p.jobId)));
    // Template created: the template becomes ok and its source VM is unlocked.
    this.scheduler.on("template-ready", (p) => {
      const t = this.store.get("template", String(p.templateId));
      if (t && t.status === "locked") {
        t.status = "ok";
        this.store.put("template", t);
        for (const hook of this.onTemplateReady) hook(t);
      }
      const vm = p.vmId ? this.store.get("vm", String(p.vmId)) : undefined;
      if (vm && vm.status === "image_locked") this.setVmStatus(vm, "down");
      this.finishJobWhenDone(p.jobId === undefined ? undefined : String(p.jobId));
    });
  }

  /** Records a job (what /jobs shows) for a command; clients find it by its correlation id. */
  startJob(description: string, correlationId?: string): string {
    const job: JobRecord = { id: randomUUID(), name: description, description, status: "started", correlationId, startTime: Date.now() };
    this.store.put("job", job);
    return job.id;
  }

  finishJob(jobId: string, status: JobRecord["status"] = "finished"): void {
    const job = this.store.get("job", jobId);
    if (!job || job.status !== "started") return;
    job.status = status;
    job.endTime = Date.now();
    this.store.put("job", job);
  }

  /** Finishes a job once no scheduled step of it is left. */
  private finishJobWhenDone(jobId: string | undefined): void {
    if (!jobId) return;
    const pending = this.store.jobs().some((j) => j.payload.jobId === jobId);
    if (!pending) this.finishJob(jobId);
  }

  /** With a host backend, a running VM whose domain is gone goes down, as the engine's monitoring does. */
  private async followHost(): Promise<void> {
    for (const vm of this.store.list("vm")) {
      if (vm.status !== "up") continue;
      let state: string | undefined;
      try {
        state = await this.host.state(vm.id);
      } catch {
        continue;
      }
      if (state === "running" || state === undefined) continue;
      const fresh = this.store.get("vm", vm.id);
      if (!fresh || fresh.status !== "up") continue;
      fresh.opSeq += 1;
      this.store.tx(() => this.setVmStatus(fresh, "down"));
      this.scheduler.notify();
    }
  }
}
