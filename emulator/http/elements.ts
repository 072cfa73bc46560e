// The element names the engine's XML/JSON binding knows for the bodies clients send. The engine
// refuses a body with an unknown element ("Request syntactically incorrect."), so a client that
// writes, say, <console_disconnect_action> fails here as it would on a real engine. Top-level names
// follow the API model's types; nested checks cover the structures the provider writes.
import type { Node } from "./codec.ts";

interface Shape {
  names: Set<string>;
  nested?: Record<string, Shape>;
}

const COMMON = ["id", "href", "name", "description", "comment", "link", "actions"];

const VM_BASE = [
  ...COMMON, "auto_pinning_policy", "bios", "cluster", "console", "cpu", "cpu_pinning_policy", "cpu_profile",
  "cpu_shares", "creation_time", "custom_compatibility_version", "custom_cpu_model", "custom_emulated_machine",
  "custom_properties", "delete_protected", "display", "domain", "high_availability", "initialization", "io",
  "large_icon", "lease", "memory", "memory_policy", "migration", "migration_downtime", "multi_queues_enabled",
  "origin", "os", "placement_policy", "quota", "rng_device", "serial_number", "small_icon", "soundcard_enabled",
  "sso", "start_paused", "stateless", "storage_domain", "storage_error_resume_behaviour", "time_zone", "tpm_enabled",
  "tunnel_migration", "type", "usb", "virtio_scsi", "virtio_scsi_multi_queues", "virtio_scsi_multi_queues_enabled",
  "instance_type", "template", "graphics_consoles", "permissions", "tags", "watchdogs", "cdroms", "nics",
  "disk_attachments", "status", "creation_status",
];

const VM_ONLY = [
  "affinity_labels", "applications", "dynamic_cpu", "external_host_provider", "floppies", "fqdn", "guest_operating_system",
  "guest_time_zone", "has_illegal_images", "host", "host_devices", "katello_errata", "mediated_devices", "next_run_configuration_exists",
  "numa_nodes", "numa_tune_mode", "original_template", "payloads", "reported_devices", "run_once", "sessions",
  "snapshots", "start_time", "statistics", "status_detail", "stop_reason", "stop_time", "use_latest_template_version",
  "vm_pool",
];

const TEMPLATE_ONLY = ["version", "vm"];

const DISPLAY: Shape = {
  names: new Set([
    "address", "allow_override", "certificate", "copy_paste_enabled", "disconnect_action", "disconnect_action_delay",
    "file_transfer_enabled", "keyboard_layout", "monitors", "port", "proxy", "secure_port", "single_qxl_pci",
    "smartcard_enabled", "type", "video_type",
  ]),
};

/** The Initialization type (VmInit), with its NIC configurations. */
const IP: Shape = { names: new Set(["address", "gateway", "netmask", "version"]) };
const INITIALIZATION: Shape = {
  names: new Set([
    "active_directory_ou", "authorized_ssh_keys", "cloud_init", "cloud_init_network_protocol", "configuration",
    "custom_script", "dns_search", "dns_servers", "domain", "host_name", "input_locale", "nic_configurations",
    "org_name", "regenerate_ids", "regenerate_ssh_keys", "root_password", "system_locale", "timezone", "ui_language",
    "user_locale", "user_name", "windows_license_key",
  ]),
  nested: {
    nic_configurations: {
      names: new Set(["nic_configuration"]),
      nested: {
        nic_configuration: {
          names: new Set(["boot_protocol", "ip", "ipv6", "ipv6_boot_protocol", "name", "on_boot"]),
          nested: { ip: IP, ipv6: IP },
        },
      },
    },
  },
};

const NESTED: Record<string, Shape> = {
  display: DISPLAY,
  initialization: INITIALIZATION,
  sso: { names: new Set(["methods"]), nested: { methods: { names: new Set(["method"]) } } },
  usb: { names: new Set(["enabled", "type"]) },
  memory_policy: { names: new Set(["ballooning", "guaranteed", "max", "over_commit", "transparent_huge_pages"]) },
  console: { names: new Set(["enabled"]) },
};

const vmShape: Shape = { names: new Set([...VM_BASE, ...VM_ONLY]), nested: NESTED };
const templateShape: Shape = { names: new Set([...VM_BASE, ...TEMPLATE_ONLY]), nested: NESTED };
const poolShape: Shape = {
  names: new Set([
    ...COMMON, "auto_storage_select", "cluster", "display", "instance_type", "max_user_vms", "prestarted_vms",
    "rng_device", "size", "soundcard_enabled", "stateful", "template", "tpm_enabled", "type",
    "use_latest_template_version", "vm", "permissions",
  ]),
  nested: { vm: vmShape, display: DISPLAY },
};

export const SHAPES = { vm: vmShape, template: templateShape, vm_pool: poolShape };

/** The first element name the shape does not know, as a dotted path; undefined when all are known. */
export function unknownElement(node: Node, shape: Shape, path = ""): string | undefined {
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@") || key === "#text") continue;
    if (!shape.names.has(key)) return `${path}${key}`;
    const inner = shape.nested?.[key];
    if (!inner) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && typeof item === "object" && !Array.isArray(item)) {
        const found = unknownElement(item, inner, `${path}${key}.`);
        if (found) return found;
      }
    }
  }
  return undefined;
}
