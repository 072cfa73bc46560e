// rememberUnlessFailed (provider/memo.ts), which keeps the plugin's lazily loaded handlers, the
// engine client's collection lists and its storage and network lists.

import { describe, expect, it } from "vitest";
import { rememberUnlessFailed } from "../../provider/memo.ts";

describe("rememberUnlessFailed", () => {
  it("calls the load once and gives every caller its promise", async () => {
    let calls = 0;
    const kept = rememberUnlessFailed(async () => ++calls);
    expect(await Promise.all([kept.get(), kept.get(), kept.get()])).toEqual([1, 1, 1]);
    expect(calls).toBe(1);
  });

  it("forgets a failed load: the next caller tries again", async () => {
    let calls = 0;
    const kept = rememberUnlessFailed(async () => {
      if (++calls === 1) throw new Error("engine unreachable");
      return calls;
    });
    await expect(kept.get()).rejects.toThrow("engine unreachable");
    expect(await kept.get()).toBe(2);
    expect(await kept.get()).toBe(2);
  });

  it("after forget, loads again; a failure of the forgotten attempt does not drop the new one", async () => {
    const pending: { resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
    const kept = rememberUnlessFailed(() => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })));
    const first = kept.get();
    kept.forget();
    const second = kept.get();
    expect(pending).toHaveLength(2);
    pending[0]!.reject(new Error("old list failed"));
    await expect(first).rejects.toThrow("old list failed");
    pending[1]!.resolve(7);
    expect(await second).toBe(7);
    expect(kept.get()).toBe(second);
    expect(pending).toHaveLength(2);
  });
});
