"""Every letter of the Baltic Sea Region's languages prints, in fonts carried in the PDF."""

import pytest

from domains.focus import Focus
from domains.models import Cell
from workbooks.blank import BlankWorkbook

from .pdf import fonts, page_texts, read

pytestmark = pytest.mark.django_db

LETTERS = "ą ę ł ń ś ź ż ā ē ī ķ ļ ņ š ž ė į ų ū õ ä ö ü å æ ø ß"
CAPITALS = "Ą Ę Ł Ń Ś Ź Ż Ā Ē Ī Ķ Ļ Ņ Š Ž Ė Į Ų Ū Õ Ä Ö Ü Å Æ Ø"
SYMBOLS = "– — „“ ‚‘ « » € § № → ✓ ⚠"  # noqa: RUF001 (typographic marks on purpose)
EMOJI = "🤝"


@pytest.fixture
def workbook():
    """A one-cell workbook whose text (for this test only) holds every letter and symbol."""
    cell = Cell.objects.for_matrix().get(domain__slug="leadership", stage__slug="planning")
    cell.introduction = f"Letters: {LETTERS}. Capitals: {CAPITALS}. Symbols: {SYMBOLS} {EMOJI}"
    cell.save()
    pdf = BlankWorkbook(Focus(domains=(cell.domain,), stages=(cell.stage,)), "a4", "en").render()
    return pdf


def test_extracted_text_has_every_letter_intact(workbook):
    poppler_text = " ".join(page_texts(workbook))
    pypdf_text = " ".join(page.extract_text() for page in read(workbook).pages)
    for text in (poppler_text, pypdf_text):
        for letter in f"{LETTERS} {CAPITALS} {SYMBOLS} {EMOJI}".split():
            assert letter in text


def test_every_font_is_embedded_and_emoji_have_a_font_of_their_own(workbook):
    rows = fonts(workbook)
    assert all(row["emb"] == "yes" for row in rows), rows
    names = {row["name"].split("+")[-1] for row in rows}
    assert {"DejaVu-Sans", "DejaVu-Sans-Bold", "Noto-Color-Emoji"} <= names, names
