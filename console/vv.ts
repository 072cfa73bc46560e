// The remote-viewer (.vv) file that `ovirt-console` writes: the engine's own file for the console,
// with the ticket it asked for (the policy's life) in `password`, the policy's smartcard choice, and
// the policy's single sign-on and disconnect action in the [ovirt] group. The engine's SSO token is
// taken out: the file is a console credential only, never an engine login.

export interface VvPolicy {
  ticket: string;
  expirySeconds: number;
  /** For SPICE: whether the client offers the smartcard channel. */
  smartcard: boolean;
  sso: "guest_agent" | "none";
  disconnectAction: string;
  disconnectActionDelayMinutes: number;
}

const DROPPED = new Set(["password", "sso-token", "enable-smartcard"]);

export function shapeVv(raw: string, policy: VvPolicy): string {
  const out: string[] = [];
  let group = "";
  const isSpice = /^type=spice\s*$/m.test(raw);
  for (const line of raw.split(/\r?\n/)) {
    const trimmed = line.trim();
    const header = /^\[(.+)\]$/.exec(trimmed);
    if (header) {
      group = header[1]!.toLowerCase();
      out.push(trimmed);
      if (group === "virt-viewer") {
        out.push(`password=${policy.ticket}`, `# Password is valid for ${policy.expirySeconds} seconds.`);
        if (isSpice) out.push(`enable-smartcard=${policy.smartcard ? 1 : 0}`);
      }
      if (group === "ovirt") {
        out.push(`sso=${policy.sso}`, `disconnect-action=${policy.disconnectAction}`, `disconnect-action-delay=${policy.disconnectActionDelayMinutes}`);
      }
      continue;
    }
    const key = trimmed.split("=", 1)[0]!.trim().toLowerCase();
    if (DROPPED.has(key) || /^#.*password/i.test(trimmed)) continue;
    if (group === "ovirt" && /^(sso|disconnect-action|disconnect-action-delay)$/.test(key)) continue;
    out.push(line);
  }
  return out.join("\n").replace(/\n*$/, "\n");
}
