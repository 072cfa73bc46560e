// The hostile-input suite (issue 22): the corpus of bad requests, fast-check fuzzing of the search
// grammar and the XML/JSON codecs, concurrent same-name creates, kill -9 mid-write, and two emulators
// racing for a new data directory, all against a real emulator process. Every bad request must get
// its engine answer (status and shape), another request must answer within a second meanwhile, and
// nothing answered may be lost. The last line printed is the summary the closing note quotes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORPUS } from "./corpus.ts";
import {
  ADMIN, USER, hasShape, isFault, probe, send, startProcess, stopProcess, summaryLine, tally, type Answer, type Proc,
} from "./harness.ts";

const API = "/ovirt-engine/api";
const STALL_BOUND_MS = 1000;
const newDir = (): string => mkdtempSync(join(tmpdir(), "hostile-"));
const vmBody = (name: string, description = ""): string =>
  `<vm><name>${name}</name><description>${description}</description><cluster><name>Default</name></cluster>` +
  "<template><name>Blank</name></template></vm>";
const idOf = (a: Answer): string | undefined => /<vm href="[^"]*" id="([^"]+)"/.exec(a.text)?.[1];

let emu: Proc;
const dirs: string[] = [];
/** VMs whose create was answered 201: each must still be there at the end. */
const answered = new Map<string, string>();

async function createVm(name: string, description = ""): Promise<Answer> {
  const a = await send(emu, { method: "POST", path: `${API}/vms`, body: vmBody(name, description) });
  const id = idOf(a);
  if (a.status === 201 && id) answered.set(id, name);
  return a;
}

/** Counts answered creates that are gone, adds them to the tally, and returns them. */
async function lostVms(): Promise<string[]> {
  const lost: string[] = [];
  for (const [id, name] of answered) {
    const a = await send(emu, { method: "GET", path: `${API}/vms/${id}` });
    if (a.status !== 200 || !a.text.includes(`<name>${name}</name>`)) lost.push(name);
  }
  tally.dataLost += lost.length;
  return lost;
}

beforeAll(async () => {
  const dir = newDir();
  dirs.push(dir);
  emu = await startProcess(dir);
  // A description the wildcard probes must scan: the backtracking regex of before needed about
  // 30^10 steps to refuse `**********Z` on it.
  for (const name of ["keep-1", "keep-2", "keep-3"]) expect((await createVm(name, "a".repeat(30))).status).toBe(201);
  const grant = await send(emu, {
    method: "POST", path: "/ovirt-engine/emulator/grants", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ user: "user@internal", vms: ["keep-1"] }),
  });
  expect(grant.status).toBe(200);
});

afterAll(async () => {
  await stopProcess(emu);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  // The line the closing note quotes.
  console.log(summaryLine());
});

describe("the corpus of bad requests", () => {
  it.each(CORPUS)("$name", async (c) => {
    const { answer, stallMs, shape } = await probe(emu, c.name, c.call, c.shape);
    expect(answer.error).toBeUndefined();
    expect(c.status).toContain(answer.status);
    expect(hasShape(answer, shape)).toBe(true);
    expect(stallMs).toBeLessThan(STALL_BOUND_MS);
  });

  it("left the seeded VMs as they were and made no VM from a bad body", async () => {
    expect(await lostVms()).toEqual([]);
    const all = await send(emu, { method: "GET", path: `${API}/vms` });
    expect(all.text).not.toContain("<name>hostile</name>");
    expect(all.text).not.toContain("<name>proto</name>");
  });
});

/** Search texts from the grammar's pieces: keys, operators, values with wildcards, and/or, parentheses. */
const searchText = fc.array(
  fc.oneof(
    fc.constantFrom("name", "description", "status", "id", "Name", "nokey", "vm.name"),
    fc.constantFrom("=", "!=", "<", ">=", " and ", " OR ", "(", ")", " ", "'", '"'),
    fc.stringMatching(/^[a-z*?%_\-.]{0,12}$/),
  ),
  { maxLength: 12 },
).map((parts) => parts.join(""));

async function fuzzProbe(name: string, call: Parameters<typeof send>[1], allowed: number[]): Promise<void> {
  const { answer, stallMs } = await probe(emu, name, call, "entity");
  expect(answer.error).toBeUndefined();
  expect(allowed).toContain(answer.status);
  if (answer.status >= 400) expect(isFault(answer)).toBe(true);
  expect(stallMs).toBeLessThan(STALL_BOUND_MS);
}

describe("fuzzing with fast-check", () => {
  it("any search text answers a list or the engine's 400 fault, filtered or not", async () => {
    await fc.assert(
      fc.asyncProperty(searchText, fc.boolean(), async (text, filtered) => {
        const headers: Record<string, string> = filtered ? { Authorization: USER, Filter: "true" } : {};
        const call = { method: "GET", path: `${API}/vms?search=${encodeURIComponent(text)}`, headers };
        const { answer, stallMs } = await probe(emu, `search ${JSON.stringify(text)}`, call, "entity");
        expect(answer.error).toBeUndefined();
        expect([200, 400]).toContain(answer.status);
        if (answer.status === 400) expect(isFault(answer)).toBe(true);
        expect(stallMs).toBeLessThan(STALL_BOUND_MS);
      }),
      { numRuns: 60 },
    );
  });

  it("any XML body to POST /vms answers 201 or the engine's fault, never a 500 or a reset", async () => {
    const token = fc.constantFrom("<vm>", "</vm>", "<name>", "</name>", "<memory>", "</memory>", "<cluster><name>Default</name></cluster>",
      "<template><name>Blank</name></template>", "<a>", "</a>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&bogus;", "<?x?>", "\u0000", "é");
    const xml = fc.array(fc.oneof(token, fc.stringMatching(/^[a-z0-9 <>&"'=/-]{0,8}$/)), { maxLength: 16 }).map((p) => p.join(""));
    await fc.assert(
      fc.asyncProperty(xml, async (body) => fuzzProbe("xml fuzz", { method: "POST", path: `${API}/vms`, body }, [201, 400, 404, 409])),
      { numRuns: 80 },
    );
  });

  it("any JSON value to POST /vms answers 201 or the engine's fault, never a 500 or a reset", async () => {
    const value = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ name: fc.string({ maxLength: 10 }), memory: fc.oneof(fc.integer(), fc.string({ maxLength: 30 })) }));
    await fc.assert(
      fc.asyncProperty(value, async (v) => fuzzProbe("json fuzz", {
        method: "POST", path: `${API}/vms`, body: JSON.stringify(v), headers: { "Content-Type": "application/json" },
      }, [201, 400, 404, 409])),
      { numRuns: 80 },
    );
  });
});

describe("concurrency and crashes", () => {
  it("twenty concurrent creates of one name make one VM; the others answer the engine's 409", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => createVm("same-name")));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const others = answers.filter((a) => a.status !== 201);
    expect(others.every((a) => a.status === 409 && isFault(a))).toBe(true);
    const list = await send(emu, { method: "GET", path: `${API}/vms?search=name%3Dsame-name` });
    expect(list.text.match(/<name>same-name<\/name>/g)).toHaveLength(1);
  });

  it("kill -9 in the middle of a burst of creates loses no answered create; the restarted emulator serves them", async () => {
    // Killed once a third of the creates are answered, with the rest still in flight.
    let answeredSoFar = 0;
    let killing: Promise<void> | undefined;
    const burst = Array.from({ length: 60 }, (_v, i) => createVm(`burst-${i}`).then((a) => {
      if (a.status === 201 && ++answeredSoFar === 20) killing = stopProcess(emu, "SIGKILL");
      return a;
    }));
    const answers = await Promise.all(burst);
    await (killing ?? stopProcess(emu, "SIGKILL"));
    const ok = answers.filter((a) => a.status === 201).length;
    emu = await startProcess(emu.dataDir);
    expect(ok + answers.filter((a) => a.error !== undefined || a.status === 0).length).toBe(60);
    expect(await lostVms()).toEqual([]);
    console.log(`kill -9 mid-burst: ${ok} of 60 creates answered before the kill, all ${answered.size} answered VMs present after restart`);
  });

  it("two emulators started at once on a new data directory: one serves, with a certificate that matches ca.pem", async () => {
    for (let round = 0; round < 2; round++) {
      const dir = join(newDir(), "fresh");
      dirs.push(dir);
      const results = await Promise.allSettled([startProcess(dir), startProcess(dir)]);
      const running = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      try {
        expect(running).toHaveLength(1);
        const served = running[0] as Proc;
        // send() trusts only ca.pem as read now: a certificate from another PKI fails the handshake.
        const a = await send(served, { method: "GET", path: API, headers: { Authorization: ADMIN } });
        expect(a.error).toBeUndefined();
        expect(a.status).toBe(200);
      } finally {
        for (const p of running) await stopProcess(p);
      }
    }
  });
});
