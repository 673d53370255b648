"""What changed between two versions of a note, line by line, for the history page."""

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class DiffLine:
    change: str  # "added", "removed" or "same"
    text: str


def line_diff(old: str, new: str) -> list[DiffLine]:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    lines = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            lines += [DiffLine("same", line) for line in old_lines[old_start:old_end]]
            continue
        lines += [DiffLine("removed", line) for line in old_lines[old_start:old_end]]
        lines += [DiffLine("added", line) for line in new_lines[new_start:new_end]]
    return lines
