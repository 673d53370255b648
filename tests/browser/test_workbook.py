"""A facilitator prints the model as a workbook from the model's pages."""

from pathlib import Path
from unittest import mock

from playwright.sync_api import expect

from workbooks.blank import BlankWorkbook

from ..pdf import cell_bookmarks, read
from ..worker import run_worker
from .conftest import axe_violations


def test_download_the_blank_workbook_from_the_matrix(site, page):
    page.goto(site.url + "/en/model/")
    page.get_by_role("link", name="Print this as a workbook").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing your workbook…")
    assert axe_violations(page) == []

    with page.expect_download(timeout=30_000) as download:
        run_worker()
    assert download.value.suggested_filename == "collaboration-model-workbook.pdf"
    pdf = read(Path(download.value.path()).read_bytes())
    assert len(cell_bookmarks(pdf)) == 20
    expect(page.get_by_text("Your workbook is ready and the download has started.")).to_be_visible()


def test_without_javascript_the_download_button_fetches_the_ready_workbook(site, browser):
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.goto(site.url + "/en/model/domains/leadership/")
    page.get_by_role("link", name="Print this as a workbook").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing your workbook…")
    run_worker()
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("link", name="Download the workbook").click()
    assert download.value.suggested_filename == "collaboration-model-workbook-leadership.pdf"
    context.close()


def test_a_failed_render_explains_and_offers_a_retry(site, page):
    page.goto(site.url + "/en/model/workbook.pdf?stages=planning")
    with mock.patch.object(BlankWorkbook, "render", side_effect=RuntimeError("no fonts")):
        run_worker()
    expect(page.get_by_role("heading", level=1)).to_have_text("We could not make your workbook")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing your workbook…")


def test_a_bad_address_gets_an_accessible_explanation(site, page):
    page.goto(site.url + "/en/model/workbook.pdf?domains=trust&paper=a5")
    expect(page.get_by_role("heading", level=1)).to_have_text("We cannot make that workbook")
    expect(page.get_by_role("alert")).to_contain_text("“a5” is not a paper size we print on")
    assert axe_violations(page) == []
