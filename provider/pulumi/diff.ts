// DiffResult (the handlers' plain form) -> DiffResponse: a detailed diff the CLI shows as is,
// replaces that agree with it, and ignoreChanges honoured.

import type { DiffKind, DiffResult } from "../resources/types.ts";
import { provider as providerPb, type ProviderPb } from "./proto.ts";

const KIND = providerPb.PropertyDiff.Kind;

const KIND_CODES: Record<DiffKind, ProviderPb.PropertyDiff.Kind> = {
  add: KIND.ADD,
  "add-replace": KIND.ADD_REPLACE,
  delete: KIND.DELETE,
  "delete-replace": KIND.DELETE_REPLACE,
  update: KIND.UPDATE,
  "update-replace": KIND.UPDATE_REPLACE,
};

const AS_REPLACE: Record<DiffKind, DiffKind> = {
  add: "add-replace",
  "add-replace": "add-replace",
  delete: "delete-replace",
  "delete-replace": "delete-replace",
  update: "update-replace",
  "update-replace": "update-replace",
};

/** `a.b[0].c` -> `a` : the top-level property a path belongs to. */
export function topLevelKey(path: string): string {
  const match = /^[^.[]+/.exec(path);
  return match ? match[0] : path;
}

function underAny(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

/**
 * Normalises a handler's answer: drops paths the user asked to ignore, makes every replace key
 * appear in the detailed diff with a replace kind (so the plan shows why), and derives `changes`.
 */
export function normaliseDiff(result: DiffResult, ignoreChanges: readonly string[] = []): DiffResult {
  const detailedDiff: Record<string, DiffKind> = {};
  for (const [path, kind] of Object.entries(result.detailedDiff)) {
    if (!underAny(path, ignoreChanges)) detailedDiff[path] = kind;
  }
  const replaces = [...new Set(result.replaces)].filter((key) => !underAny(key, ignoreChanges));
  for (const key of replaces) {
    const paths = Object.keys(detailedDiff).filter((path) => topLevelKey(path) === key);
    if (paths.length === 0) detailedDiff[key] = "update-replace";
    for (const path of paths) detailedDiff[path] = AS_REPLACE[detailedDiff[path] as DiffKind];
  }
  const changes = ignoreChanges.length > 0 ? Object.keys(detailedDiff).length > 0 || replaces.length > 0 : result.changes || replaces.length > 0;
  return {
    changes,
    replaces,
    detailedDiff,
    deleteBeforeReplace: replaces.length > 0 && result.deleteBeforeReplace,
  };
}

export function toDiffResponse(result: DiffResult): ProviderPb.DiffResponse {
  const response = new providerPb.DiffResponse();
  response.setChanges(result.changes ? providerPb.DiffResponse.DiffChanges.DIFF_SOME : providerPb.DiffResponse.DiffChanges.DIFF_NONE);
  response.setReplacesList(result.replaces);
  response.setDeletebeforereplace(result.deleteBeforeReplace);
  const changed = new Set<string>(result.replaces);
  const map = response.getDetaileddiffMap();
  for (const [path, kind] of Object.entries(result.detailedDiff)) {
    const diff = new providerPb.PropertyDiff();
    diff.setKind(KIND_CODES[kind]);
    diff.setInputdiff(true);
    map.set(path, diff);
    changed.add(topLevelKey(path));
  }
  response.setDiffsList([...changed]);
  // A change without any path would show as an empty update; let the engine fall back to its own
  // comparison in that (unexpected) case rather than show nothing.
  response.setHasdetaileddiff(!result.changes || Object.keys(result.detailedDiff).length > 0);
  return response;
}

/** DiffResponse -> plain form (used by the test harness). */
export function fromDiffResponse(response: ProviderPb.DiffResponse): {
  changes: "unknown" | "none" | "some";
  replaces: string[];
  detailedDiff: Record<string, DiffKind>;
  hasDetailedDiff: boolean;
  deleteBeforeReplace: boolean;
  diffs: string[];
  stables: string[];
} {
  const names = Object.fromEntries(Object.entries(KIND_CODES).map(([name, code]) => [code, name as DiffKind]));
  const detailedDiff: Record<string, DiffKind> = {};
  response.getDetaileddiffMap().forEach((diff, path) => {
    detailedDiff[path] = names[diff.getKind()] ?? "update";
  });
  const changes = response.getChanges();
  const codes = providerPb.DiffResponse.DiffChanges;
  return {
    changes: changes === codes.DIFF_SOME ? "some" : changes === codes.DIFF_NONE ? "none" : "unknown",
    replaces: response.getReplacesList(),
    detailedDiff,
    hasDetailedDiff: response.getHasdetaileddiff(),
    deleteBeforeReplace: response.getDeletebeforereplace(),
    diffs: response.getDiffsList(),
    stables: response.getStablesList(),
  };
}
