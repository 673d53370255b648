"""How long the worst notes take: rendering, comparing, their pages and their workbook PDF.

    .venv/bin/python bench/pathological.py [--runs N]

Uses the app's database (DATABASE_URL, default db.sqlite3), migrated and with the model loaded
first, as scripts/run does. The inputs are notes made to be hard on a Markdown parser (deep
nesting, long runs of brackets, emphasis markers, backticks and the like, each as long as a
note may be), pairs of versions made to be hard on the line comparison (30,000 lines, and the
largest differing middles still compared line by line), and, for scale, ordinary Markdown as
long as a note may be. Each is timed N times (the median is printed):

- render: ``render_note``, what a save does once;
- save: the note saved through the cell page's form (one POST, so one time);
- cell page: the cell page showing the saved note;
- compare: ``line_diff`` of two versions;
- history: the history page comparing the two versions;
- PDF: a one-cell partnership workbook with the note, rendered as the worker does.

Pages are requested in-process with Django's test client (middleware, views, templates and
queries; no network). The partnership is made inside a transaction that is rolled back at the
end, so the database is left as it was. The last table is the worst time per operation.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collabmodel.settings")

LIMIT = 100_000  # NOTE_MAX_LENGTH, checked against the model in main()
LINES = 30_000

ORDINARY = (
    "## What we agreed\n\n"
    "We meet **every second Tuesday** at the town hall; minutes go to all partners within "
    "two days (see the [shared plan](https://example.org/plan)). Ąžuolas, Līga, Jõgeva and "
    "Øystein lead the *working groups*.\n\n"
    "- The steering group decides on money above 5,000 euros.\n"
    "  - Smaller sums: the chair, with one partner.\n"
    "- Each partner names one contact person and a deputy.\n\n"
    "1. Map who is affected.\n2. Ask the traffic department for figures.\n\n"
    "> We need to hear from the schools first. (Õie)\n\n"
)


def filled(unit):
    """``unit`` repeated to the length limit of a note."""
    return (unit * (LIMIT // len(unit) + 1))[:LIMIT]


def mixed(alphabet, seed=8):
    generator = random.Random(seed)
    return "".join(generator.choice(alphabet) for _ in range(LIMIT))


def indented_list():
    """A list nested one level more on each line, as many lines as fit in a note."""
    lines, length, level = [], 0, 0
    while length + 2 * level + 4 <= LIMIT:
        lines.append("  " * level + "- x")
        length += 2 * level + 4
        level += 1
    return "\n".join(lines)


NOTES = {
    "`> - ` x 80 (320 characters)": "> - " * 80,
    "`> - ` to the limit": filled("> - "),
    "`>` to the limit": filled(">"),
    "`- ` to the limit": filled("- "),
    "a list indented one more each line": indented_list(),
    "10 quotes, then lazy lines": "> " * 10 + filled("x\n")[20:],
    "`[`": filled("["),
    "`]`": filled("]"),
    "`![`": filled("!["),
    "`](`": filled("]("),
    "`[a](`": filled("[a]("),
    "`[x]: <`": filled("[x]: <"),
    "`*[`": filled("*["),
    "`*`": filled("*"),
    "`_`": filled("_"),
    "`*a`": filled("*a"),
    "`**a `": filled("**a "),
    "emphasis 500 deep": "*" * 1000 + "loud" + "*" * 1000,
    "backticks": filled("`"),
    "`` `a ``": filled("`a"),
    "`<`": filled("<"),
    "`<a `": filled("<a "),
    "`\\`": filled("\\"),
    "`&`": filled("&"),
    "`&#`": filled("&#"),
    "mixed `[]()*_`<>\\&!`": mixed("[]()*_`<>\\&! \n"),
    "ordinary Markdown to the limit": filled(ORDINARY),
}
# The notes also printed (a PDF takes seconds, so not all of them).
PRINTED = [
    "`> - ` x 80 (320 characters)",
    "`> - ` to the limit",
    "emphasis 500 deep",
    "`[`",
    "10 quotes, then lazy lines",
    "ordinary Markdown to the limit",
]


def numbered(count, changed=lambda number: False):
    """``count`` short lines (numbers, so that 30,000 fit in a note), some changed."""
    return "\n".join("x" if changed(number) else str(number % 100) for number in range(count))


def largest_under_cap(make):
    """The versions ``make(n)`` for the largest n still compared line by line."""
    import difflib

    from notes.diff import MAX_WORK, worst_work

    low, high = 2, LINES
    while low < high:
        middle = (low + high + 1) // 2
        old, new = make(middle)
        matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines())
        low, high = (middle, high) if worst_work(matcher) <= MAX_WORK else (low, middle - 1)
    return make(low)


def distinct(count, changed=lambda number: False):
    return "\n".join(
        f"changed {number}" if changed(number) else f"line {number}" for number in range(count)
    )


def swapped(count):
    lines = [f"line {number}" for number in range(count)]
    return "\n".join(lines), "\n".join(lines[number ^ 1] for number in range(count - count % 2))


VERSIONS = {
    f"{LINES:,} lines, the last changed": lambda: (
        numbered(LINES),
        numbered(LINES, lambda number: number == LINES - 1),
    ),
    f"{LINES:,} lines, every line changed": lambda: (
        numbered(LINES),
        numbered(LINES, lambda number: True),
    ),
    f"{LINES:,} lines, every other line changed": lambda: (
        numbered(LINES),
        numbered(LINES, lambda number: number % 2 == 0),
    ),
    f"{LINES:,} lines, every 100th line changed": lambda: (
        numbered(LINES),
        numbered(LINES, lambda number: number % 100 == 0),
    ),
    "largest under the cap: every other line changed": lambda: largest_under_cap(
        lambda count: (distinct(count), distinct(count, lambda number: number % 2 == 0))
    ),
    "largest under the cap: every third line changed": lambda: largest_under_cap(
        lambda count: (distinct(count), distinct(count, lambda number: number % 3 == 0))
    ),
    "largest under the cap: neighbours swapped": lambda: largest_under_cap(swapped),
    "largest under the cap: one line repeated, then two": lambda: largest_under_cap(
        lambda count: ("a\n" * count, "a\nb\n" * (count // 2))
    ),
    "largest under the cap: blank lines between lines": lambda: largest_under_cap(
        lambda count: ("\nx" * (count // 2), "x\n\n" * (count // 3))
    ),
}


class Rollback(Exception):
    pass


def median_time(action, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build():
    from django.contrib.auth import get_user_model

    from accounts.models import Profile
    from domains.models import Cell
    from partnerships.models import Membership, Partnership, Role

    users = []
    for number in range(2):
        user = get_user_model().objects.create_user(
            f"bench{number}@example.org", f"bench{number}@example.org", "bench-password-1"
        )
        Profile.objects.create(user=user, display_name=f"Partner {number}", sector="public")
        users.append(user)
    partnership = Partnership.objects.create(
        name="Bench partnership", goal="Measure the worst notes.", sectors=["public"]
    )
    for user, role in zip(users, [Role.FACILITATOR, Role.EDITOR], strict=True):
        Membership.objects.create(partnership=partnership, user=user, role=role)
    cells = list(Cell.objects.for_page().select_related("domain", "stage"))
    return partnership, users, cells


def print_table(title, rows):
    print(f"\n{title}")
    print(f"{'input':<52} {'size':>14} " + " ".join(f"{name:>10}" for name in rows[0][2]))
    for name, size, times in rows:
        figures = " ".join(f"{seconds:>10.3f}" for seconds in times.values())
        print(f"{name:<52} {size:>14} {figures}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="times per input (default 3)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client
    from django.urls import reverse

    from domains.focus import Focus
    from notes.diff import line_diff
    from notes.editing import save_text
    from notes.markup import render_note
    from notes.models import NOTE_MAX_LENGTH, Note
    from workbooks.partnership import PartnershipWorkbook

    assert NOTE_MAX_LENGTH == LIMIT, NOTE_MAX_LENGTH
    assert all(len(text) <= LIMIT for text in NOTES.values())
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("loaddata", "model", verbosity=0)
    versions = {name: make() for name, make in VERSIONS.items()}
    assert all(len(text) <= LIMIT for pair in versions.values() for text in pair)

    worst = {}

    def record(rows):
        for name, _size, times in rows:
            for operation, seconds in times.items():
                if seconds > worst.get(operation, (0, ""))[0]:
                    worst[operation] = (seconds, name)

    try:
        with transaction.atomic():
            partnership, users, cells = build()
            client = Client()
            client.force_login(users[0])

            def url(name, cell):
                return reverse(
                    f"notes:{name}", args=[partnership.pk, cell.domain.slug, cell.stage.slug]
                )

            rows = []
            for (name, text), cell in zip(NOTES.items(), cells * 2, strict=False):
                render = median_time(lambda text=text: render_note(text), args.runs)
                Note.objects.filter(partnership=partnership, cell=cell).delete()
                start = time.perf_counter()
                response = client.post(url("save_note", cell), {"text": text, "base_version": 0})
                save = time.perf_counter() - start
                assert response.status_code == 302, (name, response.status_code)
                page = median_time(lambda cell=cell: client.get(url("cell", cell)), args.runs)
                rows.append(
                    (
                        name,
                        f"{len(text):,} chars",
                        {"render": render, "save": save, "cell page": page},
                    )
                )
            print_table("Notes", rows)
            record(rows)

            rows = []
            cell = cells[-1]
            for name, (old, new) in versions.items():
                Note.objects.filter(partnership=partnership, cell=cell).delete()
                note = save_text(partnership, cell, users[0], old, 0)
                note = save_text(partnership, cell, users[1], new, note.version)
                compare = median_time(lambda old=old, new=new: line_diff(old, new), args.runs)
                history = url("history", cell) + f"?from={note.version - 1}&to={note.version}"
                response = client.get(history)
                assert response.status_code == 200, (name, response.status_code)
                page = median_time(lambda history=history: client.get(history), args.runs)
                diff = line_diff(old, new)
                how = "lines" if diff.line_by_line else "coarse"
                size = f"{len(old.splitlines()):,} {how}"
                rows.append((name, size, {"compare": compare, "history": page}))
            print_table("Versions (size: lines, and whether compared line by line)", rows)
            record(rows)

            rows = []
            cell = next(cell for cell in cells if cell.domain.slug == "leadership")
            workbook = PartnershipWorkbook(
                partnership,
                Focus.from_slugs([cell.domain.slug], [cell.stage.slug]),
                "a4",
                "include",
                "page-per-cell",
                "en",
                datetime.date(2026, 11, 23),
            )
            for name in PRINTED:
                Note.objects.filter(partnership=partnership, cell=cell).delete()
                save_text(partnership, cell, users[0], NOTES[name], 0)
                pdf = median_time(workbook.render, args.runs)
                rows.append((name, f"{len(NOTES[name]):,} chars", {"PDF": pdf}))
            print_table("One-cell partnership workbook", rows)
            record(rows)
            raise Rollback
    except Rollback:
        pass

    print(f"\n{'operation':<12} {'worst s':>8}  input (median of {args.runs}; saves: once)")
    for operation, (seconds, name) in worst.items():
        print(f"{operation:<12} {seconds:>8.3f}  {name}")


if __name__ == "__main__":
    main()
