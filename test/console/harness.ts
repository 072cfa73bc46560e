// Runs `ovirt-console` as a user runs it (a child process on the project's Node) against an
// emulator in this process, whose host backend records what the engine hands the host.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
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

/**
 * A stand-in `pulumi` in `dir` for `ovirt-console --stack`: it answers the two reads the command
 * makes (`pulumi config --json --show-secrets`, `pulumi stack export`) in the real CLI's shapes,
 * with this login and these ConsolePolicy outputs. Returns the PATH entry to put first.
 */
export function fakePulumi(dir: string, login: { url: string; caFile: string; username: string; password: string }, policies: Record<string, unknown>[]): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const config = {
    "ovirt:url": { value: login.url, secret: false },
    "ovirt:username": { value: login.username, secret: false },
    "ovirt:password": { value: login.password, secret: true },
    "ovirt:caFile": { value: login.caFile, secret: false },
  };
  const exported = { version: 3, deployment: { resources: policies.map((outputs) => ({ type: "ovirt:index:ConsolePolicy", outputs })) } };
  writeFileSync(join(dir, "config.json"), JSON.stringify(config));
  writeFileSync(join(dir, "export.json"), JSON.stringify(exported));
  writeFileSync(join(dir, "pulumi"), `#!/bin/sh\ncase "$1" in config) cat "${dir}/config.json";; stack) cat "${dir}/export.json";; *) exit 3;; esac\n`, { mode: 0o755 });
  return dir;
}
