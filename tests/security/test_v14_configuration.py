"""OWASP ASVS 4.0.3, V14 (configuration), level 1: every response carries the security
headers, whatever kind of page it is; production sends HSTS and shows no debugging pages;
downloads are attachments. The cookies' flags are in test_v3_sessions.py."""

import pytest
from django.urls import reverse

from .test_v3_sessions import production

pytestmark = pytest.mark.django_db

RESPONSES = {
    "a page": "/en/model/",
    "a form": "/en/accounts/signup/",
    "not found": "/en/model/no-such/page/",
    "the health check": "/health/",
    "the JavaScript catalogue": "/en/jsi18n/",
}


@pytest.mark.parametrize("path", RESPONSES.values(), ids=RESPONSES.keys())
def test_v14_4_3_to_14_4_7_every_response_sends_the_security_headers(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def test_v14_4_5_production_sends_hsts_for_a_year_and_redirects_to_https():
    headers = production(
        "import json; from django.test import Client; c = Client(); "
        "plain = c.get('/health/'); tls = c.get('/health/', secure=True); "
        "print(json.dumps([plain.status_code, plain['Location'], "
        "tls['Strict-Transport-Security']]))"
    )
    assert headers == [
        301,
        "https://testserver/health/",
        "max-age=31536000; includeSubDomains; preload",
    ]


def test_v14_3_2_production_shows_no_debugging_details():
    page = production(
        "import json; from django.test import Client; "
        "r = Client().get('/en/no-such/page/', secure=True, headers={'accept': 'text/html'}); "
        "print(json.dumps([r.status_code, 'URLconf' in r.content.decode(), "
        "'Traceback' in r.content.decode()]))"
    )
    assert page == [404, False, False]


@pytest.mark.parametrize("path", ["/en/model/", "/en/privacy/", "/en/accounts/login/"])
def test_v14_4_1_pages_say_their_type_and_character_set(client, path):
    assert client.get(path)["Content-Type"] == "text/html; charset=utf-8"


def test_v14_4_2_downloads_are_attachments_of_their_type(client, cast):
    client.force_login(cast.facilitator)
    pk = cast.partnership.pk
    for name, args, kind in [
        ("accounts:data", [], "application/json; charset=utf-8"),
        ("partnerships:export_json", [pk], "application/json"),
        ("partnerships:export_zip", [pk], "application/zip"),
    ]:
        response = client.get(reverse(name, args=args))
        assert response["Content-Type"] == kind
        assert response["Content-Disposition"].startswith("attachment; filename=")


@pytest.mark.parametrize("method", ["put", "patch", "delete", "trace"])
def test_v14_5_1_pages_answer_only_the_methods_they_use(client, method):
    assert getattr(client, method)("/en/privacy/").status_code == 405


def test_v14_5_3_no_other_site_is_allowed_to_read_responses(client, cast):
    client.force_login(cast.viewer)
    response = client.get(
        reverse("partnerships:detail", args=[cast.partnership.pk]),
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
