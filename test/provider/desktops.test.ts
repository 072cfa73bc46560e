// Issue #24 through the real plugin over gRPC against the engine emulator: a Windows 11 desktop
// (Secure Boot, TPM, time zone, sound, keyboard layout, an ISO) is created, read back and imported
// with no diff; the ISO is swapped in the running VM; a boot-order change waits for the next run
// (VmBase.defaultBootSequence is @EditableVmField(onStatuses = Down)); delete protection refuses a
// destroy naming deleteProtected; each device rule fails the check naming its property.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineRequest, startEmulator, type Emulator } from "./engine-access.ts";
import { rejection, secret, startPlugin, UNKNOWN, type Props } from "./harness.ts";

const VM = "ovirt:index:Vm";
const TEMPLATE = "ovirt:index:Template";
const POOL = "ovirt:index:Pool";
const PASSWORD = "Desktops-Secret-Pa55";
const CDROM = "00000000-0000-0000-0000-000000000000";

const engineCall = (emulator: Emulator, method: string, path: string, body?: string) =>
  engineRequest(emulator, { name: "admin@internal", password: PASSWORD }, method, path, body);

/** An ISO image: a disk with content_type iso on the data domain (the emulator lists it as a file). */
async function isoDisk(emulator: Emulator, name: string): Promise<string> {
  const sds = await engineCall(emulator, "GET", "/storagedomains?search=name%3Ddata");
  const sd = /<storage_domain [^>]*id="([^"]+)"/.exec(sds.body)?.[1];
  const made = await engineCall(emulator, "POST", "/disks",
    `<disk><alias>${name}</alias><content_type>iso</content_type><format>raw</format><sparse>false</sparse>` +
    `<provisioned_size>4194304</provisioned_size><storage_domains><storage_domain id="${sd}"/></storage_domains></disk>`);
  expect(made.status).toBe(201);
  return /<disk [^>]*id="([^"]+)"/.exec(made.body)![1]!;
}

const fileIn = (xml: string) => /<file [^>]*id="([^"]+)"/.exec(xml)?.[1] ?? "";

describe("Windows 11 desktops over gRPC against the emulator (#24)", () => {
  let emulator: Emulator;
  let plugin: Awaited<ReturnType<typeof startPlugin>>;
  let dataDir: string;
  const suffix = Date.now().toString(36);
  const name = (base: string) => `${base}-${suffix}`;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ovirt-desktops-"));
    emulator = await startEmulator({ port: 0, dataDir, adminPassword: PASSWORD, asyncDelayMs: 0 });
    plugin = await startPlugin({ args: ["127.0.0.1:0"], env: { OVIRT_URL: undefined, OVIRT_PASSWORD: undefined } });
    await plugin.client.configure({ url: emulator.apiUrl, username: "admin@internal", password: secret(PASSWORD), caFile: emulator.caFile });
  });
  afterAll(async () => {
    await plugin?.stop();
    await emulator?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function checked(news: Props, olds: Props = {}) {
    const { inputs, failures } = await plugin.client.check(VM, news, olds);
    expect(failures).toEqual([]);
    return inputs;
  }

  const win11 = (extra: Props = {}): Props => ({
    name: name("win11"), cluster: "Default", template: "Blank", memoryMb: 4096, cpuCores: 2, running: true,
    osType: "windows_11", biosType: "q35_secure_boot", tpmEnabled: true, timeZone: "W. Europe Standard Time",
    soundcardEnabled: true, keyboardLayout: "de", cdrom: `win11-${suffix}.iso`, bootDevices: ["cdrom", "hd"], deleteProtected: true,
    ...extra,
  });

  it("creates, reads back, imports with no diff, swaps the ISO in place, plans boot order for the next run, and refuses a protected destroy", async () => {
    const firstIso = await isoDisk(emulator, `win11-${suffix}.iso`);
    const toolsIso = await isoDisk(emulator, `virtio-win-${suffix}.iso`);
    const inputs = await checked(win11());

    const preview = await plugin.client.create(VM, inputs, { preview: true });
    const previewXml = String(preview.outputs.domainXml);
    expect(previewXml).toContain('secure="yes"');
    expect(previewXml).toContain('<tpm model="tpm-crb">');
    expect(previewXml).toContain('<sound model="ich6"');
    expect(previewXml).toContain('device="cdrom"');

    const { id, outputs } = await plugin.client.create(VM, inputs);
    expect(outputs).toMatchObject({ osType: "windows_11", biosType: "q35_secure_boot", tpmEnabled: true, keyboardLayout: "de", cdrom: `win11-${suffix}.iso`, status: "up" });
    const vm = (await engineCall(emulator, "GET", `/vms/${id}?all_content=true`)).body;
    expect(vm).toContain("<type>q35_secure_boot</type>");
    expect(vm).toContain("<tpm_enabled>true</tpm_enabled>");
    expect(vm).toContain("<name>W. Europe Standard Time</name>");
    expect(fileIn((await engineCall(emulator, "GET", `/vms/${id}/cdroms/${CDROM}?current=true`)).body)).toBe(firstIso);

    // Refresh: the same inputs, no drift; the plan of the same program is empty.
    const refreshed = await plugin.client.read(VM, id, { properties: outputs, inputs });
    expect(refreshed.inputs).toEqual(inputs);
    const refreshPlan = await plugin.client.diff(VM, id, refreshed.outputs, inputs, { oldInputs: refreshed.inputs });
    expect(refreshPlan.detailedDiff).toEqual({});
    expect(refreshPlan.changes).toBe("none");

    // Import: every non-default setting comes back, and the program then plans nothing.
    const imported = await plugin.client.read(VM, id);
    const program = await checked(win11(), imported.inputs);
    const importPlan = await plugin.client.diff(VM, id, imported.outputs, program, { oldInputs: imported.inputs });
    expect(importPlan.detailedDiff).toEqual({});
    expect(importPlan.changes).toBe("none");

    // A new ISO in the running VM: in place (no replacement), swapped in now.
    const swapped = await checked(win11({ cdrom: `virtio-win-${suffix}.iso` }), outputs);
    const swapPlan = await plugin.client.diff(VM, id, outputs, swapped, { oldInputs: inputs });
    expect(swapPlan.replaces).toEqual([]);
    expect(swapPlan.detailedDiff).toHaveProperty("cdrom");
    const afterSwap = await plugin.client.update(VM, id, outputs, swapped, { oldInputs: inputs });
    expect(afterSwap.cdrom).toBe(`virtio-win-${suffix}.iso`);
    expect(fileIn((await engineCall(emulator, "GET", `/vms/${id}/cdroms/${CDROM}?current=true`)).body)).toBe(toolsIso);

    // Boot order: the engine keeps it for the next run of a running VM, and the plan says so.
    const reordered = await checked(win11({ cdrom: `virtio-win-${suffix}.iso`, bootDevices: ["hd", "cdrom"] }), afterSwap);
    const bootPlan = await plugin.client.diff(VM, id, afterSwap, reordered, { oldInputs: swapped });
    expect(bootPlan.replaces).toEqual([]);
    expect(bootPlan.detailedDiff).toHaveProperty("bootDevices");
    const afterBoot = await plugin.client.update(VM, id, afterSwap, reordered, { oldInputs: swapped });
    expect(afterBoot.pendingRestart).toBe(true);
    expect(afterBoot.bootDevices).toEqual(["hd", "cdrom"]);

    // Delete protection: refused, naming deleteProtected, and the VM was not even stopped.
    const refused = await rejection(plugin.client.delete(VM, id, afterBoot, { oldInputs: reordered }));
    expect(refused.message).toContain("deleteProtected");
    expect((await engineCall(emulator, "GET", `/vms/${id}`)).body).toContain("<status>up</status>");

    // Turned off (in place, also while running), the destroy goes through.
    const unprotected = await checked(win11({ cdrom: `virtio-win-${suffix}.iso`, bootDevices: ["hd", "cdrom"], deleteProtected: false }), afterBoot);
    const final = await plugin.client.update(VM, id, afterBoot, unprotected, { oldInputs: reordered });
    await plugin.client.delete(VM, id, final, { oldInputs: unprotected });
    expect((await engineCall(emulator, "GET", `/vms/${id}`)).status).toBe(404);
  });

  it("fails the check naming the property, for each of the engine's device rules", async () => {
    const base = { name: name("rules"), cluster: "Default", template: "Blank" };
    const cases: [Props, string, RegExp][] = [
      // VmDeviceUtils.isTpmDeviceSupported: a TPM on x86 needs OVMF.
      [{ biosType: "q35_sea_bios", tpmEnabled: true }, "tpmEnabled", /q35_secure_boot/],
      // osinfo: windows_11 requires a TPM (TPM_DEVICE_REQUIRED_BY_OS).
      [{ osType: "windows_11", biosType: "q35_secure_boot" }, "tpmEnabled", /tpmEnabled/],
      // osinfo display protocols: SPICE pairs with qxl only.
      [{ displayType: "spice", videoType: "vga" }, "videoType", /qxl/],
      // Headless: no display type, no smartcard.
      [{ headless: true, displayType: "vnc" }, "headless", /displayType/],
      [{ headless: true, smartcardEnabled: true }, "smartcardEnabled", /headless/],
      // TimeZoneValidator: Windows guests take Windows zone names.
      [{ osType: "windows_10", timeZone: "Europe/Berlin" }, "timeZone", /W\. Europe Standard Time/],
      [{ keyboardLayout: "klingon" }, "keyboardLayout", /VncKeyboardLayoutValidValues/],
      [{ memoryMb: 2048, memoryGuaranteedMb: 4096 }, "memoryGuaranteedMb", /memoryMb/],
    ];
    for (const [extra, property, fix] of cases) {
      const { failures } = await plugin.client.check(VM, { ...base, ...extra });
      const failure = failures.find((f) => f.property === property);
      expect(failure, `${JSON.stringify(extra)} fails on ${property}`).toBeDefined();
      expect(failure!.reason).toMatch(fix);
    }
  });

  // osinfo-defaults.properties lists for windows_11 only devices.tpm = required, and VmValidator.isBiosTypeSupported
  // refuses Secure Boot only for an OS without it: the engine (and the emulator) takes Windows 11 on plain UEFI.
  it("Windows 11 with a TPM on q35_ovmf, or on the cluster's firmware, passes the check and is created", async () => {
    const base = { name: name("w11-ovmf"), cluster: "Default", template: "Blank", running: false, osType: "windows_11", tpmEnabled: true, memoryMb: 4096, cpuCores: 2 };
    expect((await plugin.client.check(VM, { ...base, biosType: "cluster_default" })).failures).toEqual([]);
    const vm = await plugin.client.create(VM, await checked({ ...base, biosType: "q35_ovmf" }));
    expect(vm.outputs).toMatchObject({ osType: "windows_11", biosType: "q35_ovmf", tpmEnabled: true });
  });

  it("never fails a check on a value unknown at preview", async () => {
    const base = { name: name("unknowns"), cluster: "Default", template: "Blank" };
    for (const extra of [
      { osType: "windows_11", biosType: UNKNOWN, tpmEnabled: true },
      { osType: UNKNOWN, biosType: "q35_sea_bios" },
      { osType: "windows_11", tpmEnabled: UNKNOWN, biosType: "q35_secure_boot" },
      { timeZone: UNKNOWN, osType: "windows_10" },
      { headless: UNKNOWN, smartcardEnabled: true },
    ]) {
      const { failures } = await plugin.client.check(VM, { ...base, ...extra });
      expect(failures, JSON.stringify(extra)).toEqual([]);
    }
  });

  it("gives a template and a pool the settings, and keeps a pool's SPICE proxy changeable in place", async () => {
    const source = await plugin.client.create(VM, await checked({ name: name("gold"), cluster: "Default", template: "Blank", running: false }));
    const tplInputs = (await plugin.client.check(TEMPLATE, {
      name: name("win11-tpl"), sourceVm: source.id, osType: "windows_11", biosType: "q35_secure_boot", tpmEnabled: true, soundcardEnabled: true,
    })).inputs;
    const template = await plugin.client.create(TEMPLATE, tplInputs);
    expect(template.outputs).toMatchObject({ osType: "windows_11", biosType: "q35_secure_boot", tpmEnabled: true, soundcardEnabled: true });
    const tplRead = await plugin.client.read(TEMPLATE, template.id, { properties: template.outputs, inputs: tplInputs });
    expect(tplRead.inputs).toEqual(tplInputs);

    const poolNews = {
      name: name("win11-pool"), cluster: "Default", template: template.id, size: 1, osType: "windows_11", biosType: "q35_secure_boot",
      tpmEnabled: true, soundcardEnabled: true, timeZone: "W. Europe Standard Time", spiceProxy: "http://proxy.example.com:3128",
    };
    const poolChecked = await plugin.client.check(POOL, poolNews);
    expect(poolChecked.failures).toEqual([]);
    const pool = await plugin.client.create(POOL, poolChecked.inputs);
    expect(pool.outputs.domainXml).toContain('<tpm model="tpm-crb">');
    const poolRead = await plugin.client.read(POOL, pool.id, { properties: pool.outputs, inputs: poolChecked.inputs });
    expect(poolRead.inputs).toEqual(poolChecked.inputs);

    const proxied = (await plugin.client.check(POOL, { ...poolNews, spiceProxy: "http://other.example.com:3128" }, pool.outputs)).inputs;
    const proxyPlan = await plugin.client.diff(POOL, pool.id, pool.outputs, proxied, { oldInputs: poolChecked.inputs });
    expect(proxyPlan.replaces).toEqual([]);
    const updated = await plugin.client.update(POOL, pool.id, pool.outputs, proxied, { oldInputs: poolChecked.inputs });
    expect(updated.spiceProxy).toBe("http://other.example.com:3128");

    // A pool VM setting is fixed at creation: a replacement, and the plan says how to roll it out instead.
    const resound = (await plugin.client.check(POOL, { ...poolNews, soundcardEnabled: false }, updated)).inputs;
    const resoundPlan = await plugin.client.diff(POOL, pool.id, updated, resound, { oldInputs: proxied });
    expect(resoundPlan.replaces).toContain("soundcardEnabled");
  });
});
