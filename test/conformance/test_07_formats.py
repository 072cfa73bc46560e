"""Wire formats outside the SDK's own XML path: JSON in and out, the Version header, syntax errors.
The SDK never needs JSON; CI scripts with curl do (reference §1.1, §3, §4)."""

import json

import pytest

import ovirtsdk4 as sdk

from helpers import ADMIN_USER, basic_auth_header, raw_request, wait_until_gone

JSON_VM = "format-json-vm"


@pytest.fixture
def admin_headers(emulator):
    return {"Version": "4", **basic_auth_header(ADMIN_USER, emulator.password)}


def test_a_vm_posted_as_json_reads_back_through_the_sdk(emulator, system, admin_headers):
    body = json.dumps({"name": JSON_VM, "cluster": {"name": "Default"}, "template": {"name": "Blank"},
                       "display": {"type": "spice", "smartcard_enabled": True}})
    status, headers, answer = raw_request(emulator, "POST", "/ovirt-engine/api/vms", body=body, headers={
        **admin_headers, "Content-Type": "application/json", "Accept": "application/json"})
    assert status == 201, answer[:500]
    assert headers.get("Content-Type", "").startswith("application/json")
    created = json.loads(answer)
    assert created["name"] == JSON_VM
    service = system.vms_service().vm_service(created["id"])
    try:
        vm = service.get()  # the SDK reads it as XML
        assert vm.name == JSON_VM
        assert vm.display.smartcard_enabled is True
        # A JSON collection is an object whose one key is the singular name (reference §1.1).
        status, _, listing = raw_request(emulator, "GET", f"/ovirt-engine/api/vms?search=name%3D{JSON_VM}",
                                         headers={**admin_headers, "Accept": "application/json"})
        assert status == 200
        listed = json.loads(listing)
        assert [item["id"] for item in listed["vm"]] == [created["id"]]
    finally:
        service.remove()
        wait_until_gone(service, what="the JSON VM")


def test_an_unsupported_version_header_is_400(emulator, admin_headers):
    status, _, _ = raw_request(emulator, "GET", "/ovirt-engine/api/vms",
                               headers={**admin_headers, "Version": "3", "Accept": "application/xml"})
    assert status == 400


def test_unparsable_xml_is_a_syntax_fault(emulator, admin_headers):
    status, _, answer = raw_request(emulator, "POST", "/ovirt-engine/api/vms", body="<vm><name>broken</name>",
                                    headers={**admin_headers, "Content-Type": "application/xml",
                                             "Accept": "application/xml"})
    assert status == 400
    text = answer.decode()
    assert "<reason>Request syntactically incorrect.</reason>" in text, text
    assert "/ovirt-engine/apidoc#services/vms/methods/add" in text, text


def test_an_empty_search_result_is_an_empty_list_for_the_sdk(system):
    assert system.vms_service().list(search="name=format-nothing-*") == []
    assert system.vm_pools_service().list(search="name=format-nothing-*") == []
