// A promise kept for every later caller, unless it fails: a failed load or list is forgotten, so
// the next caller tries again rather than inheriting the failure for the rest of the process.

export interface Remembered<T> {
  /** The kept promise, or a new call of `load` when there is none. */
  get(): Promise<T>;
  /** Drops the kept promise: the next `get` calls `load` again. */
  forget(): void;
}

export function rememberUnlessFailed<T>(load: () => Promise<T>): Remembered<T> {
  let kept: Promise<T> | undefined;
  return {
    get() {
      if (!kept) {
        const attempt = load();
        kept = attempt;
        // Only this attempt is dropped: a later one may have replaced it after a `forget`.
        attempt.catch(() => {
          if (kept === attempt) kept = undefined;
        });
      }
      return kept;
    },
    forget() {
      kept = undefined;
    },
  };
}
