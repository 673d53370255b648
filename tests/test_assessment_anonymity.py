"""Anonymous rounds: nothing anyone can read, facilitators included, says who answered what.

Members answer with ratings and comments that are theirs alone; then every page, download and
export of the round is read as every member, open and closed, and none of them names a
respondent or hands back another member's rating. Results stay hidden until the round has
closed and three members have answered, and a closed round's results can no longer change, so
no before-and-after comparison can single out one answer.
"""

import csv
import io
import json

import pytest
from django.contrib import admin
from django.urls import reverse

from assessments.answering import RoundClosed, close_round, save_answers
from assessments.export import partnership_results
from assessments.models import Answer, Mode, Response
from assessments.results import aggregates, results_for

from .assessment_rounds import a_round, answer, statements
from .html import page

pytestmark = pytest.mark.django_db

NAMES = ["Fiona", "Carl", "Emma", "Victor"]  # the cast's display names


def main_text(response):
    return " ".join(page(response).find("main").get_text(" ").split())


@pytest.fixture
def answered(cast):
    """An anonymous round in which four members answered, each with a comment of their own."""
    round = a_round(cast.partnership, cast.facilitator)
    for user, rating, name in zip(
        [cast.facilitator, cast.co_facilitator, cast.editor, cast.viewer],
        ["1", "2", "4", "5"],
        NAMES,
        strict=True,
    ):
        answer(
            round,
            user,
            {"leadership/planning": rating, "motivation/mapping": "3"},
            {"leadership/planning": f"{name} thinks so."},
        )
    return round


def round_pages(round):
    args = [round.partnership_id, round.pk]
    return [
        reverse("assessments:rounds", args=args[:1]),
        reverse("assessments:round", args=args),
        reverse("assessments:print", args=args),
        reverse("assessments:csv", args=args),
        reverse("assessments:answer", args=[*args, "leadership"]),
    ]


def readable(client, url):
    """What a page or download shows ("" for a refusal or a redirect)."""
    response = client.get(url)
    if response.status_code != 200:
        return ""
    if response["Content-Type"].startswith("text/csv"):
        return response.content.decode()
    return main_text(response)


@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
@pytest.mark.parametrize("role", ["facilitator", "co_facilitator", "editor", "viewer"])
def test_no_page_or_download_names_a_respondent(client, cast, answered, role, closed):
    if closed:
        close_round(answered)
    client.force_login(getattr(cast, role))
    for url in round_pages(answered):
        content = readable(client, url)
        for name in NAMES:
            assert name not in content.replace(f"{name} thinks so.", ""), (url, name)
        if not closed and "answer" not in url:
            assert "thinks so" not in content  # comments only once closed
    if closed:
        return
    # The answer page shows one's own rating only.
    html = page(client.get(round_pages(answered)[-1]))
    planning = statements(answered)["leadership/planning"].pk
    checked = html.select(f"input[name=rating-{planning}][checked]")
    own = Answer.objects.get(response__user=getattr(cast, role), statement_id=planning)
    assert [radio["value"] for radio in checked] == [own.rating]


def test_results_appear_only_when_closed_with_three_members(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    client.force_login(cast.facilitator)
    url = round.get_absolute_url()
    for user in (cast.editor, cast.viewer):
        answer(round, user, {"leadership/planning": "4"})
        assert page(client.get(url)).select_one("#results table") is None
    answer(round, cast.co_facilitator, {"leadership/planning": "2"})
    assert page(client.get(url)).select_one("#results table") is None  # three, but still open
    close_round(round)
    assert page(client.get(url)).select_one("#results table") is not None


def test_dont_know_does_not_count_towards_the_three_ratings_a_cell_needs(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    answer(round, cast.editor, {"leadership/planning": "1", "motivation/mapping": "4"})
    answer(round, cast.viewer, {"leadership/planning": "unknown", "motivation/mapping": "4"})
    answer(round, cast.facilitator, {"leadership/planning": "5", "motivation/mapping": "4"})
    close_round(round)
    cells = {(row["domain"], row["stage"]): row for row in aggregates(results_for(round))}
    assert cells["leadership", "planning"]["median"] is None  # two ratings: each one's own
    assert cells["leadership", "planning"]["counts"] is None
    assert cells["motivation", "mapping"]["median"] == 4


def test_a_closed_rounds_results_cannot_change(cast, answered):
    close_round(answered)
    before = aggregates(results_for(answered))
    planning = statements(answered)["leadership/planning"].pk
    with pytest.raises(RoundClosed):
        save_answers(answered, cast.editor, {planning: ("1", "")})
    assert aggregates(results_for(answered)) == before


def test_the_csv_and_the_export_carry_aggregates_only(client, cast, answered):
    close_round(answered)
    client.force_login(cast.facilitator)
    rows = list(csv.reader(io.StringIO(client.get(round_pages(answered)[3]).content.decode())))
    assert len(rows) == 21  # a header and one row per cell: never one per member
    exported = json.dumps(partnership_results(cast.partnership))
    for secret in [*NAMES, "thinks so", "fiona@", "emma@"]:
        assert secret not in exported
        assert not any(secret in value for row in rows for value in row)


def test_a_named_rounds_downloads_are_aggregates_too(client, cast):
    round = a_round(cast.partnership, cast.facilitator, mode=Mode.NAMED)
    answer(round, cast.editor, {"leadership/planning": "2"}, {"leadership/planning": "Mine."})
    close_round(round)
    client.force_login(cast.viewer)
    content = client.get(round_pages(round)[3]).content.decode()
    assert "Emma" not in content
    assert "Mine." not in content


def test_the_admin_shows_no_ones_answers():
    assert not admin.site.is_registered(Answer)
    assert not admin.site.is_registered(Response)


def test_result_pages_run_the_same_queries_however_many_answered(
    client, cast, django_assert_num_queries
):
    """Named rounds read names along with the answers: no query per member or per cell."""
    small = a_round(cast.partnership, cast.facilitator, mode=Mode.NAMED)
    answer(small, cast.editor, {"leadership/planning": "2"}, {"leadership/planning": "A"})
    large = a_round(cast.partnership, cast.facilitator, mode=Mode.NAMED)
    for user in (cast.facilitator, cast.co_facilitator, cast.editor, cast.viewer):
        answer(
            large,
            user,
            dict.fromkeys(statements(large), "3"),
            dict.fromkeys(statements(large), "B"),
        )
    client.force_login(cast.viewer)
    # Session, user, membership, round, statements, answers with names, one's own answers,
    # earlier rounds to compare with, the header's profile.
    with django_assert_num_queries(9):
        client.get(small.get_absolute_url())
    with django_assert_num_queries(9):
        client.get(large.get_absolute_url())
