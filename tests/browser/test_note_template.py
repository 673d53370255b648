"""A member starts the partnership's empty note from the cell's tool, in one click."""

from playwright.sync_api import expect

from domains.models import Cell
from notes.models import Note

from ..people import make_partnership, make_user
from .conftest import axe_violations, signed_in


def test_start_from_this_template_fills_an_empty_note(site, browser):
    anna = make_user("anna@example.org", "Anna Andersen")
    partnership = make_partnership(anna, name="Active kids")
    tool = Cell.objects.get(domain__slug="coordination", stage__slug="mapping").tool
    page = signed_in(browser.new_context(bypass_csp=True), site, anna)
    page.goto(f"{site.url}/en/partnerships/{partnership.pk}/coordination/mapping/")
    editor = page.get_by_label("The partnership's note")
    expect(editor).to_have_value("")

    page.get_by_role("link", name="Start from this template").click()
    expect(editor).to_have_value(tool.note_text())
    expect(editor).to_be_focused()
    assert page.url.endswith("/coordination/mapping/")  # filled in place, no reload
    assert axe_violations(page) == []

    page.get_by_role("button", name="Save the note").click()
    expect(page.locator(".alert-success")).to_contain_text("The note has been saved.")
    assert Note.objects.get().text == tool.note_text()
