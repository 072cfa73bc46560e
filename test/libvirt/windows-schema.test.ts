// The Windows-shaped and headless previews checked by libvirt itself: the domain RNG schema and the
// test driver's real parser, which must keep the firmware, TPM, sound card, CD-ROM and boot order.
import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { deviceSettingsProblems, deviceInputOf, renderDomainXml } from "../../domainxml/index.ts";
import { RUN_ID, scratchForFile, testDriverMissing, validateDomain, validateMissing, testDriverDumps, warnSkipped } from "./host.ts";
import { windowsMatrix } from "./windows.ts";

const cases = windowsMatrix(`pov-${RUN_ID}`);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["disk", "interface", "timer", "boot", "video"].includes(name) });
const scratch = scratchForFile();

warnSkipped("schema validation of the Windows-shaped previews", validateMissing);
warnSkipped("libvirt test-driver checks of the Windows-shaped previews", testDriverMissing);

it("the Windows matrix breaks none of the engine's rules", () => {
  expect(cases.length).toBeGreaterThanOrEqual(14);
  for (const { label, settings } of cases) expect([label, deviceSettingsProblems(deviceInputOf(settings))]).toEqual([label, []]);
});

describe.skipIf(validateMissing !== undefined).concurrent("virt-xml-validate accepts every Windows-shaped preview", () => {
  it.each(cases)("$label", async ({ settings }) => {
    const file = await scratch.write(`${settings.name}.xml`, renderDomainXml(settings));
    const result = await validateDomain(file);
    expect(result.stderr + result.stdout).toContain("validates");
    expect(result.code).toBe(0);
  });
});

describe.skipIf(testDriverMissing !== undefined)("libvirt's test driver defines every Windows-shaped preview and keeps its devices", () => {
  let dumps = new Map<string, string>();
  let stderr = "";
  beforeAll(async () => {
    ({ dumps, stderr } = await testDriverDumps(cases.map(({ settings }) => ({ name: settings.name, xml: renderDomainXml(settings) })), scratch));
  });

  it("reports no error", () => {
    expect(stderr).toBe("");
  });

  it.each(cases)("$label", ({ settings }) => {
    const dump = dumps.get(settings.name);
    if (dump === undefined) throw new Error(`libvirt did not define ${settings.name}: ${stderr}`);
    const domain = parser.parse(dump).domain;
    const uefi = settings.biosType === "q35_ovmf" || settings.biosType === "q35_secure_boot";
    expect(domain.os.type["@machine"]).toBe(settings.biosType === "i440fx_sea_bios" ? "pc" : "q35");
    expect(domain.os.loader?.["@secure"]).toBe(uefi ? (settings.biosType === "q35_secure_boot" ? "yes" : "no") : undefined);
    expect(domain.features.smm?.["@state"]).toBe(settings.biosType === "q35_secure_boot" ? "on" : undefined);
    expect(domain.devices.tpm?.["@model"]).toBe(settings.tpmEnabled ? "tpm-crb" : undefined);
    expect(domain.devices.tpm?.backend?.["@version"]).toBe(settings.tpmEnabled ? "2.0" : undefined);
    expect(domain.devices.sound?.["@model"]).toBe(settings.soundcardEnabled ? "ich6" : undefined);
    expect(domain.clock["@offset"]).toBe("variable");
    const cdrom = (domain.devices.disk ?? []).find((d: { "@device": string }) => d["@device"] === "cdrom");
    expect(cdrom?.source?.["@file"]).toBe(settings.cdrom);
    if (settings.headless) {
      expect(domain.devices.graphics).toBeUndefined();
      expect(domain.devices.video.map((v: { model: { "@type": string } }) => v.model["@type"])).toEqual(["none"]);
    } else {
      expect(domain.devices.video[0].model["@type"]).toBe(settings.videoType);
      if (settings.display?.type === "vnc") expect(domain.devices.graphics["@keymap"]).toBe(settings.keyboardLayout);
    }
  });
});
