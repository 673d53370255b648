"""OWASP ASVS 4.0.3, V3 (session management), level 1. A new session on log-in (3.2.1) and its
end on log-out (3.3.1) are tested in tests/test_accounts.py; the cookies' flags here."""

import json
import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from ..people import PASSWORD, make_user
from ..test_project import run_django

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "collab.example.org,testserver",
    "SECRET_KEY": "a-real-production-secret-" + "x7Qp2Lr9Vt4Wm8Zk3Hs6Jd1Nf5Bc0Gy" * 2,
}


# Pages need the static files' manifest that `collectstatic` makes in production: plain files.
PLAIN_STATIC = (
    "from django.conf import settings; from django.test import override_settings; "
    "override_settings(STORAGES={**settings.STORAGES, 'staticfiles': "
    "{'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}}).enable(); "
)


def production(code):
    """What ``code`` prints, run in a process with production settings."""
    result = run_django("shell", "-c", PLAIN_STATIC + code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def log_in(client):
    make_user("anna@example.org")
    return client.post(
        reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD}
    )


def test_v3_1_1_the_session_never_appears_in_an_address(client):
    response = log_in(client)
    key = client.session.session_key
    assert key not in response["Location"]
    for url in [reverse("partnerships:list"), reverse("accounts:profile"), "/en/"]:
        assert key not in client.get(url).content.decode()


def test_v3_2_2_session_keys_have_at_least_128_bits_of_randomness(client):
    log_in(client)
    key = client.session.session_key
    assert re.fullmatch(r"[a-z0-9]{32,}", key)  # 36 ** 32 > 2 ** 165


def test_v3_2_3_and_3_4_2_the_session_cookie_is_out_of_scripts_reach(client):
    session = log_in(client).cookies["sessionid"]
    assert session["httponly"]


def test_v3_4_2_the_anti_forgery_cookie_is_out_of_scripts_reach_too(client):
    cookie = client.get(reverse("account_login")).cookies["csrftoken"]
    assert cookie["httponly"]


def test_v3_4_3_cookies_are_same_site(client):
    response = client.get("/de/accounts/login/")
    assert response.cookies["csrftoken"]["samesite"] == "Lax"
    assert response.cookies["django_language"]["samesite"] == "Lax"
    assert log_in(client).cookies["sessionid"]["samesite"] == "Lax"


def test_v3_4_1_cookies_are_secure_in_production():
    flags = production(
        "import json; from django.conf import settings as s; print(json.dumps(["
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE]))"
    )
    assert flags == [True, True, True]
    cookie = production(
        "import json; from django.test import Client; "
        "c = Client().get('/de/accounts/login/', secure=True).cookies['csrftoken']; "
        "print(json.dumps([c['secure'], c['httponly'], c['samesite']]))"
    )
    assert cookie == [True, True, "Lax"]


def test_v3_3_1_a_logged_out_session_cannot_be_replayed(client):
    log_in(client)
    stolen = client.cookies["sessionid"].value
    client.post(reverse("account_logout"))
    client.cookies["sessionid"] = stolen
    assert SESSION_KEY not in client.session
    assert client.get(reverse("partnerships:list")).status_code == 302


def test_v3_3_2_a_session_lasts_at_most_30_days(settings):
    assert settings.SESSION_COOKIE_AGE <= 30 * 24 * 60 * 60
