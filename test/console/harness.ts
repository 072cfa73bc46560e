// Runs `ovirt-console` as a user runs it (a child process on the project's Node) against an
// emulator in this process, whose host backend records what the engine hands the host.
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import type { GuestAgentRequest, HostBackend } from "../../emulator/host/types.ts";

export const REPO = resolve(import.meta.dirname, "../..");
const NODE = process.execPath;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runConsole(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((done) => {
    execFile(NODE, ["--disable-warning=ExperimentalWarning", resolve(REPO, "console/main.ts"), ...args], { env, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export interface RecordedTicket {
  vmId: string;
  protocol: string;
  ticket: string;
  validSeconds: number;
}

/** A host without a hypervisor: domains "run" once started, and every ticket and guest-agent request is kept. */
export function recordingHost(): HostBackend & { tickets: RecordedTicket[]; guestAgentRequests: GuestAgentRequest[] } {
  const running = new Set<string>();
  const tickets: RecordedTicket[] = [];
  const guestAgentRequests: GuestAgentRequest[] = [];
  return {
    tickets,
    guestAgentRequests,
    async startVm(vm) {
      running.add(vm.id);
    },
    async stopVm(vmId) {
      running.delete(vmId);
    },
    async vmState(vmId) {
      return running.has(vmId) ? "running" : "missing";
    },
    async setTicket(vmId, protocol, ticket, validSeconds) {
      tickets.push({ vmId, protocol, ticket, validSeconds });
    },
    guestAgent(request) {
      guestAgentRequests.push(request);
    },
    async close() {},
  };
}
