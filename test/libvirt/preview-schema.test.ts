// Every preview of the settings matrix, checked by libvirt itself: the domain RNG schema
// (virt-xml-validate) and libvirt's real XML parser in its test driver (no daemon, no QEMU).
import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { diskBus, driverType, renderDomainXml, smartcardProblems, targetDevices } from "../../domainxml/index.ts";
import { previewMatrix } from "./matrix.ts";
import { RUN_ID, scratchForFile, validateDomain, testDriverMissing, validateMissing, testDriverDumps, warnSkipped } from "./host.ts";

const cases = previewMatrix(`pov-${RUN_ID}`);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["controller", "smartcard", "disk", "interface"].includes(name) });

const scratch = scratchForFile();

warnSkipped("schema validation of the domain-XML previews", validateMissing);
warnSkipped("libvirt test-driver checks of the domain-XML previews", testDriverMissing);

describe.skipIf(validateMissing !== undefined).concurrent("virt-xml-validate accepts every preview", () => {
  it("covers the whole matrix", () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => (c.settings.disks ?? []).length >= 2 && (c.settings.nics ?? []).length >= 2).length).toBeGreaterThanOrEqual(4);
    // The matrix includes combinations the provider refuses: the schema alone cannot tell.
    expect(cases.some((c) => smartcardProblems(c.settings).length > 0)).toBe(true);
  });

  it.each(cases)("$label", async ({ settings }) => {
    const file = await scratch.write(`${settings.name}.xml`, renderDomainXml(settings));
    const result = await validateDomain(file);
    expect(result.stderr + result.stdout).toContain("validates");
    expect(result.code).toBe(0);
  });
});

describe.skipIf(testDriverMissing !== undefined)("libvirt's test driver defines every preview and keeps the smartcard", () => {
  let dumps = new Map<string, string>();
  let stderr = "";
  beforeAll(async () => {
    ({ dumps, stderr } = await testDriverDumps(cases.map(({ settings }) => ({ name: settings.name, xml: renderDomainXml(settings) })), scratch));
  });

  it("reports no error for any preview", () => {
    expect(stderr).toBe("");
  });

  it.each(cases)("$label", ({ settings }) => {
    const dump = dumps.get(settings.name);
    if (dump === undefined) throw new Error(`libvirt did not define ${settings.name}: ${stderr}`);
    const dumped = parser.parse(dump).domain;
    const devices = dumped.devices;
    const controllers: { "@type": string; "@model"?: string }[] = devices.controller ?? [];
    const smartcardOn = settings.display?.smartcardEnabled === true;
    if (smartcardOn) {
      expect(devices.smartcard).toHaveLength(1);
      expect(devices.smartcard[0]).toMatchObject({ "@mode": "passthrough", "@type": "spicevmc" });
      expect(devices.smartcard[0].address).toMatchObject({ "@type": "ccid", "@controller": "0", "@slot": "0" });
      expect(controllers.filter((c) => c["@type"] === "ccid")).toHaveLength(1);
    } else {
      expect(devices.smartcard).toBeUndefined();
      expect(controllers.filter((c) => c["@type"] === "ccid")).toHaveLength(0);
    }
    const usb = controllers.filter((c) => c["@type"] === "usb");
    expect(usb.map((c) => c["@model"])).toEqual([settings.vmType === "high_performance" && !settings.usbEnabled ? "none" : "qemu-xhci"]);
    // libvirt keeps every disk and NIC as written: bus, target, driver type, boot order, bridge, model.
    const disks: { target: { "@dev": string; "@bus": string }; driver: { "@type": string }; boot?: { "@order": string } }[] = devices.disk ?? [];
    expect(disks.map((d) => [d.target["@bus"], d.target["@dev"], d.driver["@type"], d.boot?.["@order"]])).toEqual(
      (settings.disks ?? []).map((d, i) => [diskBus(d.interface), targetDevices(settings.disks ?? [])[i], driverType(d.format), d.bootable ? "1" : undefined]),
    );
    expect(controllers.filter((c) => c["@type"] === "scsi").map((c) => c["@model"])).toEqual(settings.disks?.some((d) => d.interface === "virtio_scsi") ? ["virtio-scsi"] : []);
    const nics: { source: { "@bridge": string }; model: { "@type": string } }[] = devices.interface ?? [];
    expect(nics.map((n) => [n.source["@bridge"], n.model["@type"]])).toEqual((settings.nics ?? []).map((n) => [n.network, n.interface]));
    if (settings.display?.type === "spice") {
      expect(devices.graphics["@type"]).toBe("spice");
      expect(devices.video.model["@heads"]).toBe(String(settings.display.monitors ?? 1));
    }
  });
});
