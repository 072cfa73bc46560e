// The check-time rules, each from the engine's own validation (named per test): a problem names the
// provider property and says what to set instead.
import { describe, expect, it } from "vitest";
import { deviceSettingsAdvice, deviceSettingsProblems, settingsProblems } from "../../domainxml/index.ts";
import type { DeviceSettingsInput } from "../../domainxml/index.ts";
import { desktopSettings } from "./settings.ts";

const WIN11: DeviceSettingsInput = { osType: "windows_11", biosType: "q35_secure_boot", tpmEnabled: true, timeZone: "W. Europe Standard Time" };

function properties(input: DeviceSettingsInput): string[] {
  return deviceSettingsProblems(input).map((p) => p.property);
}

describe("firmware and TPM (VmDeviceUtils.isTpmDeviceSupported, osRepository.requiresTpm in AddVmCommand/UpdateVmCommand)", () => {
  it("a Windows 11 desktop with Secure Boot and a TPM passes", () => {
    expect(deviceSettingsProblems(WIN11)).toEqual([]);
  });

  it.each(["i440fx_sea_bios", "q35_sea_bios"])("a TPM with %s fails on tpmEnabled, pointing to a UEFI type", (biosType) => {
    const [problem] = deviceSettingsProblems({ biosType, tpmEnabled: true });
    expect(problem?.property).toBe("tpmEnabled");
    expect(problem?.reason).toContain('Set biosType to "q35_secure_boot" or "q35_ovmf"');
  });

  it("a TPM with either UEFI type, or with the cluster's default, passes", () => {
    expect(properties({ biosType: "q35_ovmf", tpmEnabled: true })).toEqual([]);
    expect(properties({ biosType: "cluster_default", tpmEnabled: true })).toEqual([]);
    expect(properties({ tpmEnabled: true })).toEqual([]);
  });

  it("Windows 11 without a TPM fails on tpmEnabled (TPM_DEVICE_REQUIRED_BY_OS)", () => {
    expect(properties({ ...WIN11, tpmEnabled: false })).toEqual(["tpmEnabled"]);
    expect(properties({ ...WIN11, tpmEnabled: undefined })).toEqual(["tpmEnabled"]);
  });

  // osinfo-defaults.properties lists for windows_11 only devices.tpm = required; VmValidator.isBiosTypeSupported
  // refuses Secure Boot only for an OS without it (SECURE_BOOT_NOT_SUPPORTED_BY_GUEST_OS), never its absence.
  it("Windows 11 with a TPM passes on q35_ovmf and with the cluster's firmware: the engine asks no Secure Boot", () => {
    expect(deviceSettingsProblems({ ...WIN11, biosType: "q35_ovmf" })).toEqual([]);
    expect(deviceSettingsProblems({ ...WIN11, biosType: "cluster_default" })).toEqual([]);
    expect(deviceSettingsProblems({ ...WIN11, biosType: undefined })).toEqual([]);
  });

  it("Windows 11 without Secure Boot is advice on biosType, pointing to q35_secure_boot; with it, or on another OS, none", () => {
    const [ovmf] = deviceSettingsAdvice({ ...WIN11, biosType: "q35_ovmf" });
    expect(ovmf?.property).toBe("biosType");
    expect(ovmf?.reason).toMatch(/biosType "q35_ovmf".*Secure Boot.*Set biosType to "q35_secure_boot"/);
    expect(deviceSettingsAdvice({ ...WIN11, biosType: undefined })[0]?.reason).toContain("left to the cluster");
    expect(deviceSettingsAdvice({ ...WIN11, biosType: "cluster_default" })[0]?.reason).toContain("left to the cluster");
    expect(deviceSettingsAdvice(WIN11)).toEqual([]);
    expect(deviceSettingsAdvice({ osType: "windows_10x64", biosType: "q35_ovmf" })).toEqual([]);
  });

  it("Windows 10 needs neither", () => {
    expect(properties({ osType: "windows_10x64", biosType: "q35_sea_bios" })).toEqual([]);
  });
});

describe("display (osinfo display protocols; headless mode)", () => {
  it("SPICE with a non-QXL video type fails on videoType; VNC takes any", () => {
    for (const videoType of ["vga", "bochs", "cirrus"]) {
      const [problem] = deviceSettingsProblems({ displayType: "spice", videoType });
      expect(problem?.property).toBe("videoType");
      expect(problem?.reason).toContain('Set videoType to "qxl", or set displayType to "vnc"');
      expect(properties({ displayType: "vnc", videoType })).toEqual([]);
    }
    expect(properties({ displayType: "spice", videoType: "qxl" })).toEqual([]);
  });

  it("headless with a display type, a smartcard or a video type fails on each", () => {
    expect(properties({ headless: true, displayType: "spice", smartcardEnabled: true, videoType: "qxl" })).toEqual(["headless", "smartcardEnabled", "videoType"]);
    expect(properties({ headless: true, soundcardEnabled: true })).toEqual([]);
  });

  it("a cirrus card on UEFI fails: OVMF cannot drive it", () => {
    expect(properties({ biosType: "q35_ovmf", displayType: "vnc", videoType: "cirrus" })).toEqual(["videoType"]);
  });

  it("a keyboard layout outside the engine's VncKeyboardLayoutValidValues fails", () => {
    expect(properties({ keyboardLayout: "de" })).toEqual([]);
    expect(properties({ keyboardLayout: "german" })).toEqual(["keyboardLayout"]);
  });
});

describe("time zones (TimeZoneValidator over TimeZoneType's two lists)", () => {
  it("a Windows guest with a zone id fails on timeZone and is told the Windows name", () => {
    const [problem] = deviceSettingsProblems({ osType: "windows_11", biosType: "q35_secure_boot", tpmEnabled: true, timeZone: "Europe/Berlin" });
    expect(problem?.property).toBe("timeZone");
    expect(problem?.reason).toContain('Set timeZone to "W. Europe Standard Time"');
  });

  it("a Linux guest with a Windows name fails on timeZone and is told the zone id", () => {
    const [problem] = deviceSettingsProblems({ osType: "rhel_9x64", timeZone: "W. Europe Standard Time" });
    expect(problem?.property).toBe("timeZone");
    expect(problem?.reason).toContain('Set timeZone to "Europe/Berlin"');
  });

  it("a zone on neither list fails with an example; each list's own names pass", () => {
    expect(deviceSettingsProblems({ osType: "rhel_9x64", timeZone: "Mars/Olympus" })[0]?.reason).toContain('"Europe/Berlin"');
    expect(properties({ osType: "rhel_9x64", timeZone: "Asia/Tokyo" })).toEqual([]);
    expect(properties({ osType: "windows_2022", timeZone: "Tokyo Standard Time" })).toEqual([]);
    expect(properties({ timeZone: "Etc/GMT" })).toEqual([]);
  });
});

describe("memory and CPU (VmValidator memory checks)", () => {
  it("guaranteed above memory, max below memory, and fractional counts fail on their property", () => {
    expect(properties({ memoryMb: 2048, memoryGuaranteedMb: 4096 })).toEqual(["memoryGuaranteedMb"]);
    expect(properties({ memoryMb: 2048, memoryMaxMb: 1024 })).toEqual(["memoryMaxMb"]);
    expect(properties({ cpuSockets: 0, cpuThreads: 1.5 })).toEqual(["cpuSockets", "cpuThreads"]);
    expect(properties({ memoryMb: 2048, memoryGuaranteedMb: 2048, memoryMaxMb: 8192, cpuSockets: 2, cpuThreads: 2 })).toEqual([]);
  });

  it("unknown enum values and repeated boot devices fail, naming the property", () => {
    expect(properties({ biosType: "uefi", videoType: "virtio", bootDevices: ["floppy"] })).toEqual(["biosType", "videoType", "bootDevices"]);
    expect(properties({ bootDevices: ["hd", "hd"] })).toEqual(["bootDevices"]);
    expect(properties({ cdrom: " " })).toEqual(["cdrom"]);
  });
});

describe("settingsProblems includes the device rules for the preview's settings", () => {
  it("headless (display null) with a video type, and a Windows 11 VM without a TPM", () => {
    const problems = settingsProblems(desktopSettings(false, { display: null, videoType: "qxl", osType: "windows_11", biosType: "q35_secure_boot" }));
    expect(problems.map((p) => p.property)).toEqual(["tpmEnabled", "videoType"]);
  });

  it("reports a fractional socket count once", () => {
    expect(settingsProblems(desktopSettings(false, { cpuSockets: 1.5 })).map((p) => p.property)).toEqual(["cpuSockets"]);
  });
});
