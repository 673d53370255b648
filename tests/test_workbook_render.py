"""The blank workbook's PDF: structure, contents page numbers, metadata, tags, fonts, paper."""

import re

import pytest

from domains.focus import Focus
from domains.models import Cell, Domain, Source, Stage
from workbooks.blank import BlankWorkbook

from .pdf import (
    assert_tagged_pdf_ua,
    bookmarks,
    cell_bookmarks,
    cell_title,
    cells_in_focus,
    contents_entries,
    fonts,
    page_texts,
    read,
    ruled_lines,
)

pytestmark = pytest.mark.django_db

FOCUSES = {
    "whole model": {},
    "one domain": {"domains": ["leadership"]},
    "one stage": {"stages": ["assessment"]},
    "one cell": {"domains": ["communication"], "stages": ["planning"]},
    "crossing": {"domains": ["leadership", "motivation"], "stages": ["planning", "assessment"]},
}


class Rendered:
    """A workbook rendered for a focus, with what a reader finds in it."""

    def __init__(self, chosen, paper="a4"):
        self.pdf = BlankWorkbook(chosen, paper, "en").render()
        self.reader = read(self.pdf)
        self.texts = page_texts(self.pdf)
        self.cells = cells_in_focus(chosen)
        self.domains = {cell.domain for cell in self.cells}
        self.stages = {cell.stage for cell in self.cells}

    def cell_bookmarks(self):
        return cell_bookmarks(self.reader)


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """Every focus's workbook, rendered once for the whole module."""
    with django_db_blocker.unblock():
        return {name: Rendered(Focus.from_slugs(**choice)) for name, choice in FOCUSES.items()}


@pytest.fixture(params=list(FOCUSES))
def workbook(request, rendered):
    return rendered[request.param]


def test_every_cell_in_the_focus_is_there_in_order_and_no_other(workbook):
    assert [name for name, _page in workbook.cell_bookmarks()] == [
        cell_title(cell) for cell in workbook.cells
    ]
    text = " ".join(workbook.texts)
    for cell in Cell.objects.for_matrix():
        eyebrow = f"{cell.domain.name.upper()} · {cell.stage.name.upper()} {cell_title(cell)}"
        assert (eyebrow in text) == (cell in workbook.cells), cell_title(cell)


def test_page_count_fits_the_content(workbook):
    fixed = 5  # cover, how to use, contents, the definitions, the sources
    definitions = len(workbook.domains) + len(workbook.stages)
    cells = len(workbook.cells)  # each: its guidance and ruled space, then a page for notes
    assert fixed + 3 * cells <= len(workbook.reader.pages) <= fixed + definitions + 5 * cells


def test_cover_and_introduction_come_first(workbook):
    assert workbook.texts[0].startswith("WORKBOOK Model of cross-sectoral cooperation")
    assert "Healthy Boost" in workbook.texts[0]
    assert "How to use this workbook" in workbook.texts[1]
    assert "Working through a cell" in workbook.texts[1]
    assert "Contents" in workbook.texts[2]


@pytest.mark.parametrize(("kind", "model"), [("DOMAIN", Domain), ("STAGE", Stage)])
def test_each_domain_and_stage_definition_in_the_focus_is_there_once(workbook, kind, model):
    chosen = workbook.domains if model is Domain else workbook.stages
    for dimension in model.objects.all():
        heading = f"{kind} {dimension.name} {dimension.summary}"
        pages = [text for text in workbook.texts if heading in text]
        assert len(pages) == (dimension in chosen), dimension.name
        if pages:
            assert " ".join(dimension.definition.split()[:20]) in pages[0]


def test_definitions_follow_one_another_not_a_page_each(rendered):
    workbook = rendered["whole model"]
    pages = [t for t in workbook.texts if re.search(r"(DOMAIN|STAGE) \w", t.split(" · ")[0])]
    assert len(pages) <= 4  # nine definitions, each about a third of a page
    assert len(pages) < len(workbook.domains) + len(workbook.stages)


def test_each_cell_has_its_guidance_and_ruled_space_for_notes(rendered):
    workbook = rendered["one cell"]
    cell = Cell.objects.for_page().get(domain__slug="communication", stage__slug="planning")
    text = " ".join(workbook.texts)
    for part in [cell.purpose, cell.introduction, *(item.text for item in cell.items.all())]:
        assert " ".join(part.split()) in text
    for heading in ["Guiding questions", "Good practices", "Warning signs", "Sources"]:
        assert heading in text


def test_every_question_has_at_least_five_ruled_lines(rendered):
    workbook = rendered["crossing"]
    for cell, (_name, start) in zip(workbook.cells, workbook.cell_bookmarks(), strict=True):
        notes = next(
            page
            for page in range(start, len(workbook.texts) + 1)
            if f"Notes on {cell_title(cell)}" in workbook.texts[page - 1]
        )
        counted = 0
        for page in range(start, notes):
            text = workbook.texts[page - 1]
            questions = sum(" ".join(q.text.split()[:8]) in text for q in cell.questions)
            assert ruled_lines(workbook.pdf, page) >= 5 * questions, (cell_title(cell), page)
            counted += questions
        assert counted == len(cell.questions)


def test_each_cell_ends_with_a_ruled_page_for_notes(rendered):
    workbook = rendered["one cell"]
    (cell,) = workbook.cells
    last = len(workbook.texts) - 1  # the sources come after
    text = workbook.texts[last - 1]
    assert f"Notes on {cell_title(cell)}" in text
    assert text.startswith("Collaboration model workbook")
    assert text.endswith(f"Notes on {cell_title(cell)} Page {last - 1} of {last}")
    assert ruled_lines(workbook.pdf, last) >= 25


def test_sources_are_listed_once_at_the_end(rendered):
    workbook = rendered["whole model"]
    assert bookmarks(workbook.reader)[-1] == ("Sources", len(workbook.texts))
    for source in Source.objects.all():
        assert source.title in workbook.texts[-1]
        assert " ".join(workbook.texts[1:-1]).count(source.title) == 0, source.title


def test_contents_page_numbers_are_where_each_cell_really_starts(workbook):
    listed = dict(contents_entries(workbook.reader.pages[2].extract_text()))
    assert workbook.cell_bookmarks()
    for cell, (name, page) in zip(workbook.cells, workbook.cell_bookmarks(), strict=True):
        assert listed[name] == page - 1  # the cover is not counted
        assert f"Page {listed[name]} of" in workbook.texts[page - 1]
        assert cell.purpose in workbook.texts[page - 1]
        assert cell.purpose not in workbook.texts[page - 2]


def test_contents_entries_link_to_their_pages(rendered):
    workbook = rendered["crossing"]
    reader = workbook.reader
    contents = reader.pages[2]
    links = [annotation.get_object() for annotation in contents["/Annots"]]
    named = reader.named_destinations
    pages = {
        name: reader.get_destination_page_number(destination) + 1
        for name, destination in named.items()
    }
    listed = dict(contents_entries(contents.extract_text()))
    for cell in workbook.cells:
        target = f"cell-{cell.domain.slug}-{cell.stage.slug}"
        assert target in [link["/Dest"] for link in links]
        assert pages[target] == listed[cell_title(cell)] + 1  # the cover is not counted


def test_every_page_but_the_cover_has_the_running_header_and_page_x_of_y(rendered):
    workbook = rendered["one domain"]
    total = len(workbook.texts) - 1  # the cover is not counted: the page after it is page 1
    for number, text in enumerate(workbook.texts[1:], start=1):
        assert text.startswith("Collaboration model workbook")
        assert text.endswith(f"Page {number} of {total}")


def test_the_cover_has_no_page_number_or_running_header(rendered):
    cover = rendered["whole model"].texts[0]
    assert cover.startswith("WORKBOOK Model of cross-sectoral cooperation")
    assert "Page" not in cover
    assert "Collaboration model workbook" not in cover
    assert "Page 2 of" not in rendered["whole model"].texts[1]


def test_metadata_language_and_tags(rendered):
    assert_tagged_pdf_ua(rendered["one cell"].reader, "Collaboration model workbook")


def test_headings_are_tagged_as_headings(rendered):
    reader = rendered["one cell"].reader

    def roles(element):
        """The structure types in a structure element and its descendants."""
        if "/S" in element:
            yield element["/S"]
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object()
            if isinstance(kid, dict):  # else marked content: a number, not an element
                yield from roles(kid)

    found = set(roles(reader.trailer["/Root"]["/StructTreeRoot"].get_object()))
    assert {"/H1", "/H2", "/H3", "/L", "/LI", "/P"} <= found


def test_every_font_is_embedded(rendered):
    rows = fonts(rendered["whole model"].pdf)
    assert rows
    assert all(row["emb"] == "yes" for row in rows), rows


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_sizes(paper, size):
    pdf = BlankWorkbook(Focus.from_slugs(["leadership"], ["planning"]), paper, "en").render()
    box = read(pdf).pages[0].mediabox
    assert (round(box.width), round(box.height)) == size
    # The page for notes fits the paper: the sources follow it, no page spills over.
    texts = page_texts(pdf)
    assert "Notes on Leadership · Planning" in texts[-2]
    assert texts[-1].startswith("Collaboration model workbook Sources Sources")
