// Helpers shared by the engine tests that need no nock (the emulator tests talk real HTTPS, so
// they must not load nock through helpers.ts).

import { expect } from "vitest";
import { EngineError } from "../../provider/engine/index.ts";

/** The EngineError a call fails with; fails the test if the call succeeds or throws something else. */
export async function caught(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(EngineError);
    return err as EngineError;
  }
  throw new Error("expected the call to fail");
}
