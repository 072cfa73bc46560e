import { describe, expect, it } from "vitest";
import { blankVm, createVm, type Emu, emulatorPerSuite, request } from "./helpers.ts";

describe("emulator fault knobs and counters", () => {
  let emu: Emu;
  emulatorPerSuite({ asyncDelayMs: 0 }, (started) => {
    emu = started;
  });

  it("counts requests per method and route pattern, over HTTP, and resets them", async () => {
    emu.resetStats();
    await createVm(emu, blankVm("counted"));
    await request(emu, "GET", "/vms");
    await request(emu, "GET", "/vms");
    const a = await request(emu, "GET", "/ovirt-engine/emulator/stats", { auth: "none" });
    expect(a.status).toBe(200);
    const stats = a.body as { total: number; requests: Record<string, number> };
    expect(stats.requests["GET /ovirt-engine/api/vms"]).toBe(2);
    expect(stats.requests["POST /ovirt-engine/api/vms"]).toBe(1);
    expect(stats.total).toBe(3);
    // Reading is open to benchmarks; resetting needs the admin (issue 22).
    const anonymous = await request(emu, "DELETE", "/ovirt-engine/emulator/stats", { auth: "none" });
    expect(anonymous.status).toBe(401);
    const reset = await request(emu, "DELETE", "/ovirt-engine/emulator/stats");
    expect((reset.body as { total: number }).total).toBe(0);
  });

  it("answers 503 for every request at error rate 1 and recovers when it is set back", async () => {
    emu.setFaults({ errorRate: 1 });
    const a = await request(emu, "GET", "/vms");
    expect(a.status).toBe(503);
    emu.setFaults({});
    expect((await request(emu, "GET", "/vms")).status).toBe(200);
  });

  it("drops the connection after processing at drop rate 1", async () => {
    emu.setFaults({ dropRate: 1 });
    await expect(createVm(emu, blankVm("dropped"))).rejects.toThrow();
    emu.setFaults({});
    // The create happened even though the answer was lost.
    const a = await request(emu, "GET", `/vms?search=${encodeURIComponent("name=dropped")}`);
    expect(a.text).toContain("<name>dropped</name>");
  });

  it("adds latency", async () => {
    emu.setFaults({ latencyMs: 150 });
    const t0 = Date.now();
    await request(emu, "GET", "/clusters");
    const elapsed = Date.now() - t0;
    emu.setFaults({});
    expect(elapsed).toBeGreaterThanOrEqual(140);
  });
});
