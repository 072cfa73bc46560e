// Previews started for real under QEMU (software emulation, no disk) through libvirtd: the smartcard
// becomes a USB CCID reader fed by a SPICE "smartcard" channel, and libvirt refuses the combinations
// the provider's rules refuse. Kept to a handful of starts; each takes about a second.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDomainXml, smartcardProblems } from "../../domainxml/index.ts";
import type { DomainSettings } from "../../domainxml/index.ts";
import { RUN_ID, SYSTEM_URI, scratchDir, systemMissing, virsh, warnSkipped } from "./host.ts";
import { qemuSmartcardDesktop } from "./settings.ts";

const PREFIX = `pov-${RUN_ID}-q`;
let counter = 0;

function settings(overrides: Partial<DomainSettings>): DomainSettings {
  counter += 1;
  return qemuSmartcardDesktop(`${PREFIX}${counter}`, 128, overrides);
}

async function hmp(name: string, command: string): Promise<string> {
  const result = await virsh(SYSTEM_URI, "qemu-monitor-command", name, "--hmp", command);
  expect(result.stderr).toBe("");
  return result.stdout;
}

interface Started {
  usb: string;
  chardevs: string;
  spice: string;
  commandLine: string;
}

let scratch: Awaited<ReturnType<typeof scratchDir>>;
const started = new Set<string>();

/** Starts the preview as a transient domain, gathers what QEMU reports, and always destroys it. */
async function startAndInspect(domain: DomainSettings): Promise<Started> {
  const file = await scratch.write(`${domain.name}.xml`, renderDomainXml(domain));
  started.add(domain.name);
  try {
    const created = await virsh(SYSTEM_URI, "create", file);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect((await virsh(SYSTEM_URI, "domstate", domain.name)).stdout.trim()).toBe("running");
    const log = `/var/log/libvirt/qemu/${domain.name}.log`;
    return {
      usb: await hmp(domain.name, "info usb"),
      chardevs: await hmp(domain.name, "info chardev"),
      spice: await hmp(domain.name, "info spice"),
      commandLine: existsSync(log) ? readFileSync(log, "utf8") : "",
    };
  } finally {
    await virsh(SYSTEM_URI, "destroy", domain.name);
    started.delete(domain.name);
  }
}

async function refusal(domain: DomainSettings): Promise<string> {
  const file = await scratch.write(`${domain.name}.xml`, renderDomainXml(domain));
  started.add(domain.name);
  try {
    const created = await virsh(SYSTEM_URI, "create", file);
    expect(created.code).not.toBe(0);
    return created.stderr;
  } finally {
    await virsh(SYSTEM_URI, "destroy", domain.name);
    started.delete(domain.name);
  }
}

beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(async () => {
  // A failed assertion in the middle of a start must not leave a QEMU behind.
  for (const name of started) await virsh(SYSTEM_URI, "destroy", name);
  await scratch?.remove();
  // QEMU's per-domain logs of this run's uniquely named domains would otherwise pile up.
  for (let i = 1; i <= counter; i++) rmSync(`/var/log/libvirt/qemu/${PREFIX}${i}.log`, { force: true });
});

warnSkipped("real QEMU starts of the domain-XML previews", systemMissing);

describe.skipIf(systemMissing !== undefined)("previews started under QEMU", () => {
  it("smartcard on: a USB CCID reader fed by a spicevmc 'smartcard' chardev, with SPICE TLS for the secure channels", async () => {
    const domain = settings({ display: { type: "spice", smartcardEnabled: true, monitors: 2, copyPasteEnabled: false, fileTransferEnabled: false } });
    expect(smartcardProblems(domain)).toEqual([]);
    const seen = await startAndInspect(domain);
    expect(seen.usb).toMatch(/Product QEMU USB CCID/);
    expect(seen.chardevs).toMatch(/^charsmartcard0: filename=spicevmc$/m);
    expect(seen.commandLine).toContain("-chardev spicevmc,id=charsmartcard0,name=smartcard");
    expect(seen.commandLine).toMatch(/ccid-card-passthru.*charsmartcard0/);
    expect(seen.spice).toMatch(/127\.0\.0\.1:\d+ \[tls\]/);
  });

  it("smartcard on, high-performance with USB on and four monitors: the reader is there too", async () => {
    const domain = settings({ vmType: "high_performance", display: { type: "spice", smartcardEnabled: true, monitors: 4 } });
    expect(smartcardProblems(domain)).toEqual([]);
    const seen = await startAndInspect(domain);
    expect(seen.usb).toMatch(/Product QEMU USB CCID/);
    expect(seen.chardevs).toMatch(/^charsmartcard0: filename=spicevmc$/m);
  });

  it("smartcard off: neither the reader nor the smartcard chardev", async () => {
    const domain = settings({ vmType: "server", usbEnabled: false, display: { type: "spice", smartcardEnabled: false, monitors: 4 } });
    const seen = await startAndInspect(domain);
    expect(seen.usb).not.toMatch(/CCID/);
    expect(seen.chardevs).not.toMatch(/smartcard/);
    expect(seen.commandLine).not.toMatch(/name=smartcard|usb-ccid/);
    // The rest of the SPICE devices are there: the vdagent channel.
    expect(seen.commandLine).toContain("name=vdagent");
  });

  it("VNC with a smartcard (rendered past the rules) is refused by libvirt, as the provider's rule says", async () => {
    const domain = settings({ display: { type: "vnc", smartcardEnabled: true } });
    expect(smartcardProblems(domain).map((p) => p.property)).toEqual(["smartcardEnabled"]);
    expect(await refusal(domain)).toContain("chardev 'spicevmc' not supported without spice graphics");
  });

  it("a high-performance VM with USB off and a smartcard is refused by libvirt, as the provider's rule says", async () => {
    const domain = settings({ vmType: "high_performance", usbEnabled: false });
    expect(smartcardProblems(domain).map((p) => p.property)).toEqual(["smartcardEnabled"]);
    expect(await refusal(domain)).toMatch(/USB is disabled.*USB devices are present/);
  });
});
