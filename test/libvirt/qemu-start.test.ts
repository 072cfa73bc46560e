// Previews started for real under QEMU (software emulation, no disk) through libvirtd: the smartcard
// becomes a USB CCID reader fed by a SPICE "smartcard" channel, and libvirt refuses the combinations
// the provider's rules refuse. Kept to a handful of starts; each takes about a second.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { diskSourcePath, driverType, renderDomainXml, smartcardProblems } from "../../domainxml/index.ts";
import type { DiskSettings, DomainSettings } from "../../domainxml/index.ts";
import { RUN_ID, SYSTEM_URI, run, scratchDir, systemMissing, virsh, warnSkipped } from "./host.ts";
import { DESKTOP_DISKS, desktopNics, qemuSmartcardDesktop } from "./settings.ts";

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
  block: string;
  network: string;
  usb: string;
  chardevs: string;
  spice: string;
  commandLine: string;
}

let scratch: Awaited<ReturnType<typeof scratchDir>>;
const started = new Set<string>();

/** Starts the preview as a transient domain, gathers what QEMU reports, and always destroys it. */
async function startAndInspect(domain: DomainSettings, rewrite: (xml: string) => string = (xml) => xml): Promise<Started> {
  const file = await scratch.write(`${domain.name}.xml`, rewrite(renderDomainXml(domain)));
  started.add(domain.name);
  try {
    const created = await virsh(SYSTEM_URI, "create", file);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect((await virsh(SYSTEM_URI, "domstate", domain.name)).stdout.trim()).toBe("running");
    const log = `/var/log/libvirt/qemu/${domain.name}.log`;
    return {
      block: await hmp(domain.name, "info block"),
      network: await hmp(domain.name, "info network"),
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

// Bridges of this run only, short enough for Linux's 15-character interface names.
const BRIDGES: [string, string] = [`pv${RUN_ID.slice(-9)}a`, `pv${RUN_ID.slice(-9)}b`];
const madeBridges: string[] = [];

async function makeBridge(name: string): Promise<void> {
  const made = await run("ip", ["link", "add", "name", name, "type", "bridge"]);
  expect(made.stderr).toBe("");
  madeBridges.push(name);
  expect((await run("ip", ["link", "set", name, "up"])).code).toBe(0);
}

afterAll(async () => {
  for (const name of madeBridges) await run("ip", ["link", "del", name]);
});

/** An empty image per disk in the scratch directory, in the disk's format. */
async function emptyImages(disks: readonly DiskSettings[]): Promise<string[]> {
  const files: string[] = [];
  for (const disk of disks) {
    const file = join(scratch.dir, `${disk.name}.${driverType(disk.format)}`);
    const made = await run("qemu-img", ["create", "-q", "-f", driverType(disk.format), file, "64M"]);
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    files.push(file);
  }
  return files;
}

/** Only here, in the test: the host paths under /rhev become the scratch images. */
function withLocalImages(disks: readonly DiskSettings[], files: readonly string[]): (xml: string) => string {
  return (xml) => disks.reduce((text, disk, i) => text.replace(`file="${diskSourcePath(disk)}"`, `file="${files[i]}"`), xml);
}

const qemuImgMissing = systemMissing ?? (process.env.PATH ?? "").split(":").some((dir) => dir !== "" && existsSync(join(dir, "qemu-img")))
  ? systemMissing
  : "qemu-img not found (package qemu-utils): run `bash scripts/setup/libvirt-host.sh` as root";
warnSkipped("a real QEMU start of a preview with disks and NICs", qemuImgMissing);

describe.skipIf(qemuImgMissing !== undefined)("a preview with disks and NICs started under QEMU", () => {
  it("attaches each image on its bus, boots from the bootable disk, and plugs each NIC into its bridge with its model and MAC", async () => {
    for (const bridge of BRIDGES) await makeBridge(bridge);
    const domain = settings({ disks: DESKTOP_DISKS, nics: desktopNics(BRIDGES) });
    const files = await emptyImages(DESKTOP_DISKS);
    const xml = renderDomainXml(domain);
    expect(xml).toContain('<source file="/rhev/data-center/mnt/');
    const seen = await startAndInspect(domain, withLocalImages(DESKTOP_DISKS, files));
    // QEMU names each drive's device after its bus: scsi0-0-0-0, sata0-0-1 (q35's AHCI), virtio-disk.
    const blocks = seen.block.split(/\n\s*\n/).filter((b) => b.trim() !== "");
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toContain(`${files[0]} (qcow2)`);
    expect(blocks[0]).toMatch(/Attached to:\s+scsi0-0-0-0/);
    expect(blocks[1]).toContain(`${files[1]} (raw)`);
    expect(blocks[1]).toMatch(/Attached to:\s+sata0-0-\d/);
    expect(blocks[2]).toContain(`${files[2]} (qcow2)`);
    expect(blocks[2]).toMatch(/Attached to:\s+\S*virtio-disk0/);
    const bootable = seen.commandLine.split("\n").filter((line) => line.includes('"bootindex":'));
    expect(bootable).toHaveLength(1);
    expect(bootable[0]).toContain('"driver":"scsi-hd"');
    expect(bootable[0]).toContain('"bootindex":1');
    expect(seen.network).toMatch(/model=virtio-net-pci,macaddr=56:6f:1a:2b:3c:01/);
    expect(seen.network).toMatch(/model=e1000,macaddr=/);
    expect(seen.network.match(/type=tap/g)).toHaveLength(2);
  });
});

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
