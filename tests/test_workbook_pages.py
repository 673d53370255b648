"""Where workbooks are offered, what they are called, and clear answers to bad addresses."""

import pytest
from django_tasks_db.models import DBTaskResult

from domains.focus import Focus
from domains.models import Cell, Source
from workbooks.blank import BlankWorkbook

from .html import page, text

pytestmark = pytest.mark.django_db


def workbook_links(response):
    return [a["href"] for a in page(response).select(".workbook-link a") if "workbook" in a["href"]]


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/en/model/", ""),
        (
            "/en/model/?domains=leadership,communication&stages=planning",
            "domains=leadership,communication&stages=planning",
        ),
        ("/en/model/domains/leadership/", "domains=leadership"),
        ("/en/model/stages/planning/", "stages=planning"),
    ],
)
def test_model_pages_offer_their_cells_as_a_workbook(client, url, query):
    response = client.get(url)
    link = page(response).find("a", string="Print this as a workbook")
    assert link["href"] == "/en/model/workbook.pdf" + (f"?{query}" if query else "")
    letter = page(response).find("a", string="US Letter paper instead")
    assert (
        letter["href"]
        == "/en/model/workbook.pdf?" + (f"{query}&" if query else "") + "paper=letter"
    )
    assert client.get(link["href"]).status_code == 202


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("domains=trust", "Domains: “trust” is not a domain of the model."),
        ("stages=someday", "Stages: “someday” is not a stage of the model."),
        ("paper=a5", "Paper size: “a5” is not a paper size we print on."),
        ("domains=leadership&paper=A4", "Paper size: “A4” is not a paper size we print on."),
    ],
)
def test_bad_focus_or_options_get_a_clear_message_not_an_error(client, query, message):
    response = client.get(f"/en/model/workbook.pdf?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert page(response).find("h1").get_text() == "We cannot make that workbook"
    assert message in text(response)
    assert page(response).find("a", href="/en/model/workbook.pdf")
    assert DBTaskResult.objects.count() == 0


def test_only_reading_and_retrying_are_allowed(client):
    assert client.put("/en/model/workbook.pdf").status_code == 405
    assert client.delete("/en/model/workbook.pdf").status_code == 405


@pytest.mark.parametrize(
    ("domains", "stages", "paper", "filename"),
    [
        ((), (), "a4", "collaboration-model-workbook.pdf"),
        (
            ("leadership",),
            ("planning", "assessment"),
            "a4",
            "collaboration-model-workbook-leadership-planning-assessment.pdf",
        ),
        ((), ("mapping",), "letter", "collaboration-model-workbook-mapping-letter.pdf"),
    ],
)
def test_the_file_name_says_what_it_is(domains, stages, paper, filename):
    assert BlankWorkbook(Focus.from_slugs(domains, stages), paper, "en").filename == filename


def test_the_cache_key_changes_with_everything_the_pdf_depends_on():
    base = BlankWorkbook(Focus.from_slugs(["leadership"]), "a4", "en")
    assert (
        base.cache_key() == BlankWorkbook(Focus.from_slugs(["leadership"]), "a4", "en").cache_key()
    )
    variants = [
        BlankWorkbook(Focus.from_slugs(["leadership", "motivation"]), "a4", "en"),
        BlankWorkbook(Focus.from_slugs(["leadership"], ["planning"]), "a4", "en"),
        BlankWorkbook(Focus.from_slugs(["leadership"]), "letter", "en"),
        BlankWorkbook(Focus.from_slugs(["leadership"]), "a4", "lv"),
    ]
    keys = {base.cache_key(), *(variant.cache_key() for variant in variants)}
    assert len(keys) == 5
    item = Cell.objects.get(domain__slug="motivation", stage__slug="mapping").items.first()
    item.text += " Edited."
    item.save()
    assert base.cache_key() not in keys  # any edit to the model's content: a new version


def test_renaming_a_source_makes_a_new_version():
    base = BlankWorkbook(Focus.from_slugs(["leadership"]), "a4", "en")
    before = base.cache_key()
    Source.objects.filter(code="riconfigure").update(short_title="RiConfigure project")
    assert base.cache_key() != before
