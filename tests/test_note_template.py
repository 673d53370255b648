"""Start a partnership's note from the cell's tool: without JavaScript, a link puts the template
into the editor; nothing is saved until the member saves."""

import pytest

from notes.editing import save_text
from notes.models import Note

from .html import page
from .note_cell import the_cell, url

pytestmark = pytest.mark.django_db


def editor_text(response):
    # A browser drops one newline right after <textarea>, as HTML says; the parser here keeps it.
    return page(response).select_one("textarea[name=text]").get_text().removeprefix("\n")


def offer(response):
    return page(response).select_one("[data-note-template]")


def test_an_empty_note_is_offered_the_template_and_the_link_fills_the_editor(client, cast):
    client.force_login(cast.editor)
    link = offer(client.get(url(cast)))
    assert link.get_text() == "Start from this template"
    assert link["href"] == "?template=start#note"
    response = client.get(url(cast) + "?template=start")
    tool = the_cell().tool
    assert editor_text(response).strip() == tool.note_text().strip()
    assert editor_text(response).startswith(f"**{tool.name}**")
    assert "1. What: Partner meetings\n   - Who is responsible:" in editor_text(response)
    assert not Note.objects.exists()


def test_a_note_with_text_gets_the_template_added_below_and_keeps_its_text(client, cast):
    save_text(cast.partnership, the_cell(), cast.editor, "We meet on Tuesdays.", 0)
    client.force_login(cast.editor)
    link = offer(client.get(url(cast)))
    assert link.get_text() == "Add the template below our note"
    assert link["href"] == "?template=append#note"
    shown = editor_text(client.get(url(cast) + "?template=append"))
    assert shown.lstrip().startswith("We meet on Tuesdays.\n\n**")
    assert shown.strip().endswith(the_cell().tool.note_text().strip())
    assert editor_text(client.get(url(cast) + "?template=start")).strip() == "We meet on Tuesdays."
    assert Note.objects.get().text == "We meet on Tuesdays."


def test_readers_are_not_offered_the_template(client, cast):
    client.force_login(cast.viewer)
    assert offer(client.get(url(cast) + "?template=start")) is None
