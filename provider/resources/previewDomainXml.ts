// ovirt:index:previewDomainXml — the libvirt domain XML an oVirt host would run for a VM with these
// settings. Pure: the same library renders every `domainXml` output, and no engine is contacted,
// so it answers during `pulumi preview` before anything exists.

import { checkInputs, notBlank, oneOfNumbers, VALID_MONITORS } from "./check.ts";
import { displayOf, domainXmlFor, smartcardRule } from "./display.ts";
import type { PreviewDomainXmlArgs } from "../shapes.generated.ts";
import type { FunctionHandler } from "./types.ts";
import { diskRules } from "./vmDisks.ts";
import { desktopRule } from "./desktop.ts";
import { nicRules } from "./vmNics.ts";

const TOKEN = "ovirt:index:previewDomainXml";

export const previewDomainXmlFunction: FunctionHandler = {
  token: TOKEN,

  async invoke(args) {
    const { inputs, failures } = await checkInputs<PreviewDomainXmlArgs>(TOKEN, args, [
      notBlank("name"),
      oneOfNumbers("monitors", VALID_MONITORS, "the engine supports 1, 2 or 4 SPICE monitors."),
      smartcardRule(),
      diskRules,
      nicRules,
      desktopRule(args),
    ]);
    if (failures.length > 0) return { outputs: {}, failures };
    const xml = domainXmlFor({
      name: inputs.name,
      memoryMb: inputs.memoryMb,
      cpuCores: inputs.cpuCores,
      vmType: inputs.vmType,
      usbEnabled: inputs.usbEnabled,
      display: displayOf(inputs),
      disks: inputs.disks,
      nics: inputs.nics,
      desktop: inputs,
    });
    return { outputs: { xml }, failures: [] };
  },
};
