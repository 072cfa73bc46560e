// End to end on a real hypervisor: the real Pulumi CLI runs examples/single-vm with `running: true`
// against the engine emulator with its libvirt host backend, so the started VM is a QEMU domain on
// qemu:///system. The test finds the smartcard's CCID reader through the QEMU monitor, then checks
// that `pulumi destroy` leaves no domain behind. One up and one destroy: QEMU starts are slow here.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domainName } from "../../emulator/host/libvirt.ts";
import { SYSTEM_URI, systemMissing, virsh } from "../libvirt/host.ts";
import { copyExample, ensureSdkBuilt, initStack, probePulumiCli, removeWorkDir, run, startEmulator, type Emulator } from "./harness.ts";

const probe = probePulumiCli();
const missing = probe.missing ?? systemMissing;
if (missing) {
  console.warn(`\n!!! SKIPPING test/e2e/libvirt-up (pulumi up of a running smartcard VM on ${SYSTEM_URI}): ${missing}\n`);
}

afterAll(() => removeWorkDir(probe.workDir));

const STEP_TIMEOUT = 240_000;
// Unique per run, so that leftovers of other runs (or other agents) are never touched.
const VM_NAME = `e2e-lv-${randomBytes(4).toString("hex")}`;

/** Names of all libvirt domains, running or not, that belong to this test's VM. */
async function ourDomains(): Promise<string[]> {
  const list = await virsh(SYSTEM_URI, "list", "--all", "--name");
  if (list.code !== 0) throw new Error(`virsh list --all failed: ${list.stderr}`);
  return list.stdout
    .split("\n")
    .map((line) => line.trim())
    .filter((name) => name.startsWith("ovirt-") && name.includes(VM_NAME));
}

describe.skipIf(missing !== undefined)("pulumi up of a running smartcard VM on a libvirt host", () => {
  const env: NodeJS.ProcessEnv = { ...probe.env };
  const programDir = join(probe.workDir, "single-vm");
  const password = randomBytes(12).toString("hex");
  let emulator: Emulator | undefined;
  let domain = "";

  const ok = async (args: string[], input?: string): Promise<string> => {
    const result = await run("pulumi", [...args, "--non-interactive"], { cwd: programDir, env, input, timeoutMs: STEP_TIMEOUT });
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
    }
    return result.stdout;
  };

  beforeAll(async () => {
    ensureSdkBuilt(env);
    emulator = await startEmulator(join(probe.workDir, "engine"), password, ["--libvirt", SYSTEM_URI]);
    copyExample("single-vm", programDir);
    await initStack(ok, emulator);
    await ok(["config", "set", "single-vm:name", VM_NAME]);
    await ok(["config", "set", "single-vm:running", "true"]);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    // Whatever failed above, no domain of this test survives it, and the emulator stops.
    for (const name of await ourDomains().catch(() => [])) {
      await virsh(SYSTEM_URI, "destroy", name);
      await virsh(SYSTEM_URI, "undefine", name);
    }
    await emulator?.stop();
    if (domain) rmSync(`/var/log/libvirt/qemu/${domain}.log`, { force: true });
  }, STEP_TIMEOUT);

  it("up starts the VM as a QEMU domain with a USB CCID smartcard reader", async () => {
    await ok(["up", "--yes", "--skip-preview"]);
    const outputs = JSON.parse(await ok(["stack", "output", "--json"])) as Record<string, unknown>;
    expect(outputs["status"]).toBe("up");
    expect(String(outputs["domainXml"])).toContain('<smartcard mode="passthrough" type="spicevmc"/>');

    domain = domainName({ id: String(outputs["vmId"]), name: VM_NAME });
    expect(await ourDomains()).toEqual([domain]);
    const state = await virsh(SYSTEM_URI, "domstate", domain);
    expect(state.stdout.trim()).toBe("running");

    const usb = await virsh(SYSTEM_URI, "qemu-monitor-command", domain, "--hmp", "info usb");
    expect(usb.code, usb.stderr).toBe(0);
    expect(usb.stdout).toMatch(/QEMU USB CCID/);
  }, STEP_TIMEOUT);

  it("destroy removes the VM and leaves no domain behind", async () => {
    await ok(["destroy", "--yes", "--skip-preview"]);
    expect(await ourDomains()).toEqual([]);
  }, STEP_TIMEOUT);
});
