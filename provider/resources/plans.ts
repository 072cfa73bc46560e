// What this provider process has been asked to make of each engine entity during the current run,
// preview included. Pulumi checks a ConsolePolicy once its target's step has answered, but at
// preview that step changed nothing in the engine: a Vm planned to gain a smartcard still has none
// there. The policy's check asks here first, so enabling a smartcard on a VM and a policy that
// keeps it on can go in one `pulumi up`. Create and update still verify against the engine.

export type PlanTargetKind = "vm" | "pool";

export class PlannedSettings {
  readonly #smartcard = new Map<string, boolean>();

  /** Records the smartcard an entity is planned to have; anything but a boolean (unknown) forgets it. */
  recordSmartcard(kind: PlanTargetKind, id: string, enabled: unknown): void {
    const key = `${kind}:${id}`;
    if (typeof enabled === "boolean") this.#smartcard.set(key, enabled);
    else this.#smartcard.delete(key);
  }

  /** The planned smartcard of an entity, or undefined when this run plans nothing for it. */
  smartcard(kind: PlanTargetKind, id: string): boolean | undefined {
    return this.#smartcard.get(`${kind}:${id}`);
  }
}
