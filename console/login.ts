// Where `ovirt-console` gets its engine login and the console policy's console-side settings.
//
// A ConsolePolicy keeps two kinds of settings (provider/resources/consolePolicy.ts): SSO and the
// disconnect action live on the engine, on the target's VMs, and are read from there (desktop.ts);
// the ticket's life and "disable smartcard" live only in the Pulumi program and its state. So with
// `--stack` they come from the stack's ConsolePolicy outputs, and without it the engine's console
// defaults apply (a 120-second ticket; the smartcard as the VM has it).
import { execFile } from "node:child_process";
import type { EngineConfig } from "../provider/engine/index.ts";

export class LoginError extends Error {}

export interface ConsoleSide {
  /** false: the policy disables the smartcard for the console session. */
  smartcardEnabled?: boolean;
  ticketExpirySeconds?: number;
}

const ENV_HINT = "set OVIRT_URL, OVIRT_USERNAME and OVIRT_PASSWORD (and OVIRT_CAFILE or OVIRT_INSECURE=true), or give --stack";

function truthy(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes)$/i.test(value.trim());
}

/** The login from OVIRT_* (or, for each key the stack sets, the stack's ovirt:* value). */
export function engineConfig(env: NodeJS.ProcessEnv, stackConfig: Record<string, string> = {}): EngineConfig {
  const pick = (key: string, envName: string): string | undefined => stackConfig[`ovirt:${key}`] ?? env[envName];
  const url = pick("url", "OVIRT_URL");
  const username = pick("username", "OVIRT_USERNAME");
  const password = pick("password", "OVIRT_PASSWORD");
  const missing = [!url && "url (OVIRT_URL)", !username && "username (OVIRT_USERNAME)", !password && "password (OVIRT_PASSWORD)"].filter(Boolean);
  if (missing.length > 0) throw new LoginError(`no engine login: missing ${missing.join(", ")}; ${ENV_HINT}`);
  const caFile = pick("caFile", "OVIRT_CAFILE");
  return { url: url!, username: username!, password: password!, caFile: caFile || undefined, insecure: truthy(pick("insecure", "OVIRT_INSECURE")) };
}

function pulumi(args: string[], cwd: string | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("pulumi", [...args, "--non-interactive"], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
        reject(new LoginError("--stack needs the `pulumi` CLI on PATH"));
      } else if (error) {
        // Pulumi's own message; never the command's output, which holds secrets.
        reject(new LoginError(`pulumi ${args[0]} ${args[1] ?? ""} failed: ${String(stderr).trim().split("\n").slice(-3).join(" ")}`));
      } else {
        resolve(String(stdout));
      }
    });
  });
}

/** The stack's ovirt:* provider config, secrets decrypted (kept in memory only). */
export async function stackProviderConfig(stack: string, cwd?: string): Promise<Record<string, string>> {
  const json = JSON.parse(await pulumi(["config", "--json", "--show-secrets", "--stack", stack], cwd)) as Record<string, { value?: unknown }>;
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(json)) {
    if (key.startsWith("ovirt:") && entry.value !== undefined) out[key] = String(entry.value);
  }
  return out;
}

interface ExportedResource {
  type?: string;
  outputs?: Record<string, unknown>;
}

/** The console-side settings of the stack's ConsolePolicy for this VM or pool, if it has one. */
export function consoleSideFrom(resources: ExportedResource[], target: { vmId?: string; poolId?: string }): ConsoleSide | undefined {
  const policy = resources.find((r) => {
    if (r.type !== "ovirt:index:ConsolePolicy" || !r.outputs) return false;
    return (target.vmId !== undefined && r.outputs.vmId === target.vmId) || (target.poolId !== undefined && r.outputs.poolId === target.poolId);
  });
  if (!policy?.outputs) return undefined;
  const o = policy.outputs;
  return {
    smartcardEnabled: typeof o.smartcardEnabled === "boolean" ? o.smartcardEnabled : undefined,
    ticketExpirySeconds: typeof o.ticketExpirySeconds === "number" ? o.ticketExpirySeconds : undefined,
  };
}

/** Reads the stack's resources once (`pulumi stack export`); secrets stay encrypted. */
export async function stackResources(stack: string, cwd?: string): Promise<ExportedResource[]> {
  const exported = JSON.parse(await pulumi(["stack", "export", "--stack", stack], cwd)) as { deployment?: { resources?: ExportedResource[] } };
  return exported.deployment?.resources ?? [];
}
