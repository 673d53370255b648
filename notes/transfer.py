"""A partnership's notes (with their whole history), statuses and ticks in its export, and
back in an import: notes/ answers partnerships/transfer.py's signals."""

from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from domains.models import Cell, GuidanceItem
from partnerships.transfer import (
    invalid,
    moment,
    parse_moment,
    partnership_export_requested,
    partnership_importing,
    partnership_markdown_requested,
    person,
    require,
)

from .markup import render_note
from .models import NOTE_MAX_LENGTH, REVISIONS_KEPT, DiscussedQuestion, Note, NoteStatus, Revision


def cell_key(cell):
    return f"{cell.domain.slug}/{cell.stage.slug}"


def notes_data(partnership):
    notes = (
        Note.objects.filter(partnership=partnership)
        .select_related("cell__domain", "cell__stage", "updated_by__profile")
        .order_by("cell__domain__position", "cell__stage__position")
    )
    revisions = {}
    for revision in (
        Revision.objects.filter(note__partnership=partnership)
        .select_related("author__profile")
        .order_by("note", "version")
    ):
        revisions.setdefault(revision.note_id, []).append(
            {
                "version": revision.version,
                "text": revision.text,
                "author": person(revision.author, revision.author_name),
                "saved_at": moment(revision.saved_at),
                "restored_from": revision.restored_from,
            }
        )
    return [
        {
            "cell": cell_key(note.cell),
            "cell_name": f"{note.cell.domain.name} · {note.cell.stage.name}",
            "status": note.status,
            "version": note.version,
            "text": note.text,
            "updated_at": moment(note.updated_at),
            "updated_by": person(note.updated_by, note.updated_by_name),
            "revisions": revisions.get(note.pk, []),
        }
        for note in notes
    ]


def ticks_data(partnership):
    ticks = (
        DiscussedQuestion.objects.filter(partnership=partnership)
        .select_related("question__cell__domain", "question__cell__stage", "ticked_by__profile")
        .order_by(
            "question__cell__domain__position",
            "question__cell__stage__position",
            "question__position",
        )
    )
    return [
        {
            "cell": cell_key(tick.question.cell),
            "question": tick.question.position,
            "question_text": tick.question.text,
            "ticked_at": moment(tick.ticked_at),
            "ticked_by": person(tick.ticked_by, tick.ticked_by_name),
        }
        for tick in ticks
    ]


@receiver(partnership_export_requested)
def add_notes(sender, partnership, **kwargs):
    return {"notes": notes_data(partnership), "ticks": ticks_data(partnership)}


def readable(iso):
    return iso and date_format(localtime(parse_datetime(iso)), "DATETIME_FORMAT")


def who(reference):
    return reference["name"] if reference else _("a former member")


def history_line(revision):
    """One version in a note file's history (made here, not in the template: a note can have
    hundreds of versions)."""
    characters = len(revision["text"])
    line = ngettext(
        "Version %(version)s, saved by %(person)s on %(when)s: %(characters)s character.",
        "Version %(version)s, saved by %(person)s on %(when)s: %(characters)s characters.",
        characters,
    ) % {
        "version": revision["version"],
        "person": who(revision["author"]),
        "when": readable(revision["saved_at"]),
        "characters": characters,
    }
    if revision["restored_from"]:
        line += " " + _("Restored version %(version)s.") % {"version": revision["restored_from"]}
    return line


@receiver(partnership_markdown_requested)
def note_files(sender, document, **kwargs):
    """A file per cell's note: its status, the ticked questions, the text and its history."""
    ticked = {}
    for tick in document["ticks"]:
        ticked.setdefault(tick["cell"], []).append(tick["question_text"])
    return {
        f"notes/{note['cell'].replace('/', '-')}.md": render_to_string(
            "notes/export/note.txt",
            {
                "note": note,
                "status": NoteStatus(note["status"]).label,
                "updated_at": readable(note["updated_at"]),
                "updated_by": who(note["updated_by"]),
                "ticked": ticked.get(note["cell"], []),
                "history": [history_line(revision) for revision in reversed(note["revisions"])],
            },
        )
        for note in document["notes"]
    }


def cells_by_key():
    return {cell_key(cell): cell for cell in Cell.objects.select_related("domain", "stage")}


@receiver(partnership_importing)
def restore_notes(sender, partnership, document, people, **kwargs):
    cells = cells_by_key()
    notes_seen = set()
    for index, entry in enumerate(require(document.get("notes", []), list, "notes")):
        where = f"notes[{index}]"
        entry = require(entry, dict, where)
        cell = cells.get(entry.get("cell"))
        if cell is None or cell.pk in notes_seen:
            raise invalid(f"{where}.cell", _("not a cell of the model, or a second note on it"))
        notes_seen.add(cell.pk)
        restore_note(partnership, cell, entry, where, people)
    restore_ticks(partnership, document, cells, people)


def note_text(value, where):
    text = require(value, str, where)
    if len(text) > NOTE_MAX_LENGTH:
        raise invalid(where, _("longer than %(limit)s characters") % {"limit": NOTE_MAX_LENGTH})
    return text


def restore_note(partnership, cell, entry, where, people):
    if entry.get("status") not in NoteStatus.values:
        raise invalid(f"{where}.status", _("not a status"))
    version = require(entry.get("version"), int, f"{where}.version")
    text = note_text(entry.get("text"), f"{where}.text")
    updated_by, updated_by_name = people.resolve(entry.get("updated_by"), f"{where}.updated_by")
    revisions = require(entry.get("revisions", []), list, f"{where}.revisions")
    if len(revisions) > REVISIONS_KEPT:
        raise invalid(
            f"{where}.revisions", _("more than %(limit)s versions") % {"limit": REVISIONS_KEPT}
        )
    if not 0 <= version < 2**31:
        raise invalid(f"{where}.version", _("not a version number"))
    note = Note.objects.create(
        partnership=partnership,
        cell=cell,
        text=text,
        html=render_note(text),
        status=entry["status"],
        version=version,
        updated_at=parse_moment(entry.get("updated_at"), f"{where}.updated_at", optional=True),
        updated_by=updated_by,
        updated_by_name=updated_by_name,
    )
    restored = []
    for number, revision in enumerate(revisions):
        at = f"{where}.revisions[{number}]"
        revision = require(revision, dict, at)
        revision_version = require(revision.get("version"), int, f"{at}.version")
        if not 0 < revision_version <= version:
            raise invalid(f"{at}.version", _("not a version number of this note"))
        restored_from = revision.get("restored_from")
        if restored_from is not None and not 0 < require(restored_from, int, at) < version:
            raise invalid(f"{at}.restored_from", _("not a version number of this note"))
        author, author_name = people.resolve(revision.get("author"), f"{at}.author")
        restored.append(
            Revision(
                note=note,
                version=revision_version,
                text=note_text(revision.get("text"), f"{at}.text"),
                author=author,
                author_name=author_name,
                saved_at=parse_moment(revision.get("saved_at"), f"{at}.saved_at"),
                restored_from=restored_from,
            )
        )
    if len({revision.version for revision in restored}) != len(restored):
        raise invalid(f"{where}.revisions", _("the same version twice"))
    Revision.objects.bulk_create(restored)


def restore_ticks(partnership, document, cells, people):
    questions = {
        (cell_key(item.cell), item.position): item
        for item in GuidanceItem.objects.filter(kind=GuidanceItem.Kind.QUESTION).select_related(
            "cell__domain", "cell__stage"
        )
    }
    ticks = {}
    for index, entry in enumerate(require(document.get("ticks", []), list, "ticks")):
        where = f"ticks[{index}]"
        entry = require(entry, dict, where)
        question = questions.get((entry.get("cell"), entry.get("question")))
        if question is None:
            raise invalid(where, _("not a guiding question of the model"))
        ticked_by, ticked_by_name = people.resolve(entry.get("ticked_by"), f"{where}.ticked_by")
        ticks[question.pk] = DiscussedQuestion(
            partnership=partnership,
            question=question,
            ticked_at=parse_moment(entry.get("ticked_at"), f"{where}.ticked_at"),
            ticked_by=ticked_by,
            ticked_by_name=ticked_by_name,
        )
    DiscussedQuestion.objects.bulk_create(ticks.values())
