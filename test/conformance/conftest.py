"""Shared fixtures for the conformance suite.

The suite drives the engine emulator with the official oVirt Python SDK, unchanged, over HTTPS with
the emulator's CA. One emulator process is started for the whole session, the way a user's CI would
start it, and stopped at the end.
"""

import os
import queue
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

import ovirtsdk4 as sdk

from helpers import ADMIN_USER, BLANK_TEMPLATE_ID, PLAIN_USER, api_url_from_ready_line

REPO_ROOT = Path(__file__).resolve().parents[2]
EMULATOR_MAIN = REPO_ROOT / "emulator" / "main.ts"
READY_TIMEOUT_SECONDS = 60
# The engine moves through its asynchronous states after this many milliseconds: long enough to
# observe image_locked / locked / powering_up from Python, short enough for a quick suite.
DELAY_MS = 200


class EmulatorProcess:
    """A running emulator child process and what a client needs to reach it."""

    def __init__(self, process, api_url, ca_file, password, user_password, data_dir, stderr_path,
                 stdout_lines):
        self.process = process
        self.user_password = user_password
        self.api_url = api_url
        self.ca_file = ca_file
        self.password = password
        self.data_dir = data_dir
        self.stderr_path = stderr_path
        self.stdout_lines = stdout_lines

    @property
    def engine_url(self):
        """https://host:port, without the API path."""
        return self.api_url[: self.api_url.index("/ovirt-engine/")]

    def stderr_tail(self, limit=4000):
        try:
            return Path(self.stderr_path).read_text(errors="replace")[-limit:]
        except OSError:
            return ""


def _node_environment(password):
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(REPO_ROOT / "node_modules" / ".bin"), env.get("PATH", "")])
    # The password goes by environment, not argv: it stays out of `ps`, and a random password that
    # starts with "-" cannot be mistaken for an option.
    env["OVIRT_EMULATOR_PASSWORD"] = password
    return env


def _read_lines_into(stream, sink):
    for line in iter(stream.readline, ""):
        sink.put(line.rstrip("\n"))
    sink.put(None)


def start_emulator(data_dir, password, user_password, extra_args=()):
    """Starts the emulator CLI on data_dir and waits for its `ready <url>` line.

    Returns an EmulatorProcess; fails the test with the emulator's own output when it does not come up.
    """
    if not EMULATOR_MAIN.exists():
        pytest.fail(f"the engine emulator is missing: {EMULATOR_MAIN} does not exist", pytrace=False)
    env = _node_environment(password)
    node = shutil.which("node", path=env["PATH"])
    if node is None:
        pytest.fail("no `node` on PATH; run `npm ci` in the repository first", pytrace=False)

    stderr_path = os.path.join(data_dir, f"emulator.{time.time_ns()}.stderr.log")
    command = [
        node, "--disable-warning=ExperimentalWarning", str(EMULATOR_MAIN),
        "--port", "0", "--data", data_dir, "--delay-ms", str(DELAY_MS),
        f"--user={PLAIN_USER}:{user_password}", *extra_args,
    ]
    with open(stderr_path, "w") as stderr_file:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=stderr_file, text=True,
        )
    lines = queue.Queue()
    threading.Thread(target=_read_lines_into, args=(process.stdout, lines), daemon=True).start()

    stdout_seen = []
    api_url = None
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while api_url is None and time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            if process.poll() is not None:
                break
            continue
        if line is None:
            break
        stdout_seen.append(line)
        if line.startswith("ready "):
            api_url = api_url_from_ready_line(line)

    instance = EmulatorProcess(process, api_url, os.path.join(data_dir, "ca.pem"), password,
                               user_password, data_dir, stderr_path, stdout_seen)
    if api_url is None:
        stop_emulator(instance)
        pytest.fail(
            f"the emulator did not print `ready <url>` within {READY_TIMEOUT_SECONDS} s "
            f"(exit code {process.poll()}); stdout: {stdout_seen!r}; stderr tail:\n{instance.stderr_tail()}",
            pytrace=False,
        )
    if not os.path.exists(instance.ca_file):
        stop_emulator(instance)
        pytest.fail(f"the emulator is ready but wrote no CA file at {instance.ca_file}", pytrace=False)
    return instance


def stop_emulator(instance, sig=None):
    """Stops the emulator process (SIGTERM, or the given signal) and returns its exit code."""
    process = instance.process
    if process.poll() is None:
        if sig is None:
            process.terminate()
        else:
            process.send_signal(sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    return process.returncode


@pytest.fixture(scope="session")
def emulator():
    data_dir = tempfile.mkdtemp(prefix="ovirt-conformance-")
    instance = None
    try:
        # token_urlsafe() may start with "-"; the session password always does, so that case is always covered.
        instance = start_emulator(data_dir, "-" + secrets.token_urlsafe(18), "-" + secrets.token_urlsafe(18))
        yield instance
    finally:
        if instance is not None:
            stop_emulator(instance)
        shutil.rmtree(data_dir, ignore_errors=True)


def connect(emulator, username=ADMIN_USER, password=None, **kwargs):
    """A new SDK connection to the emulator, verified against its CA."""
    return sdk.Connection(
        url=emulator.api_url,
        username=username,
        password=emulator.password if password is None else password,
        ca_file=emulator.ca_file,
        timeout=60,
        **kwargs,
    )


@pytest.fixture(scope="session")
def connection(emulator):
    conn = connect(emulator)
    yield conn
    try:
        conn.close()
    except sdk.Error:
        pass


@pytest.fixture(scope="session")
def system(connection):
    return connection.system_service()


@pytest.fixture(scope="session", autouse=True)
def seeded(system):
    """What the emulator holds before any test creates something: the end state must equal it."""
    return {
        "vms": sorted(vm.id for vm in system.vms_service().list()),
        "templates": sorted(t.id for t in system.templates_service().list()),
        "vm_pools": sorted(p.id for p in system.vm_pools_service().list()),
        "clusters": sorted(c.id for c in system.clusters_service().list()),
    }


@pytest.fixture(scope="session")
def default_cluster(system):
    clusters = system.clusters_service().list(search="name=Default")
    assert len(clusters) == 1, f"expected one seeded cluster named Default, got {[c.name for c in clusters]}"
    return clusters[0]


@pytest.fixture(scope="session")
def blank_template_id():
    return BLANK_TEMPLATE_ID
