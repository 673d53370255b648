"""The partnership's workspace in a browser, on a desktop and on a phone: nothing covers the
note's controls wherever the page is scrolled, the main task comes first, and the preview
follows the writer's typing."""

import pytest
from playwright.sync_api import expect

from domains.models import Cell
from notes.editing import mark_discussed, save_text, set_status

from ..people import make_partnership, make_user
from .conftest import axe_violations, signed_in

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 800}
CELL = "leadership/planning"

# Every control a user can see, in the document's coordinates (a sticky one's depend on the
# scroll position). Bootstrap scrolls smoothly: the tests scroll at once.
CONTROL_BOXES = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary')]
  .filter((element) => element.checkVisibility({visibilityProperty: true}))
  .map((element) => {
    const box = element.getBoundingClientRect();
    return {name: element.outerHTML.slice(0, 80), x: box.left + window.scrollX,
            y: box.top + window.scrollY, width: box.width, height: box.height};
  })
  .filter((box) => box.width > 1 && box.height > 1 && box.y >= 0)"""

# Whether the element is what a click at its centre reaches (nothing laid over it).
ON_TOP = """(element) => {
  element.scrollIntoView({block: 'center', behavior: 'instant'});
  const box = element.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return hit === element || element.contains(hit) || (hit && hit.control === element);
}"""


def overlapping(boxes):
    """Pairs of controls whose boxes overlap by more than a pixel each way."""
    pairs = []
    for index, first in enumerate(boxes):
        for second in boxes[index + 1 :]:
            across = min(first["x"] + first["width"], second["x"] + second["width"]) - max(
                first["x"], second["x"]
            )
            down = min(first["y"] + first["height"], second["y"] + second["height"]) - max(
                first["y"], second["y"]
            )
            if across > 1 and down > 1:
                pairs.append((first["name"], second["name"]))
    return pairs


@pytest.fixture
def workspace(site):
    anna = make_user("anna@example.org", "Anna Andersen")
    partnership = make_partnership(anna, name="Active towns")
    cells = list(Cell.objects.for_page())
    for number, cell in enumerate(cells[:6]):
        save_text(partnership, cell, anna, f"## Agreed\n\nStep {number}.\n\n- one\n- two", 0)
        set_status(partnership, cell, anna, "done" if number < 2 else "in_progress")
        mark_discussed(partnership, anna, ticked=cell.questions[: number + 1], unticked=[])
    return partnership, anna


def cell_url(site, partnership):
    return f"{site.url}/en/partnerships/{partnership.pk}/{CELL}/"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_nothing_covers_the_note_s_controls_wherever_the_page_is_scrolled(
    workspace, site, context, viewport
):
    partnership, anna = workspace
    page = signed_in(context, site, anna)
    page.set_viewport_size(viewport)
    page.goto(cell_url(site, partnership))
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height, viewport["height"] // 2):
        page.evaluate(f"window.scrollTo({{top: {top}, behavior: 'instant'}})")
        assert overlapping(page.evaluate(CONTROL_BOXES)) == [], top
    controls = [
        page.get_by_label("Status of this cell"),
        page.get_by_label("The partnership's note"),
        page.get_by_role("button", name="Save the note"),
        *page.locator("input[name=discussed]").all(),
    ]
    for control in controls:
        assert control.evaluate(ON_TOP), control
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_on_a_phone_the_note_comes_first_and_guidance_is_a_jump_away(workspace, site, context):
    partnership, anna = workspace
    page = signed_in(context, site, anna)
    page.set_viewport_size(PHONE)
    page.goto(cell_url(site, partnership))
    editor = page.get_by_label("The partnership's note").bounding_box()
    assert editor["y"] < 900
    page.get_by_role("navigation", name="On this page").get_by_role("link", name="Guidance").click()
    expect(page.get_by_role("heading", name="Good practices")).to_be_in_viewport()


def test_the_preview_follows_the_writer_s_typing(workspace, site, context):
    partnership, anna = workspace
    page = signed_in(context, site, anna)
    page.goto(cell_url(site, partnership))
    preview = page.locator("#note-preview")
    expect(preview.get_by_role("heading", name="Agreed")).to_be_visible()
    page.get_by_label("The partnership's note").fill("We **meet** on *Tuesdays*.\n\n- one")
    expect(preview.locator("strong")).to_have_text("meet")
    expect(preview.locator("em")).to_have_text("Tuesdays")
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=10_000)
    page.get_by_label("The partnership's note").press_sequentially(" and more")
    expect(preview.locator("li")).to_have_text("one and more")


def test_status_changes_without_a_button_and_stays(workspace, site, context):
    partnership, anna = workspace
    page = signed_in(context, site, anna)
    page.goto(cell_url(site, partnership))
    expect(page.get_by_role("button", name="Set status")).to_be_hidden()
    page.get_by_label("Status of this cell").select_option("done")
    expect(page.get_by_role("status").filter(has_text="Status set to “Done”.")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Status of this cell")).to_have_value("done")


def test_without_javascript_status_and_preview_are_plain_forms(workspace, site, browser):
    partnership, anna = workspace
    context = browser.new_context(java_script_enabled=False)
    page = signed_in(context, site, anna)
    page.goto(cell_url(site, partnership))
    page.get_by_label("Status of this cell").select_option("not_started")
    page.get_by_role("button", name="Set status").click()
    expect(page.locator(".alert-success")).to_contain_text("Status set to “Not started”.")
    page.get_by_label("The partnership's note").fill("A *draft* to look at")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#note-preview em")).to_have_text("draft")
    expect(page.get_by_label("The partnership's note")).to_have_value("A *draft* to look at")
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_dashboard_s_grid_starts_on_the_first_screen(workspace, site, context, viewport):
    partnership, anna = workspace
    page = signed_in(context, site, anna)
    page.set_viewport_size(viewport)
    page.goto(f"{site.url}/en/partnerships/{partnership.pk}/")
    grid = page.locator("table.progress-grid")
    assert grid.bounding_box()["y"] < viewport["height"]
    expect(page.get_by_text("6 of 20 cells started, 2 done;")).to_be_visible()
    first = page.get_by_role("link", name="Risk identification · Mapping:")
    expect(first).to_contain_text("Done")
    assert overlapping(page.evaluate(CONTROL_BOXES)) == []
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert axe_violations(page) == []
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Risk identification: Mapping")


def test_the_cell_page_has_no_accessibility_violations_on_a_phone(workspace, site, context):
    partnership, anna = workspace
    page = signed_in(context, site, anna)
    page.set_viewport_size(PHONE)
    page.goto(cell_url(site, partnership))
    assert axe_violations(page) == []
