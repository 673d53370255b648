"""A note is rendered once, when it is saved: pages and workbooks show the stored HTML."""

import datetime
import importlib
from unittest import mock

import pytest
from django.apps import apps

from domains.focus import Focus
from notes.editing import save_text
from notes.markup import NoteParser
from notes.models import Note
from workbooks.partnership import PartnershipWorkbook

from .html import page
from .note_cell import DOMAIN, STAGE, url

pytestmark = pytest.mark.django_db


def never_parsed():
    """Notes are never parsed again (a cell's tool, model content, has a parser of its own)."""
    return mock.patch.object(NoteParser, "parse", side_effect=AssertionError("parsed again"))


def test_saving_and_restoring_store_the_rendered_text(cast, cell):
    note = save_text(cast.partnership, cell, cast.editor, "We meet **weekly**.", 0)
    assert Note.objects.get().html == "<p>We meet <strong>weekly</strong>.</p>\n"
    note = save_text(cast.partnership, cell, cast.editor, "# Agenda", note.version)
    assert Note.objects.get().html == "<h3>Agenda</h3>\n"
    save_text(
        cast.partnership, cell, cast.viewer, "We meet **weekly**.", note.version, restored_from=1
    )
    assert Note.objects.get().html == "<p>We meet <strong>weekly</strong>.</p>\n"


def test_the_cell_page_and_the_workbook_show_the_note_formatted_without_parsing(client, cast, cell):
    save_text(cast.partnership, cell, cast.editor, "We meet **every** Tuesday.", 0)
    workbook = PartnershipWorkbook(
        cast.partnership, Focus.from_slugs([DOMAIN], [STAGE]), "a4", "include",
        "page-per-cell", "en", datetime.date(2026, 3, 5),
    )  # fmt: skip
    with never_parsed() as parse:
        for user in (cast.viewer, cast.editor):
            client.force_login(user)
            assert page(client.get(url(cast))).select_one(".note-text strong").text == "every"
            assert client.get(url(cast, "history"), {"from": 1, "to": 1}).status_code == 200
        assert "<strong>every</strong>" in workbook.html()
    parse.assert_not_called()


def test_the_conflict_page_shows_the_current_note_as_stored(client, cast, cell):
    save_text(cast.partnership, cell, cast.facilitator, "Fiona's *plan*", 0)
    Note.objects.update(html="<p>Fiona's <em>plan</em>, as stored</p>")
    client.force_login(cast.editor)
    response = client.post(url(cast, "save_note"), {"text": "Emma's plan", "base_version": 0})
    assert response.status_code == 409
    assert page(response).select_one(".note-text").decode_contents() == (
        "<p>Fiona's <em>plan</em>, as stored</p>"
    )


def test_notes_saved_before_the_html_was_stored_get_it_when_migrating(cast, cell):
    save_text(cast.partnership, cell, cast.editor, "Written *before*.", 0)
    Note.objects.update(html="")
    migration = importlib.import_module("notes.migrations.0004_render_saved_notes")
    migration.render_saved_notes(apps, None)
    assert Note.objects.get().html == "<p>Written <em>before</em>.</p>\n"
