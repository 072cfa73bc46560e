"""The provider's whole journey, step by step, as the SDK makes it: a SPICE desktop with a smartcard
from Blank, read back, updated, started, changed while up (next run), stopped, turned into a
template, a pool of three with smartcard on its nested VM, console tickets and .vv files, then
everything removed. Steps run in file order and share STATE; a step whose prerequisite failed is
skipped with that reason (the failing step itself is reported as failed).
"""

import json
import time

import pytest

import ovirtsdk4 as sdk
import ovirtsdk4.types as types

from helpers import (BLANK_TEMPLATE_ID, GIB, MIB, SPICE_CONSOLE_ID, basic_auth_header, raw_request,
                     vv_entries, wait_for, wait_until_gone, watch_status)

VM_NAME = "conformance-desktop"
TEMPLATE_NAME = "conformance-template"
POOL_NAME = "conformance-pool"
STATE = {}


def need(*keys):
    missing = [key for key in keys if key not in STATE]
    if missing:
        pytest.skip(f"an earlier step failed to produce {', '.join(missing)}")
    return [STATE[key] for key in keys] if len(keys) > 1 else STATE[keys[0]]


def vms(system):
    return system.vms_service()


def vm_service(system):
    return vms(system).vm_service(need("vm_id"))


@pytest.fixture(scope="module", autouse=True)
def remove_leftovers(system):
    """Whatever a failed step left behind is removed, so later modules start from the seed."""
    yield
    for pool in system.vm_pools_service().list(search=f"name={POOL_NAME}"):
        try:
            system.vm_pools_service().pool_service(pool.id).remove()
        except sdk.Error:
            pass
    for vm in vms(system).list(search=f"name={VM_NAME}"):
        service = vms(system).vm_service(vm.id)
        try:
            if vm.status != types.VmStatus.DOWN:
                service.stop()
                wait_for(lambda: service.get().status, lambda s: s == types.VmStatus.DOWN, what="stop")
            service.remove()
        except (sdk.Error, AssertionError):
            pass
    for template in system.templates_service().list(search=f"name={TEMPLATE_NAME}"):
        try:
            wait_for(lambda: vms(system).list(search=f"name={POOL_NAME}-*"), lambda found: not found,
                     what="the pool's VMs to disappear")
            system.templates_service().template_service(template.id).remove()
        except (sdk.Error, AssertionError):
            pass


def test_create_vm_from_blank_with_spice_and_smartcard(system, default_cluster):
    vm = vms(system).add(types.Vm(
        name=VM_NAME,
        description="created by the conformance suite",
        cluster=types.Cluster(name="Default"),
        template=types.Template(name="Blank"),
        memory=GIB,
        cpu=types.Cpu(topology=types.CpuTopology(sockets=1, cores=2, threads=1)),
        type=types.VmType.DESKTOP,
        usb=types.Usb(enabled=True),
        display=types.Display(type=types.DisplayType.SPICE, smartcard_enabled=True, monitors=1,
                              disconnect_action="lock_screen"),
    ))
    assert vm.id and vm.name == VM_NAME
    # From Blank there are no disks to copy: the engine answers 201 with the VM already down.
    assert vm.status == types.VmStatus.DOWN
    assert vm.cluster.id == default_cluster.id
    STATE["vm_id"] = vm.id


def test_read_vm_back(system, default_cluster):
    vm = vm_service(system).get()
    assert vm.name == VM_NAME
    assert vm.description == "created by the conformance suite"
    assert vm.display.type == types.DisplayType.SPICE
    assert vm.display.smartcard_enabled is True
    assert vm.display.monitors == 1
    # The engine stores the action normalised and echoes it in upper case (reference §1.3).
    assert vm.display.disconnect_action == "LOCK_SCREEN"
    assert vm.memory == GIB
    # Without an explicit maximum the engine uses four times the memory.
    assert vm.memory_policy.max == 4 * GIB
    assert (vm.cpu.topology.sockets, vm.cpu.topology.cores, vm.cpu.topology.threads) == (1, 2, 1)
    assert vm.type == types.VmType.DESKTOP
    assert vm.usb.enabled is True
    assert vm.template.id == BLANK_TEMPLATE_ID
    assert vm.cluster.id == default_cluster.id
    assert vm.status == types.VmStatus.DOWN
    assert vm.next_run_configuration_exists is False


def test_vm_has_one_spice_graphics_console_with_a_hex_id(system):
    consoles = vm_service(system).graphics_consoles_service().list()
    assert [(c.id, c.protocol) for c in consoles] == [(SPICE_CONSOLE_ID, types.GraphicsType.SPICE)]


def test_search_by_name_is_case_insensitive_with_wildcards_and_max(system):
    vm_id = need("vm_id")
    assert [vm.id for vm in vms(system).list(search=f"name={VM_NAME}")] == [vm_id]
    assert [vm.id for vm in vms(system).list(search="name=CONFORMANCE-DESK*")] == [vm_id]
    assert vms(system).list(search="name=no-such-vm-*") == []
    assert len(vms(system).list(max=1)) == 1


def test_vm_reads_as_json_with_the_sdk_token(emulator, connection):
    vm_id = need("vm_id")
    token = connection.authenticate()
    status, headers, body = raw_request(emulator, "GET", f"/ovirt-engine/api/vms/{vm_id}", headers={
        "Accept": "application/json", "Authorization": f"Bearer {token}", "Version": "4"})
    assert status == 200
    assert headers.get("Content-Type", "").startswith("application/json")
    vm = json.loads(body)
    assert vm["id"] == vm_id and vm["name"] == VM_NAME
    # Whether the engine's JSON writes numbers as strings is unverified: accept both.
    assert int(vm["memory"]) == GIB
    assert str(vm["display"]["smartcard_enabled"]).lower() == "true"


def test_update_vm_while_down(system):
    service = vm_service(system)
    updated = service.update(types.Vm(
        memory=2 * GIB + 12345,  # the engine keeps whole MiB, rounding down
        description="updated while down",
        display=types.Display(monitors=2),
    ))
    assert updated.memory == 2 * GIB
    assert updated.description == "updated while down"
    assert updated.display.monitors == 2
    vm = service.get()
    assert (vm.memory, vm.description, vm.display.monitors) == (2 * GIB, "updated while down", 2)
    assert vm.display.smartcard_enabled is True, "an update that did not mention smartcard changed it"
    assert vm.next_run_configuration_exists is False


def test_start_vm_walks_to_up(system):
    service = vm_service(system)
    service.start()
    seen = watch_status(service, types.VmStatus.UP)
    allowed = [types.VmStatus.DOWN, types.VmStatus.WAIT_FOR_LAUNCH, types.VmStatus.POWERING_UP,
               types.VmStatus.UP]
    assert all(status in allowed for status in seen), f"unexpected statuses while starting: {seen}"
    assert seen == sorted(seen, key=allowed.index), f"statuses out of order while starting: {seen}"
    STATE["running"] = True


def test_down_only_change_while_up_becomes_the_next_run_configuration(system):
    need("running")
    service = vm_service(system)
    response = service.update(types.Vm(
        description="changed while up",  # editable at any time: applied now
        display=types.Display(smartcard_enabled=False, monitors=4),  # Down-only: saved for next run
    ))
    # The PUT answers with the current configuration (reference §2.6).
    assert response.display.smartcard_enabled is True
    assert response.display.monitors == 2
    current = service.get()
    assert current.status == types.VmStatus.UP
    assert current.next_run_configuration_exists is True
    assert current.display.smartcard_enabled is True
    assert current.display.monitors == 2
    assert current.description == "changed while up"
    pending = service.get(next_run=True)
    assert pending.display.smartcard_enabled is False
    assert pending.display.monitors == 4
    assert pending.description == "changed while up"
    STATE["next_run_pending"] = True


def test_stop_then_start_applies_the_next_run_configuration(system):
    need("running", "next_run_pending")
    service = vm_service(system)
    service.stop()
    seen = watch_status(service, types.VmStatus.DOWN)
    assert types.VmStatus.UP not in seen[1:], f"the VM came back up while stopping: {seen}"
    stopped = service.get()
    if stopped.next_run_configuration_exists:
        # Still pending while down: it must be unchanged and then applied by the next start.
        assert stopped.display.smartcard_enabled is True
    else:
        assert stopped.display.smartcard_enabled is False and stopped.display.monitors == 4
    service.start()
    watch_status(service, types.VmStatus.UP)
    vm = service.get()
    assert vm.next_run_configuration_exists is False
    assert vm.display.smartcard_enabled is False
    assert vm.display.monitors == 4
    service.stop()
    watch_status(service, types.VmStatus.DOWN)
    vm = service.get()
    assert (vm.display.smartcard_enabled, vm.display.monitors, vm.next_run_configuration_exists) == (
        False, 4, False)
    STATE.pop("running")
    STATE["cycled"] = True


def test_create_template_from_the_down_vm(system):
    vm_id = need("vm_id")
    service = vm_service(system)
    if service.get().status != types.VmStatus.DOWN:
        pytest.skip("the VM is not down (an earlier step failed)")
    templates = system.templates_service()
    template = templates.add(types.Template(name=TEMPLATE_NAME, description="from the desktop",
                                            vm=types.Vm(id=vm_id)))
    assert template.id and template.name == TEMPLATE_NAME
    assert template.status in (types.TemplateStatus.LOCKED, types.TemplateStatus.OK)
    STATE["template_id"] = template.id
    # While the template is made, the source VM is locked; both settle after the delay.
    template_service = templates.template_service(template.id)
    seen = watch_status(template_service, types.TemplateStatus.OK)
    assert set(seen) <= {types.TemplateStatus.LOCKED, types.TemplateStatus.OK}, seen
    watch_status(service, types.VmStatus.DOWN)
    made = template_service.get()
    # The template copies the VM's whole configuration, display included.
    assert made.display.type == types.DisplayType.SPICE
    assert made.display.smartcard_enabled is False
    assert made.display.monitors == 4
    assert made.memory == 2 * GIB
    assert made.cpu.topology.cores == 2
    assert made.version.version_name == "base version"


def test_template_has_a_spice_graphics_console(system):
    template_id = need("template_id")
    service = system.templates_service().template_service(template_id)
    consoles = service.graphics_consoles_service().list()
    assert [c.id for c in consoles] == [SPICE_CONSOLE_ID]


def test_create_pool_of_three_with_smartcard_on_its_nested_vm(system, default_cluster):
    template_id = need("template_id")
    pool = system.vm_pools_service().add(types.VmPool(
        name=POOL_NAME,
        cluster=types.Cluster(name="Default"),
        template=types.Template(id=template_id),
        size=3,
        vm=types.Vm(display=types.Display(smartcard_enabled=True)),
    ))
    assert pool.id and pool.name == POOL_NAME
    STATE["pool_id"] = pool.id
    expected_names = [f"{POOL_NAME}-{n}" for n in (1, 2, 3)]
    pool_vms = wait_for(
        lambda: [vm for vm in vms(system).list(search=f"name={POOL_NAME}-*")
                 if vm.status == types.VmStatus.DOWN],
        lambda found: len(found) == 3, what="three pool VMs down")
    assert sorted(vm.name for vm in pool_vms) == expected_names
    for vm in pool_vms:
        assert vm.vm_pool is not None and vm.vm_pool.id == pool.id, f"{vm.name} is not linked to the pool"
        assert vm.template.id == template_id
        assert vm.display.smartcard_enabled is True, f"{vm.name} lost the nested VM's smartcard"
        assert vm.display.monitors == 4, f"{vm.name} did not take the template's monitors"
        assert vm.stateless is True, "VMs of a pool that is not stateful are stateless"
    STATE["pool_vm_ids"] = {vm.name: vm.id for vm in pool_vms}


def test_read_pool_back(system):
    pool_id, template_id = need("pool_id", "template_id")
    pool = system.vm_pools_service().pool_service(pool_id).get()
    assert pool.name == POOL_NAME
    assert pool.size == 3
    assert pool.type == types.VmPoolType.AUTOMATIC
    assert pool.max_user_vms == 1
    assert pool.stateful is False
    assert pool.template.id == template_id
    # The engine embeds one of the pool's VMs, display included.
    assert pool.vm is not None and pool.vm.display.smartcard_enabled is True


def test_pool_update_ignores_the_nested_vm(system):
    """The nested VM is honoured on create only (reference §1.5): an update leaves the pool VMs alone."""
    pool_id, pool_vm_ids = need("pool_id", "pool_vm_ids")
    service = system.vm_pools_service().pool_service(pool_id)
    service.update(types.VmPool(vm=types.Vm(display=types.Display(smartcard_enabled=False))))
    for name, vm_id in pool_vm_ids.items():
        vm = vms(system).vm_service(vm_id).get()
        assert vm.display.smartcard_enabled is True, f"{name} lost its smartcard through a pool update"
    assert service.get().vm.display.smartcard_enabled is True


def test_console_ticket_defaults_to_7200_seconds(system):
    service = vm_service(system)
    service.start()
    watch_status(service, types.VmStatus.UP)
    STATE["running"] = True
    console = service.graphics_consoles_service().console_service(SPICE_CONSOLE_ID)
    ticket = console.ticket()
    assert ticket.value, "the engine generated no ticket value"
    assert ticket.expiry == 7200
    asked = console.ticket(ticket=types.Ticket(expiry=120))
    assert asked.expiry == 120 and asked.value


def test_remote_viewer_file_follows_the_vm_smartcard(system):
    need("running")
    service = vm_service(system)
    console = service.graphics_consoles_service().console_service(SPICE_CONSOLE_ID)
    text = console.remote_viewer_connection_file()
    sections, comments = vv_entries(text)
    viewer = sections["virt-viewer"]
    assert viewer["type"] == "spice"
    assert viewer["password"], "the .vv file carries no ticket"
    assert "# Password is valid for 120 seconds." in comments
    # The title names the VM (real files add a monitor placeholder and a release-cursor hint).
    assert viewer["title"].startswith(VM_NAME)
    assert viewer["delete-this-file"] == "1"
    # This VM's smartcard was switched off through the next-run configuration.
    assert viewer["enable-smartcard"] == "0"
    ovirt = sections["ovirt"]
    assert ovirt["vm-guid"] == need("vm_id")
    assert ovirt["sso-token"] == "<set>", "the [ovirt] section carries no SSO token"
    assert ovirt["admin"] == "1", "an unfiltered admin request gives admin=1"


def test_remote_viewer_file_of_a_pool_vm_enables_the_smartcard(system):
    pool_vm_ids = need("pool_vm_ids")
    service = vms(system).vm_service(pool_vm_ids[f"{POOL_NAME}-1"])
    service.start()
    watch_status(service, types.VmStatus.UP)
    console = service.graphics_consoles_service().console_service(SPICE_CONSOLE_ID)
    sections, comments = vv_entries(console.remote_viewer_connection_file())
    assert sections["virt-viewer"]["enable-smartcard"] == "1"
    assert sections["virt-viewer"]["title"].startswith(f"{POOL_NAME}-1")
    assert "# Password is valid for 120 seconds." in comments


def test_update_with_next_run_true_saves_everything_for_the_next_run(system):
    """PUT ?next_run=true applies nothing now, not even fields editable while up (reference §2.6)."""
    need("running")
    service = vm_service(system)
    before = service.get()
    assert before.status == types.VmStatus.UP
    service.update(types.Vm(description="only on the next run"), next_run=True)
    current = service.get()
    assert current.description == before.description
    assert current.next_run_configuration_exists is True
    assert service.get(next_run=True).description == "only on the next run"


def test_ticket_for_a_stopped_vm_is_refused(system):
    pool_vm_ids = need("pool_vm_ids")
    service = vms(system).vm_service(pool_vm_ids[f"{POOL_NAME}-3"])
    assert service.get().status == types.VmStatus.DOWN
    console = service.graphics_consoles_service().console_service(SPICE_CONSOLE_ID)
    with pytest.raises(sdk.Error) as info:
        console.ticket()
    assert info.value.code == 409, str(info.value)
    assert str(info.value).startswith('Fault reason is "Operation Failed". Fault detail is "['), str(info.value)


def test_remote_viewer_file_of_a_stopped_vm_is_204(system):
    pool_vm_ids = need("pool_vm_ids")
    service = vms(system).vm_service(pool_vm_ids[f"{POOL_NAME}-2"])
    assert service.get().status == types.VmStatus.DOWN
    console = service.graphics_consoles_service().console_service(SPICE_CONSOLE_ID)
    # The engine answers 204 No Content; the SDK, expecting an action, turns that into an error.
    with pytest.raises(sdk.Error) as info:
        console.remote_viewer_connection_file()
    assert info.value.code == 204


def test_remove_everything(system, seeded):
    pool_id = need("pool_id")
    pools = system.vm_pools_service()
    # Removing a pool stops and removes its VMs (one of them is running).
    pools.pool_service(pool_id).remove()
    wait_until_gone(pools.pool_service(pool_id), what="the pool")
    wait_for(lambda: vms(system).list(search=f"name={POOL_NAME}-*"), lambda found: not found,
             what="the pool's VMs to be removed")
    service = vm_service(system)
    if service.get().status != types.VmStatus.DOWN:
        service.stop()
        watch_status(service, types.VmStatus.DOWN)
    service.remove()
    wait_until_gone(service, what="the desktop VM")
    template_id = need("template_id")
    template_service = system.templates_service().template_service(template_id)
    template_service.remove()
    wait_until_gone(template_service, what="the template")
    time.sleep(0.1)
    assert sorted(vm.id for vm in vms(system).list()) == seeded["vms"]
    assert sorted(t.id for t in system.templates_service().list()) == seeded["templates"]
    assert sorted(p.id for p in pools.list()) == seeded["vm_pools"]
