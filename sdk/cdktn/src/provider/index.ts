// https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface OvirtProviderConfig {
  /**
  * URL of the engine's REST API, such as `https://engine.example.com/ovirt-engine/api`. Falls back to the `OVIRT_URL` environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs#url OvirtProvider#url}
  */
  readonly url?: string;
  /**
  * User to log in as, in `user@profile` form; the engine's built-in administrator is `admin` on the `internal` profile. Falls back to the `OVIRT_USERNAME` environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs#username OvirtProvider#username}
  */
  readonly username?: string;
  /**
  * Password of `username`. Falls back to the `OVIRT_PASSWORD` environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs#password OvirtProvider#password}
  */
  readonly password?: string;
  /**
  * Path to a PEM file with the engine's CA certificate. Without it the system's trusted CAs are used. Falls back to the `OVIRT_CAFILE` environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs#ca_file OvirtProvider#ca_file}
  */
  readonly caFile?: string;
  /**
  * Skip TLS certificate verification. Only for throw-away test engines. Falls back to the `OVIRT_INSECURE` environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs#insecure OvirtProvider#insecure}
  */
  readonly insecure?: boolean | cdktn.IResolvable;
  /**
  * Allow a plain `http://` URL, which sends the password and console tickets unencrypted. Refused without it; the provider warns on every run that uses it. Only for test engines on a trusted network. Falls back to the `OVIRT_INSECURE_HTTP` environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs#insecure_http OvirtProvider#insecure_http}
  */
  readonly insecureHttp?: boolean | cdktn.IResolvable;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs#alias OvirtProvider#alias}
  */
  readonly alias?: string;
}

import { OvirtProviderFunctions } from '../provider-functions/index';
/**
* Represents a {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs ovirt}
*/
export class OvirtProvider extends cdktn.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ovirt";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a OvirtProvider resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the OvirtProvider to import
  * @param importFromId The id of the existing OvirtProvider that should be imported. Refer to the {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the OvirtProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "ovirt", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs ovirt} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options OvirtProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: OvirtProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'ovirt',
      terraformGeneratorMetadata: {
        providerName: 'ovirt',
        providerVersion: '0.1.0'
      },
      terraformProviderSource: 'registry.opentofu.org/ovirt-vdi/ovirt'
    });
    this._url = config.url;
    this._username = config.username;
    this._password = config.password;
    this._caFile = config.caFile;
    this._insecure = config.insecure;
    this._insecureHttp = config.insecureHttp;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // url - computed: false, optional: true, required: false
  private _url?: string; 
  public get url() {
    return this._url;
  }
  public set url(value: string | undefined) {
    this._url = value;
  }
  public resetUrl() {
    this._url = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get urlInput() {
    return this._url;
  }

  // username - computed: false, optional: true, required: false
  private _username?: string; 
  public get username() {
    return this._username;
  }
  public set username(value: string | undefined) {
    this._username = value;
  }
  public resetUsername() {
    this._username = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get usernameInput() {
    return this._username;
  }

  // password - computed: false, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this._password;
  }
  public set password(value: string | undefined) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }

  // ca_file - computed: false, optional: true, required: false
  private _caFile?: string; 
  public get caFile() {
    return this._caFile;
  }
  public set caFile(value: string | undefined) {
    this._caFile = value;
  }
  public resetCaFile() {
    this._caFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get caFileInput() {
    return this._caFile;
  }

  // insecure - computed: false, optional: true, required: false
  private _insecure?: boolean | cdktn.IResolvable; 
  public get insecure() {
    return this._insecure;
  }
  public set insecure(value: boolean | cdktn.IResolvable | undefined) {
    this._insecure = value;
  }
  public resetInsecure() {
    this._insecure = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get insecureInput() {
    return this._insecure;
  }

  // insecure_http - computed: false, optional: true, required: false
  private _insecureHttp?: boolean | cdktn.IResolvable; 
  public get insecureHttp() {
    return this._insecureHttp;
  }
  public set insecureHttp(value: boolean | cdktn.IResolvable | undefined) {
    this._insecureHttp = value;
  }
  public resetInsecureHttp() {
    this._insecureHttp = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get insecureHttpInput() {
    return this._insecureHttp;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // ==========================
  // PROVIDER-DEFINED FUNCTIONS
  // ==========================
  private _functions?: OvirtProviderFunctions;

  /**
  * Provider-defined functions of the ovirt provider.
  */
  public get functions(): OvirtProviderFunctions {
    if (!this._functions) {
      this._functions = new OvirtProviderFunctions(this.terraformResourceType);
    }
    return this._functions;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      url: cdktn.stringToTerraform(this._url),
      username: cdktn.stringToTerraform(this._username),
      password: cdktn.stringToTerraform(this._password),
      ca_file: cdktn.stringToTerraform(this._caFile),
      insecure: cdktn.booleanToTerraform(this._insecure),
      insecure_http: cdktn.booleanToTerraform(this._insecureHttp),
      alias: cdktn.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      url: {
        value: cdktn.stringToHclTerraform(this._url),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      username: {
        value: cdktn.stringToHclTerraform(this._username),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      password: {
        value: cdktn.stringToHclTerraform(this._password),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ca_file: {
        value: cdktn.stringToHclTerraform(this._caFile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      insecure: {
        value: cdktn.booleanToHclTerraform(this._insecure),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      insecure_http: {
        value: cdktn.booleanToHclTerraform(this._insecureHttp),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      alias: {
        value: cdktn.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
