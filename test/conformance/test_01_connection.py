"""Connecting: the SDK's own connection test, the API root, TLS with the served CA, and auth."""

import json
import urllib.parse
from pathlib import Path

import ovirtsdk4 as sdk

from conftest import connect
from helpers import ADMIN_USER, BLANK_TEMPLATE_ID, basic_auth_header, raw_request


def test_sdk_connection_test_succeeds_over_https_with_the_ca(connection):
    assert connection.test(raise_exception=True) is True


def test_api_root_has_product_info_and_special_objects(system):
    api = system.get()
    assert api.product_info is not None, "the API root has no product_info"
    assert api.product_info.name, "product_info has no name"
    assert api.product_info.version is not None and api.product_info.version.major == 4
    assert api.special_objects is not None, "the API root has no special_objects"
    assert api.special_objects.blank_template.id == BLANK_TEMPLATE_ID
    assert api.authenticated_user is not None, "the API root does not name the authenticated user"


def test_ca_certificate_is_served_by_the_pki_resource(emulator):
    status, headers, body = raw_request(
        emulator, "GET", "/ovirt-engine/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA")
    assert status == 200
    # Line endings may differ (CRLF or LF); the certificate must be the same.
    served = body.decode().replace("\r\n", "\n").strip()
    assert served.startswith("-----BEGIN CERTIFICATE-----")
    assert served == Path(emulator.ca_file).read_text().replace("\r\n", "\n").strip()


def test_version_in_the_path_works_for_the_sdk(emulator):
    conn = sdk.Connection(url=emulator.api_url + "/v4", username=ADMIN_USER, password=emulator.password,
                          ca_file=emulator.ca_file, timeout=60)
    try:
        assert conn.test(raise_exception=True)
        templates = conn.system_service().templates_service().list(search="name=Blank")
        assert [t.id for t in templates] == [BLANK_TEMPLATE_ID]
        # hrefs follow the version prefix of the request (reference §4).
        assert "/ovirt-engine/api/v4/templates/" in templates[0].href
    finally:
        conn.close()


def test_request_without_credentials_gets_401_with_the_basic_realm(emulator):
    status, headers, _ = raw_request(emulator, "GET", "/ovirt-engine/api", headers={"Accept": "application/xml"})
    assert status == 401
    assert headers.get("WWW-Authenticate") == 'Basic realm="RESTAPI"'


def test_basic_auth_is_accepted(emulator):
    headers = {"Accept": "application/xml", **basic_auth_header(ADMIN_USER, emulator.password)}
    status, response_headers, body = raw_request(emulator, "GET", "/ovirt-engine/api", headers=headers)
    assert status == 200
    assert response_headers.get("Content-Type", "").startswith("application/xml")
    assert b"<api" in body


def test_sso_token_endpoint_answers_the_password_grant(emulator):
    form = urllib.parse.urlencode({"grant_type": "password", "scope": "ovirt-app-api",
                                   "username": ADMIN_USER, "password": emulator.password})
    status, _, body = raw_request(emulator, "POST", "/ovirt-engine/sso/oauth/token", body=form, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
    assert status == 200
    token = json.loads(body)
    assert token.get("access_token")
    assert str(token.get("token_type", "")).lower() == "bearer"
    assert "exp" in token, f"the token answer has no `exp` key: {sorted(token)}"


def test_sso_token_endpoint_requires_the_api_scope(emulator):
    form = urllib.parse.urlencode({"grant_type": "password", "username": ADMIN_USER,
                                   "password": emulator.password})
    status, _, body = raw_request(emulator, "POST", "/ovirt-engine/sso/oauth/token", body=form, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
    assert status == 400
    answer = json.loads(body)
    assert "error" in answer and "access_token" not in answer


def test_wrong_password_raises_the_sdk_auth_error(emulator):
    conn = connect(emulator, password="not-the-password")
    try:
        try:
            conn.test(raise_exception=True)
        except sdk.AuthError as error:
            assert str(error).startswith("Error during SSO authentication access_denied : "), str(error)
        else:
            raise AssertionError("a wrong password was accepted")
    finally:
        conn.close(logout=False)


def test_unknown_user_raises_the_sdk_auth_error(emulator):
    conn = connect(emulator, username="nobody@internal")
    try:
        try:
            conn.test(raise_exception=True)
        except sdk.AuthError as error:
            assert "access_denied" in str(error), str(error)
        else:
            raise AssertionError("an unknown user was accepted")
    finally:
        conn.close(logout=False)


def test_closing_the_connection_revokes_its_token(emulator):
    conn = connect(emulator)
    conn.test(raise_exception=True)
    token = conn.authenticate()
    headers = {"Accept": "application/xml", "Authorization": f"Bearer {token}", "Version": "4"}
    # Statuses go through variables so that a failure report never prints the token.
    before = raw_request(emulator, "GET", "/ovirt-engine/api", headers=headers)[0]
    assert before == 200
    conn.close()  # the SDK logs out through /ovirt-engine/services/sso-logout
    after = raw_request(emulator, "GET", "/ovirt-engine/api", headers=headers)[0]
    assert after == 401, "the token still works after the SDK logged out"
