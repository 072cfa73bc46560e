"""A VM's initialization (the engine's VmInit) as the SDK writes and reads it: cloud-init and sysprep
fields, NIC configurations, the masked root password, an update that merges, and the run-once flags."""

import pytest

import ovirtsdk4.types as types

from helpers import MIB, wait_for, wait_until_gone

PREFIX = "init-"
PASSWORD = "Conformance-Root-Pw-4412"


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
        if service.get().status != types.VmStatus.DOWN:
            service.stop()
            wait_for(service.get, lambda v: v.status == types.VmStatus.DOWN, what=f"VM {vm.name} down")
        service.remove()
        wait_until_gone(service, what=f"VM {vm.name}")


def test_cloud_init_fields_and_nic_configurations_round_trip(make_vm):
    service = make_vm("cloud-init", initialization=types.Initialization(
        host_name="desk-01", timezone="Europe/Berlin", user_name="alice",
        authorized_ssh_keys="ssh-ed25519 AAAA alice@a\nssh-ed25519 BBBB alice@b", custom_script="runcmd:\n  - true",
        dns_servers="10.0.0.53 10.0.1.53",
        nic_configurations=[types.NicConfiguration(
            name="eth0", boot_protocol=types.BootProtocol.STATIC, on_boot=True,
            ip=types.Ip(address="10.0.0.20", netmask="255.255.255.0", gateway="10.0.0.1"))]))
    init = service.get().initialization
    assert (init.host_name, init.timezone, init.user_name) == ("desk-01", "Europe/Berlin", "alice")
    assert init.authorized_ssh_keys == "ssh-ed25519 AAAA alice@a\nssh-ed25519 BBBB alice@b"
    assert init.dns_servers == "10.0.0.53 10.0.1.53"
    assert init.root_password is None
    [nic] = init.nic_configurations
    assert (nic.name, nic.boot_protocol, nic.on_boot) == ("eth0", types.BootProtocol.STATIC, True)
    assert (nic.ip.address, nic.ip.netmask, nic.ip.gateway) == ("10.0.0.20", "255.255.255.0", "10.0.0.1")


def test_sysprep_root_password_is_never_shown(make_vm):
    service = make_vm("sysprep", initialization=types.Initialization(
        host_name="WIN01", domain="corp.example", org_name="Example", root_password=PASSWORD))
    init = service.get().initialization
    assert (init.host_name, init.domain, init.org_name) == ("WIN01", "corp.example", "Example")
    # The engine answers a mask whenever a password is stored.
    assert init.root_password == "******"
    assert PASSWORD not in str(service.get(all_content=True).initialization.root_password)


def test_an_update_keeps_what_it_leaves_out_and_clears_what_it_empties(make_vm):
    service = make_vm("merge", initialization=types.Initialization(host_name="a", user_name="bob", custom_script="x: 1"))
    service.update(types.Vm(initialization=types.Initialization(host_name="b", custom_script="")))
    init = service.get().initialization
    assert (init.host_name, init.user_name, init.custom_script) == ("b", "bob", None)


def test_start_takes_the_run_once_initialization_flags(make_vm):
    service = make_vm("run-once", initialization=types.Initialization(host_name="once"))
    service.start(use_cloud_init=True)
    wait_for(service.get, lambda v: v.status == types.VmStatus.UP, what="VM up")
    assert service.get().initialization.host_name == "once"
