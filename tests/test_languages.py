"""Nine languages: addresses, the switcher, the model's content, the interface, e-mails, PDFs."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import translator

from accounts.models import Profile
from domains.models import Cell, Domain
from partnerships.forms import InvitationForm
from partnerships.models import Partnership
from workbooks.options import PartnershipWorkbookOptionsForm

from .html import page
from .mail import link_in
from .pdf import page_texts, read
from .people import PASSWORD, make_user
from .worker import run_worker

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
TRANSLATED = [code for code in LANGUAGES if code != settings.LANGUAGE_CODE]
PUBLIC_PAGES = [
    ("domains:home", []),
    ("domains:matrix", []),
    ("domains:domain", ["leadership"]),
    ("domains:stage", ["planning"]),
    ("domains:cell", ["communication", "implementation"]),
    ("domains:sources", []),
    ("accessibility", []),
    ("privacy", []),
    ("assessments:self_check", []),
    ("account_login", []),
    ("account_signup", []),
]


def catalogues():
    return sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def entries(po):
    """(msgid, msgstr) pairs of a catalogue, plural forms as their first form, header left out."""
    text = po.read_text()
    pairs = []
    for block in text.split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:
            join = lambda lines: "".join(re.findall(r'"(.*)"', lines))  # noqa: E731
            if join(msgid.group(1)):
                pairs.append((join(msgid.group(1)), join(msgstr.group(1))))
    return pairs


def english_left(response, language):
    """Interface sentences shown in English on a page in ``language``: every msgid of three
    words or more whose translation differs from it, found in the page's visible text."""
    visible = " ".join(page(response).get_text(" ").split())
    found = []
    for po in (LOCALE / language / "LC_MESSAGES").glob("*.po"):
        for msgid, msgstr in entries(po):
            sentence = msgid.replace("\\n", " ")
            if "%" in sentence or "{" in sentence or len(sentence.split()) < 3:
                continue
            if msgstr != msgid and sentence in visible:
                found.append(sentence)
    return found


def test_every_text_of_the_model_is_translated_in_every_language():
    missing = []
    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).fields
        for item in model.objects.all():
            for field in fields:
                for code in TRANSLATED:
                    value = getattr(item, f"{field}_{code}")
                    if not (value or "").strip() and getattr(item, f"{field}_en"):
                        missing.append(f"{model.__name__} {item.pk} {field}_{code}")
    assert missing == []


def test_loading_the_model_again_changes_nothing():
    before = list(Domain.objects.values_list("name_lv", "definition_fi").order_by("pk"))
    call_command("loaddata", "model", verbosity=0)
    assert list(Domain.objects.values_list("name_lv", "definition_fi").order_by("pk")) == before


@pytest.mark.parametrize("po", catalogues(), ids=lambda po: "/".join(po.parts[-3::2]))
def test_every_catalogue_is_complete_with_nothing_fuzzy(po):
    statistics = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    assert "untranslated" not in statistics
    assert "fuzzy" not in statistics
    assert "#, fuzzy" not in po.read_text()


def test_the_catalogues_are_current(tmp_path, settings):
    """makemessages run on the tree finds no message the catalogues lack or no longer use."""
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy)
    settings.LOCALE_PATHS = [copy]
    options = {"locale": TRANSLATED, "ignore_patterns": [".venv/*", "node_modules/*", "tests/*",
               "bench/*", "staticfiles/*"], "no_obsolete": True, "verbosity": 0}  # fmt: skip
    call_command("makemessages", **options)
    call_command("makemessages", domain="djangojs", **options)
    for po in catalogues():
        fresh = copy / po.relative_to(LOCALE)
        assert sorted(dict(entries(fresh))) == sorted(dict(entries(po))), po


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "args"), PUBLIC_PAGES, ids=[name for name, _ in PUBLIC_PAGES])
def test_every_public_page_speaks_the_language_of_its_address(client, language, name, args):
    with translation.override(language):
        url = reverse(name, args=args)
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    html = page(response)
    assert html.html["lang"] == language
    if language != settings.LANGUAGE_CODE:
        assert english_left(response, language) == []
        with translation.override("en"):
            english_heading = page(client.get(reverse(name, args=args))).h1.get_text(strip=True)
        assert html.h1.get_text(strip=True) != english_heading


def test_a_cell_page_in_latvian_reads_the_cell_in_latvian(client):
    cell = Cell.objects.get(domain__slug="risk-identification", stage__slug="mapping")
    html = page(client.get("/lv/model/risk-identification/mapping/"))
    assert html.h1.get_text(strip=True) == f"{cell.domain.name_lv}: {cell.stage.name_lv}"
    questions = [item.text_lv for item in cell.questions]
    content = " ".join(html.find("main").get_text().split())  # glossary links inside the text
    assert all(question in content for question in questions)
    assert cell.domain.name_lv == "Riska identificēšana"  # the original model's own term


def test_an_address_without_a_language_goes_to_the_visitors_language(client):
    response = client.get("/model/leadership/planning/?x=1", HTTP_ACCEPT_LANGUAGE="lv,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/lv/model/leadership/planning/?x=1"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")["Location"] == "/de/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ja")["Location"] == "/en/"


def test_the_language_last_read_is_remembered(client):
    client.get("/pl/model/", HTTP_ACCEPT_LANGUAGE="en")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/pl/"


def test_the_switcher_keeps_the_page_and_the_focus(client):
    html = page(client.get("/en/model/?domains=leadership&stages=planning"))
    links = {a["hreflang"]: a for a in html.select(".language-switcher a")}
    assert list(links) == LANGUAGES
    assert links["lv"]["href"] == "/lv/model/?domains=leadership&stages=planning"
    assert links["lv"].get_text() == "latviešu"
    assert links["pl"].get_text() == "polski"
    assert links["en"]["aria-current"] == "true"
    alternates = {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate]")}
    assert alternates["fi"] == "http://testserver/fi/model/?domains=leadership&stages=planning"


def test_signing_up_in_polish_sends_the_verification_in_polish(client):
    response = client.post(
        "/pl/accounts/signup/",
        {"email": "ola@example.org", "password1": PASSWORD, "password2": PASSWORD,
         "display_name": "Ola", "sector": "citizen"},
    )  # fmt: skip
    assert response.status_code == 302
    [message] = mail.outbox
    with translation.override("pl"):
        assert "/pl/accounts/confirm-email/" in link_in(message)
    assert "potwierdź" in message.subject.lower()
    assert Profile.objects.get(user__email="ola@example.org").language == "pl"


def test_mail_to_a_person_is_in_their_profiles_language(client):
    user = make_user("lauma@example.org", "Lauma")
    Profile.objects.filter(user=user).update(language="lv")
    client.post("/en/accounts/password/reset/", {"email": "lauma@example.org"})
    [message] = mail.outbox
    assert "/lv/accounts/password/reset/key/" in message.body
    assert "Lai izvēlētos jaunu paroli" in message.body  # the product's text, in Latvian
    assert message.subject == "[Sadarbības darba burtnīca] Atiestatiet paroli"


def test_an_invitation_goes_out_in_the_language_the_inviter_chose(client, cast):
    client.force_login(cast.facilitator)
    client.post(
        reverse("partnerships:invite", args=[cast.partnership.pk]),
        {"email": "rasa@example.org", "role": "editor", "language": "lt"},
    )
    [message] = mail.outbox
    assert "/lt/invitations/" in link_in(message)
    with translation.override("lt"):
        assert translation.gettext("The partnership’s common goal:") in message.body  # noqa: RUF001


def test_a_lithuanian_workbook_from_the_english_interface(client):
    url = "/en/model/workbook.pdf?domains=communication&stages=planning&lang=lt"
    assert client.get(url).status_code == 202
    run_worker()
    response = client.get(url)
    assert response.status_code == 200
    text = " ".join(page_texts(response.content))
    cell = Cell.objects.get(domain__slug="communication", stage__slug="planning")
    assert cell.purpose_lt.split()[0] in text
    assert any(letter in text for letter in "ąčęėįšųūž")
    assert cell.purpose_en not in text
    assert read(response.content).trailer["/Root"]["/Lang"] == "lt"


def test_after_logging_in_the_site_continues_in_the_persons_language(client):
    user = make_user("lauma@example.org", "Lauma")
    Profile.objects.filter(user=user).update(language="lv")
    response = client.post(
        "/en/accounts/login/", {"login": "lauma@example.org", "password": PASSWORD}
    )
    assert response["Location"] == "/lv/partnerships/"


def test_the_profile_keeps_the_chosen_language(client):
    user = make_user("lauma@example.org", "Lauma")
    client.force_login(user)
    client.post(
        "/en/accounts/profile/",
        {"display_name": "Lauma", "organisation": "", "sector": "public", "language": "fi"},
    )
    assert Profile.objects.get(user=user).language == "fi"


@pytest.mark.parametrize("language", TRANSLATED)
def test_partnership_pages_speak_the_language_of_their_address(client, cast, language):
    client.force_login(cast.facilitator)
    pk = cast.partnership.pk
    with translation.override(language):
        urls = [
            reverse("partnerships:list"),
            reverse("partnerships:detail", args=[pk]),
            reverse("partnerships:members", args=[pk]),
            reverse("partnerships:invite", args=[pk]),
            reverse("notes:cell", args=[pk, "communication", "planning"]),
            reverse("accounts:profile"),
            reverse("workbooks:blank") + "?paper=a5",
        ]
    for url in urls:
        response = client.get(url)
        assert page(response).html["lang"] == language, url
        assert english_left(response, language) == [], url


def test_choices_made_when_the_code_loads_still_follow_each_pages_language():
    """Labels put together at import (a role with its explanation, the choices a workbook's
    error lists) are read in the language of the page that shows them."""
    for language in ("de", "pl"):
        with translation.override(language):
            roles = InvitationForm(partnership=Partnership()).fields["role"].choices
            assert str(roles[2][1]).endswith(translation.gettext("reads and prints")), language
            options = PartnershipWorkbookOptionsForm({"empty": "some"})
            options.is_valid()
            assert translation.gettext("Include them") in options.errors["empty"][0], language
