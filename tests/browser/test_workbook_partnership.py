"""A facilitator prints the partnership's workbook from its page, in a real browser."""

from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from domains.models import Cell
from notes.editing import save_text

from ..assessment_rounds import answered_and_closed
from ..pdf import bookmarks, cell_bookmarks, page_texts, read
from ..people import make_partnership, make_user
from ..worker import run_worker
from .conftest import axe_violations, signed_in


def test_a_facilitator_downloads_the_partnership_workbook(site, browser):
    fiona = make_user("fiona@example.org", "Fiona Bērziņa", organisation="Rīga City Council")
    partnership = make_partnership(fiona, name="Active Riga")
    cell = Cell.objects.get(domain__slug="leadership", stage__slug="planning")
    save_text(partnership, cell, fiona, "- We meet **every month**", 0)
    page = signed_in(browser.new_context(bypass_csp=True), site, fiona)

    page.goto(f"{site.url}/en/partnerships/{partnership.pk}/?domains=leadership")
    assert axe_violations(page) == []
    # Cells with nothing recorded are left out by default: only the one written in prints.
    page.get_by_role("button", name="Print this as a workbook").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing your workbook…")
    assert axe_violations(page) == []

    with page.expect_download(timeout=30_000) as download:
        run_worker()
    day = timezone.localdate().isoformat()
    assert download.value.suggested_filename == f"active-riga-workbook-{day}.pdf"
    pdf = Path(download.value.path()).read_bytes()
    assert read(pdf).metadata.title == "Active Riga — workbook"
    assert [title for title, _page in cell_bookmarks(read(pdf))] == ["Leadership · Planning"]
    assert "• We meet every month" in " ".join(page_texts(pdf))
    expect(page.get_by_text("Your workbook is ready and the download has started.")).to_be_visible()


def test_without_javascript_the_form_and_the_preparing_page_still_work(site, browser):
    fiona = make_user("fiona@example.org", "Fiona Bērziņa")
    partnership = make_partnership(fiona, name="Active Riga")
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = signed_in(context, site, fiona)
    page.goto(f"{site.url}/en/partnerships/{partnership.pk}/?stages=assessment")
    page.get_by_label("Paper size").select_option(label="US Letter")
    page.get_by_label("Cells with nothing recorded yet").select_option(label="Include them")
    page.get_by_role("button", name="Print this as a workbook").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing your workbook…")
    run_worker()
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("link", name="Download the workbook").click()
    pdf = read(Path(download.value.path()).read_bytes())
    assert len(cell_bookmarks(pdf)) == 5
    assert round(pdf.pages[0].mediabox.height) == 792
    context.close()


def test_a_member_prints_the_workbook_with_the_latest_self_assessment(site, cast, browser):
    answered_and_closed(cast, ["1", "2", "2"], title="Autumn check")
    page = signed_in(browser.new_context(bypass_csp=True), site, cast.viewer)
    page.goto(f"{site.url}/en/partnerships/{cast.partnership.pk}/?domains=leadership")
    option = page.get_by_label("Include the latest self-assessment results")
    expect(option).not_to_be_checked()
    option.check()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Print this as a workbook").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing your workbook…")
    with page.expect_download(timeout=30_000) as download:
        run_worker()
    pdf = Path(download.value.path()).read_bytes()
    assert "Self-assessment" in [title for title, _page in bookmarks(read(pdf))]
    text = " ".join(page_texts(pdf))
    assert "Autumn check" in text
    assert "Concern (2)" in text
