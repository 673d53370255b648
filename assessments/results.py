"""A round's results: each cell's answers summed up, where to start, and the comments.

The one place that decides what a round's results show. In anonymous mode they show only once
the round is closed and at least ``ANONYMOUS_MINIMUM`` members have answered, and a cell's score
only when that many rated it; comments come without names, in no order that could tie them to
a person. Nothing here hands on one person's rating in anonymous mode.
"""

from dataclasses import dataclass, field
from functools import cached_property

from domains.matrix import arrange

from .models import ANONYMOUS_MINIMUM, Answer, Round
from .scoring import RATING_CHOICES, SCALE, score, summarise, where_to_start


@dataclass
class Comment:
    text: str
    user: object = None  # named rounds only (None: a former member)
    rating: str = ""  # named rounds only

    @property
    def rating_label(self):
        return dict(RATING_CHOICES)[self.rating]


@dataclass(eq=False)
class CellResult:
    statement: object
    answered: int = 0  # how many rated it (1 to 5)
    unknown: int = 0  # how many answered "don't know"
    summary: object = None  # None while too few rated it to show (anonymous rounds)
    comments: list = field(default_factory=list)

    @property
    def cell(self):
        return self.statement.cell

    @cached_property
    def rating_counts(self):
        """(rating, how many gave it) for each rating, 1 to 5."""
        return list(zip(SCALE, self.summary.counts, strict=True))

    @cached_property
    def spread(self):
        """The bar of answers: (rating, count, x and width in percent) for each rating given."""
        counts = self.summary.counts
        total = sum(counts)
        bars, x = [], 0.0
        for value, count in zip(SCALE, counts, strict=True):
            if count:
                width = 100 * count / total
                bars.append((value, count, round(x, 2), round(width, 2)))
                x += width
        return bars


@dataclass
class Results:
    round: object
    cells: list  # CellResult in the model's order
    respondents: int
    visible: bool

    @cached_property
    def matrix(self):
        for result in self.cells:
            result.cell.result = result
        return arrange([result.cell for result in self.cells])

    @cached_property
    def shown(self):
        """The cells whose score can be shown."""
        return [result for result in self.cells if result.summary]

    @cached_property
    def start(self):
        return where_to_start({result: result.summary for result in self.shown})

    @cached_property
    def commented(self):
        return [result for result in self.cells if result.comments]

    def by_cell(self):
        return {result.cell.pk: result for result in self.cells}


def round_statements(round):
    return round.statements.select_related("cell__domain", "cell__stage").order_by(
        "cell__domain__position", "cell__stage__position"
    )


def results_for(round, statements=None):
    """The round's results (two queries, three for a named round's names)."""
    statements = list(round_statements(round) if statements is None else statements)
    cells = {statement.pk: CellResult(statement) for statement in statements}
    ratings = {statement.pk: [] for statement in statements}
    answers = Answer.objects.filter(response__round=round)
    if round.is_anonymous:
        rows = answers.values_list("statement_id", "response_id", "rating", "comment")
        rows = [(*row, None) for row in rows]
    else:
        rows = [
            (a.statement_id, a.response_id, a.rating, a.comment, a.response.user)
            for a in answers.select_related("response__user__profile")
        ]
    respondents = set()
    for statement_id, response_id, rating, comment, user in rows:
        if rating:
            respondents.add(response_id)
            ratings[statement_id].append(score(rating))
        if comment:
            cells[statement_id].comments.append(Comment(comment, user, rating))
    if round.is_anonymous:
        visible = round.is_closed and len(respondents) >= ANONYMOUS_MINIMUM
    else:
        visible = bool(respondents)
    minimum = ANONYMOUS_MINIMUM if round.is_anonymous else 1
    for statement_id, result in cells.items():
        summary = summarise(ratings[statement_id])
        result.answered, result.unknown = summary.answered, summary.unknown
        result.summary = summary if summary.answered >= minimum else None
        if round.is_anonymous:
            result.comments.sort(key=lambda comment: comment.text)
        else:
            result.comments.sort(key=lambda comment: str(comment.user or ""))
    return Results(round, list(cells.values()), len(respondents), visible)


def latest_closed_results(partnership):
    """The results of the partnership's latest closed round that shows them, or None.

    Rounds are taken newest first (by the day they closed); those with too few members
    answered are passed over before their answers are read, and results_for decides."""
    for round in Round.objects.closed_newest_first(partnership):
        if round.respondent_count >= (ANONYMOUS_MINIMUM if round.is_anonymous else 1):
            results = results_for(round)
            if results.visible:
                return results
    return None


def changes(results, earlier):
    """Per cell of ``results``, the change of its median since ``earlier`` (or None)."""
    before = earlier.by_cell()
    for result in results.cells:
        previous = before.get(result.cell.pk)
        result.change = None
        if result.summary and previous and previous.summary:
            result.change = result.summary.median - previous.summary.median
    return results


def aggregates(results):
    """The results as plain data: per cell the median, band, counts and whether divided."""
    return [
        {
            "domain": result.cell.domain.slug,
            "stage": result.cell.stage.slug,
            "statement": result.statement.text,
            "answered": result.answered,
            "dont_know": result.unknown,
            "median": result.summary.median if result.summary else None,
            "band": result.summary.band if result.summary else None,
            "divided": result.summary.divided if result.summary else None,
            "counts": dict(zip(map(str, SCALE), result.summary.counts, strict=True))
            if result.summary
            else None,
        }
        for result in results.cells
    ]
