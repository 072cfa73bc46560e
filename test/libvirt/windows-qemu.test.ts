// A Windows-11-shaped preview and a headless one started for real under QEMU (software emulation)
// through libvirtd: OVMF's Secure Boot build with the Microsoft keys enrolled (Debian's ovmf), an
// emulated TPM 2.0 (Debian's swtpm), the sound card and the guest-tools ISO in the CD-ROM; and a
// headless UEFI server with no display at all. Each runs until the firmware has tried to boot, which
// it reports on a serial port the test adds: with Secure Boot, OVMF refuses its own unsigned shell
// ("Security Violation"); without it, the shell starts. About 20 s each under software emulation.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDomainXml, settingsProblems } from "../../domainxml/index.ts";
import type { DomainSettings } from "../../domainxml/index.ts";
import { RUN_ID, SYSTEM_URI, run, scratchDir, systemMissing, virsh, warnSkipped } from "./host.ts";
import { GUEST_TOOLS_ISO, headlessServer, windows11Desktop } from "./windows.ts";

const PREFIX = `pov-${RUN_ID}-win`;
/**
 * The engine's firmware names (as RHEL's edk2-ovmf ships them) → Debian's ovmf. Debian's 4 MiB
 * build is used: its 2 MiB OVMF_CODE.secboot.fd never leaves the firmware's early phase under
 * QEMU 7.2 (tried: the display stays uninitialised for a minute).
 */
const DEBIAN_FIRMWARE: [string, string][] = [
  ["/usr/share/OVMF/OVMF_CODE.secboot.fd", "/usr/share/OVMF/OVMF_CODE_4M.secboot.fd"],
  ["/usr/share/OVMF/OVMF_VARS.secboot.fd", "/usr/share/OVMF/OVMF_VARS_4M.ms.fd"],
  ["/usr/share/OVMF/OVMF_VARS.fd", "/usr/share/OVMF/OVMF_VARS_4M.fd"],
];
/** How long the firmware may take to reach its boot manager under software emulation (a bound, not a speed check). */
const FIRMWARE_DEADLINE_MS = 240_000;

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(":").some((dir) => dir !== "" && existsSync(join(dir, command)));
}

const firmwareMissing = systemMissing ??
  (DEBIAN_FIRMWARE.some(([, debian]) => !existsSync(debian))
    ? "OVMF's Secure Boot firmware not found (package ovmf): run `bash scripts/setup/libvirt-host.sh` as root"
    : !onPath("swtpm") || !onPath("swtpm_setup")
      ? "swtpm / swtpm_setup not found (packages swtpm, swtpm-tools): run `bash scripts/setup/libvirt-host.sh` as root"
      : undefined);
warnSkipped("real QEMU starts of the Windows-shaped and headless previews", firmwareMissing);

let scratch: Awaited<ReturnType<typeof scratchDir>>;
const names: string[] = [];

beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(async () => {
  for (const name of names) {
    await virsh(SYSTEM_URI, "destroy", name);
    rmSync(`/var/log/libvirt/qemu/${name}.log`, { force: true });
    rmSync(`/var/lib/libvirt/qemu/nvram/${name}.fd`, { force: true });
    rmSync(`/var/log/swtpm/libvirt/qemu/${name}-swtpm.log`, { force: true });
  }
  await scratch?.remove();
});

async function hmp(name: string, command: string): Promise<string> {
  const result = await virsh(SYSTEM_URI, "qemu-monitor-command", name, "--hmp", command);
  expect(result.stderr).toBe("");
  return result.stdout;
}

/** Polls the serial log until it holds the text; fails with what the firmware printed otherwise. */
async function waitForSerial(file: string, text: string): Promise<string> {
  const deadline = Date.now() + FIRMWARE_DEADLINE_MS;
  for (;;) {
    const output = existsSync(file) ? readFileSync(file, "latin1") : "";
    if (output.includes(text)) return output;
    if (Date.now() > deadline) throw new Error(`the firmware never printed ${JSON.stringify(text)}; it printed:\n${output.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

interface Seen {
  log: string;
  block: string;
  tpm: string;
  qtree: string;
  nvram: boolean;
  serial: string;
}

/**
 * Starts the preview as a transient domain, waits for the firmware to print `untilSerial`, and
 * gathers what QEMU reports. Only here, in the test, the host changes: the ISO becomes a scratch
 * file, the firmware files get Debian's names, and a serial port to a file shows the firmware's
 * messages.
 */
async function start(domain: DomainSettings, iso: string | undefined, untilSerial: string): Promise<Seen> {
  let xml = DEBIAN_FIRMWARE.reduce((text, [engine, debian]) => text.replace(engine, debian), renderDomainXml(domain));
  if (iso !== undefined) xml = xml.replace(`file="${GUEST_TOOLS_ISO}"`, `file="${iso}"`);
  const serialFile = join(scratch.dir, `${domain.name}.serial`);
  xml = xml.replace("</devices>", `<serial type="file"><source path="${serialFile}"/></serial></devices>`);
  const file = await scratch.write(`${domain.name}.xml`, xml);
  names.push(domain.name);
  const created = await virsh(SYSTEM_URI, "create", file);
  expect(created.stderr).toBe("");
  expect(created.code).toBe(0);
  try {
    expect((await virsh(SYSTEM_URI, "domstate", domain.name)).stdout.trim()).toBe("running");
    const serial = await waitForSerial(serialFile, untilSerial);
    const log = `/var/log/libvirt/qemu/${domain.name}.log`;
    return {
      log: existsSync(log) ? readFileSync(log, "utf8") : "",
      block: await hmp(domain.name, "info block"),
      tpm: await hmp(domain.name, "info tpm"),
      qtree: await hmp(domain.name, "info qtree"),
      nvram: existsSync(`/var/lib/libvirt/qemu/nvram/${domain.name}.fd`),
      serial,
    };
  } finally {
    await virsh(SYSTEM_URI, "destroy", domain.name);
  }
}

describe.skipIf(firmwareMissing !== undefined)("Windows-shaped previews started under QEMU", () => {
  it("Windows 11: Secure Boot OVMF with SMM (enforced: it refuses an unsigned image), a CRB TPM 2.0 from swtpm, HDA sound and the ISO on SATA", async () => {
    const domain = windows11Desktop(`${PREFIX}1`, { display: { type: "spice", smartcardEnabled: false } });
    expect(settingsProblems(domain)).toEqual([]);
    const iso = join(scratch.dir, "virtio-win.iso");
    const made = await run("qemu-img", ["create", "-q", "-f", "raw", iso, "4M"]);
    expect(made.code).toBe(0);
    const seen = await start(domain, iso, "Security Violation");
    // The firmware sees the ISO as a SATA DVD-ROM (first in the boot order: the disk has none to
    // boot), finds nothing bootable on the blank image, then refuses its own unsigned shell.
    expect(seen.serial).toMatch(/Boot0001 "UEFI QEMU DVD-ROM[^"]*" from PciRoot\(0x0\)\/Pci\(0x1F,0x2\)\/Sata/);
    expect(seen.serial).toMatch(/failed to start Boot\d+ "EFI Internal Shell"[\s\S]{0,400}Security Violation/);
    // The read-only secure code, the VM's own copy of the variables, and SMM on the q35 machine.
    expect(seen.log).toContain("/usr/share/OVMF/OVMF_CODE_4M.secboot.fd");
    expect(seen.log).toMatch(/-global driver=cfi\.pflash01,property=secure,value=on/);
    expect(seen.log).toMatch(/-machine pc-q35[^ ]*,[^ ]*smm=on/);
    expect(seen.nvram).toBe(true);
    // libvirt started swtpm and QEMU talks to it as a TPM 2.0 CRB device.
    expect(seen.tpm).toMatch(/tpm-crb/);
    expect(seen.tpm).toMatch(/emulator/);
    expect(seen.log).toMatch(/-chardev socket,id=chrtpm,path=[^ ]*swtpm[^ ]*sock/);
    // ich6 is Intel HDA with a codec on its bus.
    expect(seen.qtree).toMatch(/dev: intel-hda/);
    expect(seen.qtree).toMatch(/dev: hda-duplex/);
    expect(seen.block).toContain(`${iso} (raw, read-only)`);
    expect(seen.block).toMatch(/Removable device/);
    // The guest's clock starts an hour ahead of UTC, as the engine's adjustment for W. Europe says.
    const base = /-rtc base=(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)/.exec(seen.log)?.[1];
    expect(base).toBeDefined();
    const aheadSeconds = (Date.parse(`${base}Z`) - Date.now()) / 1000;
    expect(Math.abs(aheadSeconds - 3600)).toBeLessThan(600);
  }, FIRMWARE_DEADLINE_MS + 60_000);

  it("headless: a UEFI server with no graphics and no video card, and no balloon", async () => {
    const domain = headlessServer(`${PREFIX}2`);
    expect(settingsProblems(domain)).toEqual([]);
    // Without Secure Boot keys the same firmware starts its unsigned shell.
    const seen = await start(domain, undefined, "UEFI Interactive Shell");
    expect(seen.serial).not.toContain("Security Violation");
    expect(seen.log).not.toMatch(/-spice|-vnc /);
    expect(seen.log).toMatch(/-display none/);
    expect(seen.qtree).not.toMatch(/dev: (qxl|VGA|bochs-display|cirrus)/);
    expect(seen.qtree).not.toMatch(/virtio-balloon/);
    expect(seen.log).toContain("/usr/share/OVMF/OVMF_CODE_4M.secboot.fd");
    expect(seen.log).toContain("/var/lib/libvirt/qemu/nvram/");
    expect(seen.log).not.toMatch(/property=secure,value=on/);
  }, FIRMWARE_DEADLINE_MS + 60_000);
});
