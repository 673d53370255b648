"""The toolkit's pages pass axe at desktop and phone widths, and a glossary link lands on its
term."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations

PAGES = ["/en/model/coordination/mapping/", "/en/model/warning-signs/", "/en/model/glossary/"]


@pytest.mark.parametrize("width", [1280, 375])
def test_the_toolkit_pages_pass_axe(site, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 900}, bypass_csp=True)
    for path in PAGES:
        page.goto(site.url + path)
        assert axe_violations(page) == [], path


def test_a_glossary_link_leads_to_its_term(site, page):
    page.goto(site.url + "/en/model/coordination/planning/")
    page.locator("a.glossary-link", has_text="steering group").first.click()
    expect(page).to_have_url(site.url + "/en/model/glossary/#term-steering-group")
    expect(page.locator("#term-steering-group")).to_have_text("Steering group")
