"""Reading PDFs the way a reader would: the pages' text, the bookmarks, the fonts, the tags."""

import re
import subprocess
import tempfile
from io import BytesIO

from PIL import Image
from pypdf import PdfReader

from domains.models import Cell


def read(pdf):
    return PdfReader(BytesIO(pdf))


def poppler(tool, pdf, *after, text=True):
    """The output of one of poppler-utils' tools (pdftotext, pdffonts, pdftoppm) for a PDF."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        return subprocess.run(  # noqa: S603
            [tool, file.name, *after],
            capture_output=True,
            text=text,
            check=True,
        ).stdout


def page_texts(pdf):
    """Each page's text with whitespace folded, page 1 first (poppler: fast, in reading order)."""
    return [" ".join(page.split()) for page in poppler("pdftotext", pdf, "-").split("\f")[:-1]]


def ruled_lines(pdf, page, dpi=150):
    """How many ruled lines (rows darker than paper across at least half its width) a page
    shows, drawn as pdftoppm (poppler-utils) draws it; ``page`` counts from 1."""
    only = ["-f", str(page), "-l", str(page)]
    png = poppler("pdftoppm", pdf, "-r", str(dpi), "-gray", "-png", *only, text=False)
    image = Image.open(BytesIO(png))
    width, height = image.size
    rows = [
        sum(image.crop((0, y, width, y + 1)).histogram()[:235]) > width / 2 for y in range(height)
    ]
    return sum(1 for y, ruled in enumerate(rows) if ruled and not (y and rows[y - 1]))


def bookmarks(reader):
    """The outline as (title, page number) pairs, depth first."""

    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title, reader.get_destination_page_number(item) + 1

    return list(walk(reader.outline))


def cell_title(cell):
    """How a workbook names a cell, in its bookmarks and contents."""
    return f"{cell.domain.name} · {cell.stage.name}"


def cell_bookmarks(reader):
    """The bookmarks of the cells (not of the cover, introduction or definitions)."""
    return [(title, page) for title, page in bookmarks(reader) if " · " in title]


def contents_entries(page_text):
    """(title, page number) for each 'Title ....... 12' line of a contents page."""
    return [
        (title.strip(), int(number))
        for title, number in re.findall(r"^(.+?)\s*\.{3,}\s*(\d+)\s*$", page_text, re.MULTILINE)
    ]


def fonts(pdf):
    """pdffonts' table (poppler-utils) as one dict per font, keyed by the column headers."""
    header, rule, *rows = poppler("pdffonts", pdf).splitlines()
    spans = [match.span() for match in re.finditer(r"-+", rule)]
    names = [header[start:end].strip() for start, end in spans]
    return [
        {name: row[start:end].strip() for name, (start, end) in zip(names, spans, strict=True)}
        for row in rows
    ]


def cells_in_focus(focus):
    """The cells a workbook for ``focus`` must hold, worked out apart from the app's own query."""
    domains = set(focus.domain_slugs)
    stages = set(focus.stage_slugs)
    return [
        cell
        for cell in Cell.objects.for_matrix()
        if (not domains or cell.domain.slug in domains)
        and (not stages or cell.stage.slug in stages)
    ]


def assert_tagged_pdf_ua(reader, title):
    """Title, author, date, language, tags and the PDF/UA-1 claim, as screen readers need them."""
    assert reader.metadata.title == title
    assert reader.metadata.author == "Collaboration workbook"
    assert reader.metadata.creation_date is not None
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = catalog["/Metadata"].get_object().get_data().decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp or 'pdfuaid:part="1"' in xmp
