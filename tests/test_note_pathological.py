"""Notes made to be hard on the parser, the comparison and the PDF renderer save, show and print.

How long they take is measured by bench/pathological.py, not here.
"""

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from notes.editing import save_text
from notes.models import NOTE_MAX_LENGTH, Note

from .html import page, text
from .note_cell import DOMAIN, STAGE, url
from .pdf import page_texts
from .worker import run_worker

pytestmark = pytest.mark.django_db


def test_a_note_of_brackets_at_the_length_limit_saves_shows_and_compares(client, cast):
    brackets = "[" * NOTE_MAX_LENGTH
    client.force_login(cast.editor)
    response = client.post(url(cast, "save_note"), {"text": brackets, "base_version": 0})
    assert response.status_code == 302
    assert Note.objects.get().text == brackets
    shorter = "[" * 50_000 + "\n" + "[" * 40_000
    client.force_login(cast.facilitator)
    client.post(url(cast, "save_note"), {"text": shorter, "base_version": 1})
    assert Note.objects.get().text == shorter

    client.force_login(cast.viewer)
    response = client.get(url(cast))
    assert response.status_code == 200
    assert page(response).select_one(".note-text").get_text() == f"{shorter}\n"
    response = client.get(url(cast, "history"), {"from": 1, "to": 2})
    assert response.status_code == 200
    assert [line.get_text() for line in page(response).select(".diff del")] == [brackets]
    assert [line.get_text() for line in page(response).select(".diff ins")] == shorter.split()


def test_the_comparison_of_a_long_note_changed_at_the_end_is_short(client, cast, cell):
    lines = [f"{number % 100}" for number in range(30_000)]
    note = save_text(cast.partnership, cell, cast.editor, "\n".join(lines), 0)
    save_text(
        cast.partnership, cell, cast.facilitator, "\n".join([*lines[:-1], "the end"]), note.version
    )
    client.force_login(cast.viewer)
    response = client.get(url(cast, "history"), {"from": 1, "to": 2})
    assert response.status_code == 200
    diff = page(response).select(".diff li")
    assert [line.get_text(" ", strip=True) for line in diff] == [
        "29,996 unchanged lines", "96", "97", "98",
        "Removed: \N{MINUS SIGN} 99", "Added: + the end",
    ]  # fmt: skip
    assert "too many places" not in text(response)


def test_versions_differing_everywhere_say_so_and_show_both_in_full(client, cast, cell):
    older = [f"line {number}" for number in range(3_000)]
    newer = [line if number % 2 else f"changed {number}" for number, line in enumerate(older)]
    note = save_text(cast.partnership, cell, cast.editor, "\n".join(older), 0)
    save_text(cast.partnership, cell, cast.facilitator, "\n".join(newer), note.version)
    client.force_login(cast.viewer)
    response = client.get(url(cast, "history"), {"from": 1, "to": 2})
    assert response.status_code == 200
    assert "These versions differ in too many places to compare line by line." in text(response)
    html = page(response)
    assert [line.get_text() for line in html.select(".diff del")] == older[:-1]
    assert [line.get_text() for line in html.select(".diff ins")] == newer[:-1]


@pytest.mark.parametrize(
    ("note", "printed"),
    [
        ("> - " * 80, ">->->-"),  # quotes and lists, 160 deep
        ("*" * 1000 + "loud" + "*" * 1000, "loud"),  # emphasis, 500 deep
    ],
)
def test_a_deeply_nested_note_prints_in_the_workbook(client, cast, cell, note, printed):
    save_text(cast.partnership, cell, cast.editor, note, 0)
    client.force_login(cast.editor)
    workbook = reverse("workbooks:partnership", args=[cast.partnership.pk])
    query = {"domains": DOMAIN, "stages": STAGE}
    assert client.get(workbook, query).status_code == 202
    run_worker()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    response = client.get(workbook, query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert printed in "".join(page_texts(response.content)).replace(" ", "")
