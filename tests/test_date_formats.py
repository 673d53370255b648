"""One date format per language everywhere: templates show dates and times only through the
language's named formats (DATE_FORMAT, DATETIME_FORMAT, TIME_FORMAT and their short forms, set
for English in collabmodel/formats/en/), never a format of their own; machine-readable ones (a
<time> element's datetime, PDF metadata) are the exception."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FILTER = re.compile(r"""\|(date|time)(?::(["'])(.*?)\2)?""")
NAMED = {
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "TIME_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
}
MACHINE = {"c", r"Y-m-d\TH:i:sO"}


def own_formats(source):
    return [
        match.group(0)
        for match in FILTER.finditer(source)
        if match.group(3) is not None and match.group(3) not in NAMED | MACHINE
    ]


def test_templates_show_dates_in_the_languages_formats():
    found = {
        str(path.relative_to(TEMPLATES)): own_formats(path.read_text())
        for path in TEMPLATES.rglob("*")
        if path.suffix in {".html", ".txt"}
    }
    assert {path: formats for path, formats in found.items() if formats} == {}


def test_the_check_finds_a_format_of_its_own():
    assert own_formats('{{ a|date:"N j, Y" }} {{ b|time:"H:i" }} {{ c|date }}') == [
        '|date:"N j, Y"',
        '|time:"H:i"',
    ]
    assert own_formats('{{ a|date:"DATETIME_FORMAT" }} <time datetime="{{ a|date:"c" }}">') == []
