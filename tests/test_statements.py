"""The accessibility statement and the privacy notice: in every language, naming the operator
from settings, stating what the code really keeps, linked from every page's footer."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from notes.models import REVISIONS_KEPT

from .html import page, text
from .people import client_as

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def operator(settings):
    settings.OPERATOR_NAME = "Ogre Municipality"
    settings.OPERATOR_EMAIL = "dati@ogre.example"
    settings.OPERATOR_ADDRESS = "Brīvības iela 33, Ogre"
    settings.ACCESSIBILITY_EMAIL = "pieejamiba@ogre.example"
    return settings


def in_language(name, language):
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["accessibility", "privacy"])
def test_each_statement_answers_in_every_language_naming_the_operator(
    client, operator, name, language
):
    response = client.get(in_language(name, language))
    assert response.status_code == 200
    assert page(response).html["lang"] == language
    assert "Ogre Municipality" in text(response)
    assert "Brīvības iela 33, Ogre" in text(response)
    mails = {a["href"] for a in page(response).select("main a[href^='mailto:']")}
    contact = "pieejamiba@ogre.example" if name == "accessibility" else "dati@ogre.example"
    assert mails == {f"mailto:{contact}"}


def test_the_accessibility_statement_has_the_parts_the_directive_asks_for(client, operator):
    headings = [h.get_text(strip=True) for h in page(client.get("/en/accessibility/"))("h2")]
    assert headings == [
        "Conformance status",
        "What does not conform yet",
        "How this was tested",
        "Feedback and contact",
        "Enforcement procedure",
    ]
    statement = text(client.get("/en/accessibility/"))
    assert (
        "partially conformant with the Web Content Accessibility Guidelines (WCAG) 2.2, level AA"
        in statement
    )
    assert "prepared on 4 December 2026" in statement


def test_the_enforcement_body_comes_from_settings(client, settings):
    response = client.get("/en/accessibility/")
    assert "the European Commission’s pages on web accessibility list them" in text(response)  # noqa: RUF001
    settings.ACCESSIBILITY_ENFORCEMENT_BODY = "Latvian Ombudsman"
    settings.ACCESSIBILITY_ENFORCEMENT_URL = "https://www.tiesibsargs.lv/"
    link = page(client.get("/en/accessibility/")).select_one(
        "main a[href='https://www.tiesibsargs.lv/']"
    )
    assert link.get_text() == "Latvian Ombudsman"


def test_the_privacy_notice_states_what_the_code_keeps(client, settings):
    notice = text(client.get("/en/privacy/"))
    assert f"each note keeps its {REVISIONS_KEPT} newest versions" in notice
    assert f"it ends by itself after {settings.SESSION_COOKIE_AGE // 86400} days" in notice
    assert "The link in an invitation works once, for 14 days." in notice
    assert "is kept ready for up to 30 days" in notice
    assert "for 365 days" in notice  # the language cookie
    settings.SESSION_COOKIE_AGE = 3 * 86400
    assert "it ends by itself after 3 days" in text(client.get("/en/privacy/"))


def test_the_privacy_notice_links_to_download_and_delete_ones_data(client):
    links = {
        a.get_text(" ", strip=True): a["href"]
        for a in page(client.get("/de/privacy/")).select("main a")
    }
    assert set(links.values()) >= {
        "/de/accounts/data.json",
        "/de/accounts/delete/",
        "/de/accounts/profile/",
    }


FOOTED = [
    ("anonymous", "/{language}/"),
    ("anonymous", "/{language}/model/leadership/planning/"),
    ("anonymous", "/{language}/accounts/login/"),
    ("anonymous", "/{language}/no-such-page/"),
    ("viewer", "/{language}/partnerships/"),
    ("viewer", "/{language}/partnerships/{pk}/"),
    ("viewer", "/{language}/partnerships/{pk}/communication/planning/history/"),
    ("viewer", "/{language}/accounts/profile/"),
    ("facilitator", "/{language}/partnerships/{pk}/members/invite/"),
    ("facilitator", "/{language}/partnerships/import/"),
]


@pytest.mark.parametrize("language", ["en", "lv"])
@pytest.mark.parametrize(("who", "path"), FOOTED)
def test_every_page_links_to_both_statements_from_its_footer(client, cast, who, path, language):
    response = client_as(client, cast, who).get(
        path.format(language=language, pk=cast.partnership.pk)
    )
    footer = {a["href"] for a in page(response).select("footer a")}
    assert {f"/{language}/accessibility/", f"/{language}/privacy/"} <= footer


def test_the_statements_ask_only_for_reading(client):
    assert client.post("/en/privacy/").status_code == 405
    assert client.post("/en/accessibility/").status_code == 405
