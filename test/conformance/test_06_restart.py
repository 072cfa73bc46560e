"""A CI pipeline's view of persistence: what an engine answered survives a restart, even kill -9, and
the CA stays the same so the client's ca_file keeps working."""

import secrets
import shutil
import signal
import tempfile
import time
from pathlib import Path

import pytest

import ovirtsdk4.types as types

from conftest import connect, start_emulator, stop_emulator
from helpers import MIB, raw_request


@pytest.fixture
def data_dir():
    path = tempfile.mkdtemp(prefix="ovirt-conformance-restart-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_answered_changes_survive_a_sigterm_restart(data_dir):
    restart_and_find_the_vm(data_dir, signal.SIGTERM)


def test_answered_changes_survive_kill_9(data_dir):
    restart_and_find_the_vm(data_dir, signal.SIGKILL)


def restart_and_find_the_vm(data_dir, stop_signal):
    password, user_password = secrets.token_urlsafe(18), secrets.token_urlsafe(18)
    first = start_emulator(data_dir, password, user_password)
    try:
        conn = connect(first)
        vm = conn.system_service().vms_service().add(types.Vm(
            name="survivor", cluster=types.Cluster(name="Default"), template=types.Template(name="Blank"),
            memory=256 * MIB, display=types.Display(type=types.DisplayType.SPICE, smartcard_enabled=True)))
        conn.close(logout=False)
        ca_before = Path(first.ca_file).read_text()
    finally:
        code = stop_emulator(first, stop_signal)
    if stop_signal == signal.SIGTERM:
        assert code == 0, f"SIGTERM should stop the emulator cleanly, exit code {code}"

    second = start_emulator(data_dir, password, user_password)
    try:
        assert Path(second.ca_file).read_text() == ca_before, "the CA changed across a restart"
        conn = connect(second)
        again = conn.system_service().vms_service().vm_service(vm.id).get()
        assert again.name == "survivor"
        assert again.display.smartcard_enabled is True
        conn.close()
    finally:
        stop_emulator(second)


def test_an_expired_token_is_refused_and_the_sdk_logs_in_again(data_dir):
    ttl = 2
    emulator = start_emulator(data_dir, secrets.token_urlsafe(18), secrets.token_urlsafe(18),
                              extra_args=("--token-ttl", str(ttl)))
    try:
        conn = connect(emulator)
        vms = conn.system_service().vms_service()
        vms.list()
        first_token = conn.authenticate()
        time.sleep(ttl + 1)
        headers = {"Accept": "application/xml", "Authorization": f"Bearer {first_token}", "Version": "4"}
        status, response_headers, _ = raw_request(emulator, "GET", "/ovirt-engine/api/vms", headers=headers)
        assert status == 401, "an expired token was still accepted"
        # The SDK meets the same 401, fetches a new token once and retries (ovirtsdk4 Connection.__wait).
        assert vms.list(search="name=Blank*") == []
        renewed = conn.authenticate() != first_token
        assert renewed, "the SDK kept using the expired token"
        conn.close()
    finally:
        stop_emulator(emulator)
