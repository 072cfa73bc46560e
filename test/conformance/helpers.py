"""Small helpers for the conformance suite: the engine's constants, the SDK's error texts, waits."""

import time

import pytest

import ovirtsdk4 as sdk

ADMIN_USER = "admin@internal"
# A non-admin user the emulator is started with: it sees only what it was given, with filter=true.
PLAIN_USER = "desktop-user@internal"
BLANK_TEMPLATE_ID = "00000000-0000-0000-0000-000000000000"
# Graphics console ids are the protocol name in hex (reference §6).
SPICE_CONSOLE_ID = "spice".encode().hex()
VNC_CONSOLE_ID = "vnc".encode().hex()
MIB = 1024 * 1024
GIB = 1024 * MIB

def api_url_from_ready_line(line):
    """The API root from the emulator's `ready <base-url>` line (with or without the API path)."""
    url = line[len("ready "):].strip().rstrip("/")
    if "/ovirt-engine/api" not in url:
        url += "/ovirt-engine/api"
    return url


def sdk_error_text(code, reason=None, detail=None):
    """The message the Python SDK builds for an error response (ovirtsdk4/service.py _raise_error).

    The SDK would append `HTTP response message is "..."`, but it stores the status line's phrase
    in `reason`, not in the `message` it reads, so real engines and the emulator alike end at the code.
    """
    parts = []
    if reason:
        parts.append(f'Fault reason is "{reason}".')
    if detail:
        parts.append(f'Fault detail is "{detail}".')
    parts.append(f"HTTP response code is {code}.")
    return " ".join(parts)


def operation_failed(code, *messages):
    """The SDK text for a backend validation failure: reason Operation Failed, detail a bracketed list."""
    return sdk_error_text(code, "Operation Failed", "[" + ", ".join(messages) + "]")


def expect_error(call, code, message, error_class=sdk.Error):
    """Runs call, which must raise error_class with this HTTP code and exactly this SDK text."""
    with pytest.raises(error_class) as info:
        call()
    error = info.value
    assert error.code == code, f"expected HTTP {code}, got {error.code}: {error}"
    assert str(error) == message, f"the SDK's error text differs\n got: {error}\nwant: {message}"
    return error


def wait_for(read, predicate, timeout=30.0, interval=0.1, what="the condition"):
    """Polls read() until predicate(value) holds; returns that value or fails saying what was seen."""
    deadline = time.monotonic() + timeout
    value = read()
    while not predicate(value):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}; last value: {value!r}")
        time.sleep(interval)
        value = read()
    return value


def watch_status(service, final, timeout=30.0, interval=0.05):
    """Polls an entity's status until it equals final; returns the distinct statuses seen, in order."""
    seen = []
    deadline = time.monotonic() + timeout
    while True:
        status = service.get().status
        if not seen or seen[-1] != status:
            seen.append(status)
        if status == final:
            return seen
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for status {final}; saw {seen}")
        time.sleep(interval)


def wait_until_gone(service, timeout=30.0, what="the entity"):
    """Polls service.get() until the engine answers 404."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            service.get()
        except sdk.NotFoundError:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what} to be removed")
        time.sleep(0.1)


def vv_entries(text):
    """Parses a remote-viewer (.vv) file into {section: {key: value}} plus the comment lines.

    The ticket itself is replaced by "<set>" (or "" when empty) so a failure report never shows it."""
    sections = {}
    comments = []
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            comments.append(line)
        elif line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
        elif "=" in line and current is not None:
            key, value = line.split("=", 1)
            current[key] = ("<set>" if value else "") if key in ("password", "sso-token") else value
    return sections, comments


def raw_request(emulator, method, path, headers=None, body=None):
    """One plain HTTPS request to the emulator (outside the SDK), verified against its CA.

    path is relative to https://host:port. Returns (status, headers, body bytes); HTTP errors are
    returned, not raised.
    """
    import ssl
    import urllib.error
    import urllib.request

    context = ssl.create_default_context(cafile=emulator.ca_file)
    data = body.encode() if isinstance(body, str) else body
    request = urllib.request.Request(emulator.engine_url + path, data=data, method=method,
                                     headers=headers or {})
    try:
        with urllib.request.urlopen(request, context=context, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def basic_auth_header(user, password):
    import base64

    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}
