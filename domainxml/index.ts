// The domain-XML preview library: pure functions from VM settings to the libvirt domain XML an oVirt
// host would run, plus the smartcard rules. No I/O; used by the provider and the emulator alike.
export type { DiskSettings, DisplaySettings, DisplayType, DomainSettings, NicSettings, MonitorCount, SettingsProblem, SmartcardDevice, VmType } from "./types.ts";
export { renderDomainXml, settingsProblems, shapeProblems } from "./render.ts";
export { deviceProblems, effectiveSmartcard, needsSpice, OVIRT_SMARTCARD, renderSmartcard, smartcardProblems } from "./smartcard.ts";
export { consoleDescription } from "./console.ts";
export type { ConsoleDescription } from "./console.ts";
export { SPICE_SECURE_CHANNELS, USB_REDIRECT_SLOTS } from "./devices.ts";
export { bridgeName, deviceLetters, diskBus, diskSourcePath, driverType, NIC_MODELS, targetDevices } from "./disksAndNics.ts";
