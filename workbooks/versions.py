"""What a cached workbook depends on, as short digests: a change to any of it is a new PDF.

The model has no timestamps, so its version is a digest of its whole content: any edit, by
the admin, a fixture or plain SQL, changes it. A partnership's version is a digest of what its
workbook shows of it: its progress on the focus's cells, read as every page reads it
(notes/progress.py: each note with a hash of its text made by the database, and the ticks), and
the members with their profiles, in three queries however much there is. The layout
version covers the templates, the stylesheets, the translations and WeasyPrint itself, so a
deploy that changes how workbooks look or read renders anew.
"""

import hashlib
import json
from functools import cache
from pathlib import Path

import weasyprint
from django.conf import settings
from django.utils import translation

from accounts.models import display_name
from assessments.results import aggregates
from domains.models import Cell, Domain, GuidanceItem, Source, Stage
from notes.progress import progress
from partnerships.models import Membership

LAYOUT_DIRECTORIES = [
    settings.BASE_DIR / "templates" / "workbooks",
    settings.BASE_DIR / "static" / "workbooks",
    settings.BASE_DIR / "templates" / "domains" / "includes",
    settings.BASE_DIR / "templates" / "notes" / "includes",
    settings.BASE_DIR / "templates" / "assessments" / "includes",
    settings.BASE_DIR / "locale",  # the workbooks' fixed text in every language
]


def digest(value):
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


DIMENSION_FIELDS = ("pk", "slug", "name", "position", "summary", "definition")


def model_content_version(language):
    """The model's content as a workbook in ``language`` prints it (its translated columns)."""
    with translation.override(language):
        return _model_content_digest()


def _model_content_digest():
    return digest(
        [
            list(query.order_by("pk"))
            for query in (
                Domain.objects.values_list(*DIMENSION_FIELDS),
                Stage.objects.values_list(*DIMENSION_FIELDS),
                Cell.objects.values_list("pk", "domain", "stage", "purpose", "introduction"),
                GuidanceItem.objects.values_list("pk", "cell", "kind", "position", "text"),
                GuidanceItem.sources.through.objects.values_list("pk", "guidanceitem", "source"),
                Source.objects.values_list(
                    "pk", "code", "position", "title", "short_title", "publisher", "url"
                ),
            )
        ]
    )


def partnership_version(partnership, focus):
    """Its name and goal, the progress on the focus's cells (each note's text as a hash made by
    the database) and its members, as the partnership workbook shows them."""
    found = progress(partnership, Cell.objects.in_focus(focus))
    notes = sorted(
        [
            note.cell_id, note.text_digest, note.status, note.version, note.updated_at,
            note.updated_by_id, note.updated_by and display_name(note.updated_by),
        ]
        for note in found.notes.values()
    )  # fmt: skip
    ticks = sorted([cell, sorted(questions)] for cell, questions in found.ticked.items())
    members = Membership.objects.filter(partnership=partnership).values_list(
        "pk", "role", "joined_at", "user__email", "user__profile__display_name",
        "user__profile__organisation", "user__profile__sector",
    )  # fmt: skip
    return digest([partnership.name, partnership.goal, notes, ticks, list(members.order_by("pk"))])


def assessment_version(results):
    """The self-assessment results a workbook prints: the round and its figures per cell."""
    if results is None:
        return None
    round = results.round
    return digest(
        [round.pk, round.title, round.closed_on, results.respondents, aggregates(results)]
    )


@cache
def layout_version():
    """Fixed for the life of a process: the files it covers change only with a deploy."""
    files = sorted(path for root in LAYOUT_DIRECTORIES for path in Path(root).rglob("*.*"))
    return digest(
        [weasyprint.__version__]
        + [
            [
                str(path.relative_to(settings.BASE_DIR)),
                hashlib.sha256(path.read_bytes()).hexdigest(),
            ]
            for path in files
        ]
    )
