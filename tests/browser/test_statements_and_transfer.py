"""The accessibility statement, the privacy notice and the partnership import in a real
browser: axe finds nothing in any language or width, nothing scrolls sideways on a phone, and
a refused import puts the focus on its error summary."""

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from ..people import make_partnership, make_user
from .conftest import axe_violations, signed_in

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [375, 1280])
def test_the_statements_pass_axe_and_fit_a_phone_in_every_language(site, page, language, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in ["accessibility/", "privacy/"]:
        page.goto(f"{site.url}/{language}/{path}")
        assert axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


@pytest.mark.parametrize("width", [375, 1280])
def test_a_refused_import_focuses_its_error_summary_and_passes_axe(site, context, width, tmp_path):
    anna = make_user("anna@example.org", "Anna Bērziņa")
    partnership = make_partnership(anna)
    page = signed_in(context, site, anna)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site.url + reverse("partnerships:detail", args=[partnership.pk]))
    assert axe_violations(page) == []
    page.goto(site.url + reverse("partnerships:import"))
    assert axe_violations(page) == []
    broken = tmp_path / "export.json"
    broken.write_text("{not json")
    page.get_by_label("Export file").set_input_files(broken)
    page.get_by_role("button", name="Import the partnership").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator(".error-summary")).to_contain_text("it is not valid JSON")
    assert axe_violations(page) == []
