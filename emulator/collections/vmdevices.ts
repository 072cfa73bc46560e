// What hangs off VMs besides disks, one file per collection: nics.ts, tags.ts, affinitygroups.ts,
// affinitylabels.ts, instancetypes.ts. This file only re-exports them for the modules that import
// from it (the VM, template and pool collections).
export * from "./nics.ts";
export * from "./tags.ts";
export * from "./affinitygroups.ts";
export * from "./affinitylabels.ts";
export * from "./instancetypes.ts";
