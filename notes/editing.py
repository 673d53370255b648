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
from .models import REVISION_FOLD_WINDOW, REVISIONS_KEPT, DiscussedQuestion, Note, Revision


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


def save_text(partnership, cell, author, text, base_version, *, restored_from=None) -> Note:
    """Save ``text`` as the note's new version, if ``base_version`` is still current. The text
    is rendered first, outside the transaction: a long note's render holds no row lock."""
    html = render_note(text)
    return _save(partnership, cell, author, text, html, base_version, restored_from)


@transaction.atomic
def _save(partnership, cell, author, text, html, base_version, restored_from):
    note, _created = Note.objects.get_or_create(partnership=partnership, cell=cell)
    if note.version == base_version and note.text == text:
        return note  # nothing changed (a restore of the current text too): no new version
    now = timezone.now()
    saved = Note.objects.filter(pk=note.pk, version=base_version).update(
        text=text,
        html=html,
        version=F("version") + 1,
        updated_at=now,
        updated_by=author,
        updated_by_name="",
    )
    if not saved:
        raise EditConflict(Note.objects.select_related("updated_by__profile").get(pk=note.pk))
    # The row now holds exactly this (the UPDATE matched the version it was based on).
    note.text, note.html, note.version = text, html, base_version + 1
    note.updated_at, note.updated_by = now, author
    _record_revision(note, author, now, restored_from)
    partnership.touch(now)
    return note


def _record_revision(note, author, now, restored_from):
    """Keep the saved text as a revision. Quick successive saves by one author fold into one,
    and so do quick successive restores (a restore never folds into a typed version, so the
    text someone had before restoring stays in the history). Only the newest
    ``REVISIONS_KEPT`` revisions are kept."""
    latest = note.revisions.order_by("-version").first()
    folds = (
        latest is not None
        and (restored_from is None) == (latest.restored_from is None)
        and author is not None
        and latest.author_id == author.pk
        and now - latest.saved_at <= REVISION_FOLD_WINDOW
    )
    if folds:
        latest.text, latest.version, latest.saved_at = note.text, note.version, now
        latest.restored_from = restored_from
        latest.save(update_fields=["text", "version", "saved_at", "restored_from"])
    else:
        Revision.objects.create(
            note=note,
            version=note.version,
            text=note.text,
            author=author,
            saved_at=now,
            restored_from=restored_from,
        )
        _prune_revisions(note)


def _prune_revisions(note):
    newest_first = note.revisions.order_by("-version").values_list("version", flat=True)
    oldest_kept = newest_first[REVISIONS_KEPT - 1 : REVISIONS_KEPT].first()
    if oldest_kept is not None:
        note.revisions.filter(version__lt=oldest_kept).delete()


@transaction.atomic
def set_status(partnership, cell, author, status) -> Note:
    note, _created = Note.objects.get_or_create(partnership=partnership, cell=cell)
    now = timezone.now()
    Note.objects.filter(pk=note.pk).update(
        status=status, updated_at=now, updated_by=author, updated_by_name=""
    )
    partnership.touch(now)
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
    partnership.touch()
