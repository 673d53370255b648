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
