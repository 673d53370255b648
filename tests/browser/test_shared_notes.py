"""Two partners write the same cell in two browsers; nothing typed is ever lost."""

import pytest
from playwright.sync_api import expect

from domains.models import Cell
from notes.editing import save_text
from notes.models import Note

from ..people import make_partnership, make_user
from .conftest import axe_violations, signed_in

CELL = "coordination/implementation"


@pytest.fixture
def partners(site):
    anna = make_user("anna@example.org", "Anna Andersen")
    ben = make_user("ben@example.org", "Ben Berg")
    partnership = make_partnership(anna, name="Active towns")
    partnership.memberships.create(user=ben, role="editor")
    return partnership, anna, ben


def cell_url(site, partnership, suffix=""):
    return f"{site.url}/en/partnerships/{partnership.pk}/{CELL}/{suffix}"


def test_autosave_then_a_stale_editor_sees_both_texts(site, partners, browser):
    partnership, anna, ben = partners
    anna_page = signed_in(browser.new_context(bypass_csp=True), site, anna)
    ben_page = signed_in(browser.new_context(bypass_csp=True), site, ben)
    anna_page.goto(cell_url(site, partnership))
    ben_page.goto(cell_url(site, partnership))

    anna_page.get_by_label("The partnership's note").fill("Anna: the steering group meets monthly.")
    expect(anna_page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=10_000)

    ben_page.get_by_label("The partnership's note").fill("Ben: we report to the council in May.")
    expect(ben_page.get_by_role("heading", level=1)).to_have_text(
        "Someone else changed this note while you were writing", timeout=10_000
    )
    expect(ben_page.get_by_label("Your text: edit it to combine both versions")).to_have_value(
        "Ben: we report to the council in May."
    )
    expect(ben_page.get_by_label("Current text, to copy from")).to_have_value(
        "Anna: the steering group meets monthly."
    )
    assert axe_violations(ben_page) == []

    combined = "Anna: the steering group meets monthly.\n\nBen: we report to the council in May."
    ben_page.get_by_label("Your text: edit it to combine both versions").fill(combined)
    ben_page.get_by_role("button", name="Save my text as the newest version").click()
    expect(ben_page.locator(".alert-success")).to_contain_text("The note has been saved.")

    anna_page.reload()
    expect(anna_page.get_by_label("The partnership's note")).to_have_value(combined)
    assert Note.objects.get().text == combined


def test_a_failed_save_keeps_the_text_and_offers_it_back(site, partners, page, context):
    partnership, anna, _ben = partners
    page = signed_in(context, site, anna)
    page.goto(cell_url(site, partnership))
    page.route("**/note/", lambda route: route.abort("internetdisconnected"))
    page.get_by_label("The partnership's note").fill("Words typed while the network was down.")
    expect(page.locator("[data-save-status]")).to_contain_text(
        "Not saved: the server could not be reached", timeout=10_000
    )
    assert not Note.objects.exists()

    page.unroute("**/note/")
    page.once("dialog", lambda dialog: dialog.accept())  # the leave-with-unsaved-changes warning
    page.goto(cell_url(site, partnership))
    offer = page.get_by_role("region", name="Unsaved text")
    expect(offer).to_contain_text("Words typed while the network was down.")
    offer.get_by_role("button", name="Put it back in the editor").click()
    expect(page.get_by_label("The partnership's note")).to_have_value(
        "Words typed while the network was down."
    )
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=10_000)
    assert Note.objects.get().text == "Words typed while the network was down."


def test_unsaved_text_is_never_offered_to_the_next_person_on_the_browser(
    site, partners, page, context
):
    partnership, anna, ben = partners
    page = signed_in(context, site, anna)
    page.goto(cell_url(site, partnership))
    page.route("**/note/", lambda route: route.abort("internetdisconnected"))
    page.get_by_label("The partnership's note").fill("Anna's private first thoughts.")
    expect(page.locator("[data-save-status]")).to_contain_text("Not saved", timeout=10_000)
    page.once("dialog", lambda dialog: dialog.accept())  # the leave-with-unsaved-changes warning
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("banner").get_by_role("link", name="Log in")).to_be_visible()

    ben_page = signed_in(context, site, ben)
    ben_page.goto(cell_url(site, partnership))
    expect(ben_page.get_by_label("The partnership's note")).to_have_value("")
    expect(ben_page.get_by_role("region", name="Unsaved text")).to_have_count(0)
    assert ben_page.evaluate("Object.keys(localStorage)") == []


def test_ticking_a_question_saves_it_without_a_button(site, partners, page, context):
    partnership, anna, _ben = partners
    page = signed_in(context, site, anna)
    page.goto(cell_url(site, partnership))
    first_question = page.locator("input[name=discussed]").first
    first_question.check()
    expect(page.locator("[data-discussed-status]")).to_have_text("Saved.")
    page.reload()
    expect(page.locator("input[name=discussed]").first).to_be_checked()


def test_partnership_pages_have_no_accessibility_violations(site, partners, page, context):
    partnership, anna, ben = partners
    cell = Cell.objects.get(domain__slug="coordination", stage__slug="implementation")
    note = save_text(partnership, cell, anna, "First **plan**.\n\n- one\n- two", 0)
    save_text(partnership, cell, ben, "Second plan.", note.version)
    page = signed_in(context, site, anna)
    paths = [
        f"{site.url}/en/partnerships/{partnership.pk}/",
        cell_url(site, partnership),
        cell_url(site, partnership, "history/"),
        cell_url(site, partnership, "history/?from=1&to=2"),
    ]
    for path in paths:
        page.goto(path)
        assert axe_violations(page) == [], path
    page.set_viewport_size({"width": 375, "height": 800})
    for path in paths:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, path
