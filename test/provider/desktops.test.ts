// Issue #24 through the real plugin over gRPC against the engine emulator: a Windows 11 desktop
// (Secure Boot, TPM, time zone, sound, keyboard layout, an ISO) is created, read back and imported
// with no diff; the ISO is swapped in the running VM; a boot-order change waits for the next run
// (VmBase.defaultBootSequence is @EditableVmField(onStatuses = Down)); delete protection refuses a
// destroy naming deleteProtected; each device rule fails the check naming its property.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineRequest, type Emulator } from "./engine-access.ts";
import type { startPlugin} from "./harness.ts";
import { rejection, UNKNOWN, type Props } from "./harness.ts";
import { startPluginOnEmulator, type PluginOnEmulator } from "./on-emulator.ts";

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
  let stack: PluginOnEmulator | undefined;
  const suffix = Date.now().toString(36);
  const name = (base: string) => `${base}-${suffix}`;

  beforeAll(async () => {
    stack = await startPluginOnEmulator("desktops", PASSWORD);
    ({ emulator, plugin } = stack);
  });
  afterAll(async () => {
    await stack?.close();
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
  // A template is headless without graphics devices (DELETE /templates/{id}/graphicsconsoles/{id}),
  // which it can lose or regain at any time: in place. A pool's VMs get their settings when the engine
  // creates them (CommonVmPoolCommand.buildAddVmParameters; UpdateVmPoolCommand leaves them alone),
  // so headless and highAvailability replace the pool; deleteProtected is an @EditableVmField the
  // engine saves on any VM at once, which the provider does on each desktop: in place.
  it("a headless template changes in place; a pool's headless, deleteProtected and HA read back with no diff, and a protected pool's destroy is refused", async () => {
    const source = await plugin.client.create(VM, await checked({ name: name("dark-src"), cluster: "Default", template: "Blank", running: false }));
    const tplNews = { name: name("dark-tpl"), sourceVm: source.id, headless: true };
    const tplChecked = await plugin.client.check(TEMPLATE, tplNews);
    expect(tplChecked.failures).toEqual([]);
    const template = await plugin.client.create(TEMPLATE, tplChecked.inputs);
    expect(template.outputs).toMatchObject({ headless: true, consoleDescription: "Headless" });
    const consoles = (id: string, kind: "templates" | "vms") => engineCall(emulator, "GET", `/${kind}/${id}/graphicsconsoles`).then((a) => a.body);
    expect(await consoles(template.id, "templates")).not.toContain("<graphics_console ");
    const tplRead = await plugin.client.read(TEMPLATE, template.id, { properties: template.outputs, inputs: tplChecked.inputs });
    expect(tplRead.inputs).toEqual(tplChecked.inputs);
    const tplImported = await plugin.client.read(TEMPLATE, template.id);
    expect(tplImported.inputs.headless).toBe(true);
    const tplImportPlan = await plugin.client.diff(TEMPLATE, template.id, tplImported.outputs, tplChecked.inputs, { oldInputs: tplImported.inputs });
    expect(tplImportPlan.changes).toBe("none");

    // Headless off and on again: in place, each time with the engine's consoles to match.
    const lit = (await plugin.client.check(TEMPLATE, { ...tplNews, headless: false }, template.outputs)).inputs;
    const litPlan = await plugin.client.diff(TEMPLATE, template.id, template.outputs, lit, { oldInputs: tplChecked.inputs });
    expect(litPlan.replaces).toEqual([]);
    expect(litPlan.detailedDiff).toHaveProperty("headless");
    const litOutputs = await plugin.client.update(TEMPLATE, template.id, template.outputs, lit, { oldInputs: tplChecked.inputs });
    expect(litOutputs).toMatchObject({ headless: false, consoleDescription: "Spice" });
    expect(await consoles(template.id, "templates")).toContain("<protocol>spice</protocol>");
    const dark = await plugin.client.update(TEMPLATE, template.id, litOutputs, tplChecked.inputs, { oldInputs: lit });
    expect(dark.headless).toBe(true);

    const poolNews = {
      name: name("dark-pool"), cluster: "Default", template: name("dark-tpl"), size: 2, stateful: true,
      headless: true, deleteProtected: true, highAvailability: { enabled: true, priority: 50 },
    };
    const poolChecked = await plugin.client.check(POOL, poolNews);
    expect(poolChecked.failures).toEqual([]);
    const preview = await plugin.client.create(POOL, { ...poolChecked.inputs, memoryMb: 2048, cpuCores: 2, vmType: "desktop", usbEnabled: false }, { preview: true });
    expect(String(preview.outputs.domainXml)).not.toContain("<graphics");
    const pool = await plugin.client.create(POOL, poolChecked.inputs);
    expect(pool.outputs).toMatchObject({ headless: true, deleteProtected: true, highAvailability: { enabled: true, priority: 50 }, consoleDescription: "Headless" });
    expect(String(pool.outputs.domainXml)).not.toContain("<graphics");
    const vmNames = pool.outputs.vmNames as string[];
    expect(vmNames).toHaveLength(2);
    const poolVmIds: string[] = [];
    for (const vmName of vmNames) {
      const found = (await engineCall(emulator, "GET", `/vms?search=${encodeURIComponent(`name=${vmName}`)}`)).body;
      const id = /<vm [^>]*id="([^"]+)"/.exec(found)![1]!;
      poolVmIds.push(id);
      expect(found).toContain("<delete_protected>true</delete_protected>");
      expect(await consoles(id, "vms")).not.toContain("<graphics_console ");
    }
    const poolRead = await plugin.client.read(POOL, pool.id, { properties: pool.outputs, inputs: poolChecked.inputs });
    expect(poolRead.inputs).toEqual(poolChecked.inputs);
    const refreshPlan = await plugin.client.diff(POOL, pool.id, poolRead.outputs, poolChecked.inputs, { oldInputs: poolRead.inputs });
    expect(refreshPlan.changes).toBe("none");
    const poolImported = await plugin.client.read(POOL, pool.id);
    expect(poolImported.inputs).toMatchObject({ headless: true, deleteProtected: true, highAvailability: { enabled: true, priority: 50 } });
    const importProgram = (await plugin.client.check(POOL, poolNews, poolImported.inputs)).inputs;
    const importPlan = await plugin.client.diff(POOL, pool.id, poolImported.outputs, importProgram, { oldInputs: poolImported.inputs });
    expect(importPlan.detailedDiff).toEqual({});

    // Fixed at creation: a replacement, each with the template-version route in the warning.
    for (const change of [{ headless: false }, { highAvailability: { enabled: false } }]) {
      const news = (await plugin.client.check(POOL, { ...poolNews, ...change }, pool.outputs)).inputs;
      const plan = await plugin.client.diff(POOL, pool.id, pool.outputs, news, { oldInputs: poolChecked.inputs });
      expect(plan.replaces, JSON.stringify(change)).toEqual(Object.keys(change));
    }

    // A protected pool: refused naming deleteProtected, before the engine removed or detached anything.
    const refused = await rejection(plugin.client.delete(POOL, pool.id, pool.outputs, { oldInputs: poolChecked.inputs }));
    expect(refused.message).toContain("deleteProtected");
    expect((await engineCall(emulator, "GET", `/vmpools/${pool.id}`)).status).toBe(200);
    for (const id of poolVmIds) expect((await engineCall(emulator, "GET", `/vms/${id}`)).body).toContain("<vm_pool ");

    // Turned off: in place on every desktop, then the destroy goes through.
    const unprotected = (await plugin.client.check(POOL, { ...poolNews, deleteProtected: false }, pool.outputs)).inputs;
    const offPlan = await plugin.client.diff(POOL, pool.id, pool.outputs, unprotected, { oldInputs: poolChecked.inputs });
    expect(offPlan.replaces).toEqual([]);
    const off = await plugin.client.update(POOL, pool.id, pool.outputs, unprotected, { oldInputs: poolChecked.inputs });
    expect(off.deleteProtected).toBe(false);
    for (const id of poolVmIds) expect((await engineCall(emulator, "GET", `/vms/${id}`)).body).toContain("<delete_protected>false</delete_protected>");
    await plugin.client.delete(POOL, pool.id, off, { oldInputs: unprotected });
    expect((await engineCall(emulator, "GET", `/vmpools/${pool.id}`)).status).toBe(404);
  });

  it("a headless template or pool with a display type or a smartcard fails the check naming the property", async () => {
    const cases: [string, Props, string][] = [
      [TEMPLATE, { name: name("t-rule"), sourceVm: "vm-1", headless: true, displayType: "vnc" }, "headless"],
      [TEMPLATE, { name: name("t-rule"), sourceVm: "vm-1", headless: true, smartcardEnabled: true }, "smartcardEnabled"],
      [POOL, { name: name("p-rule"), cluster: "Default", template: "tpl", headless: true, displayType: "vnc" }, "headless"],
      [POOL, { name: name("p-rule"), cluster: "Default", template: "tpl", headless: true, smartcardEnabled: true }, "smartcardEnabled"],
      [POOL, { name: name("p-rule"), cluster: "Default", template: "tpl", headless: true, videoType: "qxl" }, "videoType"],
    ];
    for (const [token, news, property] of cases) {
      const { failures } = await plugin.client.check(token, news);
      const failure = failures.find((f) => f.property === property);
      expect(failure, `${token} ${JSON.stringify(news)} fails on ${property}`).toBeDefined();
      expect(failure!.reason).toMatch(/headless/);
    }
    // The defaults are no choice: the Terraform front end checks its planned values again at apply,
    // defaults filled in (display_type "spice", smartcard_enabled false).
    for (const [token, base] of [[VM, { name: name("v-rule"), cluster: "Default", template: "Blank" }], [TEMPLATE, { name: name("t-rule"), sourceVm: "vm-1" }], [POOL, { name: name("p-rule"), cluster: "Default", template: "tpl" }]] as const) {
      const { failures } = await plugin.client.check(token, { ...base, headless: true, displayType: "spice", smartcardEnabled: false });
      expect(failures, token).toEqual([]);
    }
  });
});
