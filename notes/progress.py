"""A partnership's progress on the model, cell by cell: the one way it is read.

The partnership's matrix, a cell's page, the partnership workbook and the workbook's cache
key all read a partnership's notes and ticks here, so they show (and a cached PDF depends on)
the same thing. Two queries however many cells: the notes with who edited each last, and the
ticked questions.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models.functions import MD5

from .models import DiscussedQuestion, Note, NoteStatus, Revision


@dataclass(frozen=True)
class Progress:
    notes: dict  # cell pk -> the partnership's saved Note on it
    ticked: dict  # cell pk -> frozenset of the pks of its guiding questions ticked as discussed

    def note_on(self, cell, partnership):
        """The partnership's note on the cell, or an unsaved empty one (version 0)."""
        return self.notes.get(cell.pk) or Note(partnership=partnership, cell=cell)


def progress(partnership, cells, *, texts=False) -> Progress:
    """The partnership's notes and ticks on ``cells`` (cell objects, or a query of cells).

    Each note carries ``text_digest``, a hash of its text made by the database; its text (and
    rendered HTML) is only read when ``texts`` is asked for.
    """
    notes = (
        Note.objects.filter(partnership=partnership, cell__in=cells)
        .select_related("updated_by__profile")
        .annotate(text_digest=MD5("text"))
    )
    if not texts:
        notes = notes.defer("text", "html")
    ticked = defaultdict(set)
    for question, cell in DiscussedQuestion.objects.filter(
        partnership=partnership, question__cell__in=cells
    ).values_list("question", "question__cell"):
        ticked[cell].add(question)
    return Progress(
        notes={note.cell_id: note for note in notes},
        ticked={cell: frozenset(questions) for cell, questions in ticked.items()},
    )


def with_progress(partnership, cells, *, texts=False):
    """``cells`` as a list, each with the partnership's ``note`` on it (saved or not) and the
    pks of its guiding questions ticked as ``discussed``."""
    cells = list(cells)
    found = progress(partnership, cells, texts=texts)
    for cell in cells:
        cell.note = found.note_on(cell, partnership)
        cell.discussed = found.ticked.get(cell.pk, frozenset())
    return cells


@dataclass(frozen=True)
class Summary:
    cells: int
    started: int  # in progress or done
    done: int
    questions: int
    discussed: int


def summarise(cells) -> Summary:
    """The totals over ``cells`` as ``with_progress`` gives them, each with its
    ``question_count``: no query of its own."""
    statuses = [cell.note.status for cell in cells]
    return Summary(
        cells=len(cells),
        started=sum(status != NoteStatus.NOT_STARTED for status in statuses),
        done=sum(status == NoteStatus.DONE for status in statuses),
        questions=sum(cell.question_count for cell in cells),
        discussed=sum(len(cell.discussed) for cell in cells),
    )


RECENT_SAVES = 6


def recent_saves(partnership, limit=RECENT_SAVES):
    """The partnership's latest note saves, newest first, each with its author and cell: one
    query. Quick successive saves by one author are one revision (notes/editing.py), so this
    lists moments of work rather than keystrokes."""
    return (
        Revision.objects.filter(note__partnership=partnership)
        .select_related("author__profile", "note__cell__domain", "note__cell__stage")
        .defer("text")
        .order_by("-saved_at")[:limit]
    )
