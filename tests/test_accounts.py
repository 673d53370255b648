"""Accounts: sign-up with verification, logging in and out, sessions, profile, data, deletion."""

import json
from unittest import mock

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import Profile
from partnerships.models import Invitation, Membership, Partnership, Role

from .html import page, text
from .mail import link_in
from .people import PASSWORD, invite, make_partnership, make_user

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "anna@example.org",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "display_name": "Anna Bērziņa",
    "organisation": "Riga City Council",
    "sector": "public",
}


def log_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_sign_up_asks_for_name_and_sector_and_sends_a_verification_link(client):
    form = page(client.get(reverse("account_signup")))
    labels = {label.get_text(" ", strip=True) for label in form.select("main form label")}
    assert {
        "E-mail address *",
        "Password *",
        "Password again *",
        "Display name *",
        "Citizen",
    } <= labels
    assert form.select_one("input[name=password1]")["autocomplete"] == "new-password"

    response = client.post(reverse("account_signup"), SIGNUP)
    assert response["Location"] == reverse("account_email_verification_sent")
    profile = Profile.objects.get(user__email="anna@example.org")
    assert (profile.display_name, profile.organisation, profile.sector) == (
        "Anna Bērziņa",
        "Riga City Council",
        "public",
    )
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert SESSION_KEY not in client.session


def test_the_address_must_be_verified_before_logging_in(client):
    client.post(reverse("account_signup"), SIGNUP)
    response = log_in(client, "anna@example.org")
    assert response["Location"] == reverse("account_email_verification_sent")
    assert SESSION_KEY not in client.session

    link = link_in(mail.outbox[-1])
    assert "Is anna@example.org your e-mail address?" in text(client.get(link))
    client.post(link)
    response = log_in(client, "anna@example.org")
    assert response["Location"] == reverse("partnerships:list")
    assert client.session[SESSION_KEY]


def test_sign_up_errors_are_summarised_and_the_input_kept(client):
    data = {**SIGNUP, "display_name": "", "sector": "", "password2": "different one"}
    response = client.post(reverse("account_signup"), data)
    html = page(response)
    summary = [a["href"] for a in html.select(".error-summary a")]
    assert "#id_display_name" in summary
    assert "#id_sector_0" in summary
    assert "#id_password2" in summary
    assert html.select_one("#id_email")["value"] == "anna@example.org"
    assert html.select_one("#id_organisation")["value"] == "Riga City Council"
    assert html.select_one("#id_display_name")["aria-invalid"] == "true"
    assert not get_user_model().objects.exists()


def test_passwords_follow_the_validators(client):
    data = {**SIGNUP, "password1": "short", "password2": "short"}
    content = text(client.post(reverse("account_signup"), data))
    assert "This password is too short. It must contain at least 12 characters." in content


def test_a_wrong_password_gets_the_same_answer_whether_or_not_the_address_exists(client):
    make_user("anna@example.org")
    known = text(log_in(client, "anna@example.org", "wrong password here"))
    unknown = text(log_in(client, "nobody@example.org", "wrong password here"))
    assert "The email address and/or password you specified are not correct." in known
    assert known.replace("anna@", "X@") == unknown.replace("nobody@", "X@")


def test_signing_up_with_a_taken_address_does_not_reveal_it(client):
    make_user("anna@example.org")
    taken = client.post(reverse("account_signup"), SIGNUP)
    fresh = client.post(reverse("account_signup"), {**SIGNUP, "email": "ben@example.org"})
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"]
    assert get_user_model().objects.filter(email="anna@example.org").count() == 1
    # The owner of the address is told by e-mail instead.
    assert [message.to for message in mail.outbox] == [["anna@example.org"], ["ben@example.org"]]
    assert "already" in mail.outbox[0].body


def test_signing_up_does_the_same_work_whether_or_not_the_address_exists(client):
    make_user("anna@example.org")
    answers = {}
    for email in ["anna@example.org", "ben@example.org"]:
        mail.outbox.clear()
        with mock.patch.object(
            MD5PasswordHasher, "encode", autospec=True, side_effect=MD5PasswordHasher.encode
        ) as encode:
            response = Client().post(reverse("account_signup"), {**SIGNUP, "email": email})
        answers[email] = (response.status_code, response["Location"], encode.call_count)
        assert [message.to for message in mail.outbox] == [[email]]
    # The password is hashed once either way: hashing is most of a sign-up's time.
    assert answers["anna@example.org"] == answers["ben@example.org"]
    assert answers["ben@example.org"] == (302, reverse("account_email_verification_sent"), 1)


def test_repeated_failed_logins_are_rate_limited(client):
    make_user("anna@example.org")
    for _ in range(5):
        log_in(client, "anna@example.org", "wrong password here")
    response = log_in(client, "anna@example.org")
    assert "Too many failed login attempts. Try again later." in text(response)
    assert SESSION_KEY not in client.session


def test_the_admin_is_logged_in_to_through_the_site_log_in_and_its_limits(client):
    staff = make_user("admin@example.org")
    get_user_model().objects.filter(pk=staff.pk).update(is_staff=True, is_superuser=True)
    response = client.get("/admin/")
    assert response["Location"] == "/admin/login/?next=/admin/"
    response = client.get(response["Location"])
    assert response["Location"] == f"{reverse('account_login')}?next=%2Fadmin%2F"
    # The admin's own form checks no password, so it cannot be used to guess them.
    for password in ["wrong password here"] * 25 + [PASSWORD]:
        client.post("/admin/login/", {"username": "admin@example.org", "password": password})
    assert SESSION_KEY not in client.session

    for _ in range(5):
        log_in(client, "admin@example.org", "wrong password here")
    response = log_in(client, "admin@example.org")
    assert "Too many failed login attempts. Try again later." in text(response)
    assert SESSION_KEY not in client.session
    assert client.get("/admin/").status_code == 302


def test_staff_reach_the_admin_after_logging_in_on_the_site(client):
    staff = make_user("admin@example.org")
    get_user_model().objects.filter(pk=staff.pk).update(is_staff=True, is_superuser=True)
    response = client.post(
        f"{reverse('account_login')}?next=/admin/",
        {"login": "admin@example.org", "password": PASSWORD},
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_logging_in_starts_a_new_session_and_lands_on_my_partnerships(client):
    make_user("anna@example.org")
    client.get(reverse("account_login"))
    client.session.save()
    before = client.session.session_key
    response = log_in(client, "anna@example.org")
    assert response["Location"] == reverse("partnerships:list")
    assert client.session.session_key != before
    assert not Session.objects.filter(session_key=before).exists()


def test_logging_out_ends_the_session(client):
    make_user("anna@example.org")
    log_in(client, "anna@example.org")
    key = client.session.session_key
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("partnerships:list")).status_code == 302


def test_changing_the_password_ends_the_other_sessions_only(client):
    make_user("anna@example.org")
    laptop, phone = client, Client()
    log_in(laptop, "anna@example.org")
    log_in(phone, "anna@example.org")
    assert phone.get(reverse("partnerships:list")).status_code == 200
    new = "another long passphrase"
    response = laptop.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    assert laptop.get(reverse("partnerships:list")).status_code == 200
    assert phone.get(reverse("partnerships:list")).status_code == 302


def test_the_header_offers_the_right_links(client):
    anonymous = page(client.get("/en/")).find("header")
    assert anonymous.find("a", string="Log in")["href"] == reverse("account_login")
    assert anonymous.find("a", string="Sign up")["href"] == reverse("account_signup")
    assert anonymous.find("form") is None

    client.force_login(make_user("anna@example.org", "Anna Bērziņa"))
    header = page(client.get("/en/")).find("header")
    assert header.find("a", string="My partnerships")["href"] == reverse("partnerships:list")
    assert "Anna Bērziņa" in header.find("a", href=reverse("accounts:profile")).get_text()
    logout = header.find("form")
    assert (logout["method"], logout["action"]) == ("post", reverse("account_logout"))
    assert logout.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    assert logout.find("button").get_text() == "Log out"


@pytest.mark.parametrize("url_name", ["account_login", "account_signup", "account_reset_password"])
def test_allauth_pages_use_the_site_layout_and_crispy_forms(client, url_name):
    html = page(client.get(reverse(url_name)))
    assert html.find("a", class_="skip-link") is not None
    assert len(html.select("main h1")) == 1
    assert html.select("main form input.form-control")
    for field in html.select("main form input.form-control"):
        assert html.find("label", attrs={"for": field["id"]}) is not None


def test_account_pages_use_the_site_layout(client):
    client.force_login(make_user("anna@example.org"))
    for url in (reverse("account_email"), reverse("account_change_password")):
        html = page(client.get(url))
        assert html.find("nav", attrs={"aria-label": "Your account"}) is not None
        assert len(html.select("main h1")) == 1


def test_password_reset_does_not_reveal_whether_an_account_exists(client):
    make_user("anna@example.org")
    known = client.post(reverse("account_reset_password"), {"email": "anna@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [message.to for message in mail.outbox] == [
        ["anna@example.org"],
        ["nobody@example.org"],
    ]


def test_editing_the_profile(client):
    client.force_login(make_user("anna@example.org", "Anna"))
    url = reverse("accounts:profile")
    response = client.post(url, {"display_name": "", "organisation": "NGO", "sector": "moon"})
    assert response.status_code == 400
    content = text(response)
    assert "Display name: This field is required." in content
    assert page(response).select_one("#id_organisation")["value"] == "NGO"
    response = client.post(
        url, {"display_name": "Anna B.", "organisation": "NGO", "sector": "non-profit"}
    )
    assert response.status_code == 302
    assert Profile.objects.get().display_name == "Anna B."


def test_download_my_data(client, cast):
    invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    client.force_login(cast.facilitator)
    response = client.get(reverse("accounts:data"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    data = json.loads(response.content)
    assert data["account"]["email"] == "fiona@example.org"
    assert data["account"]["email_addresses"] == [
        {"email": "fiona@example.org", "verified": True, "primary": True}
    ]
    assert data["account"]["profile"]["display_name"] == "Fiona Facilitator"
    assert [m["role"] for m in data["memberships"]] == ["facilitator"]
    assert data["partnerships_created"][0]["name"] == "Healthy schools"
    assert data["invitations_sent"][0]["email"] == "nora@example.org"
    assert data["invitations_sent"][0]["status"] == "pending"
    assert "carl@example.org" not in response.content.decode()


def delete_account(client, password=PASSWORD):
    return client.post(reverse("accounts:delete"), {"password": password}, follow=True)


def test_deleting_the_account_needs_the_password(client, cast):
    client.force_login(cast.editor)
    response = delete_account(client, "not my password")
    assert "Your password: That is not your password." in text(response)
    assert get_user_model().objects.filter(pk=cast.editor.pk).exists()


def test_deleting_the_account_stops_checking_passwords_after_allauths_limit(client, cast):
    client.force_login(cast.editor)
    for _ in range(10):  # allauth's limit for re-entering one's password: ten a minute
        delete_account(client, "not my password")
    response = delete_account(client)
    assert response.status_code == 400
    assert "Your password: Too many attempts. Wait a few minutes, then try again." in text(response)
    assert get_user_model().objects.filter(pk=cast.editor.pk).exists()
    assert client.session[SESSION_KEY] == str(cast.editor.pk)
    # The form is still there, to try again later.
    assert page(response).select_one("main form input[name=password]") is not None


def test_a_deleted_account_leaves_its_work_to_a_former_member(client, cast):
    invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    client.force_login(cast.facilitator)
    confirmation = text(client.get(reverse("accounts:delete")))
    assert "shown as written by “a former member”" in confirmation
    response = delete_account(client)
    assert "Your account has been deleted." in text(response)
    assert not get_user_model().objects.filter(email="fiona@example.org").exists()
    assert SESSION_KEY not in client.session

    assert Partnership.objects.filter(pk=cast.partnership.pk).exists()
    client.force_login(cast.co_facilitator)
    home = text(client.get(cast.partnership.get_absolute_url()))
    assert "Started by a former member" in home
    members = text(client.get(reverse("partnerships:members", args=[cast.partnership.pk])))
    assert "Invited by a former member" in members
    assert Invitation.objects.get().invited_by is None


def test_a_partnership_left_without_members_is_deleted(client):
    anna = make_user("anna@example.org")
    own = make_partnership(anna, name="Anna alone")
    client.force_login(anna)
    assert "Anna alone is deleted with all its notes" in text(
        client.get(reverse("accounts:delete"))
    )
    delete_account(client)
    assert not Partnership.objects.filter(pk=own.pk).exists()


def test_the_longest_standing_member_takes_over_from_the_last_facilitator(client, cast):
    Membership.objects.filter(user=cast.co_facilitator).delete()
    client.force_login(cast.facilitator)
    confirmation = text(client.get(reverse("accounts:delete")))
    assert "In Healthy schools , Emma becomes facilitator" in confirmation
    delete_account(client)
    assert cast.membership(cast.editor).role == Role.FACILITATOR
    assert cast.membership(cast.viewer).role == Role.VIEWER
