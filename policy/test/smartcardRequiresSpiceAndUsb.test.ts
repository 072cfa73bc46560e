import { describe, expect, it } from "vitest";
import { smartcardRequiresSpiceAndUsb } from "../policies.ts";
import { runResourcePolicy } from "./harness.ts";
import { UNKNOWN_BOOLEAN, UNKNOWN_STRING } from "./unknowns.ts";

const VM = "ovirt:index:Vm";
const POOL = "ovirt:index:Pool";
const TEMPLATE = "ovirt:index:Template";

function vncMessage(subject: string): string {
  return (
    `${subject}: smartcardEnabled is true but displayType is "vnc". Smartcard pass-through works only ` +
    `over a SPICE console. Set displayType to "spice", or set smartcardEnabled to false.`
  );
}

const USB_MESSAGE =
  'Vm "fast": smartcardEnabled is true on a high_performance VM with usbEnabled false. The smartcard ' +
  "device sits on a USB (CCID) controller, which a high-performance VM drops when USB is off. Set " +
  "usbEnabled to true, choose another vmType, or set smartcardEnabled to false.";

describe("smartcard-requires-spice-and-usb", () => {
  it("is mandatory", () => {
    expect(smartcardRequiresSpiceAndUsb.enforcementLevel).toBe("mandatory");
  });

  it("passes a smartcard VM on SPICE", async () => {
    const outcome = await runResourcePolicy(smartcardRequiresSpiceAndUsb, VM, "desk", {
      name: "desk", smartcardEnabled: true, displayType: "spice", vmType: "desktop", usbEnabled: false,
    });
    expect(outcome.messages).toEqual([]);
  });

  it("passes VNC without a smartcard", async () => {
    const outcome = await runResourcePolicy(smartcardRequiresSpiceAndUsb, VM, "desk", {
      name: "desk", smartcardEnabled: false, displayType: "vnc",
    });
    expect(outcome.messages).toEqual([]);
  });

  it.each([
    [VM, "desk", { name: "desk" }, 'Vm "desk"'],
    [TEMPLATE, "gold", { name: "gold-template" }, 'Template "gold" (engine name "gold-template")'],
    [POOL, "sales", { name: "sales-???" }, 'Pool "sales" (engine name "sales-???")'],
  ])("rejects smartcard with VNC on %s", async (type, name, base, subject) => {
    const outcome = await runResourcePolicy(smartcardRequiresSpiceAndUsb, type, name, {
      ...base, smartcardEnabled: true, displayType: "vnc",
    });
    expect(outcome.messages).toEqual([vncMessage(subject)]);
  });

  it("rejects a high_performance smartcard VM with USB off", async () => {
    const outcome = await runResourcePolicy(smartcardRequiresSpiceAndUsb, VM, "fast", {
      name: "fast", smartcardEnabled: true, displayType: "spice", vmType: "high_performance", usbEnabled: false,
    });
    expect(outcome.messages).toEqual([USB_MESSAGE]);
  });

  it("reports both problems of one VM", async () => {
    const outcome = await runResourcePolicy(smartcardRequiresSpiceAndUsb, VM, "fast", {
      name: "fast", smartcardEnabled: true, displayType: "vnc", vmType: "high_performance", usbEnabled: false,
    });
    expect(outcome.messages).toEqual([vncMessage('Vm "fast"'), USB_MESSAGE]);
  });

  it("passes a high_performance smartcard VM with USB on", async () => {
    const outcome = await runResourcePolicy(smartcardRequiresSpiceAndUsb, VM, "fast", {
      name: "fast", smartcardEnabled: true, vmType: "high_performance", usbEnabled: true,
    });
    expect(outcome.messages).toEqual([]);
  });

  it("stays silent on unknown or absent values", async () => {
    const cases: Record<string, unknown>[] = [
      { name: "a", smartcardEnabled: UNKNOWN_BOOLEAN, displayType: "vnc" },
      { name: "b", smartcardEnabled: true, displayType: UNKNOWN_STRING },
      { name: "c", smartcardEnabled: true, vmType: "high_performance", usbEnabled: UNKNOWN_BOOLEAN },
      { name: "d", smartcardEnabled: true, vmType: UNKNOWN_STRING, usbEnabled: false },
      { name: "e", smartcardEnabled: true, vmType: "high_performance" },
      { name: "f", displayType: "vnc" },
    ];
    for (const props of cases) {
      const outcome = await runResourcePolicy(smartcardRequiresSpiceAndUsb, VM, "x", props);
      expect(outcome.messages, JSON.stringify(props)).toEqual([]);
    }
  });

  it("is not applicable to ConsolePolicy", async () => {
    const outcome = await runResourcePolicy(smartcardRequiresSpiceAndUsb, "ovirt:index:ConsolePolicy", "cp", { smartcardEnabled: true });
    expect(outcome.notApplicable).toBe("applies only to ovirt:index:Vm, ovirt:index:Template, ovirt:index:Pool");
    expect(outcome.messages).toEqual([]);
  });
});
