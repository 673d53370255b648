"""The blank workbook prints each cell's tool as a table to fill in, and can print only the
core questions."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from domains.focus import Focus
from domains.models import Cell
from workbooks.blank import BlankWorkbook

from .html import page, text
from .pdf import page_texts

pytestmark = pytest.mark.django_db


def one_cell():
    return Focus.from_slugs(["coordination"], ["planning"])


def page_html(html):
    return BeautifulSoup(html, "html.parser")


def questions_printed(workbook):
    return [li.get_text(" ", strip=True) for li in page_html(workbook.html()).select("li.question")]


def test_every_cell_of_the_workbook_has_its_tool_as_an_empty_table():
    workbook = BlankWorkbook(Focus.from_slugs([], []), "a4", "en")
    sections = page_html(workbook.html()).select("section.cell")
    cells = list(Cell.objects.for_page())
    assert len(sections) == len(cells) == 20
    for section, cell in zip(sections, cells, strict=True):
        tool = section.select_one(".tool")
        assert tool.h3.get_text() == f"Tool: {cell.tool.name}", cell
        assert tool.select("table th"), cell
        assert tool.select("tbody tr"), cell


def test_the_printed_tool_has_its_columns_and_room_to_write():
    pdf = BlankWorkbook(one_cell(), "a4", "en").render()
    printed = " ".join(page_texts(pdf))
    assert "Tool: Contribution plan" in printed
    for column in ("Action", "Lead partner", "Contribution (amount)", "Milestone and date"):
        assert column in printed


def test_core_questions_only_prints_fewer_questions():
    everything = BlankWorkbook(one_cell(), "a4", "en")
    core = BlankWorkbook(one_cell(), "a4", "en", questions="core")
    cell = Cell.objects.for_page().get(domain__slug="coordination", stage__slug="planning")
    all_printed = questions_printed(everything)
    core_printed = questions_printed(core)
    assert len(all_printed) == len(cell.questions)
    assert len(core_printed) == len(cell.core_questions) < len(cell.questions)
    assert all(question.text in " ".join(core_printed) for question in cell.core_questions)
    assert core.cache_key() != everything.cache_key()
    assert core.filename.endswith("-core-questions.pdf")
    printed = " ".join(page_texts(core.render()))
    left_out = next(question for question in cell.questions if not question.core)
    assert " ".join(left_out.text.split()[:6]) not in printed
    assert "Core questions only" in printed


def test_the_model_pages_offer_the_core_questions_workbook(client):
    link = page(client.get(reverse("domains:matrix"))).find("a", string="Core questions only")
    assert link["href"] == "/en/model/workbook.pdf?questions=core"
    assert client.get(link["href"]).status_code == 202


def test_an_unknown_choice_of_questions_is_explained(client):
    response = client.get("/en/model/workbook.pdf?questions=some")
    assert response.status_code == 400
    assert "“some” is not a choice of questions" in text(response)
