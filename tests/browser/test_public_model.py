"""A municipal officer browses the model in a real browser."""

import pytest
from playwright.sync_api import expect

from domains.models import Domain, Stage

from .conftest import axe_violations


def test_open_the_matrix_then_a_cell_and_walk_its_neighbours(site, page):
    page.goto(site.url + "/en/model/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("five domains")
    page.get_by_role("table").get_by_role("link", name="Leadership · Planning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leadership: Planning")
    expect(page.get_by_role("heading", name="Guiding questions")).to_be_visible()

    page.get_by_role("link", name="Next stage: Leadership · Implementation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leadership: Implementation")
    page.get_by_role("link", name="Next domain: Communication · Implementation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Communication: Implementation")
    page.get_by_role("link", name="Back to the whole model").click()
    expect(page).to_have_url(site.url + "/en/model/")


def test_choose_a_focus_with_the_form(site, page):
    page.goto(site.url + "/en/model/")
    page.get_by_label("Leadership").check()
    page.get_by_label("Communication").check()
    page.get_by_label("Planning").check()
    page.get_by_role("button", name="Show these cells").click()
    expect(page).to_have_url(
        site.url + "/en/model/?domains=leadership,communication&stages=planning#focus"
    )
    reading_list = page.locator("ol.reading-list li")
    expect(reading_list).to_have_count(2)
    expect(reading_list.first).to_contain_text("Leadership · Planning")


def test_the_matrix_fits_a_phone_screen_without_sideways_scrolling(site, page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site.url + "/en/model/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_a_bad_focus_moves_focus_to_the_error_summary(site, page):
    page.goto(site.url + "/en/model/?domains=trust")
    expect(page.locator(".error-summary")).to_be_focused()
    page.get_by_role("link", name="Domains: “trust” is not a domain", exact=False).click()
    expect(page.get_by_label("Risk identification")).to_be_focused()


PUBLIC_PAGES = [
    "/en/",
    "/en/model/",
    "/en/model/?domains=leadership,communication&stages=planning",
    "/en/model/?domains=trust",
    "/en/model/sources/",
    "/en/model/self-check/",
    "/en/model/self-check/?risk-identification--mapping=2&leadership--planning=5",
    *[f"/en/model/domains/{slug}/" for slug in ["risk-identification", "motivation"]],
    *[f"/en/model/stages/{slug}/" for slug in ["mapping", "assessment"]],
    "/en/model/coordination/implementation/",
    "/en/model/no-such/page/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_accessibility_violations(site, page, path):
    page.goto(site.url + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_every_cell_page_passes_axe_on_phone_and_desktop(site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    for domain in Domain.objects.all():
        for stage in Stage.objects.all():
            page.goto(f"{site.url}/en/model/{domain.slug}/{stage.slug}/")
            assert axe_violations(page) == [], (domain.slug, stage.slug)
