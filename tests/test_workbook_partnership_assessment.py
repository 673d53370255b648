"""The partnership workbook's optional self-assessment chapter: the latest closed round's
results, only when its results page would show them."""

import datetime

import pytest
from django.utils import timezone

from assessments.answering import close_round
from assessments.models import Mode, Round
from domains.focus import Focus
from workbooks.partnership import PartnershipWorkbook

from .assessment_rounds import a_round, answer, answered_and_closed
from .pdf import bookmarks, contents_entries, page_texts, read

pytestmark = pytest.mark.django_db

NONE_SHOWN = "No closed self-assessment round has results to show yet."


def workbook(cast, **changes):
    options = {
        "partnership": cast.partnership,
        "focus": Focus.from_slugs(["leadership"], ["planning"]),
        "paper": "a4",
        "empty": "include",
        "layout": "page-per-cell",
        "language": "en",
        "printed": datetime.date(2026, 3, 5),
        "self_assessment": True,
    }
    return PartnershipWorkbook(**{**options, **changes})


def rendered(cast, **changes):
    pdf = workbook(cast, **changes).render()
    return read(pdf), page_texts(pdf)


def chapter(reader, texts):
    """The text of the self-assessment chapter's pages (from its bookmark to the next one)."""
    marks = bookmarks(reader)
    start = dict(marks)["Self-assessment"]
    later = [page for _title, page in marks if page > start]
    return " ".join(texts[start - 1 : min(later) - 1 if later else None])


def test_the_chapter_shows_the_round_its_bands_by_label_and_where_to_start(cast):
    answered_and_closed(cast, ["1", "2", "2"], title="Autumn check")
    reader, texts = rendered(cast)
    titles = [title for title, _page in bookmarks(reader)]
    assert titles[titles.index("Contents") + 1 :] == [
        "Self-assessment",
        "Leadership · Planning",
        "Sources",
    ]
    listed = contents_entries(reader.pages[1].extract_text())
    assert [title for title, _number in listed][:2] == ["Self-assessment", "Leadership · Planning"]
    found = chapter(reader, texts)
    assert "Autumn check" in found
    assert "Anonymous · 3 members have answered" in found
    assert "Where to start" in found
    # Where to start names the lowest cell and its band, then the grid shows every cell's band.
    start, grid = found.split("Median rating in each cell")
    assert "Leadership · Planning" in start
    assert "Concern (2)" in start
    assert "Concern (2)" in grid
    assert "Strength (5)" in grid  # communication · mapping: everyone rated it 5
    assert grid.count("Not rated") == 18
    assert "Our note" not in found  # the results page's links are for the screen only


def test_without_the_option_there_is_no_chapter(cast):
    answered_and_closed(cast, ["1", "2", "2"], title="Autumn check")
    reader, texts = rendered(cast, self_assessment=False)
    assert "Self-assessment" not in [title for title, _page in bookmarks(reader)]
    assert "Self-assessment" not in " ".join(texts)
    assert "Autumn check" not in " ".join(texts)


def test_rounds_whose_results_are_hidden_are_never_printed(cast):
    """Anonymous: below three members answered, or still open; named: still open."""
    answered_and_closed(cast, ["4", "4", "4"], title="Last year's check")
    too_few = a_round(cast.partnership, cast.facilitator, title="Too few answered")
    answer(too_few, cast.facilitator, {"leadership/planning": "1"})
    answer(too_few, cast.editor, {"leadership/planning": "1"})
    close_round(too_few)
    still_open = a_round(cast.partnership, cast.facilitator, title="Still open")
    named_open = a_round(cast.partnership, cast.facilitator, title="Named, open", mode=Mode.NAMED)
    for user in [cast.facilitator, cast.editor, cast.viewer]:
        answer(still_open, user, {"leadership/planning": "1"})
        answer(named_open, user, {"leadership/planning": "1"})
    reader, texts = rendered(cast)
    found = chapter(reader, texts)
    # The latest round that shows results: the earlier one, closed with three answers.
    assert "Last year's check" in found
    assert "Strength (4)" in found
    everything = " ".join(texts)
    for title in ["Too few answered", "Still open", "Named, open"]:
        assert title not in everything
    assert "Concern" not in everything


def test_with_no_round_to_show_the_chapter_says_so_in_one_line(cast):
    too_few = a_round(cast.partnership, cast.facilitator, title="Too few answered")
    answer(too_few, cast.facilitator, {"leadership/planning": "2"})
    close_round(too_few)
    reader, texts = rendered(cast)
    found = chapter(reader, texts)
    assert NONE_SHOWN in found
    assert "Too few answered" not in found
    assert "Where to start" not in found


def test_a_round_closed_by_its_date_is_printed(cast):
    round = a_round(cast.partnership, cast.facilitator, title="Closed by its date")
    for user in [cast.facilitator, cast.editor, cast.viewer]:
        answer(round, user, {"leadership/planning": "3"})
    Round.objects.filter(pk=round.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert workbook(cast).assessment().round == round


def test_the_option_and_the_round_printed_are_in_the_cache_key(cast):
    keys = [workbook(cast, self_assessment=False).cache_key(), workbook(cast).cache_key()]
    answered_and_closed(cast, title="First check")
    keys.append(workbook(cast).cache_key())
    assert workbook(cast, self_assessment=False).cache_key() == keys[0]  # off: not read at all
    round = answered_and_closed(cast, ["1", "1", "1"], title="Second check")
    keys.append(workbook(cast).cache_key())
    round.delete()
    assert workbook(cast).cache_key() == keys[2]  # back to the first round
    assert len(set(keys)) == 4


def test_a_queued_render_keeps_the_option(cast):
    queued = workbook(cast)
    assert PartnershipWorkbook.from_params(queued.params) == queued
    assert PartnershipWorkbook.from_params(workbook(cast, self_assessment=False).params) == (
        workbook(cast, self_assessment=False)
    )
