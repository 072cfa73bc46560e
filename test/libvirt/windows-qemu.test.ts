// A Windows-11-shaped preview and a headless one started for real under QEMU (software emulation)
// through libvirtd: OVMF's Secure Boot build with the Microsoft keys enrolled (Debian's ovmf), an
// emulated TPM 2.0 (Debian's swtpm), the sound card and the guest-tools ISO in the CD-ROM; and a
// headless UEFI server with no display at all. Two starts, about a second each.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDomainXml, settingsProblems } from "../../domainxml/index.ts";
import type { DomainSettings } from "../../domainxml/index.ts";
import { RUN_ID, SYSTEM_URI, run, scratchDir, systemMissing, virsh, warnSkipped } from "./host.ts";
import { GUEST_TOOLS_ISO, headlessServer, windows11Desktop } from "./windows.ts";

const PREFIX = `pov-${RUN_ID}-win`;
const DEBIAN_SECURE_VARS = "/usr/share/OVMF/OVMF_VARS.ms.fd";

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(":").some((dir) => dir !== "" && existsSync(join(dir, command)));
}

const firmwareMissing = systemMissing ??
  (!existsSync("/usr/share/OVMF/OVMF_CODE.secboot.fd") || !existsSync(DEBIAN_SECURE_VARS)
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

/**
 * Starts the preview as a transient domain and gathers what QEMU reports. Only here, in the test,
 * host paths change: the ISO becomes a scratch file, and the engine's Secure Boot variable template
 * (OVMF_VARS.secboot.fd on an oVirt host) becomes Debian's name for it (OVMF_VARS.ms.fd).
 */
async function start(domain: DomainSettings, iso: string | undefined): Promise<{ log: string; block: string; tpm: string; qtree: string; nvram: boolean }> {
  let xml = renderDomainXml(domain).replace("/usr/share/OVMF/OVMF_VARS.secboot.fd", DEBIAN_SECURE_VARS);
  if (iso !== undefined) xml = xml.replace(`file="${GUEST_TOOLS_ISO}"`, `file="${iso}"`);
  const file = await scratch.write(`${domain.name}.xml`, xml);
  names.push(domain.name);
  const created = await virsh(SYSTEM_URI, "create", file);
  expect(created.stderr).toBe("");
  expect(created.code).toBe(0);
  try {
    expect((await virsh(SYSTEM_URI, "domstate", domain.name)).stdout.trim()).toBe("running");
    const log = `/var/log/libvirt/qemu/${domain.name}.log`;
    return {
      log: existsSync(log) ? readFileSync(log, "utf8") : "",
      block: await hmp(domain.name, "info block"),
      tpm: await hmp(domain.name, "info tpm"),
      qtree: await hmp(domain.name, "info qtree"),
      nvram: existsSync(`/var/lib/libvirt/qemu/nvram/${domain.name}.fd`),
    };
  } finally {
    await virsh(SYSTEM_URI, "destroy", domain.name);
  }
}

describe.skipIf(firmwareMissing !== undefined)("Windows-shaped previews started under QEMU", () => {
  it("Windows 11: Secure Boot OVMF with SMM, a CRB TPM 2.0 from swtpm, an HDA sound card and the ISO as a SATA CD-ROM", async () => {
    const domain = windows11Desktop(`${PREFIX}1`, { display: { type: "spice", smartcardEnabled: false } });
    expect(settingsProblems(domain)).toEqual([]);
    const iso = join(scratch.dir, "virtio-win.iso");
    const made = await run("qemu-img", ["create", "-q", "-f", "raw", iso, "4M"]);
    expect(made.code).toBe(0);
    const seen = await start(domain, iso);
    // The read-only secure code, the VM's own copy of the variables, and SMM on the q35 machine.
    expect(seen.log).toContain("/usr/share/OVMF/OVMF_CODE.secboot.fd");
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
  });

  it("headless: a UEFI server with no graphics and no video card, and no balloon", async () => {
    const domain = headlessServer(`${PREFIX}2`);
    expect(settingsProblems(domain)).toEqual([]);
    const seen = await start(domain, undefined);
    expect(seen.log).not.toMatch(/-spice|-vnc /);
    expect(seen.log).toMatch(/-display none/);
    expect(seen.qtree).not.toMatch(/dev: (qxl|VGA|bochs-display|cirrus)/);
    expect(seen.qtree).not.toMatch(/virtio-balloon/);
    expect(seen.log).toContain("/usr/share/OVMF/OVMF_CODE.secboot.fd");
    expect(seen.log).not.toMatch(/property=secure,value=on/);
  });
});
