"""People read, sign up and print in their own language, in a real browser."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from domains.models import Cell

from ..pdf import page_texts
from ..people import PASSWORD
from ..worker import run_worker
from .conftest import axe_violations

LANGUAGE_PAGES = [
    "",
    "model/",
    "model/leadership/planning/",
    "model/sources/",
    "model/self-check/?coordination--planning=2",
    "accounts/signup/",
]


def test_switch_a_cell_page_to_latvian_and_read_its_questions(site, page):
    page.goto(f"{site.url}/en/model/risk-identification/mapping/")
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="latviešu").click()
    expect(page).to_have_url(f"{site.url}/lv/model/risk-identification/mapping/")
    expect(page.locator("html")).to_have_attribute("lang", "lv")
    cell = Cell.objects.get(domain__slug="risk-identification", stage__slug="mapping")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{cell.domain.name_lv}: {cell.stage.name_lv}"
    )
    for question in cell.questions:
        expect(page.get_by_text(question.text_lv)).to_be_visible()


def test_sign_up_in_polish_and_receive_the_polish_verification_mail(site, page):
    page.goto(f"{site.url}/pl/accounts/signup/")
    page.locator("input[name=email]").fill("ola@example.org")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("input[name=display_name]").fill("Ola Nowak")
    page.locator("input[name=sector][value=citizen]").check()
    page.locator("form button[type=submit]").last.click()
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    [message] = mail.outbox
    assert "potwierdź" in message.subject.lower()
    assert "/pl/accounts/confirm-email/" in message.body


def test_print_a_lithuanian_workbook_from_the_english_interface(site, page):
    page.goto(f"{site.url}/en/model/domains/communication/")
    page.get_by_text("Print it in another language").click()
    page.get_by_role("link", name="lietuvių").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing your workbook…")
    with page.expect_download(timeout=30_000) as download:
        run_worker()
    text = " ".join(page_texts(Path(download.value.path()).read_bytes()))
    cell = Cell.objects.get(domain__slug="communication", stage__slug="planning")
    assert cell.purpose_lt in text
    assert "ų" in text
    assert "ė" in text


@pytest.mark.parametrize("language", ["de", "fi"])
def test_long_words_never_make_a_phone_scroll_sideways(site, page, language):
    page.set_viewport_size({"width": 375, "height": 800})
    for path in LANGUAGE_PAGES:
        page.goto(f"{site.url}/{language}/{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_pages_in_every_language_have_no_accessibility_violations(site, page, language):
    for path in LANGUAGE_PAGES:
        page.goto(f"{site.url}/{language}/{path}")
        assert axe_violations(page) == [], path
