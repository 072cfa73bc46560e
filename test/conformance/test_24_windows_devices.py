"""Windows 11 desktops through the official SDK (issue 24): firmware, TPM, OS, time zone, sound, video,
keyboard, HA, boot order, memory and CPU; ISO files and CD-ROM media changes; delete protection.

Each check follows the engine: AddVmCommand / UpdateVmCommand validation (TPM needs UEFI on x86,
osinfo's TPM requirement, TimeZoneValidator), BackendVmCdromResource (current / next run) and
RemoveVmCommand's delete protection."""

import pytest

import ovirtsdk4 as sdk
import ovirtsdk4.types as types

from helpers import MIB, GIB, operation_failed, expect_error, wait_for, wait_until_gone, watch_status

PREFIX = "win24-"


@pytest.fixture
def make_vm(system):
    made = []

    def make(name, **fields):
        fields.setdefault("memory", 256 * MIB)
        vm = system.vms_service().add(types.Vm(
            name=PREFIX + name, cluster=types.Cluster(name="Default"), template=types.Template(name="Blank"), **fields))
        made.append(vm)
        return system.vms_service().vm_service(vm.id)

    yield make
    for vm in made:
        service = system.vms_service().vm_service(vm.id)
        try:
            current = service.get()
        except sdk.NotFoundError:
            continue
        if current.status != types.VmStatus.DOWN:
            service.stop()
            wait_for(lambda: service.get().status, lambda s: s == types.VmStatus.DOWN, what="stop")
        if current.delete_protected:
            service.update(types.Vm(delete_protected=False))
        service.remove()
        wait_until_gone(service, what=f"VM {vm.name}")


@pytest.fixture
def iso_file(system):
    """An ISO image uploaded to the data domain as a disk with content type iso (what 4.4+ engines list as files)."""
    disks = system.disks_service()
    data = system.storage_domains_service().list(search="name=data")[0]
    disk = disks.add(types.Disk(
        name=PREFIX + "virtio-win.iso", content_type=types.DiskContentType.ISO, format=types.DiskFormat.RAW,
        sparse=False, provisioned_size=4 * MIB, storage_domains=[types.StorageDomain(id=data.id)]))
    service = disks.disk_service(disk.id)
    wait_for(lambda: service.get().status, lambda s: s == types.DiskStatus.OK, what="the ISO disk")
    yield disk
    service.remove()
    wait_until_gone(service, what="the ISO disk")


def windows11(**overrides):
    fields = dict(
        os=types.OperatingSystem(type="windows_11", boot=types.Boot(devices=[types.BootDevice.CDROM, types.BootDevice.HD])),
        bios=types.Bios(type=types.BiosType.Q35_SECURE_BOOT),
        tpm_enabled=True,
        time_zone=types.TimeZone(name="W. Europe Standard Time"),
        soundcard_enabled=True,
        display=types.Display(type=types.DisplayType.SPICE, video_type=types.VideoType.QXL, keyboard_layout="de"),
        high_availability=types.HighAvailability(enabled=True, priority=50),
        delete_protected=True,
        memory=4 * GIB,
        memory_policy=types.MemoryPolicy(guaranteed=2 * GIB, max=8 * GIB, ballooning=False),
        cpu=types.Cpu(topology=types.CpuTopology(sockets=2, cores=2, threads=1)),
    )
    fields.update(overrides)
    return fields


def test_a_windows_11_desktop_round_trips_every_setting(make_vm):
    service = make_vm("desktop", **windows11())
    vm = service.get(all_content=True)
    assert vm.os.type == "windows_11"
    assert vm.os.boot.devices == [types.BootDevice.CDROM, types.BootDevice.HD]
    assert vm.bios.type == types.BiosType.Q35_SECURE_BOOT
    assert vm.tpm_enabled is True
    assert vm.time_zone.name == "W. Europe Standard Time"
    assert vm.time_zone.utc_offset == "+01:00"
    assert vm.soundcard_enabled is True
    assert vm.display.video_type == types.VideoType.QXL
    assert vm.display.keyboard_layout == "de"
    assert (vm.high_availability.enabled, vm.high_availability.priority) == (True, 50)
    assert vm.delete_protected is True
    assert vm.memory_policy.guaranteed == 2 * GIB and vm.memory_policy.max == 8 * GIB
    assert vm.memory_policy.ballooning is False
    assert (vm.cpu.topology.sockets, vm.cpu.topology.cores, vm.cpu.topology.threads) == (2, 2, 1)
    # tpm_enabled and the sound card are device fields: a plain GET leaves them out (BackendVmResource.doPopulate).
    plain = service.get()
    assert plain.tpm_enabled is None and plain.soundcard_enabled is None


def test_the_engine_refuses_a_tpm_without_uefi_and_windows_11_without_a_tpm(make_vm):
    def refused(name, **fields):
        with pytest.raises(sdk.Error) as info:
            make_vm(name, **fields)
        assert info.value.code == 400, str(info.value)
        return str(info.value)

    assert "TPM device is not supported" in refused("tpm-seabios", **windows11(bios=types.Bios(type=types.BiosType.Q35_SEA_BIOS)))
    assert "requires a TPM device" in refused("no-tpm", **windows11(tpm_enabled=False))
    assert "Invalid time zone for given OS type" in refused("linux-zone", **windows11(time_zone=types.TimeZone(name="Europe/Berlin")))
    assert "not supported by the operating system" in refused("spice-vga", **windows11(
        display=types.Display(type=types.DisplayType.SPICE, video_type=types.VideoType.VGA)))


def test_delete_protection_refuses_removal_with_the_engines_text(make_vm):
    service = make_vm("protected", delete_protected=True)
    expect_error(service.remove, 409, operation_failed(
        409, "Cannot remove VM. Delete protection is enabled. In order to delete, disable Delete protection first."))
    service.update(types.Vm(delete_protected=False))
    assert service.get().delete_protected is False


def test_iso_files_and_cdrom_media_now_and_at_the_next_run(system, make_vm, iso_file):
    domains = system.storage_domains_service()
    data = domains.list(search="name=data")[0]
    files = domains.storage_domain_service(data.id).files_service().list()
    assert [(f.id, f.name) for f in files if f.id == iso_file.id] == [(iso_file.id, iso_file.name)]

    service = make_vm("golden")
    cdroms = service.cdroms_service()
    [cdrom] = cdroms.list()
    assert cdrom.file is None
    cdrom_service = cdroms.cdrom_service(cdrom.id)
    cdrom_service.update(types.Cdrom(file=types.File(id=iso_file.id)))
    assert cdrom_service.get().file.id == iso_file.id

    service.start()
    watch_status(service, types.VmStatus.UP)
    assert cdrom_service.get(current=True).file.id == iso_file.id
    # Eject now, in the running VM only: the persistent CD-ROM keeps the ISO, and no next run is pending.
    cdrom_service.update(types.Cdrom(file=types.File(id="")), current=True)
    assert cdrom_service.get(current=True).file is None
    assert cdrom_service.get().file.id == iso_file.id
    assert service.get().next_run_configuration_exists is False
    # Without current, a running VM's change waits for the next run.
    cdrom_service.update(types.Cdrom(file=types.File(id="")))
    assert service.get().next_run_configuration_exists is True


@pytest.fixture
def pool_template(system, make_vm):
    """A template of a down VM, removed after the test (after anything made of it)."""
    source = make_vm("pool-src")
    wait_for(lambda: source.get().status, lambda s: s == types.VmStatus.DOWN, what="the source VM")
    templates = system.templates_service()
    template = templates.add(types.Template(name=PREFIX + "pool-tpl", vm=types.Vm(id=source.get().id)))
    service = templates.template_service(template.id)
    wait_for(lambda: service.get().status, lambda s: s == types.TemplateStatus.OK, what="the template")
    yield service
    service.remove()
    wait_until_gone(service, what="the template")


def test_a_template_without_graphics_consoles_is_headless(pool_template):
    """Headless is no graphics device (the REST API has no flag): removing the template's consoles
    leaves no display, and adding one brings it back."""
    consoles = pool_template.graphics_consoles_service()
    assert consoles.list()
    for console in consoles.list():
        consoles.console_service(console.id).remove()
    assert consoles.list() == []
    assert pool_template.get().display is None
    consoles.add(types.GraphicsConsole(protocol=types.GraphicsType.SPICE))
    assert pool_template.get().display.type == types.DisplayType.SPICE


def test_a_protected_pool_desktop_outlives_the_pool_removal(system, pool_template):
    """CommonVmPoolCommand.buildAddVmParameters gives each pool VM the pool's <vm> settings;
    RemoveVmPoolCommand detaches each VM (RemoveVmFromPool) and removes it (RemoveVm), which refuses
    a delete-protected one: it stays, out of the pool, and so does the pool until it is empty."""
    pools = system.vm_pools_service()
    name = PREFIX + "pool"
    pool = pools.add(types.VmPool(
        name=name, cluster=types.Cluster(name="Default"), template=types.Template(id=pool_template.get().id), size=1,
        stateful=True, vm=types.Vm(delete_protected=True)))
    pool_service = pools.pool_service(pool.id)
    vms = system.vms_service()
    wait_for(lambda: vms.list(search=f"pool={name}"), lambda found: found and found[0].status == types.VmStatus.DOWN, what="the pool VM")
    [desktop] = vms.list(search=f"pool={name}")
    assert desktop.delete_protected is True
    assert pool_service.get().vm.delete_protected is True

    pool_service.remove()
    vm_service = vms.vm_service(desktop.id)
    assert vm_service.get().vm_pool is None
    assert pool_service.get().id == pool.id

    vm_service.update(types.Vm(delete_protected=False))
    vm_service.remove()
    wait_until_gone(vm_service, what="the former pool VM")
    pool_service.remove()
    wait_until_gone(pool_service, what="the pool")
