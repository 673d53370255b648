from notes.diff import DiffLine, line_diff


def test_changed_line_shows_as_removed_then_added():
    assert line_diff("We meet monthly.\nAna chairs.", "We meet weekly.\nAna chairs.") == [
        DiffLine("removed", "We meet monthly."),
        DiffLine("added", "We meet weekly."),
        DiffLine("same", "Ana chairs."),
    ]


def test_from_nothing_everything_is_added():
    assert line_diff("", "one\ntwo") == [DiffLine("added", "one"), DiffLine("added", "two")]


def test_identical_texts_have_no_changes():
    assert {line.change for line in line_diff("a\nb", "a\nb")} == {"same"}


def test_a_long_unchanged_stretch_is_collapsed_around_the_change():
    old = "\n".join(f"line {number}" for number in range(30_000))
    new = old.rpartition("\n")[0] + "\nthe last line, changed"
    diff = line_diff(old, new)
    assert diff.line_by_line
    assert diff == [
        DiffLine("skipped", "29,996", 29_996),
        DiffLine("same", "line 29996"),
        DiffLine("same", "line 29997"),
        DiffLine("same", "line 29998"),
        DiffLine("removed", "line 29999"),
        DiffLine("added", "the last line, changed"),
    ]


def test_unchanged_lines_between_changes_keep_three_lines_of_context_each_side():
    old = [f"line {number}" for number in range(30)]
    new = ["new start", *old[1:15], "new middle", *old[16:]]
    diff = line_diff("\n".join(old), "\n".join(new))
    assert [line.change for line in diff] == (
        ["removed", "added"] + ["same"] * 3 + ["skipped"] + ["same"] * 3
        + ["removed", "added"] + ["same"] * 3 + ["skipped"]
    )  # fmt: skip
    assert [line.text for line in diff if line.change == "same"] == [
        "line 1", "line 2", "line 3", "line 12", "line 13", "line 14",
        "line 16", "line 17", "line 18",
    ]  # fmt: skip
    assert [line.skipped for line in diff if line.change == "skipped"] == [8, 11]


def test_a_few_unchanged_lines_between_changes_are_all_shown():
    diff = line_diff("a\nb\nc\nd\ne\nf\ng\nh\ni", "A\nb\nc\nd\ne\nf\ng\nh\nI")
    assert [line.text for line in diff if line.change == "same"] == list("bcdefgh")


def test_versions_differing_everywhere_are_compared_coarsely():
    old = [f"line {number}" for number in range(3_000)]
    new = [line if number % 2 else f"changed {number}" for number, line in enumerate(old)]
    diff = line_diff("\n".join(["same start", *old]), "\n".join(["same start", *new]))
    assert not diff.line_by_line
    assert diff == [
        DiffLine("same", "same start"),
        *(DiffLine("removed", line) for line in old[:-1]),
        *(DiffLine("added", line) for line in new[:-1]),
        DiffLine("same", "line 2999"),
    ]
