// XML <-> engine model, both ways, and zod rejecting malformed answers with a message naming the field.

import { describe, expect, it } from "vitest";
import {
  collection, poolFromXml, poolToXml, rootElement, templateCreateToXml, templateFromXml, ticketRequestToXml, vmCreateToXml, vmFromXml,
  vmUpdateToXml,
} from "../../provider/engine/model.ts";
import { buildXml, parseXml } from "../../provider/engine/xml.ts";

const CTX = "GET /vms/x";

// Condensed from the shape of a real engine answer (reference §1.2).
const VM_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<vm href="/ovirt-engine/api/vms/aaaa" id="aaaa">
  <actions><link href="/ovirt-engine/api/vms/aaaa/start" rel="start"/><link href="/ovirt-engine/api/vms/aaaa/stop" rel="stop"/></actions>
  <name>desk-1</name>
  <description>a &amp; b</description>
  <link href="/ovirt-engine/api/vms/aaaa/graphicsconsoles" rel="graphicsconsoles"/>
  <cpu><architecture>x86_64</architecture><topology><cores>2</cores><sockets>1</sockets><threads>1</threads></topology></cpu>
  <display>
    <allow_override>false</allow_override>
    <copy_paste_enabled>true</copy_paste_enabled>
    <disconnect_action>LOCK_SCREEN</disconnect_action>
    <disconnect_action_delay>0</disconnect_action_delay>
    <file_transfer_enabled>true</file_transfer_enabled>
    <monitors>2</monitors>
    <single_qxl_pci>false</single_qxl_pci>
    <smartcard_enabled>true</smartcard_enabled>
    <type>spice</type>
  </display>
  <memory>2147483648</memory>
  <memory_policy><guaranteed>1073741824</guaranteed><max>8589934592</max></memory_policy>
  <sso><methods><method id="guest_agent"/></methods></sso>
  <stateless>false</stateless>
  <type>desktop</type>
  <usb><enabled>true</enabled><type>native</type></usb>
  <cluster href="/ovirt-engine/api/clusters/cccc" id="cccc"/>
  <next_run_configuration_exists>true</next_run_configuration_exists>
  <status>up</status>
  <template href="/ovirt-engine/api/templates/00000000-0000-0000-0000-000000000000" id="00000000-0000-0000-0000-000000000000"/>
</vm>`;

const parseVm = (xml: string) => vmFromXml(rootElement(parseXml(xml, CTX), "vm", CTX), CTX);

describe("XML → model", () => {
  it("maps a full VM: ids as attributes, memory in bytes, display, sso, usb, links", () => {
    expect(parseVm(VM_XML)).toEqual({
      id: "aaaa",
      name: "desk-1",
      description: "a & b",
      memory: 2147483648,
      cpu: { topology: { cores: 2, sockets: 1, threads: 1 } },
      type: "desktop",
      display: {
        type: "spice",
        smartcard_enabled: true,
        allow_override: false,
        copy_paste_enabled: true,
        file_transfer_enabled: true,
        monitors: 2,
        disconnect_action: "LOCK_SCREEN",
        disconnect_action_delay: 0,
      },
      sso_methods: ["guest_agent"],
      usb: { enabled: true },
      stateless: false,
      cluster: { id: "cccc" },
      memory_policy: { guaranteed: 1073741824, max: 8589934592 },
      template: { id: "00000000-0000-0000-0000-000000000000" },
      status: "up",
      next_run_configuration_exists: true,
    });
  });

  it("maps the Windows desktop fields (#24) both ways: bios, os and boot order, TPM, sound, time zone, HA, memory policy, video", () => {
    const vm = parseVm(
      `<vm id="w"><name>win11</name><status>down</status><bios><type>Q35_SECURE_BOOT</type></bios>` +
        `<os><type>windows_11</type><boot><devices><device>cdrom</device><device>hd</device></devices></boot></os>` +
        `<tpm_enabled>true</tpm_enabled><soundcard_enabled>true</soundcard_enabled><time_zone><name>W. Europe Standard Time</name><utc_offset>+01:00</utc_offset></time_zone>` +
        `<high_availability><enabled>true</enabled><priority>50</priority></high_availability>` +
        `<memory_policy><guaranteed>2147483648</guaranteed><max>8589934592</max><ballooning>false</ballooning></memory_policy>` +
        `<display><type>spice</type><video_type>qxl</video_type><keyboard_layout>de</keyboard_layout></display></vm>`,
    );
    expect(vm).toMatchObject({
      bios_type: "q35_secure_boot", os: { type: "windows_11", boot_devices: ["cdrom", "hd"] }, tpm_enabled: true, soundcard_enabled: true,
      time_zone: "W. Europe Standard Time", high_availability: { enabled: true, priority: 50 },
      memory_policy: { guaranteed: 2147483648, max: 8589934592, ballooning: false }, display: { video_type: "qxl", keyboard_layout: "de" },
    });
    const xml = buildXml(vmUpdateToXml({ bios_type: vm.bios_type, os: vm.os, tpm_enabled: true, time_zone: vm.time_zone, high_availability: vm.high_availability }));
    expect(xml).toContain("<bios><type>q35_secure_boot</type></bios>");
    expect(xml).toContain("<os><type>windows_11</type><boot><devices><device>cdrom</device><device>hd</device></devices></boot></os>");
    expect(xml).toContain("<time_zone><name>W. Europe Standard Time</name></time_zone>");
    expect(xml).toContain("<high_availability><enabled>true</enabled><priority>50</priority></high_availability>");
  });

  it("an empty <methods/> is SSO off; a missing <sso> is unknown; a missing <display> is headless", () => {
    const off = parseVm(`<vm id="a"><name>n</name><status>down</status><sso><methods/></sso></vm>`);
    expect(off.sso_methods).toEqual([]);
    const unknown = parseVm(`<vm id="a"><name>n</name><status>down</status></vm>`);
    expect(unknown.sso_methods).toBeUndefined();
    expect(unknown.display).toBeUndefined();
  });

  it("collections are lists even with one member or none", () => {
    const one = parseXml(`<vms><vm id="a"><name>n</name><status>down</status></vm></vms>`, CTX);
    expect(collection(one, "vms", "vm", CTX).map((v) => vmFromXml(v, CTX).id)).toEqual(["a"]);
    expect(collection(parseXml("<vms/>", CTX), "vms", "vm", CTX)).toEqual([]);
    expect(collection(parseXml("<vms></vms>", CTX), "vms", "vm", CTX)).toEqual([]);
  });

  it("maps a vm_pool with its embedded vm (the pool VMs' effective display)", () => {
    const xml = `<vm_pool href="/ovirt-engine/api/vmpools/pppp" id="pppp"><name>desks</name><description/>
      <max_user_vms>1</max_user_vms><prestarted_vms>0</prestarted_vms><size>3</size><stateful>false</stateful><type>automatic</type>
      <cluster id="cccc"/><template id="tttt"/>
      <vm href="/ovirt-engine/api/vms/v1" id="v1"><name>desks-1</name><display><smartcard_enabled>true</smartcard_enabled><type>spice</type></display>
      <sso><methods/></sso><status>down</status></vm></vm_pool>`;
    const pool = poolFromXml(rootElement(parseXml(xml, CTX), "vm_pool", CTX), CTX);
    expect(pool).toEqual({
      id: "pppp",
      name: "desks",
      description: "",
      size: 3,
      prestarted_vms: 0,
      max_user_vms: 1,
      type: "automatic",
      stateful: false,
      cluster: { id: "cccc" },
      template: { id: "tttt" },
      vm: { id: "v1", name: "desks-1", display: { smartcard_enabled: true, type: "spice" }, sso_methods: [] },
    });
  });

  it("maps a template", () => {
    const t = templateFromXml(
      rootElement(parseXml(`<template id="tttt"><name>gold</name><status>locked</status><memory>1073741824</memory><display><type>vnc</type></display></template>`, CTX), "template", CTX),
      CTX,
    );
    expect(t).toEqual({ id: "tttt", name: "gold", status: "locked", memory: 1073741824, display: { type: "vnc" } });
  });
});

describe("zod rejects malformed answers, naming the field", () => {
  const cases: [string, string, RegExp][] = [
    ["memory that is not a number", `<vm id="a"><name>n</name><status>down</status><memory>lots</memory></vm>`, /vm\.memory: .*expected number, received NaN/],
    ["a boolean that is not true/false", `<vm id="a"><name>n</name><status>down</status><display><smartcard_enabled>yes</smartcard_enabled></display></vm>`, /vm\.display\.smartcard_enabled: .*expected boolean/],
    ["a missing id attribute", `<vm><name>n</name><status>down</status></vm>`, /vm\.@id: /],
    ["a missing status", `<vm id="a"><name>n</name></vm>`, /vm\.status: /],
    ["an unknown display type", `<vm id="a"><name>n</name><status>down</status><display><type>rdp</type></display></vm>`, /vm\.display\.type: /],
    ["monitors that are not an integer", `<vm id="a"><name>n</name><status>down</status><display><monitors>1.5</monitors></display></vm>`, /vm\.display\.monitors: /],
  ];
  for (const [name, xml, re] of cases) {
    it(name, () => {
      expect(() => parseVm(xml)).toThrow(re);
      expect(() => parseVm(xml)).toThrow(/^the engine's answer to GET \/vms\/x is not a valid vm: /);
    });
  }

  it("a pool without size is rejected", () => {
    expect(() => poolFromXml(rootElement(parseXml(`<vm_pool id="p"><name>x</name></vm_pool>`, CTX), "vm_pool", CTX), CTX)).toThrow(/vm_pool\.size: /);
  });

  it("a wrong root element and non-XML are clear errors", () => {
    expect(() => rootElement(parseXml("<template id='a'/>", CTX), "vm", CTX)).toThrow("the engine's answer to GET /vms/x has no <vm> element (found: template)");
    expect(() => parseXml("{\"vm\":1}", CTX)).toThrow(/is not XML/);
  });
});

describe("model → XML", () => {
  it("a VM create from Blank with smartcard, SSO and memory in bytes", () => {
    const xml = buildXml(
      vmCreateToXml({
        name: "desk-1",
        cluster: { name: "Default" },
        template: { id: "00000000-0000-0000-0000-000000000000" },
        memory: 2 * 1024 ** 3,
        cpu: { topology: { cores: 2, sockets: 1, threads: 1 } },
        type: "desktop",
        display: { type: "spice", smartcard_enabled: true, monitors: 2, copy_paste_enabled: false, disconnect_action: "lock_screen" },
        sso_methods: ["guest_agent"],
        usb: { enabled: true },
      }),
    );
    expect(xml).toBe(
      "<vm><name>desk-1</name><cluster><name>Default</name></cluster><memory>2147483648</memory>" +
        "<cpu><topology><sockets>1</sockets><cores>2</cores><threads>1</threads></topology></cpu><type>desktop</type>" +
        "<display><type>spice</type><smartcard_enabled>true</smartcard_enabled><copy_paste_enabled>false</copy_paste_enabled>" +
        "<monitors>2</monitors><disconnect_action>lock_screen</disconnect_action></display>" +
        '<sso><methods><method id="guest_agent"/></methods></sso><usb><enabled>true</enabled></usb>' +
        '<template id="00000000-0000-0000-0000-000000000000"/></vm>',
    );
  });

  it("an empty SSO list is <sso><methods/></sso>; unset fields are left out", () => {
    expect(buildXml(vmUpdateToXml({ sso_methods: [], display: { smartcard_enabled: false } }))).toBe(
      "<vm><display><smartcard_enabled>false</smartcard_enabled></display><sso><methods/></sso></vm>",
    );
  });

  it("escapes text", () => {
    expect(buildXml(vmUpdateToXml({ description: "<a> & \"b\"" }))).toContain("<description>&lt;a&gt; &amp; &quot;b&quot;</description>");
  });

  it("a pool create nests the pool VMs' settings in <vm> under the vm_pool root", () => {
    const xml = buildXml(
      poolToXml({
        name: "desks",
        cluster: { id: "cccc" },
        template: { name: "gold" },
        size: 2,
        prestarted_vms: 0,
        max_user_vms: 1,
        type: "automatic",
        stateful: false,
        vm: { display: { smartcard_enabled: true }, sso_methods: ["guest_agent"] },
      }),
    );
    expect(xml).toBe(
      '<vm_pool><name>desks</name><cluster id="cccc"/><template><name>gold</name></template><size>2</size>' +
        "<prestarted_vms>0</prestarted_vms><max_user_vms>1</max_user_vms><type>automatic</type><stateful>false</stateful>" +
        '<vm><display><smartcard_enabled>true</smartcard_enabled></display><sso><methods><method id="guest_agent"/></methods></sso></vm></vm_pool>',
    );
  });

  it("a template create names its source VM by id", () => {
    expect(buildXml(templateCreateToXml({ name: "gold", vm: { id: "aaaa" }, description: "d" }))).toBe(
      '<template><name>gold</name><description>d</description><vm id="aaaa"/></template>',
    );
  });

  it("a ticket request carries the expiry", () => {
    expect(buildXml(ticketRequestToXml(120))).toBe("<action><ticket><expiry>120</expiry></ticket></action>");
  });

  it("round-trips a VM's settings", () => {
    const vm = parseVm(VM_XML);
    const { id: _id, status: _s, next_run_configuration_exists: _n, template, ...base } = vm;
    const xml = buildXml(vmCreateToXml({ ...base, name: vm.name, cluster: vm.cluster ?? {}, template: template ?? {} }));
    const back = parseVm(xml.replace("<vm>", '<vm id="aaaa"><status>up</status>'));
    expect({ ...back, next_run_configuration_exists: true }).toEqual(vm);
  });
});
