"""The generated Python SDK under pulumi.runtime.set_mocks: what a program's arguments become on
the wire (schema names, defaults, secrets), and how the engine's answers come back as outputs."""

import pulumi
import pulumi_ovirt as ovirt
import pytest

SMARTCARD = '<smartcard mode="passthrough" type="spicevmc"/>'


def check(*outputs):
    """Runs `assertions(values)` once the outputs resolve; for a @pulumi.runtime.test to return."""

    def with_assertions(assertions):
        return pulumi.Output.all(*outputs).apply(lambda values: assertions(*values))

    return with_assertions


@pulumi.runtime.test
def test_vm_arguments_reach_the_engine_under_their_schema_names(mocks):
    desk = ovirt.Vm(
        "desk",
        name="desk-01",
        cluster="Default",
        memory_mb=4096,
        cpu_cores=2,
        vm_type="desktop",
        display_type="spice",
        smartcard_enabled=True,
        usb_enabled=True,
        monitors=2,
        running=True,
        users=["alice@internal"],
    )

    def assertions(_urn):
        assert mocks.inputs_of("ovirt:index:Vm") == {
            "name": "desk-01",
            "cluster": "Default",
            "memoryMb": 4096,
            "cpuCores": 2,
            "vmType": "desktop",
            "displayType": "spice",
            "smartcardEnabled": True,
            "usbEnabled": True,
            "monitors": 2,
            "running": True,
            "users": ["alice@internal"],
            # Not given, so the schema's defaults fill them in.
            "template": "Blank",
            "cloneFromTemplate": False,
        }

    return check(desk.urn)(assertions)


@pulumi.runtime.test
def test_engine_computed_outputs_come_back_as_python_attributes(mocks):
    mocks.computed["ovirt:index:Vm"] = {
        "vmId": "7c1e2d4a",
        "consoleDescription": "Spice with Smartcard",
        "domainXml": f"<domain type='kvm'><devices>{SMARTCARD}</devices></domain>",
        "pendingRestart": False,
    }
    desk = ovirt.Vm("desk", name="desk-01", smartcard_enabled=True)

    def assertions(vm_id, description, xml, pending, resource_id):
        assert vm_id == "7c1e2d4a"
        assert description == "Spice with Smartcard"
        assert SMARTCARD in xml
        assert pending is False
        assert resource_id == "desk-id"

    return check(desk.vm_id, desk.console_description, desk.domain_xml, desk.pending_restart, desk.id)(assertions)


@pulumi.runtime.test
def test_the_golden_vm_template_pool_chain_passes_ids_along(mocks):
    mocks.computed["ovirt:index:Vm"] = {"vmId": "vm-golden"}
    mocks.computed["ovirt:index:Pool"] = {"poolId": "pool-7", "vmNames": ["desk-1", "desk-2"]}
    golden = ovirt.Vm("golden", name="golden", running=False, smartcard_enabled=True)
    template = ovirt.Template("tpl", name="tpl", source_vm=golden.vm_id, smartcard_enabled=True)
    pool = ovirt.Pool("desks", name="desk", template=template.id, size=2, pool_type="automatic")
    policy = ovirt.ConsolePolicy("console", pool_id=pool.pool_id, sso="guest_agent", smartcard_enabled=False)

    def assertions(vm_names, _policy_urn):
        assert mocks.inputs_of("ovirt:index:Template")["sourceVm"] == "vm-golden"
        assert mocks.inputs_of("ovirt:index:Pool")["template"] == "tpl-id"
        assert mocks.inputs_of("ovirt:index:ConsolePolicy")["poolId"] == "pool-7"
        assert mocks.inputs_of("ovirt:index:ConsolePolicy")["smartcardEnabled"] is False
        assert vm_names == ["desk-1", "desk-2"]

    return check(pool.vm_names, policy.urn)(assertions)


@pulumi.runtime.test
def test_console_policy_fills_in_the_schema_defaults(mocks):
    policy = ovirt.ConsolePolicy("console", vm_id="vm-1")

    def assertions(_urn):
        sent = mocks.inputs_of("ovirt:index:ConsolePolicy")
        assert sent["vmId"] == "vm-1"
        assert sent["sso"] == "guest_agent"
        assert sent["disconnectAction"] == "lock_screen"
        assert sent["allowReconnect"] is False
        assert sent["ticketExpirySeconds"] == 120
        assert "smartcardEnabled" not in sent

    return check(policy.urn)(assertions)


@pulumi.runtime.test
def test_the_provider_password_is_sent_as_a_secret(mocks):
    provider = ovirt.Provider(
        "engine",
        url="https://engine.example.com/ovirt-engine/api",
        username="admin@internal",
        password="s3cret-pw",
        insecure=False,
    )
    desk = ovirt.Vm("desk", name="desk-01", opts=pulumi.ResourceOptions(provider=provider))

    def assertions(_urn):
        sent = mocks.inputs_of("pulumi:providers:ovirt")
        # The wire form of a secret: the value wrapped with Pulumi's secret signature.
        assert sent["password"] == {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "value": "s3cret-pw"}
        assert sent["url"] == "https://engine.example.com/ovirt-engine/api"
        assert sent["username"] == "admin@internal"
        vm = next(r for r in mocks.resources if r.typ == "ovirt:index:Vm")
        # The explicit provider, referenced as `<urn>::<id>`.
        assert vm.provider.endswith("pulumi:providers:ovirt::engine::engine-id")

    return check(desk.urn)(assertions)


@pulumi.runtime.test
def test_a_secret_input_stays_secret_in_the_outputs(mocks):
    desk = ovirt.Vm("desk", name="desk-01", description=pulumi.Output.secret("room 4.12, badge 0042"))

    def assertions(description_secret, name_secret):
        assert description_secret is True
        assert name_secret is False

    return check(desk.description.is_secret(), desk.name.is_secret())(assertions)


def test_preview_domain_xml_calls_the_function_with_schema_names(mocks):
    mocks.call_results["ovirt:index:previewDomainXml"] = {"xml": f"<domain><devices>{SMARTCARD}</devices></domain>"}
    result = ovirt.preview_domain_xml(name="desk-01", display_type="spice", smartcard_enabled=True, memory_mb=2048)

    assert SMARTCARD in result.xml
    assert [c.token for c in mocks.calls] == ["ovirt:index:previewDomainXml"]
    assert mocks.calls[0].args == {"name": "desk-01", "displayType": "spice", "smartcardEnabled": True, "memoryMb": 2048}


@pulumi.runtime.test
def test_preview_domain_xml_output_form_accepts_outputs(mocks):
    mocks.computed["ovirt:index:Vm"] = {"vmId": "vm-1"}
    mocks.call_results["ovirt:index:previewDomainXml"] = {"xml": "<domain><name>golden</name></domain>"}
    golden = ovirt.Vm("golden", name="golden")
    preview = ovirt.preview_domain_xml_output(name=golden.name, smartcard_enabled=True)

    def assertions(xml):
        assert xml == "<domain><name>golden</name></domain>"
        assert mocks.calls[-1].args == {"name": "golden", "smartcardEnabled": True}

    return check(preview.xml)(assertions)


def test_a_required_input_left_out_is_refused_before_anything_is_sent(mocks):
    with pytest.raises(TypeError, match="name"):
        ovirt.Pool("desks", template="tpl")
    assert mocks.resources == []
