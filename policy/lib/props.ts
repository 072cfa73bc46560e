// Reading resource properties without tripping over values that are unknown during preview.
//
// The policy SDK hands policies its props wrapped in a proxy that throws when an unknown value is
// read; the SDK then replaces the whole validation with a generic "can't run policy during
// preview" note. Reading property descriptors goes straight to the proxy's target, so the raw
// value (possibly an unknown sentinel) comes back without the throw, and each rule can decide for
// itself to stay silent. Absent and undefined values count as unknown too: the provider's Check
// fills in schema defaults before the engine sends inputs to policies, so an absent value means
// "not decided here", and no rule reports a violation on it.

/** The sentinels the policy SDK uses for unknown values (`@pulumi/policy` proxy.js). */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

export type Props = Record<string, unknown>;

function isUnknownSentinel(value: unknown): boolean {
  return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** The raw value of a top-level property, read without triggering the SDK's unknown check. */
export function rawProp(props: Props, key: string): unknown {
  if (props === null || typeof props !== "object") return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(props, key);
  const value: unknown = descriptor?.value;
  return isUnknownSentinel(value) ? undefined : value;
}

/** A boolean that is known, or undefined when absent or unknown. */
export function knownBoolean(props: Props, key: string): boolean | undefined {
  const value = rawProp(props, key);
  return typeof value === "boolean" ? value : undefined;
}

/** An integer that is known, or undefined when absent, unknown or not a whole number. */
export function knownInteger(props: Props, key: string): number | undefined {
  const value = rawProp(props, key);
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

/** A string that is known, or undefined when absent or unknown. */
export function knownString(props: Props, key: string): string | undefined {
  const value = rawProp(props, key);
  return typeof value === "string" ? value : undefined;
}

/** A string array's known elements; undefined when the array itself is absent or unknown. */
export function knownStrings(props: Props, key: string): string[] | undefined {
  const value = rawProp(props, key);
  if (!Array.isArray(value)) return undefined;
  const items: unknown[] = value;
  return items.filter((item): item is string => typeof item === "string" && !isUnknownSentinel(item));
}

/** A known string field of a nested object (an entry of a list), read like rawProp. */
export function knownField(entry: unknown, key: string): string | undefined {
  const value = rawProp(entry as Props, key);
  return typeof value === "string" ? value : undefined;
}

/** Whether a nested object's field is set but not known yet (preview). */
export function unknownField(entry: unknown, key: string): boolean {
  if (entry === null || typeof entry !== "object") return false;
  return isUnknownSentinel(Object.getOwnPropertyDescriptor(entry, key)?.value);
}

/** The entries of a list of objects; undefined when the list is absent or unknown. */
export function knownObjectList(props: Props, key: string): Props[] | undefined {
  const value = rawProp(props, key);
  if (!Array.isArray(value)) return undefined;
  const items: unknown[] = value;
  return items.filter((item): item is Props => item !== null && typeof item === "object");
}
