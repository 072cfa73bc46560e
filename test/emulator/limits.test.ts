// Out-of-range integers are refused as the engine refuses them (limits.ts cites the engine's classes);
// before, `memory` 10^30 or `cores` -4 answered 201 and the stored VM broke every later VM list.
import { describe, expect, it } from "vitest";
import { at, blankVm, createVm, type Emu, emulatorPerSuite, request } from "./helpers.ts";

const topology = (sockets: number, cores: number, threads = 1): string =>
  `<cpu><topology><sockets>${sockets}</sockets><cores>${cores}</cores><threads>${threads}</threads></topology></cpu>`;

describe("integer ranges", () => {
  let emu: Emu;
  emulatorPerSuite({}, (started) => {
    emu = started;
  });

  it.each([
    ["memory that does not fit a long", "<memory>1000000000000000000000000000000</memory>", /Value "1000000000000000000000000000000" of element "memory" is not a valid number/],
    ["memory above the platform limit", "<memory>10000000000000000</memory>", /Illegal memory size is provided, size needs to be between 1 MB and 6291456 MB/],
    ["negative cores", topology(1, -4), /Minimum number of CPU per socket cannot be less than 1/],
    ["zero sockets", topology(0, 1), /Minimum number of sockets cannot be less then 1/],
    ["too many cores per socket", topology(1, 300), /Max number of cpu per socket exceeded/],
    ["too many sockets", topology(17, 1), /Max number of sockets exceeded/],
  ])("refuses %s with 400 and the engine's text, and stores nothing", async (_what, extra, text) => {
    const name = `range-${Math.random().toString(36).slice(2, 8)}`;
    const a = await createVm(emu, blankVm(name, extra));
    expect(a.status).toBe(400);
    expect(at(a.body, "fault.detail")).toMatch(text);
    const list = await request(emu, "GET", `/vms?search=name%3D${name}`);
    expect(list.text).not.toContain(`<name>${name}</name>`);
  });

  it("refuses the same on update and keeps the VM as it was", async () => {
    const created = await createVm(emu, blankVm("range-update", topology(2, 2)));
    expect(created.status).toBe(201);
    const id = String(at(created.body, "vm.@id"));
    const bad = await request(emu, "PUT", `/vms/${id}`, { body: `<vm>${topology(1, -4)}</vm>` });
    expect(bad.status).toBe(400);
    const after = await request(emu, "GET", `/vms/${id}`);
    expect(at(after.body, "vm.cpu.topology.cores")).toBe("2");
  });

  it("accepts the limits themselves", async () => {
    const a = await createVm(emu, blankVm("range-edge", `<memory>${6291456 * 1024 * 1024}</memory>${topology(16, 24)}`));
    expect(a.status).toBe(201);
  });
});
