// The settings matrix of issue 5: smartcard on and off, monitors 1/2/4, copy-paste and file transfer,
// each vm type, USB on and off; plus VNC and headless VMs.
import type { DomainSettings, VmType } from "../../domainxml/index.ts";
import { DESKTOP_DISKS, desktopNics } from "./settings.ts";

export interface MatrixCase {
  label: string;
  settings: DomainSettings;
}

const VM_TYPES: VmType[] = ["desktop", "server", "high_performance"];
const CLIPBOARD_AND_FILES: [boolean, boolean][] = [
  [true, true],
  [false, true],
  [true, false],
  [false, false],
];

export function previewMatrix(namePrefix: string): MatrixCase[] {
  const cases: MatrixCase[] = [];
  const add = (label: string, settings: Omit<DomainSettings, "name">) => {
    cases.push({ label, settings: { ...settings, name: `${namePrefix}-${cases.length}` } });
  };
  for (const vmType of VM_TYPES) {
    for (const usbEnabled of [true, false]) {
      const base = { memoryMb: 256, cpuCores: 1, vmType, usbEnabled, domainType: "qemu" as const, spiceListen: "127.0.0.1" };
      for (const smartcardEnabled of [true, false]) {
        for (const monitors of [1, 2, 4] as const) {
          for (const [copyPasteEnabled, fileTransferEnabled] of CLIPBOARD_AND_FILES) {
            add(`spice ${vmType} usb=${usbEnabled} smartcard=${smartcardEnabled} monitors=${monitors} copyPaste=${copyPasteEnabled} fileTransfer=${fileTransferEnabled}`, {
              ...base,
              display: { type: "spice", smartcardEnabled, monitors, copyPasteEnabled, fileTransferEnabled },
            });
          }
        }
      }
      add(`vnc ${vmType} usb=${usbEnabled}`, { ...base, display: { type: "vnc", smartcardEnabled: false } });
      add(`headless ${vmType} usb=${usbEnabled}`, { ...base, display: null });
    }
  }
  const base = { memoryMb: 256, cpuCores: 1, usbEnabled: true, domainType: "qemu" as const, spiceListen: "127.0.0.1", disks: DESKTOP_DISKS, nics: desktopNics(["ovirtmgmt", "vdi-lab"]) };
  for (const vmType of VM_TYPES) {
    add(`spice ${vmType} with three disks and two NICs`, { ...base, vmType, display: { type: "spice", smartcardEnabled: true } });
  }
  add("headless with three disks and two NICs", { ...base, vmType: "server", display: null });
  return cases;
}
