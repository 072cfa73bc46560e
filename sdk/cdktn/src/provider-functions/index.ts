// generated from provider function schema

import * as cdktn from 'cdktn';

/**
* Provider-defined functions of the ovirt provider.
*/
export class OvirtProviderFunctions {
  private readonly providerLocalName: string;

  /**
  * @param providerLocalName The local name of the provider in required_providers; defaults to the registry short name. Override when the provider is declared under a different local name — aliases do not change the namespace, local names do.
  */
  constructor(providerLocalName: string) {
    this.providerLocalName = providerLocalName;
  }

  /**
  * Render the libvirt domain XML that an oVirt host would run for a VM with these settings. Pure: it contacts no engine, so it works during preview.
  * @param {any} settings - The settings of ovirt_domain_xml, as an object.
  * @returns {string}
  */
  public previewDomainXml(settings: any): string {
    return cdktn.Token.asString(cdktn.TerraformProviderFunction.invoke(this.providerLocalName, "preview_domain_xml", [settings]));
  }
}
