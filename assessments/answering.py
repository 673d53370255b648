"""Opening a round, saving a member's answers and closing it: the writes, one after the other.

Saving and closing take the round's row lock first, so an answer is either saved before the
round closes or refused (``RoundClosed``) and handed back; none lands after the results are
out, and two members saving at once each keep their answers.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from domains.models import Cell

from .models import Answer, Response, Round, Statement


class RoundClosed(Exception):
    """The round closed before the answers could be saved."""


def open_round(partnership, user, *, title, focus, closes_on, mode):
    """A new round asking the statements of the focus's cells as they read today."""
    with transaction.atomic():
        round = Round.objects.create(
            partnership=partnership,
            title=title,
            domains=focus.domain_slugs,
            stages=focus.stage_slugs,
            closes_on=closes_on,
            mode=mode,
            opened_by=user,
        )
        Statement.objects.bulk_create(
            Statement(round=round, cell=cell, texts=statement_texts(cell))
            for cell in Cell.objects.in_focus(focus).order_by("domain__position", "stage__position")
        )
    return round


def statement_texts(cell):
    """The cell's statement in every language (English where a translation is missing)."""
    english = cell.statement_en
    return {
        code: getattr(cell, f"statement_{code}") or english for code, _name in settings.LANGUAGES
    }


def save_answers(round, user, answers):
    """Save ``user``'s answers: {statement id: (rating, comment)}; a blank pair removes one."""
    with transaction.atomic():
        if Round.objects.select_for_update().get(pk=round.pk).is_closed:
            raise RoundClosed
        response, created = Response.objects.get_or_create(round=round, user=user)
        if not created:
            response.updated_at = timezone.now()
            response.save(update_fields=["updated_at"])
        given = {key: value for key, value in answers.items() if any(value)}
        Answer.objects.filter(
            response=response, statement_id__in=set(answers) - set(given)
        ).delete()
        Answer.objects.bulk_create(
            [
                Answer(response=response, statement_id=statement_id, rating=rating, comment=comment)
                for statement_id, (rating, comment) in given.items()
            ],
            update_conflicts=True,
            unique_fields=["response", "statement"],
            update_fields=["rating", "comment"],
        )
    return response


def close_round(round):
    """Close the round now (a round already closed keeps its time)."""
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round.pk)
        if locked.closed_at is None:
            locked.closed_at = timezone.now()
            locked.save(update_fields=["closed_at"])
    round.closed_at = locked.closed_at
    return round
