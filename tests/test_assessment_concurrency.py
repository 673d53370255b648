"""Members answer a round at the same moment, on PostgreSQL with real connections.

Each member saves in their own thread with their own database connection, the first holding
the round's row lock a moment longer so the others really wait on it. Every member's answers
are kept; an answer sent while a facilitator closes the round waits for the close and is
refused (and handed back to its writer): never an answer added to results already out.
"""

import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from assessments.answering import RoundClosed, close_round, save_answers
from assessments.models import Answer, Response

from .assessment_rounds import a_round, statements
from .people import make_partnership, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL's row locks (scripts/test and CI run on PostgreSQL)",
    ),
]


def at_once(*actions):
    """Run the actions at the same moment, each in its own thread and connection; return
    what each returned or raised."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(position, action):
        try:
            barrier.wait()
            with transaction.atomic():
                outcomes[position] = action()
                time.sleep(0.3)  # hold the lock: the others must wait for it
        except RoundClosed as refused:
            outcomes[position] = refused
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return outcomes


@pytest.fixture
def scene():
    call_command("loaddata", "model", verbosity=0)
    anna = make_user("anna@example.org")
    partnership = make_partnership(anna)
    members = [anna]
    for email in ("ben@example.org", "cleo@example.org"):
        members.append(make_user(email))
        partnership.memberships.create(user=members[-1], role="viewer")
    round = a_round(partnership, anna)
    return round, members, statements(round)


def test_members_saving_at_once_each_keep_their_answers(scene):
    round, members, by_cell = scene
    planning, mapping = by_cell["leadership/planning"].pk, by_cell["motivation/mapping"].pk

    def answers_of(user, rating):
        return lambda: save_answers(
            round, user, {planning: (rating, f"{rating} from {user.email}"), mapping: ("5", "")}
        )

    at_once(*(answers_of(user, rating) for user, rating in zip(members, "123", strict=True)))

    assert Response.objects.count() == 3
    kept = Answer.objects.filter(statement_id=planning)
    assert sorted(kept.values_list("rating", "comment")) == [
        (rating, f"{rating} from {user.email}") for user, rating in zip(members, "123", strict=True)
    ]
    assert Answer.objects.filter(statement_id=mapping, rating="5").count() == 3


def test_one_member_saving_two_pages_at_once_keeps_both(scene):
    round, [anna, *_others], by_cell = scene
    planning, mapping = by_cell["leadership/planning"].pk, by_cell["motivation/mapping"].pk
    at_once(
        lambda: save_answers(round, anna, {planning: ("2", "")}),
        lambda: save_answers(round, anna, {mapping: ("4", "")}),
    )
    assert Response.objects.count() == 1
    assert sorted(Answer.objects.values_list("rating", flat=True)) == ["2", "4"]


def test_an_answer_sent_while_the_round_closes_is_handed_back(scene):
    round, [_anna, ben, _cleo], by_cell = scene
    planning = by_cell["leadership/planning"].pk

    def answer_a_moment_later():
        time.sleep(0.1)  # the close has read and locked the round, not yet committed
        return save_answers(round, ben, {planning: ("3", "Just too late")})

    closed, refused = at_once(lambda: close_round(round), answer_a_moment_later)
    assert isinstance(refused, RoundClosed)
    assert closed.closed_at is not None
    assert not Answer.objects.exists()
