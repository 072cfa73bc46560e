// The domain-XML preview library: pure functions from VM settings to the libvirt domain XML an oVirt
// host would run, plus the smartcard rules and the engine's device rules. No I/O; used by the
// provider and the emulator alike.
export type {
  BiosType, BootDevice, DiskSettings, DisplaySettings, DisplayType, DomainSettings, NicSettings, MonitorCount, SettingsProblem,
  SmartcardDevice, VideoType, VmType,
} from "./types.ts";
export { BIOS_TYPES, BOOT_DEVICES, VIDEO_TYPES } from "./types.ts";
export { renderDomainXml, settingsProblems, shapeProblems } from "./render.ts";
export { deviceSettingsAdvice, deviceSettingsProblems, deviceInputOf, KEYBOARD_LAYOUTS, OS_REQUIRING_TPM } from "./rules.ts";
export type { DeviceSettingsInput } from "./rules.ts";
export { clockAdjustment, counterpartZone, GENERAL_TIME_ZONES, isWindows, timeZoneFits, WINDOWS_TIME_ZONES } from "./timezones.ts";
export { isUefi, machineType, OVMF_PATHS } from "./firmware.ts";
export { deviceProblems, effectiveSmartcard, needsSpice, OVIRT_SMARTCARD, renderSmartcard, smartcardProblems } from "./smartcard.ts";
export { consoleDescription } from "./console.ts";
export type { ConsoleDescription } from "./console.ts";
export { DEFAULT_KEYMAP, SPICE_SECURE_CHANNELS, USB_REDIRECT_SLOTS } from "./devices.ts";
export { bridgeName, cdromTarget, deviceLetters, diskBus, diskSourcePath, driverType, NIC_MODELS, targetDevices } from "./disksAndNics.ts";
