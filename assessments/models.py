"""A partnership's self-assessment rounds: the statements each round was opened with, and each
member's answers.

A round keeps a copy of its statements (every language), so editing the model's statements
later never changes what a past round asked or what its results mean. Answers belong to the
round, not to the person: when an account is deleted its answers stay, with no name.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partnerships.models import Partnership

from .scoring import RATING_CHOICES, score

# In anonymous mode, results show only once this many members have answered, and a cell's
# score only once this many have rated it.
ANONYMOUS_MINIMUM = 3
COMMENT_MAX_LENGTH = 1000


class Mode(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous")
    NAMED = "named", _("Named")


class RoundQuerySet(models.QuerySet):
    def for_list(self, partnership):
        """A partnership's rounds, newest first, each with how many members have answered
        (rated a statement or said "don't know", as the results count them)."""
        answered = models.Q(responses__answers__rating__gt="")
        return (
            self.filter(partnership=partnership)
            .annotate(respondent_count=models.Count("responses", filter=answered, distinct=True))
            .order_by("-opened_at", "-pk")
        )

    def closed_newest_first(self, partnership):
        """A partnership's closed rounds, the latest closed first, with how many answered."""
        closed = models.Q(closed_at__isnull=False) | models.Q(closes_on__lt=timezone.localdate())
        closed_on = Coalesce(TruncDate("closed_at"), "closes_on")
        return self.for_list(partnership).filter(closed).order_by(closed_on.desc(), "-pk")


class Round(models.Model):
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        related_name="assessment_rounds",
        verbose_name=_("partnership"),
    )
    title = models.CharField(_("title"), max_length=150)
    domains = models.JSONField(_("domains"), default=list, blank=True)  # slugs; none: all
    stages = models.JSONField(_("stages"), default=list, blank=True)  # slugs; none: all
    closes_on = models.DateField(_("closing date"))
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.ANONYMOUS)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = RoundQuerySet.as_manager()
    anonymous_minimum = ANONYMOUS_MINIMUM

    class Meta:
        verbose_name = _("self-assessment round")
        verbose_name_plural = _("self-assessment rounds")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assessments:round", args=[self.partnership_id, self.pk])

    @property
    def is_anonymous(self):
        return self.mode == Mode.ANONYMOUS

    @property
    def ends_at(self):
        """When answering stops: closed by a facilitator, or the end of the closing date."""
        if self.closed_at:
            return self.closed_at
        next_day = datetime.combine(self.closes_on, time.min) + timedelta(days=1)
        return timezone.make_aware(next_day)

    @property
    def closed_on(self):
        """The day answering stopped (or stops)."""
        return timezone.localdate(self.closed_at) if self.closed_at else self.closes_on

    @property
    def is_closed(self):
        return self.closed_at is not None or timezone.now() >= self.ends_at


class Statement(models.Model):
    """A cell's statement as the round asked it, in every language."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="statements", verbose_name=_("round")
    )
    cell = models.ForeignKey(
        "domains.Cell", on_delete=models.PROTECT, related_name="+", verbose_name=_("cell")
    )
    texts = models.JSONField(_("statement in each language"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "cell"], name="one_statement_per_round_cell")
        ]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self):
        return self.text

    @property
    def text(self):
        return self.texts.get(get_language()) or self.texts[settings.LANGUAGE_CODE]


class Response(models.Model):
    """One member's answers in one round. ``user`` is empty once their account is deleted."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="responses", verbose_name=_("round")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("member"),
    )
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="one_response_per_member")
        ]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return f"{self.round} · {self.pk}"


class Answer(models.Model):
    """A member's rating of one statement (or "don't know"), with an optional comment."""

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="answers", verbose_name=_("statement")
    )
    rating = models.CharField(_("rating"), max_length=7, choices=RATING_CHOICES, blank=True)
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement"], name="one_answer_per_statement"
            )
        ]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.statement_id}: {self.rating}"

    @property
    def score(self):
        """The rating as the scoring reads it: 1 to 5, or None for "don't know"."""
        return score(self.rating)
