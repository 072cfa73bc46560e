// The detailed diff shared by all resources, driven by schema.json: every input property is
// compared, a change to a `replaceOnChanges` property is a replacement, and when the engine would
// refuse the replacement's name while the old entity still exists, the old one goes first.

import { inputProperties, replaceOnChangesProperties } from "../schema.ts";
import { isUnknown } from "./check.ts";
import type { DiffKind, DiffResult, New, Old } from "./types.ts";

/**
 * Any resource's inputs or state (the generated `VmInputs`, `PoolState`...): the diff walks schema.json's
 * property names, so it reads them by name; the old/new marks still keep a swap from compiling.
 */
export type InputValues = Readonly<Record<string, unknown>>;

export interface DiffOptions {
  /** Input properties not to compare (for example a value the engine cannot report). */
  ignore?: string[];
  /** Names are unique in the engine's scope (data center or global): replace by deleting first when the name stays. */
  uniqueName?: boolean;
  /** Extra entries computed by the resource, such as an output that will change (`pendingRestart`). */
  extra?: Record<string, DiffKind>;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isUnknown(b)) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function kindOf(oldValue: unknown, newValue: unknown, replace: boolean): DiffKind {
  if (oldValue === undefined) return replace ? "add-replace" : "add";
  if (newValue === undefined) return replace ? "delete-replace" : "delete";
  return replace ? "update-replace" : "update";
}

/**
 * Compares the last inputs with the new (checked) inputs of `token`. `oldInputs` may lack keys
 * that older states did not store; `olds` (the last outputs) fills them in.
 */
export function diffInputs(token: string, olds: Old<InputValues>, oldInputs: Old<InputValues>, news: New<InputValues>, options: DiffOptions = {}): DiffResult {
  const replaceOn = new Set(replaceOnChangesProperties(token));
  const ignore = new Set(options.ignore ?? []);
  const detailedDiff: Record<string, DiffKind> = {};
  const replaces: string[] = [];

  for (const name of Object.keys(inputProperties(token))) {
    if (ignore.has(name)) continue;
    const oldValue = name in oldInputs ? oldInputs[name] : olds[name];
    const newValue = news[name];
    if (oldValue === undefined && newValue === undefined) continue;
    if (sameValue(oldValue, newValue)) continue;
    const replace = replaceOn.has(name);
    detailedDiff[name] = kindOf(oldValue, newValue, replace);
    if (replace) replaces.push(name);
  }
  for (const [name, kind] of Object.entries(options.extra ?? {})) detailedDiff[name] = kind;

  const oldName = oldInputs.name ?? olds.name;
  const nameStays = isUnknown(news.name) || news.name === oldName;
  return {
    changes: Object.keys(detailedDiff).length > 0,
    replaces,
    detailedDiff,
    deleteBeforeReplace: options.uniqueName === true && replaces.length > 0 && nameStays,
  };
}

/** The properties whose value differs between two checked input maps (unknown counts as changed). */
export function changedProperties(oldInputs: Old<InputValues>, news: New<InputValues>, names: readonly string[]): string[] {
  return names.filter((name) => !sameValue(oldInputs[name], news[name]));
}
