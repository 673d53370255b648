"""OWASP ASVS 4.0.3, V2 (authentication), level 1: password rules and password change.
Rate limits and account enumeration are in tests/test_accounts.py (see README.md here)."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from ..html import text
from ..people import PASSWORD, make_user

pytestmark = pytest.mark.django_db

SIGNUP = {"display_name": "Anna", "organisation": "", "sector": "public"}


def sign_up(client, password, email="anna@example.org"):
    data = {**SIGNUP, "email": email, "password1": password, "password2": password}
    return client.post(reverse("account_signup"), data)


def signed_up(client, password):
    response = sign_up(client, password)
    return response.status_code == 302 and response["Location"] == reverse(
        "account_email_verification_sent"
    )


def test_v2_1_1_passwords_of_fewer_than_12_characters_are_refused(client):
    response = sign_up(client, "gr4y-otter!")  # 11 characters
    assert "It must contain at least 12 characters." in text(response)
    assert signed_up(client, "gr4y-otter!!")


def test_v2_1_2_passwords_of_64_and_128_characters_are_accepted(client):
    assert signed_up(client, "correct horse battery staple " * 2 + "and some more")  # 71
    assert signed_up(client, "x7" * 64)


def test_v2_1_3_passwords_are_not_truncated(client):
    password = "long sentence about walking to school in the rain " * 2  # 102 characters
    user = make_user("anna@example.org")
    user.set_password(password)
    user.save()
    log_in = reverse("account_login")
    client.post(log_in, {"login": "anna@example.org", "password": password[:-1]})
    assert SESSION_KEY not in client.session
    client.post(log_in, {"login": "anna@example.org", "password": password})
    assert SESSION_KEY in client.session


def test_v2_1_4_any_printable_unicode_character_is_accepted_in_a_password(client):
    password = "Ąžuolas ūdra 🦦 ķirbis 𝄞 ẞ"
    assert signed_up(client, password)
    user = make_user("ben@example.org")
    user.set_password(password)
    user.save()
    client.post(reverse("account_login"), {"login": "ben@example.org", "password": password})
    assert SESSION_KEY in client.session


def test_v2_1_5_and_2_1_6_a_password_change_needs_the_current_password(client):
    make_user("anna@example.org")
    client.post(reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD})
    new = "a brand new passphrase"
    url = reverse("account_change_password")
    refused = client.post(
        url, {"oldpassword": "not my password", "password1": new, "password2": new}
    )
    assert refused.status_code == 200
    assert "Please type your current password." in text(refused)
    changed = client.post(url, {"oldpassword": PASSWORD, "password1": new, "password2": new})
    assert changed.status_code == 302


def test_v2_1_7_common_passwords_are_refused(client):
    response = sign_up(client, "password1234")
    assert "This password is too common." in text(response)


def test_v2_1_9_no_rules_about_kinds_of_characters(client):
    assert signed_up(client, "onlylowercaseletters")


def test_v2_1_11_password_fields_let_password_managers_fill_them(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert 'autocomplete="new-password"' in html
    assert "onpaste" not in html
