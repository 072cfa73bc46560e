// The weekly golden-image pipeline: update the golden VM, build a new version of its template, move
// the pool to it in place (the desktops keep their ids; the plan says which move now and which at
// their next start), and keep the pool entitled by directory groups, not by lists of people. Groups
// and users the engine does not know yet are added from the directory, and leave with the program.
// Provider settings come from `pulumi config set ovirt:url ...` (and username, password, caFile)
// or from OVIRT_URL, OVIRT_USERNAME, OVIRT_PASSWORD and OVIRT_CAFILE.
import * as pulumi from "@pulumi/pulumi";
import * as ovirt from "pulumi-ovirt";

const config = new pulumi.Config();
const prefix = config.get("namePrefix") ?? "roll";
const cluster = config.get("cluster") ?? "Default";
const versions = config.getNumber("versions") ?? 1;
const poolVersion = config.getNumber("poolVersion") ?? 1;
const useLatest = config.getBoolean("useLatest") ?? false;
const rollout = config.get("rollout") ?? "next-start";
const desktopGroup = config.get("desktopGroup") ?? "vdi-users@internal";
const helpdeskGroup = config.get("helpdeskGroup") ?? "helpdesk@internal";
// Someone in the directory who has never logged in, so the engine does not know them yet.
const contractor = config.get("contractor");

// The golden VM stays down: the engine copies a template only from a stopped VM.
const golden = new ovirt.Vm("golden", {
    name: `${prefix}-golden`,
    cluster,
    memoryMb: config.getNumber("goldenMemoryMb") ?? 2048,
    running: false,
});

// Version 1 is the base; each further version is made from the golden VM as it is when it is
// created, carries the base's name and gets the next number from the engine.
const base = new ovirt.Template("image", { name: `${prefix}-image`, sourceVm: golden.vmId });
const images: ovirt.Template[] = [base];
for (let n = 2; n <= versions; n++) {
    images.push(new ovirt.Template(`image-v${n}`, {
        name: base.name,
        sourceVm: golden.vmId,
        baseTemplate: base.id,
        versionName: `v${n}`,
    }, { dependsOn: [images[images.length - 1]!] }));
}

const pool = new ovirt.Pool("desktops", {
    name: `${prefix}-desk`,
    cluster,
    template: images[Math.min(poolVersion, images.length) - 1]!.id,
    useLatestTemplateVersion: useLatest,
    rollout,
    size: 3,
    maxUserVms: 1,
    poolType: "automatic",
    groups: [desktopGroup],
// A pool that follows the latest version runs on versions its `template` does not name: it depends on
// all of them, so a destroy removes the pool (and its desktops) before any version.
}, { dependsOn: images });

// The helpdesk may power the pool's desktops.
const helpdesk = new ovirt.Permission("helpdesk", { group: helpdeskGroup, role: "UserVmManager", poolId: pool.poolId });

// The provider adds a user or group the directory has but the engine does not know yet (as the admin
// portal does), records it in `addedPrincipals`, and removes it again on destroy if nothing else uses it.
const guest = contractor
    ? new ovirt.Permission("contractor", { user: contractor, role: "UserRole", poolId: pool.poolId })
    : undefined;

export const imageVersions = images.map((t) => t.versionNumber);
export const desktopVersions = pool.vmTemplateVersions;
export const restarted = pool.rolloutRestarted;
export const waiting = pool.rolloutWaiting;
export const helpdeskPermission = helpdesk.permissionId;
export const addedToEngine = pulumi.all([pool.addedPrincipals, helpdesk.addedPrincipals, guest?.addedPrincipals ?? []])
    .apply((lists) => lists.flatMap((l) => l ?? []).sort());
