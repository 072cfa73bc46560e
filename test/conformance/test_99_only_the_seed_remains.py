"""After every other module has removed what it made, the engine holds exactly its seeded objects."""

import ovirtsdk4.types as types

from helpers import BLANK_TEMPLATE_ID


def test_only_the_seeded_objects_remain(system, seeded):
    assert sorted(vm.id for vm in system.vms_service().list()) == seeded["vms"]
    assert sorted(t.id for t in system.templates_service().list()) == seeded["templates"]
    assert sorted(p.id for p in system.vm_pools_service().list()) == seeded["vm_pools"]
    assert sorted(c.id for c in system.clusters_service().list()) == seeded["clusters"]


def test_the_seed_has_the_default_cluster_and_the_blank_template(system, default_cluster):
    assert default_cluster.name == "Default"
    blank = system.templates_service().template_service(BLANK_TEMPLATE_ID).get()
    assert blank.name == "Blank"
    assert blank.status == types.TemplateStatus.OK
