import { describe, expect, it } from "vitest";
import { windows11SecureBootAndTpm } from "../policies.ts";
import { runResourcePolicy } from "./harness.ts";
import { UNKNOWN_BOOLEAN, UNKNOWN_STRING } from "./unknowns.ts";

const VM = "ovirt:index:Vm";

describe("windows11-needs-secure-boot-and-tpm", () => {
  it("is mandatory", () => {
    expect(windows11SecureBootAndTpm.enforcementLevel).toBe("mandatory");
  });

  it("passes a Windows 11 desktop with Secure Boot and a TPM, and any other OS", async () => {
    expect((await runResourcePolicy(windows11SecureBootAndTpm, VM, "w", { osType: "windows_11", biosType: "q35_secure_boot", tpmEnabled: true })).messages).toEqual([]);
    expect((await runResourcePolicy(windows11SecureBootAndTpm, VM, "w", { osType: "windows_10", biosType: "i440fx_sea_bios" })).messages).toEqual([]);
  });

  it("reports the firmware and the TPM, each naming its property and the value to set", async () => {
    const outcome = await runResourcePolicy(windows11SecureBootAndTpm, "ovirt:index:Pool", "lab", { name: "lab-??", osType: "windows_11", biosType: "q35_ovmf", tpmEnabled: false });
    expect(outcome.messages).toHaveLength(2);
    expect(outcome.messages[0]).toMatch(/biosType is "q35_ovmf".*set biosType to "q35_secure_boot"/);
    expect(outcome.messages[1]).toMatch(/tpmEnabled is not true.*set tpmEnabled to true/);
  });

  it("reports settings left out (the cluster then decides), never unknown ones", async () => {
    expect((await runResourcePolicy(windows11SecureBootAndTpm, VM, "w", { osType: "windows_11" })).messages).toHaveLength(2);
    const unknown = await runResourcePolicy(windows11SecureBootAndTpm, VM, "w", { osType: "windows_11", biosType: UNKNOWN_STRING, tpmEnabled: UNKNOWN_BOOLEAN });
    expect(unknown.messages).toEqual([]);
    expect((await runResourcePolicy(windows11SecureBootAndTpm, VM, "w", { osType: UNKNOWN_STRING })).messages).toEqual([]);
  });
});
