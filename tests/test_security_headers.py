"""Every response carries the security headers, whatever kind of page it is."""

import pytest

from .people import PASSWORD, make_user

pytestmark = pytest.mark.django_db

RESPONSES = {
    "a page": "/en/model/",
    "a form": "/en/accounts/signup/",
    "not found": "/en/model/no-such/page/",
    "the health check": "/health/",
    "the JavaScript catalogue": "/en/jsi18n/",
}


@pytest.mark.parametrize("path", RESPONSES.values(), ids=RESPONSES.keys())
def test_every_response_sends_the_security_headers(client, path):
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


def test_cookies_are_http_only_and_same_site(client):
    response = client.get("/en/accounts/login/")
    assert response.cookies["csrftoken"]["samesite"] == "Lax"
    make_user("anna@example.org")
    response = client.post(
        "/en/accounts/login/", {"login": "anna@example.org", "password": PASSWORD}
    )
    session = response.cookies["sessionid"]
    assert session["httponly"]
    assert session["samesite"] == "Lax"
