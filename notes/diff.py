"""What changed between two versions of a note, line by line, for the history page.

The work is bounded whatever the texts: the lines the two versions share at the start and at
the end are set aside first (linear), and difflib compares only the differing middle, when
its worst case is small enough. difflib's time grows with the middle's lines times its
matching pairs, up to cubically for lines that repeat, so that product is capped; beyond it
the comparison is coarse: the older middle shown as removed and the newer as added. Long runs
of unchanged lines are collapsed to a few lines of context around each change.
"""

import difflib
from dataclasses import dataclass

from django.utils.formats import number_format

# Unchanged lines shown before and after each change.
CONTEXT = 3
# The most work difflib may do on a middle, as bounded by ``worst_work``: the worst middles
# under it take about a tenth of a second (bench/pathological.py).
MAX_WORK = 2_000_000


@dataclass(frozen=True)
class DiffLine:
    change: str  # "added", "removed", "same", or "skipped" for unchanged lines left out
    text: str  # the line; for "skipped", how many lines were left out, formatted
    skipped: int = 0  # for "skipped", how many lines were left out


class LineDiff(list):
    """The lines of a comparison; ``line_by_line`` is False when it was too large to compare
    line by line and shows the whole differing middle as removed, then added."""

    def __init__(self, lines, *, line_by_line=True):
        super().__init__(lines)
        self.line_by_line = line_by_line


def line_diff(old: str, new: str) -> LineDiff:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    head = shared_length(old_lines, new_lines)
    tail = shared_length(old_lines[head:][::-1], new_lines[head:][::-1])
    old_middle = old_lines[head : len(old_lines) - tail]
    new_middle = new_lines[head : len(new_lines) - tail]
    runs = [("same", old_lines[:head])]
    matcher = difflib.SequenceMatcher(a=old_middle, b=new_middle)
    line_by_line = worst_work(matcher) <= MAX_WORK
    if line_by_line:
        for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
            if operation == "equal":
                runs.append(("same", old_middle[old_start:old_end]))
            else:
                runs.append(("removed", old_middle[old_start:old_end]))
                runs.append(("added", new_middle[new_start:new_end]))
    else:
        runs += [("removed", old_middle), ("added", new_middle)]
    runs.append(("same", old_lines[len(old_lines) - tail :]))
    runs = [(change, texts) for change, texts in runs if texts]
    lines = []
    for index, (change, texts) in enumerate(runs):
        if change == "same":
            lines += unchanged(texts, first=index == 0, last=index == len(runs) - 1)
        else:
            lines += [DiffLine(change, text) for text in texts]
    return LineDiff(lines, line_by_line=line_by_line)


def shared_length(old_lines, new_lines) -> int:
    """How many lines the two lists begin with in common."""
    for index, (old_line, new_line) in enumerate(zip(old_lines, new_lines, strict=False)):
        if old_line != new_line:
            return index
    return min(len(old_lines), len(new_lines))


def worst_work(matcher) -> int:
    """An upper bound on difflib's steps for ``matcher``: each round of its search visits at
    most every line of both texts and every pair of equal lines, and each round but the last
    needs a matching block, so there are at most one more rounds than the fewest of the lines
    of either text and the pairs."""
    old, new = matcher.a, matcher.b
    pairs = sum(len(matcher.b2j.get(line, ())) for line in old)
    return (len(old) + len(new) + pairs) * (min(len(old), len(new), pairs) + 1)


def unchanged(texts, *, first, last) -> list[DiffLine]:
    """A run of unchanged lines, with the middle of a long one left out: it keeps the lines
    next to the changes before and after it (none before at the start, none after at the end)."""
    before = 0 if first else CONTEXT
    after = 0 if last else CONTEXT
    hidden = len(texts) - before - after
    if hidden <= CONTEXT:
        return [DiffLine("same", text) for text in texts]
    return [
        *(DiffLine("same", text) for text in texts[:before]),
        DiffLine("skipped", number_format(hidden, force_grouping=True), hidden),
        *(DiffLine("same", text) for text in texts[len(texts) - after :]),
    ]
