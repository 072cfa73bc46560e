// The one-line console summary shown as the `consoleDescription` output.
import type { DisplaySettings } from "./types.ts";

export type ConsoleDescription = "Spice with Smartcard" | "Spice" | "VNC" | "Headless";

export function consoleDescription(display: Pick<DisplaySettings, "type" | "smartcardEnabled"> | null | undefined): ConsoleDescription {
  if (!display) return "Headless";
  if (display.type === "vnc") return "VNC";
  return display.smartcardEnabled ? "Spice with Smartcard" : "Spice";
}
