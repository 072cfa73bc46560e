// https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface ConsolePolicyConfig extends cdktn.TerraformMetaArguments {
  /**
  * Id of the VM whose console this policy governs. Give exactly one of `vm_id` and `pool_id`. Changing it replaces the policy.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy#vm_id ConsolePolicy#vm_id}
  */
  readonly vmId?: string;
  /**
  * Id of the pool whose VMs' consoles this policy governs. Give exactly one of `vm_id` and `pool_id`. Changing it replaces the policy.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy#pool_id ConsolePolicy#pool_id}
  */
  readonly poolId?: string;
  /**
  * Offer the target's smartcard on the console. Like the console's "Disable smartcard" option it can only switch an enabled smartcard off; it cannot enable one the target does not have. Defaults to the target's setting.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy#smartcard_enabled ConsolePolicy#smartcard_enabled}
  */
  readonly smartcardEnabled?: boolean | cdktn.IResolvable;
  /**
  * Single sign-on into the guest when a console opens: `guest_agent` (the engine passes the user's login to the guest agent) or `none`. One of "guest_agent", "none". Defaults to `"guest_agent"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy#sso ConsolePolicy#sso}
  */
  readonly sso?: string;
  /**
  * What the guest does when the console disconnects: `none`, `lock_screen` (the default), `logout`, `reboot` or `shutdown`. One of "none", "lock_screen", "logout", "reboot", "shutdown". Defaults to `"lock_screen"`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy#disconnect_action ConsolePolicy#disconnect_action}
  */
  readonly disconnectAction?: string;
  /**
  * Minutes to wait before a `shutdown` disconnect action, giving the user time to reconnect. Defaults to `0`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy#disconnect_action_delay_minutes ConsolePolicy#disconnect_action_delay_minutes}
  */
  readonly disconnectActionDelayMinutes?: number;
  /**
  * Let another user take over a console that someone already holds (oVirt `display.allow_override`). Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy#allow_reconnect ConsolePolicy#allow_reconnect}
  */
  readonly allowReconnect?: boolean | cdktn.IResolvable;
  /**
  * Lifetime of console tickets in seconds. Defaults to `120`.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy#ticket_expiry_seconds ConsolePolicy#ticket_expiry_seconds}
  */
  readonly ticketExpirySeconds?: number;
}

/**
* Represents a {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy ovirt_console_policy}
*/
export class ConsolePolicy extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ovirt_console_policy";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a ConsolePolicy resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ConsolePolicy to import
  * @param importFromId The id of the existing ConsolePolicy that should be imported. Refer to the {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ConsolePolicy to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "ovirt_console_policy", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.opentofu.org/providers/ovirt-vdi/ovirt/0.1.0/docs/resources/console_policy ovirt_console_policy} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ConsolePolicyConfig = {}
  */
  public constructor(scope: Construct, id: string, config: ConsolePolicyConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'ovirt_console_policy',
      terraformGeneratorMetadata: {
        providerName: 'ovirt',
        providerVersion: '0.1.0'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._vmId = config.vmId;
    this._poolId = config.poolId;
    this._smartcardEnabled = config.smartcardEnabled;
    this._sso = config.sso;
    this._disconnectAction = config.disconnectAction;
    this._disconnectActionDelayMinutes = config.disconnectActionDelayMinutes;
    this._allowReconnect = config.allowReconnect;
    this._ticketExpirySeconds = config.ticketExpirySeconds;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // vm_id - computed: false, optional: true, required: false
  private _vmId?: string; 
  public get vmId() {
    return this.getStringAttribute('vm_id');
  }
  public set vmId(value: string) {
    this._vmId = value;
  }
  public resetVmId() {
    this._vmId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vmIdInput() {
    return this._vmId;
  }

  // pool_id - computed: false, optional: true, required: false
  private _poolId?: string; 
  public get poolId() {
    return this.getStringAttribute('pool_id');
  }
  public set poolId(value: string) {
    this._poolId = value;
  }
  public resetPoolId() {
    this._poolId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get poolIdInput() {
    return this._poolId;
  }

  // smartcard_enabled - computed: false, optional: true, required: false
  private _smartcardEnabled?: boolean | cdktn.IResolvable; 
  public get smartcardEnabled() {
    return this.getBooleanAttribute('smartcard_enabled');
  }
  public set smartcardEnabled(value: boolean | cdktn.IResolvable) {
    this._smartcardEnabled = value;
  }
  public resetSmartcardEnabled() {
    this._smartcardEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get smartcardEnabledInput() {
    return this._smartcardEnabled;
  }

  // sso - computed: true, optional: true, required: false
  private _sso?: string; 
  public get sso() {
    return this.getStringAttribute('sso');
  }
  public set sso(value: string) {
    this._sso = value;
  }
  public resetSso() {
    this._sso = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ssoInput() {
    return this._sso;
  }

  // disconnect_action - computed: true, optional: true, required: false
  private _disconnectAction?: string; 
  public get disconnectAction() {
    return this.getStringAttribute('disconnect_action');
  }
  public set disconnectAction(value: string) {
    this._disconnectAction = value;
  }
  public resetDisconnectAction() {
    this._disconnectAction = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disconnectActionInput() {
    return this._disconnectAction;
  }

  // disconnect_action_delay_minutes - computed: true, optional: true, required: false
  private _disconnectActionDelayMinutes?: number; 
  public get disconnectActionDelayMinutes() {
    return this.getNumberAttribute('disconnect_action_delay_minutes');
  }
  public set disconnectActionDelayMinutes(value: number) {
    this._disconnectActionDelayMinutes = value;
  }
  public resetDisconnectActionDelayMinutes() {
    this._disconnectActionDelayMinutes = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disconnectActionDelayMinutesInput() {
    return this._disconnectActionDelayMinutes;
  }

  // allow_reconnect - computed: true, optional: true, required: false
  private _allowReconnect?: boolean | cdktn.IResolvable; 
  public get allowReconnect() {
    return this.getBooleanAttribute('allow_reconnect');
  }
  public set allowReconnect(value: boolean | cdktn.IResolvable) {
    this._allowReconnect = value;
  }
  public resetAllowReconnect() {
    this._allowReconnect = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get allowReconnectInput() {
    return this._allowReconnect;
  }

  // ticket_expiry_seconds - computed: true, optional: true, required: false
  private _ticketExpirySeconds?: number; 
  public get ticketExpirySeconds() {
    return this.getNumberAttribute('ticket_expiry_seconds');
  }
  public set ticketExpirySeconds(value: number) {
    this._ticketExpirySeconds = value;
  }
  public resetTicketExpirySeconds() {
    this._ticketExpirySeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ticketExpirySecondsInput() {
    return this._ticketExpirySeconds;
  }

  // effective_smartcard - computed: true, optional: false, required: false
  public get effectiveSmartcard() {
    return this.getBooleanAttribute('effective_smartcard');
  }

  // console_description - computed: true, optional: false, required: false
  public get consoleDescription() {
    return this.getStringAttribute('console_description');
  }

  // remote_viewer_file - computed: true, optional: false, required: false
  public get remoteViewerFile() {
    return this.getStringAttribute('remote_viewer_file');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      vm_id: cdktn.stringToTerraform(this._vmId),
      pool_id: cdktn.stringToTerraform(this._poolId),
      smartcard_enabled: cdktn.booleanToTerraform(this._smartcardEnabled),
      sso: cdktn.stringToTerraform(this._sso),
      disconnect_action: cdktn.stringToTerraform(this._disconnectAction),
      disconnect_action_delay_minutes: cdktn.numberToTerraform(this._disconnectActionDelayMinutes),
      allow_reconnect: cdktn.booleanToTerraform(this._allowReconnect),
      ticket_expiry_seconds: cdktn.numberToTerraform(this._ticketExpirySeconds),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      vm_id: {
        value: cdktn.stringToHclTerraform(this._vmId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      pool_id: {
        value: cdktn.stringToHclTerraform(this._poolId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      smartcard_enabled: {
        value: cdktn.booleanToHclTerraform(this._smartcardEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      sso: {
        value: cdktn.stringToHclTerraform(this._sso),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      disconnect_action: {
        value: cdktn.stringToHclTerraform(this._disconnectAction),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      disconnect_action_delay_minutes: {
        value: cdktn.numberToHclTerraform(this._disconnectActionDelayMinutes),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      allow_reconnect: {
        value: cdktn.booleanToHclTerraform(this._allowReconnect),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      ticket_expiry_seconds: {
        value: cdktn.numberToHclTerraform(this._ticketExpirySeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
