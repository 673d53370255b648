"""Scoring self-assessment answers, on hand-made answer sets."""

from assessments.scoring import Band, summarise, where_to_start


def test_bands_follow_the_median():
    assert summarise([4, 4, 5]).band == Band.STRENGTH
    assert summarise([3, 4]).band == Band.DISCUSS  # median 3.5
    assert summarise([3]).band == Band.DISCUSS
    assert summarise([1, 2, 5]).band == Band.CONCERN


def test_dont_know_is_counted_apart_and_alone_gives_no_score():
    summary = summarise([None, None])
    assert (summary.answered, summary.unknown, summary.median, summary.band) == (0, 2, None, None)
    assert summarise([None, 2, 4]).median == 3


def test_one_answer_is_its_own_score_and_never_divided():
    summary = summarise([2])
    assert (summary.median, summary.band, summary.divided) == (2, Band.CONCERN, False)
    assert summary.counts == [0, 1, 0, 0, 0]


def test_partners_far_apart_are_flagged_as_divided():
    assert summarise([1, 1, 5, 5]).divided  # half at each end
    assert summarise([1, 3, 3, 5]).divided  # a quarter at each end
    assert summarise([2, 3, 4, 4]).divided  # the middle half spans 2 points
    assert not summarise([3, 3, 4, 4]).divided
    assert not summarise([4, 4, 4, 5, 5, 1]).divided  # one outlier among six


def test_where_to_start_takes_the_lowest_and_the_divided_first_and_keeps_order_on_ties():
    summaries = {
        "strong": summarise([5, 5]),
        "low": summarise([2, 2]),
        "tie-a": summarise([3, 3]),
        "divided": summarise([1, 3, 5, 5]),  # median 4, a strength, but partners disagree
        "tie-b": summarise([3, 3]),
        "unknown": summarise([None]),
    }
    assert where_to_start(summaries) == ["low", "tie-a", "divided"]  # divided counts as 3
    assert where_to_start(summaries, count=5) == ["low", "tie-a", "divided", "tie-b"]
    assert where_to_start({"only-strengths": summarise([4, 5])}) == []
