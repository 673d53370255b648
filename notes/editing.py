"""Saving a note so that no save overwrites a newer one unseen, and keeping its history.

A save carries the version the writer started from. The text is written with one
conditional UPDATE (``WHERE version = base_version``), so the database decides: under real
concurrency on PostgreSQL the second of two saves based on the same version updates no row
and gets an ``EditConflict`` with the current note, and both texts survive.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .markup import render_note
from .models import REVISION_FOLD_WINDOW, DiscussedQuestion, Note, Partnership, Revision


class EditConflict(Exception):
    """The note changed since the writer's version; ``current`` is the note as it is now."""

    def __init__(self, current: Note):
        super().__init__(f"Note {current.pk} is at version {current.version}")
        self.current = current


def note_for(partnership, cell) -> Note:
    """The partnership's note on the cell, or an unsaved empty one (version 0)."""
    return (
        Note.objects.select_related("updated_by__profile")
        .filter(partnership=partnership, cell=cell)
        .first()
    ) or Note(partnership=partnership, cell=cell)


@transaction.atomic
def save_text(partnership, cell, author, text, base_version, *, restored_from=None) -> Note:
    """Save ``text`` as the note's new version, if ``base_version`` is still current."""
    note, _created = Note.objects.get_or_create(partnership=partnership, cell=cell)
    if note.version == base_version and note.text == text and restored_from is None:
        return note  # nothing changed: no new version, no revision
    now = timezone.now()
    saved = Note.objects.filter(pk=note.pk, version=base_version).update(
        text=text,
        html=render_note(text),
        version=F("version") + 1,
        updated_at=now,
        updated_by=author,
    )
    if not saved:
        raise EditConflict(Note.objects.select_related("updated_by__profile").get(pk=note.pk))
    note.refresh_from_db()
    _record_revision(note, author, now, restored_from)
    Partnership.objects.filter(pk=partnership.pk).update(last_activity_at=now)
    return note


def _record_revision(note, author, now, restored_from):
    """Keep the saved text as a revision; quick successive saves by one author fold into one."""
    latest = note.revisions.order_by("-version").first()
    folds = (
        latest is not None
        and restored_from is None
        and latest.restored_from is None
        and author is not None
        and latest.author_id == author.pk
        and now - latest.saved_at <= REVISION_FOLD_WINDOW
    )
    if folds:
        latest.text, latest.version, latest.saved_at = note.text, note.version, now
        latest.save(update_fields=["text", "version", "saved_at"])
    else:
        Revision.objects.create(
            note=note,
            version=note.version,
            text=note.text,
            author=author,
            started_at=now,
            saved_at=now,
            restored_from=restored_from,
        )


def set_status(partnership, cell, author, status) -> Note:
    note, _created = Note.objects.get_or_create(partnership=partnership, cell=cell)
    now = timezone.now()
    Note.objects.filter(pk=note.pk).update(status=status, updated_at=now, updated_by=author)
    Partnership.objects.filter(pk=partnership.pk).update(last_activity_at=now)
    note.refresh_from_db()
    return note


@transaction.atomic
def mark_discussed(partnership, author, *, ticked, unticked):
    """Apply one member's ticks and unticks, leaving others' concurrent ticks alone."""
    DiscussedQuestion.objects.filter(partnership=partnership, question__in=unticked).delete()
    DiscussedQuestion.objects.bulk_create(
        [
            DiscussedQuestion(partnership=partnership, question=question, ticked_by=author)
            for question in ticked
        ],
        ignore_conflicts=True,
    )
    Partnership.objects.filter(pk=partnership.pk).update(last_activity_at=timezone.now())
