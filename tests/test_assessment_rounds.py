"""A partnership's self-assessment rounds: opening, answering page by page, closing, results."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from assessments.answering import RoundClosed, close_round
from assessments.export import partnership_results
from assessments.models import Answer, Mode, Response, Round
from domains.focus import Focus
from domains.models import Cell, Domain

from .assessment_rounds import a_round, answer, answered_and_closed, statements
from .html import page, text
from .test_languages import TRANSLATED, english_left

pytestmark = pytest.mark.django_db


def words(element):
    return " ".join(element.get_text(" ").split())


def rounds_url(partnership):
    return reverse("assessments:rounds", args=[partnership.pk])


def answer_url(round, domain):
    return reverse("assessments:answer", args=[round.partnership_id, round.pk, domain])


def test_a_facilitator_opens_a_round_on_a_focus_and_members_see_it_listed(client, cast):
    client.force_login(cast.facilitator)
    response = client.post(
        reverse("assessments:open", args=[cast.partnership.pk]),
        {
            "title": "Autumn 2026",
            "domains": ["leadership", "communication"],
            "stages": ["planning"],
            "closes_on": (timezone.localdate() + timezone.timedelta(days=10)).isoformat(),
            "mode": "anonymous",
        },
    )
    round = Round.objects.get()
    assert response.status_code == 302
    assert response["Location"] == round.get_absolute_url()
    assert sorted(statements(round)) == ["communication/planning", "leadership/planning"]
    assert (round.mode, round.opened_by) == (Mode.ANONYMOUS, cast.facilitator)

    client.force_login(cast.viewer)
    listed = text(client.get(rounds_url(cast.partnership)))
    assert "Autumn 2026" in listed
    assert "Open until" in listed
    round_page = text(client.get(round.get_absolute_url()))
    assert "Domains: Leadership, Communication. Stages: Planning." in round_page
    assert "nobody, facilitators included, sees who answered what" in round_page


def test_opening_refuses_a_past_closing_date_and_keeps_what_was_typed(client, cast):
    client.force_login(cast.facilitator)
    response = client.post(
        reverse("assessments:open", args=[cast.partnership.pk]),
        {"title": "Too late", "closes_on": "2020-01-01", "mode": "anonymous"},
    )
    assert response.status_code == 400
    html = page(response)
    assert "Choose today or a later day." in html.select_one(".error-summary").get_text()
    assert html.select_one("input[name=title]")["value"] == "Too late"
    assert not Round.objects.exists()


def test_a_member_answers_a_page_per_domain_and_partial_answers_stay(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    by_cell = statements(round)
    client.force_login(cast.editor)
    first = client.get(answer_url(round, "risk-identification"))
    html = page(first)
    assert first.status_code == 200
    assert len(html.select("fieldset input[type=radio][value='unknown']")) == 4
    assert html.find(string=lambda s: by_cell["risk-identification/mapping"].text in s)

    planning = by_cell["risk-identification/planning"].pk
    response = client.post(
        answer_url(round, "risk-identification"),
        {f"rating-{planning}": "2", f"comment-{planning}": "We never wrote it down.", "next": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == answer_url(round, "leadership")
    # Coming back shows what was saved; the other cells are still unanswered.
    html = page(client.get(answer_url(round, "risk-identification")))
    assert html.select_one(f"input[name=rating-{planning}][value='2']").has_attr("checked")
    assert html.select_one(f"textarea[name=comment-{planning}]").get_text().strip() == (
        "We never wrote it down."
    )
    assert Answer.objects.count() == 1
    assert "You have rated 1 of 20 statements." in text(client.get(round.get_absolute_url()))


def test_the_last_page_finishes_at_the_round(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    motivation = statements(round)["motivation/assessment"].pk
    client.force_login(cast.viewer)
    response = client.post(
        answer_url(round, "motivation"), {f"rating-{motivation}": "unknown", "next": "1"}
    )
    assert response["Location"] == round.get_absolute_url()
    assert Answer.objects.get().rating == "unknown"


def test_a_rating_off_the_scale_is_explained_and_nothing_typed_is_lost(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    by_cell = statements(round)
    bad, good = by_cell["leadership/mapping"].pk, by_cell["leadership/planning"].pk
    client.force_login(cast.editor)
    response = client.post(
        answer_url(round, "leadership"),
        {f"rating-{bad}": "7", f"rating-{good}": "4", f"comment-{good}": "Mostly."},
    )
    assert response.status_code == 400
    html = page(response)
    assert html.select_one(".error-summary a")["href"] == f"#id_rating-{bad}_0"
    assert html.select_one(f"input[name=rating-{good}][value='4']").has_attr("checked")
    assert html.select_one(f"textarea[name=comment-{good}]").get_text().strip() == "Mostly."
    assert not Answer.objects.exists()


def test_answers_stop_when_the_round_closes_and_the_text_comes_back(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    cell = statements(round)["leadership/mapping"].pk
    client.force_login(cast.editor)
    client.get(answer_url(round, "leadership"))  # the page is open in the browser…
    close_round(round)  # …when the facilitator closes the round
    response = client.post(
        answer_url(round, "leadership"), {f"rating-{cell}": "3", f"comment-{cell}": "Late words"}
    )
    assert response.status_code == 409
    html = page(response)
    assert "The round closed before your answers were saved." in html.get_text()
    assert "Late words" in html.select_one(f"textarea[name=comment-{cell}]").get_text()
    assert not Answer.objects.exists()
    # Later visits go to the round, which says so.
    later = client.get(answer_url(round, "leadership"), follow=True)
    assert "This round is closed" in text(later)


def test_a_round_past_its_closing_date_is_closed_and_takes_no_more_answers(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    yesterday = timezone.localdate() - timezone.timedelta(days=1)
    Round.objects.filter(pk=round.pk).update(closes_on=yesterday)
    round.refresh_from_db()
    assert round.is_closed
    assert round.closed_on == yesterday
    with pytest.raises(RoundClosed):
        answer(round, cast.editor, {"leadership/planning": "3"})
    client.force_login(cast.editor)
    listed = text(client.get(rounds_url(cast.partnership)))
    assert f"Closed on {date_format(yesterday)}" in listed


def test_changing_answers_keeps_one_response_per_member(cast):
    round = a_round(cast.partnership, cast.facilitator)
    answer(round, cast.editor, {"leadership/mapping": "2"})
    answer(round, cast.editor, {"leadership/mapping": "4", "coordination/planning": "1"})
    assert Response.objects.count() == 1
    assert sorted(Answer.objects.values_list("rating", flat=True)) == ["1", "4"]


def test_results_show_medians_bands_spread_divided_and_where_to_start(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    answers = {
        cast.facilitator: {"leadership/planning": "1", "coordination/mapping": "2"},
        cast.co_facilitator: {"leadership/planning": "5", "coordination/mapping": "2"},
        cast.editor: {"leadership/planning": "1", "coordination/mapping": "3"},
        cast.viewer: {"leadership/planning": "5", "coordination/mapping": "unknown"},
    }
    for user, ratings in answers.items():
        answer(round, user, {**ratings, "motivation/mapping": "5"})
    close_round(round)
    client.force_login(cast.viewer)
    html = page(client.get(round.get_absolute_url()))
    grid = html.select_one("#results table")
    cells = {
        td.select_one(".cell-label").get_text(): td.get_text(" ", strip=True)
        for td in grid.select("td")
        if td.select_one(".cell-label")
    }
    assert "Worth discussing (3) Partners divided" in cells["Leadership · Planning"]
    assert "Ratings 1 to 5: 2 · 0 · 0 · 0 · 2" in cells["Leadership · Planning"]
    assert "Concern (2)" in cells["Coordination · Mapping"]
    assert "3 ratings, 1 “don't know”" in cells["Coordination · Mapping"]
    assert "Partners divided" not in cells["Coordination · Mapping"]
    assert "Strength (5)" in cells["Motivation · Mapping"]
    assert "Not rated" in cells["Risk identification · Mapping"]
    start = html.select(".where-to-start li")
    assert [li.strong.get_text() for li in start] == [
        "Leadership · Planning",  # median 3, divided: counts as 2, before the concern's 2
        "Coordination · Mapping",
    ]
    leadership = Cell.objects.get(domain__slug="leadership", stage__slug="planning")
    links = [a["href"] for a in start[0].select("a")]
    assert links == [
        leadership.get_absolute_url() + "#questions-title",
        reverse("notes:cell", args=[cast.partnership.pk, "leadership", "planning"]),
    ]


def test_anonymous_results_wait_for_closing_and_three_members(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    answer(round, cast.editor, {"leadership/planning": "2"}, {"leadership/planning": "Hm."})
    answer(round, cast.viewer, {"leadership/planning": "4"})
    client.force_login(cast.facilitator)
    hidden = text(client.get(round.get_absolute_url()))
    assert "The results appear once the round has closed" in hidden
    assert "2 members have answered" in hidden
    close_round(round)
    closed = client.get(round.get_absolute_url())
    assert "Fewer than 3 members answered, so the results stay hidden" in text(closed)
    assert page(closed).select_one("#results table") is None
    assert "Hm." not in text(closed)
    for name in ("print", "csv"):
        url = reverse(f"assessments:{name}", args=[cast.partnership.pk, round.pk])
        assert client.get(url).status_code == 404
    assert partnership_results(cast.partnership) == []


def test_a_cell_rated_by_fewer_than_three_shows_no_score_in_an_anonymous_round(client, cast):
    round = answered_and_closed(cast)
    answer_rows = Answer.objects.filter(statement__cell__domain__slug="communication")
    answer_rows.filter(response__user=cast.viewer).update(rating="unknown")
    client.force_login(cast.facilitator)
    grid = page(client.get(round.get_absolute_url())).select_one("#results table")
    cell = next(td for td in grid.select("td") if "Communication · Mapping" in td.get_text())
    assert "Too few ratings to show" in cell.get_text()
    assert "Strength" not in cell.get_text()
    [exported] = partnership_results(cast.partnership)
    row = next(row for row in exported["cells"] if row["domain"] == "communication")
    assert (row["answered"], row["median"], row["counts"]) == (2, None, None)


def test_comments_come_without_names_and_in_no_order_of_who_wrote_them(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    for user, comment in [
        (cast.facilitator, "Zero meetings so far."),
        (cast.editor, "Agreed roles."),
        (cast.viewer, "Most partners know."),
    ]:
        answer(round, user, {"leadership/planning": "3"}, {"leadership/planning": comment})
    client.force_login(cast.facilitator)
    assert "Agreed roles." not in text(client.get(round.get_absolute_url()))  # not while open
    close_round(round)
    html = page(client.get(round.get_absolute_url()))
    comments = [li.get_text(strip=True) for li in html.select(".comment-list li")]
    assert comments == ["Agreed roles.", "Most partners know.", "Zero meetings so far."]


def test_a_named_round_tells_members_before_they_answer_and_shows_names(client, cast):
    round = a_round(cast.partnership, cast.facilitator, mode=Mode.NAMED)
    client.force_login(cast.editor)
    notice = page(client.get(answer_url(round, "leadership"))).select_one(".mode-notice")
    assert "Named round: the results show every member's name" in words(notice)
    answer(round, cast.editor, {"leadership/planning": "unknown"}, {"leadership/planning": "Ask"})
    comments = page(client.get(round.get_absolute_url())).select(".comment-list li")
    assert [words(li) for li in comments] == ["Emma (Don't know): Ask"]


def test_comparing_with_an_earlier_round_shows_the_change_per_cell(client, cast):
    earlier = answered_and_closed(cast, ["2", "2", "3"], title="Spring")
    later = answered_and_closed(cast, ["4", "4", "3"], title="Autumn")
    client.force_login(cast.editor)
    html = page(client.get(later.get_absolute_url(), {"compare": earlier.pk}))
    grid = html.select_one("#results table")
    leadership = next(td for td in grid.select("td") if "Leadership · Planning" in td.get_text())
    communication = next(
        td for td in grid.select("td") if "Communication · Mapping" in td.get_text()
    )
    assert "Up 2 since then" in leadership.get_text()
    assert "No change since then" in communication.get_text()
    assert "since “Spring”" in html.select_one("#compare").get_text()


def test_the_print_page_has_the_grid_and_where_to_start(client, cast):
    round = answered_and_closed(cast, ["1", "2", "2"])
    client.force_login(cast.viewer)
    response = client.get(reverse("assessments:print", args=[cast.partnership.pk, round.pk]))
    html = page(response)
    assert html.select_one(".round-print table.model-matrix")
    assert [li.strong.get_text() for li in html.select(".where-to-start li")] == [
        "Leadership · Planning"
    ]


def test_the_csv_holds_aggregates_per_cell_only(client, cast):
    round = answered_and_closed(cast)
    client.force_login(cast.viewer)
    response = client.get(reverse("assessments:csv", args=[cast.partnership.pk, round.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == (
        "domain,stage,statement,answered,dont_know,median,band,divided,"
        "rated_1,rated_2,rated_3,rated_4,rated_5"
    )
    assert len(lines) == 21
    leadership = next(line for line in lines if line.startswith("leadership,planning,"))
    assert leadership.endswith(",3,0,3,discuss,True,0,1,1,1,0")


def test_the_export_lists_closed_rounds_aggregates(cast):
    answered_and_closed(cast)
    a_round(cast.partnership, cast.facilitator, title="Still open")
    [exported] = partnership_results(cast.partnership)
    assert exported["title"] == "Spring check"
    assert exported["respondents"] == 3
    row = next(
        row
        for row in exported["cells"]
        if row["domain"] == "leadership" and row["stage"] == "planning"
    )
    assert json.loads(json.dumps(exported)) == exported
    assert row | {"statement": ""} == {
        "domain": "leadership",
        "stage": "planning",
        "statement": "",
        "answered": 3,
        "dont_know": 0,
        "median": 3,
        "band": "discuss",
        "divided": True,  # one at each end of three: a quarter each
        "counts": {"1": 0, "2": 1, "3": 1, "4": 1, "5": 0},
    }


def test_a_round_keeps_its_statements_when_the_model_changes(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    cell = Cell.objects.get(domain__slug="leadership", stage__slug="planning")
    before = cell.statement_en
    cell.statement_en = "A rewritten statement."
    cell.statement_lv = "Pārrakstīts apgalvojums."
    cell.save()
    client.force_login(cast.editor)
    assert before in text(client.get(answer_url(round, "leadership")))
    assert "A rewritten statement." not in text(client.get(answer_url(round, "leadership")))
    latvian = statements(round)["leadership/planning"].texts["lv"]
    assert latvian != "Pārrakstīts apgalvojums."
    assert latvian in text(client.get(answer_url(round, "leadership").replace("/en/", "/lv/")))
    # A new round asks the new statement.
    new = a_round(cast.partnership, cast.facilitator)
    assert statements(new)["leadership/planning"].texts["en"] == "A rewritten statement."


def test_a_deleted_accounts_answers_stay_unnamed(client, cast):
    round = a_round(cast.partnership, cast.facilitator, mode=Mode.NAMED)
    answer(round, cast.editor, {"leadership/planning": "4"}, {"leadership/planning": "Mine."})
    client.force_login(cast.editor)
    response = client.post(reverse("accounts:delete"), {"password": "a long enough passphrase"})
    assert response.status_code == 302
    answer_row = Answer.objects.get()
    assert answer_row.response.user is None
    assert answer_row.rating == "4"
    client.force_login(cast.facilitator)
    comments = page(client.get(round.get_absolute_url())).select(".comment-list li")
    assert [words(li) for li in comments] == ["a former member (4 · mostly): Mine."]


def test_a_member_who_left_has_no_access(client, cast):
    round = answered_and_closed(cast)
    cast.membership(cast.viewer).delete()
    client.force_login(cast.viewer)
    assert client.get(round.get_absolute_url()).status_code == 404
    assert client.get(answer_url(round, "leadership")).status_code == 404


def test_an_archived_partnership_opens_and_answers_nothing(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    cast.partnership.archived_at = timezone.now()
    cast.partnership.save()
    client.force_login(cast.facilitator)
    html = page(client.get(round.get_absolute_url()))
    assert html.find("a", string="Answer now") is None
    assert html.find("button", string="Close the round now") is None
    rounds = page(client.get(rounds_url(cast.partnership)))
    assert rounds.find("a", string="Open a round") is None


def test_the_partnership_page_links_to_its_rounds(client, cast):
    client.force_login(cast.viewer)
    html = page(client.get(cast.partnership.get_absolute_url()))
    assert html.find("a", href=rounds_url(cast.partnership))


def test_a_domain_outside_the_rounds_focus_is_not_found(client, cast):
    focus = Focus(domains=(Domain.objects.get(slug="leadership"),))
    round = a_round(cast.partnership, cast.facilitator, focus=focus)
    client.force_login(cast.editor)
    assert client.get(answer_url(round, "leadership")).status_code == 200
    assert client.get(answer_url(round, "motivation")).status_code == 404


@pytest.mark.parametrize("language", TRANSLATED)
def test_round_pages_speak_the_language_of_their_address(client, cast, language):
    closed = answered_and_closed(cast)
    open_round = a_round(cast.partnership, cast.facilitator)
    answer(open_round, cast.facilitator, {"leadership/planning": "2"})
    client.force_login(cast.facilitator)
    pk = cast.partnership.pk
    with translation.override(language):
        urls = [
            rounds_url(cast.partnership),
            reverse("assessments:open", args=[pk]),
            closed.get_absolute_url(),
            open_round.get_absolute_url(),
            answer_url(open_round, "leadership"),
            reverse("assessments:print", args=[pk, closed.pk]),
            reverse("assessments:delete", args=[pk, closed.pk]),
        ]
    statement = statements(open_round)["leadership/planning"].texts[language]
    for url in urls:
        response = client.get(url)
        assert page(response).html["lang"] == language, url
        assert english_left(response, language) == [], url
    assert statement in text(client.get(urls[4]))


def test_a_persons_data_download_holds_their_own_answers_only(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    answer(round, cast.editor, {"leadership/planning": "4"}, {"leadership/planning": "Mine."})
    answer(round, cast.viewer, {"leadership/planning": "1"}, {"leadership/planning": "Theirs."})
    client.force_login(cast.editor)
    data = json.loads(client.get(reverse("accounts:data")).content)
    assert [
        (row["round"], row["cell"], row["rating"], row["comment"])
        for row in data["self_assessment_answers"]
    ] == [("Spring check", "leadership/planning", "4", "Mine.")]


def test_the_list_counts_members_who_rated_as_the_results_do(client, cast):
    round = a_round(cast.partnership, cast.facilitator)
    answer(round, cast.editor, {"leadership/planning": "unknown"})
    answer(round, cast.viewer, {}, {"leadership/planning": "Only a comment so far."})
    client.force_login(cast.facilitator)
    row = page(client.get(rounds_url(cast.partnership))).select_one("tbody tr")
    assert row.select("td")[-1].get_text(strip=True) == "1"
    assert "1 member has answered" in text(client.get(round.get_absolute_url()))
