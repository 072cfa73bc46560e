// Clusters and templates are given by name or id; the engine links them by id. These helpers keep
// the user's own spelling in state while the linked entity is the same one, so refresh shows no
// drift for `cluster: "Default"` versus its id.

/**
 * The input value for a link read from the engine: the old input while it still points at the
 * same entity (`oldId` is the id resolved at create), else the entity's name (for import and for
 * a link changed outside Pulumi), else the bare id when the name cannot be looked up.
 */
export async function resolveNameForInput(
  oldInput: unknown,
  oldId: unknown,
  currentId: string | undefined,
  resolve: (id: string) => Promise<{ name: string }>,
): Promise<string> {
  if (currentId === undefined) return typeof oldInput === "string" ? oldInput : "";
  if (typeof oldInput === "string" && (oldId === currentId || oldInput === currentId)) return oldInput;
  try {
    return (await resolve(currentId)).name;
  } catch {
    return currentId;
  }
}
