"""Two people sign up, one starts a partnership and invites the other, in a real browser."""

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from partnerships.models import Role

from ..mail import link_in
from ..people import PASSWORD, invite, make_partnership, make_user
from .conftest import axe_violations


def assert_accessible(page):
    assert axe_violations(page) == [], page.url


def sign_up(page, email, name, sector):
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Display name").fill(name)
    page.get_by_label(sector).check()
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()


def test_two_people_sign_up_and_share_a_partnership(site, page, browser):
    page.goto(site.url + "/en/")
    page.get_by_role("link", name="Sign up", exact=True).click()
    assert_accessible(page)
    sign_up(page, "anna@example.org", "Anna Bērziņa", "Public body")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    assert_accessible(page)

    page.goto(link_in(mail.outbox[-1], "/accounts/confirm-email/"))
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My partnerships")
    assert_accessible(page)

    page.get_by_role("link", name="Start a partnership").click()
    page.get_by_role("button", name="Create the partnership").click()
    expect(page.locator(".error-summary")).to_be_focused()
    assert_accessible(page)
    page.get_by_label("Name").fill("Active Riga")
    page.get_by_label("Common goal").fill("Children move an hour a day.")
    page.get_by_label("Public body").check()
    page.get_by_label("Non-profit organisation").check()
    page.get_by_role("button", name="Create the partnership").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Active Riga")
    assert_accessible(page)
    partnership_url = page.url

    page.get_by_role("link", name="Members", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Invite someone").click()
    assert_accessible(page)
    page.get_by_label("E-mail address").fill("ben@example.org")
    page.get_by_label("Viewer").check()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("The invitation is on its way to ben@example.org.")).to_be_visible()
    assert_accessible(page)

    invitation_link = link_in(mail.outbox[-1], "/invitations/")
    ben_context = browser.new_context(bypass_csp=True)
    ben = ben_context.new_page()
    ben.goto(invitation_link)
    expect(ben.get_by_text("Anna Bērziņa invites you to join this partnership")).to_be_visible()
    assert_accessible(ben)
    ben.get_by_role("link", name="Create an account").click()
    expect(ben.get_by_label("E-mail address")).to_have_value("ben@example.org")
    sign_up(ben, "ben@example.org", "Ben Berg", "Citizen")
    ben.get_by_role("button", name="Accept and join").click()
    expect(ben.get_by_role("heading", level=1)).to_have_text("Active Riga")
    ben.get_by_role("link", name="Members", exact=True).click()
    members = ben.locator("table.stack-on-phone tbody")
    expect(members).to_contain_text("Anna Bērziņa")
    expect(members).to_contain_text("Ben Berg")
    ben.get_by_role("navigation", name="Main").get_by_role("link", name="My partnerships").click()
    expect(ben.locator(".partnership-card dd").first).to_have_text("Viewer")

    page.reload()
    expect(page.locator("table.stack-on-phone tbody")).to_contain_text("Ben Berg")

    make_user("carla@example.org")
    carla = browser.new_context().new_page()
    carla.goto(site.url + reverse("account_login"))
    carla.get_by_label("E-mail address").fill("carla@example.org")
    carla.get_by_label("Password").fill(PASSWORD)
    carla.get_by_role("button", name="Log in").click()
    expect(carla.get_by_text("You are not in any partnership yet.")).to_be_visible()
    carla.goto(partnership_url)
    expect(carla.get_by_role("heading", level=1)).to_have_text("We could not find that page")
    ben_context.close()


@pytest.fixture
def facilitator_page(site, page):
    anna = make_user("anna@example.org", "Anna Bērziņa")
    partnership = make_partnership(anna)
    ben = make_user("ben@example.org", "Ben Berg")
    partnership.memberships.create(user=ben, role=Role.EDITOR)
    page.goto(site.url + reverse("account_login"))
    page.get_by_label("E-mail address").fill("anna@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My partnerships")
    return page, partnership, ben


def test_every_partnership_and_account_page_passes_axe(site, facilitator_page):
    page, partnership, ben = facilitator_page
    _, token = invite(partnership, "cleo@example.org", invited_by=ben)
    pk = partnership.pk
    member = partnership.memberships.get(user=ben).pk
    paths = [
        reverse("partnerships:list"),
        reverse("partnerships:create"),
        reverse("partnerships:detail", args=[pk]),
        reverse("partnerships:members", args=[pk]),
        reverse("partnerships:invite", args=[pk]),
        reverse("partnerships:edit", args=[pk]),
        reverse("partnerships:archive", args=[pk]),
        reverse("partnerships:delete", args=[pk]),
        reverse("partnerships:leave", args=[pk]),
        reverse("partnerships:remove", args=[pk, member]),
        reverse("partnerships:invitation", args=[token]),
        reverse("accounts:profile"),
        reverse("accounts:delete"),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("account_logout"),
        "/en/partnerships/doesnotexist/",
    ]
    for path in paths:
        page.goto(site.url + path)
        assert_accessible(page)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site.url + reverse("partnerships:members", args=[pk]))
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


@pytest.mark.parametrize(
    "path",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
    ],
)
def test_entrance_pages_pass_axe(site, page, path):
    page.goto(site.url + reverse(path))
    assert_accessible(page)


def test_a_failed_login_shows_the_error_summary_first(site, page):
    page.goto(site.url + reverse("account_login"))
    page.get_by_label("E-mail address").fill("nobody@example.org")
    page.get_by_label("Password").fill("wrong password here")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.get_by_label("E-mail address")).to_have_value("nobody@example.org")
    assert_accessible(page)
