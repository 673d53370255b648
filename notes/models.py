"""What a partnership writes about the model: a note per cell with its revisions, and the
guiding questions it has ticked off as discussed."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.models import Partnership

NOTE_MAX_LENGTH = 100_000
# Saves by the same author within this time fold into one revision, so autosave keeps the
# history readable.
REVISION_FOLD_WINDOW = timedelta(minutes=5)
# A note keeps this many of its newest revisions; older ones are removed as new ones come, so
# no one can grow the database without bound by saving or restoring over and over.
REVISIONS_KEPT = 200


class NoteStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class Note(models.Model):
    """A partnership's note on one cell of the model.

    ``version`` counts saves. A save names the version it was based on and only succeeds
    while that is still the current one (see notes/editing.py), so no save overwrites a
    newer text unseen.
    """

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="notes", verbose_name=_("partnership")
    )
    cell = models.ForeignKey(
        "domains.Cell", on_delete=models.PROTECT, related_name="+", verbose_name=_("cell")
    )
    text = models.TextField(_("note"), blank=True)
    # The text rendered to sanitised HTML when it is saved (notes/markup.py), so that pages
    # and PDFs show a note without parsing it again.
    html = models.TextField(_("rendered note"), blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=NoteStatus.choices, default=NoteStatus.NOT_STARTED
    )
    version = models.PositiveIntegerField(_("version"), default=0)
    updated_at = models.DateTimeField(_("last edited"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last edited by"),
    )
    # Who edited it last when that person has no account here (an imported partnership).
    updated_by_name = models.CharField(_("last edited by (name)"), max_length=150, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "cell"], name="one_note_per_cell")
        ]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self):
        return f"{self.partnership} · {self.cell_id}"


class Revision(models.Model):
    """A saved version of a note, with who saved it and when."""

    note = models.ForeignKey(
        Note, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("note")
    )
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("author"),
    )
    # The author's name when they have no account here (an imported partnership).
    author_name = models.CharField(_("author (name)"), max_length=150, blank=True)
    saved_at = models.DateTimeField(_("saved"))
    restored_from = models.PositiveIntegerField(_("restored from version"), null=True, blank=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["note", "version"], name="one_revision_per_version")
        ]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self):
        return f"{self.note} v{self.version}"


class DiscussedQuestion(models.Model):
    """A guiding question the partnership has ticked off as discussed."""

    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        related_name="discussed_questions",
        verbose_name=_("partnership"),
    )
    # PROTECT: removing a guiding question that partnerships have ticked is refused (the
    # admin says which ticks stand in the way) rather than silently deleting their ticks.
    question = models.ForeignKey(
        "domains.GuidanceItem",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("guiding question"),
    )
    ticked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ticked by"),
    )
    # Who ticked it when that person has no account here (an imported partnership).
    ticked_by_name = models.CharField(_("ticked by (name)"), max_length=150, blank=True)
    ticked_at = models.DateTimeField(_("ticked"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "question"], name="one_tick_per_question"
            )
        ]
        verbose_name = _("discussed question")
        verbose_name_plural = _("discussed questions")

    def __str__(self):
        return f"{self.partnership} · {self.question_id}"
