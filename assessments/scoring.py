"""Reading self-assessment answers: the one place that scores them.

Each answer rates a cell's statement from 1 ("not at all") to 5 ("fully"), or is None for
"don't know". Like the Wilder inventory's reading, a median of 4 or more is a strength, 3 to
under 4 worth discussing, under 3 a concern. Partners see a cell differently ("divided") when
the middle half of their answers spans 2 points or more, or at least a quarter of them sit at
each end of the scale (1 or 2, and 4 or 5).
"""

import statistics
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

SCALE = (1, 2, 3, 4, 5)
UNKNOWN = "unknown"  # the answer "don't know"
SCALE_LABELS = {
    1: _("1 · not at all"),
    2: _("2 · a little"),
    3: _("3 · partly"),
    4: _("4 · mostly"),
    5: _("5 · fully"),
}
# Every answer a statement can get, as forms and stored answers carry it.
RATING_CHOICES = [(str(score), SCALE_LABELS[score]) for score in SCALE] + [
    (UNKNOWN, _("Don't know"))
]
STRENGTH_FROM = 4
DISCUSS_FROM = 3
DIVIDED_SPREAD = 2


class Band(models.TextChoices):
    STRENGTH = "strength", _("Strength")
    DISCUSS = "discuss", _("Worth discussing")
    CONCERN = "concern", _("Concern")


def score(rating):
    """A stored or posted rating as the scoring reads it: 1 to 5, or None for "don't know"."""
    return int(rating) if rating in {str(value) for value in SCALE} else None


def band(median):
    if median >= STRENGTH_FROM:
        return Band.STRENGTH
    if median >= DISCUSS_FROM:
        return Band.DISCUSS
    return Band.CONCERN


@dataclass(frozen=True)
class Summary:
    """What a cell's answers say together."""

    scores: tuple  # the ratings given, sorted ("don't know" left out)
    unknown: int  # how many answered "don't know"

    @property
    def answered(self):
        return len(self.scores)

    @property
    def median(self):
        return statistics.median(self.scores) if self.scores else None

    @property
    def band(self):
        return band(self.median) if self.scores else None

    @property
    def counts(self):
        """How many gave each rating, 1 to 5: the spread of the answers."""
        return [self.scores.count(score) for score in SCALE]

    @property
    def divided(self):
        if len(self.scores) < 2:
            return False
        first, _middle, third = statistics.quantiles(self.scores, n=4, method="inclusive")
        low = sum(1 for score in self.scores if score <= 2)
        high = sum(1 for score in self.scores if score >= 4)
        quarter = len(self.scores) / 4
        return third - first >= DIVIDED_SPREAD or (low >= quarter and high >= quarter)


def summarise(answers):
    """The summary of one cell's answers (ratings, or None for "don't know")."""
    scores = tuple(sorted(answer for answer in answers if answer is not None))
    return Summary(scores=scores, unknown=len(answers) - len(scores))


def where_to_start(summaries, count=3):
    """Up to ``count`` cells to work on first: the lowest, counting a divided cell a point
    lower, leaving out undivided strengths. ``summaries`` maps cells, in the model's order, to
    their summaries; ties keep that order."""
    candidates = [
        (summary.median - (1 if summary.divided else 0), position, cell)
        for position, (cell, summary) in enumerate(summaries.items())
        if summary.scores and (summary.band != Band.STRENGTH or summary.divided)
    ]
    return [cell for _score, _position, cell in sorted(candidates)[:count]]
