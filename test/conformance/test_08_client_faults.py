"""What other real clients (go-ovirt-client, Ansible's ovirt collection) rely on, seen through the
Python SDK: the empty <comment> the engine always sends, stop and shutdown of a VM that is already
down, the search keys those clients use, and the (empty) NUMA nodes of a VM.
"""

import pytest

import ovirtsdk4 as sdk
import ovirtsdk4.types as types

from helpers import (ADMIN_USER, BLANK_TEMPLATE_ID, MIB, basic_auth_header, raw_request, wait_until_gone,
                     watch_status)

PREFIX = "clientfault-"


def new_vm(system, name, **fields):
    return system.vms_service().add(types.Vm(
        name=name, cluster=types.Cluster(name="Default"), template=types.Template(name="Blank"),
        memory=512 * MIB, **fields))


@pytest.fixture(scope="module")
def plain_vm(system):
    """A VM made without a comment, as pool VMs and most clients' VMs are."""
    vm = new_vm(system, PREFIX + "plain")
    yield vm
    service = system.vms_service().vm_service(vm.id)
    if service.get().status != types.VmStatus.DOWN:
        service.stop()
        watch_status(service, types.VmStatus.DOWN)
    service.remove()
    wait_until_gone(service, what="the VM without a comment")


def test_a_vm_without_a_comment_is_sent_with_an_empty_comment(system, plain_vm, emulator):
    # The SDK reads an absent element as None and an empty one as "".
    assert system.vms_service().vm_service(plain_vm.id).get().comment == ""
    assert [vm.comment for vm in system.vms_service().list(search=f"name={plain_vm.name}")] == [""]
    status, _, body = raw_request(emulator, "GET", f"/ovirt-engine/api/vms/{plain_vm.id}",
                                  headers=basic_auth_header(ADMIN_USER, emulator.password))
    assert status == 200
    text = body.decode()
    assert "<comment/>" in text or "<comment></comment>" in text


def test_templates_always_carry_a_comment_too(system):
    assert system.templates_service().template_service(BLANK_TEMPLATE_ID).get().comment == ""


def test_a_comment_is_sent_back_as_given(system):
    vm = new_vm(system, PREFIX + "commented", comment="kept for the audit")
    service = system.vms_service().vm_service(vm.id)
    try:
        assert service.get().comment == "kept for the audit"
        service.update(types.Vm(comment=""))
        assert service.get().comment == ""
    finally:
        service.remove()
        wait_until_gone(service, what="the commented VM")


def test_stop_and_shutdown_of_a_down_vm_succeed_and_leave_it_down(system, plain_vm):
    service = system.vms_service().vm_service(plain_vm.id)
    assert service.get().status == types.VmStatus.DOWN
    service.stop()
    assert service.get().status == types.VmStatus.DOWN
    service.shutdown()
    assert service.get().status == types.VmStatus.DOWN


def test_stop_of_a_running_vm_still_walks_down(system, plain_vm):
    service = system.vms_service().vm_service(plain_vm.id)
    service.start()
    watch_status(service, types.VmStatus.UP)
    service.stop()
    assert watch_status(service, types.VmStatus.DOWN)[-1] == types.VmStatus.DOWN


def test_templates_are_found_by_data_center_as_go_ovirt_client_searches(system):
    templates = system.templates_service()
    assert [t.id for t in templates.list(search="name=Blank and datacenter=Default")] == [BLANK_TEMPLATE_ID]
    assert templates.list(search="name=Blank and datacenter=Elsewhere") == []


def test_templates_are_found_by_the_name_of_a_vm_made_from_them(system, plain_vm):
    templates = system.templates_service()
    assert [t.id for t in templates.list(search=f"vm.name={plain_vm.name}")] == [BLANK_TEMPLATE_ID]
    assert templates.list(search="vm.name=no-such-vm") == []


def test_vm_searches_with_parentheses_or_and_negation(system, plain_vm):
    vms = system.vms_service()
    # go-ovirt-client's SearchVMs writes exactly this shape.
    query = f'name = "{plain_vm.name}" AND (status = up OR status = down) AND (status != paused)'
    assert [vm.id for vm in vms.list(search=query)] == [plain_vm.id]
    assert vms.list(search=f'name = "{plain_vm.name}" AND (status = up OR status = paused)') == []
    assert [vm.id for vm in vms.list(search=f"name={plain_vm.name} and datacenter=Default and cluster=Default")] == [plain_vm.id]
    assert [vm.id for vm in vms.list(search=f"name={plain_vm.name} and comment=\"\"")] == [plain_vm.id]


def test_clusters_and_pools_are_found_by_data_center(system):
    assert [c.name for c in system.clusters_service().list(search="datacenter=Default")] == ["Default"]
    assert system.vm_pools_service().list(search="datacenter=Elsewhere") == []


def test_an_unknown_search_key_is_still_refused(system):
    with pytest.raises(sdk.Error) as info:
        system.templates_service().list(search="colour=red")
    assert info.value.code == 400


def test_numa_nodes_of_a_vm_are_an_empty_collection(system, plain_vm):
    assert system.vms_service().vm_service(plain_vm.id).numa_nodes_service().list() == []


def test_numa_nodes_of_an_unknown_vm_are_not_found(system):
    with pytest.raises(sdk.NotFoundError):
        system.vms_service().vm_service("11111111-2222-3333-4444-555555555555").numa_nodes_service().list()
