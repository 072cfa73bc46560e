// <initialization> (the engine's VmInit) both ways, and the start action's run-once flags.

import { describe, expect, it } from "vitest";
import { startActionToXml, vmFromXml, vmUpdateToXml } from "../../provider/engine/model.ts";
import { buildXml, parseXml } from "../../provider/engine/xml.ts";

const CTX = "GET /vms/x";

describe("engine model: initialization", () => {
  it("reads cloud-init fields, a single NIC configuration as a list, and the masked root password", () => {
    const doc = parseXml(`<vm id="v1"><name>d</name><status>down</status><initialization>
      <authorized_ssh_keys>ssh-ed25519 AAAA a@b</authorized_ssh_keys><host_name>h1</host_name>
      <nic_configurations><nic_configuration><boot_protocol>STATIC</boot_protocol>
        <ip><address>10.0.0.2</address><gateway>10.0.0.1</gateway><netmask>255.0.0.0</netmask></ip>
        <name>eth0</name><on_boot>true</on_boot></nic_configuration></nic_configurations>
      <root_password>******</root_password><user_name>alice</user_name></initialization></vm>`, CTX);
    const vm = vmFromXml(doc.vm, CTX);
    expect(vm.initialization).toEqual({
      authorized_ssh_keys: "ssh-ed25519 AAAA a@b", host_name: "h1", root_password: "******", user_name: "alice",
      nic_configurations: [{ name: "eth0", boot_protocol: "static", on_boot: true, ip: { address: "10.0.0.2", gateway: "10.0.0.1", netmask: "255.0.0.0" } }],
    });
  });

  it("writes the given fields (empty ones as empty elements, which the engine takes as clearing)", () => {
    const xml = buildXml(vmUpdateToXml({ initialization: { host_name: "h2", custom_script: "", nic_configurations: [{ name: "eth0", boot_protocol: "dhcp", on_boot: true }] } }));
    expect(xml).toContain("<host_name>h2</host_name>");
    expect(xml).toMatch(/<custom_script\s*(\/>|><\/custom_script>)/);
    expect(xml).toMatch(/<nic_configuration><boot_protocol>dhcp<\/boot_protocol><name>eth0<\/name><on_boot>true<\/on_boot><\/nic_configuration>/);
    expect(xml).not.toContain("root_password");
  });

  it("start: an empty action, or the use_cloud_init / use_sysprep flag", () => {
    expect(buildXml(startActionToXml())).toMatch(/<action\s*(\/>|><\/action>)/);
    expect(buildXml(startActionToXml({ useCloudInit: true }))).toContain("<use_cloud_init>true</use_cloud_init>");
    expect(buildXml(startActionToXml({ useSysprep: true }))).toContain("<use_sysprep>true</use_sysprep>");
  });
});
