// What a VM's `disks` and `nics` have in common when read back from the engine.

/**
 * The engine's devices of a VM that its `disks` or `nics` report, in the user's order (so a
 * refresh with no change diffs clean), then the others; undefined when the VM manages none.
 * Template devices that no old entry names are left out: they are the template's, not drift.
 */
export async function managedDevices<E>(
  listed: unknown, importing: boolean, olds: readonly { name: string }[], load: () => Promise<E[]>, nameOf: (device: E) => string, templateNames: Set<string>,
): Promise<E[] | undefined> {
  // A refreshed VM whose inputs never listed them manages none: reporting hand-made ones would make
  // the next update remove them. An import (no inputs yet) reports them all.
  if (listed === undefined && !importing) return undefined;
  const named = new Set(olds.map((o) => o.name));
  const devices = (await load()).filter((d) => named.has(nameOf(d)) || !templateNames.has(nameOf(d)));
  if (devices.length === 0 && listed === undefined) return undefined;
  const position = (d: E) => {
    const i = olds.findIndex((o) => o.name === nameOf(d));
    return i < 0 ? olds.length : i;
  };
  return devices.sort((x, y) => position(x) - position(y));
}
