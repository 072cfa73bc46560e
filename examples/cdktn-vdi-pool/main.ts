// A smartcard VDI pool with CDK Terrain: a golden VM (with a disk and a NIC), a template copied from it, a pool of desktops
// with smartcard pass-through, and their console policy; plus the domain-XML preview, both as a data
// source and as the provider function. `cdktn deploy` applies it through Terraform or OpenTofu with
// terraform-provider-ovirt. The engine comes from OVIRT_URL, OVIRT_USERNAME, OVIRT_PASSWORD and
// OVIRT_CAFILE.

import { App, TerraformOutput, TerraformStack } from "cdktn";
import type { Construct } from "constructs";
import { consolePolicy, dataOvirtDomainXml, permission, pool, provider, providerFunctions, template, vm } from "@ovirt-vdi/cdktn-provider-ovirt";

class VdiPool extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new provider.OvirtProvider(this, "ovirt", {});

    const golden = new vm.Vm(this, "golden", {
      name: "cdk-golden",
      smartcardEnabled: true,
      usbEnabled: true,
      disks: [{ name: "system", sizeGb: 2, bootable: true }],
      nics: [{ name: "nic1", network: "ovirtmgmt" }],
    });
    const desktopTemplate = new template.Template(this, "template", {
      name: "cdk-desk-template",
      sourceVm: golden.vmId,
      smartcardEnabled: true,
    });
    // The next image: a version of the same template (the engine numbers it, 2).
    const v2 = new template.Template(this, "template_v2", {
      name: desktopTemplate.name,
      sourceVm: golden.vmId,
      baseTemplate: desktopTemplate.templateId,
      versionName: "v2",
      smartcardEnabled: true,
    });
    // The pool follows the newest version, and a directory group may take its desktops (the
    // provider adds the group from the directory, and removes it again on destroy).
    const desks = new pool.Pool(this, "desks", {
      name: "cdk-desks",
      template: desktopTemplate.templateId,
      size: 2,
      smartcardEnabled: true,
      useLatestTemplateVersion: true,
      groups: ["vdi-users@internal"],
      // A pool that follows the newest version runs on one its `template` does not name.
      dependsOn: [v2],
    });
    // The helpdesk may power the pool's desktops.
    new permission.Permission(this, "helpdesk", { group: "helpdesk@internal", role: "UserVmManager", poolId: desks.poolId });
    new consolePolicy.ConsolePolicy(this, "console", { poolId: desks.poolId, ticketExpirySeconds: 60 });

    const preview = new dataOvirtDomainXml.DataOvirtDomainXml(this, "preview", { name: "cdk-preview", smartcardEnabled: true });
    const functions = new providerFunctions.OvirtProviderFunctions("ovirt");

    new TerraformOutput(this, "pool_console", { value: desks.consoleDescription });
    new TerraformOutput(this, "pool_vm_names", { value: desks.vmNames });
    new TerraformOutput(this, "golden_disk_id", { value: golden.disks.get(0).diskId });
    new TerraformOutput(this, "preview_xml", { value: preview.xml });
    new TerraformOutput(this, "function_xml", {
      value: functions.previewDomainXml({ name: "cdk-function", smartcard_enabled: true, memory_mb: 2048 }),
    });
  }
}

const app = new App();
new VdiPool(app, "vdi-pool");
app.synth();
