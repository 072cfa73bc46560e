// A VM's graphics consoles (/vms/{id}/graphicsconsoles): the list (a followed list of all VMs when
// snapshots are on), console tickets and the remote-viewer (.vv) file.

import { EngineError } from "../errors.ts";
import { seg } from "../lookups.ts";
import { EMPTY_ACTION, consoleFromXml, rootElement, ticketFromXml, ticketRequestToXml } from "../model.ts";
import type { EngineSession } from "../session.ts";
import type { GraphicsConsole } from "../types.ts";
import type { XmlObject } from "../xml.ts";
import { linkedEntry } from "./common.ts";

export const DEFAULT_TICKET_EXPIRY_SECONDS = 7200;

export interface ConsoleCalls {
  listGraphicsConsoles(vmId: string): Promise<GraphicsConsole[]>;
  /** Sets a console ticket; expiry in seconds (engine default 7200). Returns the ticket value. */
  setTicket(vmId: string, consoleId: string, expirySeconds?: number): Promise<{ value: string; expiry: number }>;
  /** The `.vv` file content; undefined when the VM is not running (engine answers 204). */
  remoteViewerFile(vmId: string, consoleId: string): Promise<string | undefined>;
  /** Adds a graphics device (a VM without one is headless). */
  addGraphicsConsole(vmId: string, protocol: GraphicsConsole["protocol"]): Promise<void>;
  /** Removes a graphics device; removing the last makes the VM headless. */
  removeGraphicsConsole(vmId: string, consoleId: string): Promise<void>;
}

const consolePath = (vmId: string, consoleId: string, action: string) => `/vms/${seg(vmId)}/graphicsconsoles/${seg(consoleId)}/${action}`;

export function createConsoleCalls(s: EngineSession): ConsoleCalls {
  const listDirect = (vmId: string) => s.list(`/vms/${seg(vmId)}/graphicsconsoles`, "graphics_consoles", "graphics_console", consoleFromXml);
  const entry = (item: unknown, context: string) => linkedEntry(item, "graphics_consoles", "graphics_console", (c) => consoleFromXml(c, context));
  const consoles = s.snapshot(
    () => s.followedList("/vms", "vms", "vm", entry, "graphics_consoles"),
    async (id) => ({ id, name: "", items: await listDirect(id) }),
  );
  s.trackVmKeyed(consoles);

  return {
    listGraphicsConsoles: async (vmId) => (await consoles.get(vmId))?.items ?? listDirect(vmId),
    async setTicket(vmId, consoleId, expirySeconds) {
      const { doc, context } = await s.sendXml("POST", consolePath(vmId, consoleId, "ticket"), ticketRequestToXml(expirySeconds), { idempotent: true });
      const t = ticketFromXml(rootElement(doc ?? {}, "action", context), context);
      return { value: t.value, expiry: t.expiry ?? expirySeconds ?? DEFAULT_TICKET_EXPIRY_SECONDS };
    },
    async addGraphicsConsole(vmId, protocol) {
      await s.vmWrite(vmId, () => s.sendXml("POST", `/vms/${seg(vmId)}/graphicsconsoles`, { graphics_console: { protocol } }));
    },
    async removeGraphicsConsole(vmId, consoleId) {
      await s.vmWrite(vmId, () => s.remove(`/vms/${seg(vmId)}/graphicsconsoles/${seg(consoleId)}`));
    },
    async remoteViewerFile(vmId, consoleId) {
      const { doc, context, res } = await s.sendXml("POST", consolePath(vmId, consoleId, "remoteviewerconnectionfile"), EMPTY_ACTION, { idempotent: true });
      if (res.status === 204 || doc === undefined) return undefined;
      const action = rootElement(doc, "action", context);
      const file = action !== null && typeof action === "object" ? (action as XmlObject).remote_viewer_connection_file : undefined;
      if (typeof file !== "string" || file === "") {
        throw new EngineError(`the engine's answer to ${context} has no remote_viewer_connection_file`, { kind: "malformed" });
      }
      return file.endsWith("\n") ? file : `${file}\n`;
    },
  };
}
