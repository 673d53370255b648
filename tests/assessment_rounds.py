"""Self-assessment rounds for tests: opened on a focus, answered by members, closed."""

from datetime import timedelta

from django.utils import timezone

from assessments.answering import close_round, open_round, save_answers
from assessments.models import Mode
from domains.focus import Focus


def a_round(partnership, opened_by, *, title="Spring check", mode=Mode.ANONYMOUS, focus=None):
    return open_round(
        partnership,
        opened_by,
        title=title,
        focus=focus or Focus(),
        closes_on=timezone.localdate() + timedelta(days=7),
        mode=mode,
    )


def statements(round):
    """The round's statements by "domain/stage"."""
    return {
        f"{s.cell.domain.slug}/{s.cell.stage.slug}": s
        for s in round.statements.select_related("cell__domain", "cell__stage")
    }


def answer(round, user, ratings, comments=None):
    """``user`` answers: {"domain/stage": rating} and optionally {"domain/stage": comment}."""
    by_cell = statements(round)
    comments = comments or {}
    save_answers(
        round,
        user,
        {
            by_cell[cell].pk: (ratings.get(cell, ""), comments.get(cell, ""))
            for cell in {*ratings, *comments}
        },
    )


def answered_and_closed(cast, ratings=None, **round_options):
    """A round of the cast's partnership that three members answered, closed."""
    round = a_round(cast.partnership, cast.facilitator, **round_options)
    for user, rating in zip(
        [cast.facilitator, cast.editor, cast.viewer], ratings or ["2", "3", "4"], strict=True
    ):
        answer(round, user, {"leadership/planning": rating, "communication/mapping": "5"})
    return close_round(round)
