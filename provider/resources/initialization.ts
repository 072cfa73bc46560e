// The `initialization` of a Vm or Pool: exactly one of `cloudInit` or `sysprep`, sent as the
// engine's <initialization> (VmInit), and read back from it.
//
// - The engine merges an update into the VmInit it has (an element left out keeps its value), so
//   every field the chosen kind owns is sent, empty when unset: a field taken out is cleared.
// - The engine never shows a stored root password again (it answers `******`): the password in
//   state stands while the engine still has one; when it has none, the password is reported gone.
// - Which kind the engine applies: the provider starts the VM with `use_cloud_init` or
//   `use_sysprep` (startOptionsFor), so it does not depend on the VM's OS type.
// - The engine applies it on the guest's next start with initialization, never to a running
//   guest: a change on a running VM is saved at once and noted as waiting for the next run.

import type { CloudInit, CloudInitNicConfiguration, Sysprep, VmInitialization } from "../shapes.generated.ts";
import { MASKED_ROOT_PASSWORD, type Initialization, type NicConfiguration, type StartOptions } from "../engine/index.ts";
import { isKnown, isUnknown, type CheckRule } from "./check.ts";
import type { CheckFailure } from "./types.ts";

// The input shapes are schema.json's object types (generated), so a resource's typed inputs and
// these helpers agree.
export type NicConfigurationInput = CloudInitNicConfiguration;
export type CloudInitInput = CloudInit;
export type SysprepInput = Sysprep;
export type InitializationInput = VmInitialization;

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Exactly one kind; a static NIC needs its address and netmask. */
export const initializationRules: CheckRule = (inputs) => {
  const init = asObject(inputs.initialization);
  if (!init) return [];
  const failures: CheckFailure[] = [];
  const hasCloudInit = init.cloudInit !== undefined;
  const hasSysprep = init.sysprep !== undefined;
  if (hasCloudInit && hasSysprep) {
    failures.push({
      property: "initialization",
      reason: "`initialization` sets both `cloudInit` and `sysprep`; a guest is initialized one way: keep `cloudInit` for a Linux guest or `sysprep` for a Windows guest, and remove the other.",
    });
  } else if (!hasCloudInit && !hasSysprep) {
    failures.push({
      property: "initialization",
      reason: "`initialization` sets neither `cloudInit` nor `sysprep`: set one of them, or remove `initialization`.",
    });
  }
  const cloudInit = asObject(init.cloudInit);
  const nics = Array.isArray(cloudInit?.nicConfigurations) ? (cloudInit.nicConfigurations as NicConfigurationInput[]) : [];
  nics.forEach((nic, i) => {
    if (nic?.bootProtocol !== "static") return;
    for (const field of ["address", "netmask"] as const) {
      if (nic[field] === undefined) {
        const path = `initialization.cloudInit.nicConfigurations[${i}].${field}`;
        failures.push({ property: path, reason: `\`${path}\` is required with \`bootProtocol: "static"\`: set it, or use \`"dhcp"\`.` });
      }
    }
  });
  return failures;
};

/** The start flags that make the engine hand the initialization to the guest as the chosen kind. */
export function startOptionsFor(value: unknown): StartOptions {
  const init = asObject(value);
  if (init?.sysprep !== undefined) return { useSysprep: true };
  if (init?.cloudInit !== undefined) return { useCloudInit: true };
  return {};
}

function nicToEngine(nic: NicConfigurationInput): NicConfiguration {
  const out: NicConfiguration = { name: nic.name, on_boot: nic.onBoot !== false };
  if (nic.bootProtocol !== undefined) out.boot_protocol = nic.bootProtocol;
  if (nic.address !== undefined || nic.netmask !== undefined || nic.gateway !== undefined) {
    out.ip = { address: nic.address ?? "", netmask: nic.netmask ?? "", gateway: nic.gateway ?? "" };
  }
  return out;
}

/** The engine's <initialization> for the input; undefined when there is none. */
export function initializationToEngine(value: unknown): Initialization | undefined {
  const init = asObject(value) as InitializationInput | undefined;
  if (!init) return undefined;
  if (init.sysprep) {
    const s = init.sysprep;
    const out: Initialization = {
      host_name: s.hostname ?? "", domain: s.domain ?? "", org_name: s.organization ?? "", timezone: s.timezone ?? "",
      user_name: "", authorized_ssh_keys: "", custom_script: "", dns_servers: "", nic_configurations: [],
    };
    if (s.adminPassword !== undefined) out.root_password = s.adminPassword;
    return out;
  }
  const c = init.cloudInit ?? {};
  return {
    host_name: c.hostname ?? "",
    timezone: c.timezone ?? "",
    user_name: c.userName ?? "",
    authorized_ssh_keys: (c.authorizedSshKeys ?? []).join("\n"),
    custom_script: c.customScript ?? "",
    dns_servers: (c.dnsServers ?? []).join(" "),
    nic_configurations: (c.nicConfigurations ?? []).map(nicToEngine),
    domain: "",
    org_name: "",
  };
}

const nonEmpty = (text: string | undefined): text is string => text !== undefined && text !== "";

/** Puts `value` under `key` when the engine has it, or as empty when the old input named the key. */
function put(out: Record<string, unknown>, key: string, value: unknown, old: Record<string, unknown> | undefined, empty: unknown): void {
  const present = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== "";
  if (present) out[key] = value;
  else if (old && key in old) out[key] = empty;
}

function nicFromEngine(n: NicConfiguration): NicConfigurationInput {
  const out: NicConfigurationInput = { name: n.name };
  // The engine's boot protocols are the schema's enum values.
  if (n.boot_protocol !== undefined) out.bootProtocol = n.boot_protocol as NicConfigurationInput["bootProtocol"];
  if (nonEmpty(n.ip?.address)) out.address = n.ip.address;
  if (nonEmpty(n.ip?.netmask)) out.netmask = n.ip.netmask;
  if (nonEmpty(n.ip?.gateway)) out.gateway = n.ip.gateway;
  out.onBoot = n.on_boot !== false;
  return out;
}

/** Which kind an engine VmInit is: the old input's, else sysprep when a sysprep-only field is set. */
function kindOf(init: Initialization, old: InitializationInput | undefined): "cloudInit" | "sysprep" {
  if (old?.sysprep !== undefined) return "sysprep";
  if (old?.cloudInit !== undefined) return "cloudInit";
  return nonEmpty(init.domain) || nonEmpty(init.org_name) || nonEmpty(init.root_password) ? "sysprep" : "cloudInit";
}

function isEmptyInit(init: Initialization): boolean {
  return Object.values(init).every((v) => v === undefined || v === "" || (Array.isArray(v) && v.length === 0));
}

/**
 * The `initialization` input that reproduces the engine's VmInit. `oldValue` is the last input:
 * its kind, the fields it named, and the password (which the engine shows only as `******`).
 */
export function initializationFromEngine(init: Initialization | undefined, oldValue: unknown): InitializationInput | undefined {
  const old = asObject(oldValue) as InitializationInput | undefined;
  if (!init || isEmptyInit(init)) return undefined;
  if (kindOf(init, old) === "sysprep") {
    const prior = old?.sysprep as Record<string, unknown> | undefined;
    const s: Record<string, unknown> = {};
    put(s, "hostname", init.host_name, prior, "");
    put(s, "domain", init.domain, prior, "");
    put(s, "organization", init.org_name, prior, "");
    if (nonEmpty(init.root_password)) {
      // The mask stands for "a password is stored": the one in state, if any (an import has none,
      // and never takes the mask for a password). One set outside Pulumi cannot be seen.
      const kept = old?.sysprep?.adminPassword;
      const password = init.root_password === MASKED_ROOT_PASSWORD ? kept : init.root_password;
      if (password !== undefined) s.adminPassword = password;
    }
    put(s, "timezone", init.timezone, prior, "");
    return { sysprep: s as SysprepInput };
  }
  const prior = old?.cloudInit as Record<string, unknown> | undefined;
  const c: Record<string, unknown> = {};
  put(c, "hostname", init.host_name, prior, "");
  put(c, "timezone", init.timezone, prior, "");
  put(c, "userName", init.user_name, prior, "");
  put(c, "authorizedSshKeys", (init.authorized_ssh_keys ?? "").split("\n").map((k) => k.trim()).filter((k) => k !== ""), prior, []);
  // Whitespace around a script means nothing to cloud-init, and XML readers may trim it.
  const oldScript = old?.cloudInit?.customScript;
  const sameScript = oldScript !== undefined && oldScript.trim() === (init.custom_script ?? "").trim();
  put(c, "customScript", sameScript ? oldScript : init.custom_script, prior, "");
  put(c, "dnsServers", (init.dns_servers ?? "").split(/[\s,]+/).filter((d) => d !== ""), prior, []);
  put(c, "nicConfigurations", (init.nic_configurations ?? []).map(nicFromEngine), prior, []);
  return { cloudInit: c as CloudInitInput };
}

/** True when the old and new initialization differ (unknown counts as a change). */
export function initializationChanged(oldValue: unknown, newValue: unknown): boolean {
  if (isUnknown(newValue) || (isKnown(newValue) && JSON.stringify(newValue) !== JSON.stringify(oldValue))) return true;
  return newValue === undefined && oldValue !== undefined;
}

/** The plan note for an initialization change on a VM that keeps running. */
export function nextRunNote(name: unknown): string {
  return (
    `VM ${String(name)} is running: the engine saves the new initialization at once, but the guest only gets it ` +
    "at its next start with initialization (the next run); the running guest is not changed."
  );
}
