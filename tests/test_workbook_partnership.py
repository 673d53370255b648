"""The partnership workbook's PDF: cover, contents, each cell's guidance, ticks, status and note."""

import datetime
import re

import pytest
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from weasyprint import HTML

from accounts.models import Sector
from domains.focus import Focus
from domains.models import Cell, Source
from notes.editing import mark_discussed, save_text, set_status
from notes.models import Note, NoteStatus
from partnerships.models import Membership, Role
from workbooks.options import PartnershipWorkbookOptionsForm
from workbooks.partnership import PartnershipWorkbook
from workbooks.render import html_to_pdf

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
)
from .people import make_partnership, make_user

pytestmark = pytest.mark.django_db

NAME = "Active Schools Rīga"
GOAL = "More children walk or cycle to school, in every district."
PRINTED = datetime.date(2026, 3, 5)
EDITED = datetime.datetime(2026, 3, 4, 8, 30, tzinfo=datetime.UTC)  # 10:30 in Riga
FORMATTED = (
    "The partners agreed:\n\n"
    "- **Shared chair** rotates every three months\n"
    "- Minutes go out *within a week*\n\n"
    "See the [shared plan](https://example.org/plan). Ņina, Łukasz and Søren keep the minutes.\n\n"
    "Minutes: <https://example.org/minutes>. Questions to [Emma](mailto:emma@example.org)."
)
MEMBERS = [
    # (e-mail, display name, sector, organisation, role)
    ("fiona@example.org", "Fiona Facilitator", Sector.PUBLIC, "Rīga City Council", None),
    ("emma@example.org", "Emma Editor", Sector.NON_PROFIT, "Walking Bus Association", Role.EDITOR),
    ("victor@example.org", "Victor Viewer", Sector.CITIZEN, "", Role.VIEWER),
]
# The cells written in; the author of the second deletes their account afterwards.
WRITTEN = {
    ("leadership", "planning"): ("emma", NoteStatus.DONE, FORMATTED),
    ("communication", "mapping"): ("former", NoteStatus.IN_PROGRESS, "Who must hear what, when."),
    ("motivation", "implementation"): ("fiona", NoteStatus.IN_PROGRESS, ""),  # a status only
}
TICKED = [0, 2]  # of leadership · planning's guiding questions
TICKED_ONLY = ("coordination", "assessment")  # a question ticked, nothing else recorded
SOURCE_URL = "https://example.org/riconfigure-report"  # given to one source


def build_partnership():
    """The partnership above: three members, notes in three cells, a deleted author, ticks."""
    people = {}
    for email, name, sector, organisation, _role in MEMBERS:
        people[name.split()[0].lower()] = make_user(email, name, sector, organisation)
    partnership = make_partnership(people["fiona"], name=NAME)
    partnership.goal = GOAL
    partnership.save()
    people["former"] = make_user("frank@example.org", "Frank Former")
    for _email, name, _sector, _organisation, role in MEMBERS[1:]:
        Membership.objects.create(
            partnership=partnership, user=people[name.split()[0].lower()], role=role
        )
    Membership.objects.create(partnership=partnership, user=people["former"], role=Role.EDITOR)
    for (domain, stage), (author, status, text) in WRITTEN.items():
        cell = Cell.objects.get(domain__slug=domain, stage__slug=stage)
        if text:
            save_text(partnership, cell, people[author], text, 0)
        set_status(partnership, cell, people[author], status)
    Note.objects.filter(partnership=partnership).update(updated_at=EDITED)
    questions = planning_cell().questions
    mark_discussed(partnership, people["emma"], ticked=[questions[i] for i in TICKED], unticked=[])
    ticked_only = Cell.objects.for_page().get(
        domain__slug=TICKED_ONLY[0], stage__slug=TICKED_ONLY[1]
    )
    mark_discussed(partnership, people["fiona"], ticked=ticked_only.questions[:1], unticked=[])
    Source.objects.filter(code="riconfigure").update(url=SOURCE_URL)
    people["former"].delete()
    partnership.refresh_from_db()
    return partnership


def planning_cell():
    return Cell.objects.for_page().get(domain__slug="leadership", stage__slug="planning")


WORKED_ON = [*WRITTEN, TICKED_ONLY]  # the cells with something recorded
VARIANTS = {
    "whole model": ({}, {"empty": "include"}),
    "crossing": (
        {"domains": ["leadership", "communication"], "stages": ["mapping", "planning"]},
        {"empty": "include"},
    ),
    "default": ({}, {}),  # the print form's default options: cells with nothing recorded left out
    "continuous": ({}, {"layout": "continuous", "empty": "include"}),
    "one cell on letter": (
        {"domains": ["leadership"], "stages": ["planning"]},
        {"paper": "letter"},
    ),
}


class Rendered:
    """A partnership workbook rendered with a focus and options, and what a reader finds in it."""

    def __init__(self, partnership, chosen, options):
        form = PartnershipWorkbookOptionsForm(options)
        assert form.is_valid(), form.errors
        options = {name: form.cleaned_data[name] for name in ("paper", "empty", "layout")}
        self.workbook = PartnershipWorkbook(
            partnership, chosen, language="en", printed=PRINTED, **options
        )
        self.filename = self.workbook.filename
        self.pdf = self.workbook.render()
        self.reader = read(self.pdf)
        self.texts = page_texts(self.pdf)
        self.cells = cells_in_focus(chosen)
        if options["empty"] == "leave-out":
            self.cells = [c for c in self.cells if (c.domain.slug, c.stage.slug) in WORKED_ON]

    def cell_bookmarks(self):
        return cell_bookmarks(self.reader)

    def page_of(self, cell):
        return dict(self.cell_bookmarks())[cell_title(cell)]

    def cell_text(self, cell):
        """The text of the pages a cell takes (page per cell), running headers and all."""
        start = self.page_of(cell)
        later = [page for _name, page in bookmarks(self.reader) if page > start]
        return " ".join(self.texts[start - 1 : (min(later) - 1) if later else None])

    def footer_number(self, page):
        """The number a physical page (1 is the cover) carries in its footer, if any."""
        found = re.search(r"Page (\d+) of (\d+)", self.texts[page - 1])
        return found and int(found[1])


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """Every variant rendered once for the module, from data rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        partnership = build_partnership()
        workbooks = {
            name: Rendered(partnership, Focus.from_slugs(**chosen), options)
            for name, (chosen, options) in VARIANTS.items()
        }
        transaction.set_rollback(True)
    return workbooks


@pytest.fixture(params=["whole model", "crossing", "default", "continuous"])
def workbook(request, rendered):
    return rendered[request.param]


def test_the_cover_names_the_partnership_its_goal_and_members(rendered):
    cover = rendered["whole model"].texts[0]
    assert cover.startswith(f"PARTNERSHIP WORKBOOK {NAME} Common goal {GOAL}")
    assert "Name Organisation Sector Role" in cover
    assert "Fiona Facilitator Rīga City Council Public body Facilitator" in cover
    assert "Emma Editor Walking Bus Association Non-profit organisation Editor" in cover
    assert "Victor Viewer — Citizen Viewer" in cover
    assert "Frank" not in cover  # deleted their account: no longer a member
    assert "The whole model: every domain through every stage. Printed on 5 March 2026." in cover
    assert "Printed on 5 March 2026." in cover
    left_out = 20 - len(WORKED_ON)
    assert (
        f"The whole model: every domain through every stage. {left_out} cells with nothing "
        "recorded yet are left out."
    ) in rendered["default"].texts[0]
    assert (
        "Domains: Leadership, Communication. Stages: Mapping, Planning."
        in (rendered["crossing"].texts[0])
    )


def test_the_file_name_is_the_partnership_and_the_date_printed(rendered):
    assert rendered["whole model"].filename == "active-schools-riga-workbook-2026-03-05.pdf"


def test_every_cell_in_the_focus_is_there_in_order_and_no_other(workbook):
    assert [name for name, _page in workbook.cell_bookmarks()] == [
        cell_title(cell) for cell in workbook.cells
    ]
    text = " ".join(workbook.texts)
    for cell in Cell.objects.for_matrix():
        assert (cell.purpose in text) == (cell in workbook.cells), cell_title(cell)


def test_contents_page_numbers_are_where_each_cell_really_starts(workbook):
    assert "Contents" in workbook.texts[1]
    listed = contents_entries(workbook.reader.pages[1].extract_text())
    assert [name for name, _number in listed] == [cell_title(c) for c in workbook.cells] + [
        "Sources"
    ]
    # The number listed is the one in the footer of the page where the entry's bookmark leads.
    footers = {name: workbook.footer_number(page) for name, page in bookmarks(workbook.reader)}
    assert [(name, footers[name]) for name, _number in listed] == listed
    for cell, (_name, page) in zip(workbook.cells, workbook.cell_bookmarks(), strict=True):
        assert f"{cell_title(cell)} Status:" in workbook.texts[page - 1]
        assert cell.purpose in workbook.texts[page - 1]
        assert cell.purpose not in workbook.texts[page - 2]


def test_a_note_keeps_its_formatting(rendered):
    workbook = rendered["whole model"]
    cell = planning_cell()
    page = workbook.reader.pages[workbook.page_of(cell) - 1 :]
    text = workbook.cell_text(cell)
    assert "The partners agreed: • Shared chair rotates every three months" in text
    assert "• Minutes go out within a week" in text
    assert "Ņina, Łukasz and Søren keep the minutes." in text

    fonts = {}

    def remember_font(text, _cm, _tm, font, _size):
        if font and text.strip():
            fonts.setdefault(text.strip(), font["/BaseFont"])

    for each in page[:2]:
        each.extract_text(visitor_text=remember_font)
    assert fonts["Shared chair"].endswith("+DejaVu-Sans-Bold")
    assert fonts["within a week"].endswith("+DejaVu-Sans-Oblique")
    uris = [
        annotation.get_object()["/A"].get("/URI")
        for each in page[:2]
        for annotation in each.get("/Annots", [])
    ]
    assert "https://example.org/plan" in uris


def test_links_in_a_note_print_with_their_address(rendered):
    text = rendered["whole model"].cell_text(planning_cell())
    assert "See the shared plan (https://example.org/plan)." in text
    assert "Questions to Emma (emma@example.org)." in text
    # A link whose words are its address is not followed by it again.
    assert "Minutes: https://example.org/minutes. Questions" in text


def test_guiding_questions_mark_those_discussed_and_only_those(rendered):
    text = rendered["whole model"].cell_text(planning_cell())
    questions = planning_cell().questions
    for number, question in enumerate(questions):
        mark = "✓ " if number in TICKED else ""
        core = "Start here: " if question.core else ""
        assert f"{number + 1}. {mark}{core}{question.text[:50]}" in text
    assert text.count("✓") == len(TICKED) + 1  # and once in the cell's progress line
    assert f"Status: Done · ✓ 2 of {len(questions)} questions discussed" in text
    whole = " ".join(rendered["whole model"].texts)
    assert "Not yet discussed" not in whole
    assert "Discussed" not in whole


def test_a_cell_shows_its_status_and_note_then_the_questions_then_practices_and_warnings(
    rendered,
):
    cell = planning_cell()
    text = rendered["whole model"].cell_text(cell)
    order = [
        "Status: Done",
        "Our note Last edited by Emma Editor",
        "The partners agreed:",
        "Guiding questions",
        "1. ✓ ",
        cell.questions[0].text[:50],
        "Good practices",
        cell.practices[0].text[:50],
        "Warning signs",
        cell.warnings[-1].text[:50],
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions), dict(zip(order, positions, strict=True))


def test_sources_are_listed_once_at_the_end_of_the_workbook(rendered):
    workbook = rendered["whole model"]
    title, page = bookmarks(workbook.reader)[-1]
    assert title == "Sources"
    assert page == len(workbook.texts)  # one page, the last
    ending = workbook.texts[-1]
    cited = {
        s
        for cell in Cell.objects.for_page()
        for item in cell.items.all()
        for s in item.sources.all()
    }
    for source in cited:
        assert source.title in ending
        assert " ".join(workbook.texts[1:]).count(source.title) == 1, source.title  # not cells
    assert "(source: RiConfigure)" in workbook.cell_text(planning_cell())  # each item's own
    assert "Sources" not in workbook.cell_text(planning_cell())


def test_a_source_with_an_address_prints_it(rendered):
    source = Source.objects.get(code="riconfigure")
    assert f"{source.title} ({SOURCE_URL})" in rendered["whole model"].texts[-1]


def test_each_cell_shows_its_status_and_who_edited_it_last(rendered):
    workbook = rendered["whole model"]
    cells = {(c.domain.slug, c.stage.slug): c for c in workbook.cells}
    planning = workbook.cell_text(cells["leadership", "planning"])
    assert "Our note Last edited by Emma Editor on 4 March 2026, 10:30. The partners" in planning
    mapping = workbook.cell_text(cells["communication", "mapping"])
    assert "Status: In progress" in mapping
    assert "Last edited by a former member on 4 March 2026, 10:30. Who must hear" in mapping
    status_only = workbook.cell_text(cells["motivation", "implementation"])
    assert "Status: In progress" in status_only
    assert "Nothing has been written for this cell yet." in status_only
    untouched = workbook.cell_text(cells["risk-identification", "mapping"])
    assert "Status: Not started · ✓ 0 of" in untouched
    assert "Our note Nothing has been written for this cell yet." in untouched


def test_by_default_cells_with_nothing_recorded_are_left_out(rendered):
    names = [name for name, _page in rendered["default"].cell_bookmarks()]
    # A note, a status or a tick is enough to be printed.
    assert names == [
        "Leadership · Planning",
        "Communication · Mapping",
        "Coordination · Assessment",
        "Motivation · Implementation",
    ]
    text = " ".join(rendered["default"].texts)
    assert "Nothing has been written for this cell yet." in text  # the status and tick only
    assert len(rendered["default"].texts) < len(rendered["whole model"].texts) / 2


def test_with_the_option_cells_with_nothing_recorded_are_printed_too(rendered):
    names = [name for name, _page in rendered["whole model"].cell_bookmarks()]
    assert len(names) == 20
    untouched = rendered["whole model"].cell_text(Cell.objects.for_page().first())
    assert "Our note Nothing has been written for this cell yet." in untouched


def test_continuous_layout_takes_fewer_pages_than_a_page_per_cell(rendered):
    continuous = len(rendered["continuous"].reader.pages)
    per_cell = len(rendered["whole model"].reader.pages)
    assert continuous < per_cell
    workbook = rendered["continuous"]
    # Cells follow on: a cell starts on the page where the one before it ends.
    assert any(
        "Warning signs" in workbook.texts[page - 1].split(f"{name} Status:")[0]
        for name, page in workbook.cell_bookmarks()[1:]
    )


def test_pages_have_the_partnership_as_running_header_and_page_x_of_y(rendered):
    texts = rendered["crossing"].texts
    # The cover has neither and is not counted: the contents are page 1.
    for number, text in enumerate(texts[1:], start=1):
        assert text.startswith(NAME)
        assert text.endswith(f"Page {number} of {len(texts) - 1}")


def test_the_cover_has_no_page_number_or_running_header(rendered):
    cover = rendered["whole model"].texts[0]
    assert cover.startswith("PARTNERSHIP WORKBOOK")
    assert "Page" not in cover
    first = rendered["whole model"].texts[1]
    assert "Page 2 of" not in first
    assert first.endswith(f"Page 1 of {len(rendered['whole model'].texts) - 1}")


@pytest.mark.parametrize(
    ("variant", "size"), [("crossing", (595, 842)), ("one cell on letter", (612, 792))]
)
def test_paper_sizes(rendered, variant, size):
    for page in rendered[variant].reader.pages:
        assert (round(page.mediabox.width), round(page.mediabox.height)) == size


def test_every_font_is_embedded(rendered):
    rows = fonts(rendered["whole model"].pdf)
    names = {row["name"].split("+")[-1] for row in rows}
    assert {"DejaVu-Sans", "DejaVu-Sans-Bold", "DejaVu-Sans-Oblique"} <= names  # the note's too
    assert all(row["emb"] == "yes" for row in rows), rows


def test_the_cover_date_is_written_as_the_workbook_language_writes_dates(cast):
    with translation.override("de"):
        expected = date_format(PRINTED, "DATE_FORMAT")  # the project's formats for German
    workbook = PartnershipWorkbook(
        cast.partnership, Focus.from_slugs(["leadership"], ["planning"]), "a4", "include",
        "page-per-cell", "de", PRINTED,
    )  # fmt: skip
    cover = page_texts(workbook.render())[0]
    assert f"Gedruckt am {expected}." in cover
    assert "March" not in cover
    assert "Mar." not in cover


def test_metadata_language_and_tags(rendered):
    assert_tagged_pdf_ua(rendered["one cell on letter"].reader, f"{NAME} — workbook")


HOSTILE = (
    "<script>alert('x')</script>\n\n"
    '[click me](javascript:alert(1)) and <a href="javascript:alert(2)">raw link</a>\n\n'
    "<img src=x onerror=alert(3)> [data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
    "<b>not bold</b>"
)


def one_cell_workbook(cast, text):
    cell = planning_cell()
    save_text(cast.partnership, cell, cast.editor, text, 0)
    return PartnershipWorkbook(
        cast.partnership, Focus.from_slugs(["leadership"], ["planning"]), "a4", "include",
        "page-per-cell", "en", PRINTED,
    )  # fmt: skip


def actions(reader):
    """Every action a PDF reader could run: the catalog's and each link's."""
    catalog = reader.trailer["/Root"]
    found = [catalog.get(key) for key in ("/OpenAction", "/AA") if key in catalog]
    if "/Names" in catalog:
        found.append(catalog["/Names"].get_object().get("/JavaScript"))
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            found.append(annotation.get_object().get("/A"))
    return [action.get_object() for action in found if action is not None]


def test_html_and_scripts_in_a_note_print_as_inert_text(cast):
    pdf = one_cell_workbook(cast, HOSTILE + "\n\n[a real link](https://example.org/x)").render()
    text = " ".join(page_texts(pdf))
    assert "<script>alert('x')</script>" in text
    assert '<a href="javascript:alert(2)">raw link</a>' in text
    assert "<img src=x onerror=alert(3)>" in text
    assert "<b>not bold</b>" in text
    assert "click me and" in text
    links = actions(read(pdf))
    assert all(action["/S"] == "/URI" for action in links), links
    uris = [action["/URI"] for action in links]
    assert "https://example.org/x" in uris
    assert all(uri.startswith(("https://", "http://", "mailto:")) for uri in uris), uris


def test_links_and_images_in_a_note_are_never_fetched(cast, outside_server):
    origin, received = outside_server
    note = f"![a picture]({origin}/img.png) and [a link]({origin}/link)"
    pdf = one_cell_workbook(cast, note).render()
    assert received == []
    assert f"{origin}/link" in [action["/URI"] for action in actions(read(pdf))]


def test_the_fetcher_alone_stops_an_image_the_sanitiser_let_through(cast, outside_server):
    """Were images ever allowed in notes, the render would still send no request."""
    origin, received = outside_server
    workbook = one_cell_workbook(cast, f"![a picture]({origin}/img.png)")
    Note.objects.filter(partnership=cast.partnership).update(
        html=f'<p><img alt="a picture" src="{origin}/img.png"></p>'
    )
    html = workbook.html()
    assert f'<img alt="a picture" src="{origin}/img.png"' in html
    html_to_pdf(html)
    assert received == []
    HTML(string=html, base_url=origin).write_pdf()  # the control: WeasyPrint's own fetcher
    assert "/img.png" in received
