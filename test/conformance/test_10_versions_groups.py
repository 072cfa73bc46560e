"""Template versions, pools following their image, directory groups and desktop sessions, from the
official Python SDK's side. The emulator for this module is started with a directory group
(`--group vdi-desktops@internal:desktop-user@internal,temp@internal`; temp@internal is only in the
directory, never logged in) and a user outside it.

Engine classes modelled (read in oVirt/ovirt-engine): AddVmTemplateCommand (version numbering and
naming), RemoveVmTemplateCommand (a base with versions), UpdateVmPoolCommand + UpdateVmCommand +
UpdateVmVersionCommand (a pool moved to a version: down desktops rebuilt now, running ones at their
next stop), VmDao.getVmIdsForVersionUpdate (use-latest), BackendGroupsResource / AddGroupCommand,
BackendVmSessionsResource, ProcessDownVmCommand (an automatic pool's desktop is freed when it stops),
BackendUsersResource.add / AddUserCommand / RemoveUserCommand (a directory user added and removed),
RemoveVmCommand (a delete-protected desktop is not rebuilt from a new version: UpdateVmVersionCommand
removes and re-adds the VM).
"""

import secrets
import shutil
import tempfile

import pytest

import ovirtsdk4 as sdk
import ovirtsdk4.types as types

from conftest import connect, start_emulator, stop_emulator
from helpers import MIB, PLAIN_USER, SPICE_CONSOLE_ID, expect_error, operation_failed, wait_for, wait_until_gone

GROUP = "vdi-desktops"
OUTSIDER = "outsider@internal"
DIRECTORY_ONLY = "temp"


@pytest.fixture(scope="module")
def engine():
    data_dir = tempfile.mkdtemp(prefix="ovirt-conformance-versions-")
    outsider_password = secrets.token_urlsafe(12)
    instance = start_emulator(
        data_dir, secrets.token_urlsafe(18), secrets.token_urlsafe(18),
        extra_args=(f"--user={OUTSIDER}:{outsider_password}", f"--group={GROUP}@internal:{PLAIN_USER},{DIRECTORY_ONLY}@internal"),
    )
    instance.outsider_password = outsider_password
    try:
        yield instance
    finally:
        stop_emulator(instance)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def admin(engine):
    conn = connect(engine)
    yield conn.system_service()
    conn.close()


@pytest.fixture(scope="module")
def member(engine):
    conn = connect(engine, username=PLAIN_USER, password=engine.user_password)
    yield conn.system_service()
    conn.close()


@pytest.fixture(scope="module")
def outsider(engine):
    conn = connect(engine, username=OUTSIDER, password=engine.outsider_password)
    yield conn.system_service()
    conn.close()


def make_template(admin, name, base=None, version_name=None):
    """A template from a fresh down VM; with base, a new version of it. Waits until it is ok."""
    vms = admin.vms_service()
    src = vms.add(types.Vm(name=f"{name}-src-{secrets.token_hex(3)}", cluster=types.Cluster(name="Default"),
                           template=types.Template(name="Blank"), memory=256 * MIB))
    wait_for(lambda: vms.vm_service(src.id).get().status, lambda s: s == types.VmStatus.DOWN, what="the source VM")
    version = None
    if base is not None:
        version = types.TemplateVersion(base_template=types.Template(id=base.id), version_name=version_name)
    added = admin.templates_service().add(types.Template(name=name, vm=types.Vm(id=src.id), version=version))
    service = admin.templates_service().template_service(added.id)
    template = wait_for(service.get, lambda t: t.status == types.TemplateStatus.OK, what=f"template {name}")
    wait_for(lambda: vms.vm_service(src.id).get().status, lambda s: s == types.VmStatus.DOWN, what="the source VM")
    vms.vm_service(src.id).remove()
    return template


def make_pool(admin, name, template, **extra):
    pools = admin.vm_pools_service()
    pool = pools.add(types.VmPool(name=name, cluster=types.Cluster(name="Default"), template=template, size=2, **extra))
    vms = lambda: [vm for vm in admin.vms_service().list() if vm.vm_pool is not None and vm.vm_pool.id == pool.id]
    wait_for(vms, lambda found: len(found) == 2 and all(v.status == types.VmStatus.DOWN for v in found),
             what=f"pool {name}'s desktops")
    return pool, vms


def remove_pool_and_templates(admin, pool, *templates):
    admin.vm_pools_service().pool_service(pool.id).remove()
    wait_until_gone(admin.vm_pools_service().pool_service(pool.id), what="the pool")
    # Versions first: the engine refuses a base that still has versions.
    for template in sorted(templates, key=lambda t: -t.version.version_number):
        admin.templates_service().template_service(template.id).remove()


def test_versions_are_numbered_take_the_base_name_and_a_base_with_versions_stays(admin):
    base = make_template(admin, "golden")
    assert (base.version.version_number, base.version.version_name) == (1, "base version")
    v2 = make_template(admin, "whatever", base=base, version_name="patch-tuesday")
    assert v2.name == "golden"
    assert (v2.version.version_number, v2.version.version_name) == (2, "patch-tuesday")
    assert v2.version.base_template.id == base.id
    assert sorted(t.version.version_number for t in admin.templates_service().list(search="name=golden")) == [1, 2]
    expect_error(
        lambda: admin.templates_service().template_service(base.id).remove(), 409,
        operation_failed(409, "Cannot delete Base Template that has Template Versions, please first remove all "
                              "Template Versions for this Template: golden."))
    admin.templates_service().template_service(v2.id).remove()
    admin.templates_service().template_service(base.id).remove()


def test_a_pool_moves_to_a_new_version_in_place_running_desktops_at_their_next_stop(admin):
    base = make_template(admin, "desk-image")
    v2 = make_template(admin, "desk-image", base=base, version_name="v2")
    pool, pool_vms = make_pool(admin, "desk", types.Template(id=base.id))
    before = {vm.id for vm in pool_vms()}
    running, idle = sorted(pool_vms(), key=lambda v: v.name)
    vms = admin.vms_service()
    vms.vm_service(running.id).start()
    wait_for(lambda: vms.vm_service(running.id).get().status, lambda s: s == types.VmStatus.UP, what="the desktop up")

    admin.vm_pools_service().pool_service(pool.id).update(types.VmPool(template=types.Template(id=v2.id)))

    assert {vm.id for vm in pool_vms()} == before
    wait_for(lambda: vms.vm_service(idle.id).get(), lambda v: v.template.id == v2.id and v.status == types.VmStatus.DOWN,
             what="the idle desktop on v2")
    now = vms.vm_service(running.id).get()
    assert now.template.id == base.id and now.next_run_configuration_exists
    assert vms.vm_service(running.id).get(next_run=True).template.id == v2.id
    vms.vm_service(running.id).stop()
    wait_for(lambda: vms.vm_service(running.id).get(), lambda v: v.template.id == v2.id and v.status == types.VmStatus.DOWN,
             what="the stopped desktop on v2")
    remove_pool_and_templates(admin, pool, base, v2)


def test_a_pool_refuses_another_lineage_and_a_rename(admin):
    a = make_template(admin, "lineage-a")
    b = make_template(admin, "lineage-b")
    pool, _ = make_pool(admin, "lined", types.Template(id=a.id))
    service = admin.vm_pools_service().pool_service(pool.id)
    expect_error(lambda: service.update(types.VmPool(template=types.Template(id=b.id))), 400, operation_failed(
        400, "Cannot edit VM. The requested template doesn't belong to the same base template as the original template."))
    expect_error(lambda: service.update(types.VmPool(name="renamed")), 400,
                 operation_failed(400, "Cannot change VM-Pool name."))
    remove_pool_and_templates(admin, pool, a)
    admin.templates_service().template_service(b.id).remove()


def test_a_use_latest_pool_picks_up_each_new_version(admin):
    base = make_template(admin, "follow-me")
    pool, pool_vms = make_pool(admin, "follower", types.Template(id=base.id), use_latest_template_version=True)
    assert all(vm.use_latest_template_version for vm in pool_vms())
    v2 = make_template(admin, "follow-me", base=base)
    wait_for(pool_vms, lambda found: all(v.template.id == v2.id and v.status == types.VmStatus.DOWN for v in found),
             what="both desktops on v2")
    remove_pool_and_templates(admin, pool, base, v2)


def test_a_directory_group_entitles_its_members_on_a_pool(admin, member, outsider):
    domain = next(d for d in admin.domains_service().list() if d.name == "internal-authz")
    in_directory = admin.domains_service().domain_service(domain.id).groups_service().list()
    assert [g.name for g in in_directory] == [GROUP]
    assert [g.name for g in admin.groups_service().list()] == []
    group = admin.groups_service().add(types.Group(name=GROUP, domain=types.Domain(name="internal-authz")))
    base = make_template(admin, "group-image")
    pool, _ = make_pool(admin, "team", types.Template(id=base.id))
    permissions = admin.vm_pools_service().pool_service(pool.id).permissions_service()
    granted = permissions.add(types.Permission(role=types.Role(name="UserRole"), group=types.Group(id=group.id)))
    assert granted.group.id == group.id

    assert [p.name for p in member.vm_pools_service().list(filter=True)] == ["team"]
    assert outsider.vm_pools_service().list(filter=True) == []

    permissions.permission_service(granted.id).remove()
    assert member.vm_pools_service().list(filter=True) == []
    admin.groups_service().group_service(group.id).remove()
    remove_pool_and_templates(admin, pool, base)


def test_who_holds_and_who_is_connected_to_a_desktop(engine, admin):
    base = make_template(admin, "session-image")
    pool, pool_vms = make_pool(admin, "sessions", types.Template(id=base.id))
    user = admin.users_service().list(search=f"usrname={PLAIN_USER.split('@')[0]}@internal-authz")[0]
    admin.vm_pools_service().pool_service(pool.id).permissions_service().add(
        types.Permission(role=types.Role(name="UserRole"), user=types.User(id=user.id)))
    conn = connect(engine, username=PLAIN_USER, password=engine.user_password, headers={"Filter": "true"})
    try:
        mine = conn.system_service()
        mine.vm_pools_service().pool_service(pool.id).allocate_vm()
        up = lambda: [v for v in pool_vms() if v.status == types.VmStatus.UP]
        held = wait_for(up, lambda found: len(found) == 1, what="the held desktop up")[0]
        vm = admin.vms_service().vm_service(held.id)
        assert [p.user.id for p in vm.permissions_service().list()] == [user.id]
        assert vm.sessions_service().list() == []
        mine.vms_service().vm_service(held.id).graphics_consoles_service().console_service(SPICE_CONSOLE_ID).ticket()
    finally:
        conn.close()
    [session] = vm.sessions_service().list()
    assert session.console_user is True
    assert session.user.user_name == f"{PLAIN_USER.split('@')[0]}@internal-authz"
    vm.stop()
    wait_for(lambda: vm.get().status, lambda s: s == types.VmStatus.DOWN, what="the desktop down")
    # An automatic pool's desktop is given back when it stops: nobody holds it, nobody is connected.
    assert vm.permissions_service().list() == []
    assert vm.sessions_service().list() == []
    remove_pool_and_templates(admin, pool, base)


def test_a_deleted_pools_desktop_permissions_do_not_pass_to_a_new_vm_of_the_same_name(engine, admin, member):
    base = make_template(admin, "reuse-image")
    pool, pool_vms = make_pool(admin, "reuse", types.Template(id=base.id), type=types.VmPoolType.MANUAL)
    user = admin.users_service().list(search=f"usrname={PLAIN_USER.split('@')[0]}@internal-authz")[0]
    desk = pool_vms()[0]
    admin.vms_service().vm_service(desk.id).permissions_service().add(
        types.Permission(role=types.Role(name="UserRole"), user=types.User(id=user.id)))
    assert [vm.name for vm in member.vms_service().list(filter=True)] == [desk.name]
    remove_pool_and_templates(admin, pool, base)
    again = admin.vms_service().add(types.Vm(name=desk.name, cluster=types.Cluster(name="Default"),
                                             template=types.Template(name="Blank"), memory=256 * MIB))
    assert member.vms_service().list(filter=True) == []
    with pytest.raises(sdk.NotFoundError):
        member.vms_service().vm_service(again.id).get(filter=True)
    admin.vms_service().vm_service(again.id).remove()


def test_a_directory_user_is_added_to_the_engine_and_removed_with_its_permissions(admin):
    users = admin.users_service()
    engine_name = f"{DIRECTORY_ONLY}@internal-authz"
    assert users.list(search=f"usrname={engine_name}") == []
    added = users.add(types.User(user_name=engine_name))
    assert (added.user_name, added.principal, added.domain.name) == (engine_name, DIRECTORY_ONLY, "internal-authz")
    # AddUserCommand updates a user already there: the same user, no duplicate.
    again = users.add(types.User(user_name=DIRECTORY_ONLY, principal=DIRECTORY_ONLY, domain=types.Domain(name="internal-authz")))
    assert again.id == added.id
    assert [u.id for u in users.list(search=f"usrname={engine_name}")] == [added.id]
    with pytest.raises(sdk.Error) as unknown:
        users.add(types.User(user_name="ghost@internal-authz"))
    assert unknown.value.code == 400 and "No such user: ghost@internal-authz in domain internal-authz" in str(unknown.value)

    base = make_template(admin, "user-image")
    permissions = admin.templates_service().template_service(base.id).permissions_service()
    permissions.add(types.Permission(role=types.Role(name="UserRole"), user=types.User(id=added.id)))
    held = users.user_service(added.id).permissions_service().list()
    assert [p.template.id for p in held] == [base.id]
    users.user_service(added.id).remove()
    assert users.list(search=f"usrname={engine_name}") == []
    assert [p for p in permissions.list() if p.user is not None and p.user.id == added.id] == []
    admin.templates_service().template_service(base.id).remove()


def test_a_delete_protected_desktop_keeps_its_version_and_the_pool_update_fails(admin):
    base = make_template(admin, "guarded-image")
    v2 = make_template(admin, "guarded-image", base=base, version_name="v2")
    pool, pool_vms = make_pool(admin, "guarded", types.Template(id=base.id))
    held, free = sorted(pool_vms(), key=lambda v: v.name)
    vms = admin.vms_service()
    vms.vm_service(held.id).update(types.Vm(delete_protected=True))
    with pytest.raises(sdk.Error) as refused:
        admin.vm_pools_service().pool_service(pool.id).update(types.VmPool(template=types.Template(id=v2.id)))
    assert refused.value.code == 400 and "Delete protection is enabled" in str(refused.value) and held.name in str(refused.value)
    # UpdateVmPoolCommand saved the pool and moved the other desktop before UpdateVm failed on this one.
    assert admin.vm_pools_service().pool_service(pool.id).get().template.id == v2.id
    wait_for(lambda: vms.vm_service(free.id).get(), lambda v: v.template.id == v2.id and v.status == types.VmStatus.DOWN,
             what="the unprotected desktop on v2")
    assert vms.vm_service(held.id).get().template.id == base.id
    vms.vm_service(held.id).update(types.Vm(delete_protected=False))
    remove_pool_and_templates(admin, pool, base, v2)
