"""Display, SSO and graphics-console settings as the SDK writes and reads them (reference §1.2, §1.3, §6)."""

import pytest

import ovirtsdk4 as sdk
import ovirtsdk4.types as types

from helpers import MIB, SPICE_CONSOLE_ID, VNC_CONSOLE_ID, wait_until_gone

PREFIX = "settings-"


@pytest.fixture
def make_vm(system):
    made = []

    def make(name, **fields):
        vm = system.vms_service().add(types.Vm(
            name=PREFIX + name, cluster=types.Cluster(name="Default"), template=types.Template(name="Blank"),
            memory=256 * MIB, **fields))
        made.append(vm)
        return system.vms_service().vm_service(vm.id)

    yield make
    for vm in made:
        service = system.vms_service().vm_service(vm.id)
        service.remove()
        wait_until_gone(service, what=f"VM {vm.name}")


def test_spice_display_options_round_trip(make_vm):
    service = make_vm("spice-options", display=types.Display(
        type=types.DisplayType.SPICE, monitors=2, copy_paste_enabled=False, file_transfer_enabled=False,
        allow_override=True, disconnect_action="shutdown", disconnect_action_delay=5))
    display = service.get().display
    assert display.type == types.DisplayType.SPICE
    assert display.monitors == 2
    assert display.copy_paste_enabled is False
    assert display.file_transfer_enabled is False
    assert display.allow_override is True
    assert display.disconnect_action == "SHUTDOWN"
    assert display.disconnect_action_delay == 5
    assert display.smartcard_enabled is False


def test_vnc_display_keeps_its_keyboard_layout(make_vm):
    service = make_vm("vnc-layout", display=types.Display(type=types.DisplayType.VNC, keyboard_layout="de"))
    display = service.get().display
    assert display.type == types.DisplayType.VNC
    assert display.keyboard_layout == "de"
    consoles = service.graphics_consoles_service().list()
    assert [(c.id, c.protocol) for c in consoles] == [(VNC_CONSOLE_ID, types.GraphicsType.VNC)]


def test_negative_disconnect_action_delay_is_400(make_vm):
    with pytest.raises(sdk.Error) as info:
        make_vm("negative-delay", display=types.Display(type=types.DisplayType.SPICE, disconnect_action="shutdown",
                                                         disconnect_action_delay=-1))
    assert info.value.code == 400, str(info.value)


def test_sso_guest_agent_on_and_off(make_vm):
    service = make_vm("sso", sso=types.Sso(methods=[types.Method(id=types.SsoMethod.GUEST_AGENT)]))
    methods = service.get().sso.methods
    assert [m.id for m in methods] == [types.SsoMethod.GUEST_AGENT]
    # An empty <methods/> turns single sign-on off (reference §1.2, SsoMapper).
    service.update(types.Vm(sso=types.Sso(methods=[])))
    assert not service.get().sso.methods


def test_graphics_consoles_can_be_added_and_removed(make_vm):
    service = make_vm("consoles", display=types.Display(type=types.DisplayType.SPICE))
    consoles = service.graphics_consoles_service()
    added = consoles.add(types.GraphicsConsole(protocol=types.GraphicsType.VNC))
    assert added.id == VNC_CONSOLE_ID
    assert sorted(c.id for c in consoles.list()) == sorted([SPICE_CONSOLE_ID, VNC_CONSOLE_ID])
    # SPICE wins the display type when the VM has both.
    assert service.get().display.type == types.DisplayType.SPICE
    consoles.console_service(SPICE_CONSOLE_ID).remove()
    assert [c.id for c in consoles.list()] == [VNC_CONSOLE_ID]
    assert service.get().display.type == types.DisplayType.VNC
    consoles.console_service(VNC_CONSOLE_ID).remove()
    assert consoles.list() == []
    # A headless VM has no <display> element at all (reference §1.3).
    assert service.get().display is None


def test_unknown_graphics_console_is_404(make_vm):
    service = make_vm("no-vnc", display=types.Display(type=types.DisplayType.SPICE))
    with pytest.raises(sdk.NotFoundError):
        service.graphics_consoles_service().console_service(VNC_CONSOLE_ID).get()


def test_template_creation_blocks_with_x_ovirt_expect(system, make_vm):
    """`X-Ovirt-Expect: 201-created` makes the engine wait for the asynchronous work (reference §2.2)."""
    service = make_vm("blocking-source")
    source_id = service.get().id
    template = system.templates_service().add(
        types.Template(name=PREFIX + "blocking-template", vm=types.Vm(id=source_id)),
        headers={"X-Ovirt-Expect": "201-created"})
    template_service = system.templates_service().template_service(template.id)
    try:
        assert template.status == types.TemplateStatus.OK
        assert service.get().status == types.VmStatus.DOWN
    finally:
        template_service.remove()
        wait_until_gone(template_service, what="the blocking template")
