// The engine's naming rule for the VMs of a pool (schema.json, Pool.name): a run of `?` in the
// pool name is replaced by the zero-padded VM number (`desk-???` gives `desk-001`); a name without
// `?` gets `-N` appended (`desk` gives `desk-1`, `desk-2`, ...).

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A matcher for every name the engine may give to a VM of the pool called `poolName`. */
export function poolVmNameMatcher(poolName: string): RegExp {
  const run = /\?+/.exec(poolName);
  if (run === null) {
    return new RegExp(`^${escapeRegExp(poolName)}-\\d+$`, "i");
  }
  const before = poolName.slice(0, run.index);
  const after = poolName.slice(run.index + run[0].length);
  return new RegExp(`^${escapeRegExp(before)}\\d{${run[0].length}}${escapeRegExp(after)}$`, "i");
}

/** How the pattern reads in a message: `desk-???` stays as is, `desk` becomes `desk-N`. */
export function poolVmNamePattern(poolName: string): string {
  return poolName.includes("?") ? poolName : `${poolName}-N`;
}
